// What a look at a lock shows, read-only: held or free, by whom, with what
// kind of lease, and the last break. One blob's properties and one item of a
// List Blobs answer carry the same facts, so both map through statusOf.
//
// A hold whose end has come (deploy/hold.ts) still has its lease until the next
// job that comes for the lock ends it, at once. Status only reads, so it ends
// nothing: it shows such a lock as free, with the hold that ended.

import { breakFromMetadata, type BreakRecord } from './break-record.ts'
import { endedHold, holdFromMetadata, standingHold, type HoldRecord } from './deploy/hold.ts'
import { freshnessOf, holderFromMetadata, type HolderIdentity, type HolderRecord } from './holder.ts'
import type { HolderSeen } from './holder-seen.ts'
import { lineOrder, priorityOf } from './queue/priority.ts'
import type { Priority } from './queue/entry.ts'
import { isLive, isSquatter } from './queue/queue.ts'
import type { SlotsHeld } from './queue/slots.ts'
import type { QueueEntry } from './queue/entry.ts'

/** A lease of 15 to 60 s that its holder renews, or one that never expires (which this action never takes). */
export type LeaseKind = 'fixed' | 'infinite'

export interface LockStatus {
  /** The lock's name: its blob's name in the container. */
  name: string
  /** Someone holds the lease: it is leased, or breaking (a break period runs). */
  held: boolean
  /** Azure's lease state: available, leased, expired, breaking or broken. */
  leaseState: string
  /** For a held lock: the kind of lease, when Azure says. */
  leaseKind?: LeaseKind
  /**
   * A hold whose end has come by the service's clock (hold.ts), its lease
   * still on the blob: the lock is not held (`held` false), and the next job
   * that comes for it ends the hold.
   */
  endedHold?: HoldRecord
  /** For a held lock: the holder record, when the holder wrote one and keeps it fresh. */
  holder?: HolderRecord
  /** For a held lock: the holder as a look at the lock shows it (a stale record names a holder that is gone). */
  seen?: HolderSeen
  /** The last break record on the blob, whichever lease it broke. */
  lastBreak?: BreakRecord
  /**
   * The jobs waiting in its queue, first first (undefined for an entry that says nothing readable);
   * undefined when the queue could not be listed.
   */
  queue?: Array<HolderIdentity | undefined>
  /** The priority of each waiter in `queue`, in the same order (priority.ts); absent when all are normal. */
  priorities?: Priority[]
  /**
   * Queue entries with an infinite lease, by ticket: no waiter's (this action
   * never takes one), so waiters pass them over, but they stay until cleared.
   */
  squatters?: number[]
  /**
   * Per supersede key, the record of the job with the highest sequence that
   * held the lock (latest.ts); undefined when they could not be listed.
   */
  latest?: HolderRecord[]
  /** With slots (slots.ts): the lock's slots and their holders; the rest of the status is slot 1, the lock blob. */
  slots?: SlotsHeld
}

/** The tickets of a queue listing's squatters (entries with an infinite lease), in order. */
export function squattersOf(entries: QueueEntry[]): number[] {
  return entries
    .filter(isSquatter)
    .map((entry) => entry.ticket)
    .sort((a, b) => a - b)
}

/** The waiters of a queue listing that are alive, in the order of the line (priority.ts); squatters are no waiters. */
export function waitersOf(entries: QueueEntry[], serviceNow: Date): Array<HolderIdentity | undefined> {
  return waitingEntries(entries, serviceNow).map((entry) => entry.waiter)
}

/** The priority of each waiter that waitersOf lists, in the same order. */
export function prioritiesOf(entries: QueueEntry[], serviceNow: Date): Priority[] {
  return waitingEntries(entries, serviceNow).map(priorityOf)
}

function waitingEntries(entries: QueueEntry[], serviceNow: Date): QueueEntry[] {
  return lineOrder(entries.filter((entry) => isLive(entry, serviceNow) && !isSquatter(entry)))
}

/** The properties of a blob that say what state its lock is in, as getProperties and List Blobs give them. */
export interface LockProperties {
  leaseState?: string
  leaseDuration?: string
  metadata?: Record<string, string>
  /** When the blob last changed, and the service's clock in the same answer: how old the record is. */
  lastModified?: Date
  serviceNow?: Date
}

export function statusOf(name: string, properties: LockProperties): LockStatus {
  const leaseState = properties.leaseState ?? 'available'
  const leased = leaseState === 'leased' || leaseState === 'breaking'
  const infinite = properties.leaseDuration === 'infinite'
  const ended = leased
    ? endedHold({ state: 'leased', infinite }, holdFromMetadata(properties.metadata), properties.serviceNow)
    : undefined
  const held = leased && !ended
  const status: LockStatus = { name, held, leaseState, ...(ended ? { endedHold: ended } : {}) }
  if (held) {
    if (properties.leaseDuration === 'infinite' || properties.leaseDuration === 'fixed') {
      status.leaseKind = properties.leaseDuration
    }
    const record = holderFromMetadata(properties.metadata)
    const freshness = record
      ? freshnessOf(record, properties.lastModified, properties.serviceNow)
      : ({ kind: 'unknown-age' } as const)
    const hold = standingHold({ state: 'leased', infinite }, holdFromMetadata(properties.metadata))
    status.seen = { record, freshness, infinite, ...(hold ? { hold } : {}) }
    if (record && freshness.kind !== 'stale') status.holder = record
  }
  const lastBreak = breakFromMetadata(properties.metadata)
  if (lastBreak) status.lastBreak = lastBreak
  return status
}
