// The per-key records of latest.ts in storage: one empty blob per supersede
// key under the lock's reserved folder (reserved.ts), whose metadata is the
// holder record of the job with the highest sequence of that key that held
// the lock. Only a holder writes it, under the lock's lease, and each write
// is conditional on the ETag read just before: a write that raced another is
// read again rather than lost. The action never leases a record: one that a
// stranger leased cannot be written, and is one LatestRecordError naming the
// blob and the command that breaks that lease, found before the job asks for
// the lock's lease (the listing and the read show the record's lease state).
//
// The lock blob keeps each key's sequence as well (latest-kept.ts): readKept
// reads it for a key that has no record here, as after the folder's deletion.

import type { BlobClient, ContainerClient } from '@azure/storage-blob'
import { deleteCommand, leaseBreakCommand } from '../az-commands.ts'
import { LockError, statusCode, storageErrorCode } from '../errors.ts'
import { holderFromMetadata, holderToMetadata, type HolderRecord } from '../holder.ts'
import type { LatestStore } from './latest.ts'
import type { LatestRead } from './latest-read.ts'
import { keptSequence } from './latest-kept.ts'
import { withDeadline } from '../request.ts'
import { latestName, reservedNames } from '../reserved.ts'
import type { RequestOptions } from '../request.ts'
import { showUntrusted } from '../untrusted-text.ts'

/** A key's record that this action cannot write: a stranger leased its blob. */
export class LatestRecordError extends LockError {
  override name = 'LatestRecordError'
}

/** The error codes of a write refused because the blob is leased and the request carried no lease id. */
const LEASED_CODES = new Set(['LeaseIdMissing', 'LeaseIdMismatchWithBlobOperation', 'LeaseAlreadyPresent'])

/** A listing's or a read's lease state: leased, or breaking (still locked until the break ends). */
export function isLeasedState(state: string | undefined): boolean {
  return state === 'leased' || state === 'breaking'
}

export class LatestBlobs implements LatestStore {
  private readonly container: ContainerClient
  private readonly prefix: string
  private readonly lockName: string
  private readonly requestTimeoutMs: number

  constructor(container: ContainerClient, lockName: string, requestTimeoutMs: number) {
    this.container = container
    this.prefix = reservedNames(lockName).latestPrefix
    this.lockName = lockName
    this.requestTimeoutMs = requestTimeoutMs
  }

  private blob(key: string): BlobClient {
    return this.container.getBlobClient(latestName(this.prefix, key))
  }

  async read(key: string, options: RequestOptions = {}): Promise<LatestRead> {
    return withDeadline(options, this.requestTimeoutMs, async (abortSignal) => {
      try {
        const props = await this.blob(key).getProperties({ abortSignal })
        return {
          record: holderFromMetadata(props.metadata),
          etag: props.etag,
          ...(isLeasedState(props.leaseState) ? { leased: true } : {}),
        }
      } catch (err) {
        // No record yet (or no container): no job of this key has held the lock.
        if (statusCode(err) === 404) return { record: undefined, etag: undefined }
        throw err
      }
    })
  }

  /** The key's sequence as the lock blob keeps it (latest-kept.ts); undefined when it keeps none, or is missing. */
  async readKept(key: string, options: RequestOptions = {}): Promise<number | undefined> {
    return withDeadline(options, this.requestTimeoutMs, async (abortSignal) => {
      try {
        const props = await this.container.getBlobClient(this.lockName).getProperties({ abortSignal })
        return keptSequence(props.metadata, key)
      } catch (err) {
        if (statusCode(err) === 404) return undefined
        throw err
      }
    })
  }

  leasedError(key: string): LatestRecordError {
    const blob = this.blob(key)
    return new LatestRecordError(
      `The record blob ${blob.containerName}/${showUntrusted(blob.name)} of the supersede key ` +
        `"${showUntrusted(key, 80)}" is leased by another client; this action never leases it, so it cannot keep ` +
        `the key's newest sequence. Break that lease: ${leaseBreakCommand(blob, blob.name)}`,
    )
  }

  deleteCommand(key: string): string {
    const blob = this.blob(key)
    return deleteCommand(blob, blob.name)
  }

  /**
   * Every key's record, for the status step: one List Blobs request per
   * 5,000 keys. Records that carry no holder record are left out.
   */
  async list(options: RequestOptions = {}): Promise<HolderRecord[]> {
    return withDeadline(options, this.requestTimeoutMs, async (abortSignal) => {
      const records: HolderRecord[] = []
      try {
        for await (const item of this.container.listBlobsFlat({
          abortSignal,
          prefix: this.prefix,
          includeMetadata: true,
        })) {
          const record = holderFromMetadata(item.metadata)
          if (record?.supersedeKey !== undefined) records.push(record)
        }
      } catch (err) {
        if (statusCode(err) !== 404) throw err
      }
      return records
    })
  }

  async write(
    key: string,
    record: HolderRecord,
    etag: string | undefined,
    options: RequestOptions = {},
  ): Promise<'written' | 'changed'> {
    return withDeadline(options, this.requestTimeoutMs, async (abortSignal) => {
      try {
        await this.blob(key)
          .getBlockBlobClient()
          .upload('', 0, {
            abortSignal,
            metadata: holderToMetadata(record),
            conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
          })
        return 'written'
      } catch (err) {
        // Leased by a stranger since the look: no write can pass until that lease is broken.
        const code = storageErrorCode(err)
        if (code !== undefined && LEASED_CODES.has(code)) throw this.leasedError(key)
        // 412: written since we read it; 409: created since. Read again.
        if (statusCode(err) === 412 || statusCode(err) === 409) return 'changed'
        throw err
      }
    })
  }
}
