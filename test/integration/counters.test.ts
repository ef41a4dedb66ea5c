// The two counters beside a lock (tickets and fencing tokens) against Azurite:
// a stranger's lease or a value this action did not write is one clear
// failure, not a retry; and a counter that is deleted starts again above every
// number it handed out.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import type { Pipeline } from '@azure/core-rest-pipeline'
import { CounterError } from '../../src/lock/counter.ts'
import { isTransient } from '../../src/lock/errors.ts'
import { FENCING_KEY } from '../../src/lock/holder.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { entryName, reservedNames } from '../../src/lock/reserved.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor } from '../support/lock.ts'

const WHO = holderFor('octo/counters')

interface Counted {
  lock: LockBlob
  container: ContainerClient
  /** Requests sent to the counter blob named, by method. */
  requestsTo: (blob: string) => string[]
}

/** A lock on a fresh container whose requests are counted. */
async function freshLock(azurite: Azurite, name = 'deploy'): Promise<Counted> {
  const container = containerOn(azurite)
  await container.create()
  const seen: Array<{ method: string; url: string }> = []
  const context = (container as unknown as { storageClientContext: { pipeline: Pipeline } }).storageClientContext
  context.pipeline.addPolicy(
    {
      name: 'countRequests',
      sendRequest: (request, next) => {
        seen.push({ method: request.method, url: decodeURIComponent(new URL(request.url).pathname) })
        return next(request)
      },
    },
    { afterPhase: 'Retry' },
  )
  const lock = new LockBlob(container, name)
  return {
    lock,
    container,
    requestsTo: (blob) => seen.filter((s) => s.url.endsWith(`/${blob}`)).map((s) => s.method),
  }
}

/** Takes the lease on the lock as the waiter does: acquire, then the record and the token side by side. */
async function take(lock: LockBlob): Promise<{ leaseId: string; token: number }> {
  await lock.create()
  const leaseId = randomUUID()
  assert.equal(await lock.acquire(leaseId, 15), 'acquired')
  const issued = lock.nextFencingToken()
  const [, token] = await Promise.all([
    lock.writeHolder(leaseId, { ...WHO, acquiredAt: new Date().toISOString(), leaseSeconds: '15' }, {}, issued),
    issued,
  ])
  return { leaseId, token }
}

async function cycle(lock: LockBlob): Promise<number> {
  const { leaseId, token } = await take(lock)
  assert.equal(await lock.release(leaseId), 'released')
  return token
}

async function deleteFolder(container: ContainerClient): Promise<number> {
  let deleted = 0
  for await (const blob of container.listBlobsFlat({ prefix: '.azure-mutex/' })) {
    await container.getBlobClient(blob.name).delete()
    deleted++
  }
  return deleted
}

describe('counters that answer', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  for (const which of ['fencing', 'tickets'] as const) {
    it(`fails at once, naming the blob and the command, when a stranger leases the ${which} counter`, async () => {
      const { lock, container, requestsTo } = await freshLock(azurite)
      const counter = reservedNames(lock.name)[which]
      const next = (): Promise<number> =>
        which === 'fencing' ? lock.nextFencingToken() : lock.queue.claimTicket().then((claim) => claim.ticket)
      assert.equal(await next(), 1)
      const stranger = container.getBlobClient(counter).getBlobLeaseClient(randomUUID())
      await stranger.acquireLease(-1)
      const sent = requestsTo(counter).length
      const started = performance.now()
      const err = await next().then(
        () => assert.fail('the bump succeeded on a leased counter'),
        (e: unknown) => e,
      )
      assert.ok(performance.now() - started < 2_000, 'it did not retry')
      assert.ok(err instanceof CounterError, String(err))
      assert.equal(isTransient(err), false)
      assert.equal(
        err.message,
        `The counter blob ${container.containerName}/${counter} is leased by another client (Azure answered 412 LeaseIdMissing); ` +
          'this action never leases it, so it cannot count. Break that lease: az storage blob lease break ' +
          `--account-name devstoreaccount1 --container-name ${container.containerName} --blob-name ${counter}`,
      )
      assert.deepEqual(requestsTo(counter).slice(sent), ['HEAD', 'PUT'], 'one read and one refused write, no retry')
      await stranger.releaseLease()
      assert.equal(await next(), 2, 'once the lease is broken, counting goes on')
    })
  }

  for (const value of ['-3', 'seven', '', '99999999999999999']) {
    it(`fails at once, naming the blob, the value and the command, when the counter holds ${JSON.stringify(value)}`, async () => {
      const { lock, container } = await freshLock(azurite)
      const counter = reservedNames(lock.name).fencing
      await container.getBlockBlobClient(counter).upload('', 0, { metadata: { value } })
      const err = await lock.nextFencingToken().then(
        () => assert.fail('the bump succeeded'),
        (e: unknown) => e,
      )
      assert.ok(err instanceof CounterError, String(err))
      assert.equal(
        err.message,
        `The counter blob ${container.containerName}/${counter} holds '${value}', not a count that this action wrote. ` +
          'Delete it, and the action starts it again above every number it handed out: az storage blob delete ' +
          `--account-name devstoreaccount1 --container-name ${container.containerName} --name ${counter}`,
      )
    })
  }

  it('shows a hostile value only as plain text', async () => {
    const { lock, container } = await freshLock(azurite)
    const counter = reservedNames(lock.name).tickets
    await container.getBlockBlobClient(counter).upload('', 0, { metadata: { value: '%0A::error::x ##[warning]y' } })
    const err = await lock.queue.claimTicket().catch((e: unknown) => e)
    assert.ok(err instanceof CounterError)
    assert.ok(!err.message.includes('##['), err.message)
    assert.match(err.message, /holds '%0A::error::x ##\\x5bwarning\]y'/)
  })

  it('still counts every bump once when many race', async () => {
    const { lock } = await freshLock(azurite)
    const tickets = await Promise.all(Array.from({ length: 12 }, () => lock.queue.claimTicket()))
    assert.deepEqual(
      tickets.map((claim) => claim.ticket).sort((a, b) => a - b),
      Array.from({ length: 12 }, (_, i) => i + 1),
    )
  })
})

