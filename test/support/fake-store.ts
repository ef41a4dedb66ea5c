// An in-memory lock and queue for unit tests of the waiter's logic: the same
// interfaces as LockBlob and QueueBlobs (src/lock/store.ts), with the service's
// rules that the waiter relies on (one lease at a time, leases that lapse, a
// leased entry that cannot be deleted, a lease changed to the head's id as a
// holder lets go, slot blobs beside the lock blob), and a log of every request
// made. Blobs keep their metadata as storage does, written and read with the
// same codecs as LockBlob's; the storage contract
// (test/integration/store-contract.test.ts) runs the same cases on this fake
// and on LockBlob over Azurite, so that the two cannot drift apart.

import { breakToMetadata, isBreakKey, type BreakRecord } from '../../src/lock/break-record.ts'
import {
  holdFromMetadata,
  holdToMetadata,
  isHoldKey,
  standingHold,
  type HoldRecord,
} from '../../src/lock/deploy/hold.ts'
import {
  LATEST_KEPT_KEY,
  METADATA_LIMIT,
  keptSequence,
  metadataSize,
  raisedKept,
} from '../../src/lock/deploy/latest-kept.ts'
import { parseSequence, staleByKept } from '../../src/lock/deploy/latest.ts'
import {
  FENCING_KEY,
  holderFromMetadata,
  holderToMetadata,
  identityFromMetadata,
  identityToMetadata,
  isHolderKey,
  type HolderIdentity,
  type HolderRecord,
} from '../../src/lock/holder.ts'
import {
  handedToMetadata,
  handedToTicket,
  publishLeaseId,
  publishedLeaseId,
  type HandoverLook,
  type HandoverTarget,
  type LetGoOutcome,
} from '../../src/lock/queue/handover.ts'
import { priorityFromMetadata, priorityToMetadata } from '../../src/lock/queue/priority.ts'
import {
  SLOTS_KEY,
  SlotsMismatchError,
  servedTickets,
  slotsMismatchMessage,
  type SlotView,
} from '../../src/lock/queue/slots.ts'
import type { AcquireOutcome, LeaseView, LockStore, QueueStore } from '../../src/lock/store.ts'
import type { Priority, QueueEntry, QueueLook, TicketClaim } from '../../src/lock/queue/entry.ts'
import type { SlotsAccess, SlotsLook } from '../../src/lock/store.ts'
import type { RequestOptions } from '../../src/lock/request.ts'

/** An error shaped as the SDK's RestError, as storage answers a refused request. */
function refused(statusCode: number, code: string): Error {
  return Object.assign(new Error(`${statusCode} ${code}`), { statusCode, code, details: { errorCode: code } })
}

/** A lock blob, or a slot blob: its lease and its metadata. */
class FakeBlob {
  exists = true
  leaseId: string | undefined
  /** When the lease lapses (Date.now() time); Infinity for an infinite one. */
  leaseUntil = Infinity
  infinite = false
  metadata: Record<string, string> = {}
  etag = 1
  modifiedAt = new Date()

  get leased(): boolean {
    return this.leaseId !== undefined && this.leaseUntil > Date.now()
  }

  heldBy(leaseId: string): boolean {
    return this.leased && this.leaseId === leaseId
  }

  write(metadata: Record<string, string>): void {
    this.metadata = metadata
    this.etag++
    this.modifiedAt = new Date()
  }

  lease(leaseId: string, durationSeconds: number): void {
    this.leaseId = leaseId
    this.infinite = durationSeconds < 0
    this.leaseUntil = durationSeconds < 0 ? Infinity : Date.now() + durationSeconds * 1000
  }

  free(): void {
    this.leaseId = undefined
    this.infinite = false
  }

  get quotedEtag(): string {
    return `"0x${this.etag.toString(16).padStart(15, '0')}"`
  }
}

interface FakeEntry {
  waiter: HolderIdentity
  leaseId: string | undefined
  leaseUntil: number
  /** The length of the entry's lease, which a renewal gives it again. */
  leaseMs?: number
  modifiedAt: Date
  /** An infinite lease, as a stranger may take on an entry. */
  infinite?: boolean
  /** The priority the entry says (lock/queue/priority.ts). */
  priority?: Priority
  /** The lock's lease id its waiter publishes for a handover (handover.ts). */
  nextLeaseId?: string
}

