// release/ with 'scope: run' in a job that does not hold the lock: a final
// job of the run (a clean-up job, say) ends the hold that an earlier job of
// the same run left on the lock (lock/deploy/run-hold.ts). Only this run's hold is
// lifted (same repository and run id, any attempt), and its lease goes
// straight to the head of the queue (lock/deploy/lift-hold.ts). Anything else on the
// lock (another run's hold, a freeze, a running job) is left alone: the step
// says so and passes, since the run's hold may have ended by itself and the
// lock moved on.

import * as core from '@actions/core'
import { UserError } from '../lock/errors.ts'
import { describeLetGo } from '../lock/queue/handover.ts'
import { describeHold } from '../lock/deploy/hold.ts'
import { describeHolderSeen } from '../lock/holder-seen.ts'
import { describeEndedAlready, liftHold } from '../lock/deploy/lift-hold.ts'
import { lockLocation } from '../lock/spec.ts'
import { Inputs } from './constants.ts'
import { holderFromEnvironment } from './context.ts'
import type { InputReader } from './inputs.ts'
import { openOperatorLock, readOperatorLock } from './operator-lock.ts'

export async function endRunHold(read: InputReader): Promise<void> {
  if (read(Inputs.LockName) === '') {
    throw new UserError(
      `This job holds no lock, so the release action ends this run's hold: name the lock in '${Inputs.LockName}', ` +
        'and give the credential inputs of the main action.',
    )
  }
  const target = readOperatorLock(read)
  const location = lockLocation(target.spec)
  const lock = await openOperatorLock(target)
  const who = holderFromEnvironment()
  const lifted = await liftHold(lock, {
    lifter: who,
    reason: `the release action ended the hold of run ${who.runId}`,
    force: false,
    accept: (hold) => hold.scope === 'run' && hold.repository === who.repository && hold.runId === who.runId,
  })
  switch (lifted.outcome) {
    case 'missing':
      throw new UserError(`Lock ${location} does not exist: nothing to release. Check 'lock-name' and 'container'.`)
    case 'free':
      core.notice(`Lock ${location} is not held: this run's hold has ended already.`)
      return
    case 'lifted':
      core.info(
        `Ended this run's hold on lock ${location}, ${describeHold(lifted.hold)}; ${describeLetGo(lifted.letGo)}.`,
      )
      return
    case 'ended-already':
      // This run's hold ended by itself a moment ago (hold-for passed): nothing left to release.
      if (lifted.note.holderRepository === who.repository && lifted.note.holderRunId === who.runId) {
        core.notice(describeEndedAlready(location, lifted))
        return
      }
      if (!lifted.seen) {
        core.notice(`Lock ${location} is not held: this run's hold has ended already.`)
        return
      }
      core.warning(
        `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, not by a hold of this run: it was left alone.`,
      )
      return
    case 'left-alone':
    case 'broken':
    case 'gone':
      core.warning(
        `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, not by a hold of this run: it was left alone.`,
      )
  }
}
