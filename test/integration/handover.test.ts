// Letting go against Azurite: a change of lease to the head's published id
// when a job waits, a release when none does. The lease-level facts the
// handover rests on (handover.ts, and Change Lease in ../shared/NOTES.md).

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { letGo } from '../../src/lock/queue/handover.ts'
import { holderFromMetadata } from '../../src/lock/holder.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import type { ContainerClient } from '@azure/storage-blob'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
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

  /** A held lock, and the same lock through a fault proxy, for a holder that lets go through it. */
  async function heldThroughProxy(): Promise<{ direct: LockBlob; lock: LockBlob; leaseId: string; proxy: FaultProxy }> {
    const { lock: direct, leaseId, container } = await held()
    const proxy = await new FaultProxy(azurite.port).start()
    const through = containerOn({ ...azurite, blobEndpoint: proxy.blobEndpoint }, container.containerName)
    return { direct, lock: new LockBlob(through, direct.name), leaseId, proxy }
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

  // The holder's own entry stays in the queue when its delete failed as it took the lock (leave is best effort),
  // leased until its lease lapses. Handed to it, the lease would stay under the holder's own id, which nobody
  // renews once it has let go: the lock would lie idle, the real head unable to take it, until it lapsed.
  it("passes by the holder's own entry, left over in the queue, and hands the lease to the waiter behind it", async () => {
    const { lock, leaseId } = await held()
    const { ticket: own } = await lock.queue.claimTicket()
    assert.equal(await lock.queue.enter(own, WHO, randomUUID(), 15, {}, leaseId), 'entered')
    const head = await waiting(lock, 'org-a/service')
    const outcome = await letGo(lock, leaseId)
    assert.equal(outcome.outcome, 'handed-over')
    assert.equal(outcome.outcome === 'handed-over' && outcome.to.ticket, head.ticket, 'handed to its own entry')
    await assert.rejects(lock.renew(leaseId), 'the old id no longer works')
    assert.equal(await lock.acquire(head.lockLeaseId, 15), 'acquired')
  })

  // A look at the queue that storage refuses for a moment (every try the SDK makes of the listing answered 503)
  // is tried again: given up, it would mean a release, and the lock would stand free while the head waits.
  it('looks at the queue again when storage refused the look for a moment, and hands over instead of releasing', async () => {
    const { direct, lock, leaseId, proxy } = await heldThroughProxy()
    const head = await waiting(direct, 'org-a/service')
    try {
      let refused = 0
      // containerOn's pipeline makes two tries a request: both tries of the first look are refused.
      proxy.set({ failIf: (req) => (req.url ?? '').includes('comp=list') && refused++ < 2 })
      const outcome = await letGo(lock, leaseId)
      assert.equal(refused >= 2, true, 'both tries of the first look were refused')
      const looks = proxy.log.filter((r) => r.kind === 'list')
      assert.deepEqual(
        looks.map((r) => r.status),
        [503, 503, 200],
        'the look was tried again after the SDK gave up, once',
      )
      assert.equal(outcome.outcome, 'handed-over', 'a refused look became a release')
      assert.equal(outcome.outcome === 'handed-over' && outcome.to.ticket, head.ticket)
      assert.ok(!proxy.log.some((r) => r.kind === 'release'), 'no release was sent')
      assert.equal(await direct.acquire(head.lockLeaseId, 15), 'acquired')
    } finally {
      await proxy.stop()
    }
  })

  it('releases when storage refuses the look again: two looks at most, then the lease is not kept from anyone', async () => {
    const { direct, lock, leaseId, proxy } = await heldThroughProxy()
    await waiting(direct, 'org-a/service')
    try {
      proxy.set({ failIf: (req) => (req.url ?? '').includes('comp=list') })
      assert.deepEqual(await letGo(lock, leaseId), { outcome: 'released' })
      assert.equal(proxy.log.filter((r) => r.kind === 'list').length, 4, 'two looks of two tries each')
      assert.equal((await direct.view()).state, 'free')
    } finally {
      await proxy.stop()
    }
  })

  // Each step of letting go that storage refuses for a moment is asked again after the SDK's own tries: a change
  // given up meant a release (the lock free while jobs wait), and a release or a mark given up left the lease to lapse.
  it('asks again when storage refuses the change, the mark or the release for a moment', async () => {
    for (const [step, refuse] of [
      ['change', (req: IncomingMessage) => req.headers['x-ms-lease-action'] === 'change'],
      ['mark', (req: IncomingMessage) => (req.url ?? '').includes('comp=metadata')],
      ['release', (req: IncomingMessage) => req.headers['x-ms-lease-action'] === 'release'],
    ] as const) {
      const { direct, lock, leaseId, proxy } = await heldThroughProxy()
      const head = step === 'release' ? undefined : await waiting(direct, 'org-a/service')
      try {
        let refused = 0
        // containerOn's pipeline makes two tries a request: both are refused, then the SDK gives up.
        proxy.set({ failIf: (req) => refuse(req) && refused < 2 && ++refused > 0 })
        const outcome = await letGo(lock, leaseId)
        assert.equal(refused, 2, `${step}: both tries were refused`)
        if (head) {
          assert.equal(outcome.outcome, 'handed-over', `${step}: a refused ${step} ended the handover`)
          assert.ok(!proxy.log.some((r) => r.kind === 'release'), `${step}: no release was sent`)
          assert.equal(await direct.acquire(head.lockLeaseId, 15), 'acquired')
        } else {
          assert.deepEqual(outcome, { outcome: 'released' })
          assert.equal((await direct.view()).state, 'free')
        }
      } finally {
        await proxy.stop()
      }
    }
  })

  it('releases when the head is an older version of this action, which publishes no id', async () => {
    const { lock, leaseId } = await held()
    const { ticket } = await lock.queue.claimTicket()
    assert.equal(await lock.queue.enter(ticket, holderFor('old/version'), randomUUID(), 15), 'entered')
    assert.deepEqual(await letGo(lock, leaseId), { outcome: 'released' })
  })
})
