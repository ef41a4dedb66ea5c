// One lock = one blob in a container, leased by whoever holds the lock. This
// module and the queue's (queue-blobs.ts) are the ones that talk to storage;
// they turn Azure's answers into the few outcomes the waiter and the renewer
// reason about.

import { setTimeout as delay } from 'node:timers/promises'
import type { BlobClient, ContainerClient } from '@azure/storage-blob'
import { leaseBreakCommand } from './az-commands.ts'
import { breakToMetadata, isBreakKey, type BreakRecord } from './break-record.ts'
import { monotonicNow } from './clock.ts'
import { bumpCounter, counterValue } from './counter.ts'
import { isTransient, storageErrorCode, statusCode } from './errors.ts'
import {
  FENCING_KEY,
  holderFromMetadata,
  holderToMetadata,
  identityFromMetadata,
  isHolderKey,
  type HolderRecord,
} from './holder.ts'
import { holdFromMetadata, holdToMetadata, isHoldKey, standingHold, type HoldRecord } from './deploy/hold.ts'
import {
  handedToMetadata,
  handedToTicket,
  type HandoverLook,
  type HandoverTarget,
  type LetGoOutcome,
} from './queue/handover.ts'
import { prioritiesOf, squattersOf, statusOf, waitersOf, type LockStatus } from './lock-status.ts'
import { priorityFromMetadata } from './queue/priority.ts'
import { LatestBlobs } from './deploy/latest-blobs.ts'
import { LATEST_KEPT_KEY, METADATA_LIMIT, keptSequence, metadataSize, raisedKept } from './deploy/latest-kept.ts'
import { parseSequence, staleByKept, type SupersedeSpec } from './deploy/latest.ts'
import { LEASE_SECONDS } from './lease.ts'
import { QueueBlobs } from './queue/queue-blobs.ts'
import { DEFAULT_REQUEST_TIMEOUT_MS, withDeadline } from './request.ts'
import { RESERVED_PREFIX, reservedNames, slotBlobName, slotOf, ticketOf } from './reserved.ts'
import { entryTime, readTime } from './service-time.ts'
import { SlotsBlobs, listLockFolder, slotViewOf } from './queue/slots-blobs.ts'
import type { SlotsAccess } from './store.ts'
import {
  MAX_SLOTS,
  SLOTS_KEY,
  keptSlots,
  servedTickets,
  slotsHeld,
  storedSlots,
  type SlotBlobSeen,
  type SlotView,
} from './queue/slots.ts'
import type { LockSpec } from './spec.ts'
import { containerClientFor, type ClientOptions, type StorageAuth } from './storage.ts'
import type { AcquireOutcome, LeaseView, LockStore } from './store.ts'
import type { QueueEntry } from './queue/entry.ts'
import type { RequestOptions } from './request.ts'

export type { AcquireOutcome, LeaseView } from './store.ts'
export type { RequestOptions } from './request.ts'

/** What breaking every slot did (breakEverySlot): the outcome on each slot it tried, slot 1 first. */
export interface SlotsBreak {
  /** The lock's number of slots, as its counter keeps it (1 when it keeps none). */
  count: number
  slots: Array<{ slot: number } & BreakOutcome>
  /** False when the credential may not list: only slot 1 was looked at. */
  listed: boolean
}

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

/**
 * The lease a lifted hold has while it is handed over: the shortest Azure
 * grants, so that a lifter that dies halfway keeps the queue waiting no longer.
 */
const LIFT_LEASE_SECONDS = LEASE_SECONDS.min

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

/** Room kept for the fencing token and the number of slots, which a holder's write may add after the list. */
const KEPT_RESERVE = FENCING_KEY.length + 16 + SLOTS_KEY.length + 3

/** Sets a metadata key whatever case it was read in (keys are case-insensitive); undefined removes it. */
function setKey(metadata: Record<string, string>, key: string, value: string | undefined): void {
  for (const name of Object.keys(metadata)) if (name.toLowerCase() === key) delete metadata[name]
  if (value !== undefined) metadata[key] = value
}

