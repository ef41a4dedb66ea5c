// The queue's data, as a listing shows it: one waiter's entry, a look at the
// whole queue, a claimed ticket, and the priority an entry carries. The model
// (queue.ts, priority.ts, handover.ts) and storage (queue-blobs.ts, store.ts)
// both use these; this file imports no module that imports it back.

import type { LatestRead } from '../deploy/latest-read.ts'
import type { HolderIdentity, HolderRecord } from '../holder.ts'

/** A waiter's priority (priority.ts orders the line by it). */
export type Priority = 'normal' | 'high'

/** One waiter's entry in the queue, as a listing shows it. */
export interface QueueEntry {
  ticket: number
  /** Its waiter renews a lease on it while it waits: an entry without one is joining, or left behind. */
  leased: boolean
  /** Created or last written, by the service's clock (1 s resolution). */
  modifiedAt: Date
  /** Who waits, as the entry says; undefined when it says nothing readable. */
  waiter: HolderIdentity | undefined
  /**
   * Its lease never expires by itself. This action only takes fixed leases on
   * entries: an entry with an infinite one is a squatter, not a waiter.
   */
  infinite?: boolean
  /** The lease id its waiter will hold the lock under, published for a handover (handover.ts). */
  nextLeaseId?: string
  /** Its waiter's priority as the entry says it (priority.ts); absent: normal (an older version). */
  priority?: Priority
  /** A priority the entry gives that is neither normal nor high, as read (untrusted): it counts as normal. */
  malformedPriority?: string
}

export interface QueueLook {
  /** In ticket order. */
  entries: QueueEntry[]
  /** The service's clock when it answered. */
  serviceNow: Date
  /** False when the listing stopped at `limit` with more entries behind. */
  complete: boolean
  /**
   * With `latestKey`: that key's record (latest.ts), read in the same listing,
   * or undefined when the listing stopped before reaching its name.
   */
  latest?: LatestRead
  /** With `latestKey`: every key's record the listing read (latest-seen.ts shows them). */
  records?: HolderRecord[]
}

/** A ticket, and what is known of the one handed out just before it. */
export interface TicketClaim {
  ticket: number
  /** When the ticket before this one was handed out, by the service's clock; absent for the first ticket. */
  previousAt?: Date
  /** The service's clock when this ticket was handed out. */
  serviceNow?: Date
}
