// How LockBlob reads Azure's answers: which ones mean the lease is definitely not
// ours, and the answers real Azure gives where Azurite answers otherwise. Pure
// logic over a fake blob client; the integration suite covers Azurite's answers.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { isLeaseGone } from '../../src/lock/lease-answers.ts'

function answer(statusCode: number, errorCode?: string): Error {
  return Object.assign(new Error(`${statusCode} ${errorCode ?? ''}`), {
    statusCode,
    details: errorCode ? { errorCode } : undefined,
  })
}

/** A LockBlob whose every request to the blob fails with `err` (or succeeds when err is undefined). */
function lockAnswering(err: Error | undefined): LockBlob {
  const request = async (): Promise<object> => {
    if (err) throw err
    return {}
  }
  const blob = {
    getBlockBlobClient: () => ({ upload: request }),
    getBlobLeaseClient: () => ({ releaseLease: request, renewLease: request, acquireLease: request }),
    getProperties: request,
    setMetadata: request,
  }
  const container = { accountName: 'acct', containerName: 'locks', getBlobClient: () => blob }
  return new LockBlob(container as unknown as ContainerClient, 'deploy')
}

describe('isLeaseGone', () => {
  // The answers Azure gives a renew or release whose lease id is no longer the blob's lease.
  const gone: Array<[number, string]> = [
    [409, 'LeaseIdMismatchWithLeaseOperation'],
    [409, 'LeaseIsBrokenAndCannotBeRenewed'],
    [409, 'LeaseNotPresentWithLeaseOperation'],
    [412, 'LeaseLost'],
    [412, 'LeaseNotPresentWithBlobOperation'],
    [412, 'LeaseIdMismatchWithBlobOperation'],
    [404, 'BlobNotFound'],
    [404, 'ContainerNotFound'],
  ]
  for (const [status, code] of gone) {
    test(`reads ${status} ${code} as a definite loss`, () => {
      assert.equal(isLeaseGone(answer(status, code)), true)
    })
  }

  test('reads throttling, server errors, timeouts and network failures as not (yet) a loss', () => {
    const transient = [
      answer(503, 'ServerBusy'),
      answer(500, 'InternalError'),
      answer(409, 'LeaseAlreadyPresent'),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }),
      new Error('socket hang up'),
    ]
    for (const err of transient) assert.equal(isLeaseGone(err), false, err.message)
  })
})

describe('LockBlob with the answers of real Azure', () => {
  test('takes 412 LeaseIdMissing on a race-free create as "the blob exists" (Azurite answers 409)', async () => {
    assert.equal(await lockAnswering(answer(412, 'LeaseIdMissing')).create(), 'nothing')
    assert.equal(await lockAnswering(answer(409, 'BlobAlreadyExists')).create(), 'nothing')
  })

  test("release reports 'not-held' when the lease is gone, and throws when Azure is only busy", async () => {
    assert.equal(await lockAnswering(answer(412, 'LeaseIdMismatchWithBlobOperation')).release('id'), 'not-held')
    assert.equal(await lockAnswering(answer(409, 'LeaseIdMismatchWithLeaseOperation')).release('id'), 'not-held')
    assert.equal(await lockAnswering(answer(404, 'BlobNotFound')).release('id'), 'not-held')
    assert.equal(await lockAnswering(undefined).release('id'), 'released')
    await assert.rejects(lockAnswering(answer(503, 'ServerBusy')).release('id'), /503 ServerBusy/)
  })
})
