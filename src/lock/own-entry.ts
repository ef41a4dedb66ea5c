// A waiter's own entry in the queue: entering it (a ticket, the entry, its
// lease), renewing its lease every third of the lease duration, leaving it,
// and sweeping the entries of waiters that are gone. Where the entry stands
// in the line is the attempt's to decide (attempt.ts).

import { randomUUID } from 'node:crypto'
import { monotonicNow } from './clock.ts'
import { LockError, isTransient, statusCode, storageErrorCode } from './errors.ts'
import type { HolderIdentity } from './holder.ts'
import { recentPredecessor, type RecentPredecessor } from './queue/queue.ts'
import type { LockStore } from './store.ts'
import type { WaitNotices } from './wait-notices.ts'
import type { Priority, QueueEntry, TicketClaim } from './queue/entry.ts'
import type { RequestOptions } from './request.ts'

/** Tickets to try in a row that turn out to have an entry already, before giving up. */
const MAX_TAKEN_TICKETS = 10

/** How long leaving the queue and sweeping may take: they are best effort. */
const TIDY_TIMEOUT_MS = 2_000

/** Our entry in the queue. */
interface Entry {
  ticket: number
  leaseId: string
  renewAt: number
  /** The ticket just before ours, while its entry may still be on its way. */
  predecessor: RecentPredecessor | undefined
}

export interface OwnEntryOptions {
  /** The lease id we will hold the lock under: the entry publishes it, so that a holder can hand the lease to us. */
  leaseId: string
  leaseSeconds: number
  who: HolderIdentity
  priority: Priority
  notices: WaitNotices
}

export class OwnEntry {
  private readonly options: OwnEntryOptions
  private entry: Entry | undefined

  constructor(options: OwnEntryOptions) {
    this.options = options
  }

  /** Our ticket, while we are in the queue. */
  get ticket(): number | undefined {
    return this.entry?.ticket
  }

  /** When our entry's lease is renewed next (monotonic); Infinity outside the queue. */
  get renewAt(): number {
    return this.entry?.renewAt ?? Infinity
  }

  /** The ticket just before ours, while its entry may still be on its way. */
  get predecessor(): RecentPredecessor | undefined {
    return this.entry?.predecessor
  }

  /** The ticket just before ours was seen (its entry, or its waiter holding the lock), or its time is up. */
  predecessorCame(): void {
    if (this.entry) this.entry.predecessor = undefined
  }

  /**
   * Takes a ticket, writes our entry and leases it. False when the container
   * is gone (storage lost its data, or someone deleted it): the waiter starts
   * again from outside, which creates it. `previousTicket`, our own earlier
   * ticket when joining again, is not waited for.
   */
  async enter(store: LockStore, call: () => RequestOptions, previousTicket?: number): Promise<boolean> {
    const leaseId = randomUUID()
    let claim: TicketClaim
    let entered: 'entered' | 'missing' | 'taken'
    let tries = 0
    do {
      try {
        claim = await store.queue.claimTicket(call())
      } catch (err) {
        // The container is gone (storage lost its data, or someone deleted it): start again from outside.
        if (storageErrorCode(err) === 'ContainerNotFound') return false
        throw err
      }
      // Our entry publishes the lease id we will hold the lock under, so that a holder can hand the lease to us.
      const publish = this.options.leaseId
      entered = await store.queue.enter(
        claim.ticket,
        this.options.who,
        leaseId,
        this.options.leaseSeconds,
        call(),
        publish,
        this.options.priority,
      )
      // 'taken': an entry of that ticket that this action did not hand out; the next ticket is free.
    } while (entered === 'taken' && ++tries < MAX_TAKEN_TICKETS)
    if (entered === 'taken')
      throw new LockError(`The queue of lock ${store.location} holds entries this action did not write.`)
    // The container is gone: start again from outside, which creates it.
    if (entered === 'missing') return false
    this.entry = {
      ticket: claim.ticket,
      leaseId,
      renewAt: monotonicNow() + (this.options.leaseSeconds * 1000) / 3,
      // Our own earlier ticket (when joining again) is not waited for.
      predecessor: claim.ticket - 1 === previousTicket ? undefined : recentPredecessor(claim, monotonicNow()),
    }
    return true
  }

  /** Renews our entry's lease when it is due. 'gone': the entry was lost, and the waiter joins again, at the back. */
  async keep(store: LockStore, call: () => RequestOptions): Promise<'kept' | 'gone'> {
    const entry = this.entry
    if (!entry || monotonicNow() < entry.renewAt) return 'kept'
    let renewed: 'renewed' | 'gone'
    try {
      renewed = await store.queue.renewEntry(entry.ticket, entry.leaseId, call())
    } catch (err) {
      if (!isTransient(err)) throw err
      entry.renewAt = monotonicNow() + 1_000 // two more chances at least before the lease lapses
      return 'kept'
    }
    if (renewed === 'renewed') {
      entry.renewAt = monotonicNow() + (this.options.leaseSeconds * 1000) / 3
      return 'kept'
    }
    return 'gone'
  }

  /** Forgets an entry that was lost, before joining again; returns its ticket. */
  forget(): number | undefined {
    const previous = this.entry?.ticket
    this.entry = undefined
    return previous
  }

  /**
   * Leaves the queue as we take the lock. Unlike leave(), this must succeed: an
   * entry left behind stays leased for up to a lease duration, and the holders
   * after us would take it for the head of the line and hand the lease to it,
   * where nobody takes it, so the lock would lie idle until it lapsed. A refusal
   * that passes fails the take like a refused token (waiter.ts keeps the lease
   * and takes again). Any other would come again, and is left as before: a
   * credential that may not delete gives the entry's lease back instead
   * (queue-blobs.ts), and an entry without a lease is no waiter.
   */
  async leaveAsHolder(store: LockStore, call: () => RequestOptions): Promise<void> {
    const entry = this.entry
    if (!entry) return
    try {
      await store.queue.leave(entry.ticket, entry.leaseId, call())
    } catch (err) {
      if (isTransient(err)) throw err
    }
    this.entry = undefined
  }

  /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
  async leave(store: LockStore, timeoutMs = TIDY_TIMEOUT_MS): Promise<void> {
    const entry = this.entry
    if (!entry) return
    this.entry = undefined
    await store.queue.leave(entry.ticket, entry.leaseId, { timeoutMs }).catch(() => undefined)
  }

  /**
   * Removes entries whose waiters are gone. Not awaited by the attempt: it is
   * housekeeping. A credential that may not delete (a SAS without 'd') is
   * refused quietly by every sweep: said once, as lapsed entries then pile up.
   */
  async sweep(store: LockStore, lapsed: QueueEntry[]): Promise<void> {
    await Promise.all(
      lapsed.map((entry) =>
        store.queue.sweep(entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS }).catch((err: unknown) => {
          if (statusCode(err) !== 403) return
          this.options.notices.sweepRefused(err)
        }),
      ),
    )
  }
}