/** The storage that several fake stores share, as waiters in different jobs share one account. */
export class FakeWorld {
  /** The container the lock, its queue and its slots live in. */
  containerExists = true
  /** The lock blob (slot 1) and the slot blobs 2..N. */
  readonly blobs = new Map<number, FakeBlob>([[1, new FakeBlob()]])
  readonly entries = new Map<number, FakeEntry>()
  tickets = 0
  ticketAt: Date | undefined
  fencing = 0
  /** The number of slots the fencing counter keeps (slots.ts); undefined: none yet. */
  slotsKept: number | undefined
  /** Every request, as 'kind' (view, acquire, list, ...), in order. */
  readonly requests: string[] = []
  /** Requests of these kinds throw this error instead of answering. */
  failing: { kinds: Set<string>; error: unknown } | undefined

  /** Storage with nothing in it: no container, no lock blob. */
  static empty(): FakeWorld {
    const world = new FakeWorld()
    world.containerExists = false
    world.lock.exists = false
    return world
  }

  get lock(): FakeBlob {
    return this.blobs.get(1)!
  }

  /** The blob of a slot, made (missing) on first use. */
  blob(slot: number): FakeBlob {
    let blob = this.blobs.get(slot)
    if (!blob) {
      blob = new FakeBlob()
      blob.exists = false
      this.blobs.set(slot, blob)
    }
    return blob
  }

  get lockExists(): boolean {
    return this.lock.exists
  }

  set lockExists(exists: boolean) {
    this.lock.exists = exists
    if (exists) this.containerExists = true
  }

  /** The id of the lock blob's lease; kept after the lease lapses, as Azure keeps it until someone else leases. */
  get lockLeaseId(): string | undefined {
    return this.lock.leaseId
  }

  get lockInfinite(): boolean {
    return this.lock.infinite
  }

  get lockModifiedAt(): Date {
    return this.lock.modifiedAt
  }

  /** The holder record on the lock blob, as storage would read it back. */
  get holder(): HolderRecord | undefined {
    return holderFromMetadata(this.lock.metadata)
  }

  note(kind: string): void {
    this.requests.push(kind)
    if (this.failing?.kinds.has(kind)) throw this.failing.error
  }

  count(kind: string): number {
    return this.requests.filter((k) => k === kind).length
  }

  /** A client that does not queue takes the lease (as go-azuremutex or az CLI would). */
  leaseDirectly(leaseId: string, holder?: HolderRecord, infinite = false): void {
    const lock = this.lock
    lock.lease(leaseId, infinite ? -1 : 60)
    // Such a lease is renewed for as long as the test needs it.
    lock.leaseUntil = Infinity
    lock.write({ ...withoutHolderKeys(lock.metadata), ...(holder ? holderToMetadata(holder) : {}) })
  }

  releaseDirectly(): void {
    const lock = this.lock
    lock.free()
    lock.write(withoutHolderKeys(lock.metadata))
  }

  /** Adds an entry with an infinite lease, as a stranger might. */
  squat(ticket: number, waiter: HolderIdentity): void {
    this.entries.set(ticket, {
      waiter,
      leaseId: `squat-${ticket}`,
      leaseUntil: Infinity,
      modifiedAt: new Date(),
      infinite: true,
    })
    this.tickets = Math.max(this.tickets, ticket)
  }

  /** Adds an entry as another waiter would, leased for `leaseMs` (0: never leased). */
  addEntry(
    ticket: number,
    waiter: HolderIdentity,
    leaseMs: number,
    modifiedAt = new Date(),
    priority?: Priority,
    nextLeaseId?: string,
  ): void {
    this.entries.set(ticket, {
      waiter,
      leaseId: leaseMs > 0 ? `lease-${ticket}` : undefined,
      leaseUntil: Date.now() + leaseMs,
      leaseMs,
      modifiedAt,
      ...(priority ? { priority } : {}),
      ...(nextLeaseId ? { nextLeaseId } : {}),
    })
    this.tickets = Math.max(this.tickets, ticket)
  }

