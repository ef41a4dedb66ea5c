// The per-key records of latest.ts in storage: one empty blob per supersede
// key under the lock's reserved folder (reserved.ts), whose metadata is the
// holder record of the job with the highest sequence of that key that held
// the lock. Only a holder writes it, under the lock's lease, and each write
// is conditional on the ETag read just before: a write that raced another is
// read again rather than lost.
//
// The lock blob keeps each key's sequence as well (latest-kept.ts): readKept
// reads it for a key that has no record here, as after the folder's deletion.

import type { BlobClient, ContainerClient } from '@azure/storage-blob'
import { statusCode } from '../errors.ts'
import { holderFromMetadata, holderToMetadata, type HolderRecord } from '../holder.ts'
import type { LatestRead, LatestStore } from './latest.ts'
import { keptSequence } from './latest-kept.ts'
import { withDeadline } from '../request.ts'
import { latestName, reservedNames } from '../reserved.ts'
import type { RequestOptions } from '../store.ts'

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
        return { record: holderFromMetadata(props.metadata), etag: props.etag }
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
        // 412: written since we read it; 409: created since, or leased by a stranger. Read again.
        if (statusCode(err) === 412 || statusCode(err) === 409) return 'changed'
        throw err
      }
    })
  }
}
