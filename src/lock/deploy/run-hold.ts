// scope: run. The lock spans the jobs of one workflow run: at a job's end,
// post turns its lease into a hold of the run (hold.ts) instead of releasing
// it, lasting at most the spec's runHoldMs; a later job of the same run
// (repository and run id, any attempt) takes that hold over without waiting
// its turn, and keeps the same fencing token: at once when it comes, or at its
// next look at the lock when it waits in the queue already (a parallel or
// matrix job). The waiter does it (attempt.ts: takeOverRunHold, takeOver);
// mayTakeOver (hold.ts) says who may. A run that never comes back frees the
// lock when the hold ends, through whoever looks at the lock next.

import { newHoldRecord, type HoldRecord } from './hold.ts'
import type { LockSpec } from '../spec.ts'

/**
 * The hold of a run that a job's post places on the lease it still holds:
 * until the service's clock `serviceNow` plus runHoldMs, with the fencing
 * token of the run's acquisition.
 */
export function runHoldRecord(
  spec: LockSpec & { runHoldMs: number },
  who: { repository: string; runId: string; runUrl: string; actor: string },
  lease: { leaseId: string; fencingToken: number },
  serviceNow: Date,
): HoldRecord {
  return newHoldRecord(
    'run',
    who,
    `kept for the next job of run ${who.runId}`,
    { kind: 'for', ms: spec.runHoldMs },
    { leaseId: lease.leaseId, heldFrom: serviceNow, fencingToken: lease.fencingToken },
  )
}
