// One attempt of a waiter: what it does each time the wait loop wakes it.
//
// Outside the queue (its first attempt): one listing of the queue. Nobody
// waiting: it tries for the lease at once, and only if that fails does it join.
// Somebody waiting: it joins behind them.
//
// In the queue, it holds an entry named by its ticket and renews the entry's
// lease every third of the lease duration (own-entry.ts). At the head (no live
// entry ahead) it looks at the lock often and takes the lease when it is free;
// further back it only lists the queue, seldom, to learn when it has moved up
// (pacing.ts). Clients that do not queue (go-azuremutex, az CLI, older
// versions) may still take a free lease: the head then just keeps looking.
//
// Entries that do not serve the lock are not waited for: one with an infinite
// lease (a squatter: this action never takes one), and a head that leaves the
// lock free for longer than idleHeadMs (idle-head-watch.ts). Skipping them is
// safe, as only the lease lets a job in; it costs at most the order of the queue.
//
// Holds (deploy/hold.ts): any look at the lock that shows a hold whose end has
// come ends it, wherever the waiter stands (ended-holds.ts), and a job of scope
// run that sees its own run's hold takes it over (own-lease.ts: takeOverRunHold).
//
// The rest has its own file: the lease asked for (own-lease.ts), latest wins
// (latest-gate.ts), what is said once (wait-notices.ts), and a lock with slots
// (slotted-attempt.ts).

import { monotonicNow } from './clock.ts'
import { LockCancelledError, statusCode, storageErrorCode } from './errors.ts'
import { EndedHolds } from './ended-holds.ts'
import type { HolderIdentity, HolderRecord } from './holder.ts'
import { HighPriorityWatch } from './high-priority-watch.ts'
import { IdleHeadWatch } from './idle-head-watch.ts'
import type { SupersedeSpec } from './deploy/latest.ts'
import { LatestGate } from './latest-gate.ts'
import { OwnEntry } from './own-entry.ts'
import { OwnLease, type AttemptOutcome } from './own-lease.ts'
import { LATEST_LIST_MS, between, idleHeadMs, type Pacing } from './pacing.ts'
import { passOn } from './queue/pass-on.ts'
import { isLive, isSquatter, predecessorShown, standingOf } from './queue/queue.ts'
import type { LeaseView, LockStore } from './store.ts'
import { SlottedAttempt, passOnHanded } from './slotted-attempt.ts'
import type { Standing } from './standing.ts'
import { WaitNotices } from './wait-notices.ts'
import type { Sighting, WaitEvent } from './wait-report.ts'
import type { Priority, QueueEntry } from './queue/entry.ts'
import type { RequestOptions } from './request.ts'

export type { AttemptOutcome, TakenOverHold } from './own-lease.ts'

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

/** How soon to look again at a lease that had no record yet: its holder writes one just after taking it. */
const RECORD_PAUSE_MS = 300

/** How long leaving the queue and passing on a lease may take: they are best effort. */
const TIDY_TIMEOUT_MS = 2_000

/** A look at the lock with less time left than this is not worth sending. */
const MIN_LOOK_MS = 250

/**
 * The least that leaving the queue, and passing on a lease that may be ours,
 * get when the wait's deadline has left them less: on a network that answers
 * they take tens of milliseconds, and an entry left behind costs the next
 * jobs up to a lease duration.
 */
const LEAST_TIDY_MS = 300

export interface AttemptOptions {
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

/** A waiter's attempts: each call of attempt() is one, and take() or abandon() ends them. */
export class Attempt {
  private readonly options: AttemptOptions
  private readonly priority: Priority
  private readonly notices: WaitNotices
  private readonly entry: OwnEntry
  private readonly lease: OwnLease
  private readonly latest: LatestGate | undefined
  private readonly holds: EndedHolds
  private readonly idle: IdleHeadWatch
  private readonly high: HighPriorityWatch
  /** With slots: the attempt on a lock with slots, which stands in line by its own rules. */
  private readonly slotted: SlottedAttempt | undefined
  /** Where we stand in line (standing.ts), shared with the attempt of a lock with slots. */
  private readonly line: Standing = { head: false, listAt: 0, lastAhead: undefined }
  /** A second look at the lock, soon after one that found a lease without a record. */
  private viewAt = Infinity
  /** Storage has answered at least once: a network failure after that is storage trouble, not a wrong endpoint. */
  answered = false
  /** The queue cannot be read with this credential: the waiter waits outside it. */
  private outside = false

