// One lock = one blob in a container, leased by whoever holds the lock. This
// module and the queue's (queue-blobs.ts) are the ones that talk to storage;
// they turn Azure's answers into the few outcomes the waiter and the renewer
// reason about. LockBlob here is the lease and the records on it (the holder
// record, the fencing token, the kept sequence); what else is done to the
// blob lives beside it, each in its own file, over the same blob
// (blob-access.ts): holds (lock-blob-hold.ts), breaking (lock-blob-break.ts),
// letting go (lock-blob-let-go.ts) and what people read (lock-listing.ts).
// What Azure's refusals mean is in lease-answers.ts.

import type { BlobClient, ContainerClient } from '@azure/storage-blob'
import { leaseBreakCommand } from './az-commands.ts'
import type { BlobAccess } from './blob-access.ts'
import type { BreakRecord } from './break-record.ts'
import { bumpCounter, counterValue } from './counter.ts'
import { storageErrorCode, statusCode } from './errors.ts'
import { FENCING_KEY, holderFromMetadata, holderToMetadata, isHolderKey, type HolderRecord } from './holder.ts'
import { holdFromMetadata, isHoldKey, standingHold, type HoldRecord } from './deploy/hold.ts'
import { handedToTicket, type HandoverLook, type HandoverTarget, type LetGoOutcome } from './queue/handover.ts'
import { isLeaseGone, isMissing } from './lease-answers.ts'
import { breakEverySlot, breakLease, type BreakOutcome, type SlotsBreak } from './lock-blob-break.ts'
import { liftHold, placeHold, takeOverHold } from './lock-blob-hold.ts'
import { letGo } from './lock-blob-let-go.ts'
import { readLockStatus } from './lock-listing.ts'
import type { LockStatus } from './lock-status.ts'
import { LatestBlobs } from './deploy/latest-blobs.ts'
import { LATEST_KEPT_KEY, METADATA_LIMIT, keptSequence, metadataSize, raisedKept } from './deploy/latest-kept.ts'
import { parseSequence, staleByKept, type SupersedeSpec } from './deploy/latest.ts'
import { QueueBlobs } from './queue/queue-blobs.ts'
import { DEFAULT_REQUEST_TIMEOUT_MS, withDeadline } from './request.ts'
import { reservedNames, slotBlobName, slotOf } from './reserved.ts'
import { readTime } from './service-time.ts'
import { SlotsBlobs } from './queue/slots-blobs.ts'
import type { SlotsAccess } from './store.ts'
import { MAX_SLOTS, SLOTS_KEY, keptSlots, servedTickets, type SlotBlobSeen } from './queue/slots.ts'
import type { LockSpec } from './spec.ts'
import { containerClientFor, type ClientOptions, type StorageAuth } from './storage.ts'
import type { AcquireOutcome, LeaseView, LockStore } from './store.ts'
import type { RequestOptions } from './request.ts'

// What the faces import from here: the answers, breaking and the listing live beside the lease core.

/** Room kept for the fencing token and the number of slots, which a holder's write may add after the list. */
const KEPT_RESERVE = FENCING_KEY.length + 16 + SLOTS_KEY.length + 3

/** Sets a metadata key whatever case it was read in (keys are case-insensitive); undefined removes it. */
function setKey(metadata: Record<string, string>, key: string, value: string | undefined): void {
  for (const name of Object.keys(metadata)) if (name.toLowerCase() === key) delete metadata[name]
  if (value !== undefined) metadata[key] = value
}

export class LockBlob implements LockStore {
  private readonly container: ContainerClient
  /** The blob this store leases: the lock blob, or with slots the blob of the slot it is on (slots.ts). */
  private blob: BlobClient
  private readonly fencing: BlobClient
  /** The lock's number of slots, as this job asks for it; 1 without slots. */
  private readonly slotCount: number
  /** The slot this store's lease is on: 1 is the lock blob. */
  private slotNumber: number
  /** With more than one slot: the look at every slot and the agreement on their number (slots-blobs.ts). */
  readonly slotted: SlotsAccess | undefined
  private readonly requestTimeoutMs: number
  readonly name: string
  readonly queue: QueueBlobs
  readonly latest: LatestBlobs
  /** The service's clock in the answer of the last acquire that was granted. */
  grantedAt: Date | undefined
  /** What the renewer last wrote to refresh the holder record, and the ETag Azure gave it. */
  private written: { metadata: Record<string, string>; etag: string } | undefined

