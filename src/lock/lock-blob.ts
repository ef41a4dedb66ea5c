// One lock = one blob in a container, leased by whoever holds the lock. This is
// the only module that talks to storage; it turns Azure's answers into the
// few outcomes the waiter and the renewer reason about.

import type { BlobClient, ContainerClient } from '@azure/storage-blob'
import { breakToMetadata, isBreakKey, type BreakRecord } from './break-record.ts'
import { RequestTimeoutError, storageErrorCode, statusCode } from './errors.ts'
import { holderFromMetadata, holderToMetadata, isHolderKey, type HolderRecord } from './holder.ts'
import { statusOf, type LockStatus } from './lock-status.ts'
import { RESERVED_PREFIX } from './names.ts'
import type { LockSpec } from './spec.ts'
import { containerClientFor, type ClientOptions, type StorageAuth } from './storage.ts'

export type LeaseView =
  /** The blob does not exist yet (or its container does not). */
  | { state: 'missing' }
  /** Nobody holds a lease: never leased, released, expired or broken. */
  | { state: 'free'; staleHolder: HolderRecord | undefined }
  /** Someone holds the lease; the record is theirs if they wrote one. */
  | { state: 'leased'; holder: HolderRecord | undefined }

export type AcquireOutcome = 'acquired' | 'held-by-other' | 'missing'

export type BreakOutcome =
  /** The blob (or its container) does not exist. */
  | { outcome: 'missing' }
  /** Nobody held a lease: nothing was broken and nothing written. */
  | { outcome: 'not-held' }
  /**
   * The lease was broken, and it was held by `holder` (undefined: a client
   * that writes no record). `recorded` is false when another client took the
   * lease before the break record could be written.
   */
  | { outcome: 'broken'; holder: HolderRecord | undefined; record: BreakRecord; recorded: boolean }

const LEASE_GONE = new Set([
  'LeaseIdMismatchWithLeaseOperation',
  'LeaseIsBrokenAndCannotBeRenewed',
  'LeaseNotPresentWithLeaseOperation',
  'LeaseLost',
  'LeaseNotPresentWithBlobOperation',
  'LeaseIdMismatchWithBlobOperation',
  'BlobNotFound',
  'ContainerNotFound',
])

/** True when Azure says the lease id is no longer the blob's lease: the lock is definitely not ours. */
export function isLeaseGone(err: unknown): boolean {
  const code = storageErrorCode(err)
  return code !== undefined && LEASE_GONE.has(code)
}

function isMissing(err: unknown): boolean {
  const code = storageErrorCode(err)
  return statusCode(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined)
}

/** How one call may be cut short: the caller's signal, and a deadline of its own. */
export interface RequestOptions {
  signal?: AbortSignal
  /** The longest the call may take, SDK retries included; the lock's default when not given. */
  timeoutMs?: number
}

