import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { after, afterEach, before, describe, it } from 'node:test'
import {
  BlobServiceClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  newPipeline,
  type ContainerClient,
} from '@azure/storage-blob'
import { LockCancelledError, LockTimeoutError, describeStorageError, statusCode } from '../../src/lock/errors.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { containerClientFor } from '../../src/lock/storage.ts'
import { waitForLease, type WaitEvent, type WaitOptions } from '../../src/lock/waiter.ts'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { containerOn, holderFor, lockOn } from '../support/lock.ts'
import type { RequestOptions } from '../../src/lock/request.ts'

describe('waitForLease', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  // A test that fails half way must leave no waiter polling behind it (it would keep the run alive).
  let leftovers = new AbortController()
  afterEach(() => {
    leftovers.abort()
    leftovers = new AbortController()
  })
  const wait = (options: WaitOptions) => waitForLease({ signal: leftovers.signal, ...options })

  it('takes a free lock at once, creating the container and blob, and writes the holder record', async () => {
    const lock = lockOn(azurite)
    const events: WaitEvent[] = []
    const got = await wait({
      lock,
      spec: { leaseDurationSeconds: 15 },
      holder: holderFor('octo/api'),
      onEvent: (e) => events.push(e),
    })
    assert.ok(got.waitedMs < 2_000, `waited ${got.waitedMs} ms`)
    assert.deepEqual(events, [{ type: 'created', what: 'container' }])
    const view = await lock.view()
    assert.equal(view.state, 'leased')
    assert.deepEqual(view.state === 'leased' && view.holder, got.holder)
    assert.equal(got.holder.repository, 'octo/api')
    assert.equal(await lock.release(got.leaseId), 'released')
  })

  it('reports who holds the lock, then takes it within a second of its release', async () => {
    const lock = lockOn(azurite)
    const first = await wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/first') })
    const events: WaitEvent[] = []
    const second = wait({
      lock,
      spec: { leaseDurationSeconds: 15 },
      holder: holderFor('octo/second'),
      onEvent: (e) => events.push(e),
    })
    await delay(1_500)
    assert.equal(events[0]?.type, 'waiting')
    assert.equal(events[0]?.type === 'waiting' && events[0].place.holder?.record?.repository, 'octo/first')
    const releasedAt = Date.now()
    await lock.release(first.leaseId)
    const got = await second
    const handoffMs = got.acquiredAt.getTime() - releasedAt
    assert.ok(handoffMs < 1_000, `handoff took ${handoffMs} ms`)
    await lock.release(got.leaseId)
  })

  it('names a holder that writes no record as unknown', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'foreign')
    await lock.create()
    // The way go-azuremutex or az CLI takes it: a plain lease, no metadata.
    const foreign = container.getBlobClient('foreign').getBlobLeaseClient()
    await foreign.acquireLease(15)
    const events: WaitEvent[] = []
    await assert.rejects(
      wait({
        lock,
        spec: { leaseDurationSeconds: 15 },
        holder: holderFor('octo/api'),
        timeoutMs: 2_000,
        onEvent: (e) => events.push(e),
      }),
      (err: Error) => err instanceof LockTimeoutError && /unknown holder/.test(err.message),
    )
    assert.equal(events[0]?.type === 'waiting' && events[0].place.holder?.record, undefined)
    await foreign.releaseLease()
  })

  it('gives up at the timeout with a message naming the current holder', async () => {
    const lock = lockOn(azurite)
    const holder = await wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/holder') })
    const started = Date.now()
    await assert.rejects(
      wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/waiter'), timeoutMs: 2_000 }),
      (err: Error) =>
        err instanceof LockTimeoutError &&
        /Timed out after 2(\.\d)?s/.test(err.message) &&
        /held by octo\/holder workflow "deploy" run 7/.test(err.message),
    )
    const took = Date.now() - started
    assert.ok(took >= 2_000 && took < 3_500, `timed out after ${took} ms`)
    assert.equal(await lock.release(holder.leaseId), 'released', 'the holder still holds it')
  })

  it('tries once with a timeout of 0: takes a free lock, fails at once on a held one', async () => {
    const lock = lockOn(azurite)
    const got = await wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/first'), timeoutMs: 0 })
    const started = Date.now()
    await assert.rejects(
      wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/second'), timeoutMs: 0 }),
      (err: Error) => err instanceof LockTimeoutError && /held by octo\/first/.test(err.message),
    )
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`)
    await lock.release(got.leaseId)
  })

  it('stops within a second when cancelled, leaving no lease of its own', async () => {
    const lock = lockOn(azurite)
    const holder = await wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/holder') })
    const cancel = new AbortController()
    const waiting = wait({
      lock,
      spec: { leaseDurationSeconds: 15 },
      holder: holderFor('octo/waiter'),
      signal: cancel.signal,
    })
    await delay(700)
    const cancelledAt = Date.now()
    cancel.abort()
    await assert.rejects(waiting, LockCancelledError)
    assert.ok(Date.now() - cancelledAt < 1_000, `took ${Date.now() - cancelledAt} ms`)
    await lock.release(holder.leaseId)
    assert.equal((await lock.view()).state, 'free')
  })

  /** A lock blob on Azurite that runs `at` when the waiter reaches a given request, and counts its acquires. */
  class LockThatCancels extends LockBlob {
    acquired: string[] = []
    private readonly when: { emptyQueue?: () => void; acquire?: () => void }
    constructor(container: ContainerClient, when: LockThatCancels['when']) {
      super(container, 'cancelled')
      this.when = when
      const look = this.queue.look.bind(this.queue)
      this.queue.look = async (options) => {
        const seen = await look(options)
        if (seen.entries.length === 0) this.when.emptyQueue?.() // the cancel lands as the answer comes
        return seen
      }
    }
    override async acquire(leaseId: string, seconds: number, options?: RequestOptions) {
      this.when.acquire?.() // the cancel lands while the acquire is on its way
      const outcome = await super.acquire(leaseId, seconds, options)
      this.acquired.push(outcome)
      return outcome
    }
  }

  // Failure semantics: "Cancelled while waiting (SIGINT)": a lease taken during the signal is released.

  /** A wait on a free lock that is cancelled at the moment `at` names; returns its error, the lock and a plain view of it. */
  async function cancelledWait(at: 'acquire' | 'emptyQueue') {
    const container = containerOn(azurite)
    const base = new LockBlob(container, 'cancelled')
    await base.create()
    const cancel = new AbortController()
    const lock = new LockThatCancels(container, { [at]: () => cancel.abort() })
    const err = await wait({
      lock,
      spec: { leaseDurationSeconds: 15 },
      holder: holderFor('octo/api'),
      signal: cancel.signal,
    }).catch((e: unknown) => e)
    return { err, lock, base }
  }

  it('releases a lease it took when the cancel lands while its acquire is in flight', async () => {
    const { err, lock, base } = await cancelledWait('acquire')
    assert.ok(err instanceof LockCancelledError, String(err))
    assert.match(err.message, /^Cancelled while taking lock /)
    assert.deepEqual(lock.acquired, ['acquired'], 'Azure granted the lease after the cancel')
    assert.deepEqual(await base.view(), { state: 'free', staleHolder: undefined }, 'and the waiter gave it back')
  })

  it('does not try for the lease when the cancel lands after it saw nobody waiting', async () => {
    const { err, lock, base } = await cancelledWait('emptyQueue')
    assert.ok(err instanceof LockCancelledError, String(err))
    assert.match(err.message, /^Cancelled while waiting for lock /)
    assert.deepEqual(lock.acquired, [], 'no acquire was sent')
    assert.equal((await base.view()).state, 'free')
  })

  it('serves many waiters one at a time', async () => {
    const lock = lockOn(azurite)
    const spans: Array<[number, number]> = []
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const got = await wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor(`octo/repo-${i}`) })
        const start = Date.now()
        await delay(50)
        spans.push([start, Date.now()])
        await lock.release(got.leaseId)
      }),
    )
    spans.sort((a, b) => a[0] - b[0])
    for (let i = 1; i < spans.length; i++)
      assert.ok(spans[i]![0] >= spans[i - 1]![1], `span ${i} overlaps the one before`)
    assert.equal(spans.length, 8)
  })

  it('fails plainly and quickly on a wrong key', async () => {
    const wrongKey = Buffer.from('not the key').toString('base64')
    const pipeline = newPipeline(new StorageSharedKeyCredential(DEV_ACCOUNT, wrongKey), {
      retryOptions: { maxTries: 1 },
    })
    const lock = new LockBlob(new BlobServiceClient(azurite.blobEndpoint, pipeline).getContainerClient('locks'), 'x')
    const err = await wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/api') }).catch((e) => e)
    assert.equal(statusCode(err), 403)
    assert.match(
      describeStorageError(err, azurite.blobEndpoint),
      /^Azure refused access to http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(403 AuthorizationFailure\): .*account key/,
    )
  })

  it('fails plainly on an endpoint where nothing listens', async () => {
    const pipeline = newPipeline(new StorageSharedKeyCredential(DEV_ACCOUNT, 'a2V5'), {
      retryOptions: { maxTries: 2, retryDelayInMs: 50 },
    })
    const endpoint = `http://127.0.0.1:1/${DEV_ACCOUNT}`
    const lock = new LockBlob(
      new BlobServiceClient(endpoint, pipeline).getContainerClient(`c${randomUUID().slice(0, 6)}`),
      'x',
    )
    const err = await wait({ lock, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/api') }).catch((e) => e)
    assert.match(
      describeStorageError(err, endpoint),
      /Cannot reach the blob endpoint http:\/\/127\.0\.0\.1:1\/devstoreaccount1 \(ECONNREFUSED\)/,
    )
  })

  /** One lock on a fresh container, seen directly and through the proxy. */
  function lockSeenTwice(proxy: FaultProxy): { direct: LockBlob; throughProxy: LockBlob } {
    const container = `p${randomUUID().slice(0, 8)}`
    const through = containerOn({ ...azurite, blobEndpoint: proxy.blobEndpoint }, container)
    return { direct: lockOn(azurite, 'deploy', container), throughProxy: new LockBlob(through, 'deploy') }
  }

  // A SAS without delete ('rwcl') cannot remove the entry as the waiter takes the lock: the entry's lease is given
  // back instead (an entry without a lease is no waiter), and the waiter holds, as before.
  it('takes the lock in turn with a SAS that may not delete its queue entry, giving the entry back', async () => {
    const container = `s${randomUUID().slice(0, 8)}`
    const direct = lockOn(azurite, 'deploy', container)
    await direct.create()
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container,
        permissions: ContainerSASPermissions.parse('rwcl'),
        expiresOn: new Date(Date.now() + 3_600_000),
      },
      new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY),
    ).toString()
    const withoutDelete = new LockBlob(
      containerClientFor({ endpoint: azurite.blobEndpoint, auth: { kind: 'sas', sasToken: sas } }, container, {
        retry: { maxTries: 2, retryDelayInMs: 50 },
      }),
      'deploy',
    )
    const first = randomUUID()
    assert.equal(await direct.acquire(first, 15), 'acquired')
    const waiting = wait({
      lock: withoutDelete,
      spec: { leaseDurationSeconds: 15 },
      holder: holderFor('octo/no-delete'),
    })
    while ((await direct.queue.look({})).entries.length === 0) await delay(20)
    assert.equal(await direct.release(first), 'released')
    const got = await waiting
    assert.equal(got.holder.repository, 'octo/no-delete')
    const left = (await direct.queue.look({})).entries
    assert.equal(left.length, 1, 'the entry could not be deleted')
    assert.equal(left[0]!.leased, false, "the entry's lease was given back")
    assert.equal(await direct.release(got.leaseId), 'released')
  })

  // The entry of a waiter that took the lock must go: left behind, still leased, it looks like the head of the line,
  // and the holders after it hand the lease to it, where nobody takes it. Here both tries of the entry's delete are
  // refused as the waiter takes the lock; it takes again, and holds only once its entry is gone.
  it('holds only once its queue entry is gone, also when storage refuses the delete for a moment', async () => {
    const proxy = await new FaultProxy(azurite.port).start()
    try {
      const { direct, throughProxy } = lockSeenTwice(proxy)
      await direct.create()
      const first = randomUUID()
      assert.equal(await direct.acquire(first, 15), 'acquired')
      let refused = 0
      const isEntryDelete = (url: string, method?: string): boolean =>
        method === 'DELETE' && decodeURIComponent(url).includes('/queue/')
      proxy.set({ failIf: (req) => isEntryDelete(req.url ?? '', req.method) && refused < 2 && ++refused > 0 })
      const waiting = wait({ lock: throughProxy, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/queued') })
      while ((await direct.queue.look({})).entries.length === 0) await delay(20)
      assert.equal(await direct.release(first), 'released')
      const got = await waiting
      assert.equal(refused, 2, "both tries of the entry's delete were refused")
      const deletes = proxy.log.filter((r) => r.method === 'DELETE' && (r.path ?? '').includes('/queue/'))
      assert.deepEqual(
        deletes.map((r) => r.status),
        [503, 503, 202],
        'the delete was asked again, as part of a second take',
      )
      assert.deepEqual((await direct.queue.look({})).entries, [], 'the entry is gone')
      assert.equal(got.holder.repository, 'octo/queued')
      assert.equal(await direct.release(got.leaseId), 'released')
    } finally {
      await proxy.stop()
    }
  })

  // A take that storage refuses for a moment (here: both tries of the fencing counter's first write answered 503)
  // must not leave the lock free while the waiter backs off: a client that does not queue, asking every 20 ms,
  // would take it. The lease stays under the waiter's id and the next attempt asks for it again and takes.
  it('keeps the lease through a take that storage refuses for a moment, so that no other client gets the lock meanwhile', async () => {
    const proxy = await new FaultProxy(azurite.port).start()
    let polling = true
    try {
      const { direct, throughProxy } = lockSeenTwice(proxy)
      let refused = 0
      proxy.set({
        failIf: (req) =>
          req.method === 'PUT' && decodeURIComponent(req.url ?? '').includes('/fencing') && refused++ < 2,
      })
      const waiting = wait({ lock: throughProxy, spec: { leaseDurationSeconds: 15 }, holder: holderFor('octo/queued') })
      // From the moment the waiter's acquire is answered, a client that does not queue asks every 20 ms.
      while (!proxy.log.some((r) => r.kind === 'acquire' && r.status === 201)) await delay(5)
      const taken: string[] = []
      const outsider = (async () => {
        while (polling) {
          const id = randomUUID()
          if ((await direct.acquire(id, 15).catch(() => 'error')) === 'acquired') {
            taken.push(new Date().toISOString())
            await direct.release(id)
          }
          await delay(20)
        }
      })()
      const got = await waiting
      polling = false
      await outsider
      assert.equal(refused >= 2, true, 'the counter write was refused on both tries')
      assert.deepEqual(taken, [], 'a client that does not queue took the lock while the waiter was taking it')
      assert.equal(got.holder.repository, 'octo/queued')
      assert.ok(got.fencingToken >= 1)
      assert.equal(await direct.release(got.leaseId), 'released')
    } finally {
      polling = false
      await proxy.stop()
    }
  })
})
