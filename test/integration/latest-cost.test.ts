// What a supersede key costs an uncontended wait, against Azurite: the key's
// record is read in the first listing of the queue (the listing starts at the
// lock's folder, where the record sorts ahead of the entries), so the only
// request the key adds is the record's write under the lease. The stale check
// still reads the record before any acquire. A key with no record yet (its
// first take, or after .azure-mutex/ was deleted) asks the lock blob for the
// sequence it keeps: one request more, only then.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { LatestBlobs } from '../../src/lock/deploy/latest-blobs.ts'
import { LockSupersededError } from '../../src/lock/deploy/latest.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { QueueBlobs } from '../../src/lock/queue/queue-blobs.ts'
import { containerClientFor, type ObservedRequest } from '../../src/lock/storage.ts'
import { waitForLease } from '../../src/lock/waiter.ts'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { holderFor } from '../support/lock.ts'

describe('an uncontended wait with a supersede key', () => {
  let azurite: Azurite
  before(async () => {
    azurite = await startAzurite()
  })
  after(async () => {
    await azurite.stop()
  })

  function observed(name: string): { lock: LockBlob; seen: ObservedRequest[] } {
    const seen: ObservedRequest[] = []
    const auth = { kind: 'shared-key' as const, accountName: DEV_ACCOUNT, accountKey: DEV_KEY }
    const container = containerClientFor({ endpoint: azurite.blobEndpoint, auth }, 'costs', {
      observe: (request) => seen.push(request),
    })
    return { lock: new LockBlob(container, name), seen }
  }

  /** Takes the lock once with nobody waiting, and returns the requests the wait made (release left out). */
  async function requestsOfOneTake(name: string, sequence?: number): Promise<string[]> {
    const { lock, seen } = observed(name)
    await lock.create() // the blob exists, as after a lock's first use: creating it costs requests of its own
    seen.length = 0
    const got = await waitForLease({
      lock,
      spec: { leaseDurationSeconds: 15 },
      holder: holderFor('octo/api'),
      timeoutMs: 10_000,
      ...(sequence === undefined ? {} : { supersede: { key: 'octo/api/main', sequence } }),
    })
    const made = seen.map(
      (r) => `${r.method} ${r.url.replace(/^.*\/costs/, '')}${r.leaseAction ? ` ${r.leaseAction}` : ''}`,
    )
    await lock.release(got.leaseId)
    return made
  }

  it('adds at most one request to the wait of a key that has held: the write of the key record, under the lease', async () => {
    const plain = await requestsOfOneTake('plain')
    const first = await requestsOfOneTake('keyed', 9)
    const keyed = await requestsOfOneTake('keyed', 10)
    assert.ok(keyed.length - plain.length <= 1, `plain:\n${plain.join('\n')}\nkeyed:\n${keyed.join('\n')}`)
    const latestRequests = keyed.filter((r) => r.includes('/latest/'))
    assert.equal(latestRequests.length, 1, keyed.join('\n'))
    assert.match(latestRequests[0]!, /^PUT /)
    // The key's first take has no record to read: it asks the lock blob once, before the acquire.
    assert.ok(first.length - plain.length <= 2, `plain:\n${plain.join('\n')}\nfirst:\n${first.join('\n')}`)
    const acquire = first.findIndex((r) => r.endsWith('acquire'))
    assert.ok(first.slice(0, acquire).includes('HEAD /keyed'), first.join('\n'))
  })

  it('still refuses a lower sequence before it asks for the lease, from the record read in the listing', async () => {
    await requestsOfOneTake('stale-check', 20)
    const { lock, seen } = observed('stale-check')
    await assert.rejects(
      waitForLease({
        lock,
        spec: { leaseDurationSeconds: 15 },
        holder: holderFor('octo/api'),
        timeoutMs: 10_000,
        supersede: { key: 'octo/api/main', sequence: 19 },
      }),
      (err) => err instanceof LockSupersededError && err.outcome === 'stale',
    )
    assert.deepEqual(
      seen.filter((r) => r.leaseAction === 'acquire'),
      [],
      'a stale job asked for the lease',
    )
    // An equal sequence (a re-run) still takes it.
    const rerun = await requestsOfOneTake('stale-check', 20)
    assert.ok(rerun.some((r) => r.endsWith('acquire')))
  })

  it("reads the key's record in the listing with an ETag that a conditional write takes", async () => {
    const { lock } = observed('etag')
    await lock.create()
    const container = containerClientFor(
      { endpoint: azurite.blobEndpoint, auth: { kind: 'shared-key', accountName: DEV_ACCOUNT, accountKey: DEV_KEY } },
      'costs',
    )
    const queue = new QueueBlobs(container, 'etag', 5_000)
    const latest = new LatestBlobs(container, 'etag', 5_000)
    const none = await queue.look({ latestKey: 'k' })
    assert.deepEqual(none.latest, { record: undefined, etag: undefined })
    const record = { ...holderFor('octo/api'), acquiredAt: new Date().toISOString(), supersedeKey: 'k', sequence: '3' }
    assert.equal(await latest.write('k', record, undefined), 'written')
    const listed = await queue.look({ latestKey: 'k' })
    const read = await latest.read('k')
    assert.equal(listed.latest?.etag, read.etag)
    assert.equal(listed.latest?.record?.sequence, '3')
    // Another key's record is not ours.
    assert.deepEqual((await queue.look({ latestKey: 'other' })).latest, { record: undefined, etag: undefined })
    assert.equal(await latest.write('k', { ...record, sequence: '4' }, listed.latest?.etag), 'written')
    assert.equal(await latest.write('k', { ...record, sequence: '5' }, listed.latest?.etag), 'changed')
  })
})
