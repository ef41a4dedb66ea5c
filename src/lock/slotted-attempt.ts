// One attempt of a waiter on a lock with slots (queue/slots.ts): one look at
// the queue and every slot together. A waiter takes a slot handed to it, or
// the free slot at its own place among the first k waiters not yet served, k
// being the free slots. Holds and latest wins are refused with slots before
// any waiting (inputs). Joining the queue, and what the lease does, are the
// attempt's (attempt.ts, own-entry.ts, own-lease.ts).

import { monotonicNow } from './clock.ts'
import type { IdleHeadWatch } from './idle-head-watch.ts'
import type { OwnEntry } from './own-entry.ts'
import type { AttemptOutcome, OwnLease } from './own-lease.ts'
import { between, slottedHeadMs, type Pacing } from './pacing.ts'
import { passOn } from './queue/pass-on.ts'
import { goesBefore, lineOrder } from './queue/priority.ts'
import { isLive, isSquatter, predecessorShown, standingOf } from './queue/queue.ts'
import { servedTickets, slotToTake, slotsHeld } from './queue/slots.ts'
import type { Standing } from './standing.ts'
import type { WaitNotices } from './wait-notices.ts'
import type { Sighting } from './wait-report.ts'
import type { Priority, QueueEntry } from './queue/entry.ts'
import type { SlotsAccess, SlotsLook } from './store.ts'
import type { RequestOptions } from './request.ts'

/** How long passing on a slot may take: it is best effort (a slot missed lapses by itself). */
const TIDY_TIMEOUT_MS = 2_000

/** A look at the slots with less time left than this is not worth sending. */
const MIN_LOOK_MS = 250

/**
 * Passes on (pass-on.ts) every slot that one look shows handed to our
 * ticket, but `keep`, and `also`, a slot whose acquire we tried. Azure
 * refuses the change of a lease that is not under our id, so nobody else's
 * slot is touched. Best effort: a slot missed here lapses by itself.
 */
export async function passOnHanded(
  slots: SlotsAccess,
  leaseId: string,
  ticket: number,
  which: { keep?: number; also?: number; timeoutMs: number },
): Promise<void> {
  const ours = new Set<number>(which.also === undefined ? [] : [which.also])
  if (which.timeoutMs >= MIN_LOOK_MS) {
    const look = await slots.look({ timeoutMs: which.timeoutMs }).catch(() => undefined)
    for (const s of look?.slots ?? []) if (s.state === 'leased' && s.handedTo === ticket) ours.add(s.slot)
  }
  if (which.keep !== undefined) ours.delete(which.keep)
  await Promise.all([...ours].map((slot) => passOn(slots.open(slot), leaseId, ticket, { timeoutMs: TIDY_TIMEOUT_MS })))
}

export interface SlottedAttemptOptions {
  slots: SlotsAccess
  leaseId: string
  /** False for a wait without time (a timeout of 0): it tries once and never joins the queue. */
  willWait: boolean
  pacing: Pacing
  priority: Priority
  /** Our entry, our lease, what is said once, the heads passed over, and where we stand: shared with the attempt. */
  entry: OwnEntry
  lease: OwnLease
  notices: WaitNotices
  idle: IdleHeadWatch
  standing: Standing
  /** Asks for the lease of the chosen slot (nothing is left to decide with slots). */
  acquire: (call: () => RequestOptions) => Promise<AttemptOutcome | 'held-by-other'>
  /** Joins the queue, and joins it again when our entry was lost. */
  join: (call: () => RequestOptions) => Promise<unknown>
  rejoin: (call: () => RequestOptions) => Promise<unknown>
  /** Storage has answered. */
  answered: () => void
}

export class SlottedAttempt {
  private readonly options: SlottedAttemptOptions
  /** The waiters ahead not yet served at the last look; undefined before one. */
  private slotStanding: number | undefined
  /** The extra slots handed to us being passed on, awaited by take(). */
  private passing: Promise<unknown> | undefined

  constructor(options: SlottedAttemptOptions) {
    this.options = options
  }

