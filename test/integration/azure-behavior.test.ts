// Pins down the storage behaviours the lock relies on, against the emulator.
// When Azurite (or the SDK) changes one of them, this suite says so first.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { storageErrorCode } from '../../src/lock/errors.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn } from '../support/lock.ts'

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (err) {
    return storageErrorCode(err)
  }
  return 'no error'
}

describe('Azure blob lease behaviour the lock relies on', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  it('reports a missing container and a missing blob on HEAD by error code', async () => {
    const container = containerOn(azurite)
    const blob = container.getBlobClient('lock')
    assert.equal(await codeOf(blob.getProperties()), 'ContainerNotFound')
    await container.create()
    assert.equal(await codeOf(blob.getProperties()), 'BlobNotFound')
  })

  it('refuses a lease on a missing blob', async () => {
    const container = containerOn(azurite)
    await container.create()
    assert.equal(await codeOf(container.getBlobClient('lock').getBlobLeaseClient().acquireLease(15)), 'BlobNotFound')
  })

  it('never overwrites an existing blob when uploading with If-None-Match: *, leased or not', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('lock')
    await blob.upload('', 0, { conditions: { ifNoneMatch: '*' }, metadata: { mark: 'first' } })
    assert.equal(await codeOf(blob.upload('', 0, { conditions: { ifNoneMatch: '*' } })), 'BlobAlreadyExists')
    const lease = blob.getBlobLeaseClient()
    await lease.acquireLease(15)
    const code = await codeOf(blob.upload('', 0, { conditions: { ifNoneMatch: '*' } }))
    // Azure answers 412 LeaseIdMissing here, Azurite 409 BlobAlreadyExists (Azurite#2637); LockBlob.create
    // takes both to mean "exists" (test/unit/lock-blob.test.ts covers Azure's answer without Azure).
    assert.equal(code, 'BlobAlreadyExists')
    assert.equal((await blob.getProperties()).metadata?.mark, 'first')
    await lease.releaseLease()
  })

  it('gives a second client LeaseAlreadyPresent and lets the same lease id acquire again', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('lock')
    await blob.upload('', 0)
    const ours = blob.getBlobLeaseClient()
    await ours.acquireLease(15)
    assert.equal(await codeOf(blob.getBlobLeaseClient().acquireLease(15)), 'LeaseAlreadyPresent')
    const again = await blob.getBlobLeaseClient(ours.leaseId).acquireLease(15)
    assert.equal(again.leaseId, ours.leaseId)
    const props = await blob.getProperties()
    assert.equal(props.leaseState, 'leased')
    await ours.releaseLease()
    assert.equal((await blob.getProperties()).leaseState, 'available')
  })

  it('needs the lease id to write metadata on a leased blob', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('lock')
    await blob.upload('', 0)
    const lease = blob.getBlobLeaseClient()
    await lease.acquireLease(15)
    assert.equal(await codeOf(blob.setMetadata({ a: 'b' })), 'LeaseIdMissing')
    await blob.setMetadata({ a: 'b' }, { conditions: { leaseId: lease.leaseId } })
    assert.deepEqual((await blob.getProperties()).metadata, { a: 'b' })
    await lease.releaseLease()
  })

  it('answers renew and release with a foreign or stale lease id with LeaseIdMismatchWithLeaseOperation', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('lock')
    await blob.upload('', 0)
    const lease = blob.getBlobLeaseClient()
    await lease.acquireLease(15)
    assert.equal(await codeOf(blob.getBlobLeaseClient().renewLease()), 'LeaseIdMismatchWithLeaseOperation')
    await lease.releaseLease()
    assert.equal(await codeOf(lease.renewLease()), 'LeaseIdMismatchWithLeaseOperation')
    assert.equal(await codeOf(lease.releaseLease()), 'LeaseIdMismatchWithLeaseOperation')
  })

  it('lets a broken lease be taken by someone else, after which the old id is refused', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('lock')
    await blob.upload('', 0)
    const old = blob.getBlobLeaseClient()
    await old.acquireLease(15)
    await blob.getBlobLeaseClient().breakLease(0)
    const thief = blob.getBlobLeaseClient()
    await thief.acquireLease(15)
    assert.equal(await codeOf(old.renewLease()), 'LeaseIdMismatchWithLeaseOperation')
    await thief.releaseLease()
  })

  // What the queue, the fencing counter and the freshness of holder records rely on.

  it('refuses to delete a leased blob without its lease id, and deletes it with the id in one request', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('entry')
    await blob.upload('', 0)
    const lease = blob.getBlobLeaseClient()
    await lease.acquireLease(15)
    assert.equal(await codeOf(blob.delete()), 'LeaseIdMissing')
    await blob.delete({ conditions: { leaseId: lease.leaseId } })
    assert.equal(await codeOf(blob.getProperties()), 'BlobNotFound')
  })

  it('refuses a Set Metadata whose If-Match names an older ETag, so a counter bump cannot be lost', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('counter')
    await blob.upload('', 0, { metadata: { value: '1' } })
    const { etag } = await blob.getProperties()
    await blob.setMetadata({ value: '2' }, { conditions: { ifMatch: etag } })
    assert.equal(await codeOf(blob.setMetadata({ value: '2' }, { conditions: { ifMatch: etag } })), 'ConditionNotMet')
    assert.equal((await blob.getProperties()).metadata?.value, '2')
  })

  it('moves Last-Modified on Set Metadata but not on a lease renewal, and dates answers by its own clock', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('lock')
    await blob.upload('', 0)
    const lease = blob.getBlobLeaseClient()
    await lease.acquireLease(15)
    const before = await blob.getProperties()
    await new Promise((resolve) => setTimeout(resolve, 1_100)) // one second: the resolution of both times
    await lease.renewLease()
    const renewed = await blob.getProperties()
    assert.equal(renewed.lastModified?.getTime(), before.lastModified?.getTime())
    await blob.setMetadata({ holder_acquired_at: 'x' }, { conditions: { leaseId: lease.leaseId } })
    const refreshed = await blob.getProperties()
    assert.ok(refreshed.lastModified! > before.lastModified!, 'Set Metadata moved Last-Modified')
    assert.ok(refreshed.date instanceof Date && refreshed.date >= refreshed.lastModified!)
    assert.equal(refreshed.leaseDuration, 'fixed')
    await lease.releaseLease()
  })

  it('tells an infinite lease from a fixed one', async () => {
    const container = containerOn(azurite)
    await container.create()
    const blob = container.getBlockBlobClient('lock')
    await blob.upload('', 0)
    const lease = blob.getBlobLeaseClient()
    await lease.acquireLease(-1)
    assert.equal((await blob.getProperties()).leaseDuration, 'infinite')
    await lease.releaseLease()
  })

  it('lists blobs under a prefix in name order, with lease state, metadata and its clock, even with % in names', async () => {
    const container = containerOn(azurite)
    await container.create()
    const prefix = '.azure-mutex/a%2Fb/queue/'
    for (const name of ['0000000000000010', '0000000000000002', '0000000000000001']) {
      await container.getBlockBlobClient(`${prefix}${name}`).upload('', 0, { metadata: { holder_repository: name } })
    }
    await container.getBlockBlobClient('.azure-mutex/a/b/queue/0000000000000001').upload('', 0)
    const leased = container.getBlobClient(`${prefix}0000000000000002`).getBlobLeaseClient()
    await leased.acquireLease(15)
    const page = (await container.listBlobsFlat({ prefix, includeMetadata: true }).byPage({ maxPageSize: 2 }).next())
      .value
    assert.deepEqual(
      page.segment.blobItems.map((b: { name: string }) => b.name),
      [`${prefix}0000000000000001`, `${prefix}0000000000000002`],
    )
    assert.deepEqual(
      page.segment.blobItems.map((b: { properties: { leaseState?: string } }) => b.properties.leaseState),
      ['available', 'leased'],
    )
    assert.equal(page.segment.blobItems[0].metadata.holder_repository, '0000000000000001')
    assert.ok(page.continuationToken, 'a third entry is on the next page')
    assert.ok(page.date instanceof Date)
    await leased.releaseLease()
  })
})