  constructor(
    container: ContainerClient,
    name: string,
    options: { requestTimeoutMs?: number; slots?: number; slot?: number } = {},
  ) {
    this.container = container
    this.name = name
    this.slotCount = options.slots ?? 1
    this.slotNumber = options.slot ?? 1
    this.blob = container.getBlobClient(slotBlobName(name, this.slotNumber))
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    this.fencing = container.getBlobClient(reservedNames(name).fencing)
    this.queue = new QueueBlobs(container, name, this.requestTimeoutMs)
    this.latest = new LatestBlobs(container, name, this.requestTimeoutMs)
    this.slotted =
      this.slotCount > 1
        ? new SlotsBlobs(container, name, {
            count: this.slotCount,
            requestTimeoutMs: this.requestTimeoutMs,
            location: this.location,
            viewLock: (opts) => (this.slotNumber === 1 ? this : this.atSlot(1)).view(opts),
            open: (slot) => this.atSlot(slot),
            kept: (signal) => this.keptOutsideCounter(signal),
          })
        : undefined
  }

  /** The same lock, on another slot's blob: what the waiter leases once it has picked a slot. */
  private atSlot(slot: number): LockBlob {
    return new LockBlob(this.container, this.name, {
      requestTimeoutMs: this.requestTimeoutMs,
      slots: this.slotCount,
      slot,
    })
  }

  /** The slot this store's lease is on: 1 (the lock blob) without slots. */
  get slot(): number {
    return this.slotNumber
  }

  /** Moves this store to another slot's blob: the renewer learns which one main took only once it holds it. */
  useSlot(slot: number): void {
    if (slot === this.slotNumber) return
    this.slotNumber = slot
    this.blob = this.container.getBlobClient(slotBlobName(this.name, slot))
    this.written = undefined
  }

  private request<T>(options: RequestOptions, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withDeadline(options, this.requestTimeoutMs, call)
  }

  /** A description of where the lock lives, without credentials: account/container/blob. */
  get location(): string {
    return `${this.container.accountName}/${this.container.containerName}/${this.name}`
  }

  get shortName(): string {
    return `${this.container.containerName}/${this.name}`
  }

  get breakCommand(): string {
    return leaseBreakCommand(this.container, this.blob.name)
  }

