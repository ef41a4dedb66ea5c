// What main saw while it waited for the lock, kept in step state for post,
// which writes the job summary from it. The record is declared as a shape
// (shape.ts): reading it back checks every field, and a new fact is one line.

import type { HolderRecord } from '../lock/holder.ts'
import { describeEndedHold, describeTakeOver } from '../lock/deploy/hold.ts'
import { describeSlotsHeld } from '../lock/queue/slots.ts'
import { holderKey } from '../lock/holder.ts'
import { LockCancelledError, LockTimeoutError } from '../lock/errors.ts'
import { LockSupersededError } from '../lock/deploy/latest.ts'
import type { Place, WaitEvent } from '../lock/wait-report.ts'
import { longWaitFact } from './priority-lines.ts'
import { count, listOf, oneOf, optional, shape, text, time, yesNo, type Check, type Shaped } from './shape.ts'

/** The most holders a record keeps; a summary has no room for more, and state has a size limit. */
export const MAX_HOLDERS_KEPT = 20

export const holderShape: Check<HolderRecord> = shape({
  repository: text,
  workflow: text,
  job: text,
  runId: text,
  runAttempt: text,
  actor: text,
  runUrl: text,
  acquiredAt: text,
  leaseSeconds: optional(text),
  ticket: optional(text),
  supersedeKey: optional(text),
  sequence: optional(text),
})

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

/** The most keyed waiters, and per-key records, a record keeps. */
export const MAX_KEYED_KEPT = 20

const waitRecordFields = {
  /** When main started waiting, and when the wait ended (the lease taken, or given up). */
  startedAt: time,
  endedAt: time,
  outcome: oneOf('acquired', 'timed-out', 'cancelled', 'failed', 'superseded', 'stale'),
  /** Every holder seen while waiting, in the order seen, at most MAX_HOLDERS_KEPT of them. */
  holders: listOf(holderShape, MAX_HOLDERS_KEPT),
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
  /** For each key in sight at the last line, the record of the highest sequence that held (lock/deploy/latest-seen.ts). */
  lastHeld: optional(listOf(holderShape, MAX_KEYED_KEPT)),
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
    if (event.type === 'long-wait') this.longWait = longWaitFact(event)
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
      this.keyedWaiters.set(id, {
        repository: who.repository,
        runId: who.runId,
        runUrl: who.runUrl,
        supersedeKey: who.supersedeKey,
        ...(who.sequence !== undefined ? { sequence: who.sequence } : {}),
      })
    }
  }

  /** An event handler that notes each event, then passes it on. */
  and(next: (event: WaitEvent) => void): (event: WaitEvent) => void {
    return (event) => {
      this.see(event)
      next(event)
    }
  }

  /** The record as it stands, with the wait ended now in the given way. */
  record(outcome: WaitOutcome, endedAt = new Date()): WaitRecord {
    return {
      startedAt: this.startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      outcome,
      holders: [...this.holders],
      holdersLeftOut: this.holdersLeftOut,
      unknownHolderSeen: this.unknownHolderSeen,
      ...(this.passedOver.size > 0 ? { passedOver: this.passedOver.size } : {}),
      ...(this.holdEnded ? { holdEnded: this.holdEnded } : {}),
      ...(this.holdTakenOver ? { holdTakenOver: this.holdTakenOver } : {}),
      ...(this.keyedWaiters.size > 0 ? { keyedWaiters: [...this.keyedWaiters.values()] } : {}),
      ...(this.lastHeld && this.lastHeld.length > 0 ? { lastHeld: this.lastHeld } : {}),
      ...(this.slotsSeen ? { slotsSeen: this.slotsSeen } : {}),
      ...(this.highPriorityAhead.size > 0 ? { highPriorityAhead: this.highPriorityAhead.size } : {}),
      ...(this.longWait ? { longWait: this.longWait } : {}),
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
