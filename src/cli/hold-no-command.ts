// azure-mutex hold <lock> --for 2h --reason ... (no command): the hold
// sub-action's work, with the same core calls and the same records. A hold
// set here waits its turn in the queue (a deploy that runs now finishes
// first), then stays on the lock with no process behind it, until its end
// (whoever comes for the lock then ends it), or until somebody lifts it
// (azure-mutex unhold, unhold.ts).

import { randomUUID } from 'node:crypto'
import { constants } from 'node:os'
import { formatDuration } from '../lock/duration.ts'
import { LockCancelledError, LockTimeoutError } from '../lock/errors.ts'
import { describeHold, setFreeze } from '../lock/deploy/hold.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation } from '../lock/spec.ts'
import { refuseHoldOnSlots } from '../lock/queue/slots.ts'
import { waitForLease } from '../lock/waiter.ts'
import { readHoldSettings } from '../settings/hold.ts'
import { Flags } from './flags.ts'
import { cliHolder } from './holder.ts'
import { ExitCode, PASS_CREDENTIALS, UsageError, readerOf, type CommandLine } from './options.ts'
import { CLI_RETRY, lockNameOf, readTarget, signInTo, type Output, type Session } from './session.ts'
import { waitLine } from './wait-lines.ts'

/** The options of a hold with a command, refused without one. */
const COMMAND_ONLY: readonly string[] = [
  'on-lost',
  PASS_CREDENTIALS,
  Flags.SupersedeKey,
  Flags.Sequence,
  Flags.OnSuperseded,
]

/** The signals that cancel the wait for the lock: the hold is then not set, and nothing is left in the queue. */
const CANCELLING: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** hold <lock> --for <duration> | --until <time> --reason <why>: sets a freeze, as the hold sub-action does. */
export async function runFreeze(
  line: CommandLine,
  out: Output,
  env: NodeJS.ProcessEnv,
  session: Session,
): Promise<number> {
  const read = readerOf(line, env)
  const lockName = lockNameOf(line, read)
  if (lockName === undefined) {
    throw new UsageError("Missing the lock's name: azure-mutex hold <lock> -- <command> [args...].")
  }
  const given = [Flags.For, Flags.Duration, Flags.Until, Flags.Reason].some((flag) => line.flags[flag] !== undefined)
  if (!given) {
    throw new UsageError(
      `Missing the command to run while holding the lock: azure-mutex hold ${lockName} -- <command> [args...]; ` +
        'or, for a hold with no command, --for <duration> (or --until <time>) and --reason <why>.',
    )
  }
  const extra = COMMAND_ONLY.find((flag) => line.flags[flag] !== undefined)
  if (extra !== undefined) {
    throw new UsageError(
      `--${extra} applies to a hold with a command (after '--'), not to a hold with --for or --until.`,
    )
  }
  if (line.flags.for !== undefined && line.flags[Flags.Duration] !== undefined) {
    throw new UsageError(`Give --for or --${Flags.Duration} (the same thing), not both.`)
  }
  // --for is the input 'duration' (options.ts reads it so, and names it --for).
  // The wait's lease is the shortest: nobody renews it between the grant and the hold (settings/hold.ts).
  const { hold, access, timeoutMs } = readHoldSettings(read, lockName, (byKey) => readTarget(byKey, session))
  const { lock: spec, reason, end } = hold
  const container = spec.container
  session.container = container
  const location = lockLocation(spec)

  const cancel = new AbortController()
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    received ??= signal
    cancel.abort()
  }
  for (const signal of CANCELLING) process.on(signal, onSignal)
  try {
    const signedIn = await signInTo(access, out, session)
    const lock = openLock(signedIn.auth, spec, { retry: CLI_RETRY })
    const limit = timeoutMs === undefined ? 'no time limit' : `at most ${formatDuration(timeoutMs)}`
    out.progress(`Taking lock ${location} to hold it (wait ${limit}).`)
    const who = cliHolder(env)
    const name = `${container}/${lockName}`
    let acquired
    try {
      acquired = await waitForLease({
        lock,
        leaseId: randomUUID(),
        spec,
        holder: who,
        timeoutMs,
        signal: cancel.signal,
        onEvent: (event) => {
          const text = waitLine(event, name, session.name)
          if (text) out.progress(text)
        },
      })
    } catch (err) {
      if (err instanceof LockTimeoutError) {
        out.progress(`${err.message} No hold was set.`)
        return ExitCode.Timeout
      }
      if (err instanceof LockCancelledError) {
        out.progress(`Received ${received ?? 'a signal'} while waiting: left the queue; no hold was set.`)
        return 128 + (constants.signals[received ?? 'SIGINT'] ?? 2)
      }
      throw refuseHoldOnSlots(err, location)
    }
    const record = await setFreeze(lock, who, { lock: spec, reason, end }, acquired)
    out.progress(`Lock ${location} is now held by ${describeHold(record)}.`)
    out.progress(
      record.until
        ? `Jobs that come for it queue behind the hold; the first of them ends it at ${record.until}. ` +
            `'azure-mutex unhold ${lockName}' lifts it earlier.`
        : `Jobs that come for it queue behind the hold until 'azure-mutex unhold ${lockName}' lifts it.`,
    )
    // The hold sub-action's outputs, for scripts.
    out.result(`held-until=${record.until}\nfencing-token=${acquired.fencingToken}\n`)
    return 0
  } finally {
    for (const signal of CANCELLING) process.off(signal, onSignal)
  }
}
