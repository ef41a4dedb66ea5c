// High-priority waiters that go ahead of us (queue/priority.ts), as a waiter
// learns of them: from its listings, from who a look at the lock shows
// holding it or handed it, and, for a normal head about to take a free lock,
// from one more listing when its last is old (it lists the queue seldom).

import { monotonicNow } from './clock.ts'
import { goesBefore, priorityOf } from './queue/priority.ts'
import { isLive, isSquatter } from './queue/queue.ts'
import type { Standing } from './standing.ts'
import type { LeaseView, LockStore } from './store.ts'
import type { WaitNotices } from './wait-notices.ts'
import type { Priority, QueueEntry, QueueLook } from './queue/entry.ts'
import type { RequestOptions } from './request.ts'

/**
 * A normal head lists the queue again as it takes a free lock when its last
 * listing is older than this: a high-priority waiter may have joined.
 */
const RELIST_BEFORE_TAKING_MS = 1_000

/** The tickets a look at the lock shows holding it (the holder record's) or handed it (the handover mark). */
function holdingOf(lock: LeaseView): ReadonlySet<number> {
  if (lock.state !== 'leased') return new Set()
  const tickets = new Set<number>()
  if (lock.handedTo !== undefined) tickets.add(lock.handedTo)
  const held = /^\d{1,16}$/.test(lock.holder?.ticket ?? '') ? Number(lock.holder!.ticket) : undefined
  if (held !== undefined) tickets.add(held)
  return tickets
}

export interface HighPriorityWatchOptions {
  priority: Priority
  notices: WaitNotices
  /** Heads passed over (idle-head-watch.ts): no longer waited for. */
  passedOver: ReadonlySet<number>
  /** Where we stand: a head that a high-priority waiter passed is no longer the head. */
  standing: Standing
}

export class HighPriorityWatch {
  private readonly options: HighPriorityWatchOptions
  /** When the queue was last listed (monotonic): a normal head lists it again before taking a free lock. */
  private listedAt = -Infinity
  /** Tickets the last look at the lock showed holding it or handed it: nobody goes ahead of them. */
  private holdingSeen: ReadonlySet<number> = new Set()
  /** The entries of the last listing, by ticket: who a ticket on the lock is. */
  private listed = new Map<number, QueueEntry>()

  constructor(options: HighPriorityWatchOptions) {
    this.options = options
  }

  /** Tickets the last look at the lock showed holding it or handed it. */
  get holding(): ReadonlySet<number> {
    return this.holdingSeen
  }

  /** A listing of the queue was answered (now): its entries, for who a ticket on the lock is. */
  noteListing(look: QueueLook): void {
    this.listedAt = monotonicNow()
    this.listed = new Map(look.entries.map((listed) => [listed.ticket, listed]))
  }

  /**
   * Notes who holds the lock or was handed it, from a look at it. A ticket
   * later than ours (`ticket`) there went ahead of us: the holder hands the
   * lease to the head of the line, so that waiter was a high-priority one. A
   * head lists the queue seldom and may never have seen its entry, so this
   * is how it learns. Told once its waiter is known: from the holder record,
   * or from our last listing.
   */
  noteHolding(lock: LeaseView, ticket: number | undefined): void {
    this.holdingSeen = holdingOf(lock)
    if (lock.state !== 'leased') return
    const mine = { ticket, priority: this.options.priority }
    for (const held of this.holdingSeen) {
      const record = lock.holder?.ticket === String(held) ? lock.holder : undefined
      const waiter = record ?? this.listed.get(held)?.waiter
      if (record || this.listed.has(held)) this.options.notices.jump(held, waiter, mine)
    }
  }

  /**
   * Whether a normal head is still the head, as it takes a free lock: the
   * head lists the queue seldom, and a high-priority waiter that joined since
   * goes ahead of it. A listing from this attempt (`ahead`), or a moment ago,
   * stands; a high-priority head needs none (a later waiter never goes ahead
   * of it).
   */
  async stillHead(
    store: LockStore,
    call: () => RequestOptions,
    ticket: number | undefined,
    ahead: QueueEntry[] | undefined,
  ): Promise<boolean> {
    const { priority, passedOver, standing } = this.options
    if (ticket === undefined || priority === 'high' || ahead !== undefined) return true
    if (monotonicNow() - this.listedAt < RELIST_BEFORE_TAKING_MS) return true
    // Only a look for high-priority waiters ahead: the rest of the line is as the last listing left it,
    // and a lapsed entry of our own is not joined again here (the lock is being taken).
    const look = await store.queue.look(call())
    this.listedAt = monotonicNow()
    const me = { ticket, priority }
    const passed = look.entries.some(
      (other) =>
        priorityOf(other) === 'high' &&
        other.ticket !== ticket &&
        isLive(other, look.serviceNow) &&
        !isSquatter(other) &&
        !passedOver.has(other.ticket) &&
        goesBefore(other, me, this.holdingSeen),
    )
    // Passed: the next attempt lists the queue as usual, to stand in line and say so.
    if (passed) {
      standing.head = false
      standing.listAt = monotonicNow()
    }
    return !passed
  }
}
