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
})
