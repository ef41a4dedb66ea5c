// The lease a waiter asks for, on the lock blob or on the slot it chose
// (slots.ts): asking for it (idempotent: an acquire under our own id confirms
// a lease taken on an earlier try), taking over our run's hold (run-hold.ts),
// and giving it back when taking the lock could not be finished. It knows
// whether the lease is, or may be, ours: whatever ends the wait without
// success gives back what it may hold (attempt.ts: abandon).

import { monotonicNow } from './clock.ts'
import { LockCancelledError } from './errors.ts'
import { mayTakeOver, type HoldRecord } from './deploy/hold.ts'
import type { HolderIdentity } from './holder.ts'
import type { LeaseView, LockStore } from './store.ts'
import type { Sighting, WaitEvent } from './wait-report.ts'
import type { RequestOptions } from './request.ts'

/** How long giving back a lease may take: it is best effort (a failed one is tried again as the wait ends). */
const GIVE_BACK_TIMEOUT_MS = 2_000

/** A run's hold that this waiter took over (takeOverRunHold), and whether it waited in the queue first. */
export interface TakenOverHold {
  hold: HoldRecord
  fromQueue: boolean
}

export type AttemptOutcome =
  /**
   * The lease is ours; sentAt is when the acquire that Azure granted was sent,
   * serviceNow the service's clock in its answer (when it said). With
   * `tookOver`, it is the lease of our run's hold, taken over: takeOver, not
   * take, finishes taking it.
   */
  | { kind: 'acquired'; sentAt: Date; sentMono: number; serviceNow?: Date; tookOver?: TakenOverHold }
  /**
   * Not yet: what was seen, and when to try next (local time, ms). `tried` is
   * false when the lock could not be tried at all (it was missing, and now is
   * created): a wait without time tries once more.
   */
  | { kind: 'waiting'; sighting: Sighting; wakeAt: number; tried?: false }

export interface OwnLeaseOptions {
  /** The lock; with slots, the chosen slot's store takes its place (choose). */
  store: LockStore
  leaseId: string
  leaseSeconds: number
  /** The wait's cancel: once it is aborted, no lease is asked for. */
  signal?: AbortSignal
  emit: (event: WaitEvent) => void
}

export class OwnLease {
  private readonly options: OwnLeaseOptions
  /** With slots: the slot we asked for (or hold), and its store; the lease, record and release go there. */
  private chosen: { slot: number; store: LockStore } | undefined
  /** The lease was asked for: whatever ends the wait without success gives it back. */
  private acquireTried = false
  /** The last holder was seen to have handed its lease to us: it is under our id, asked for or not. */
  private handed = false
  /** The lease is ours, but taking it was not finished (a request failed after the grant). */
  private acquired = false
  /** Our run's hold, taken over: the lease is ours, and takeOver finishes taking it. */
  private tookOver: TakenOverHold | undefined

  constructor(options: OwnLeaseOptions) {
    this.options = options
  }

  /** Where the lease is: the chosen slot's store, else the lock's. */
  get store(): LockStore {
    return this.chosen?.store ?? this.options.store
  }

  /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
  get slot(): number {
    return this.chosen?.slot ?? 1
  }

  /** With slots: the slot to ask for next; undefined for none (a client that does not queue took it first). */
  choose(chosen: { slot: number; store: LockStore } | undefined): void {
    this.chosen = chosen
  }

  /** A slot is chosen and its lease was asked for: ask again for the same slot, never for a second one. */
  get askedForSlot(): boolean {
    return this.acquireTried && this.chosen !== undefined
  }

  /** The lease is ours, but taking it was not finished: the next attempt confirms it. */
  get ours(): boolean {
    return this.acquired
  }

  /** Our run's hold taken over, while taking it is not finished. */
  get takenOver(): TakenOverHold | undefined {
    return this.tookOver
  }

  /** The lease is, or may be, under our id: asked for, or handed to us. */
  get mayHold(): boolean {
    return this.acquireTried || this.handed
  }

  /** The last holder handed its lease to our entry: it is under our id, asked for or not. */
  noteHanded(): void {
    this.handed = true
  }

