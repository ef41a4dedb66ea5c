// What main saw while it waited for the lock, kept in step state for post,
// which writes the job summary from it. The record is declared as a shape
// (shape.ts): reading it back checks every field, and a new fact is one line.
//
// The runner passes state to post as one environment variable a key, and
// Linux takes at most 128 KiB in one: a bigger record and post cannot start,
// so nothing releases the lease and no summary is written. Most of the record
// is text that others wrote (holder records, queue entries), so it keeps only
// what the summary shows of each value, cut as the summary cuts it
// (keptForShowing), and fitWaitRecord caps the whole record.

import type { HolderIdentity, HolderRecord } from '../lock/holder.ts'
import { describeEndedHold, describeTakeOver } from '../lock/deploy/hold.ts'
import { describeSlotsHeld } from '../lock/queue/slots.ts'
import { holderKey } from '../lock/holder.ts'
import { LockCancelledError, LockTimeoutError } from '../lock/errors.ts'
import { LockSupersededError } from '../lock/deploy/latest.ts'
import { keptForShowing, SHOWN_LENGTH } from '../lock/untrusted-text.ts'
import type { Place, WaitEvent } from '../lock/wait-report.ts'
import { longWaitFact } from '../settings/wait-words.ts'
import { Inputs } from './constants.ts'
import { count, listOf, oneOf, optional, shape, text, time, yesNo, type Shaped } from './shape.ts'

/** The long-wait line's words for the option it passed: the action's input (wait-lines.ts says it too). */
export const PAST_WARN_AFTER = `past '${Inputs.WarnAfter}'`

/** The most holders a record keeps; a summary has no room for more, and state has a size limit. */
export const MAX_HOLDERS_KEPT = 20

/**
 * How many characters of each value read from storage the job summary shows
 * (summary.ts cuts them so), and so what a record keeps of it. A run URL is
 * kept longer: the summary links it in full when it is a run page of the
 * job's own server, which no real one is longer than.
 */
export const SHOWN = {
  text: SHOWN_LENGTH,
  runId: 40,
  supersedeKey: 80,
  sequence: 40,
  runUrl: 400,
} as const

/** Texts of the action's own that a record keeps (a line of slots, a hold that ended): cut here. */
const OWN_TEXT_KEPT = 2_000

/** The most bytes a wait record takes in step state, as JSON: the summary shows all a record holds within it. */
export const MAX_WAIT_RECORD_BYTES = 32 * 1024

const seenHolderFields = {
  repository: text,
  workflow: text,
  job: text,
  runId: text,
  actor: text,
  runUrl: text,
  acquiredAt: text,
  supersedeKey: optional(text),
  sequence: optional(text),
}

/** A holder seen while waiting, as the summary shows it: who, which run, since when, with its key. */
export const seenHolderShape = shape(seenHolderFields)

export type SeenHolder = Shaped<typeof seenHolderFields>

/** What a record keeps of a holder record: the fields the summary shows, each cut as the summary cuts it. */
export function keptHolder(record: HolderRecord): SeenHolder {
  return {
    repository: keptForShowing(record.repository, SHOWN.text),
    workflow: keptForShowing(record.workflow, SHOWN.text),
    job: keptForShowing(record.job, SHOWN.text),
    runId: keptForShowing(record.runId, SHOWN.runId),
    actor: keptForShowing(record.actor, SHOWN.text),
    runUrl: keptForShowing(record.runUrl, SHOWN.runUrl),
    acquiredAt: keptForShowing(record.acquiredAt, SHOWN.text),
    ...(record.supersedeKey !== undefined
      ? { supersedeKey: keptForShowing(record.supersedeKey, SHOWN.supersedeKey) }
      : {}),
    ...(record.sequence !== undefined ? { sequence: keptForShowing(record.sequence, SHOWN.sequence) } : {}),
  }
}

const keyedWaiterFields = {
  repository: text,
  runId: text,
  runUrl: text,
  supersedeKey: text,
  sequence: optional(text),
}

/** A waiter seen with a supersede key: who, and its key and sequence (untrusted, as its entry said). */
export const keyedWaiterShape = shape(keyedWaiterFields)

export type KeyedWaiter = Shaped<typeof keyedWaiterFields>

/** What a record keeps of a keyed waiter's entry, each value cut as the summary cuts it. */
function keptKeyedWaiter(who: HolderIdentity & { supersedeKey: string }): KeyedWaiter {
  return {
    repository: keptForShowing(who.repository, SHOWN.text),
    runId: keptForShowing(who.runId, SHOWN.runId),
    runUrl: keptForShowing(who.runUrl, SHOWN.runUrl),
    supersedeKey: keptForShowing(who.supersedeKey, SHOWN.supersedeKey),
    ...(who.sequence !== undefined ? { sequence: keptForShowing(who.sequence, SHOWN.sequence) } : {}),
  }
}

/** The most keyed waiters, and per-key records, a record keeps. */
export const MAX_KEYED_KEPT = 20

