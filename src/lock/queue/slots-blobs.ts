// The slots of a lock in storage (slots.ts): one look at all of them and at
// the queue, and the agreement on their number, kept on the fencing counter.
//
// One look is two requests whatever N is: one listing of the lock's folder
// (.azure-mutex/<lock>/, metadata included), which holds the queue's entries
// and the slot blobs 2..N, and one HEAD of the lock blob, which is slot 1.
//
// The HEAD cannot go into the listing. The lock blob is named by the lock name
// at the top of the container (so that go-azuremutex and the az CLI lease the
// same blob), and the folder is under .azure-mutex/, which no lock name may
// start with: the only prefix that covers both is the container's whole
// listing, every lock and every queue in it, which grows with the container
// (5,000 blobs a page) instead of with the lock. A listing takes one prefix, and
// no filter by name. So the two requests go side by side, costing one round
// trip; and a waiter that cannot take a slot at this look (more waiters ahead
// than slots) lists alone, and sees slot 1 as its last look showed it.

import type { BlobClient, ContainerClient } from '@azure/storage-blob'
import { counterDeleteCommand, shown, type Seed } from '../counter.ts'
import { statusCode } from '../errors.ts'
import { publishedLeaseId, handedToTicket } from './handover.ts'
import { holderFromMetadata, identityFromMetadata } from '../holder.ts'
import { priorityFromMetadata } from './priority.ts'
import { withDeadline } from '../request.ts'
import { reservedNames, slotOf, ticketOf } from '../reserved.ts'
import { entryTime, readTime } from '../service-time.ts'
import {
  SLOTS_KEY,
  SlotsMismatchError,
  slotsMalformedMessage,
  slotsMismatchMessage,
  storedSlots,
  type SlotView,
} from './slots.ts'
import type { QueueEntry, QueueLook } from './entry.ts'
import type { RequestOptions } from '../request.ts'
import type { LeaseView, LockStore, SlotsAccess, SlotsLook } from '../store.ts'

export interface SlotsBlobsOptions {
  count: number
  requestTimeoutMs: number
  location: string
  /** Slot 1's look: the lock blob's HEAD. */
  viewLock: (options: RequestOptions) => Promise<LeaseView>
  open: (slot: number) => LockStore
  /**
   * For a counter created here (counter.ts): the highest fencing token
   * recorded on the slots, and the number of slots kept outside the counter
   * (slots.ts keptSlots).
   */
  kept: (abortSignal: AbortSignal) => Promise<Seed>
}

const isMissing = (err: unknown): boolean => statusCode(err) === 404

function viewOfLock(slot: number, view: LeaseView): SlotView {
  if (view.state === 'leased') {
    return {
      slot,
      state: 'leased',
      holder: view.holder,
      infinite: view.infinite,
      ...(view.handedTo !== undefined ? { handedTo: view.handedTo } : {}),
    }
  }
  return { slot, state: view.state }
}

export class SlotsBlobs implements SlotsAccess {
  private readonly container: ContainerClient
  private readonly options: SlotsBlobsOptions
  private readonly lockName: string
  private readonly fencing: BlobClient
  private agreed: Promise<void> | undefined
  /** Slot 1 as the last look at the lock blob showed it. */
  private lastLock: SlotView | undefined

  constructor(container: ContainerClient, lockName: string, options: SlotsBlobsOptions) {
    const names = reservedNames(lockName)
    this.container = container
    this.options = options
    this.lockName = lockName
    this.fencing = container.getBlobClient(names.fencing)
  }

  get count(): number {
    return this.options.count
  }

  open(slot: number): LockStore {
    return this.options.open(slot)
  }

  agree(options: RequestOptions): Promise<void> {
    // Once per job: the number cannot change under a job without the lock being drained first.
    this.agreed ??= withDeadline(options, this.options.requestTimeoutMs, (signal) => this.check(signal))
    this.agreed.catch(() => (this.agreed = undefined))
    return this.agreed
  }