  constructor(options: AttemptOptions) {
    this.options = options
    this.priority = options.priority ?? 'normal'
    this.notices = new WaitNotices(options.emit)
    const { store, leaseId, leaseSeconds, who, signal, emit } = options
    this.entry = new OwnEntry({ leaseId, leaseSeconds, who, priority: this.priority, notices: this.notices })
    this.lease = new OwnLease({ store, leaseId, leaseSeconds, signal, emit })
    this.latest = options.supersede && new LatestGate(options.supersede, store, emit)
    this.holds = new EndedHolds(who, emit)
    this.idle = new IdleHeadWatch(idleHeadMs(leaseSeconds, options.pacing), emit)
    const { priority, notices, line: standing } = this
    this.high = new HighPriorityWatch({ priority, notices, passedOver: this.idle.passedOver, standing })
    this.slotted =
      store.slotted &&
      new SlottedAttempt({
        slots: store.slotted,
        leaseId,
        willWait: options.willWait,
        pacing: options.pacing,
        priority: this.priority,
        entry: this.entry,
        lease: this.lease,
        notices: this.notices,
        idle: this.idle,
        standing: this.line,
        acquire: (call) => this.acquire(call, { decided: true }),
        join: (call) => this.join(call),
        rejoin: (call) => this.rejoin(call),
        answered: () => {
          this.answered = true
        },
      })
  }

  private get store(): LockStore {
    return this.lease.store
  }

  /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
  get slot(): number {
    return this.lease.slot
  }