/**
 * Every request gets a client-side deadline. The SDK's tryTimeoutInMs only asks
 * the service to give up; a connection whose packets are dropped would
 * otherwise be waited on for ever.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

export class LockBlob {
  private readonly container: ContainerClient
  private readonly blob: BlobClient
  private readonly requestTimeoutMs: number
  readonly name: string

  constructor(container: ContainerClient, name: string, options: { requestTimeoutMs?: number } = {}) {
    this.container = container
    this.name = name
    this.blob = container.getBlobClient(name)
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  }

  /** Runs one call under the caller's signal and a deadline; a missed deadline is a RequestTimeoutError. */
  private async request<T>(options: RequestOptions, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs
    const deadline = AbortSignal.timeout(timeoutMs)
    try {
      return await call(options.signal ? AbortSignal.any([options.signal, deadline]) : deadline)
    } catch (err) {
      if (deadline.aborted && !options.signal?.aborted) throw new RequestTimeoutError(timeoutMs)
      throw err
    }
  }

  /** A description of where the lock lives, without credentials: account/container/blob. */
  get location(): string {
    return `${this.container.accountName}/${this.container.containerName}/${this.name}`
  }

  /** One HEAD request: the lease state and the holder record. */
  async view(options: RequestOptions = {}): Promise<LeaseView> {
    try {
      const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }))
      const record = holderFromMetadata(props.metadata)
      if (props.leaseState === 'leased' || props.leaseState === 'breaking') {
        return { state: 'leased', holder: record }
      }
      return { state: 'free', staleHolder: record }
    } catch (err) {
      if (isMissing(err)) return { state: 'missing' }
      throw err
    }
  }

  /**
   * Creates the empty lock blob if it is missing, and its container if that is
   * missing too. Never overwrites an existing blob (If-None-Match: *), so a
   * holder's lease and record survive any number of racing creators.
   * Returns what it created.
   */
  async create(options: RequestOptions = {}): Promise<'blob' | 'container' | 'nothing'> {
    try {
      return (await this.createBlob(options)) ? 'blob' : 'nothing'
    } catch (err) {
      if (storageErrorCode(err) !== 'ContainerNotFound') throw err
    }
    const { succeeded } = await this.request(options, (abortSignal) =>
      this.container.createIfNotExists({ abortSignal }),
    )
    const blob = await this.createBlob(options)
    return succeeded ? 'container' : blob ? 'blob' : 'nothing'
  }

  /** True when this call created the blob, false when it existed already. */
  private async createBlob(options: RequestOptions): Promise<boolean> {
    try {
      await this.request(options, (abortSignal) =>
        this.blob.getBlockBlobClient().upload('', 0, { abortSignal, conditions: { ifNoneMatch: '*' } }),
      )
      return true
    } catch (err) {
      // Exists already: 409 BlobAlreadyExists, or 412 LeaseIdMissing on Azure when it is leased.
      const code = storageErrorCode(err)
      if (code === 'BlobAlreadyExists' || code === 'LeaseIdMissing' || statusCode(err) === 412) return false
      throw err
    }
  }

  /** Tries once to take the lease with our own id. Retrying with the same id is idempotent. */
  async acquire(leaseId: string, durationSeconds: number, options: RequestOptions = {}): Promise<AcquireOutcome> {
    try {
      await this.request(options, (abortSignal) =>
        this.blob.getBlobLeaseClient(leaseId).acquireLease(durationSeconds, { abortSignal }),
      )
      return 'acquired'
    } catch (err) {
      if (storageErrorCode(err) === 'LeaseAlreadyPresent') return 'held-by-other'
      if (isMissing(err)) return 'missing'
      throw err
    }
  }

  /**
   * Writes who holds the lock, under our lease. Only the holder keys change:
   * metadata that others put on the blob (owner=platform-team) is kept.
   */
  async writeHolder(leaseId: string, record: HolderRecord, options: RequestOptions = {}): Promise<void> {
    await this.request(options, (abortSignal) => this.updateHolderKeys(leaseId, holderToMetadata(record), abortSignal))
  }

  /**
   * Azure's Set Blob Metadata replaces all metadata, so changing our keys is a
   * read, a merge and a write. Both requests carry our lease id: while the
   * lease is ours, nobody else can change the metadata (a write without our id
   * is refused with 412), and if the lease is lost in between, our write is
   * refused instead of overwriting the next holder's record. The write is also
   * conditional on the ETag we read, so a second writer of our own (same
   * lease id) cannot be overwritten unseen either; that case is read again.
   * With `record` undefined the holder keys are removed, and nothing is
   * written when the blob carries none.
   */
  private async updateHolderKeys(
    leaseId: string,
    record: Record<string, string> | undefined,
    abortSignal: AbortSignal,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const props = await this.blob.getProperties({ abortSignal, conditions: { leaseId } })
      const current = Object.entries(props.metadata ?? {})
      if (!record && !current.some(([key]) => isHolderKey(key))) return
      const metadata = { ...Object.fromEntries(current.filter(([key]) => !isHolderKey(key))), ...record }
      try {
        await this.blob.setMetadata(metadata, { abortSignal, conditions: { leaseId, ifMatch: props.etag } })
        return
      } catch (err) {
        if (storageErrorCode(err) !== 'ConditionNotMet' || attempt >= 3) throw err
      }
    }
  }

  /** One HEAD request: the lock's state for people (status), or 'missing'. Read-only. */
  async status(options: RequestOptions = {}): Promise<LockStatus | 'missing'> {
    try {
      const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }))
      return statusOf(this.name, props)
    } catch (err) {
      if (isMissing(err)) return 'missing'
      throw err
    }
  }

  /**
   * Breaks whatever lease the blob has, at once (break period 0), and writes
   * the break record that `describe` makes for the holder it found. The
   * record is merged with the metadata on the blob (the holder record and
   * others' keys stay). It is written without a lease, as nobody holds one
   * after the break: if a waiter takes the lease first, Azure refuses the
   * write (412) and no record is written, which the outcome says.
   */
  async breakLease(
    describe: (holder: HolderRecord | undefined) => BreakRecord,
    options: RequestOptions = {},
  ): Promise<BreakOutcome> {
    return this.request(options, async (abortSignal) => {
      let holder: HolderRecord | undefined
      try {
        const props = await this.blob.getProperties({ abortSignal })
        if (props.leaseState !== 'leased' && props.leaseState !== 'breaking') return { outcome: 'not-held' }
        holder = holderFromMetadata(props.metadata)
        await this.blob.getBlobLeaseClient().breakLease(0, { abortSignal })
      } catch (err) {
        if (isMissing(err)) return { outcome: 'missing' }
        // Released between the look and the break: there was nothing left to break.
        if (storageErrorCode(err) === 'LeaseNotPresentWithLeaseOperation') return { outcome: 'not-held' }
        throw err
      }
      const record = describe(holder)
      for (let attempt = 1; ; attempt++) {
        try {
          const props = await this.blob.getProperties({ abortSignal })
          const kept = Object.entries(props.metadata ?? {}).filter(([key]) => !isBreakKey(key))
          const metadata = { ...Object.fromEntries(kept), ...breakToMetadata(record) }
          await this.blob.setMetadata(metadata, { abortSignal, conditions: { ifMatch: props.etag } })
          return { outcome: 'broken', holder, record, recorded: true }
        } catch (err) {
          const code = storageErrorCode(err)
          if (code === 'ConditionNotMet' && attempt < 3) continue
          if (code === 'LeaseIdMissing' || code === 'ConditionNotMet' || isMissing(err)) {
            return { outcome: 'broken', holder, record, recorded: false }
          }
          throw err
        }
      }
    })
  }

  /** Renews our lease; throws when it fails (see isLeaseGone for a definite loss). */
  async renew(leaseId: string, options: RequestOptions = {}): Promise<void> {
    await this.request(options, (abortSignal) => this.blob.getBlobLeaseClient(leaseId).renewLease({ abortSignal }))
  }

  /**
   * Clears our holder record (others' metadata stays) and releases our lease.
   * 'not-held' means the lease was no longer ours (expired and taken, broken,
   * or the blob is gone): nothing of anybody else's is touched in that case.
   */
  async release(leaseId: string, options: RequestOptions = {}): Promise<'released' | 'not-held'> {
    try {
      await this.request(options, async (abortSignal) => {
        await this.updateHolderKeys(leaseId, undefined, abortSignal)
        await this.blob.getBlobLeaseClient(leaseId).releaseLease({ abortSignal })
      })
      return 'released'
    } catch (err) {
      if (isLeaseGone(err) || statusCode(err) === 412) return 'not-held'
      throw err
    }
  }
}

