// The queue beside a lock, in storage: one small blob per waiter, named by its
// ticket, under the lock's reserved folder (reserved.ts). Each entry carries
// who waits (the holder record's keys) and a lease that its waiter renews:
// an entry whose waiter died loses its lease within one lease duration, and
// Azure refuses to delete an entry that is still leased, so removing a lapsed
// one can never remove a live one.

import type { ContainerClient } from '@azure/storage-blob'
import { bumpCounter, counterValue } from '../counter.ts'
import { statusCode, storageErrorCode } from '../errors.ts'
import {
  holderFromMetadata,
  identityFromMetadata,
  identityToMetadata,
  type HolderIdentity,
  type HolderRecord,
} from '../holder.ts'
import { withDeadline } from '../request.ts'
import { deleteCommand, leaseBreakCommand } from '../az-commands.ts'
import { publishLeaseId, publishedLeaseId } from './handover.ts'
import type { LatestRead } from '../deploy/latest-read.ts'
import { isLeasedState } from '../deploy/latest-blobs.ts'
import { priorityFromMetadata, priorityToMetadata } from './priority.ts'
import type { Priority } from './entry.ts'
import { entryName, latestName, reservedNames, ticketOf } from '../reserved.ts'
import { entryTime, readTime } from '../service-time.ts'
import type { QueueStore } from '../store.ts'
import type { QueueEntry, QueueLook, TicketClaim } from './entry.ts'
import type { RequestOptions } from '../request.ts'

/** Entries per page of a listing: a queue is rarely longer, so one request lists it. */
const PAGE_SIZE = 100

const isMissing = (err: unknown): boolean => statusCode(err) === 404

/** A listing gives ETags bare, Get Blob Properties in quotes: conditions take the quoted form. */
function quotedEtag(etag: string | undefined): string | undefined {
  if (etag === undefined || etag.startsWith('"')) return etag
  return `"${etag}"`
}

export class QueueBlobs implements QueueStore {
  private readonly container: ContainerClient
  private readonly prefix: string
  /** The lock's whole folder, and the prefix of its per-key records in it. */
  private readonly folder: string
  private readonly latestPrefix: string
  private readonly tickets: string
  private readonly lockName: string
  private readonly requestTimeoutMs: number

  constructor(container: ContainerClient, lockName: string, requestTimeoutMs: number) {
    const names = reservedNames(lockName)
    this.container = container
    this.prefix = names.queuePrefix
    this.latestPrefix = names.latestPrefix
    this.folder = names.queuePrefix.slice(0, -'queue/'.length)
    this.tickets = names.tickets
    this.lockName = lockName
    this.requestTimeoutMs = requestTimeoutMs
  }

  private request<T>(options: RequestOptions, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withDeadline(options, this.requestTimeoutMs, call)
  }

  private entry(ticket: number) {
    return this.container.getBlobClient(entryName(this.prefix, ticket))
  }