  /** Lets `ms` pass for every lease: each ends that much sooner (infinite ones never). */
  elapse(ms: number): void {
    for (const blob of this.blobs.values()) blob.leaseUntil -= ms
    for (const entry of this.entries.values()) entry.leaseUntil -= ms
  }

  /** Breaks an entry's lease at once: it is no longer leased, and its waiter can no longer renew it. */
  breakEntry(ticket: number): void {
    const entry = this.entries.get(ticket)
    if (entry) entry.leaseId = undefined
  }
}

/** The holder keys (and a hold's, which go with them) removed: what a release or a new record leaves. */
function withoutHolderKeys(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => !isHolderKey(key) && !isHoldKey(key)))
}

/** Sets a metadata key whatever case it was read in; undefined removes it. */
function setKey(metadata: Record<string, string>, key: string, value: string | undefined): void {
  for (const name of Object.keys(metadata)) if (name.toLowerCase() === key) delete metadata[name]
  if (value !== undefined) metadata[key] = value
}

const isLeased = (entry: FakeEntry): boolean => entry.leaseId !== undefined && entry.leaseUntil > Date.now()

class FakeQueue implements QueueStore {
  private readonly world: FakeWorld
  private readonly log: string[]
  constructor(world: FakeWorld, log: string[]) {
    this.world = world
    this.log = log
  }

  private note(kind: string): void {
    this.log.push(kind)
    this.world.note(kind)
  }

  /** The entries as a listing shows them: what each says read back through the codecs storage uses. */
  listed(): QueueEntry[] {
    return [...this.world.entries.entries()]
      .sort(([a], [b]) => a - b)
      .map(([ticket, entry]) => ({
        ticket,
        leased: isLeased(entry),
        modifiedAt: entry.modifiedAt,
        waiter: identityFromMetadata(identityToMetadata(entry.waiter)),
        infinite: entry.infinite === true,
        nextLeaseId: entry.nextLeaseId === undefined ? undefined : publishedLeaseId(publishLeaseId(entry.nextLeaseId)),
        ...(entry.priority ? priorityFromMetadata(priorityToMetadata(entry.priority)) : {}),
      }))
  }

  async look(options: RequestOptions & { upTo?: number; limit?: number }): Promise<QueueLook> {
    this.note('list')
    let entries = this.listed()
    let complete = true
    if (options.limit !== undefined && entries.length > options.limit) {
      entries = entries.slice(0, options.limit)
      complete = false
    }
    return { entries, serviceNow: new Date(), complete }
  }

  async claimTicket(): Promise<TicketClaim> {
    this.note('claim')
    const previousAt = this.world.ticketAt
    this.world.tickets++
    this.world.ticketAt = new Date()
    // The first ticket creates the counter: that answer carries no time, and nothing came before it.
    if (!previousAt) return { ticket: this.world.tickets }
    return { ticket: this.world.tickets, previousAt, serviceNow: new Date() }
  }

  async enter(
    ticket: number,
    waiter: HolderIdentity,
    leaseId: string,
    leaseSeconds: number,
    _options?: RequestOptions,
    lockLeaseId?: string,
    priority?: Priority,
  ): Promise<'entered' | 'missing' | 'taken'> {
    this.note('enter')
    if (!this.world.containerExists) return 'missing'
    const there = this.world.entries.get(ticket)
    if (there && isLeased(there) && there.leaseId !== leaseId) return 'taken'
    const lease = { leaseId, leaseUntil: Date.now() + leaseSeconds * 1000, leaseMs: leaseSeconds * 1000 }
    // An entry that exists is never written again (If-None-Match: *): only its lease is taken.
    if (there) Object.assign(there, lease)
    else
      this.world.entries.set(ticket, {
        waiter,
        ...lease,
        modifiedAt: new Date(),
        ...(priority ? { priority } : {}),
        ...(lockLeaseId ? { nextLeaseId: lockLeaseId } : {}),
      })
    return 'entered'
  }

