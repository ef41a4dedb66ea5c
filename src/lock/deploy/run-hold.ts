// scope: run. The lock spans the jobs of one workflow run: at a job's end,
// post turns its lease into a hold of the run (hold.ts) instead of releasing
// it, lasting at most the spec's runHoldMs; a later job of the same run
// (repository and run id, any attempt) takes that hold over at once, without
// queueing, and keeps the same fencing token. A run that never comes back
// frees the lock when the hold ends, through the head of the queue.

import { monotonicNow } from '../clock.ts'
import { mayTakeOver, newHoldRecord, type HoldRecord } from './hold.ts'
import type { HolderIdentity, HolderRecord } from '../holder.ts'
import type { LockBlob } from '../lock-blob.ts'
import type { LockSpec } from '../spec.ts'
import { grantTime, type Acquired } from '../waiter.ts'

/** What a job that took over its run's hold has: the lease as the wait would have given it, and the hold it ended. */
export type TakenOver = Acquired & { tookOver: HoldRecord }

/**
 * For a job of scope run: takes over the hold its own run left on the lock,
 * if there is one and its end has not come; undefined when there is none (the
 * job then waits in line as any job). One look at the lock shows the hold, by
 * the service's clock in the same answer.
 */
export async function takeOverRunHold(
  lock: LockBlob,
  options: { spec: LockSpec; leaseId: string; who: HolderIdentity },
): Promise<TakenOver | undefined> {
  if (options.spec.runHoldMs === undefined) return undefined
  const started = monotonicNow()
  const look = await lock.view()
  if (look.state !== 'leased' || !look.hold || !mayTakeOver(look.hold, options.who, look.serviceNow)) return undefined
  const hold = look.hold
  const sentAt = new Date()
  const sentMono = monotonicNow()
  const leaseSeconds = options.spec.leaseDurationSeconds
  if ((await lock.takeOverHold(hold.leaseId, options.leaseId, leaseSeconds)) !== 'taken') return undefined
  const acquiredMono = monotonicNow()
  const acquiredAt = grantTime(sentAt, new Date(), lock.grantedAt)
  const holder: HolderRecord = {
    ...options.who,
    acquiredAt: acquiredAt.toISOString(),
    leaseSeconds: String(leaseSeconds),
  }
  try {
    // Our record replaces the hold's: while this job runs, it is an ordinary holder that a renewer keeps.
    await lock.writeHolder(options.leaseId, holder)
  } catch (err) {
    await lock.release(options.leaseId, { timeoutMs: 5_000 }).catch(() => undefined)
    throw err
  }
  const token = Number(hold.fencingToken)
  return {
    leaseId: options.leaseId,
    confirmedAt: sentAt,
    confirmedMono: sentMono,
    acquiredMono,
    acquiredAt,
    waitedMs: acquiredMono - started,
    holder,
    fencingToken: Number.isSafeInteger(token) && token > 0 ? token : 0,
    arrivalPosition: 1,
    slot: 1,
    tookOver: hold,
  }
}

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
