// The unhold step (uses: org/azure-mutex-action/unhold@v1): lifts a hold
// (lock/hold.ts) at once, a freeze or a run's hold, and notes on the lock blob
// who lifted it and why. It ends only a hold: the release carries the lease id
// that the hold's record names, and is conditional on the blob being as it was
// read. A running job's lease is left alone unless 'force' says to break it.

import * as core from '@actions/core'
import { describeBreak, newBreakRecord } from '../lock/break-record.ts'
import { UserError } from '../lock/errors.ts'
import { describeHold } from '../lock/hold.ts'
import { describeHolderSeen, freshnessOf } from '../lock/holder.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { STEP_RETRY } from '../lock/storage.ts'
import { usesEntra } from '../sign-in/methods.ts'
import { Inputs } from './constants.ts'
import { holderFromEnvironment } from './context.ts'
import { failStep } from './failure.ts'
import { InputError, REASON_MAX_LENGTH, readBoolean, readContainer, readLockName, readStorageTarget } from './inputs.ts'
import { requestLog } from './request-log.ts'
import { signInTo } from './step-sign-in.ts'

/** Reads of the blob to try, when it changes between the read and the conditional release. */
const TRIES = 3

export async function runUnhold(): Promise<void> {
  let spec: LockSpec | undefined
  let tokenAuth = false
  try {
    const read = (name: string): string => core.getInput(name)
    const lockName = readLockName(read)
    const container = readContainer(read)
    const reason = read(Inputs.Reason) || 'lifted by the unhold action'
    if (reason.length > REASON_MAX_LENGTH) {
      throw new InputError(
        `Invalid input '${Inputs.Reason}': it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}.`,
      )
    }
    const force = readBoolean(read, Inputs.Force, false)
    const target = readStorageTarget(read)
    tokenAuth = usesEntra(target.auth)
    spec = { endpoint: target.endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.default }
    const { signedIn } = await signInTo(target, { check: true })
    const lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
    const location = lockLocation(spec)
    const lifter = holderFromEnvironment()
    for (let attempt = 1; ; attempt++) {
      const look = await lock.view()
      if (look.state === 'missing') {
        throw new UserError(`Lock ${location} does not exist: nothing to lift. Check 'lock-name' and 'container'.`)
      }
      if (look.state === 'free') {
        core.notice(`Lock ${location} is not held: nothing to lift.`)
        return
      }
      if (look.hold) {
        const note = newBreakRecord(lifter, reason, look.serviceNow ?? new Date(), look.holder)
        if ((await lock.endHold(look, note)) === 'ended') {
          core.info(`Lifted the hold on lock ${location}, ${describeHold(look.hold)}.`)
          core.info(`Wrote on the lock blob: ${describeBreak(note)}.`)
          return
        }
        if (attempt < TRIES) continue
      }
      const seen = {
        record: look.holder,
        freshness: look.holder
          ? freshnessOf(look.holder, look.modifiedAt, look.serviceNow)
          : ({ kind: 'unknown-age' } as const),
        infinite: look.infinite,
      }
      if (!force) {
        throw new UserError(
          `Lock ${location} is held by ${describeHolderSeen(seen)}, not by a hold: it was left alone. ` +
            `To break that lease anyway, set '${Inputs.Force}: true'.`,
        )
      }
      const outcome = await lock.breakLease((holder, brokenAt) =>
        newBreakRecord(lifter, reason, brokenAt ?? new Date(), holder),
      )
      if (outcome.outcome === 'broken') {
        core.warning(
          `Broke the lease on lock ${location}, held by ${describeHolderSeen(seen)} ('${Inputs.Force}: true').`,
        )
      } else {
        core.notice(`Lock ${location} is not held any more: nothing to lift.`)
      }
      return
    }
  } catch (err) {
    failStep(err, spec?.endpoint, { tokenAuth, container: spec?.container })
  }
}