const waitRecordFields = {
  /** When main started waiting, and when the wait ended (the lease taken, or given up). */
  startedAt: time,
  endedAt: time,
  outcome: oneOf('acquired', 'timed-out', 'cancelled', 'failed', 'superseded', 'stale'),
  /** Every holder seen while waiting, in the order seen, at most MAX_HOLDERS_KEPT of them. */
  holders: listOf(seenHolderShape, MAX_HOLDERS_KEPT),
  /** Holders seen beyond those kept. */
  holdersLeftOut: count,
  /** A lease without a believable holder record was seen: a client such as az CLI or go-azuremutex, or a stale record. */
  unknownHolderSeen: yesNo,
  /** Queue entries passed over: squatters (an infinite lease) and heads that left the lock free too long. */
  passedOver: optional(count),
  /** The hold this job ended, when its end had come (lock/deploy/hold.ts), as the log says it. */
  holdEnded: optional(text),
  /** scope: run: the run's hold this job took over (lock/deploy/run-hold.ts), and how, as the log says it. */
  holdTakenOver: optional(text),
  /** Waiters seen ahead with a supersede key, in the order seen, each once. */
  keyedWaiters: optional(listOf(keyedWaiterShape, MAX_KEYED_KEPT)),
  /** Keyed waiters left out of the record to keep it within MAX_WAIT_RECORD_BYTES. */
  keyedWaitersLeftOut: optional(count),
  /** For each key in sight at the last line, the record of the highest sequence that held (lock/deploy/latest-seen.ts). */
  lastHeld: optional(listOf(seenHolderShape, MAX_KEYED_KEPT)),
  /** Per-key records left out of the record to keep it within MAX_WAIT_RECORD_BYTES. */
  lastHeldLeftOut: optional(count),
  /** With slots: "2 of 3 slots held: …" at the first line of the wait, as the log says it (through showUntrusted). */
  slotsSeen: optional(text),
  /** High-priority waiters that joined after this job and went ahead of it (lock/queue/priority.ts). */
  highPriorityAhead: optional(count),
  /** The wait passed 'warn-after': what the one warning said, without the lock's name. */
  longWait: optional(text),
}

export const waitRecordShape = shape(waitRecordFields)

export type WaitRecord = Shaped<typeof waitRecordFields>

export type WaitOutcome = WaitRecord['outcome']

function outcomeOf(err: unknown): WaitOutcome {
  if (err instanceof LockTimeoutError) return 'timed-out'
  if (err instanceof LockCancelledError) return 'cancelled'
  if (err instanceof LockSupersededError) return err.outcome
  return 'failed'
}

/** Watches a wait's events and, when the wait settles, hands the record to `save`. */
export class WaitWatch {
  private readonly startedAt = new Date()
  private readonly holders: HolderRecord[] = []
  private readonly seen = new Set<string>()
  private holdersLeftOut = 0
  private unknownHolderSeen = false
  private readonly passedOver = new Set<number>()
  private holdEnded: string | undefined
  private holdTakenOver: string | undefined
  private readonly keyedWaiters = new Map<string, KeyedWaiter>()
  private lastHeld: HolderRecord[] | undefined
  private slotsSeen: string | undefined
  private readonly highPriorityAhead = new Set<number>()
  private longWait: string | undefined
  private readonly save: (record: WaitRecord) => void

  constructor(save: (record: WaitRecord) => void) {
    this.save = save
  }

  /** Notes one event. */
  see(event: WaitEvent): void {
    if (event.type === 'squatter' || event.type === 'passed-over') this.passedOver.add(event.ticket)
    if (event.type === 'hold-ended') this.holdEnded = describeEndedHold(event.hold, event.endedAt)
    if (event.type === 'hold-taken-over') this.holdTakenOver = describeTakeOver(event)
    if (event.type === 'high-priority-ahead') this.highPriorityAhead.add(event.ticket)
    if (event.type === 'long-wait') this.longWait = longWaitFact(event, PAST_WARN_AFTER)
    if ('place' in event) this.seeKeys(event.place)
    if (event.type === 'waiting' && event.place.slots) this.slotsSeen ??= describeSlotsHeld(event.place.slots)
    // With slots, every holder of a slot is a holder seen.
    if ('place' in event && event.place.slots) {
      for (const { holder } of event.place.slots.held) this.note(holder)
      return
    }
    const seen =
      event.type === 'infinite-lease'
        ? event.holder
        : event.type === 'waiting' ||
            event.type === 'moved' ||
            event.type === 'holder-changed' ||
            event.type === 'still-waiting'
          ? event.place.holder
          : undefined
    if (!seen) return
    // A stale record names a holder that is gone, not the one holding the lease.
    this.note(seen.freshness.kind === 'stale' ? undefined : seen.record)
  }