  async renewEntry(ticket: number, leaseId: string): Promise<'renewed' | 'gone'> {
    this.note('renew-entry')
    const entry = this.world.entries.get(ticket)
    if (!entry || entry.leaseId !== leaseId) return 'gone'
    entry.leaseUntil = Date.now() + (entry.leaseMs || 15_000)
    return 'renewed'
  }

  async leave(ticket: number, leaseId: string): Promise<void> {
    this.note('leave')
    const entry = this.world.entries.get(ticket)
    // Azure refuses to delete an entry leased under another id.
    if (entry && isLeased(entry) && entry.leaseId !== leaseId) throw refused(412, 'LeaseIdMismatchWithBlobOperation')
    this.world.entries.delete(ticket)
  }

  clearCommands(ticket: number): string {
    return `az storage blob lease break --blob-name q/${ticket} && az storage blob delete --blob-name q/${ticket}`
  }

  async sweep(ticket: number): Promise<void> {
    this.note('sweep')
    const entry = this.world.entries.get(ticket)
    if (entry && !isLeased(entry)) this.world.entries.delete(ticket)
  }
}

/** A slot as a look shows it (slots-blobs.ts: slotViewOf and the lock blob's view). */
function slotView(slot: number, blob: FakeBlob): SlotView {
  if (!blob.exists) return { slot, state: 'missing' }
  if (!blob.leased) return { slot, state: 'free' }
  const holder = holderFromMetadata(blob.metadata)
  return {
    slot,
    state: 'leased',
    holder,
    infinite: blob.infinite,
    ...(holder ? {} : { handedTo: handedToTicket(blob.metadata) }),
  }
}

class FakeSlots implements SlotsAccess {
  readonly count: number
  private readonly world: FakeWorld
  private readonly store: FakeStore
  private lastLock: SlotView | undefined

  constructor(world: FakeWorld, store: FakeStore, count: number) {
    this.world = world
    this.store = store
    this.count = count
  }

  async agree(): Promise<void> {
    this.store.note('agree')
    const kept = this.world.slotsKept
    if (kept === undefined) {
      if (this.world.containerExists) this.world.slotsKept = this.count
      return
    }
    if (kept !== this.count) {
      throw new SlotsMismatchError(slotsMismatchMessage(this.store.location, kept, this.count, 'fake/fencing'))
    }
  }

  async look(_options: RequestOptions, { lock = true } = {}): Promise<SlotsLook> {
    this.store.note('list')
    if (lock) this.store.note('view')
    const queue: QueueLook = { entries: this.store.fakeQueue.listed(), serviceNow: new Date(), complete: true }
    if (lock) this.lastLock = slotView(1, this.world.lock)
    const slots: SlotView[] = [this.lastLock ?? { slot: 1, state: 'leased' }]
    for (let slot = 2; slot <= this.count; slot++) slots.push(slotView(slot, this.world.blob(slot)))
    return { queue, slots, lockSeen: lock }
  }

  open(slot: number): LockStore {
    return this.store.atSlot(slot)
  }
}

export class FakeStore implements LockStore {
  readonly location = 'acct/locks/fake'
  readonly shortName = 'locks/fake'
  readonly breakCommand = 'az storage blob lease break --account-name acct --container-name locks --blob-name fake'
  readonly queue: QueueStore
  readonly fakeQueue: FakeQueue
  /** This store's own requests, in order (the world logs everybody's). */
  readonly requests: string[]
  readonly slotted: SlotsAccess | undefined
  grantedAt: Date | undefined
  private readonly world: FakeWorld
  private readonly slotCount: number
  private readonly slot: number

  /**
   * `slots` as the job asks for them (more than one: the store is slotted);
   * `slot`, the slot whose blob this store leases (1, the lock blob).
   */
  constructor(world: FakeWorld, options: { slots?: number; slot?: number; requests?: string[] } = {}) {
    this.world = world
    this.slotCount = options.slots ?? 1
    this.slot = options.slot ?? 1
    this.requests = options.requests ?? []
    this.fakeQueue = new FakeQueue(world, this.requests)
    this.queue = this.fakeQueue
    this.slotted = this.slotCount > 1 ? new FakeSlots(world, this, this.slotCount) : undefined
  }

