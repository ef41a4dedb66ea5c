// One attempt of a waiter: what it does each time the wait loop wakes it.
//
// Outside the queue (its first attempt): one listing of the queue. Nobody
// waiting: it tries for the lease at once, and only if that fails does it join.
// Somebody waiting: it joins behind them.
//
// In the queue, it holds an entry named by its ticket and renews the entry's
// lease every third of the lease duration. At the head (no live entry ahead)
// it looks at the lock often and takes the lease when it is free; further back
// it only lists the queue, seldom, to learn when it has moved up. Clients that
// do not queue (go-azuremutex, az CLI, older versions) may still take a free
// lease: the head then just keeps looking.
//
// Entries that do not serve the lock are not waited for: one with an infinite
// lease (a squatter: this action never takes one), and a head that leaves the
// lock free for longer than idleHeadMs. Skipping them is safe, as only the
// lease lets a job in; it costs at most the order of the queue.
//
// Holds (deploy/hold.ts): any look at the lock that shows a hold whose end has
// come ends it, wherever the waiter stands (endEndedHold), and a job of scope
// run that sees its own run's hold takes it over (takeOverRunHold).

import { randomUUID } from 'node:crypto'
import { monotonicNow } from './clock.ts'
import { LockCancelledError, LockError, isTransient, statusCode, storageErrorCode } from './errors.ts'
import { newBreakRecord } from './break-record.ts'
import { HOLD_END_REASON, holdExpired, mayTakeOver, type HoldRecord } from './deploy/hold.ts'
import type { HolderIdentity, HolderRecord } from './holder.ts'
import { LatestGuard, parseSequence, type SupersedeSpec } from './deploy/latest.ts'
import type { LatestRead } from './deploy/latest-read.ts'
import { headToHandTo } from './queue/handover.ts'
import { passOn } from './queue/pass-on.ts'
import { goesBefore, joinedAhead, lineOrder, priorityOf } from './queue/priority.ts'
import type { Priority } from './queue/entry.ts'
import {
  isLive,
  isSquatter,
  predecessorShown,
  recentPredecessor,
  standingOf,
  type RecentPredecessor,
} from './queue/queue.ts'
import type { LeaseView, LockStore } from './store.ts'
import type { QueueEntry, TicketClaim } from './queue/entry.ts'
import type { RequestOptions } from './request.ts'
import { servedTickets, slotToTake, slotsHeld } from './queue/slots.ts'
import type { SlotsAccess, SlotsLook } from './store.ts'
import type { Sighting, WaitEvent } from './wait-report.ts'

export interface Pacing {
  /** Pause between looks at the lock at the head of the queue. */
  headPollMs: readonly [number, number]
  /** Pause between looks at the lock for a waiter that cannot use the queue (its credential may not list). */
  outsidePollMs: readonly [number, number]
  /** Pause between looks at the queue for the waiter right behind the head, which is next. */
  onDeckPollMs: readonly [number, number]
  /** Pause between looks at the queue further back. */
  queuePollMs: readonly [number, number]
  /** How often the head lists the queue again (it cannot move up, so only to notice the unexpected). */
  headListMs: number
  /**
   * The least pause between two attempts, whatever the attempt asked for: a
   * wake-up time that is already past must not turn the wait into a busy loop.
   */
  floorMs?: number
  /**
   * How long the first waiter ahead may leave the lock free before it is
   * passed over (see idleHeadMs); tests use a shorter one.
   */
  idleHeadMs?: number
  /**
   * Pause between looks at the queue for a waiter with a supersede key,
   * wherever it stands (the head included): a newer job of its key is seen
   * within one such pause. Default LATEST_LIST_MS.
   */
  latestListMs?: readonly [number, number]
}

/**
 * A waiter with a supersede key lists the queue every 2-3 s, so that it
 * leaves within about that long after a newer job of its key joins. Further
 * back it listed every 4-5 s anyway; the head, every 30 s.
 */
export const LATEST_LIST_MS: readonly [number, number] = [2_000, 3_000]

/**
 * At the head: a look at the lock every 90-140 ms, so a release is seen
 * about 60 ms after it on average (about 530 requests a minute with the
 * entry's renewals, under 600). Right behind the head: a listing every 1-1.5 s,
 * so that it takes the head soon after the head takes the lock; a hold
 * shorter than that leaves the lock idle for the rest (about 60 requests a
 * minute with a 15 s lease, 50 with 60 s). Further back: a listing every
 * 4-5 s, which with the entry's renewals (12 a minute for a 15 s lease, 3 for
 * 60 s) and a look at the holder for the line every 30 s stays under 30
 * requests a minute.
 */
export const DEFAULT_PACING: Pacing = {
  headPollMs: [90, 140],
  outsidePollMs: [250, 750],
  onDeckPollMs: [1_000, 1_500],
  queuePollMs: [4_000, 5_000],
  headListMs: 30_000,
  floorMs: 50,
}

/**
 * The pause between looks for a waiter within N of a lock with slots. Its look
 * is two requests (the folder's listing and slot 1's HEAD), so it looks half
 * as often as the head of a lock of one slot: about the same requests a
 * minute, under 600 (about 530 with the entry's renewals).
 */
export function slottedHeadMs(pacing: Pacing): number {
  return 2 * between(pacing.headPollMs)
}

/**
 * A head that leaves the lock free this long is passed over by the waiter
 * behind it. A live head looks at the lock every 90-140 ms and takes it within
 * a second; even while storage throttles it, its back-off tries again within
 * 16 s. Two lease durations (30 s at least) is therefore far more than a live
 * head needs, and about what a waiter whose job hangs (SIGSTOP, a swapped-out
 * runner) keeps its entry alive without serving. Passing over is safe: it only
 * lets the next waiter ask for the lease, and the lease still lets one holder in.
 */
export function idleHeadMs(leaseSeconds: number, pacing: Pacing): number {
  return pacing.idleHeadMs ?? Math.max(30_000, 2 * leaseSeconds * 1000)
}

/**
 * The credential may not list the container (a SAS without 'l', or an
 * account SAS without the container resource type): the queue cannot be read.
 */
