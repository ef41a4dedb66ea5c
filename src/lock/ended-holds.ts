// Holds (deploy/hold.ts) whose end has come, as a waiter meets them: any look
// at the lock that shows one ends it, wherever the waiter stands.

import { newBreakRecord } from './break-record.ts'
import { HOLD_END_REASON, holdExpired } from './deploy/hold.ts'
import type { HolderIdentity } from './holder.ts'
import { headToHandTo } from './queue/handover.ts'
import type { LeaseView, LockStore } from './store.ts'
import type { WaitEvent } from './wait-report.ts'
import type { RequestOptions } from './request.ts'

export class EndedHolds {
  /** Who ends them: named in the note each end leaves. */
  private readonly who: HolderIdentity
  private readonly emit: (event: WaitEvent) => void
  /** The ETag of a hold whose end was refused as read (a record forged beside another lease): not tried again. */
  private endRefused: string | undefined

  constructor(who: HolderIdentity, emit: (event: WaitEvent) => void) {
    this.who = who
    this.emit = emit
  }

  /**
   * Ends a hold whose end has come (hold.ts) that `lock` shows, by the
   * service's clock in the same answer. Whoever meets it ends it, wherever it
   * stands: the head, a waiter further back, a try-lock, a waiter outside the
   * queue. Its lease goes to the head of the queue in the order of the whole
   * line, priority included (handover.ts), or is released when nobody waits
   * (or the queue cannot be read): so what comes next is the decision of a
   * lock handed over, or of a free lock, as for any other, and a waiter that
   * ended the hold has no say in it. Returns the lock as it stands after: as a
   * second look shows it when somebody else ended or changed it first. A hold
   * whose end is refused as read (a record forged beside somebody else's
   * lease) is not tried again.
   */
  async end(lock: LeaseView, store: LockStore, call: () => RequestOptions): Promise<LeaseView> {
    if (lock.state !== 'leased') return lock
    const hold = lock.hold
    if (!hold || !holdExpired(hold, lock.serviceNow) || (lock.etag && lock.etag === this.endRefused)) return lock
    const endedAt = lock.serviceNow ?? new Date()
    const note = newBreakRecord(this.who, HOLD_END_REASON, endedAt, lock.holder)
    const target = headToHandTo(store, call(), hold.leaseId)
    const ended = await store.endHold(lock, note, target, call())
    if (ended.outcome === 'refused' || ended.outcome === 'not-held') {
      this.endRefused = lock.etag
      return store.view(call())
    }
    this.emit({ type: 'hold-ended', hold, endedAt })
    if (ended.outcome === 'released') return { state: 'free', staleHolder: undefined }
    return {
      state: 'leased',
      holder: undefined,
      infinite: false,
      serviceNow: lock.serviceNow,
      handedTo: ended.to.ticket,
    }
  }
}
