// Looking at locks (status, listing a container) and breaking a lease, against
// Azurite: what each reports, what a break writes and keeps, and the race in
// which a waiter takes the lease before the break record is written.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { newBreakRecord } from '../../src/lock/break-record.ts'
import type { HolderRecord } from '../../src/lock/holder.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { containerOn, holderFor, lockOn } from '../support/lock.ts'
import { isLeaseGone } from '../../src/lock/lease-answers.ts'
import { listLocks } from '../../src/lock/lock-listing.ts'

const OPERATOR = {
  repository: 'octo/ops',
  runId: '99',
  runUrl: 'https://github.com/octo/ops/actions/runs/99',
  actor: 'hubot',
}

describe('lock status and break', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  /** A lock blob held by our kind of holder (a 15 s lease and a record); returns its lease id and record. */
  async function heldByUs(lock: LockBlob, repository = 'octo/api') {
    await lock.create()
    const leaseId = randomUUID()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    const holder = { ...holderFor(repository), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(leaseId, holder)
    return { leaseId, holder }
  }

  /** How a look shows our kind of record: heldByUs writes none of its lease duration, so it cannot be dated. */
  const undated = (record: HolderRecord) => ({ record, freshness: { kind: 'unknown-age' }, infinite: false })

  it('says missing, free, held with a fixed lease, and held with an infinite foreign lease', async () => {
    const container = `s${randomUUID().slice(0, 8)}`
    const lock = lockOn(azurite, 'deploy', container)
    assert.equal(await lock.status(), 'missing')
    await lock.create()
    assert.deepEqual(await lock.status(), { name: 'deploy', held: false, leaseState: 'available', queue: [] })

    const { leaseId, holder } = await heldByUs(lock)
    assert.deepEqual(await lock.status(), {
      name: 'deploy',
      held: true,
      leaseState: 'leased',
      leaseKind: 'fixed',
      holder,
      seen: undated(holder),
      queue: [],
    })
    await lock.release(leaseId)

    const foreign = lockOn(azurite, 'foreign', container)
    await foreign.create()
    await containerOn(azurite, container).getBlobClient('foreign').getBlobLeaseClient().acquireLease(-1)
    assert.deepEqual(await foreign.status(), {
      name: 'foreign',
      held: true,
      leaseState: 'leased',
      leaseKind: 'infinite',
      seen: { record: undefined, freshness: { kind: 'unknown-age' }, infinite: true },
      queue: [],
    })
  })

  it('lists every lock of a container in name order, leaving out the reserved prefix', async () => {
    const name = `l${randomUUID().slice(0, 8)}`
    const container = containerOn(azurite, name)
    assert.equal(await listLocks(container), 'missing', 'a container that does not exist')
    await container.createIfNotExists()
    assert.deepEqual(await listLocks(container), [])
    const { holder } = await heldByUs(lockOn(azurite, 'b-held', name))
    await lockOn(azurite, 'a-free', name).create()
    await lockOn(azurite, 'team/c-free', name).create()
    await lockOn(azurite, '.azure-mutex/queue/b-held', name).create()
    assert.deepEqual(await listLocks(container), [
      { name: 'a-free', held: false, leaseState: 'available', queue: [] },
      {
        name: 'b-held',
        held: true,
        leaseState: 'leased',
        leaseKind: 'fixed',
        holder,
        seen: undated(holder),
        queue: [],
      },
      { name: 'team/c-free', held: false, leaseState: 'available', queue: [] },
    ])
  })

  it('breaks a held lease at once and writes who broke it, keeping the holder record and others’ keys', async () => {
    const container = `b${randomUUID().slice(0, 8)}`
    const lock = lockOn(azurite, 'deploy', container)
    const { leaseId, holder } = await heldByUs(lock)
    const blob = containerOn(azurite, container).getBlobClient('deploy')
    const props = await blob.getProperties({ conditions: { leaseId } })
    await blob.setMetadata({ ...props.metadata, owner: 'platform-team' }, { conditions: { leaseId } })

    const brokenAt = new Date()
    const outcome = await lock.breakLease((found) =>
      newBreakRecord(OPERATOR, 'hung deploy: ünïcode ok', brokenAt, found),
    )
    assert.equal(outcome.outcome, 'broken')
    assert.ok(outcome.outcome === 'broken' && outcome.recorded)
    assert.deepEqual(outcome.holder, holder, 'it says whose lease it broke')

    const status = await lock.status()
    assert.ok(status !== 'missing')
    assert.equal(status.held, false)
    // Azure keeps 'broken' until the next lease; Azurite says 'available' once the record is written.
    assert.ok(['broken', 'available'].includes(status.leaseState), status.leaseState)
    assert.deepEqual(status.lastBreak, {
      ...OPERATOR,
      reason: 'hung deploy: ünïcode ok',
      brokenAt: brokenAt.toISOString(),
      holderRepository: 'octo/api',
      holderRunId: '7',
      holderAcquiredAt: holder.acquiredAt,
    })
    const metadata = (await blob.getProperties()).metadata ?? {}
    assert.equal(metadata.owner, 'platform-team')
    assert.equal(metadata.holder_repository, 'octo/api', 'the former holder record stays until the next holder')

    await assert.rejects(lock.renew(leaseId), (err) => isLeaseGone(err), "the former holder's renewal finds it gone")
    const next = randomUUID()
    assert.equal(await lock.acquire(next, 15), 'acquired', 'a waiter takes the lock at once')
    await lock.release(next)
    assert.equal((await blob.getProperties()).metadata?.break_actor, 'hubot', 'the release keeps the break record')
  })

  it('breaks nothing and writes nothing when the lock is free or missing', async () => {
    const container = `n${randomUUID().slice(0, 8)}`
    const lock = lockOn(azurite, 'deploy', container)
    const describe = () => newBreakRecord(OPERATOR, 'why', new Date(), undefined)
    assert.deepEqual(await lock.breakLease(describe), { outcome: 'missing' })
    await lock.create()
    assert.deepEqual(await lock.breakLease(describe), { outcome: 'not-held' })
    assert.deepEqual((await containerOn(azurite, container).getBlobClient('deploy').getProperties()).metadata, {})
  })

  it('breaks an infinite foreign lease, with no holder record to name', async () => {
    const container = `f${randomUUID().slice(0, 8)}`
    const lock = lockOn(azurite, 'deploy', container)
    await lock.create()
    await containerOn(azurite, container).getBlobClient('deploy').getBlobLeaseClient().acquireLease(-1)
    const outcome = await lock.breakLease((found) => newBreakRecord(OPERATOR, 'stuck client', new Date(), found))
    assert.ok(outcome.outcome === 'broken' && outcome.recorded && outcome.holder === undefined)
    const status = await lock.status()
    assert.ok(status !== 'missing' && !status.held && status.lastBreak?.holderAcquiredAt === '')
  })

  it('says the record was not written when a waiter takes the lease first', async () => {
    const proxy = await new FaultProxy(azurite.port).start()
    try {
      const container = `r${randomUUID().slice(0, 8)}`
      await heldByUs(lockOn(azurite, 'deploy', container))
      const throughProxy = new LockBlob(
        containerOn({ ...azurite, blobEndpoint: proxy.blobEndpoint }, container),
        'deploy',
      )
      // Hold the break step's metadata write until a waiter has taken the lease.
      proxy.set({ hold: (req) => req.method === 'PUT' && (req.url ?? '').includes('comp=metadata') })
      const breaking = throughProxy.breakLease((found) => newBreakRecord(OPERATOR, 'why', new Date(), found))
      while (proxy.count('metadata', 'held') === 0) await delay(10)
      const waiter = lockOn(azurite, 'deploy', container)
      assert.equal(await waiter.acquire(randomUUID(), 15), 'acquired')
      proxy.release()
      const outcome = await breaking
      assert.ok(outcome.outcome === 'broken' && !outcome.recorded, JSON.stringify(outcome))
      const status = await waiter.status()
      assert.ok(status !== 'missing' && status.held && status.lastBreak === undefined)
    } finally {
      await proxy.stop()
    }
  })
})