  /** One HEAD request: the lease state, the holder record, and how old the record is by the service's clock. */
  async view(options: RequestOptions = {}): Promise<LeaseView> {
    try {
      const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }))
      const record = holderFromMetadata(props.metadata)
      if (props.leaseState === 'leased' || props.leaseState === 'breaking') {
        const infinite = props.leaseDuration === 'infinite'
        const hold = standingHold({ state: 'leased', infinite }, holdFromMetadata(props.metadata))
        return {
          state: 'leased',
          holder: record,
          infinite,
          modifiedAt: readTime(props.lastModified),
          serviceNow: readTime(props.date),
          ...(hold ? { hold, etag: props.etag, metadata: props.metadata ?? {} } : {}),
          // Only while no new record is written: the head's record replaces the mark.
          handedTo: record ? undefined : handedToTicket(props.metadata),
        }
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
      const answer = await this.request(options, (abortSignal) =>
        this.blob.getBlobLeaseClient(leaseId).acquireLease(durationSeconds, { abortSignal }),
      )
      // When the lease began by the service's clock: one clock for every job that uses the lock.
      this.grantedAt = readTime(answer.date)
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
  async writeHolder(
    leaseId: string,
    record: HolderRecord,
    options: RequestOptions = {},
    fencingToken?: Promise<number>,
    checked?: () => void,
  ): Promise<void> {
    const sequence = record.supersedeKey === undefined ? undefined : parseSequence(record.sequence)
    const supersede = sequence === undefined ? undefined : { key: record.supersedeKey!, sequence }
    await this.request(options, (abortSignal) =>
      this.updateHolderKeys(leaseId, holderToMetadata(record), abortSignal, { fencingToken, supersede, checked }),
    )
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
   *
   * With `fencingToken`, the fencing token this client is taking (see
   * nextFencingToken) goes on the blob too, in the same write: no request is
   * added. It waits for the token after the read, so the two run side by side.
   * Once the token came (the counter agreed with our number of slots), the
   * number goes on the blob beside it (SLOTS_KEY, 1 included): the lock
   * blob and the slot blobs keep it where deleting .azure-mutex/ does not reach
   * it, and a counter created again takes it from there (keptOutsideCounter).
   *
   * With `supersede` (a holder with a supersede key), the sequence the lock
   * blob keeps for the key (latest-kept.ts) is checked in the same read, under
   * our lease, and raised to ours in the same write: a higher one throws the
   * stale LockSupersededError before anything is written; `checked` is called
   * once the check has passed.
   */
  private async updateHolderKeys(
    leaseId: string,
    wanted: Record<string, string> | undefined | Promise<Record<string, string> | undefined>,
    abortSignal: AbortSignal,
    {
      fencingToken,
      supersede,
      checked,
    }: { fencingToken?: Promise<number>; supersede?: SupersedeSpec; checked?: () => void } = {},
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const props = await this.blob.getProperties({ abortSignal, conditions: { leaseId } })
      if (supersede) {
        const kept = keptSequence(props.metadata, supersede.key)
        if (kept !== undefined && kept > supersede.sequence) throw staleByKept(this.location, kept, supersede.sequence)
        checked?.()
      }
      // A record still being worked out (the handover mark waits for a look at the queue) is awaited after the read.
      const record = await wanted
      const current = Object.entries(props.metadata ?? {})
      // A hold record goes with the holder record: a new holder's record, or none, means no hold stands.
      const ours = (key: string): boolean => isHolderKey(key) || isHoldKey(key)
      if (!record && !current.some(([key]) => ours(key))) return
      const metadata = { ...Object.fromEntries(current.filter(([key]) => !ours(key))), ...record }
      if (supersede) {
        // What the rest leaves of the 8 KiB, the token and the number of slots (written below) counted in.
        setKey(metadata, LATEST_KEPT_KEY, undefined)
        const room = METADATA_LIMIT - metadataSize(metadata) - LATEST_KEPT_KEY.length - KEPT_RESERVE
        setKey(metadata, LATEST_KEPT_KEY, raisedKept(props.metadata, supersede.key, supersede.sequence, room))
      }
      const token = await fencingToken?.catch(() => undefined)
      if (token !== undefined) {
        // Never lower: a counter that someone else started again at 1 must not take the record down with it.
        const recorded = counterValue(metadata[FENCING_KEY]) ?? 0
        metadata[FENCING_KEY] = String(Math.max(token, recorded))
        setKey(metadata, SLOTS_KEY, String(this.slotCount))
      }
      try {
        await this.blob.setMetadata(metadata, { abortSignal, conditions: { leaseId, ifMatch: props.etag } })
        return
      } catch (err) {
        if (storageErrorCode(err) !== 'ConditionNotMet' || attempt >= 3) throw err
      }
    }
  }

  /**
   * What the operations beside the lease core (status, break, holds, letting
   * go) work with: this store's blob as it is now, its container and its
   * requests under the store's deadline (blob-access.ts).
   */
  private get access(): BlobAccess {
    // The blob is read at each use, as the methods did: useSlot may move this store to another slot's blob.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this
    return {
      container: this.container,
      get blob() {
        return store.blob
      },
      name: this.name,
      location: this.location,
      latest: this.latest,
      request: (options, call) => this.request(options, call),
      updateHolderKeys: (leaseId, wanted, abortSignal) => this.updateHolderKeys(leaseId, wanted, abortSignal),
      atSlot: (slot) => this.atSlot(slot).access,
      granted: (at) => (this.grantedAt = at),
    }
  }

  /** The lock's state for people, or 'missing' (lock-listing.ts readLockStatus). */
  status(options: RequestOptions = {}): Promise<LockStatus | 'missing'> {
    return readLockStatus(this.access, options)
  }

  /** Breaks whatever lease the blob has, at once, and writes the break record (lock-blob-break.ts). */
  breakLease(
    describe: (holder: HolderRecord | undefined, brokenAt: Date | undefined) => BreakRecord,
    options: RequestOptions = {},
  ): Promise<BreakOutcome> {
    return breakLease(this.access, describe, options)
  }

  /** Breaks the lease on every slot of the lock (lock-blob-break.ts). */
  breakEverySlot(
    describe: (holder: HolderRecord | undefined, brokenAt: Date | undefined) => BreakRecord,
    options: RequestOptions = {},
  ): Promise<SlotsBreak> {
    return breakEverySlot(this.access, describe, options)
  }

  /**
   * Turns our lease into a hold (lock-blob-hold.ts). Returns the service's
   * clock in the answer that made it infinite.
   */
  placeHold(
    leaseId: string,
    holder: HolderRecord,
    hold: HoldRecord,
    options: RequestOptions = {},
  ): Promise<Date | undefined> {
    return placeHold(this.access, leaseId, holder, hold, options)
  }

  /** Takes over a run's hold under our own lease id (lock-blob-hold.ts); 'refused' when its id is not the lease's. */
  takeOverHold(
    holdLeaseId: string,
    leaseId: string,
    durationSeconds: number,
    options: RequestOptions = {},
  ): Promise<'taken' | 'refused'> {
    return takeOverHold(this.access, holdLeaseId, leaseId, durationSeconds, options)
  }

  /**
   * Ends an expired hold (see hold.ts) as a lift does (liftHold): its lease
   * goes to `target`, the head of the queue, or is released, so the lock is
   * never free while jobs wait in line. Conditional throughout on the lease id
   * the hold record names and on the ETag of the read that showed the hold:
   * Azure refuses when the blob changed since that read, or when the id is
   * not the lease's (a forged record on somebody else's lease), and nothing
   * is changed then. Of several that end the same hold at once, one does.
   */
  endHold(
    look: Extract<LeaseView, { state: 'leased' }>,
    note: BreakRecord,
    target: Promise<HandoverTarget | undefined>,
    options: RequestOptions = {},
  ): Promise<LetGoOutcome | { outcome: 'refused' }> {
    return liftHold(this.access, look, note, target, options)
  }

  /** Lifts a hold by letting go of its lease as a holder does (lock-blob-hold.ts); 'refused' when it is not as read. */
  liftHold(
    look: Extract<LeaseView, { state: 'leased' }>,
    note: BreakRecord,
    target: Promise<HandoverTarget | undefined>,
    options: RequestOptions = {},
  ): Promise<LetGoOutcome | { outcome: 'refused' }> {
    return liftHold(this.access, look, note, target, options)
  }

  /**
   * Rewrites the metadata under our lease, unchanged, so that the blob's
   * Last-Modified shows waiters that the holder record is alive. One Set
   * Metadata with our lease id: while the lease is ours nobody else can change
   * the metadata, so what we wrote last is still there, and the If-Match on
   * its ETag proves it. A 412 (our own other writer, or a lost lease) reads
   * once and writes again. A blob without our holder keys is left alone.
   */
  async refreshHolder(leaseId: string, options: RequestOptions = {}): Promise<void> {
    await this.request(options, async (abortSignal) => {
      for (let attempt = 1; ; attempt++) {
        if (!this.written) {
          const props = await this.blob.getProperties({ abortSignal, conditions: { leaseId } })
          const metadata = props.metadata ?? {}
          if (!Object.keys(metadata).some(isHolderKey)) return
          this.written = { metadata, etag: props.etag ?? '' }
        }
        try {
          const answer = await this.blob.setMetadata(this.written.metadata, {
            abortSignal,
            conditions: { leaseId, ifMatch: this.written.etag },
          })
          this.written = { metadata: this.written.metadata, etag: answer.etag ?? '' }
          return
        } catch (err) {
          this.written = undefined
          if (storageErrorCode(err) !== 'ConditionNotMet' || attempt >= 2) throw err
        }
      }
    })
  }

  /**
   * The next fencing token for this lock. Call it while holding the lease:
   * the counter lives in its own blob (go-azuremutex rewrites the lock blob
   * and its metadata on every acquire), and the caller proves the token by
   * confirming the lease afterwards (a renewal), so no later holder can have
   * a smaller token.
   *
   * The token is also kept on the lock blob (FENCING_KEY): give this call's
   * promise to writeHolder, which runs beside it under the same lease. A counter
   * that is missing (deleted, with or without the whole .azure-mutex/
   * folder) is created above that recorded token, so tokens never go
   * backwards; that costs one more request, only then.
   */
  nextFencingToken(options: RequestOptions = {}): Promise<number> {
    return this.request(options, (abortSignal) =>
      bumpCounter(this.fencing, abortSignal, {
        seed: (signal) => this.keptOutsideCounter(signal),
        // The counter keeps the lock's number of slots: a job that asks for another one gives its lease back.
        slots: { asked: this.slotCount, location: this.location },
      }),
    ).then((bumped) => bumped.value)
  }

  /**
   * What the fencing counter keeps that is also kept where deleting the
   * .azure-mutex/ folder does not reach it, for a counter created again: the
   * last token recorded on the lock blob and on the slot blobs (FENCING_KEY),
   * and the lock's number of slots (keptSlots). One HEAD of the lock blob and
   * one listing of the slot blobs, side by side, asked for only when the
   * counter is missing; a credential that may not list reads the lock blob only.
   */
  private async keptOutsideCounter(abortSignal: AbortSignal): Promise<{ value: number; slots?: number }> {
    const onLock = async (): Promise<Record<string, string> | undefined> => {
      try {
        return (await this.container.getBlobClient(this.name).getProperties({ abortSignal })).metadata ?? {}
      } catch (err) {
        if (isMissing(err)) return undefined
        throw err
      }
    }
    const onSlots = async (): Promise<SlotBlobSeen[]> => {
      const prefix = reservedNames(this.name).slotsPrefix
      const seen: SlotBlobSeen[] = []
      try {
        for await (const page of this.container
          .listBlobsFlat({ abortSignal, prefix, includeMetadata: true })
          .byPage()) {
          for (const item of page.segment.blobItems) {
            const slot = slotOf(prefix, item.name, MAX_SLOTS)
            if (slot === undefined) continue
            const { leaseState } = item.properties
            seen.push({ slot, leased: leaseState === 'leased' || leaseState === 'breaking', metadata: item.metadata })
          }
        }
      } catch (err) {
        if (!isMissing(err) && statusCode(err) !== 403) throw err
      }
      return seen
    }
    const [lock, slots] = await Promise.all([onLock(), onSlots()])
    const token = Math.max(
      counterValue(lock?.[FENCING_KEY]) ?? 0,
      ...slots.map((s) => counterValue(s.metadata?.[FENCING_KEY]) ?? 0),
    )
    const count = keptSlots(lock, slots)
    return { value: token, ...(count !== undefined ? { slots: count } : {}) }
  }

  /**
   * Renews our lease; throws when it fails (see isLeaseGone for a definite
   * loss). Returns the answer's Date header: the service's clock, which
   * displayed times are told by (service-time.ts).
   */
  async renew(leaseId: string, options: RequestOptions = {}): Promise<Date | undefined> {
    const answer = await this.request(options, (abortSignal) =>
      this.blob.getBlobLeaseClient(leaseId).renewLease({ abortSignal }),
    )
    return readTime(answer.date)
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

  /**
   * What letting go looks at (handover.ts): the queue alone without slots;
   * with slots, one look at the queue and every slot (slots-blobs.ts), so
   * that the lease goes to the first waiter not yet handed or holding a slot.
   */
  async handoverLook(options: RequestOptions = {}): Promise<HandoverLook> {
    if (!this.slotted) return this.queue.look(options)
    const { queue, slots } = await this.slotted.look(options)
    return { ...queue, served: servedTickets(slots) }
  }

  /**
   * Lets go under our lease (lock-blob-let-go.ts): hands the lease to
   * `target`, the head of the queue, else releases it.
   */
  letGo(
    leaseId: string,
    target: Promise<HandoverTarget | undefined>,
    options: RequestOptions = {},
  ): Promise<LetGoOutcome> {
    return letGo(this.access, leaseId, target, options)
  }
}

/** The lock a spec names, signed with the given credential; no request is made. */
export function openLock(
  auth: StorageAuth,
  spec: LockSpec,
  options: ClientOptions & { requestTimeoutMs?: number } = {},
): LockBlob {
  const container = containerClientFor({ endpoint: spec.endpoint, auth }, spec.container, options)
  return new LockBlob(container, spec.lockName, {
    requestTimeoutMs: options.requestTimeoutMs,
    slots: spec.slots,
    slot: spec.slot,
  })
}