/** The longest a listing of a container's locks may take, every page included. */
const LIST_TIMEOUT_MS = 30_000

/**
 * Every lock in a container, in name order, from List Blobs with metadata
 * (one request per 5,000 blobs); blobs under the reserved prefix, which are
 * the action's own, are left out. 'missing' when the container does not exist.
 */
export async function listLocks(
  container: ContainerClient,
  options: RequestOptions = {},
): Promise<LockStatus[] | 'missing'> {
  const timeoutMs = options.timeoutMs ?? LIST_TIMEOUT_MS
  const deadline = AbortSignal.timeout(timeoutMs)
  const abortSignal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline
  const locks: LockStatus[] = []
  try {
    for await (const blob of container.listBlobsFlat({ includeMetadata: true, abortSignal })) {
      if (blob.name.startsWith(RESERVED_PREFIX)) continue
      const { leaseState, leaseDuration } = blob.properties
      locks.push(statusOf(blob.name, { leaseState, leaseDuration, metadata: blob.metadata }))
    }
  } catch (err) {
    if (deadline.aborted && !options.signal?.aborted) throw new RequestTimeoutError(timeoutMs)
    if (storageErrorCode(err) === 'ContainerNotFound') return 'missing'
    throw err
  }
  return locks
}

/** The lock a spec names, signed with the given credential; no request is made. */
export function openLock(
  auth: StorageAuth,
  spec: LockSpec,
  options: ClientOptions & { requestTimeoutMs?: number } = {},
): LockBlob {
  const container = containerClientFor({ endpoint: spec.endpoint, auth }, spec.container, options)
  return new LockBlob(container, spec.lockName, { requestTimeoutMs: options.requestTimeoutMs })
}
