// What the operations beside the lease core work with: one LockBlob's blob,
// its container and its requests, each under the store's client-side deadline
// (request.ts). LockBlob (lock-blob.ts) hands this to its hold, break,
// let-go and status operations (lock-blob-hold.ts, lock-blob-break.ts,
// lock-blob-let-go.ts, lock-listing.ts); they hold no state of their own.

import type { BlobClient, ContainerClient } from '@azure/storage-blob'
import type { LatestBlobs } from './deploy/latest-blobs.ts'
import type { RequestOptions } from './request.ts'

export interface BlobAccess {
  readonly container: ContainerClient
  /** The blob the store leases: the lock blob, or with slots the blob of the slot it is on. */
  readonly blob: BlobClient
  /** The lock's name: the lock blob's name in the container. */
  readonly name: string
  /** account/container/blob, for messages. */
  readonly location: string
  readonly latest: LatestBlobs
  /** Runs one call under the caller's signal and the store's deadline (withDeadline). */
  request<T>(options: RequestOptions, call: (signal: AbortSignal) => Promise<T>): Promise<T>
  /**
   * Changes the holder keys under our lease (LockBlob's read, merge and
   * conditional write): `wanted` undefined removes them.
   */
  updateHolderKeys(
    leaseId: string,
    wanted: Record<string, string> | undefined | Promise<Record<string, string> | undefined>,
    abortSignal: AbortSignal,
  ): Promise<void>
  /** The same lock on another slot's blob. */
  atSlot(slot: number): BlobAccess
  /** Records the service's clock in the answer of an acquire that was granted (LockStore.grantedAt). */
  granted(at: Date | undefined): void
}