  async look(options: RequestOptions & { upTo?: number; limit?: number; latestKey?: string }): Promise<QueueLook> {
    const last = options.upTo === undefined ? undefined : entryName(this.prefix, options.upTo)
    const pageSize = options.limit ?? PAGE_SIZE
    // With a key, the listing starts at the lock's folder: '<lock>/latest/' sorts before '<lock>/queue/',
    // so the same request reads the key's record (latest-blobs.ts) ahead of the entries, with no request of its own.
    const record = options.latestKey === undefined ? undefined : latestName(this.latestPrefix, options.latestKey)
    const prefix = record === undefined ? this.prefix : this.folder
    return this.request(options, async (abortSignal) => {
      const entries: QueueEntry[] = []
      let serviceNow: Date | undefined
      let latest: LatestRead | undefined
      const records: HolderRecord[] = []
      const done = (complete: boolean): QueueLook => {
        // A listing that ended, or went past the record's name, without it: no job of the key has held.
        if (record !== undefined && !latest && complete) latest = { record: undefined, etag: undefined }
        return {
          entries,
          serviceNow: serviceNow ?? new Date(),
          complete,
          ...(latest ? { latest } : {}),
          ...(record !== undefined ? { records } : {}),
        }
      }
      // One request per page; pages come in name order, which is ticket order.
      const pages = this.container
        .listBlobsFlat({ abortSignal, prefix, includeMetadata: true })
        .byPage({ maxPageSize: pageSize })
      for (;;) {
        let next
        try {
          next = await pages.next()
        } catch (err) {
          // No container: no queue either.
          if (isMissing(err)) return done(true)
          throw err
        }
        if (next.done) return done(true)
        const page = next.value
        serviceNow ??= readTime(page.date)
        for (const item of page.segment.blobItems) {
          if (record !== undefined && item.name.startsWith(this.latestPrefix)) {
            const seen = holderFromMetadata(item.metadata)
            if (seen?.supersedeKey !== undefined) records.push(seen)
          }
          if (record !== undefined && !latest) {
            if (item.name === record)
              latest = {
                record: holderFromMetadata(item.metadata),
                etag: quotedEtag(item.properties.etag),
                // A stranger's lease on the record: the waiter fails before it asks for the lock's lease.
                ...(isLeasedState(item.properties.leaseState) ? { leased: true } : {}),
              }
            else if (item.name > record) latest = { record: undefined, etag: undefined }
          }
          const ticket = ticketOf(this.prefix, item.name)
          if (ticket === undefined) continue // not an entry: nothing of ours, left alone
          entries.push({
            ticket,
            leased: item.properties.leaseState === 'leased',
            modifiedAt: entryTime(item.properties.lastModified),
            waiter: identityFromMetadata(item.metadata),
            infinite: item.properties.leaseDuration === 'infinite',
            nextLeaseId: publishedLeaseId(item.metadata),
            ...priorityFromMetadata(item.metadata),
          })
        }
        const marker = page.continuationToken || undefined
        const reachedLast = last !== undefined && page.segment.blobItems.some((item) => item.name >= last)
        if (!marker || reachedLast) return done(!marker)
        if (options.limit !== undefined) return done(false)
      }
    })
  }

  /**
   * The next ticket. A tickets counter that is missing (deleted on its own,
   * or with the whole .azure-mutex/ folder) starts again above every ticket
   * still in use: the highest entry in the queue, and the ticket on the
   * holder's record. A newcomer therefore never gets a place ahead of a
   * waiter whose entry is still there.
   */
  async claimTicket(options: RequestOptions = {}): Promise<TicketClaim> {
    const bumped = await this.request(options, (abortSignal) =>
      bumpCounter(this.container.getBlobClient(this.tickets), abortSignal, {
        seed: (signal) => this.highestTicket(signal),
      }),
    )
    return { ticket: bumped.value, previousAt: bumped.previousAt, serviceNow: bumped.serviceNow }
  }

  /**
   * The highest ticket in use: one listing of the queue (names only, a page of
   * 5,000) and one look at the lock blob's holder record, side by side. Asked
   * for only when the tickets counter is missing.
   */
  private async highestTicket(abortSignal: AbortSignal): Promise<number> {
    const inQueue = async (): Promise<number> => {
      let highest = 0
      try {
        for await (const page of this.container.listBlobsFlat({ abortSignal, prefix: this.prefix }).byPage()) {
          for (const item of page.segment.blobItems) highest = Math.max(highest, ticketOf(this.prefix, item.name) ?? 0)
        }
      } catch (err) {
        if (!isMissing(err)) throw err
      }
      return highest
    }
    const onRecord = async (): Promise<number> => {
      try {
        const props = await this.container.getBlobClient(this.lockName).getProperties({ abortSignal })
        return counterValue(holderFromMetadata(props.metadata)?.ticket) ?? 0
      } catch (err) {
        if (!isMissing(err)) throw err
        return 0
      }
    }
    const [queued, held] = await Promise.all([inQueue(), onRecord()])
    return Math.max(queued, held)
  }

