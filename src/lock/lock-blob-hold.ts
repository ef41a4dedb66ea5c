// Holds on the lock blob (deploy/hold.ts): turning our lease into one, a later
// job of a run taking one over, and lifting or ending one, which lets its
// lease go as a holder does (lock-blob-let-go.ts).

import type { BlobAccess } from './blob-access.ts'
import { breakToMetadata, isBreakKey, type BreakRecord } from './break-record.ts'
import { holdToMetadata, type HoldRecord } from './deploy/hold.ts'
import { statusCode, storageErrorCode } from './errors.ts'
import { holderToMetadata, type HolderRecord } from './holder.ts'
import { LEASE_SECONDS } from './lease.ts'
import { isLeaseGone, isMissing } from './lease-answers.ts'
import { letGo } from './lock-blob-let-go.ts'
import type { HandoverTarget, LetGoOutcome } from './queue/handover.ts'
import type { RequestOptions } from './request.ts'
import { readTime } from './service-time.ts'
import type { LeaseView } from './store.ts'

/**
 * The lease a lifted hold has while it is handed over: the shortest Azure
 * grants, so that a lifter that dies halfway keeps the queue waiting no longer.
 */
const LIFT_LEASE_SECONDS = LEASE_SECONDS.min

/**
 * Turns our lease into a hold (hold.ts): first the holder record (without a
 * lease duration, as nobody refreshes it) and the hold record, under our
 * lease, then the lease itself made infinite (an acquire with our own id and
 * duration -1, which Azure allows on an active lease). In that order, a step
 * that dies between the two leaves a fixed lease that lapses by itself, and
 * never an infinite lease without the record that lets the queue end it.
 * Returns the service's clock in the answer that made it infinite.
 */
export async function placeHold(
  lock: BlobAccess,
  leaseId: string,
  holder: HolderRecord,
  hold: HoldRecord,
  options: RequestOptions = {},
): Promise<Date | undefined> {
  // No lease duration: nobody refreshes a hold's record, and waiters must not take it for a stale one.
  const kept: HolderRecord = { ...holder }
  delete kept.leaseSeconds
  return lock.request(options, async (abortSignal) => {
    await lock.updateHolderKeys(leaseId, { ...holderToMetadata(kept), ...holdToMetadata(hold) }, abortSignal)
    const answer = await lock.blob.getBlobLeaseClient(leaseId).acquireLease(-1, { abortSignal })
    return readTime(answer.date)
  })
}

/**
 * Takes over a run's hold (hold.ts) for a later job of the run: an acquire
 * with the hold's lease id and a fixed duration, which succeeds only while
 * that id is the lease's and turns the infinite lease into one that lapses
 * by itself; then a change of the id to our own. Only from then on is the
 * lease ours alone: the head of the queue ends an expired hold with the
 * hold's id, which no longer works, and a job that dies after the acquire
 * leaves a fixed lease that lapses. 'refused' when the id is not the lease's.
 */
export async function takeOverHold(
  lock: BlobAccess,
  holdLeaseId: string,
  leaseId: string,
  durationSeconds: number,
  options: RequestOptions = {},
): Promise<'taken' | 'refused'> {
  try {
    await lock.request(options, async (abortSignal) => {
      const hold = lock.blob.getBlobLeaseClient(holdLeaseId)
      const answer = await hold.acquireLease(durationSeconds, { abortSignal })
      lock.granted(readTime(answer.date))
      await hold.changeLease(leaseId, { abortSignal })
    })
    return 'taken'
  } catch (err) {
    if (storageErrorCode(err) === 'LeaseAlreadyPresent' || isLeaseGone(err) || isMissing(err)) return 'refused'
    throw err
  }
}

/**
 * Lifts a hold (lift-hold.ts) by letting go of its lease as a holder does:
 * to the head of the queue when `target` names one, else released. First an
 * acquire with the hold's lease id and a fixed duration, If-Match on the
 * ETag of the read that showed the hold: it succeeds only while that id is
 * the lease's and the blob is as read, and from then on a lifter that dies
 * leaves a lease that lapses by itself, never an infinite one without its
 * record. Then `note` (a break record) is written under that lease, If-Match
 * on the same ETag (a lease operation does not change it, a write does: of
 * two that lift or end the same hold at once, only one gets past this), and
 * letGo clears the hold and hands over. 'refused' when the hold is not as read.
 */
export async function liftHold(
  lock: BlobAccess,
  look: Extract<LeaseView, { state: 'leased' }>,
  note: BreakRecord,
  target: Promise<HandoverTarget | undefined>,
  options: RequestOptions = {},
): Promise<LetGoOutcome | { outcome: 'refused' }> {
  const hold = look.hold
  if (!hold || !look.etag) return { outcome: 'refused' }
  const kept = Object.entries(look.metadata ?? {}).filter(([key]) => !isBreakKey(key))
  try {
    await lock.request(options, async (abortSignal) => {
      await lock.blob
        .getBlobLeaseClient(hold.leaseId)
        .acquireLease(LIFT_LEASE_SECONDS, { abortSignal, conditions: { ifMatch: look.etag } })
      await lock.blob.setMetadata(
        { ...Object.fromEntries(kept), ...breakToMetadata(note) },
        { abortSignal, conditions: { leaseId: hold.leaseId, ifMatch: look.etag } },
      )
    })
  } catch (err) {
    if (isLeaseGone(err) || statusCode(err) === 412 || statusCode(err) === 409) return { outcome: 'refused' }
    throw err
  }
  return letGo(lock, hold.leaseId, target, options)
}