  /**
   * One attempt. How often it looks follows its standing, the waiters ahead
   * of it that are not served yet: under N, a slot may be its own at the
   * next release, so it looks at the pace of a head (slottedHeadMs); from N
   * to 3N - 1 it is in the next two rounds, and looks as the waiter right
   * behind a head does, so that it knows its standing before its round comes
   * (with equal holds a whole round frees at once); further back, as the
   * queue does. Beyond N, the listing alone: slot 1's HEAD is added only when
   * the listing shows that a slot may be ours.
   */
  async attempt(call: () => RequestOptions): Promise<AttemptOutcome> {
    const { slots, entry: own, lease, standing: line } = this.options
    // No lease is asked for before the lock's number of slots is known to be ours.
    await slots.agree(call())
    if (lease.askedForSlot) {
      // An acquire whose answer was lost: ask again for the same slot (idempotent), never for a second one.
      const outcome = await this.options.acquire(call)
      if (outcome !== 'held-by-other') return outcome
      lease.choose(undefined)
    }
    if (own.ticket !== undefined && (await own.keep(lease.store, call)) === 'gone') await this.options.rejoin(call)
    if (own.ticket !== undefined && monotonicNow() < line.listAt) {
      return { kind: 'waiting', sighting: {}, wakeAt: Math.min(line.listAt, own.renewAt) }
    }
    // A newcomer, and a waiter that stood within N at its last look, look at slot 1 as well.
    const withLock = own.ticket === undefined || (this.slotStanding ?? 0) <= slots.count
    let look = await slots.look(call(), { lock: withLock })
    this.options.answered()
    let standing = this.standing(look)
    if (standing === 'rejoin') {
      await this.options.rejoin(call)
      return { kind: 'waiting', sighting: {}, wakeAt: 0 }
    }
    // The listing shows that a slot may be ours: look at slot 1 too before deciding. Its last
    // state may hide at most one served waiter ahead of us, hence N, not N - 1.
    if (!look.lockSeen && standing.count <= slots.count) {
      look = await slots.look(call())
      standing = this.standing(look)
      if (standing === 'rejoin') {
        await this.options.rejoin(call)
        return { kind: 'waiting', sighting: {}, wakeAt: 0 }
      }
    }
    const { ahead, count: standingAhead } = standing
    const ticket = own.ticket
    this.slotStanding = standingAhead
    line.lastAhead = ahead
    const pick = slotToTake(look.slots, standingAhead, ticket)
    if (pick) {
      lease.choose({ slot: pick.slot, store: slots.open(pick.slot) })
      const outcome = await this.options.acquire(call)
      if (outcome !== 'held-by-other' && outcome.kind === 'acquired' && ticket !== undefined) {
        // Two holders that let go at once may both have handed us their slot: the other goes on
        // to the next waiter now, beside our take (which awaits it), not after it.
        const extra = look.slots.filter((s) => s.slot !== pick.slot && s.state === 'leased' && s.handedTo === ticket)
        this.passing = Promise.all(
          extra.map((s) => passOn(slots.open(s.slot), this.options.leaseId, ticket, { timeoutMs: TIDY_TIMEOUT_MS })),
        )
      }
      if (outcome !== 'held-by-other') return outcome
      // A client that does not queue took it first.
      lease.choose(undefined)
    }
    const free = look.slots.filter((s) => s.state !== 'leased').length
    // The first waiter ahead that leaves a slot free for too long is passed over, as a head would be.
    if (ticket !== undefined)
      this.options.idle.watch(
        free > 0 ? { state: 'free', staleHolder: undefined } : { state: 'leased', holder: undefined, infinite: false },
        line,
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
    if (ticket === undefined) {
      if (!this.options.willWait) return { kind: 'waiting', sighting, wakeAt: 0 }
      await this.options.join(call)
      line.head = false
    }
    const { pacing } = this.options
    line.listAt =
      monotonicNow() +
      (standingAhead < slots.count
        ? slottedHeadMs(pacing)
        : between(standingAhead < 3 * slots.count ? pacing.onDeckPollMs : pacing.queuePollMs))
    return { kind: 'waiting', sighting, wakeAt: Math.min(line.listAt, own.renewAt) }
  }

  /**
   * Where a look at the slots puts us: the live waiters ahead in the order of
   * the line, and how many of them (with a ticket just before ours whose entry
   * may be on its way) are not served yet (servedTickets), which is what
   * decides whether a free slot is ours. 'rejoin' when our entry is gone.
   */
  private standing(look: SlotsLook): { ahead: QueueEntry[]; count: number } | 'rejoin' {
    const { queue } = look
    const { entry: own, lease, idle, priority } = this.options
    this.options.notices.squatters(queue.entries, lease.store.queue)
    let ahead: QueueEntry[]
    const ticket = own.ticket
    if (ticket !== undefined) {
      const standing = standingOf(queue, ticket, idle.passedOver, { priority })
      if (!standing.mine) return 'rejoin'
      void own.sweep(lease.store, standing.lapsed)
      ahead = standing.ahead
      const predecessor = own.predecessor
      if (predecessor && (predecessorShown(predecessor, queue) || monotonicNow() >= predecessor.until)) {
        own.predecessorCame()
      }
    } else {
      // A newcomer stands behind every live waiter, except that a high-priority one passes the normal ones.
      const me = { ticket: Infinity, priority }
      ahead = lineOrder(
        queue.entries.filter(
          (e) => isLive(e, queue.serviceNow) && !isSquatter(e) && !idle.passedOver.has(e.ticket) && goesBefore(e, me),
        ),
      )
      void own.sweep(
        lease.store,
        queue.entries.filter((e) => !isLive(e, queue.serviceNow)),
      )
    }
    const served = servedTickets(look.slots)
    // A ticket just before ours whose entry may still be on its way stands ahead of us too.
    const count = ahead.filter((e) => !served.has(e.ticket)).length + (own.predecessor ? 1 : 0)
    return { ahead, count }
  }

  /** The extra slots handed to us being passed on, for take() to await; undefined when none are. */
  passingOn(): Promise<unknown> | undefined {
    return this.passing?.catch(() => undefined)
  }

  /** take() awaited the extra slots: they are passed on. */
  passedOn(): void {
    this.passing = undefined
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
  async returnStrays(ticket: number): Promise<void> {
    const keep = this.options.lease.slot
    await passOnHanded(this.options.slots, this.options.leaseId, ticket, { keep, timeoutMs: TIDY_TIMEOUT_MS })
  }
}
