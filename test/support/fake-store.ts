// An in-memory lock and queue for unit tests of the waiter's logic: the same
// interfaces as LockBlob and QueueBlobs (src/lock/store.ts), with the service's
// rules that the waiter relies on (one lease at a time, leases that lapse, a
// leased entry that cannot be deleted), and a log of every request made.

import type { HolderIdentity, HolderRecord } from '../../src/lock/holder.ts'
import type { Priority } from '../../src/lock/queue/entry.ts'
import type { AcquireOutcome, LeaseView, LockStore, QueueStore } from '../../src/lock/store.ts'
import type { QueueEntry, QueueLook, TicketClaim } from '../../src/lock/queue/entry.ts'
import type { RequestOptions } from '../../src/lock/request.ts'

interface FakeEntry {
  waiter: HolderIdentity
  leaseId: string | undefined
  leaseUntil: number
  modifiedAt: Date
  /** An infinite lease, as a stranger may take on an entry. */
  infinite?: boolean
  /** The priority the entry says (lock/queue/priority.ts). */
  priority?: Priority
}

/** The storage that several fake stores share, as waiters in different jobs share one account. */
export class FakeWorld {
  lockExists = true
  lockLeaseId: string | undefined
  lockInfinite = false
  holder: HolderRecord | undefined
  lockModifiedAt = new Date()
  readonly entries = new Map<number, FakeEntry>()
  tickets = 0
  ticketAt: Date | undefined
  fencing = 0
  /** Every request, as 'kind' (view, acquire, list, ...), in order. */
  readonly requests: string[] = []
  /** Requests of these kinds throw this error instead of answering. */
  failing: { kinds: Set<string>; error: unknown } | undefined

  note(kind: string): void {
    this.requests.push(kind)
    if (this.failing?.kinds.has(kind)) throw this.failing.error
  }

  count(kind: string): number {
    return this.requests.filter((k) => k === kind).length
  }

  /** A client that does not queue takes the lease (as go-azuremutex or az CLI would). */
  leaseDirectly(leaseId: string, holder?: HolderRecord, infinite = false): void {
    this.lockLeaseId = leaseId
    this.holder = holder
    this.lockInfinite = infinite
  }

  releaseDirectly(): void {
    this.lockLeaseId = undefined
    this.holder = undefined
    this.lockInfinite = false
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
  ): void {
    this.entries.set(ticket, {
      waiter,
      leaseId: leaseMs > 0 ? `lease-${ticket}` : undefined,
      leaseUntil: Date.now() + leaseMs,
      modifiedAt,
      ...(priority ? { priority } : {}),
    })
    this.tickets = Math.max(this.tickets, ticket)
  }
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

  async look(options: RequestOptions & { upTo?: number; limit?: number }): Promise<QueueLook> {
    this.note('list')
    let entries: QueueEntry[] = [...this.world.entries.entries()]
      .sort(([a], [b]) => a - b)
      .map(([ticket, entry]) => ({
        ticket,
        leased: isLeased(entry),
        modifiedAt: entry.modifiedAt,
        waiter: entry.waiter,
        infinite: entry.infinite === true,
        ...(entry.priority ? { priority: entry.priority } : {}),
      }))
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
    return { ticket: this.world.tickets, previousAt, serviceNow: new Date() }
  }

  async enter(
    ticket: number,
    waiter: HolderIdentity,
    leaseId: string,
    leaseSeconds: number,
  ): Promise<'entered' | 'taken'> {
    this.note('enter')
    const there = this.world.entries.get(ticket)
    if (there && isLeased(there) && there.leaseId !== leaseId) return 'taken'
    this.world.entries.set(ticket, {
      waiter,
      leaseId,
      leaseUntil: Date.now() + leaseSeconds * 1000,
      modifiedAt: new Date(),
    })
    return 'entered'
  }

  async renewEntry(ticket: number, leaseId: string): Promise<'renewed' | 'gone'> {
    this.note('renew-entry')
    const entry = this.world.entries.get(ticket)
    if (!entry || entry.leaseId !== leaseId) return 'gone'
    entry.leaseUntil = Date.now() + 15_000
    return 'renewed'
  }

  async leave(ticket: number): Promise<void> {
    this.note('leave')
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

export class FakeStore implements LockStore {
  readonly location = 'acct/locks/fake'
  readonly shortName = 'locks/fake'
  readonly breakCommand = 'az storage blob lease break --account-name acct --container-name locks --blob-name fake'
  readonly queue: QueueStore
  /** This store's own requests, in order (the world logs everybody's). */
  readonly requests: string[] = []
  private readonly world: FakeWorld

  constructor(world: FakeWorld) {
    this.world = world
    this.queue = new FakeQueue(world, this.requests)
  }

  private note(kind: string): void {
    this.requests.push(kind)
    this.world.note(kind)
  }

  async view(): Promise<LeaseView> {
    this.note('view')
    const w = this.world
    if (!w.lockExists) return { state: 'missing' }
    if (w.lockLeaseId === undefined) return { state: 'free', staleHolder: w.holder }
    return {
      state: 'leased',
      holder: w.holder,
      infinite: w.lockInfinite,
      modifiedAt: w.lockModifiedAt,
      serviceNow: new Date(),
    }
  }

  async create(): Promise<'blob' | 'nothing'> {
    this.note('create')
    if (this.world.lockExists) return 'nothing'
    this.world.lockExists = true
    return 'blob'
  }

  async acquire(leaseId: string): Promise<AcquireOutcome> {
    this.note('acquire')
    const w = this.world
    if (!w.lockExists) return 'missing'
    if (w.lockLeaseId !== undefined && w.lockLeaseId !== leaseId) return 'held-by-other'
    w.lockLeaseId = leaseId
    return 'acquired'
  }

  async writeHolder(leaseId: string, record: HolderRecord): Promise<void> {
    this.note('write-holder')
    if (this.world.lockLeaseId !== leaseId) throw Object.assign(new Error('lease lost'), { statusCode: 412 })
    this.world.holder = record
    this.world.lockModifiedAt = new Date()
  }

  async release(leaseId: string): Promise<'released' | 'not-held'> {
    this.note('release')
    if (this.world.lockLeaseId !== leaseId) return 'not-held'
    this.world.releaseDirectly()
    return 'released'
  }

  async nextFencingToken(): Promise<number> {
    this.note('fencing')
    return ++this.world.fencing
  }

  /** The fake world has no holds: an end is always refused. */
  async endHold(): Promise<{ outcome: 'refused' }> {
    this.note('end-hold')
    return { outcome: 'refused' }
  }

  /** Nor run holds to take over. */
  async takeOverHold(): Promise<'refused'> {
    this.note('take-over-hold')
    return 'refused'
  }
}