  /**
   * Reads the number the counter keeps and compares it with ours. A missing
   * counter is created with the number the lock keeps outside it (the holders'
   * slot blobs, the lock blob), else ours, and, as its value, the highest token
   * recorded on the slots (so the next bump hands out one more, as counter.ts
   * would); a lost race to create it reads again. A number kept outside that
   * is not ours is refused as the counter's would be.
   */
  private async check(abortSignal: AbortSignal): Promise<void> {
    const asked = this.options.count
    for (let tries = 0; tries < 5; tries++) {
      let metadata: Record<string, string> | undefined
      try {
        metadata = (await this.fencing.getProperties({ abortSignal })).metadata ?? {}
      } catch (err) {
        if (!isMissing(err)) throw err
      }
      if (metadata === undefined) {
        const seed = await this.options.kept(abortSignal)
        const kept = seed.slots ?? asked
        try {
          await this.fencing.getBlockBlobClient().upload('', 0, {
            abortSignal,
            metadata: { value: String(seed.value), ...(kept > 1 ? { [SLOTS_KEY]: String(kept) } : {}) },
            conditions: { ifNoneMatch: '*' },
          })
        } catch (err) {
          // Created by another job first (409, or 412), or the container is missing: the waiter creates it.
          if (statusCode(err) === 409 || statusCode(err) === 412) continue
          if (isMissing(err)) return
          throw err
        }
        if (kept !== asked) {
          throw new SlotsMismatchError(slotsMismatchMessage(this.options.location, kept, asked, shown(this.fencing)))
        }
        return
      }
      const stored = storedSlots(metadata)
      if (stored === 'malformed') {
        const text = Object.entries(metadata).find(([key]) => key.toLowerCase() === SLOTS_KEY)?.[1] ?? ''
        const command = counterDeleteCommand(this.fencing)
        throw new SlotsMismatchError(slotsMalformedMessage(this.options.location, text, command))
      }
      if (stored !== asked) {
        throw new SlotsMismatchError(slotsMismatchMessage(this.options.location, stored, asked, shown(this.fencing)))
      }
      return
    }
  }

  async look(options: RequestOptions, { lock: withLock = true } = {}): Promise<SlotsLook> {
    const [listed, lock] = await Promise.all([
      withDeadline(options, this.options.requestTimeoutMs, (signal) =>
        listLockFolder(this.container, this.lockName, this.count, signal),
      ),
      withLock ? this.options.viewLock(options) : undefined,
    ])
    if (lock) this.lastLock = viewOfLock(1, lock)
    // Never seen: taken as held by nobody known, so that nobody decides to take it without looking.
    const slots: SlotView[] = [this.lastLock ?? { slot: 1, state: 'leased' }]
    for (let slot = 2; slot <= this.count; slot++) slots.push(listed.slots.get(slot) ?? { slot, state: 'missing' })
    return { queue: listed.queue, slots, lockSeen: lock !== undefined }
  }
}

/** A slot blob 2..N as a listing shows it: its lease, and the holder record or the handover mark on it. */
export function slotViewOf(
  slot: number,
  item: { metadata?: Record<string, string>; properties: { leaseState?: string; leaseDuration?: string } },
): SlotView {
  const { leaseState, leaseDuration } = item.properties
  if (leaseState !== 'leased' && leaseState !== 'breaking') return { slot, state: 'free' }
  const holder = holderFromMetadata(item.metadata)
  return {
    slot,
    state: 'leased',
    holder,
    infinite: leaseDuration === 'infinite',
    ...(holder ? {} : { handedTo: handedToTicket(item.metadata) }),
  }
}

/** What one listing of a lock's folder shows: the queue, the slot blobs 2..max, and the number of slots kept. */
export interface FolderLook {
  queue: QueueLook
  slots: Map<number, SlotView>
  /** The number of slots the fencing counter keeps (slots.ts); undefined when there is no counter. */
  stored: number | 'malformed' | undefined
}

/** One listing of the lock's folder (more pages only for a queue of thousands): the entries and the slots. */
export async function listLockFolder(
  container: ContainerClient,
  lockName: string,
  maxSlot: number,
  abortSignal: AbortSignal,
): Promise<FolderLook> {
  const names = reservedNames(lockName)
  const entries: QueueEntry[] = []
  const slots = new Map<number, SlotView>()
  let stored: FolderLook['stored']
  let serviceNow: Date | undefined
  try {
    for await (const page of container
      .listBlobsFlat({ abortSignal, prefix: names.folder, includeMetadata: true })
      .byPage()) {
      serviceNow ??= readTime(page.date)
      for (const item of page.segment.blobItems) {
        const { leaseState, leaseDuration, lastModified } = item.properties
        if (item.name === names.fencing) stored = storedSlots(item.metadata)
        const ticket = ticketOf(names.queuePrefix, item.name)
        if (ticket !== undefined) {
          entries.push({
            ticket,
            leased: leaseState === 'leased',
            modifiedAt: entryTime(lastModified),
            waiter: identityFromMetadata(item.metadata),
            infinite: leaseDuration === 'infinite',
            nextLeaseId: publishedLeaseId(item.metadata),
            // Read as the queue's own listing reads it: who goes first decides who is handed a slot.
            ...priorityFromMetadata(item.metadata),
          })
          continue
        }
        const slot = slotOf(names.slotsPrefix, item.name, maxSlot)
        if (slot === undefined) continue
        slots.set(slot, slotViewOf(slot, item))
      }
    }
  } catch (err) {
    if (!isMissing(err)) throw err
  }
  entries.sort((a, b) => a.ticket - b.ticket)
  return { queue: { entries, serviceNow: serviceNow ?? new Date(), complete: true }, slots, stored }
}