  private note(record: HolderRecord | undefined): void {
    if (!record) {
      this.unknownHolderSeen = true
      return
    }
    const key = holderKey(record)
    if (this.seen.has(key)) return
    this.seen.add(key)
    if (this.holders.length < MAX_HOLDERS_KEPT) this.holders.push(record)
    else this.holdersLeftOut += 1
  }

  /** Latest wins: the keyed waiters ahead, and each key's last sequence that held, for the summary. */
  private seeKeys(place: Place): void {
    if (place.lastHeld) this.lastHeld = place.lastHeld.slice(0, MAX_KEYED_KEPT)
    for (const who of place.ahead) {
      if (who?.supersedeKey === undefined) continue
      const id = `${who.repository}|${who.runId}|${who.runAttempt}|${who.job}`
      if (this.keyedWaiters.has(id) || this.keyedWaiters.size >= MAX_KEYED_KEPT) continue
      this.keyedWaiters.set(id, keptKeyedWaiter({ ...who, supersedeKey: who.supersedeKey }))
    }
  }

  /** An event handler that notes each event, then passes it on. */
  and(next: (event: WaitEvent) => void): (event: WaitEvent) => void {
    return (event) => {
      this.see(event)
      next(event)
    }
  }

  /** The record as it stands, with the wait ended now in the given way: only what the summary shows of it. */
  record(outcome: WaitOutcome, endedAt = new Date()): WaitRecord {
    const own = (shown: string): string => keptForShowing(shown, OWN_TEXT_KEPT)
    return {
      startedAt: this.startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      outcome,
      holders: this.holders.map(keptHolder),
      holdersLeftOut: this.holdersLeftOut,
      unknownHolderSeen: this.unknownHolderSeen,
      ...(this.passedOver.size > 0 ? { passedOver: this.passedOver.size } : {}),
      ...(this.holdEnded ? { holdEnded: own(this.holdEnded) } : {}),
      ...(this.holdTakenOver ? { holdTakenOver: own(this.holdTakenOver) } : {}),
      ...(this.keyedWaiters.size > 0 ? { keyedWaiters: [...this.keyedWaiters.values()] } : {}),
      ...(this.lastHeld && this.lastHeld.length > 0 ? { lastHeld: this.lastHeld.map(keptHolder) } : {}),
      ...(this.slotsSeen ? { slotsSeen: own(this.slotsSeen) } : {}),
      ...(this.highPriorityAhead.size > 0 ? { highPriorityAhead: this.highPriorityAhead.size } : {}),
      ...(this.longWait ? { longWait: own(this.longWait) } : {}),
    }
  }

  /** Saves the record once the wait settles, however it ends; the wait's own result or error passes through. */
  async settle<T>(wait: Promise<T>): Promise<T> {
    try {
      const result = await wait
      this.save(this.record('acquired'))
      return result
    } catch (err) {
      this.save(this.record(outcomeOf(err)))
      throw err
    }
  }
}

/** The size of a record in step state: its JSON, in UTF-8. */
export function recordBytes(record: WaitRecord): number {
  return Buffer.byteLength(JSON.stringify(record))
}

/**
 * The record within `maxBytes` of JSON: while it is bigger, the last row of
 * its longest list (holders, keyed waiters, per-key records) is left out and
 * counted, as the summary counts them ("… and 3 more"); then the action's own
 * texts go (slots, the ended hold, the hold taken over, the long wait). Only text that others
 * wrote can make a record this big, so an honest one is never cut here.
 */
export function fitWaitRecord(record: WaitRecord, maxBytes: number): WaitRecord {
  if (recordBytes(record) <= maxBytes) return record
  const fitted: WaitRecord = {
    ...record,
    holders: [...record.holders],
    ...(record.keyedWaiters ? { keyedWaiters: [...record.keyedWaiters] } : {}),
    ...(record.lastHeld ? { lastHeld: [...record.lastHeld] } : {}),
  }
  while (recordBytes(fitted) > maxBytes) {
    const holders = fitted.holders.length
    const keyed = fitted.keyedWaiters?.length ?? 0
    const lastHeld = fitted.lastHeld?.length ?? 0
    if (lastHeld > 0 && lastHeld >= keyed && lastHeld >= holders) {
      fitted.lastHeld!.pop()
      fitted.lastHeldLeftOut = (fitted.lastHeldLeftOut ?? 0) + 1
    } else if (keyed > 0 && keyed >= holders) {
      fitted.keyedWaiters!.pop()
      fitted.keyedWaitersLeftOut = (fitted.keyedWaitersLeftOut ?? 0) + 1
    } else if (holders > 0) {
      fitted.holders.pop()
      fitted.holdersLeftOut += 1
    } else if (fitted.slotsSeen !== undefined) {
      delete fitted.slotsSeen
    } else if (fitted.holdEnded !== undefined) {
      delete fitted.holdEnded
    } else if (fitted.holdTakenOver !== undefined) {
      delete fitted.holdTakenOver
    } else if (fitted.longWait !== undefined) {
      delete fitted.longWait
    } else {
      break
    }
  }
  return fitted
}
