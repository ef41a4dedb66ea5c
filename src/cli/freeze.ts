// azure-mutex hold <lock> --for 2h --reason ... (no command), and azure-mutex
// unhold <lock>: the hold and unhold sub-actions' work, with the same core
// calls and the same records. A hold set here waits its turn in the queue
// (a deploy that runs now finishes first), then stays on the lock with no
// process behind it, until its end (whoever comes for the lock then ends it),
// or until somebody lifts it.

import { randomUUID } from 'node:crypto'
import { constants } from 'node:os'
import { describeBreak } from '../lock/break-record.ts'
import { formatDuration } from '../lock/duration.ts'
import { LockCancelledError, LockTimeoutError, UserError } from '../lock/errors.ts'
import { describeLetGo } from '../lock/queue/handover.ts'
import { describeHold, setFreeze } from '../lock/deploy/hold.ts'
import { describeHolderSeen } from '../lock/holder-seen.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { describeEndedAlready, liftHold } from '../lock/deploy/lift-hold.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { refuseHoldOnSlots } from '../lock/queue/slots.ts'
import { waitForLease } from '../lock/waiter.ts'
import { Inputs } from '../action/constants.ts'
import { readHoldEnd, readHoldReason } from '../action/hold-inputs.ts'
import { readBoolean, readContainer, readOptionalReason, readTimeout } from '../action/inputs.ts'
import { cliHolder } from './holder.ts'
import { ExitCode, PASS_CREDENTIALS, UsageError, envName, readerOf, type CommandLine } from './options.ts'
import { CLI_RETRY, lockNameOf, readTarget, signInTo, type Output, type Session } from './session.ts'
import { waitLine } from './wait-lines.ts'

/** The options of a hold with a command, refused without one. */
const COMMAND_ONLY: readonly string[] = [
  'on-lost',
  PASS_CREDENTIALS,
  Inputs.SupersedeKey,
  Inputs.Sequence,
  Inputs.OnSuperseded,
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
  const given = ['for', Inputs.Duration, Inputs.Until, Inputs.Reason].some((flag) => line.flags[flag] !== undefined)
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
  if (line.flags.for !== undefined && line.flags[Inputs.Duration] !== undefined) {
    throw new UsageError(`Give --for or --${Inputs.Duration} (the same thing), not both.`)
  }
  // --for is the input 'duration' (options.ts reads it so, and names it --for).
  const container = readContainer(read)
  const reason = readHoldReason(read)
  const end = readHoldEnd(read)
  const timeoutMs = readTimeout(read)
  const access = readTarget(read, session)
  session.container = container
  // The wait's lease is the shortest: nobody renews it between the grant and the hold.
  const spec: LockSpec = { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.min }
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
        leaseDurationSeconds: spec.leaseDurationSeconds,
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

/** unhold <lock> [--reason <why>] [--force]: lifts a hold, as the unhold sub-action does; its lease goes to the head of the queue. */
export async function runUnhold(
  line: CommandLine,
  out: Output,
  env: NodeJS.ProcessEnv,
  session: Session,
): Promise<number> {
  const read = readerOf(line, env)
  const lockName = lockNameOf(line, read)
  if (lockName === undefined)
    throw new UsageError("Missing the lock's name: azure-mutex unhold <lock> [--reason <why>].")
  const container = readContainer(read)
  const reason = readOptionalReason(read, 'lifted with azure-mutex unhold')
  const force = readBoolean(read, Inputs.Force, false)
  const access = readTarget(read, session)
  const spec: LockSpec = { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.default }
  const location = lockLocation(spec)
  session.container = container
  const signedIn = await signInTo(access, out, session)
  const lock = openLock(signedIn.auth, spec, { retry: CLI_RETRY })
  const lifted = await liftHold(lock, { lifter: cliHolder(env), reason, force })
  switch (lifted.outcome) {
    case 'missing':
      throw new UserError(
        `Lock ${location} does not exist: nothing to lift. Check the lock's name and --${Inputs.Container}.`,
      )
    case 'free':
      out.progress(`Lock ${location} is not held: nothing to lift.`)
      return 0
    case 'lifted':
      out.progress(`Lifted the hold on lock ${location}, ${describeHold(lifted.hold)}; ${describeLetGo(lifted.letGo)}.`)
      out.progress(`Wrote on the lock blob: ${describeBreak(lifted.note)}.`)
      return 0
    case 'left-alone':
      throw new UserError(
        lifted.seen.hold
          ? `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, but the lease does not answer to the id its record names ` +
              "(a record written beside another client's lease, or a hold that changed meanwhile): it was left alone. " +
              `To break that lease anyway, add --${Inputs.Force}.`
          : `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, not by a hold: it was left alone. ` +
              `To break that lease anyway, add --${Inputs.Force} (or set ${envName(Inputs.Force)}=true).`,
      )
    case 'broken':
      out.progress(
        `warning: broke the lease on lock ${location}, held by ${describeHolderSeen(lifted.seen)} (--force).`,
      )
      return 0
    case 'gone':
      out.progress(`Lock ${location} is not held any more: nothing to lift.`)
      return 0
    case 'ended-already':
      // Just after the hold ended by itself: what was asked for is done.
      out.progress(describeEndedAlready(location, lifted))
      return 0
  }
}