  /** A confirm found the lease held by another: it is not ours, taken over or not. */
  lost(): void {
    this.tookOver = undefined
  }

  /** Taking the lock is finished: the lease is the holder's now, not the waiter's to give back. */
  taken(): void {
    this.acquired = false
    this.tookOver = undefined
  }

  /** A lease that may have been ours was passed on: nothing is left to give back. */
  passedOn(): void {
    this.acquireTried = false
  }

  /**
   * Asks for the lease with our id (idempotent: it also re-confirms a lease
   * taken on an earlier try). A missing blob is created, and the attempt ends
   * to try again at once.
   */
  async acquire(call: () => RequestOptions): Promise<AttemptOutcome | 'held-by-other'> {
    if (this.options.signal?.aborted)
      throw new LockCancelledError(`Cancelled while waiting for lock ${this.store.location}.`)
    this.acquireTried = true
    const sentAt = new Date()
    const sentMono = monotonicNow()
    const outcome = await this.store.acquire(this.options.leaseId, this.options.leaseSeconds, call())
    this.acquired = outcome === 'acquired'
    if (outcome === 'acquired') return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt }
    // A definite no: no lease of ours exists (an earlier try whose answer was lost included).
    this.acquireTried = false
    if (outcome === 'held-by-other') return outcome
    const created = await this.store.create(call())
    const slot = this.slot > 1 ? { slot: this.slot } : {}
    if (created !== 'nothing') this.options.emit({ type: 'created', what: created, ...slot })
    // Asked for again at once, in this attempt: ending it would cost the wait loop's pause (50 ms) on every new lock.
    if (created !== 'nothing' && !this.options.signal?.aborted) {
      this.acquireTried = true
      const sentAt = new Date()
      const sentMono = monotonicNow()
      const again = await this.store.acquire(this.options.leaseId, this.options.leaseSeconds, call())
      this.acquired = again === 'acquired'
      if (again === 'acquired') return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt }
      this.acquireTried = false
    }
    return { kind: 'waiting', sighting: {}, wakeAt: 0, tried: false }
  }

  /**
   * A job of scope run takes over the hold its own run left on the lock
   * (run-hold.ts) at any look at it, wherever it waits: the run holds the lock
   * already. Of several jobs of the run that try at once, Azure lets one in:
   * the change of the hold's lease id to ours works once (lock-blob.ts); the
   * others go on waiting. takeOver finishes it: the run's fencing token, and
   * out of the queue. `fromQueue`: whether we wait in the queue.
   */
  async takeOverRunHold(
    lock: LeaseView,
    who: HolderIdentity,
    fromQueue: boolean,
    call: () => RequestOptions,
  ): Promise<AttemptOutcome | undefined> {
    if (lock.state !== 'leased' || !lock.hold) return undefined
    const hold = lock.hold
    if (!mayTakeOver(hold, who, lock.serviceNow)) return undefined
    if (this.options.signal?.aborted)
      throw new LockCancelledError(`Cancelled while waiting for lock ${this.store.location}.`)
    this.acquireTried = true
    const sentAt = new Date()
    const sentMono = monotonicNow()
    const taken = await this.store.takeOverHold(hold.leaseId, this.options.leaseId, this.options.leaseSeconds, call())
    if (taken !== 'taken') {
      // Another job of the run took it over first (or the hold ended): the lease is not under our id.
      this.acquireTried = false
      return undefined
    }
    this.acquired = true
    this.tookOver = { hold, fromQueue }
    return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt, tookOver: this.tookOver }
  }

  /**
   * Gives back the lease we took, when taking the lock could not be finished
   * (the record or the fencing token failed): a job never waits, or tries
   * again, while it holds the lease. Our place in the queue is kept.
   */
  async giveBack(): Promise<void> {
    if (!this.acquireTried) return
    const released = await this.store
      .release(this.options.leaseId, { timeoutMs: GIVE_BACK_TIMEOUT_MS })
      .then(() => true)
      .catch(() => false)
    this.acquired = false
    this.tookOver = undefined
    // A release that failed is tried again when the wait ends (abandon).
    this.acquireTried = !released
  }
}