  async enter(
    ticket: number,
    waiter: HolderIdentity,
    leaseId: string,
    leaseSeconds: number,
    options: RequestOptions = {},
    lockLeaseId?: string,
    priority?: Priority,
  ): Promise<'entered' | 'missing' | 'taken'> {
    const blob = this.entry(ticket)
    try {
      await this.request(options, async (abortSignal) => {
        try {
          await blob.getBlockBlobClient().upload('', 0, {
            abortSignal,
            // The lock's lease id we will hold it under goes on the entry, so that a holder can hand the lease to us.
            // So is our priority (priority.ts): the others order the line by it.
            metadata: {
              ...identityToMetadata(waiter),
              ...(lockLeaseId ? publishLeaseId(lockLeaseId) : {}),
              ...(priority ? priorityToMetadata(priority) : {}),
            },
            conditions: { ifNoneMatch: '*' },
          })
        } catch (err) {
          // The ticket is ours alone: an entry that exists is our own, from a try whose answer was lost.
          if (statusCode(err) !== 409 && statusCode(err) !== 412) throw err
        }
        // Proposing our own id makes a retried acquire harmless.
        await blob.getBlobLeaseClient(leaseId).acquireLease(leaseSeconds, { abortSignal })
      })
      return 'entered'
    } catch (err) {
      if (storageErrorCode(err) === 'ContainerNotFound') return 'missing'
      // Our own earlier try would have proposed the same lease id: this entry is someone else's.
      if (storageErrorCode(err) === 'LeaseAlreadyPresent') return 'taken'
      throw err
    }
  }

  async renewEntry(ticket: number, leaseId: string, options: RequestOptions = {}): Promise<'renewed' | 'gone'> {
    try {
      await this.request(options, (abortSignal) =>
        this.entry(ticket).getBlobLeaseClient(leaseId).renewLease({ abortSignal }),
      )
      return 'renewed'
    } catch (err) {
      // Gone (404), or its lease lapsed and it was taken over (409): either way this place is lost.
      if (isMissing(err) || statusCode(err) === 409) return 'gone'
      throw err
    }
  }

  async leave(ticket: number, leaseId: string, options: RequestOptions = {}): Promise<void> {
    const blob = this.entry(ticket)
    await this.request(options, async (abortSignal) => {
      try {
        await blob.delete({ abortSignal, conditions: { leaseId } })
      } catch (err) {
        if (isMissing(err)) return
        // A credential that may list but not delete: give the lease back, so that the entry counts as left.
        if (statusCode(err) === 403) {
          await blob.getBlobLeaseClient(leaseId).releaseLease({ abortSignal })
          throw err
        }
        // Our lease lapsed (or was never taken): the entry is ours by its ticket, so delete it plainly.
        if (statusCode(err) !== 412 && statusCode(err) !== 409) throw err
        await blob.delete({ abortSignal }).catch((again: unknown) => {
          if (!isMissing(again)) throw again
        })
      }
    })
  }

  clearCommands(ticket: number): string {
    const name = entryName(this.prefix, ticket)
    return `${leaseBreakCommand(this.container, name)} && ${deleteCommand(this.container, name)}`
  }

  /**
   * Clears one entry for people (the break step): breaks its lease and deletes
   * it, but only when it is no waiter's: an infinite lease (which this action
   * never takes) or none. A fixed lease is a live waiter that renews it, and
   * is left alone: 'live'.
   */
  async clear(ticket: number, options: RequestOptions = {}): Promise<'cleared' | 'missing' | 'live'> {
    const blob = this.entry(ticket)
    return this.request(options, async (abortSignal) => {
      let props
      try {
        props = await blob.getProperties({ abortSignal })
      } catch (err) {
        if (isMissing(err)) return 'missing'
        throw err
      }
      if (props.leaseState === 'leased' && props.leaseDuration !== 'infinite') return 'live'
      if (props.leaseState === 'leased' || props.leaseState === 'breaking') {
        await blob.getBlobLeaseClient().breakLease(0, { abortSignal })
      }
      try {
        // Only the blob we looked at: a waiter that took the ticket since would have changed its ETag.
        await blob.delete({ abortSignal, conditions: { ifMatch: props.etag } })
      } catch (err) {
        if (isMissing(err)) return 'missing'
        throw err
      }
      return 'cleared'
    })
  }

  async sweep(ticket: number, options: RequestOptions = {}): Promise<void> {
    await this.request(options, async (abortSignal) => {
      try {
        await this.entry(ticket).delete({ abortSignal })
      } catch (err) {
        // Leased again after all (412 LeaseIdMissing), or already gone: either is fine.
        if (statusCode(err) !== 412 && !isMissing(err)) throw err
      }
    })
  }
}
