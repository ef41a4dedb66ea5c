// What people read of locks (status, azure-mutex look): one lock's state with
// its queue, its slots and its keys' records; and every lock in a container,
// from one listing. Read-only.

import type { ContainerClient } from '@azure/storage-blob'
import type { BlobAccess } from './blob-access.ts'
import { storageErrorCode, statusCode } from './errors.ts'
import { holderFromMetadata, identityFromMetadata, type HolderRecord } from './holder.ts'
import { isMissing } from './lease-answers.ts'
import { prioritiesOf, squattersOf, statusOf, waitersOf, type LockStatus } from './lock-status.ts'
import type { QueueEntry } from './queue/entry.ts'
import { priorityFromMetadata } from './queue/priority.ts'
import { listLockFolder, slotViewOf } from './queue/slots-blobs.ts'
import { MAX_SLOTS, slotsHeld, storedSlots, type SlotView } from './queue/slots.ts'
import { withDeadline, type RequestOptions } from './request.ts'
import { RESERVED_PREFIX, reservedNames, ticketOf } from './reserved.ts'
import { entryTime, readTime } from './service-time.ts'

/**
 * The lock's state for people (status), or 'missing': one HEAD request, and
 * one listing of its queue. Read-only. A credential that may not list (a
 * SAS without 'l') still gets the state, without the queue.
 */
export async function readLockStatus(lock: BlobAccess, options: RequestOptions = {}): Promise<LockStatus | 'missing'> {
  let status: LockStatus
  try {
    const props = await lock.request(options, (abortSignal) => lock.blob.getProperties({ abortSignal }))
    status = statusOf(lock.name, {
      ...props,
      lastModified: readTime(props.lastModified),
      serviceNow: readTime(props.date),
    })
  } catch (err) {
    if (isMissing(err)) return 'missing'
    throw err
  }
  const refused = (err: unknown): undefined => {
    if (statusCode(err) === 403) return undefined
    throw err
  }
  // One listing of the lock's folder shows the queue, and with slots the slot blobs and their number.
  const [folder, latest] = await Promise.all([
    lock.request(options, (signal) => listLockFolder(lock.container, lock.name, MAX_SLOTS, signal)).catch(refused),
    lock.latest.list(options).catch(refused),
  ])
  if (latest && latest.length > 0) status.latest = latest
  if (folder) {
    const look = folder.queue
    status.queue = waitersOf(look.entries, look.serviceNow)
    const priorities = prioritiesOf(look.entries, look.serviceNow)
    if (priorities.includes('high')) status.priorities = priorities
    const squatters = squattersOf(look.entries)
    if (squatters.length > 0) status.squatters = squatters
    const count = typeof folder.stored === 'number' ? folder.stored : 1
    if (count > 1) {
      const slots: SlotView[] = [{ slot: 1, state: status.held ? 'leased' : 'free', holder: status.holder }]
      for (let slot = 2; slot <= count; slot++) slots.push(folder.slots.get(slot) ?? { slot, state: 'missing' })
      status.slots = slotsHeld(slots)
    }
  }
  return status
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
  return withDeadline(options, LIST_TIMEOUT_MS, async (abortSignal) => {
    const locks: LockStatus[] = []
    // The action's own blobs come in the same listing: the queues' entries, to be put with their locks.
    const reserved: Array<{ name: string; entry: Omit<QueueEntry, 'ticket'> }> = []
    // The action's own blobs by name: the slot blobs 2..N, and the fencing counters that keep each lock's number of slots.
    const own = new Map<string, Parameters<typeof slotViewOf>[1]>()
    const latestRecords: Array<{ name: string; record: HolderRecord }> = []
    let serviceNow = new Date()
    try {
      for await (const page of container.listBlobsFlat({ includeMetadata: true, abortSignal }).byPage()) {
        serviceNow = readTime(page.date) ?? serviceNow
        for (const blob of page.segment.blobItems) {
          const { leaseState, leaseDuration } = blob.properties
          const lastModified = readTime(blob.properties.lastModified)
          if (blob.name.startsWith(RESERVED_PREFIX)) {
            own.set(blob.name, blob)
            // A key's record of the highest sequence that held (latest.ts): put with its lock below.
            const latest = holderFromMetadata(blob.metadata)
            if (latest?.supersedeKey !== undefined) latestRecords.push({ name: blob.name, record: latest })
            const waiter = identityFromMetadata(blob.metadata)
            reserved.push({
              name: blob.name,
              entry: {
                leased: leaseState === 'leased',
                modifiedAt: entryTime(lastModified),
                waiter,
                infinite: leaseDuration === 'infinite',
                ...priorityFromMetadata(blob.metadata),
              },
            })
            continue
          }
          const facts = {
            leaseState,
            leaseDuration,
            metadata: blob.metadata,
            lastModified,
            serviceNow: readTime(page.date),
          }
          locks.push(statusOf(blob.name, facts))
        }
      }
    } catch (err) {
      if (storageErrorCode(err) === 'ContainerNotFound') return 'missing'
      throw err
    }
    for (const lock of locks) {
      const prefix = reservedNames(lock.name).queuePrefix
      const entries = reserved.flatMap(({ name, entry }) => {
        const ticket = ticketOf(prefix, name)
        return ticket === undefined ? [] : [{ ...entry, ticket }]
      })
      lock.queue = waitersOf(entries, serviceNow)
      const priorities = prioritiesOf(entries, serviceNow)
      if (priorities.includes('high')) lock.priorities = priorities
      const squatters = squattersOf(entries)
      if (squatters.length > 0) lock.squatters = squatters
      const { latestPrefix } = reservedNames(lock.name)
      const latest = latestRecords.filter(({ name }) => name.startsWith(latestPrefix)).map(({ record }) => record)
      if (latest.length > 0) lock.latest = latest
      // With slots, "2 of 3 slots held", as the status of one lock says: the number is the counter's.
      const { fencing, slotsPrefix } = reservedNames(lock.name)
      const count = own.has(fencing) ? storedSlots(own.get(fencing)!.metadata) : 1
      if (typeof count === 'number' && count > 1) {
        const slots: SlotView[] = [{ slot: 1, state: lock.held ? 'leased' : 'free', holder: lock.holder }]
        for (let slot = 2; slot <= count; slot++) {
          const blob = own.get(`${slotsPrefix}${slot}`)
          slots.push(blob ? slotViewOf(slot, blob) : { slot, state: 'missing' })
        }
        lock.slots = slotsHeld(slots)
      }
    }
    return locks
  })
}
