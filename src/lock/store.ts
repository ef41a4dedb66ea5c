// What the waiter needs from storage, as interfaces: the lock blob (LockBlob,
// lock-blob.ts) and the queue beside it (QueueBlobs, queue-blobs.ts). The
// waiter is written against these, and its unit tests drive it with a typed
// fake instead of a real blob.

import type { BreakRecord } from './break-record.ts'
import type { HandoverStore, HandoverTarget, LetGoOutcome } from './queue/handover.ts'
import type { HoldRecord } from './deploy/hold.ts'
import type { HolderIdentity, HolderRecord } from './holder.ts'
import type { LatestStore } from './deploy/latest.ts'
import type { Priority, QueueLook, TicketClaim } from './queue/entry.ts'
import type { RequestOptions } from './request.ts'
import type { SlotView } from './queue/slots.ts'

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

/** One look at the queue and the slots, from the same moment (within one request). */
export interface SlotsLook {
  queue: QueueLook
  /** Every slot, 1..N, in order. */
  slots: SlotView[]
  /** False when slot 1 was not looked at (it is then as last seen, or taken as leased when never seen). */
  lockSeen: boolean
}

/** What the waiter needs to wait for one of N slots. */
export interface SlotsAccess {
  readonly count: number
  /** Checks, once, that the lock keeps the same number of slots (setting it on a new lock); throws SlotsMismatchError. */
  agree(options: RequestOptions): Promise<void>
  /**
   * With `lock: false`, the listing alone: slot 1 (the lock blob, outside the
   * folder) is then as the last full look showed it, and `lockSeen` is false.
   */
  look(options: RequestOptions, which?: { lock?: boolean }): Promise<SlotsLook>
  /** The store of one slot: the lease, the holder record and the release are on that slot's blob. */
  open(slot: number): LockStore
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
