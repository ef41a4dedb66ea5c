// azure-mutex break: the break sub-action's work, with the same core calls and
// the same records, from a terminal or another CI system.

import { describeBreak, newBreakRecord } from '../lock/break-record.ts'
import { UserError, breakRights } from '../lock/errors.ts'
import { describeHolder } from '../lock/holder.ts'
import { isSlotsBreak, slotsBreakLines } from '../lock/queue/slots-break.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { readContainer } from '../settings/lock-spec.ts'
import { Option } from '../settings/option.ts'
import { readReason } from '../settings/reason.ts'
import { Flags } from './flags.ts'
import { cliHolder } from './holder.ts'
import { UsageError, readerOf, type CommandLine } from './options.ts'
import { CLI_RETRY, lockNameOf, readTarget, signInTo, type Output, type Session } from './session.ts'

/** break <lock> --reason ...: breaks the lease at once and writes who broke it and why, as the break sub-action does. */
export async function runBreak(
  line: CommandLine,
  out: Output,
  env: NodeJS.ProcessEnv,
  session: Session,
): Promise<number> {
  const read = readerOf(line, env)
  const lockName = lockNameOf(line, read)
  if (lockName === undefined) throw new UsageError("Missing the lock's name: azure-mutex break <lock> --reason <why>.")
  const container = readContainer(read)
  const reason = readReason(read)
  const entry = readEntry(read(Option.Entry))
  // A refusal for a missing permission names what this break needs: delete for an entry, list for the slots.
  session.needs = breakRights(entry !== undefined, `--${Flags.Entry}`)
  const access = readTarget(read, session)
  const spec: LockSpec = { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.default }
  session.container = container
  const signedIn = await signInTo(access, out, session)
  const lock = openLock(signedIn.auth, spec, { retry: CLI_RETRY })
  const location = lockLocation(spec)
  if (entry !== undefined) {
    const cleared = await lock.queue.clear(entry)
    if (cleared === 'live') {
      throw new UserError(
        `Entry ${entry} in the queue of lock ${location} has a fixed lease that its waiter renews: it is a live waiter, and was left alone.`,
      )
    }
    out.progress(
      cleared === 'missing'
        ? `Lock ${location} has no queue entry ${entry}: nothing to clear.`
        : `Cleared entry ${entry} from the queue of lock ${location}.`,
    )
    return 0
  }
  const breaker = cliHolder(env)
  // Every slot of a lock with slots; a lock of one slot is its lock blob, and says what it always said.
  const result = await lock.breakEverySlot((holder, brokenAt) =>
    newBreakRecord(breaker, reason, brokenAt ?? new Date(), holder),
  )
  const outcome = result.slots[0]!
  if (isSlotsBreak(result) && (outcome.outcome !== 'missing' || result.slots.length > 1)) {
    const { info, warnings } = slotsBreakLines(location, result)
    for (const line of info) out.progress(line)
    for (const line of warnings) out.progress(`warning: ${line}`)
    return 0
  }
  if (!result.listed)
    out.progress(`The credential may not list: if lock ${location} has slots, only slot 1 was broken.`)
  switch (outcome.outcome) {
    case 'missing':
      throw new UserError(
        `Lock ${location} does not exist: nothing to break. Check the lock's name and --${Flags.Container}.`,
      )
    case 'not-held':
      out.progress(`Lock ${location} is not held: nothing to break, nothing written.`)
      return 0
    case 'broken':
      out.progress(`Broke the lease on lock ${location}, held by ${describeHolder(outcome.holder)}.`)
      out.progress(
        outcome.recorded
          ? `Wrote on the lock blob: ${describeBreak(outcome.record)}.`
          : `warning: another client took lock ${location} before the break record could be written.`,
      )
      return 0
  }
}

function readEntry(text: string): number | undefined {
  if (text === '') return undefined
  if (!/^\d{1,15}$/.test(text) || Number(text) < 1) {
    throw new UsageError(
      `Invalid input '${Flags.Entry}': expected a ticket of the lock's queue, a whole number such as 3.`,
    )
  }
  return Number(text)
}
