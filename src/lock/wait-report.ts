// The waiter's reporting: what each attempt saw goes in, and out come the few
// events worth a line in the log: when waiting starts, when the waiter's place
// in line or the holder changes, every so often while nothing changes, and
// once for a lease that never ends by itself. No storage, no wording: the
// action layer words the events.

import { freshnessOf, holderKey, type HolderIdentity, type HolderRecord } from './holder.ts'
import { holderSeenKey, type HolderSeen } from './holder-seen.ts'
import { lastHeldFor } from './deploy/latest-seen.ts'
import type { HoldRecord } from './deploy/hold.ts'
import type { SlotsHeld } from './queue/slots.ts'
import type { LeaseView } from './store.ts'
import type { QueueEntry } from './queue/entry.ts'

/** Where the waiter stands, as the lines show it. */
export interface Place {
  /** Its place in line, the holder counted first: 2 means next after the holder. */
  position: number
  /** Who holds the lock; undefined when it was free at the last look. */
  holder: HolderSeen | undefined
  /** The waiters ahead in the queue, first first; undefined for an entry that says nothing readable. */
  ahead: Array<HolderIdentity | undefined>
  /** False for a waiter that has not looked at the queue (one that waits outside it): it has no place in line. */
  queued: boolean
  /**
   * For each supersede key in sight (ours, the holder's, the waiters' ahead),
   * the record of the highest sequence that held (latest-seen.ts); absent when none was read.
   */
  lastHeld?: HolderRecord[]
  /** With slots: which are held, and by whom, at the last look (slots.ts). */
  slots?: SlotsHeld
}

export type WaitEvent =
  /** The first line: where the waiter stands and who holds the lock. */
  | { type: 'waiting'; place: Place; waitedMs: number }
  /** The number of waiters ahead changed. */
  | { type: 'moved'; place: Place; waitedMs: number }
  /** Someone else holds the lock now (its place in line is the same). */
  | { type: 'holder-changed'; place: Place; waitedMs: number }
  /** Nothing changed for a while. */
  | { type: 'still-waiting'; place: Place; waitedMs: number }
  /** Once: the lease never expires by itself, and the wait has no time limit. */
  | { type: 'infinite-lease'; holder: HolderSeen; breakCommand: string }
  /** Once: the credential may not list the container, so the waiter waits outside the queue. */
  | { type: 'outside-queue'; error: unknown }
  /** The waiter's queue entry was gone (its lease had lapsed): it joined again, at the back. */
  | { type: 'rejoined'; waitedMs: number }
  /** With slots, `slot` is the slot whose blob was created, when it is not the lock blob (slot 1). */
  | { type: 'created'; what: 'blob' | 'container'; slot?: number }
  /** Once per entry: an entry ahead holds an infinite lease, so it is no waiter and is not waited for. */
  | { type: 'squatter'; ticket: number; waiter: HolderIdentity | undefined; clearCommands: string }
  /** The first waiter ahead left the lock free for idleMs: it is passed over. */
  | { type: 'passed-over'; ticket: number; waiter: HolderIdentity | undefined; idleMs: number }
  /** Once: removing a lapsed entry was refused (403): the credential may not delete. */
  | { type: 'sweep-refused'; error: unknown }
  | { type: 'storage-trouble'; error: unknown; waitedMs: number }
  /**
   * Storage has not answered once yet, and the wait tries again for up to
   * triesForMs more (waiter.ts FIRST_CONTACT_MS): said at the first such
   * failure, and again as "storage-trouble" would be.
   */
  | { type: 'no-answer-yet'; error: unknown; waitedMs: number; triesForMs: number }
  /** This waiter ended a hold whose end had come (hold.ts), at endedAt by the service's clock. */
  | { type: 'hold-ended'; hold: HoldRecord; endedAt: Date }
  /** A job of scope run took over its run's hold (run-hold.ts), from the queue or without joining it. */
  | { type: 'hold-taken-over'; hold: HoldRecord; fromQueue: boolean; waitedMs: number }
  /**
   * Once per place: an entry (or the key's record) of our supersede key carries
   * a sequence that is no number, or too large; `problem` says which (latest.ts).
   */
  | { type: 'malformed-sequence'; where: string; value: string; problem: string }
  /**
   * Once per place: the record of our key (or the lock blob) keeps a sequence
   * far above ours (latest.ts isFarAbove), which makes us stale; `clearCommand`
   * deletes the record, when it is the record.
   */
  | {
      type: 'far-sequence'
      where: 'the record of the key' | 'the lock blob'
      sequence: number
      own: number
      clearCommand?: string
    }
  /** Once per entry: a high-priority waiter joined after us and went ahead of us (priority.ts). */
  | { type: 'high-priority-ahead'; ticket: number; waiter: HolderIdentity | undefined }
  /** Once per entry: its priority is neither normal nor high (value as read, untrusted); it counts as normal. */
  | { type: 'malformed-priority'; ticket: number; waiter: HolderIdentity | undefined; value: string }
  /**
   * Once: the wait passed warnAfterMs. The place in line and the holder at
   * that look, and how long the holder has held the lock (by the service's
   * clock; undefined when its record does not say).
   */
  | { type: 'long-wait'; place: Place; waitedMs: number; warnAfterMs: number; heldMs: number | undefined }

