import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { holderFromMetadata } from '../../src/lock/holder.ts'
import { isLeaseGone } from '../../src/lock/lock-blob.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor, lockOn } from '../support/lock.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'

describe('LockBlob', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  it('sees a missing blob, creates it with its container, then sees it free', async () => {
    const lock = lockOn(azurite)
    assert.deepEqual(await lock.view(), { state: 'missing' })
    assert.equal(await lock.create(), 'container')
    assert.equal((await lock.view()).state, 'free')
    assert.equal(await lock.create(), 'nothing', 'creating again is harmless and says so')
  })

  it('keeps the lease and holder record of a blob that racing creators try to create', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const leaseId = randomUUID()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    const holder = { ...holderFor('octo/api'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(leaseId, holder)
    await Promise.all(Array.from({ length: 5 }, () => lock.create()))
    const view = await lock.view()
    assert.equal(view.state, 'leased')
    assert.deepEqual(view.state === 'leased' && view.holder, holder)
    await lock.release(leaseId)
  })

  it('tells acquired, held by another, and missing apart', async () => {
    const lock = lockOn(azurite)
    assert.equal(await lock.acquire(randomUUID(), 15), 'missing')
    await lock.create()
    const first = randomUUID()
    assert.equal(await lock.acquire(first, 15), 'acquired')
    assert.equal(await lock.acquire(randomUUID(), 15), 'held-by-other')
    assert.equal(await lock.acquire(first, 15), 'acquired', 'our own id acquires again')
    await lock.release(first)
  })

  it('releases only its own lease and clears its holder record', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    await lock.writeHolder(ours, { ...holderFor('octo/api'), acquiredAt: new Date().toISOString() })
    assert.equal(await lock.release(randomUUID()), 'not-held', 'a foreign id releases nothing')
    assert.equal((await lock.view()).state, 'leased')
    assert.equal(await lock.release(ours), 'released')
    const view = await lock.view()
    assert.deepEqual(view, { state: 'free', staleHolder: undefined })
    assert.equal(await lock.release(ours), 'not-held', 'a second release finds nothing of ours')
  })

  it('renews its own lease and reports a foreign lease as definitely gone', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    await lock.renew(ours)
    await assert.rejects(lock.renew(randomUUID()), (err) => isLeaseGone(err))
    await lock.release(ours)
  })

  it('writes a holder record that survives non-ASCII values', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'team/db-migrate')
    await lock.create()
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    const holder = { ...holderFor('octo/dépl☃y'), actor: 'zoë', acquiredAt: new Date().toISOString() }
    await lock.writeHolder(ours, holder)
    const props = await container.getBlobClient('team/db-migrate').getProperties()
    assert.deepEqual(holderFromMetadata(props.metadata), holder)
    await lock.release(ours)
  })
})
