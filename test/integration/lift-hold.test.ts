// Lifting a hold against Azurite (lock/deploy/lift-hold.ts): the hold's lease goes to
// the head of the queue under the id it published, or is released when nobody
// waits; the note says who lifted it and why; a hold the caller may not lift,
// a running job's lease, and a record forged beside another client's lease
// are left alone.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { BlobClient } from '@azure/storage-blob'
import { breakFromMetadata } from '../../src/lock/break-record.ts'
import { holdToMetadata, setFreeze, type HoldRecord } from '../../src/lock/deploy/hold.ts'
import { liftHold } from '../../src/lock/deploy/lift-hold.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor } from '../support/lock.ts'

const LIFTER = { repository: 'octo/ops', runId: '9', runUrl: '', actor: 'mona' }

describe('lifting a hold', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  /** A lock frozen for an hour, as the hold step leaves it. */
  async function frozen(): Promise<{ lock: LockBlob; hold: HoldRecord; blob: BlobClient }> {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'production-deploy')
    await lock.create()
    const leaseId = randomUUID()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    const holder = { ...holderFor('octo/ops'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(leaseId, holder)
    const hold = await setFreeze(
      lock,
      { repository: 'octo/ops', runId: '7', runUrl: '', actor: 'mona' },
      {
        lock: { endpoint: '', container: '', lockName: '', leaseDurationSeconds: 15 },
        reason: 'freeze',
        end: { kind: 'for', ms: 3_600_000 },
      },
      { leaseId, holder, acquiredAt: new Date(), fencingToken: 1 },
    )
    return { lock, hold, blob: container.getBlobClient('production-deploy') }
  }

  async function metadataOf(blob: BlobClient): Promise<Record<string, string>> {
    return (await blob.getProperties()).metadata ?? {}
  }

  it('with nobody waiting, releases the lease, removes the hold and notes who lifted it and why', async () => {
    const { lock, blob } = await frozen()
    const lifted = await liftHold(lock, { lifter: LIFTER, reason: 'incident over', force: false })
    assert.equal(lifted.outcome, 'lifted')
    assert.deepEqual(lifted.outcome === 'lifted' && lifted.letGo, { outcome: 'released' })
    assert.equal((await lock.view()).state, 'free')
    const metadata = await metadataOf(blob)
    assert.ok(!Object.keys(metadata).some((key) => key.startsWith('hold_')), JSON.stringify(metadata))
    const note = breakFromMetadata(metadata)
    assert.equal(note?.reason, 'incident over')
    assert.equal(note?.actor, 'mona')
  })

  it("hands the lease to the head of the queue under the id it published: never free, the hold's id dead", async () => {
    const { lock, hold, blob } = await frozen()
    const { ticket } = await lock.queue.claimTicket()
    const headLeaseId = randomUUID()
    assert.equal(await lock.queue.enter(ticket, holderFor('octo/app'), randomUUID(), 15, {}, headLeaseId), 'entered')
    const lifted = await liftHold(lock, { lifter: LIFTER, reason: 'over', force: false })
    assert.equal(lifted.outcome === 'lifted' && lifted.letGo.outcome, 'handed-over')
    const view = await lock.view()
    assert.equal(view.state, 'leased', 'never free')
    assert.equal(view.state === 'leased' && view.infinite, false, 'a fixed lease: it lapses if the head is gone')
    assert.equal(view.state === 'leased' && view.handedTo, ticket)
    // The head's id renews it; the hold's does not.
    await blob.getBlobLeaseClient(headLeaseId).renewLease()
    await assert.rejects(blob.getBlobLeaseClient(hold.leaseId).renewLease())
  })

  it('hands the lease to a high-priority waiter further back than the first few entries: it is the head', async () => {
    const { lock } = await frozen()
    for (let i = 0; i < 6; i++) {
      const { ticket } = await lock.queue.claimTicket()
      assert.equal(
        await lock.queue.enter(ticket, holderFor(`octo/app-${i}`), randomUUID(), 15, {}, randomUUID()),
        'entered',
      )
    }
    const { ticket: urgent } = await lock.queue.claimTicket()
    const entered = await lock.queue.enter(urgent, holderFor('octo/hotfix'), randomUUID(), 15, {}, randomUUID(), 'high')
    assert.equal(entered, 'entered')
    const lifted = await liftHold(lock, { lifter: LIFTER, reason: 'hotfix', force: false })
    assert.equal(lifted.outcome === 'lifted' && lifted.letGo.outcome, 'handed-over')
    assert.equal(
      lifted.outcome === 'lifted' && lifted.letGo.outcome === 'handed-over' && lifted.letGo.to.ticket,
      urgent,
    )
  })

  it("leaves alone a hold the caller may not lift, and a running job's lease unless forced", async () => {
    const { lock } = await frozen()
    const other = await liftHold(lock, { lifter: LIFTER, reason: 'x', force: false, accept: () => false })
    assert.equal(other.outcome, 'left-alone')
    assert.equal(other.outcome === 'left-alone' && other.seen.hold?.reason, 'freeze')
    assert.equal((await lock.view()).state, 'leased')

    const job = new LockBlob(containerOn(azurite), 'production-deploy')
    await job.create()
    const leaseId = randomUUID()
    assert.equal(await job.acquire(leaseId, 15), 'acquired')
    await job.writeHolder(leaseId, { ...holderFor('octo/app'), acquiredAt: new Date().toISOString() })
    assert.equal((await liftHold(job, { lifter: LIFTER, reason: 'x', force: false })).outcome, 'left-alone')
    await job.renew(leaseId)
    assert.equal((await liftHold(job, { lifter: LIFTER, reason: 'x', force: true })).outcome, 'broken')
  })

  it("does not lift a hold record forged beside another client's infinite lease", async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'production-deploy')
    await lock.create()
    const blob = container.getBlobClient('production-deploy')
    const forged: HoldRecord = {
      scope: 'freeze',
      reason: 'forged',
      setBy: 'x',
      repository: 'x/y',
      runId: '1',
      runUrl: '',
      setAt: '2020-01-01T00:00:00.000Z',
      until: '',
      leaseId: randomUUID(),
      fencingToken: '1',
    }
    await blob.setMetadata(holdToMetadata(forged))
    const theirs = randomUUID()
    await blob.getBlobLeaseClient(theirs).acquireLease(-1)
    const lifted = await liftHold(lock, { lifter: LIFTER, reason: 'x', force: false })
    assert.equal(lifted.outcome, 'left-alone')
    await blob.getBlobLeaseClient(theirs).renewLease()
    assert.equal(breakFromMetadata(await metadataOf(blob)), undefined, 'nothing written')
  })
})