/** What one attempt saw: the lock, the queue, or both; a part it did not look at is undefined. */
export interface Sighting {
  lock?: Exclude<LeaseView, { state: 'missing' }>
  /** The live entries ahead of the waiter. */
  ahead?: QueueEntry[]
  /** Every key's record of the highest sequence that held, as the last listing read them. */
  records?: HolderRecord[]
  /** With slots: the slots held at this look. */
  slots?: SlotsHeld
}

export interface ReportOptions {
  /** How often to say "still waiting" while nothing changes. */
  progressEveryMs: number
  /** The wait has no time limit: an infinite lease then means waiting for ever. */
  noTimeLimit: boolean
  breakCommand: string
  /** The waiter's own supersede key: its record is shown first. */
  ownKey?: string
  /**
   * When the wait passes this long (after `startedAt`, both on the monotonic
   * clock), one long-wait event names the holder and the place in line.
   * Undefined: never.
   */
  warnAfterMs?: number
  startedAt?: number
}

/**
 * How long a holder has held the lock: from the time on its record to the
 * service's clock at the look. The record's time is the service's when the
 * holder's clock disagreed with it (waiter.ts, grantTime), so no runner's clock
 * is in it. Undefined when the record says no readable time.
 */
function heldFor(record: HolderRecord | undefined, serviceNow: Date | undefined): number | undefined {
  const since = record ? Date.parse(record.acquiredAt) : NaN
  if (!serviceNow || Number.isNaN(since)) return undefined
  return Math.max(0, serviceNow.getTime() - since)
}

export class WaitReport {
  private readonly options: ReportOptions
  /** The holder as last believed for the lines; undefined while the lock is free or not yet seen. */
  private seen: HolderSeen | undefined
  /** The holder at the last look, believed or not yet. */
  private latest: HolderSeen | undefined
  private heldAtLastLook = false
  private ahead: QueueEntry[] = []
  private records: HolderRecord[] | undefined
  private queued = false
  private reportedAhead: number | undefined
  private reportedHolder: string | undefined
  private lastLineAt = 0
  private started = false
  private infiniteTold = false
  /** A lease without a record was seen once: believed the second time (a new holder writes its record just after). */
  private unknownOnce = false
  /** Records seen on a free blob: their holder's lease lapsed, so a record-less client that leases it next is not them. */
  private readonly stale = new Set<string>()
  private firstPosition: number | undefined
  private looked: { at: number; holder: HolderSeen | undefined } | undefined
  private slots: SlotsHeld | undefined
  private longWaitTold = false
  /** How long the holder at the last settled look had held the lock, by the service's clock. */
  private heldMs: number | undefined

  constructor(options: ReportOptions) {
    this.options = options
  }

  /** The holder at the last look that saw the lock leased, for the timeout message. */
  get holder(): HolderSeen | undefined {
    return this.latest
  }

  /** The last look at the lock: when (the `now` of see), and the holder it saw, or undefined for a free lock. */
  get lastLook(): { at: number; holder: HolderSeen | undefined } | undefined {
    return this.looked
  }

  /** The place in line of the first line; undefined when no line was due (the lock was taken at once). */
  get arrivalPosition(): number | undefined {
    return this.firstPosition
  }