function isMissing(err: unknown): boolean {
  const code = storageErrorCode(err)
  return statusCode(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined)
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
   * The lock's state for people (status), or 'missing': one HEAD request, and
   * one listing of its queue. Read-only. A credential that may not list (a
   * SAS without 'l') still gets the state, without the queue.
   */
  async status(options: RequestOptions = {}): Promise<LockStatus | 'missing'> {
    let status: LockStatus
    try {
      const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }))
      status = statusOf(this.name, {
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
      this.request(options, (signal) => listLockFolder(this.container, this.name, MAX_SLOTS, signal)).catch(refused),
      this.latest.list(options).catch(refused),
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

  /**
   * Breaks whatever lease the blob has, at once (break period 0), and writes
   * the break record that `describe` makes for the holder it found. The
   * record is merged with the metadata on the blob (the holder record and
   * others' keys stay). It is written without a lease, as nobody holds one
   * after the break: if a waiter takes the lease first, Azure refuses the
   * write (412) and no record is written, which the outcome says.
   * `describe` is given the service's clock at the break (its answer's Date
   * header), so the record is dated on the clock the former holder's post
   * step judges it by, whatever the breaker's own clock says.
   */
  async breakLease(
    describe: (holder: HolderRecord | undefined, brokenAt: Date | undefined) => BreakRecord,
    options: RequestOptions = {},
  ): Promise<BreakOutcome> {
    return this.request(options, async (abortSignal) => {
      let holder: HolderRecord | undefined
      let brokenAt: Date | undefined
      try {
        const props = await this.blob.getProperties({ abortSignal })
        if (props.leaseState !== 'leased' && props.leaseState !== 'breaking') return { outcome: 'not-held' }
        holder = holderFromMetadata(props.metadata)
        brokenAt = readTime((await this.blob.getBlobLeaseClient().breakLease(0, { abortSignal })).date)
      } catch (err) {
        if (isMissing(err)) return { outcome: 'missing' }
        // Released between the look and the break: there was nothing left to break.
        if (storageErrorCode(err) === 'LeaseNotPresentWithLeaseOperation') return { outcome: 'not-held' }
        throw err
      }
      const record = describe(holder, brokenAt)
      for (let attempt = 1; ; attempt++) {
        try {
          const props = await this.blob.getProperties({ abortSignal })
          // A hold that is broken no longer stands: its record goes, so that no later lease is taken for it.
          const kept = Object.entries(props.metadata ?? {}).filter(([key]) => !isBreakKey(key) && !isHoldKey(key))
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

  /**
   * Breaks the lease on every slot of the lock (slots.ts), as breakLease does
   * on one blob: slot 1, the lock blob, then every slot blob 2..N that one
   * listing of the lock's folder shows leased (whatever number the counter
   * keeps: a slot blob leased beyond it is broken too). Each record is written
   * on its own slot's blob, where that holder's post step reads it. A
   * credential that may not list breaks slot 1 alone, and `listed` says so.
   */
  async breakEverySlot(
    describe: (holder: HolderRecord | undefined, brokenAt: Date | undefined) => BreakRecord,
    options: RequestOptions = {},
  ): Promise<SlotsBreak> {
    const folder = await this.request(options, (signal) =>
      listLockFolder(this.container, this.name, MAX_SLOTS, signal),
    ).catch((err: unknown) => {
      if (statusCode(err) === 403) return undefined
      throw err
    })
    const leased = [...(folder?.slots.values() ?? [])].filter((s) => s.state === 'leased').map((s) => s.slot)
    const [first, ...others] = await Promise.all([
      this.breakLease(describe, options),
      ...leased.map((slot) => this.atSlot(slot).breakLease(describe, options)),
    ])
    const slots = [{ slot: 1, ...first! }, ...others.map((outcome, i) => ({ slot: leased[i]!, ...outcome }))]
    const stored = typeof folder?.stored === 'number' ? folder.stored : 1
    return { count: Math.max(stored, ...slots.map((s) => s.slot)), slots, listed: folder !== undefined }
  }

  /**
   * Turns our lease into a hold (hold.ts): first the holder record (without a
   * lease duration, as nobody refreshes it) and the hold record, under our
   * lease, then the lease itself made infinite (an acquire with our own id and
   * duration -1, which Azure allows on an active lease). In that order, a step
   * that dies between the two leaves a fixed lease that lapses by itself, and
   * never an infinite lease without the record that lets the queue end it.
   * Returns the service's clock in the answer that made it infinite.
   */
  async placeHold(
    leaseId: string,
    holder: HolderRecord,
    hold: HoldRecord,
    options: RequestOptions = {},
  ): Promise<Date | undefined> {
    // No lease duration: nobody refreshes a hold's record, and waiters must not take it for a stale one.
    const kept: HolderRecord = { ...holder }
    delete kept.leaseSeconds
    return this.request(options, async (abortSignal) => {
      await this.updateHolderKeys(leaseId, { ...holderToMetadata(kept), ...holdToMetadata(hold) }, abortSignal)
      const answer = await this.blob.getBlobLeaseClient(leaseId).acquireLease(-1, { abortSignal })
      return readTime(answer.date)
    })
  }

  /**
   * Takes over a run's hold (hold.ts) for a later job of the run: an acquire
   * with the hold's lease id and a fixed duration, which succeeds only while
   * that id is the lease's and turns the infinite lease into one that lapses
   * by itself; then a change of the id to our own. Only from then on is the
   * lease ours alone: the head of the queue ends an expired hold with the
   * hold's id, which no longer works, and a job that dies after the acquire
   * leaves a fixed lease that lapses. 'refused' when the id is not the lease's.
   */
  async takeOverHold(
    holdLeaseId: string,
    leaseId: string,
    durationSeconds: number,
    options: RequestOptions = {},
  ): Promise<'taken' | 'refused'> {
    try {
      await this.request(options, async (abortSignal) => {
        const hold = this.blob.getBlobLeaseClient(holdLeaseId)
        const answer = await hold.acquireLease(durationSeconds, { abortSignal })
        this.grantedAt = readTime(answer.date)
        await hold.changeLease(leaseId, { abortSignal })
      })
      return 'taken'
    } catch (err) {
      if (storageErrorCode(err) === 'LeaseAlreadyPresent' || isLeaseGone(err) || isMissing(err)) return 'refused'
      throw err
    }
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
  async endHold(
    look: Extract<LeaseView, { state: 'leased' }>,
    note: BreakRecord,
    target: Promise<HandoverTarget | undefined>,
    options: RequestOptions = {},
  ): Promise<LetGoOutcome | { outcome: 'refused' }> {
    return this.liftHold(look, note, target, options)
  }

  /**
   * Lifts a hold (lift-hold.ts) by letting go of its lease as a holder does:
   * to the head of the queue when `target` names one, else released. First an
   * acquire with the hold's lease id and a fixed duration, If-Match on the
   * ETag of the read that showed the hold: it succeeds only while that id is
   * the lease's and the blob is as read, and from then on a lifter that dies
   * leaves a lease that lapses by itself, never an infinite one without its
   * record. Then `note` (a break record) is written under that lease, If-Match
   * on the same ETag (a lease operation does not change it, a write does: of
   * two that lift or end the same hold at once, only one gets past this), and
   * letGo clears the hold and hands over. 'refused' when the hold is not as read.
   */
  async liftHold(
    look: Extract<LeaseView, { state: 'leased' }>,
    note: BreakRecord,
    target: Promise<HandoverTarget | undefined>,
    options: RequestOptions = {},
  ): Promise<LetGoOutcome | { outcome: 'refused' }> {
    const hold = look.hold
    if (!hold || !look.etag) return { outcome: 'refused' }
    const kept = Object.entries(look.metadata ?? {}).filter(([key]) => !isBreakKey(key))
    try {
      await this.request(options, async (abortSignal) => {
        await this.blob
          .getBlobLeaseClient(hold.leaseId)
          .acquireLease(LIFT_LEASE_SECONDS, { abortSignal, conditions: { ifMatch: look.etag } })
        await this.blob.setMetadata(
          { ...Object.fromEntries(kept), ...breakToMetadata(note) },
          { abortSignal, conditions: { leaseId: hold.leaseId, ifMatch: look.etag } },
        )
      })
    } catch (err) {
      if (isLeaseGone(err) || statusCode(err) === 412 || statusCode(err) === 409) return { outcome: 'refused' }
      throw err
    }
    return this.letGo(hold.leaseId, target, options)
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
   * Lets go under our lease (handover.ts): clears our record, and when
   * `target` names the head of the queue, marks the blob with its ticket and
   * changes the lease to the head's id instead of releasing it. A change that
   * fails for any other reason than a lost lease falls back to a release.
   */
  async letGo(
    leaseId: string,
    target: Promise<HandoverTarget | undefined>,
    options: RequestOptions = {},
  ): Promise<LetGoOutcome> {
    let to: HandoverTarget | undefined
    /** A change whose answer never came (a network failure): it may have taken effect. */
    let changeUnanswered = false
    const until = monotonicNow() + LET_GO_AGAIN_WITHIN_MS
    try {
      return await this.request(options, async (abortSignal): Promise<LetGoOutcome> => {
        const mark = target.then((found) => {
          to = found
          return found ? handedToMetadata(found.ticket) : undefined
        })
        await againWhileTransient(abortSignal, until, () => this.updateHolderKeys(leaseId, mark, abortSignal))
        const lease = this.blob.getBlobLeaseClient(leaseId)
        if (to) {
          const proposed = to.leaseId
          try {
            // A change asked again after one whose answer was lost succeeds too: the lease is already under that id.
            await againWhileTransient(
              abortSignal,
              until,
              () => lease.changeLease(proposed, { abortSignal }),
              (err) => (changeUnanswered ||= statusCode(err) === undefined),
            )
            return { outcome: 'handed-over', to }
          } catch (err) {
            if (isLeaseGone(err) || abortSignal.aborted) throw err
            changeUnanswered ||= statusCode(err) === undefined
          }
        }
        await againWhileTransient(abortSignal, until, () => lease.releaseLease({ abortSignal }))
        return { outcome: 'released' }
      })
    } catch (err) {
      if (!isLeaseGone(err) && statusCode(err) !== 412) throw err
      // Our id stopped working right after a change whose answer was lost: that change took effect.
      if (changeUnanswered && to && storageErrorCode(err) === 'LeaseIdMismatchWithLeaseOperation')
        return { outcome: 'handed-over', to }
      return { outcome: 'not-held' }
    }
  }
}

/** The pause before letting go asks again what storage refused for a moment (the SDK's own tries came first). */
const LET_GO_PAUSE_MS = 500

/** How long letting go keeps asking again: long enough for a blip, short enough that an outage ends post soon. */
const LET_GO_AGAIN_WITHIN_MS = 5_000

/**
 * Runs `call` again while it fails for a passing reason (throttled, a server
 * error, a cut connection), until `until` (monotonic) or `signal` (letting
 * go's deadline). Letting go must not give up at the first refusal: a holder
 * that gives up leaves its lease to lapse, one whose change gives up releases
 * instead, and either way the lock stands free while jobs wait in line.
 */
async function againWhileTransient<T>(
  signal: AbortSignal,
  until: number,
  call: () => Promise<T>,
  failed?: (err: unknown) => void,
): Promise<T> {
  for (;;) {
    try {
      return await call()
    } catch (err) {
      if (!isTransient(err) || signal.aborted || monotonicNow() + LET_GO_PAUSE_MS >= until) throw err
      failed?.(err)
      await delay(LET_GO_PAUSE_MS, undefined, { signal }).catch(() => Promise.reject(err))
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
