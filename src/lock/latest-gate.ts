// Latest wins, as the waiter meets it (deploy/latest.ts decides): a waiter
// with a supersede key checks the queue and its key's record on arrival and
// just before every acquire, and raises the record to its sequence under the
// lease. Superseded or stale throws, before any lease is asked for.

import { LockError } from './errors.ts'
import type { HolderRecord } from './holder.ts'
import { LatestGuard, parseSequence, type SupersedeSpec } from './deploy/latest.ts'
import type { LockStore } from './store.ts'
import type { WaitEvent } from './wait-report.ts'
import type { LatestRead } from './deploy/latest-read.ts'
import type { QueueLook } from './queue/entry.ts'
import type { RequestOptions } from './request.ts'

export class LatestGate {
  /** Decides superseded and stale. */
  private readonly guard: LatestGuard
  /** The key's record as last read before an acquire: its ETag is what our record is written over. */
  private latestRead: LatestRead | undefined
  /** Every key's record that the last listing read, for the lines. */
  private records: HolderRecord[] | undefined

  constructor(supersede: SupersedeSpec, store: LockStore, emit: (event: WaitEvent) => void) {
    this.guard = new LatestGuard(
      supersede,
      store.location,
      (malformed) => emit({ type: 'malformed-sequence', ...malformed }),
      (far) => {
        const command = far.where === 'the record of the key' ? store.latest?.deleteCommand?.(supersede.key) : undefined
        emit({ type: 'far-sequence', ...far, ...(command ? { clearCommand: command } : {}) })
      },
    )
  }

  /** Every key's record the last listing read. */
  get recordsSeen(): HolderRecord[] | undefined {
    return this.records
  }

  /** The key whose record a listing of the queue reads as well; undefined with a store without records. */
  key(store: LockStore): string | undefined {
    return store.latest ? this.guard.spec.key : undefined
  }

  /**
   * A listing of the queue (`ticket`: ours, when we are in it): keeps the
   * records it read, and throws when a newer job of our key waits.
   */
  checkListing(look: QueueLook, ticket: number | undefined): void {
    if (look.records) this.records = look.records
    this.guard.checkQueue(look.entries, look.serviceNow, ticket)
  }

  /**
   * On arrival, from the first listing: leave before joining, and before any
   * acquire, when a newer job of our key waits or has held.
   */
  async arrive(look: QueueLook, store: LockStore, call: () => RequestOptions): Promise<void> {
    this.checkListing(look, undefined)
    this.latestRead = look.latest ?? (await this.readLatest(store, call))
    await this.checkLatest(store, this.latestRead, call)
  }

  /**
   * Just before an acquire: one listing of the whole queue, which reads our
   * key's record too (a separate read only when it did not reach it). Throws
   * when we are superseded or stale. A waiter outside the queue (it may not
   * list) reads the record alone, and can only be stale.
   */
  async decide(
    store: LockStore,
    call: () => RequestOptions,
    where: { outside: boolean; ticket: number | undefined },
  ): Promise<void> {
    let latest: LatestRead | undefined
    if (!where.outside) {
      const look = await store.queue.look({ ...call(), latestKey: this.key(store) })
      this.checkListing(look, where.ticket)
      latest = look.latest
    }
    this.latestRead = latest ?? (await this.readLatest(store, call))
    await this.checkLatest(store, this.latestRead, call)
  }

  /** Starts reading our key's record, with a store that can read it. */
  private readLatest(store: LockStore, call: () => RequestOptions): Promise<LatestRead> | undefined {
    if (!store.latest) return undefined
    return store.latest.read(this.guard.spec.key, call())
  }

  /**
   * Decides stale from our key's record as read: a record whose blob a
   * stranger leased fails the job at once (it could never be written, and no
   * lease or token is taken for it); a record with a higher sequence makes us
   * stale; no record at all (the key is new, or the .azure-mutex/ folder was
   * deleted) asks the lock blob, which keeps each key's sequence too
   * (latest-kept.ts): one more request, only then.
   */
  private async checkLatest(store: LockStore, read: LatestRead | undefined, call: () => RequestOptions): Promise<void> {
    const guard = this.guard
    const latest = store.latest
    if (read?.leased && latest?.leasedError) throw latest.leasedError(guard.spec.key)
    guard.checkRecord(read?.record)
    if (read?.record || !latest?.readKept) return
    guard.checkKept(await latest.readKept(guard.spec.key, call()))
  }

  /**
   * Under the lease: raises our key's record to our sequence. The write is
   * conditional on the record read before the acquire; if another write came
   * between (a newer job that held and left in that moment), it is read again
   * and decided again, and a stale lease is given back by the caller.
   */
  async record(
    store: LockStore,
    record: HolderRecord,
    call: () => RequestOptions,
    checked: Promise<void>,
  ): Promise<void> {
    const guard = this.guard
    const latest = store.latest
    if (!latest) return
    let read = this.latestRead ?? (await latest.read(guard.spec.key, call()))
    for (let tries = 0; tries < 3; tries++) {
      if (read.leased && latest.leasedError) throw latest.leasedError(guard.spec.key)
      guard.checkRecord(read.record)
      const same = read.record?.supersedeKey === guard.spec.key
      // A re-run of the job that holds the record: it says so already.
      if (same && parseSequence(read.record?.sequence) === guard.spec.sequence) return
      // Not before the lock blob's sequence is checked under our lease: a stale job must not lower the record.
      await checked
      if ((await latest.write(guard.spec.key, record, read.etag, call())) === 'written') return
      read = await latest.read(guard.spec.key, call())
    }
    throw new LockError(`The record of the supersede key of lock ${store.location} keeps changing; try again.`)
  }
}