describe('counters that survive deletion', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  it('records each fencing token on the lock blob, and keeps it there after release', async () => {
    const { lock, container } = await freshLock(azurite)
    assert.equal(await cycle(lock), 1)
    assert.equal(await cycle(lock), 2)
    const props = await container.getBlobClient(lock.name).getProperties()
    assert.equal(props.metadata?.[FENCING_KEY], '2')
    assert.equal(props.metadata?.holder_acquired_at, undefined, 'the holder record itself is cleared')
  })

  it('starts a deleted fencing counter above the last token, with one more request only then', async () => {
    const { lock, container, requestsTo } = await freshLock(azurite)
    for (let i = 1; i <= 5; i++) assert.equal(await cycle(lock), i)
    const before = requestsTo(lock.name).length
    assert.equal(await cycle(lock), 6)
    const perCycle = requestsTo(lock.name).length - before
    await container.getBlobClient(reservedNames(lock.name).fencing).delete()
    const beforeSeeded = requestsTo(lock.name).length
    assert.equal(await cycle(lock), 7)
    assert.equal(requestsTo(lock.name).length - beforeSeeded, perCycle + 1, 'one HEAD of the lock blob for the seed')
    assert.equal(await cycle(lock), 8)
  })

  it('keeps tokens rising when the whole .azure-mutex/ folder is deleted while the lock is held', async () => {
    const { lock, container } = await freshLock(azurite)
    const tokens = [await cycle(lock), await cycle(lock), await cycle(lock)]
    const held = await take(lock)
    tokens.push(held.token)
    await lock.queue.claimTicket()
    assert.equal(await deleteFolder(container), 2, 'the fencing and tickets counters')
    assert.equal(await lock.release(held.leaseId), 'released')
    tokens.push(await cycle(lock), await cycle(lock))
    assert.deepEqual(tokens, [1, 2, 3, 4, 5, 6])
  })

  it('never lowers the recorded token when an older client starts the counter again at 1', async () => {
    const { lock, container } = await freshLock(azurite)
    for (let i = 1; i <= 4; i++) await cycle(lock)
    const fencing = container.getBlockBlobClient(reservedNames(lock.name).fencing)
    await fencing.delete()
    await fencing.upload('', 0, { metadata: { value: '1' } })
    assert.equal(await cycle(lock), 2, 'a counter that exists is believed')
    const props = await container.getBlobClient(lock.name).getProperties()
    assert.equal(props.metadata?.[FENCING_KEY], '4')
  })

  it('starts a deleted tickets counter above the highest entry still in the queue', async () => {
    const { lock, container } = await freshLock(azurite)
    await lock.create()
    const tickets = []
    for (let i = 0; i < 4; i++) {
      const { ticket } = await lock.queue.claimTicket()
      assert.equal(await lock.queue.enter(ticket, WHO, randomUUID(), 15), 'entered')
      tickets.push(ticket)
    }
    assert.deepEqual(tickets, [1, 2, 3, 4])
    const last = container.getBlobClient(entryName(reservedNames(lock.name).queuePrefix, 4))
    await last.getBlobLeaseClient().breakLease(0)
    await last.delete()
    await container.getBlobClient(reservedNames(lock.name).tickets).delete()
    assert.equal((await lock.queue.claimTicket()).ticket, 4, 'above entry 3, the highest left')
    assert.equal((await lock.queue.claimTicket()).ticket, 5)
  })

  it("starts a deleted tickets counter above the holder's ticket when the queue is empty", async () => {
    const { lock, container } = await freshLock(azurite)
    await lock.create()
    const leaseId = randomUUID()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    await lock.writeHolder(leaseId, { ...WHO, acquiredAt: new Date().toISOString(), ticket: '41' })
    assert.equal((await lock.queue.claimTicket()).ticket, 42)
    await deleteFolder(container)
    assert.equal((await lock.queue.claimTicket()).ticket, 42)
  })
})