  /** Whether a look at the lock would make a line now: the first one, a new place in line, or one that is due. */
  wantsHolder(aheadCount: number, now: number): boolean {
    return (
      !this.started ||
      aheadCount !== this.reportedAhead ||
      now - this.lastLineAt >= this.options.progressEveryMs ||
      now >= this.longWaitAt
    )
  }

  /** When the long-wait warning is due (monotonic); Infinity once told, or when there is none. */
  get longWaitAt(): number {
    const { warnAfterMs, startedAt } = this.options
    if (this.longWaitTold || warnAfterMs === undefined || startedAt === undefined) return Infinity
    return startedAt + warnAfterMs
  }

  private place(): Place {
    const holder = this.heldAtLastLook ? this.seen : undefined
    const ahead = this.ahead.map((entry) => entry.waiter)
    const keys = [this.options.ownKey, holder?.record?.supersedeKey, ...ahead.map((who) => who?.supersedeKey)]
    const lastHeld = this.records ? lastHeldFor(this.records, keys) : []
    return {
      position: 1 + this.ahead.length + (this.heldAtLastLook ? 1 : 0),
      holder,
      ahead,
      queued: this.queued,
      ...(lastHeld.length > 0 ? { lastHeld } : {}),
      ...(this.slots ? { slots: this.slots } : {}),
    }
  }

  /** Takes in one attempt's sighting; returns the events it makes, in order. */
  see(sighting: Sighting, waitedMs: number, now: number): WaitEvent[] {
    const events: WaitEvent[] = []
    let settled = sighting.lock === undefined
    const lock = sighting.lock
    if (lock?.state === 'free') {
      if (lock.staleHolder) this.stale.add(holderKey(lock.staleHolder))
      this.unknownOnce = false
      this.heldAtLastLook = false
      settled = true
    } else if (lock?.state === 'leased') {
      const record = lock.holder && !this.stale.has(holderKey(lock.holder)) ? lock.holder : undefined
      this.latest = {
        record,
        freshness: record ? freshnessOf(record, lock.modifiedAt, lock.serviceNow) : { kind: 'unknown-age' },
        infinite: lock.infinite,
        ...(lock.hold ? { hold: lock.hold } : {}),
      }
      // A lease without a record is also what a handoff looks like for a few ms.
      settled = record !== undefined || this.unknownOnce
      this.unknownOnce = record === undefined
      if (settled) {
        this.seen = this.latest
        this.heldAtLastLook = true
        this.heldMs = heldFor(record, lock.serviceNow)
        if (lock.infinite && this.options.noTimeLimit && !this.infiniteTold) {
          this.infiniteTold = true
          events.push({ type: 'infinite-lease', holder: this.seen, breakCommand: this.options.breakCommand })
        }
      }
    }
    if (lock) this.looked = { at: now, holder: lock.state === 'leased' ? this.latest : undefined }
    if (sighting.records) this.records = sighting.records
    if (sighting.slots) this.slots = sighting.slots
    if (sighting.ahead) {
      this.ahead = sighting.ahead
      this.queued = true
    }
    // Lines wait for a settled look at the lock made by the same attempt, so that they name the
    // holder of now: an attempt that only renewed its entry or listed the queue says nothing.
    if (!settled || !lock) return events

    const place = this.place()
    if (now >= this.longWaitAt) {
      this.longWaitTold = true
      const warnAfterMs = this.options.warnAfterMs!
      events.push({ type: 'long-wait', place, waitedMs, warnAfterMs, heldMs: place.holder ? this.heldMs : undefined })
    }
    // With slots, a new set of holders is a new holder for the lines.
    const holderKeyNow = place.slots
      ? place.slots.held.map(({ slot, holder }) => `${slot}:${holderKey(holder)}`).join(',')
      : holderSeenKey(place.holder)
    let type: 'waiting' | 'moved' | 'holder-changed' | 'still-waiting' | undefined
    if (!this.started) type = 'waiting'
    else if (this.ahead.length !== this.reportedAhead) type = 'moved'
    else if (lock && (place.holder || place.slots) && holderKeyNow !== this.reportedHolder) type = 'holder-changed'
    else if (now - this.lastLineAt >= this.options.progressEveryMs) type = 'still-waiting'
    if (!type) return events
    events.push({ type, place, waitedMs })
    this.started = true
    this.firstPosition ??= place.position
    this.reportedAhead = this.ahead.length
    if (lock) this.reportedHolder = holderKeyNow
    this.lastLineAt = now
    return events
  }
}
