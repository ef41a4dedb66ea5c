// The request observer that debug logging uses, against Azurite: it sees each
// try of each request made through the lock's clients (the blob's as well as
// the container's), numbers the SDK's retries, and never sees a SAS.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { containerClientFor, type ObservedRequest } from '../../src/lock/storage.ts'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { containerOn } from '../support/lock.ts'

describe('the request observer', () => {
  let azurite: Azurite
  let proxy: FaultProxy
  let sas: string
  before(async () => {
    azurite = await startAzurite()
    proxy = await new FaultProxy(azurite.port).start()
    await containerOn(azurite, 'observed').createIfNotExists()
    sas = generateBlobSASQueryParameters(
      {
        containerName: 'observed',
        permissions: ContainerSASPermissions.parse('rwcl'),
        expiresOn: new Date(Date.now() + 3_600_000),
      },
      new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY),
    ).toString()
  })
  after(async () => {
    await proxy.stop()
    await azurite.stop()
  })

  function observedLock(endpoint: string): { lock: LockBlob; seen: ObservedRequest[] } {
    const seen: ObservedRequest[] = []
    const container = containerClientFor({ endpoint, auth: { kind: 'sas', sasToken: sas } }, 'observed', {
      retry: { maxTries: 3, retryDelayInMs: 50, maxRetryDelayInMs: 100 },
      observe: (request) => seen.push(request),
    })
    return { lock: new LockBlob(container, 'watched'), seen }
  }

  it("sees the blob's requests with their status, request id and lease action, and no SAS", async () => {
    const { lock, seen } = observedLock(azurite.blobEndpoint)
    assert.equal(await lock.create(), 'blob')
    assert.equal(await lock.acquire('00000000-0000-4000-8000-000000000001', 15), 'acquired')
    assert.equal(await lock.release('00000000-0000-4000-8000-000000000001'), 'released')

    const kinds = seen.map((r) => `${r.method} ${r.leaseAction ?? ''}`.trim())
    assert.deepEqual(kinds, ['PUT', 'PUT acquire', 'HEAD', 'PUT release'])
    for (const request of seen) {
      assert.equal(request.attempt, 1)
      assert.match(request.requestId ?? '', /^[0-9a-f-]{36}$/, 'Azurite gives every answer a request id')
      assert.ok(!request.url.includes('sig='), request.url)
      assert.ok(!request.url.includes('sv='), request.url)
      assert.match(request.url, new RegExp(`^${azurite.blobEndpoint}/observed/watched(\\?comp=lease)?$`))
    }
    assert.deepEqual(
      seen.map((r) => r.status),
      [201, 201, 200, 200],
    )
  })

  it("numbers the SDK's retries, and reports a failure without an answer", async () => {
    const { lock, seen } = observedLock(proxy.blobEndpoint)
    proxy.set({ errorRate: 1, errorStatus: 503 })
    try {
      await assert.rejects(lock.view())
    } finally {
      proxy.set({})
    }
    assert.deepEqual(
      seen.map((r) => [r.method, r.attempt, r.status, r.error]),
      [
        ['HEAD', 1, 503, 'ServerBusy'],
        ['HEAD', 2, 503, 'ServerBusy'],
        ['HEAD', 3, 503, 'ServerBusy'],
      ],
    )

    const refused = observedLock('http://127.0.0.1:1/devstoreaccount1')
    await assert.rejects(refused.lock.view())
    assert.equal(refused.seen.length, 3)
    assert.deepEqual(
      refused.seen.map((r) => [r.attempt, r.status, r.error]),
      [
        [1, undefined, 'ECONNREFUSED'],
        [2, undefined, 'ECONNREFUSED'],
        [3, undefined, 'ECONNREFUSED'],
      ],
    )
  })

  it('keeps requests going when the observer throws', async () => {
    const auth = { kind: 'shared-key' as const, accountName: DEV_ACCOUNT, accountKey: DEV_KEY }
    const container = containerClientFor({ endpoint: azurite.blobEndpoint, auth }, 'observed', {
      observe: () => {
        throw new Error('a broken observer')
      },
    })
    assert.equal((await new LockBlob(container, 'watched').view()).state, 'free')
  })
})
