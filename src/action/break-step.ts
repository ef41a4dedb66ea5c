// The break step (uses: org/azure-mutex-action/break@v1): breaks a lock's
// lease at once, for a foreign client's infinite lease or a hung job that an
// operator decides to override, and writes on the blob who broke it (this
// run's repository, run and actor), why and when. The former holder's renewer
// finds the lease gone at its next renewal, and its post step fails naming
// this record: its protected steps may now overlap the next holder's.

import * as core from '@actions/core'
import { describeBreak, newBreakRecord } from '../lock/break-record.ts'
import { UserError, breakRights } from '../lock/errors.ts'
import type { LockBlob } from '../lock/lock-blob.ts'
import { describeHolder } from '../lock/holder.ts'
import { isSlotsBreak, slotsBreakLines } from '../lock/queue/slots-break.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { usesEntra } from '../sign-in/methods.ts'
import { Inputs } from './constants.ts'
import { holderFromEnvironment } from './context.ts'
import { failStep } from './failure.ts'
import { InputError, readReason } from './inputs.ts'
import { openOperatorLock, readOperatorLock } from './operator-lock.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'

export async function runBreak(): Promise<void> {
  let spec: LockSpec | undefined
  let tokenAuth = false
  let entry: number | undefined
  try {
    const read = (name: string): string => core.getInput(name)
    let reason = ''
    const target = readOperatorLock(read, () => {
      reason = readReason(read)
      entry = readEntry(read)
    })
    spec = target.spec
    tokenAuth = usesEntra(target.access.auth)
    const lock = await openOperatorLock(target)
    const breaker = holderFromEnvironment()
    const location = lockLocation(spec)
    if (entry !== undefined) return await clearEntry(lock, location, entry, reason)
    // Every slot of a lock with slots; a lock of one slot is its lock blob, and says what it always said.
    const result = await lock.breakEverySlot((holder, brokenAt) =>
      newBreakRecord(breaker, reason, brokenAt ?? new Date(), holder),
    )
    const outcome = result.slots[0]!
    if (isSlotsBreak(result) && (outcome.outcome !== 'missing' || result.slots.length > 1)) {
      const { info, warnings } = slotsBreakLines(location, result)
      for (const line of info) core.info(line)
      for (const line of warnings) core.warning(line)
      return
    }
    if (!result.listed) core.info(`The credential may not list: if lock ${location} has slots, only slot 1 was broken.`)
    switch (outcome.outcome) {
      case 'missing':
        throw new UserError(`Lock ${location} does not exist: nothing to break. Check 'lock-name' and 'container'.`)
      case 'not-held':
        core.notice(`Lock ${location} is not held: nothing to break, nothing written.`)
        return
      case 'broken':
        core.info(`Broke the lease on lock ${location}, held by ${describeHolder(outcome.holder)}.`)
        if (outcome.recorded) {
          core.info(`Wrote on the lock blob: ${describeBreak(outcome.record)}.`)
        } else {
          core.warning(
            `Another client took lock ${location} before the break record could be written: ` +
              "the former holder's post step will report the loss without naming this break.",
          )
        }
    }
  } catch (err) {
    failStep(err, spec?.endpoint, {
      tokenAuth,
      container: spec?.container,
      needs: breakRights(entry !== undefined, `'${Inputs.Entry}'`),
    })
  }
}

/** The 'entry' input: a ticket of the queue, or undefined when empty. */
function readEntry(read: (name: string) => string): number | undefined {
  const text = read(Inputs.Entry).trim()
  if (text === '') return undefined
  if (!/^\d{1,15}$/.test(text) || Number(text) < 1) {
    throw new InputError(
      `Invalid input '${Inputs.Entry}': expected a ticket of the lock's queue, a whole number such as 3, ` +
        "as the waiting jobs' warnings and the status action name it.",
    )
  }
  return Number(text)
}

/** Clears a squatted or lapsed queue entry; refuses a live waiter's. */
async function clearEntry(lock: LockBlob, location: string, ticket: number, reason: string): Promise<void> {
  const cleared = await lock.queue.clear(ticket)
  switch (cleared) {
    case 'missing':
      core.notice(`Lock ${location} has no queue entry ${ticket}: nothing to clear.`)
      return
    case 'live':
      throw new UserError(
        `Entry ${ticket} in the queue of lock ${location} has a fixed lease that its waiting job renews: ` +
          'it is a live waiter, and was left alone. Only an entry with an infinite lease, or none, is cleared.',
      )
    case 'cleared':
      core.info(`Cleared entry ${ticket} from the queue of lock ${location} (reason: ${showUntrusted(reason)}).`)
  }
}
