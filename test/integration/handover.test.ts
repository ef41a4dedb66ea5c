// Letting go against Azurite: a change of lease to the head's published id
// when a job waits, a release when none does. The lease-level facts the
// handover rests on (handover.ts, and Change Lease in ../shared/NOTES.md).

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { letGo } from '../../src/lock/queue/handover.ts'
import { holderFromMetadata } from '../../src/lock/holder.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import type { ContainerClient } from '@azure/storage-blob'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor } from '../support/lock.ts'

const WHO = holderFor('octo/holder')

describe('letting go of a lock', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  /** A lock held under a fresh id, with its record written. */
  async function held(): Promise<{ lock: LockBlob; leaseId: string; container: ContainerClient }> {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'production-deploy')
    await lock.create()
    const leaseId = randomUUID()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    await lock.writeHolder(leaseId, { ...WHO, acquiredAt: new Date().toISOString() })
    return { lock, leaseId, container }
  }

  /** A waiter's entry that publishes the lock lease id it will use. */
  async function waiting(lock: LockBlob, repository: string): Promise<{ ticket: number; lockLeaseId: string }> {
    const { ticket } = await lock.queue.claimTicket()
    const lockLeaseId = randomUUID()
    const who = { ...holderFor(repository) }
    assert.equal(await lock.queue.enter(ticket, who, randomUUID(), 15, {}, lockLeaseId), 'entered')
    return { ticket, lockLeaseId }
  }

  it('releases the lease when nobody waits, and clears the record', async () => {
    const { lock, leaseId } = await held()
    assert.deepEqual(await letGo(lock, leaseId), { outcome: 'released' })
    const view = await lock.view()
    assert.equal(view.state, 'free')
  })

  it("changes the lease to the head's published id when jobs wait: still leased, the old id dead, the head's acquire takes it", async () => {
    const { lock, leaseId } = await held()
    const head = await waiting(lock, 'org-a/service')
    const behind = await waiting(lock, 'org-b/service')
    const outcome = await letGo(lock, leaseId)
    assert.equal(outcome.outcome, 'handed-over')
    assert.equal(outcome.outcome === 'handed-over' && outcome.to.ticket, head.ticket)

    const view = await lock.view()
    assert.equal(view.state, 'leased', 'never free')
    assert.equal(view.state === 'leased' && view.handedTo, head.ticket, 'the blob names the head')
    assert.equal(view.state === 'leased' && view.holder, undefined, "the old holder's record is gone")
    await assert.rejects(lock.renew(leaseId), 'the old id no longer works')
    assert.equal(await lock.acquire(behind.lockLeaseId, 15), 'held-by-other', 'the waiter behind cannot take it')
    assert.equal(await lock.acquire(head.lockLeaseId, 15), 'acquired', "the head's acquire with its id takes it")

    // The head's record replaces the mark.
    await lock.writeHolder(head.lockLeaseId, { ...holderFor('org-a/service'), acquiredAt: new Date().toISOString() })
    const after = await lock.view()
    assert.equal(after.state === 'leased' && after.handedTo, undefined)
    assert.equal(after.state === 'leased' && after.holder?.repository, 'org-a/service')
  })

  it('keeps metadata that others put on the lock blob through a handover', async () => {
    const { lock, leaseId, container } = await held()
    const blob = container.getBlobClient(lock.name)
    const props = await blob.getProperties()
    await blob.setMetadata({ ...props.metadata, owner: 'platform-team' }, { conditions: { leaseId } })
    await waiting(lock, 'org-a/service')
    assert.equal((await letGo(lock, leaseId)).outcome, 'handed-over')
    const after = await blob.getProperties()
    assert.equal(after.metadata?.owner, 'platform-team')
    assert.equal(holderFromMetadata(after.metadata), undefined)
  })

  it('finds the lease no longer ours after it was broken, and touches nothing', async () => {
    const { lock, leaseId, container } = await held()
    await waiting(lock, 'org-a/service')
    await container.getBlobClient(lock.name).getBlobLeaseClient().breakLease(0)
    assert.deepEqual(await letGo(lock, leaseId), { outcome: 'not-held' })
  })

  it('releases when the head is an older version of this action, which publishes no id', async () => {
    const { lock, leaseId } = await held()
    const { ticket } = await lock.queue.claimTicket()
    assert.equal(await lock.queue.enter(ticket, holderFor('old/version'), randomUUID(), 15), 'entered')
    assert.deepEqual(await letGo(lock, leaseId), { outcome: 'released' })
  })
})
