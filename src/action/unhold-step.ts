// The unhold step (uses: org/azure-mutex-action/unhold@v1): lifts a hold
// (lock/deploy/hold.ts) at once, a freeze or a run's hold, and notes on the lock blob
// who lifted it and why. Its lease goes straight to the head of the queue, as
// a holder's does when it lets go (lock/deploy/lift-hold.ts), or is released when
// nobody waits. It ends only a hold: the lift carries the lease id that the
// hold's record names, and is conditional on the blob being as it was read.
// A running job's lease is left alone unless 'force' says to break it.

import * as core from '@actions/core'
import { describeBreak } from '../lock/break-record.ts'
import { UserError } from '../lock/errors.ts'
import { describeLetGo } from '../lock/queue/handover.ts'
import { describeHold } from '../lock/deploy/hold.ts'
import { describeHolderSeen } from '../lock/holder-seen.ts'
import { describeEndedAlready, liftHold } from '../lock/deploy/lift-hold.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { usesEntra } from '../sign-in/methods.ts'
import { Inputs } from './constants.ts'
import { holderFromEnvironment } from './context.ts'
import { failStep } from './failure.ts'
import { readBoolean, readOptionalReason } from './inputs.ts'
import { openOperatorLock, readOperatorLock } from './operator-lock.ts'

export async function runUnhold(): Promise<void> {
  let spec: LockSpec | undefined
  let tokenAuth = false
  try {
    const read = (name: string): string => core.getInput(name)
    let reason = ''
    let force = false
    const target = readOperatorLock(read, () => {
      reason = readOptionalReason(read, 'lifted by the unhold action')
      force = readBoolean(read, Inputs.Force, false)
    })
    spec = target.spec
    tokenAuth = usesEntra(target.access.auth)
    const lock = await openOperatorLock(target)
    const location = lockLocation(spec)
    const lifted = await liftHold(lock, { lifter: holderFromEnvironment(), reason, force })
    switch (lifted.outcome) {
      case 'missing':
        throw new UserError(`Lock ${location} does not exist: nothing to lift. Check 'lock-name' and 'container'.`)
      case 'free':
        core.notice(`Lock ${location} is not held: nothing to lift.`)
        return
      case 'lifted':
        core.info(`Lifted the hold on lock ${location}, ${describeHold(lifted.hold)}; ${describeLetGo(lifted.letGo)}.`)
        core.info(`Wrote on the lock blob: ${describeBreak(lifted.note)}.`)
        return
      case 'left-alone':
        if (lifted.seen.hold) {
          throw new UserError(
            `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, but the lease does not answer to the id its record names ` +
              "(a record written beside another client's lease, or a hold that changed meanwhile): it was left alone. " +
              `To break that lease anyway, set '${Inputs.Force}: true'.`,
          )
        }
        throw new UserError(
          `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, not by a hold: it was left alone. ` +
            `To break that lease anyway, set '${Inputs.Force}: true'.`,
        )
      case 'broken':
        core.warning(
          `Broke the lease on lock ${location}, held by ${describeHolderSeen(lifted.seen)} ('${Inputs.Force}: true').`,
        )
        return
      case 'gone':
        core.notice(`Lock ${location} is not held any more: nothing to lift.`)
        return
      case 'ended-already':
        // Just after the hold ended by itself: what was asked for is done.
        core.notice(describeEndedAlready(location, lifted))
    }
  } catch (err) {
    failStep(err, spec?.endpoint, { tokenAuth, container: spec?.container })
  }
}
