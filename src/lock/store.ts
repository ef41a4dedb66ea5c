// What the waiter needs from storage, as interfaces: the lock blob (LockBlob,
// lock-blob.ts) and the queue beside it (QueueBlobs, queue-blobs.ts). The
// waiter is written against these, and its unit tests drive it with a typed
// fake instead of a real blob.

import type { BreakRecord } from './break-record.ts'
import type { HandoverStore, HandoverTarget, LetGoOutcome } from './queue/handover.ts'
import type { HoldRecord } from './deploy/hold.ts'
import type { HolderIdentity, HolderRecord } from './holder.ts'
import type { LatestRead, LatestStore } from './deploy/latest.ts'
import type { Priority } from './queue/priority.ts'
import type { SlotsAccess } from './queue/slots-blobs.ts'

/** How one call may be cut short: the caller's signal, and a deadline of its own. */
export interface RequestOptions {
  signal?: AbortSignal
  /** The longest the call may take, SDK retries included; the store's default when not given. */
  timeoutMs?: number
}

export type LeaseView =
  /** The blob does not exist yet (or its container does not). */
  | { state: 'missing' }
  /** Nobody holds a lease: never leased, released, expired or broken. */
  | { state: 'free'; staleHolder: HolderRecord | undefined }
  /** Someone holds the lease; the record is theirs if they wrote one and keep it fresh. */
  | {
      state: 'leased'
      holder: HolderRecord | undefined
      /** An infinite lease: it never expires by itself. */
      infinite: boolean
      /** The blob's Last-Modified and the service's clock, to tell how old the record is. */
      modifiedAt?: Date
      serviceNow?: Date
      /** A hold stands (an infinite lease with a hold record, hold.ts): its record as read. */
      hold?: HoldRecord
      /** The blob's ETag and metadata in the same read: ending a hold is conditional on them. */
      etag?: string
      metadata?: Record<string, string>
      /** The ticket the last holder handed the lease to (handover.ts), while the new holder has written no record. */
      handedTo?: number
    }

export type AcquireOutcome = 'acquired' | 'held-by-other' | 'missing'

/** The lock blob, as the waiter uses it. */
export interface LockStore {
  /** account/container/blob, for messages. */
  readonly location: string
  /** container/blob, as the waiting lines name the lock. */
  readonly shortName: string
  /** The az CLI command that breaks the lock's lease, for a holder with an infinite one. */
  readonly breakCommand: string
  view(options?: RequestOptions): Promise<LeaseView>
  create(options?: RequestOptions): Promise<'blob' | 'container' | 'nothing'>
  acquire(leaseId: string, durationSeconds: number, options?: RequestOptions): Promise<AcquireOutcome>
  /** The service's clock (its Date header) in the answer of the last acquire that was granted. */
  readonly grantedAt?: Date
  /**
   * Writes the holder record under our lease; with `fencingToken`, the token it
   * resolves to is kept on the lock blob too. A record with a supersede key is
   * checked against the sequence the lock blob keeps (latest-kept.ts) in the
   * same read, and the write throws LockSupersededError when that is higher;
   * `checked` is called once that check has passed, before the write.
   */
  writeHolder(
    leaseId: string,
    record: HolderRecord,
    options?: RequestOptions,
    fencingToken?: Promise<number>,
    checked?: () => void,
  ): Promise<void>
  release(leaseId: string, options?: RequestOptions): Promise<'released' | 'not-held'>
  /** The next fencing token: bumped once per call, never handed out twice. */
  nextFencingToken(options?: RequestOptions): Promise<number>
  /**
   * Ends the expired hold that `look` showed, as a lift does (lift-hold.ts):
   * with the lease id its record names and only if the blob is still as
   * `look` read it, writes `note` and lets the hold's lease go, to `target`
   * (the head of the queue) or released. 'refused' when the blob is not as
   * read (or the id is not the lease's): nothing was changed; 'not-held' when
   * the hold's id stopped working half way (somebody else ended or took it).
   */
  endHold(
    look: Extract<LeaseView, { state: 'leased' }>,
    note: BreakRecord,
    target: Promise<HandoverTarget | undefined>,
    options?: RequestOptions,
  ): Promise<LetGoOutcome | { outcome: 'refused' }>
  /**
   * Takes over a run's hold (run-hold.ts) under our own lease id, for a job of
   * the run: 'refused' when the hold's id is no longer the lease's (another job
   * of the run took it over first, or the hold ended).
   */
  takeOverHold(
    holdLeaseId: string,
    leaseId: string,
    durationSeconds: number,
    options?: RequestOptions,
  ): Promise<'taken' | 'refused'>
  readonly queue: QueueStore
  /** The per-key records of the highest sequence that held (latest.ts); without it, no key has held. */
  readonly latest?: LatestStore
  /** Lets go of our lease: hands it to a target, else releases it (handover.ts); without it, only release. */
  letGo?: HandoverStore['letGo']
  /** With slots: the queue and the tickets already served, which letting go and passing on look at. */
  handoverLook?: HandoverStore['handoverLook']
  /** With more than one slot (slots.ts): the waiter waits for any of them; without it, the lock blob is the lock. */
  readonly slotted?: SlotsAccess
}

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

/** The queue of waiters beside a lock. */
export interface QueueStore {
  /**
   * Lists the entries: all of them up to and including `upTo`, or at most
   * `limit`. With `latestKey`, the same listing also reads that key's record.
   */
  look(options: RequestOptions & { upTo?: number; limit?: number; latestKey?: string }): Promise<QueueLook>
  /** The next ticket, in the service's order. */
  claimTicket(options?: RequestOptions): Promise<TicketClaim>
  /**
   * Writes the entry for a ticket and takes a lease on it; 'missing' when the
   * container is gone, 'taken' when someone else holds an entry of that ticket
   * (written by a stranger, or after the ticket counter was deleted).
   */
  enter(
    ticket: number,
    waiter: HolderIdentity,
    leaseId: string,
    leaseSeconds: number,
    options?: RequestOptions,
    lockLeaseId?: string,
    priority?: Priority,
  ): Promise<'entered' | 'missing' | 'taken'>
  /** Renews the entry's lease; 'gone' when the entry was removed (its lease had lapsed). */
  renewEntry(ticket: number, leaseId: string, options?: RequestOptions): Promise<'renewed' | 'gone'>
  /** Removes our own entry. */
  leave(ticket: number, leaseId: string, options?: RequestOptions): Promise<void>
  /** Removes an entry whose lease has lapsed; Azure refuses to delete a leased one, so a live entry stays. */
  sweep(ticket: number, options?: RequestOptions): Promise<void>
  /** The az CLI commands that break an entry's lease and delete it, for people to run. */
  clearCommands(ticket: number): string
}