  /** The same lock on another slot's blob, logging into this store's requests. */
  atSlot(slot: number): FakeStore {
    return new FakeStore(this.world, { slots: this.slotCount, slot, requests: this.requests })
  }

  private get blob(): FakeBlob {
    return this.world.blob(this.slot)
  }

  /** Logs a request of this store (the world logs everybody's) and fails it as `world.failing` says. */
  note(kind: string): void {
    this.requests.push(kind)
    this.world.note(kind)
  }

  async view(): Promise<LeaseView> {
    this.note('view')
    const blob = this.blob
    if (!blob.exists) return { state: 'missing' }
    const holder = holderFromMetadata(blob.metadata)
    if (!blob.leased) return { state: 'free', staleHolder: holder }
    const hold = standingHold({ state: 'leased', infinite: blob.infinite }, holdFromMetadata(blob.metadata))
    return {
      state: 'leased',
      holder,
      infinite: blob.infinite,
      modifiedAt: blob.modifiedAt,
      serviceNow: new Date(),
      ...(hold ? { hold, etag: blob.quotedEtag, metadata: { ...blob.metadata } } : {}),
      handedTo: holder ? undefined : handedToTicket(blob.metadata),
    }
  }

  async create(): Promise<'blob' | 'container' | 'nothing'> {
    this.note('create')
    const blob = this.blob
    const container = !this.world.containerExists
    this.world.containerExists = true
    if (blob.exists) return container ? 'container' : 'nothing'
    blob.exists = true
    return container ? 'container' : 'blob'
  }

  async acquire(leaseId: string, durationSeconds = 15): Promise<AcquireOutcome> {
    this.note('acquire')
    const blob = this.blob
    if (!this.world.containerExists || !blob.exists) return 'missing'
    if (blob.leased && blob.leaseId !== leaseId) return 'held-by-other'
    blob.lease(leaseId, durationSeconds)
    this.grantedAt = new Date()
    return 'acquired'
  }

  /** Refused as storage refuses a write under an id that is not the lease's. */
  private under(leaseId: string): FakeBlob {
    const blob = this.blob
    if (!blob.exists) throw refused(404, 'BlobNotFound')
    if (!blob.heldBy(leaseId)) {
      throw refused(412, blob.leased ? 'LeaseIdMismatchWithBlobOperation' : 'LeaseNotPresentWithBlobOperation')
    }
    return blob
  }

  async writeHolder(
    leaseId: string,
    record: HolderRecord,
    _options?: RequestOptions,
    fencingToken?: Promise<number>,
    checked?: () => void,
  ): Promise<void> {
    this.note('write-holder')
    const blob = this.under(leaseId)
    const read = { ...blob.metadata }
    const sequence = record.supersedeKey === undefined ? undefined : parseSequence(record.sequence)
    if (sequence !== undefined) {
      const kept = keptSequence(read, record.supersedeKey!)
      if (kept !== undefined && kept > sequence) throw staleByKept(this.location, kept, sequence)
      checked?.()
    }
    const metadata = { ...withoutHolderKeys(read), ...holderToMetadata(record) }
    if (sequence !== undefined) {
      setKey(metadata, LATEST_KEPT_KEY, undefined)
      const room = METADATA_LIMIT - metadataSize(metadata) - LATEST_KEPT_KEY.length - 64
      setKey(metadata, LATEST_KEPT_KEY, raisedKept(read, record.supersedeKey!, sequence, room))
    }
    const token = await fencingToken?.catch(() => undefined)
    if (token !== undefined) {
      metadata[FENCING_KEY] = String(Math.max(token, Number(read[FENCING_KEY] ?? 0) || 0))
      setKey(metadata, SLOTS_KEY, String(this.slotCount))
    }
    this.under(leaseId).write(metadata)
  }

  async release(leaseId: string): Promise<'released' | 'not-held'> {
    this.note('release')
    const blob = this.blob
    if (!blob.exists || !blob.heldBy(leaseId)) return 'not-held'
    const kept = withoutHolderKeys(blob.metadata)
    if (Object.keys(kept).length !== Object.keys(blob.metadata).length) blob.write(kept)
    blob.free()
    return 'released'
  }

