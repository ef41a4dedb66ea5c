// Post, for scope run: instead of releasing, turn the lease into a hold of the
// workflow run (lock/deploy/run-hold.ts), then let the renewer stop. In that order:
// the renewer keeps the lease until the hold is in place, and never stops
// before. Whenever the hold cannot be placed, post goes on as for scope job
// and releases the lock: a run's hold is a convenience, never a reason to
// leave a lease that nobody keeps.

import * as core from '@actions/core'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { describeHold } from '../lock/deploy/hold.ts'
import { openLock } from '../lock/lock-blob.ts'
import { runHoldRecord } from '../lock/deploy/run-hold.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { STEP_RETRY } from '../lock/storage.ts'
import { askToLetGo } from '../renewer/control.ts'
import { holderFromEnvironment } from './context.ts'
import { requestLog } from './request-log.ts'
import * as state from './state.ts'
import { signInWithInputs } from './step-sign-in.ts'
import type { LockSummary } from './summary.ts'

/**
 * Keeps the lock as a hold of this run, when the spec says scope run and the
 * renewer still holds the lease. Returns what the summary says of the job's
 * hold, or undefined when post should release as usual (scope job, a release
 * step let go already, the lease was lost, or the hold could not be placed).
 */
export async function keepForRun(spec: LockSpec, lease: state.HeldLease): Promise<LockSummary['hold']> {
  const runHoldMs = spec.runHoldMs
  const places = state.renewer()
  const turn = state.turn()
  if (runHoldMs === undefined || !places || !turn) return undefined
  const location = lockLocation(spec)
  const asked = await askToLetGo(places.channel, { op: 'report', by: 'post' }, { expected: places.renewer })
  // Released by a release step (which ends the run's hold), lost, or a renewer that cannot say: as for scope job.
  if (asked.answer.kind !== 'answered' || asked.answer.report.phase !== 'holding') return undefined
  let record
  try {
    const { signedIn } = await signInWithInputs({ ambientSource: state.ambientSource() })
    const lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
    const look = await lock.view()
    if (look.state !== 'leased') return undefined
    const who = holderFromEnvironment()
    record = runHoldRecord(
      { ...spec, runHoldMs },
      who,
      { leaseId: lease.leaseId, fencingToken: turn.fencingToken },
      look.serviceNow ?? new Date(),
    )
    await lock.placeHold(lease.leaseId, { ...who, acquiredAt: lease.acquiredAt.toISOString() }, record)
  } catch (err) {
    core.warning(
      `Could not keep lock ${location} for the next job of this run (${describeStorageErrorBrief(err)}): releasing it instead.`,
    )
    return undefined
  }
  // The hold is in place: only now may the renewer stop, leaving the lease as it is.
  const stopped = await askToLetGo(
    places.channel,
    { op: 'keep', by: 'post' },
    { killIfStuck: true, expected: places.renewer },
  )
  if (stopped.log.length > 0) {
    core.startGroup('Renewer log')
    core.info(stopped.log.join('\n'))
    core.endGroup()
  }
  core.info(
    `Kept lock ${location} for the next job of this run: it is held by ${describeHold(record)}. ` +
      "A later job of this run with 'scope: run' takes it over at once (one that waits in line already, at its next " +
      'look); the release action ends the hold.',
  )
  const heldSince = lease.heldSince ?? lease.acquiredAt
  return { acquiredAt: heldSince, endedAt: new Date(record.setAt), outcome: 'kept' }
}