  /** One attempt; `call` gives each request its signal and deadline. */
  async attempt(call: () => RequestOptions, wantsHolder: (aheadCount: number) => boolean): Promise<AttemptOutcome> {
    if (this.lease.ours) {
      // The lease is already ours: this only confirms it, so there is nothing to decide again.
      const outcome = await this.acquire(call, { decided: true })
      if (outcome !== 'held-by-other') {
        const tookOver = this.lease.takenOver
        return outcome.kind === 'acquired' && tookOver ? { ...outcome, tookOver } : outcome
      }
      this.lease.lost()
    }
    if (this.slotted) return this.slotted.attempt(call)
    if (this.outside) return this.outsideQueue(call)
    if (this.entry.ticket === undefined) return this.fromOutside(call)
    await this.keepEntry(call)
    let ahead: QueueEntry[] | undefined
    if (monotonicNow() >= this.line.listAt) ahead = await this.lookAtQueue(call)
    if (this.line.head) return this.asHead(call, ahead)
    // Waiting for the ticket just before ours: the lock may show its waiter holding it already.
    const pending = this.entry.predecessor !== undefined && ahead?.length === 0
    // Right behind the head, a look at the lock every quarter of the bound tells a head that does not
    // take a free lock; while it leaves the lock free, every listing looks at the lock too.
    const onDeck = ahead?.length === 1 && this.idle.dueForLook
    // A job of scope run looks at the lock at each listing too: its run's hold is taken over at the next one.
    const runHold = this.options.takeOverRunHold === true
    const look = ahead ? pending || wantsHolder(ahead.length) || onDeck || runHold : monotonicNow() >= this.viewAt
    let lock = look ? await this.store.view(call()) : undefined
    if (lock) {
      const takenOver = await this.takeOverRunHold(lock, call)
      if (takenOver) return takenOver
      lock = await this.endEndedHold(lock, call)
      this.high.noteHolding(lock, this.entry.ticket)
    }
    if (lock && this.handedToUs(lock)) {
      const outcome = await this.acquire(call)
      if (outcome !== 'held-by-other') return outcome
    }
    if (lock) this.watchHead(lock)
    // A lease without a record is also the moment between a new holder's lease and its record:
    // look once more shortly, rather than at the next listing, so that the line names the holder.
    this.viewAt = ahead && lock?.state === 'leased' && !lock.holder ? monotonicNow() + RECORD_PAUSE_MS : Infinity
    const predecessor = this.entry.predecessor
    if (
      predecessor &&
      lock?.state === 'leased' &&
      predecessorShown(predecessor, { holderTicket: lock.holder?.ticket })
    ) {
      this.entry.predecessorCame()
      this.line.head = true
      this.line.listAt = monotonicNow() + this.options.pacing.headListMs
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
    if (this.line.head) this.viewAt = Infinity
    const lookAt = this.line.head ? monotonicNow() + between(this.options.pacing.headPollMs) : this.line.listAt
    return Math.min(lookAt, this.line.listAt, this.viewAt, this.entry.renewAt)
  }

  /** Passes over the first waiter ahead when it leaves the lock free for too long (idle-head-watch.ts). */
  private watchHead(lock: LeaseView): void {
    this.idle.watch(lock, this.line)
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
    const latestKey = this.latest?.key(this.store)
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
    // Arriving after a newer job of our key: leave before joining, and before any acquire.
    if (this.latest) await this.latest.arrive(look, this.store, call)
    this.notices.squatters(look.entries, this.store.queue)
    const live = look.entries.filter((entry) => isLive(entry, look.serviceNow) && !isSquatter(entry))
    void this.entry.sweep(
      this.store,
      look.entries.filter((entry) => !isLive(entry, look.serviceNow)),
    )
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
    const now = (this.line.head && lock.state !== 'leased') || handed
    return { kind: 'waiting', sighting, wakeAt: now ? 0 : this.wakeAt() }
  }

  /**
   * Asks for the lease (own-lease.ts). Superseded or stale is decided first,
   * unless `decided` (latest-gate.ts): such a waiter never asks for it.
   */
  private async acquire(
    call: () => RequestOptions,
    { decided = false } = {},
  ): Promise<AttemptOutcome | 'held-by-other'> {
    // A cancel that came while we looked: ask for nothing more.
    if (this.options.signal?.aborted)
      throw new LockCancelledError(`Cancelled while waiting for lock ${this.store.location}.`)
    // Superseded or stale is decided from a look taken just before: such a waiter never asks for the lease.
    if (this.latest && !decided)
      await this.latest.decide(this.store, call, { outside: this.outside, ticket: this.entry.ticket })
    return this.lease.acquire(call)
  }

  /** Enters the queue (own-entry.ts), then lists it up to our entry. */
  private async join(call: () => RequestOptions, previousTicket?: number): Promise<QueueEntry[]> {
    if (!(await this.entry.enter(this.store, call, previousTicket))) return []
    return this.lookAtQueue(call, { justJoined: true })
  }

  /** Renews our entry's lease when it is due; a lost entry means joining again, at the back. */
  private async keepEntry(call: () => RequestOptions): Promise<void> {
    if ((await this.entry.keep(this.store, call)) === 'gone') await this.rejoin(call)
  }

  private async rejoin(call: () => RequestOptions): Promise<QueueEntry[]> {
    const previous = this.entry.forget()
    this.line.head = false
    this.options.emit({ type: 'rejoined', waitedMs: this.options.waitedMs() })
    return this.join(call, previous)
  }

  /** Lists the queue up to our entry: who is ahead, whether we are the head; lapsed entries ahead are swept. */
  private async lookAtQueue(call: () => RequestOptions, { justJoined = false } = {}): Promise<QueueEntry[]> {
    const ticket = this.entry.ticket
    if (ticket === undefined) return []
    // With a key, the whole queue: a newer job of the key may wait behind us. Without, up to our
    // entry's page: that page (100 entries) also shows the high-priority waiters that joined after
    // us and go ahead of us (priority.ts); reading on to the end made every listing slower.
    const look = await this.store.queue.look({
      ...call(),
      upTo: this.latest ? undefined : ticket,
      latestKey: this.latest?.key(this.store),
    })
    this.high.noteListing(look)
    this.latest?.checkListing(look, ticket)
    const { passedOver } = this.idle
    const standing = standingOf(look, ticket, passedOver, { priority: this.priority, holding: this.high.holding })
    // Our entry was removed (its lease had lapsed): join again. Not twice in one attempt, whatever storage says.
    if (!standing.mine && !justJoined) return this.rejoin(call)
    void this.entry.sweep(this.store, standing.lapsed)
    this.notices.squatters(standing.squatters, this.store.queue)
    this.notices.priorities(look.entries, standing.ahead, { ticket, priority: this.priority })
    this.line.lastAhead = standing.ahead
    const predecessor = this.entry.predecessor
    if (predecessor && (predecessorShown(predecessor, look) || monotonicNow() >= predecessor.until)) {
      this.entry.predecessorCame()
    }
    this.line.head = standing.ahead.length === 0 && this.entry.predecessor === undefined
    const { pacing } = this.options
    const pause = this.line.head
      ? pacing.headListMs
      : between(standing.ahead.length === 1 ? pacing.onDeckPollMs : pacing.queuePollMs)
    // Not at the head only because a ticket before ours has no entry yet: look again as often as the head.
    const pending = this.entry.predecessor !== undefined && standing.ahead.length === 0
    const keyed = this.latest ? Math.min(pause, between(pacing.latestListMs ?? LATEST_LIST_MS)) : pause
    this.line.listAt = monotonicNow() + (pending ? between(this.options.pacing.headPollMs) : keyed)
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
    return { kind: 'waiting', sighting: { ahead: this.line.lastAhead }, wakeAt: this.wakeAt() }
  }

  /** The lock's last holder handed its lease to our entry: it is already under our id. */
  private handedToUs(lock: LeaseView): boolean {
    const ticket = this.entry.ticket
    const handed = lock.state === 'leased' && ticket !== undefined && lock.handedTo === ticket
    if (handed) this.lease.noteHanded()
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
    this.high.noteHolding(lock, this.entry.ticket)
    // Handed to another waiter: the order changed (a high-priority waiter joined ahead): list again next time.
    if (lock.state === 'leased' && lock.handedTo !== undefined && !this.handedToUs(lock))
      this.line.listAt = monotonicNow()
    // A free lock: a normal head with an old listing checks the line beside its acquire (before it
    // would add a round trip to every take), as a high-priority waiter may have joined ahead of it.
    const stillHead =
      lock.state === 'leased' ? undefined : this.high.stillHead(this.store, call, this.entry.ticket, ahead)
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

  /** Ends a hold whose end has come that `lock` shows (ended-holds.ts); the lock as it stands after. */
  private endEndedHold(lock: LeaseView, call: () => RequestOptions): Promise<LeaseView> {
    return this.holds.end(lock, this.store, call)
  }

  /** A job of scope run takes over the hold its own run left on the lock (own-lease.ts), at any look at it. */
  private async takeOverRunHold(lock: LeaseView, call: () => RequestOptions): Promise<AttemptOutcome | undefined> {
    if (!this.options.takeOverRunHold) return undefined
    return this.lease.takeOverRunHold(lock, this.options.who, this.entry.ticket !== undefined, call)
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
    const tookOver = this.lease.takenOver!
    const ticket = this.entry.ticket
    const written: HolderRecord = ticket !== undefined ? { ...record, ticket: String(ticket) } : record
    await this.store.writeHolder(this.options.leaseId, written, call())
    await this.entry.leaveAsHolder(this.store, call)
    this.lease.taken()
    this.options.emit({ type: 'hold-taken-over', ...tookOver, waitedMs: this.options.waitedMs() })
    // Read from storage: a token that is not a positive whole number is none.
    const token = Number(tookOver.hold.fencingToken)
    return { record: written, fencingToken: Number.isSafeInteger(token) && token > 0 ? token : 0 }
  }

  /**
   * The lease is ours: write our holder record, take the next fencing token,
   * and leave the queue, all at once. Returns the record as written and the token.
   */
  async take(
    record: HolderRecord,
    call: () => RequestOptions,
  ): Promise<{ record: HolderRecord; fencingToken: number }> {
    const ticket = this.entry.ticket
    // Our ticket goes on the record: a waiter right behind us that missed our entry learns from it that we came.
    const written: HolderRecord = ticket !== undefined ? { ...record, ticket: String(ticket) } : record
    const store = this.store
    // Side by side: the record write waits for the token only to keep it on the lock blob as well.
    const token = store.nextFencingToken(call())
    // With a key, the holder record's write checks, under our lease, the sequence the lock blob keeps
    // (latest-kept.ts); the key's record is raised only once that check has passed.
    let passed!: () => void
    let failed!: (err: unknown) => void
    const checked = new Promise<void>((resolve, reject) => ((passed = resolve), (failed = reject)))
    checked.catch(() => undefined)
    const holder = store.writeHolder(this.options.leaseId, written, call(), token, () => passed())
    holder.then(
      () => passed(),
      (err: unknown) => failed(err),
    )
    const [, fencingToken] = await Promise.all([
      holder,
      token,
      this.latest?.record(store, written, call, checked),
      this.slotted?.passingOn(),
    ])
    this.slotted?.passedOn()
    // Only now: if the record or the token failed, we stay in line for another try (waiter.ts keeps the lease).
    await this.entry.leaveAsHolder(store, call)
    this.lease.taken()
    if (this.slotted && ticket !== undefined) await this.slotted.returnStrays(ticket)
    return { record: written, fencingToken }
  }

  /**
   * Gives back the lease we took, when taking the lock could not be finished
   * (the record or the fencing token failed): a job never waits, or tries
   * again, while it holds the lease. Our place in the queue is kept.
   */
  async giveBack(): Promise<void> {
    await this.lease.giveBack()
  }

  /** Every key's record the last listing read; undefined for a waiter without a key. */
  get recordsSeen(): HolderRecord[] | undefined {
    return this.latest?.recordsSeen
  }

  /** The live waiters ahead at the last listing; undefined before one. */
  get aheadCount(): number | undefined {
    return this.line.lastAhead?.length
  }

  /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
  async leave(timeoutMs = TIDY_TIMEOUT_MS): Promise<void> {
    await this.entry.leave(this.store, timeoutMs)
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
    const ticket = this.entry.ticket
    const nearHead = ticket !== undefined && (this.line.head || (this.line.lastAhead?.length ?? Infinity) <= 1)
    // Leaving and the look share one tidy budget, so that a stalled network adds it to the wait once, not twice.
    const tidyUntil = until ?? monotonicNow() + TIDY_TIMEOUT_MS
    const budget = (): number => Math.max(LEAST_TIDY_MS, Math.round(tidyUntil - monotonicNow()))
    await this.leave(budget())
    let mayHold = this.lease.mayHold
    const left = Math.round(tidyUntil - monotonicNow())
    const slots = this.options.store.slotted
    if (slots && ticket !== undefined) {
      // Any slot may have been handed to us (the first waiter not yet served): the look is at every slot.
      const also = mayHold ? this.slot : undefined
      await passOnHanded(slots, this.options.leaseId, ticket, { also, timeoutMs: left })
      this.lease.passedOn()
      return
    }
    if (!mayHold && nearHead && this.store.letGo && left >= MIN_LOOK_MS) {
      const lock = await this.store.view({ timeoutMs: left }).catch(() => undefined)
      mayHold = lock?.state === 'leased' && lock.handedTo === ticket
    }
    if (!mayHold) return
    const passOnMs = until === undefined ? TIDY_TIMEOUT_MS : budget()
    await passOn(this.store, this.options.leaseId, ticket, { timeoutMs: passOnMs })
    this.lease.passedOn()
  }
}