  /** The next token; the counter keeps the lock's number of slots, and a job that asks for another gets none. */
  async nextFencingToken(): Promise<number> {
    this.note('fencing')
    const kept = this.world.slotsKept
    if (kept !== undefined && kept !== this.slotCount) {
      throw new SlotsMismatchError(slotsMismatchMessage(this.location, kept, this.slotCount, 'fake/fencing'), kept)
    }
    this.world.slotsKept = this.slotCount
    return ++this.world.fencing
  }

  /** Turns our lease into a hold as LockBlob.placeHold does: the records first, then an infinite lease. */
  async placeHold(leaseId: string, holder: HolderRecord, hold: HoldRecord): Promise<Date> {
    this.note('place-hold')
    const blob = this.under(leaseId)
    const kept: HolderRecord = { ...holder }
    delete kept.leaseSeconds
    blob.write({ ...withoutHolderKeys(blob.metadata), ...holderToMetadata(kept), ...holdToMetadata(hold) })
    blob.lease(leaseId, -1)
    return new Date()
  }

  async endHold(
    look: Extract<LeaseView, { state: 'leased' }>,
    note: BreakRecord,
    target: Promise<HandoverTarget | undefined>,
  ): Promise<LetGoOutcome | { outcome: 'refused' }> {
    this.note('end-hold')
    const hold = look.hold
    const blob = this.blob
    if (!hold || !look.etag || !blob.exists || blob.quotedEtag !== look.etag) return { outcome: 'refused' }
    // An acquire with the hold's id, If-Match on the ETag read: refused unless that id is the lease's, or none is.
    if (blob.leased && blob.leaseId !== hold.leaseId) return { outcome: 'refused' }
    blob.lease(hold.leaseId, 15)
    const kept = Object.entries(look.metadata ?? {}).filter(([key]) => !isBreakKey(key))
    blob.write({ ...Object.fromEntries(kept), ...breakToMetadata(note) })
    return this.letGo(hold.leaseId, target)
  }

  /**
   * Takes over a run's hold as LockBlob does: an acquire with the hold's id
   * (granted while that id is the lease's, or when nobody holds one), then a
   * change to ours.
   */
  async takeOverHold(holdLeaseId: string, leaseId: string, durationSeconds: number): Promise<'taken' | 'refused'> {
    this.note('take-over-hold')
    const blob = this.blob
    if (!this.world.containerExists || !blob.exists) return 'refused'
    if (blob.leased && blob.leaseId !== holdLeaseId) return 'refused'
    blob.lease(leaseId, durationSeconds)
    this.grantedAt = new Date()
    return 'taken'
  }

  /** What letting go looks at: the queue, and with slots the tickets already served. */
  async handoverLook(options: RequestOptions = {}): Promise<HandoverLook> {
    if (!this.slotted) return this.queue.look(options)
    const { queue, slots } = await this.slotted.look(options)
    return { ...queue, served: servedTickets(slots) }
  }

  /**
   * Lets go under our lease as LockBlob does: clears our record, and with a
   * target marks the blob with its ticket and changes the lease to its id
   * (keeping the lease's time), else releases it.
   */
  async letGo(
    leaseId: string,
    target: Promise<HandoverTarget | undefined>,
    _options?: RequestOptions,
  ): Promise<LetGoOutcome> {
    this.note('let-go')
    const blob = this.blob
    if (!blob.exists || !blob.heldBy(leaseId)) return { outcome: 'not-held' }
    const to = await target
    const mark = to ? handedToMetadata(to.ticket) : undefined
    const kept = withoutHolderKeys(blob.metadata)
    if (mark || Object.keys(kept).length !== Object.keys(blob.metadata).length) blob.write({ ...kept, ...mark })
    if (!blob.heldBy(leaseId)) return { outcome: 'not-held' }
    if (to) {
      blob.leaseId = to.leaseId
      return { outcome: 'handed-over', to }
    }
    blob.free()
    return { outcome: 'released' }
  }
}