function isListingRefused(err: unknown): boolean {
  const code = storageErrorCode(err)
  return (
    statusCode(err) === 403 &&
    (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationResourceTypeMismatch')
  )
}

/** Entries the first listing reads: enough to tell an empty queue from a busy one in one request. */
const FIRST_LOOK_LIMIT = 5

/** Tickets to try in a row that turn out to have an entry already, before giving up. */
const MAX_TAKEN_TICKETS = 10

/** How soon to look again at a lease that had no record yet: its holder writes one just after taking it. */
const RECORD_PAUSE_MS = 300

/**
 * A normal head lists the queue again as it takes a free lock when its last
 * listing is older than this: a high-priority waiter may have joined.
 */
const RELIST_BEFORE_TAKING_MS = 1_000

/** How long leaving the queue, sweeping and giving back a lease may take: they are best effort. */
const TIDY_TIMEOUT_MS = 2_000

/** A look at the lock with less time left than this is not worth sending. */
const MIN_LOOK_MS = 250

/** A run's hold that this waiter took over (takeOverRunHold), and whether it waited in the queue first. */
export interface TakenOverHold {
  hold: HoldRecord
  fromQueue: boolean
}

/**
 * The least that leaving the queue, and passing on a lease that may be ours,
 * get when the wait's deadline has left them less: on a network that answers
 * they take tens of milliseconds, and an entry left behind costs the next
 * jobs up to a lease duration.
 */
const LEAST_TIDY_MS = 300

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

export interface WaiterOptions {
  store: LockStore
  leaseId: string
  leaseSeconds: number
  who: HolderIdentity
  /** False for a wait without time (a timeout of 0): it tries once and never joins the queue. */
  willWait: boolean
  pacing: Pacing
  emit: (event: WaitEvent) => void
  /** How long the wait has lasted, for events. */
  waitedMs: () => number
  /** The wait's cancel: once it is aborted, no lease is asked for. */
  signal?: AbortSignal
  /** The job's supersede key and sequence (latest.ts); without it, the waiter waits for its turn whatever comes. */
  supersede?: SupersedeSpec
  /** Its place in the order of the line (priority.ts); normal when not given. */
  priority?: Priority
  /**
   * A job of scope run (run-hold.ts): at any look at the lock, from outside the
   * queue or from any place in it, it takes over the hold its own run left.
   */
  takeOverRunHold?: boolean
}

/** Our entry in the queue. */
interface Entry {
  ticket: number
  leaseId: string
  renewAt: number
  /** The ticket just before ours, while its entry may still be on its way. */
  predecessor: RecentPredecessor | undefined
}

const between = ([min, max]: readonly [number, number]): number => min + Math.random() * (max - min)

/** The tickets a look at the lock shows holding it (the holder record's) or handed it (the handover mark). */
function holdingOf(lock: LeaseView): ReadonlySet<number> {
  if (lock.state !== 'leased') return new Set()
  const tickets = new Set<number>()
  if (lock.handedTo !== undefined) tickets.add(lock.handedTo)
  const held = /^\d{1,16}$/.test(lock.holder?.ticket ?? '') ? Number(lock.holder!.ticket) : undefined
  if (held !== undefined) tickets.add(held)
  return tickets
}

export class Waiter {
  private readonly options: WaiterOptions
  private entry: Entry | undefined
  private head = false
  private listAt = 0
  /** A second look at the lock, soon after one that found a lease without a record. */
  private viewAt = Infinity
  /** The lease was asked for: whatever ends the wait without success gives it back. */
  private acquireTried = false
  /** The last holder was seen to have handed its lease to us: it is under our id, asked for or not. */
  private handed = false
  /** The lease is ours, but taking it was not finished (a request failed after the grant). */
  private acquired = false
  /** Storage has answered at least once: a network failure after that is storage trouble, not a wrong endpoint. */
  answered = false
  /** The queue cannot be read with this credential: the waiter waits outside it. */
  private outside = false
  /** The live waiters ahead at the last listing. */
  private lastAhead: QueueEntry[] | undefined
  /** Squatters (entries with an infinite lease) already told of. */
  private readonly squattersTold = new Set<number>()
  /** Heads that left the lock free for too long: no longer waited for. */
  private readonly passedOver = new Set<number>()
  /** The first waiter ahead, while every look since `since` found the lock free. */
  private idleHead: { ticket: number; since: number; looks: number } | undefined
  /** When the waiter right behind the head looks at the lock next, to notice a head that does not take it. */
  private idleCheckAt = 0
  /** A sweep was refused (a credential without delete): said once. */
  private sweepRefusedTold = false
  /** Decides superseded and stale, for a waiter with a supersede key. */
  private readonly guard: LatestGuard | undefined
  /** The key's record as last read before an acquire: its ETag is what our record is written over. */
  private latestRead: LatestRead | undefined
  /** Every key's record that the last listing read (only a waiter with a key reads them), for the lines. */
  private records: HolderRecord[] | undefined
  /** With slots: the slot we asked for (or hold), and its store; the lease, record and release go there. */
  private chosen: { slot: number; store: LockStore } | undefined
  /** With slots: the extra slots handed to us being passed on, awaited by take(). */
  private passingOn: Promise<unknown> | undefined
  /** With slots: the waiters ahead not yet served at the last look (slottedAttempt); undefined before one. */
  private slotStanding: number | undefined
  /** When the queue was last listed (monotonic): a normal head lists it again before taking a free lock. */
  private listedAt = -Infinity
  /** Tickets the last look at the lock showed holding it or handed it: nobody goes ahead of them. */
  private holding: ReadonlySet<number> = new Set()
  /** Entries already told of: a high-priority waiter that joined ahead of us, a malformed priority. */
  private readonly jumpsTold = new Set<number>()
  private readonly malformedTold = new Set<number>()
  /** The entries of the last listing, by ticket: who a ticket on the lock is. */
  private listed = new Map<number, QueueEntry>()
  /** Our run's hold, taken over: the lease is ours, and takeOver finishes taking it. */
  private tookOver: TakenOverHold | undefined
  /** The ETag of a hold whose end was refused as read (a record forged beside another lease): not tried again. */
  private endRefused: string | undefined

  constructor(options: WaiterOptions) {
    this.options = options
    this.guard =
      options.supersede &&
      new LatestGuard(
        options.supersede,
        options.store.location,
        (malformed) => options.emit({ type: 'malformed-sequence', ...malformed }),
        (far) => {
          const command =
            far.where === 'the record of the key'
              ? options.store.latest?.deleteCommand?.(options.supersede!.key)
              : undefined
          options.emit({ type: 'far-sequence', ...far, ...(command ? { clearCommand: command } : {}) })
        },
      )
  }

  private get store(): LockStore {
    return this.chosen?.store ?? this.options.store
  }

  /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
  get slot(): number {
    return this.chosen?.slot ?? 1
  }

  /** One attempt; `call` gives each request its signal and deadline. */
  async attempt(call: () => RequestOptions, wantsHolder: (aheadCount: number) => boolean): Promise<AttemptOutcome> {
    if (this.acquired) {
      // The lease is already ours: this only confirms it, so there is nothing to decide again.
      const outcome = await this.acquire(call, { decided: true })
      if (outcome !== 'held-by-other') {
        return outcome.kind === 'acquired' && this.tookOver ? { ...outcome, tookOver: this.tookOver } : outcome
      }
      this.tookOver = undefined
    }
    const slots = this.options.store.slotted
    if (slots) return this.slottedAttempt(call, slots)
    if (this.outside) return this.outsideQueue(call)
    if (!this.entry) return this.fromOutside(call)
    await this.keepEntry(call)
    let ahead: QueueEntry[] | undefined
    if (monotonicNow() >= this.listAt) ahead = await this.lookAtQueue(call)
    if (this.head) return this.asHead(call, ahead)
    // Waiting for the ticket just before ours: the lock may show its waiter holding it already.
    const pending = this.entry?.predecessor !== undefined && ahead?.length === 0
    // Right behind the head, a look at the lock every quarter of the bound tells a head that does not
    // take a free lock; while it leaves the lock free, every listing looks at the lock too.
    const onDeck = ahead?.length === 1 && (monotonicNow() >= this.idleCheckAt || this.idleHead !== undefined)
    // A job of scope run looks at the lock at each listing too: its run's hold is taken over at the next one.
    const runHold = this.options.takeOverRunHold === true
    const look = ahead ? pending || wantsHolder(ahead.length) || onDeck || runHold : monotonicNow() >= this.viewAt
    let lock = look ? await this.store.view(call()) : undefined
    if (lock) {
      const takenOver = await this.takeOverRunHold(lock, call)
      if (takenOver) return takenOver
      lock = await this.endEndedHold(lock, call)
      this.noteHolding(lock)
    }
    if (lock && this.handedToUs(lock)) {
      const outcome = await this.acquire(call)
      if (outcome !== 'held-by-other') return outcome
    }
    if (lock) this.watchHead(lock)
    // A lease without a record is also the moment between a new holder's lease and its record:
    // look once more shortly, rather than at the next listing, so that the line names the holder.
    this.viewAt = ahead && lock?.state === 'leased' && !lock.holder ? monotonicNow() + RECORD_PAUSE_MS : Infinity
    const predecessor = this.entry?.predecessor
    if (
      predecessor &&
      lock?.state === 'leased' &&
      predecessorShown(predecessor, { holderTicket: lock.holder?.ticket })
    ) {
      this.entry!.predecessor = undefined
      this.head = true
      this.listAt = monotonicNow() + this.options.pacing.headListMs
    }
    const sighting: Sighting = { lock: lock?.state === 'missing' ? undefined : lock, ahead }
    return { kind: 'waiting', sighting, wakeAt: this.wakeAt() }
  }

  /**
   * When the next attempt is due: the next look (at the lock for the head, at
   * the queue for the others) or renewal. The head looks at the lock at its
   * own pace, so a second look planned before it became head no longer counts.
   */
  private wakeAt(): number {
    if (this.head) this.viewAt = Infinity
    const lookAt = this.head ? monotonicNow() + between(this.options.pacing.headPollMs) : this.listAt
    return Math.min(lookAt, this.listAt, this.viewAt, this.entry?.renewAt ?? Infinity)
  }

  /**
   * Passes over the first waiter ahead when it leaves the lock free for
   * longer than idleHeadMs, seen free at two looks at least: its job may hang
   * while its entry lives on. Passing over only lets us ask for the lease.
   */
  private watchHead(lock: LeaseView): void {
    const first = this.lastAhead?.[0]
    this.idleCheckAt = monotonicNow() + idleHeadMs(this.options.leaseSeconds, this.options.pacing) / 4
    if (lock.state === 'leased' || !first) {
      this.idleHead = undefined
      return
    }
    const now = monotonicNow()
    if (this.idleHead?.ticket !== first.ticket) {
      this.idleHead = { ticket: first.ticket, since: now, looks: 1 }
      return
    }
    this.idleHead.looks += 1
    const idleMs = now - this.idleHead.since
    if (idleMs < idleHeadMs(this.options.leaseSeconds, this.options.pacing) || this.idleHead.looks < 2) return
    this.passedOver.add(first.ticket)
    this.idleHead = undefined
    this.listAt = now // list again at once: we may be the head now
    this.options.emit({ type: 'passed-over', ticket: first.ticket, waiter: first.waiter, idleMs })
  }

  /** Says once, for each, that an entry with an infinite lease is no waiter, and how to clear it. */
  private tellSquatters(entries: QueueEntry[]): void {
    for (const entry of entries) {
      if (!isSquatter(entry) || this.squattersTold.has(entry.ticket)) continue
      this.squattersTold.add(entry.ticket)
      this.options.emit({
        type: 'squatter',
        ticket: entry.ticket,
        waiter: entry.waiter,
        clearCommands: this.store.queue.clearCommands(entry.ticket),
      })
    }
  }

  /** The first attempt: one listing; nobody waiting means trying for the lease at once. */
  private async fromOutside(call: () => RequestOptions): Promise<AttemptOutcome> {
    if (this.options.takeOverRunHold) {
      // Our run's hold is taken over at once, without queueing: one look at the lock, before the listing.
      const lock = await this.store.view(call())
      this.answered = true
      const takenOver = await this.takeOverRunHold(lock, call)
      if (takenOver) return takenOver
    }
    // The key's record is read in the first listing itself: on a free lock, no request is added before the acquire.
    const latestKey = this.latestKey()
    let look
    try {
      look = await this.store.queue.look({ ...call(), limit: FIRST_LOOK_LIMIT, latestKey })
      // The first entries were all lapsed or squatters: read on, so that they do not hide an empty queue.
      const waiting = (entry: QueueEntry): boolean => isLive(entry, look!.serviceNow) && !isSquatter(entry)
      if (!look.complete && !look.entries.some(waiting)) look = await this.store.queue.look({ ...call(), latestKey })
    } catch (err) {
      if (!isListingRefused(err)) throw err
      // Waiting as before the queue, rather than not at all: say so, once.
      this.outside = true
      this.options.emit({ type: 'outside-queue', error: err })
      return this.outsideQueue(call)
    }
    this.answered = true
    if (this.guard) {
      // Arriving after a newer job of our key: leave before joining, and before any acquire.
      if (look.records) this.records = look.records
      this.guard.checkQueue(look.entries, look.serviceNow, undefined)
      this.latestRead = look.latest ?? (await this.readLatest(call))
      await this.checkLatest(this.latestRead, call)
    }
    this.tellSquatters(look.entries)
    const live = look.entries.filter((entry) => isLive(entry, look.serviceNow) && !isSquatter(entry))
    void this.sweep(look.entries.filter((entry) => !isLive(entry, look.serviceNow)))
    if (live.length === 0 && look.complete) {
      const outcome = await this.acquire(call, { decided: true })
      if (outcome !== 'held-by-other') return outcome
    }
    if (!this.options.willWait) {
      // A hold whose end has come is ended; then the lock is as any free one: taken only with nobody in line.
      let lock = await this.endEndedHold(await this.store.view(call()), call)
      if (lock.state === 'free' && live.length === 0 && look.complete) {
        const outcome = await this.acquire(call, { decided: true })
        if (outcome !== 'held-by-other') return outcome
        lock = await this.store.view(call())
      }
      return {
        kind: 'waiting',
        sighting: { lock: lock.state === 'missing' ? undefined : lock, ahead: live },
        wakeAt: 0,
      }
    }
    const [seen, ahead] = await Promise.all([this.store.view(call()), this.join(call)])
    // Ended with our entry in the queue: its lease goes to the head, which may be us.
    const lock = await this.endEndedHold(seen, call)
    this.watchHead(lock)
    // Handed to us (the hold we ended went to us as the head of the line): look again at once, wherever we stand.
    const handed = this.handedToUs(lock)
    if (lock.state === 'leased' && !lock.holder) this.viewAt = monotonicNow() + (handed ? 0 : RECORD_PAUSE_MS)
    const sighting: Sighting = { lock: lock.state === 'missing' ? undefined : lock, ahead }
    // At the head with the lock free (its holder let go meanwhile): look again at once.
    const now = (this.head && lock.state !== 'leased') || handed
    return { kind: 'waiting', sighting, wakeAt: now ? 0 : this.wakeAt() }
  }

  /**
   * Asks for the lease with our id (idempotent: it also re-confirms a lease
   * taken on an earlier try). A missing blob is created, and the attempt ends
   * to try again at once.
   */
  private async acquire(
    call: () => RequestOptions,
    { decided = false } = {},
  ): Promise<AttemptOutcome | 'held-by-other'> {
    // A cancel that came while we looked: ask for nothing more.
    if (this.options.signal?.aborted)
      throw new LockCancelledError(`Cancelled while waiting for lock ${this.store.location}.`)
    // Superseded or stale is decided from a look taken just before: such a waiter never asks for the lease.
    if (this.guard && !decided) await this.decideLatest(call)
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

  /** Takes a ticket, writes our entry and leases it, then lists the queue up to it. */
  private async join(call: () => RequestOptions, previousTicket?: number): Promise<QueueEntry[]> {
    const leaseId = randomUUID()
    let claim: TicketClaim
    let entered: 'entered' | 'missing' | 'taken'
    let tries = 0
    do {
      try {
        claim = await this.store.queue.claimTicket(call())
      } catch (err) {
        // The container is gone (storage lost its data, or someone deleted it): start again from outside.
        if (storageErrorCode(err) === 'ContainerNotFound') return []
        throw err
      }
      // Our entry publishes the lease id we will hold the lock under, so that a holder can hand the lease to us.
      const publish = this.options.leaseId
      entered = await this.store.queue.enter(
        claim.ticket,
        this.options.who,
        leaseId,
        this.options.leaseSeconds,
        call(),
        publish,
        this.priority,
      )
      // 'taken': an entry of that ticket that this action did not hand out; the next ticket is free.
    } while (entered === 'taken' && ++tries < MAX_TAKEN_TICKETS)
    if (entered === 'taken')
      throw new LockError(`The queue of lock ${this.store.location} holds entries this action did not write.`)
    // The container is gone: start again from outside, which creates it.
    if (entered === 'missing') return []
    this.entry = {
      ticket: claim.ticket,
      leaseId,
      renewAt: monotonicNow() + (this.options.leaseSeconds * 1000) / 3,
      // Our own earlier ticket (when joining again) is not waited for.
      predecessor: claim.ticket - 1 === previousTicket ? undefined : recentPredecessor(claim, monotonicNow()),
    }
    return this.lookAtQueue(call, { justJoined: true })
  }

  /** Renews our entry's lease when it is due; a lost entry means joining again, at the back. */
  private async keepEntry(call: () => RequestOptions): Promise<void> {
    const entry = this.entry
    if (!entry || monotonicNow() < entry.renewAt) return
    let renewed: 'renewed' | 'gone'
    try {
      renewed = await this.store.queue.renewEntry(entry.ticket, entry.leaseId, call())
    } catch (err) {
      if (!isTransient(err)) throw err
      entry.renewAt = monotonicNow() + 1_000 // two more chances at least before the lease lapses
      return
    }
    if (renewed === 'renewed') {
      entry.renewAt = monotonicNow() + (this.options.leaseSeconds * 1000) / 3
      return
    }
    await this.rejoin(call)
  }

  private async rejoin(call: () => RequestOptions): Promise<QueueEntry[]> {
    const previous = this.entry?.ticket
    this.entry = undefined
    this.head = false
    this.options.emit({ type: 'rejoined', waitedMs: this.options.waitedMs() })
    return this.join(call, previous)
  }

  /** Lists the queue up to our entry: who is ahead, whether we are the head; lapsed entries ahead are swept. */
  private async lookAtQueue(call: () => RequestOptions, { justJoined = false } = {}): Promise<QueueEntry[]> {
    const entry = this.entry
    if (!entry) return []
    // With a key, the whole queue: a newer job of the key may wait behind us. Without, up to our
    // entry's page: that page (100 entries) also shows the high-priority waiters that joined after
    // us and go ahead of us (priority.ts); reading on to the end made every listing slower.
    const look = await this.store.queue.look({
      ...call(),
      upTo: this.guard ? undefined : entry.ticket,
      latestKey: this.latestKey(),
    })
    this.listedAt = monotonicNow()
    if (look.records) this.records = look.records
    this.guard?.checkQueue(look.entries, look.serviceNow, entry.ticket)
    const standing = standingOf(look, entry.ticket, this.passedOver, { priority: this.priority, holding: this.holding })
    // Our entry was removed (its lease had lapsed): join again. Not twice in one attempt, whatever storage says.
    if (!standing.mine && !justJoined) return this.rejoin(call)
    void this.sweep(standing.lapsed)
    this.tellSquatters(standing.squatters)
    this.tellPriorities(look.entries, standing.ahead)
    this.listed = new Map(look.entries.map((listed) => [listed.ticket, listed]))
    this.lastAhead = standing.ahead
    const predecessor = entry.predecessor
    if (predecessor && (predecessorShown(predecessor, look) || monotonicNow() >= predecessor.until)) {
      entry.predecessor = undefined
    }
    this.head = standing.ahead.length === 0 && entry.predecessor === undefined
    const { pacing } = this.options
    const pause = this.head
      ? pacing.headListMs
      : between(standing.ahead.length === 1 ? pacing.onDeckPollMs : pacing.queuePollMs)
    // Not at the head only because a ticket before ours has no entry yet: look again as often as the head.
    const pending = entry.predecessor !== undefined && standing.ahead.length === 0
    const keyed = this.guard ? Math.min(pause, between(pacing.latestListMs ?? LATEST_LIST_MS)) : pause
    this.listAt = monotonicNow() + (pending ? between(this.options.pacing.headPollMs) : keyed)
    return standing.ahead
  }

  /**
   * Without the queue: look at the lock, and take it when it is free, as a
   * client that does not queue would. Such a waiter gets the lock only when
   * it wins a race, and it looks less often than the head, so that it does
   * not crowd out the waiters that wait in turn.
   */
  private async outsideQueue(call: () => RequestOptions): Promise<AttemptOutcome> {
    const seen = await this.store.view(call())
    this.answered = true
    const takenOver = await this.takeOverRunHold(seen, call)
    if (takenOver) return takenOver
    // A hold whose end has come is ended (released: the queue cannot be read to hand its lease on), then taken.
    const lock = await this.endEndedHold(seen, call)
    if (lock.state === 'missing' || lock.state === 'free') {
      const outcome = await this.acquire(call)
      if (outcome !== 'held-by-other') return outcome
    }
    const sighting: Sighting = { lock: lock.state === 'leased' ? lock : undefined }
    return { kind: 'waiting', sighting, wakeAt: monotonicNow() + between(this.options.pacing.outsidePollMs) }
  }

  private get priority(): Priority {
    return this.options.priority ?? 'normal'
  }

  /**
   * Whether a normal head is still the head, as it takes a free lock: the
   * head lists the queue seldom, and a high-priority waiter that joined since
   * goes ahead of it. A listing from this attempt, or a moment ago, stands;
   * a high-priority head needs none (a later waiter never goes ahead of it).
   */
  private async stillHead(call: () => RequestOptions, ahead: QueueEntry[] | undefined): Promise<boolean> {
    const entry = this.entry
    if (!entry || this.priority === 'high' || ahead !== undefined) return true
    if (monotonicNow() - this.listedAt < RELIST_BEFORE_TAKING_MS) return true
    // Only a look for high-priority waiters ahead: the rest of the line is as the last listing left it,
    // and a lapsed entry of our own is not joined again here (the lock is being taken).
    const look = await this.store.queue.look(call())
    this.listedAt = monotonicNow()
    const me = { ticket: entry.ticket, priority: this.priority }
    const passed = look.entries.some(
      (other) =>
        priorityOf(other) === 'high' &&
        other.ticket !== entry.ticket &&
        isLive(other, look.serviceNow) &&
        !isSquatter(other) &&
        !this.passedOver.has(other.ticket) &&
        goesBefore(other, me, this.holding),
    )
    // Passed: the next attempt lists the queue as usual, to stand in line and say so.
    if (passed) {
      this.head = false
      this.listAt = monotonicNow()
    }
    return !passed
  }

  /**
   * A lease taken while a high-priority waiter that joined since our last
   * listing stood ahead of us is given back at once, for it to take: we never
   * hold it (no record, no token), and the lease alone decides who does.
   */
  private async unlessPassed(
    outcome: AttemptOutcome,
    stillHead: Promise<boolean> | undefined,
  ): Promise<AttemptOutcome> {
    if (outcome.kind !== 'acquired' || !stillHead || (await stillHead.catch(() => true))) return outcome
    await this.giveBack()
    return { kind: 'waiting', sighting: { ahead: this.lastAhead }, wakeAt: this.wakeAt() }
  }

  /**
   * Says once per entry: a high-priority waiter that joined after us went
   * ahead of us, and a priority that is neither normal nor high (it counts as
   * normal).
   */
  private tellPriorities(entries: QueueEntry[], ahead: QueueEntry[]): void {
    for (const entry of joinedAhead(ahead, this.entry?.ticket ?? Infinity)) this.tellJump(entry.ticket, entry.waiter)
    for (const entry of entries) {
      if (entry.malformedPriority === undefined || this.malformedTold.has(entry.ticket)) continue
      this.malformedTold.add(entry.ticket)
      this.options.emit({
        type: 'malformed-priority',
        ticket: entry.ticket,
        waiter: entry.waiter,
        value: entry.malformedPriority,
      })
    }
  }

  /** Says once that the waiter of `ticket`, which joined after us, went ahead of us: only a high-priority one can. */
  private tellJump(ticket: number, waiter: HolderIdentity | undefined): void {
    if (this.priority === 'high' || !this.entry || ticket <= this.entry.ticket || this.jumpsTold.has(ticket)) return
    this.jumpsTold.add(ticket)
    this.options.emit({ type: 'high-priority-ahead', ticket, waiter })
  }

  /**
   * Notes who holds the lock or was handed it, from a look at it. A ticket
   * later than ours there went ahead of us: the holder hands the lease to the
   * head of the line, so that waiter was a high-priority one. A head lists
   * the queue seldom and may never have seen its entry, so this is how it
   * learns. Told once its waiter is known: from the holder record, or from
   * our last listing.
   */
  private noteHolding(lock: LeaseView): void {
    this.holding = holdingOf(lock)
    if (lock.state !== 'leased') return
    for (const ticket of this.holding) {
      const record = lock.holder?.ticket === String(ticket) ? lock.holder : undefined
      const waiter = record ?? this.listed.get(ticket)?.waiter
      if (record || this.listed.has(ticket)) this.tellJump(ticket, waiter)
    }
  }

  /** The lock's last holder handed its lease to our entry: it is already under our id. */
  private handedToUs(lock: LeaseView): boolean {
    const handed = lock.state === 'leased' && this.entry !== undefined && lock.handedTo === this.entry.ticket
    this.handed ||= handed
    return handed
  }

  /**
   * At the head: look at the lock, and take it when it is free or when it was
   * handed to us; a hold whose end has come is ended first, and the lock is
   * then one of those two, decided as for any other (endEndedHold). The
   * acquire decides latest wins first (acquire).
   */
  private async asHead(call: () => RequestOptions, ahead: QueueEntry[] | undefined): Promise<AttemptOutcome> {
    const seen = await this.store.view(call())
    const takenOver = await this.takeOverRunHold(seen, call)
    if (takenOver) return takenOver
    const lock = await this.endEndedHold(seen, call)
    this.noteHolding(lock)
    // Handed to another waiter: the order changed (a high-priority waiter joined ahead): list again next time.
    if (lock.state === 'leased' && lock.handedTo !== undefined && !this.handedToUs(lock)) this.listAt = monotonicNow()
    // A free lock: a normal head with an old listing checks the line beside its acquire (before it
    // would add a round trip to every take), as a high-priority waiter may have joined ahead of it.
    const stillHead = lock.state === 'leased' ? undefined : this.stillHead(call, ahead)
    stillHead?.catch(() => undefined) // awaited below; an acquire that fails first must not leave it unhandled
    // Free, or handed to us by the last holder (handover.ts): our acquire takes it, with the id we published.
    if (lock.state === 'missing' || lock.state === 'free' || this.handedToUs(lock)) {
      const outcome = await this.acquire(call)
      // 'held-by-other': lost a race to a client that does not queue; it holds the lease now.
      if (outcome !== 'held-by-other') return this.unlessPassed(outcome, stillHead)
    }
    await stillHead?.catch(() => undefined)
    const sighting: Sighting = { lock: lock.state === 'leased' ? lock : undefined, ahead }
    return { kind: 'waiting', sighting, wakeAt: this.wakeAt() }
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
  private async endEndedHold(lock: LeaseView, call: () => RequestOptions): Promise<LeaseView> {
    if (lock.state !== 'leased') return lock
    const hold = lock.hold
    if (!hold || !holdExpired(hold, lock.serviceNow) || (lock.etag && lock.etag === this.endRefused)) return lock
    const endedAt = lock.serviceNow ?? new Date()
    const note = newBreakRecord(this.options.who, HOLD_END_REASON, endedAt, lock.holder)
    const target = headToHandTo(this.store, call(), hold.leaseId)
    const ended = await this.store.endHold(lock, note, target, call())
    if (ended.outcome === 'refused' || ended.outcome === 'not-held') {
      this.endRefused = lock.etag
      return this.store.view(call())
    }
    this.options.emit({ type: 'hold-ended', hold, endedAt })
    if (ended.outcome === 'released') return { state: 'free', staleHolder: undefined }
    return {
      state: 'leased',
      holder: undefined,
      infinite: false,
      serviceNow: lock.serviceNow,
      handedTo: ended.to.ticket,
    }
  }

  /**
   * A job of scope run takes over the hold its own run left on the lock
   * (run-hold.ts) at any look at it, wherever it waits: the run holds the lock
   * already. Of several jobs of the run that try at once, Azure lets one in:
   * the change of the hold's lease id to ours works once (lock-blob.ts); the
   * others go on waiting. takeOver finishes it: the run's fencing token, and
   * out of the queue.
   */
  private async takeOverRunHold(lock: LeaseView, call: () => RequestOptions): Promise<AttemptOutcome | undefined> {
    if (!this.options.takeOverRunHold || lock.state !== 'leased' || !lock.hold) return undefined
    const hold = lock.hold
    if (!mayTakeOver(hold, this.options.who, lock.serviceNow)) return undefined
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
    this.tookOver = { hold, fromQueue: this.entry !== undefined }
    return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt, tookOver: this.tookOver }
  }

  /**
   * Our run's hold is ours (takeOverRunHold): our holder record replaces the
   * hold's, the fencing token stays the run's (no new one: the run held the
   * lock all along), and we leave the queue, which must succeed as in take().
   * Returns the record as written and the run's token.
   */
  async takeOver(
    record: HolderRecord,
    call: () => RequestOptions,
  ): Promise<{ record: HolderRecord; fencingToken: number }> {
    const tookOver = this.tookOver!
    const written: HolderRecord = this.entry ? { ...record, ticket: String(this.entry.ticket) } : record
    await this.store.writeHolder(this.options.leaseId, written, call())
    await this.leaveAsHolder(call)
    this.acquired = false
    this.tookOver = undefined
    this.options.emit({ type: 'hold-taken-over', ...tookOver, waitedMs: this.options.waitedMs() })
    // Read from storage: a token that is not a positive whole number is none.
    const token = Number(tookOver.hold.fencingToken)
    return { record: written, fencingToken: Number.isSafeInteger(token) && token > 0 ? token : 0 }
  }

  /**
   * One attempt on a lock with slots (slots.ts): one look at the queue and
   * every slot together. A waiter takes a slot handed to it, or the free slot
   * at its own place among the first k waiters not yet served, k being the
   * free slots. Holds and latest wins are refused with slots before any
   * waiting (inputs).
   *
   * How often it looks follows its standing, the waiters ahead of it that are
   * not served yet: under N, a slot may be its own at the next release, so it
   * looks at the pace of a head (slottedHeadMs); from N to 3N - 1 it is in the
   * next two rounds, and looks as the waiter right behind a head does, so that
   * it knows its standing before its round comes (with equal holds a whole
   * round frees at once); further back, as the queue does. Beyond N, the listing alone: slot 1's HEAD is
   * added only when the listing shows that a slot may be ours.
   */
  private async slottedAttempt(call: () => RequestOptions, slots: SlotsAccess): Promise<AttemptOutcome> {
    // No lease is asked for before the lock's number of slots is known to be ours.
    await slots.agree(call())
    if (this.acquireTried && this.chosen) {
      // An acquire whose answer was lost: ask again for the same slot (idempotent), never for a second one.
      const outcome = await this.acquire(call, { decided: true })
      if (outcome !== 'held-by-other') return outcome
      this.chosen = undefined
    }
    if (this.entry) await this.keepEntry(call)
    if (this.entry && monotonicNow() < this.listAt) {
      return { kind: 'waiting', sighting: {}, wakeAt: Math.min(this.listAt, this.entry.renewAt) }
    }
    // A newcomer, and a waiter that stood within N at its last look, look at slot 1 as well.
    const withLock = !this.entry || (this.slotStanding ?? 0) <= slots.count
    let look = await slots.look(call(), { lock: withLock })
    this.answered = true
    let standing = this.slottedStanding(look)
    if (standing === 'rejoin') {
      await this.rejoin(call)
      return { kind: 'waiting', sighting: {}, wakeAt: 0 }
    }
    // The listing shows that a slot may be ours: look at slot 1 too before deciding. Its last
    // state may hide at most one served waiter ahead of us, hence N, not N - 1.
    if (!look.lockSeen && standing.count <= slots.count) {
      look = await slots.look(call())
      standing = this.slottedStanding(look)
      if (standing === 'rejoin') {
        await this.rejoin(call)
        return { kind: 'waiting', sighting: {}, wakeAt: 0 }
      }
    }
    const { ahead, count: standingAhead } = standing
    const entry = this.entry
    this.slotStanding = standingAhead
    this.lastAhead = ahead
    const pick = slotToTake(look.slots, standingAhead, entry?.ticket)
    if (pick) {
      this.chosen = { slot: pick.slot, store: slots.open(pick.slot) }
      const outcome = await this.acquire(call, { decided: true })
      if (outcome !== 'held-by-other' && outcome.kind === 'acquired' && entry) {
        // Two holders that let go at once may both have handed us their slot: the other goes on
        // to the next waiter now, beside our take (which awaits it), not after it.
        const extra = look.slots.filter(
          (s) => s.slot !== pick.slot && s.state === 'leased' && s.handedTo === entry.ticket,
        )
        this.passingOn = Promise.all(
          extra.map((s) =>
            passOn(slots.open(s.slot), this.options.leaseId, entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS }),
          ),
        )
      }
      if (outcome !== 'held-by-other') return outcome
      // A client that does not queue took it first.
      this.chosen = undefined
    }
    const free = look.slots.filter((s) => s.state !== 'leased').length
    // The first waiter ahead that leaves a slot free for too long is passed over, as a head would be.
    if (entry)
      this.watchHead(
        free > 0 ? { state: 'free', staleHolder: undefined } : { state: 'leased', holder: undefined, infinite: false },
      )
    const shown = look.slots.find((s) => s.state === 'leased')
    const sighting: Sighting = {
      lock:
        free > 0 || !shown
          ? { state: 'free', staleHolder: undefined }
          : { state: 'leased', holder: shown.holder, infinite: shown.infinite ?? false },
      ahead,
      slots: slotsHeld(look.slots),
    }
    if (!entry) {
      if (!this.options.willWait) return { kind: 'waiting', sighting, wakeAt: 0 }
      await this.join(call)
      this.head = false
    }
    const { pacing } = this.options
    this.listAt =
      monotonicNow() +
      (standingAhead < slots.count
        ? slottedHeadMs(pacing)
        : between(standingAhead < 3 * slots.count ? pacing.onDeckPollMs : pacing.queuePollMs))
    return { kind: 'waiting', sighting, wakeAt: Math.min(this.listAt, this.entry?.renewAt ?? Infinity) }
  }

  /**
   * Where a look at the slots puts us: the live waiters ahead in the order of
   * the line, and how many of them (with a ticket just before ours whose entry
   * may be on its way) are not served yet (servedTickets), which is what
   * decides whether a free slot is ours. 'rejoin' when our entry is gone.
   */
  private slottedStanding(look: SlotsLook): { ahead: QueueEntry[]; count: number } | 'rejoin' {
    const { queue } = look
    this.tellSquatters(queue.entries)
    let ahead: QueueEntry[]
    const entry = this.entry
    if (entry) {
      const standing = standingOf(queue, entry.ticket, this.passedOver, { priority: this.priority })
      if (!standing.mine) return 'rejoin'
      void this.sweep(standing.lapsed)
      ahead = standing.ahead
      const predecessor = entry.predecessor
      if (predecessor && (predecessorShown(predecessor, queue) || monotonicNow() >= predecessor.until)) {
        entry.predecessor = undefined
      }
    } else {
      // A newcomer stands behind every live waiter, except that a high-priority one passes the normal ones.
      const me = { ticket: Infinity, priority: this.priority }
      ahead = lineOrder(
        queue.entries.filter(
          (e) => isLive(e, queue.serviceNow) && !isSquatter(e) && !this.passedOver.has(e.ticket) && goesBefore(e, me),
        ),
      )
      void this.sweep(queue.entries.filter((e) => !isLive(e, queue.serviceNow)))
    }
    const served = servedTickets(look.slots)
    // A ticket just before ours whose entry may still be on its way stands ahead of us too.
    const count = ahead.filter((e) => !served.has(e.ticket)).length + (entry?.predecessor ? 1 : 0)
    return { ahead, count }
  }

  /**
   * The lease is ours: write our holder record, take the next fencing token,
   * and leave the queue, all at once. Returns the record as written and the token.
   */
  async take(
    record: HolderRecord,
    call: () => RequestOptions,
  ): Promise<{ record: HolderRecord; fencingToken: number }> {
    // Our ticket goes on the record: a waiter right behind us that missed our entry learns from it that we came.
    const written: HolderRecord = this.entry ? { ...record, ticket: String(this.entry.ticket) } : record
    // Side by side: the record write waits for the token only to keep it on the lock blob as well.
    const token = this.store.nextFencingToken(call())
    // With a key, the holder record's write checks, under our lease, the sequence the lock blob keeps
    // (latest-kept.ts); the key's record is raised only once that check has passed.
    let passed!: () => void
    let failed!: (err: unknown) => void
    const checked = new Promise<void>((resolve, reject) => ((passed = resolve), (failed = reject)))
    checked.catch(() => undefined)
    const holder = this.store.writeHolder(this.options.leaseId, written, call(), token, () => passed())
    holder.then(
      () => passed(),
      (err: unknown) => failed(err),
    )
    const [, fencingToken] = await Promise.all([
      holder,
      token,
      this.recordLatest(written, call, checked),
      this.passingOn?.catch(() => undefined),
    ])
    this.passingOn = undefined
    const ticket = this.entry?.ticket
    // Only now: if the record or the token failed, we stay in line for another try (waiter.ts keeps the lease).
    await this.leaveAsHolder(call)
    this.acquired = false
    const slots = this.options.store.slotted
    if (slots && ticket !== undefined) await this.returnStrays(slots, ticket)
    return { record: written, fencingToken }
  }

  /**
   * With slots, two holders that let go at once may both hand their lease to
   * the head (handover.ts), or one may hand it over as the head takes a free
   * slot: the head then holds a second slot that nobody renews. Once out of
   * the queue (no holder hands us anything after its next look), one look
   * finds such a slot, and it is passed on at once (pass-on.ts: handed to the
   * first waiter not yet served, else released) rather than left to lapse.
   * Best effort: a slot missed here lapses within one lease duration.
   */
  private async returnStrays(slots: SlotsAccess, ticket: number): Promise<void> {
    await this.passOnHanded(slots, ticket, { keep: this.slot, timeoutMs: TIDY_TIMEOUT_MS })
  }

  /**
   * Passes on (pass-on.ts) every slot that one look shows handed to our
   * ticket, but `keep`, and `also`, a slot whose acquire we tried. Azure
   * refuses the change of a lease that is not under our id, so nobody else's
   * slot is touched. Best effort: a slot missed here lapses by itself.
   */
  private async passOnHanded(
    slots: SlotsAccess,
    ticket: number,
    which: { keep?: number; also?: number; timeoutMs: number },
  ): Promise<void> {
    const ours = new Set<number>(which.also === undefined ? [] : [which.also])
    if (which.timeoutMs >= MIN_LOOK_MS) {
      const look = await slots.look({ timeoutMs: which.timeoutMs }).catch(() => undefined)
      for (const s of look?.slots ?? []) if (s.state === 'leased' && s.handedTo === ticket) ours.add(s.slot)
    }
    if (which.keep !== undefined) ours.delete(which.keep)
    await Promise.all(
      [...ours].map((slot) => passOn(slots.open(slot), this.options.leaseId, ticket, { timeoutMs: TIDY_TIMEOUT_MS })),
    )
  }

  /** Starts reading our key's record, for a waiter with a key that can read it. */
  private readLatest(call: () => RequestOptions): Promise<LatestRead> | undefined {
    if (!this.guard || !this.store.latest) return undefined
    return this.store.latest.read(this.guard.spec.key, call())
  }

  /** The key whose record a listing of the queue reads as well; undefined without a key, or a store of records. */
  private latestKey(): string | undefined {
    return this.guard && this.store.latest ? this.guard.spec.key : undefined
  }

  /**
   * Just before an acquire: one listing of the whole queue, which reads our
   * key's record too (a separate read only when it did not reach it). Throws
   * when we are superseded or stale. A waiter outside the queue (it may not
   * list) reads the record alone, and can only be stale.
   */
  private async decideLatest(call: () => RequestOptions): Promise<void> {
    const guard = this.guard!
    let latest: LatestRead | undefined
    if (!this.outside) {
      const look = await this.store.queue.look({ ...call(), latestKey: this.latestKey() })
      if (look.records) this.records = look.records
      guard.checkQueue(look.entries, look.serviceNow, this.entry?.ticket)
      latest = look.latest
    }
    this.latestRead = latest ?? (await this.readLatest(call))
    await this.checkLatest(this.latestRead, call)
  }

  /**
   * Decides stale from our key's record as read: a record whose blob a
   * stranger leased fails the job at once (it could never be written, and no
   * lease or token is taken for it); a record with a higher sequence makes us
   * stale; no record at all (the key is new, or the .azure-mutex/ folder was
   * deleted) asks the lock blob, which keeps each key's sequence too
   * (latest-kept.ts): one more request, only then.
   */
  private async checkLatest(read: LatestRead | undefined, call: () => RequestOptions): Promise<void> {
    const guard = this.guard!
    const latest = this.store.latest
    if (read?.leased && latest?.leasedError) throw latest.leasedError(guard.spec.key)
    guard.checkRecord(read?.record)
    if (read?.record || !latest?.readKept) return
    guard.checkKept(await latest.readKept(guard.spec.key, call()))
  }

  /**
   * Under the lease: raises our key's record to our sequence. The write is
   * conditional on the record read before the acquire; if another write came
   * between (a newer job that held and left in that moment), it is read again
   * and decided again, and a stale lease is given back by the caller.
   */
  private async recordLatest(record: HolderRecord, call: () => RequestOptions, checked: Promise<void>): Promise<void> {
    const guard = this.guard
    const latest = this.store.latest
    if (!guard || !latest) return
    let read = this.latestRead ?? (await latest.read(guard.spec.key, call()))
    for (let tries = 0; tries < 3; tries++) {
      if (read.leased && latest.leasedError) throw latest.leasedError(guard.spec.key)
      guard.checkRecord(read.record)
      const same = read.record?.supersedeKey === guard.spec.key
      // A re-run of the job that holds the record: it says so already.
      if (same && parseSequence(read.record?.sequence) === guard.spec.sequence) return
      // Not before the lock blob's sequence is checked under our lease: a stale job must not lower the record.
      await checked
      if ((await latest.write(guard.spec.key, record, read.etag, call())) === 'written') return
      read = await latest.read(guard.spec.key, call())
    }
    throw new LockError(`The record of the supersede key of lock ${this.store.location} keeps changing; try again.`)
  }

  /**
   * Gives back the lease we took, when taking the lock could not be finished
   * (the record or the fencing token failed): a job never waits, or tries
   * again, while it holds the lease. Our place in the queue is kept.
   */
  async giveBack(): Promise<void> {
    if (!this.acquireTried) return
    const released = await this.store
      .release(this.options.leaseId, { timeoutMs: TIDY_TIMEOUT_MS })
      .then(() => true)
      .catch(() => false)
    this.acquired = false
    this.tookOver = undefined
    // A release that failed is tried again when the wait ends (abandon).
    this.acquireTried = !released
  }

  /** Every key's record the last listing read; undefined for a waiter without a key. */
  get recordsSeen(): HolderRecord[] | undefined {
    return this.records
  }

  /** The live waiters ahead at the last listing; undefined before one. */
  get aheadCount(): number | undefined {
    return this.lastAhead?.length
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
  private async leaveAsHolder(call: () => RequestOptions): Promise<void> {
    const entry = this.entry
    if (!entry) return
    try {
      await this.store.queue.leave(entry.ticket, entry.leaseId, call())
    } catch (err) {
      if (isTransient(err)) throw err
    }
    this.entry = undefined
  }

  /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
  async leave(timeoutMs = TIDY_TIMEOUT_MS): Promise<void> {
    const entry = this.entry
    if (!entry) return
    this.entry = undefined
    await this.store.queue.leave(entry.ticket, entry.leaseId, { timeoutMs }).catch(() => undefined)
  }

  /**
   * The wait ends without success: leave the queue, and give back a lease we
   * may hold. At or next to the head, the last holder may have handed us its
   * lease without our knowing (handover.ts): one look at the lock (which
   * carries no lease id of ours) tells. A lease that is, or may be, ours is
   * passed on to the next head at once (pass-on.ts), after our entry is gone,
   * so that the lock does not sit idle until that lease lapses.
   *
   * `until` (monotonic): when the wait is past its deadline, the end of its
   * grace, which the whole tidy-up ends by (LEAST_TIDY_MS at the least for
   * each step), so that `timeout` holds on a stalled network too.
   */
  async abandon(until?: number): Promise<void> {
    const ticket = this.entry?.ticket
    const nearHead = ticket !== undefined && (this.head || (this.lastAhead?.length ?? Infinity) <= 1)
    // Leaving and the look share one tidy budget, so that a stalled network adds it to the wait once, not twice.
    const tidyUntil = until ?? monotonicNow() + TIDY_TIMEOUT_MS
    const budget = (): number => Math.max(LEAST_TIDY_MS, Math.round(tidyUntil - monotonicNow()))
    await this.leave(budget())
    let mayHold = this.acquireTried || this.handed
    const left = Math.round(tidyUntil - monotonicNow())
    const slots = this.options.store.slotted
    if (slots && ticket !== undefined) {
      // Any slot may have been handed to us (the first waiter not yet served): the look is at every slot.
      await this.passOnHanded(slots, ticket, { also: mayHold ? this.slot : undefined, timeoutMs: left })
      this.acquireTried = false
      return
    }
    if (!mayHold && nearHead && this.store.letGo && left >= MIN_LOOK_MS) {
      const lock = await this.store.view({ timeoutMs: left }).catch(() => undefined)
      mayHold = lock?.state === 'leased' && lock.handedTo === ticket
    }
    if (!mayHold) return
    const passOnMs = until === undefined ? TIDY_TIMEOUT_MS : budget()
    await passOn(this.store, this.options.leaseId, ticket, { timeoutMs: passOnMs })
    this.acquireTried = false
  }

  /**
   * Removes entries whose waiters are gone. Not awaited by the attempt: it is
   * housekeeping. A credential that may not delete (a SAS without 'd') is
   * refused quietly by every sweep: said once, as lapsed entries then pile up.
   */
  private async sweep(lapsed: QueueEntry[]): Promise<void> {
    await Promise.all(
      lapsed.map((entry) =>
        this.store.queue.sweep(entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS }).catch((err: unknown) => {
          if (statusCode(err) !== 403 || this.sweepRefusedTold) return
          this.sweepRefusedTold = true
          this.options.emit({ type: 'sweep-refused', error: err })
        }),
      ),
    )
  }
}
