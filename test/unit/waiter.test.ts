// The waiter's attempts and its loop, over an in-memory lock and queue (no
// storage: the storage contract, test/integration/store-contract.test.ts,
// keeps the fake doing what LockBlob does on Azurite).

import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import { letGo } from '../../src/lock/queue/handover.ts'
import { LockCancelledError, LockError, LockTimeoutError, RequestTimeoutError } from '../../src/lock/errors.ts'
import type { HolderIdentity, HolderRecord } from '../../src/lock/holder.ts'
import {
  grantTime,
  noAnswerYetText,
  waitForLease,
  type Acquired,
  type WaitEvent,
  type WaitOptions,
} from '../../src/lock/waiter.ts'
import { FakeStore, FakeWorld } from '../support/fake-store.ts'

const FAST = {
  headPollMs: [1, 2],
  outsidePollMs: [3, 5],
  onDeckPollMs: [5, 10],
  queuePollMs: [5, 10],
  headListMs: 50,
  floorMs: 1,
} as const

function who(repository: string): HolderIdentity {
  return { repository, workflow: 'w', job: 'j', runId: '1', runAttempt: '1', actor: 'a', runUrl: '' }
}

function record(repository: string): HolderRecord {
  return { ...who(repository), acquiredAt: '2026-01-01T00:00:00.000Z' }
}

function wait(store: FakeStore, repository: string, options: Partial<WaitOptions> = {}): Promise<Acquired> {
  return waitForLease({
    lock: store,
    spec: { leaseDurationSeconds: 15 },
    holder: who(repository),
    pacing: FAST,
    ...options,
  })
}

/** Resolves once `check` holds, polling every ms; fails the test after `limitMs`. */
async function until(check: () => boolean, what: string, limitMs = 2_000): Promise<void> {
  const deadline = Date.now() + limitMs
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`)
    await delay(1)
  }
}

describe('waitForLease over a queue', () => {
  test('takes a free lock with one listing and one acquire when nobody waits, and never joins', async () => {
    const world = new FakeWorld()
    const store = new FakeStore(world)
    const got = await wait(store, 'octo/solo')
    assert.deepEqual(store.requests.slice(0, 2), ['list', 'acquire'])
    assert.deepEqual(store.requests.slice(2).sort(), ['fencing', 'write-holder'])
    assert.equal(got.fencingToken, 1)
    assert.equal(got.arrivalPosition, 1)
    assert.equal(got.holder.leaseSeconds, '15')
    assert.equal(world.lockLeaseId, got.leaseId)
    assert.equal(world.entries.size, 0)
  })

  test('creates a missing lock blob and takes it', async () => {
    const world = new FakeWorld()
    world.lockExists = false
    const events: WaitEvent[] = []
    await wait(new FakeStore(world), 'octo/first', { onEvent: (e) => events.push(e) })
    assert.deepEqual(events, [{ type: 'created', what: 'blob' }])
  })

  test('serves waiters in the order they joined, whoever polls first, and leaves the queue empty', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const order: string[] = []
    const tokens: number[] = []
    const waiters = ['octo/a', 'octo/b', 'octo/c', 'octo/d'].map(async (repository, i) => {
      await delay(i * 20)
      const store = new FakeStore(world)
      const got = await wait(store, repository)
      order.push(repository)
      tokens.push(got.fencingToken)
      await delay(5)
      await store.release(got.leaseId)
    })
    await until(() => world.entries.size === 4, 'all four joined')
    world.releaseDirectly()
    await Promise.all(waiters)
    assert.deepEqual(order, ['octo/a', 'octo/b', 'octo/c', 'octo/d'])
    assert.deepEqual(tokens, [1, 2, 3, 4])
    assert.equal(world.entries.size, 0, 'no entry left behind')
  })

  test('only the head looks at the lock; the others list the queue', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const head = new FakeStore(world)
    const behind = new FakeStore(world)
    const cancel = new AbortController()
    const waiting = [
      wait(head, 'octo/head', { signal: cancel.signal }),
      delay(10).then(() => wait(behind, 'octo/behind', { signal: cancel.signal })),
    ].map((p) => p.catch((err: unknown) => err))
    await delay(300)
    cancel.abort()
    await Promise.all(waiting)
    const views = (store: FakeStore): number => store.requests.filter((r) => r === 'view').length
    const lists = (store: FakeStore): number => store.requests.filter((r) => r === 'list').length
    assert.ok(views(head) > 50, `the head looked at the lock ${views(head)} times`)
    assert.ok(views(behind) <= 2, `the waiter behind looked at the lock ${views(behind)} times`)
    assert.ok(lists(behind) > 10, `the waiter behind listed the queue ${lists(behind)} times`)
    assert.ok(!behind.requests.includes('acquire') || behind.requests.indexOf('acquire') < 2, 'only the head acquired')
    const acquires = (store: FakeStore): number => store.requests.filter((r) => r === 'acquire').length
    assert.equal(acquires(head), 1, 'the head asked for the lease on arrival, then never while it saw the lock held')
  })

  test('does not try for a free lease while a live entry is ahead of it', async () => {
    const world = new FakeWorld()
    world.addEntry(1, who('octo/ahead'), 60_000)
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/behind')
    await delay(100)
    assert.equal(store.requests.filter((r) => r === 'acquire').length, 0, 'it did not try while a waiter was ahead')
    world.entries.delete(1)
    const got = await waiting
    assert.equal(world.lockLeaseId, got.leaseId)
    assert.equal(got.arrivalPosition, 2, 'second in line on arrival: one waiter ahead, the lock free')
  })

  test('skips and sweeps an entry whose lease lapsed, and takes the lock at once', async () => {
    const world = new FakeWorld()
    world.addEntry(1, who('octo/dead'), 0, new Date(Date.now() - 60_000))
    const store = new FakeStore(world)
    const got = await wait(store, 'octo/alive')
    assert.equal(world.lockLeaseId, got.leaseId)
    await until(() => world.entries.size === 0, 'the lapsed entry is swept')
    assert.ok(!store.requests.includes('claim'), 'it took no ticket')
  })

  test('believes an entry without a lease younger than the join grace: its waiter is joining', async () => {
    const world = new FakeWorld()
    world.addEntry(1, who('octo/joining'), 0, new Date())
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/behind', { timeoutMs: 150 })
    await assert.rejects(waiting, LockTimeoutError)
    assert.ok(!store.requests.includes('acquire'), 'it did not jump the joining waiter')
    assert.ok(world.entries.has(1), 'the joining entry was not swept')
  })

  test('does not take the head before the entry of a brand-new ticket just before its own shows', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    // Ticket 1 was handed out a moment ago; its waiter has not written its entry yet.
    world.tickets = 1
    world.ticketAt = new Date()
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/second')
    await until(() => world.entries.has(2), 'the waiter joined with ticket 2')
    world.releaseDirectly()
    await delay(100)
    assert.equal(world.lockLeaseId, undefined, 'it did not take the lock before ticket 1 showed up')
    world.addEntry(1, who('octo/first'), 60_000)
    await delay(50)
    assert.equal(world.lockLeaseId, undefined, 'nor while ticket 1 waits ahead of it')
    world.entries.delete(1)
    const got = await waiting
    assert.equal(world.lockLeaseId, got.leaseId)
    assert.equal(got.holder.ticket, '2', 'its record carries its ticket')
  })

  test('learns from the holder record that the brand-new ticket before its own was served, if it missed its entry', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    world.tickets = 1
    world.ticketAt = new Date()
    const store = new FakeStore(world)
    const started = Date.now()
    const waiting = wait(store, 'octo/second')
    await until(() => world.entries.has(2), 'the waiter joined with ticket 2')
    // Ticket 1's waiter joined, took the lock and left before the waiter behind it listed the queue again.
    world.leaseDirectly('first', { ...record('octo/first'), ticket: '1' })
    await delay(50)
    world.releaseDirectly()
    await waiting
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms, not the whole grace`)
  })

  test('leaves the queue at once when it times out, naming the holder', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const store = new FakeStore(world)
    await assert.rejects(
      wait(store, 'octo/waiter', { timeoutMs: 100 }),
      (err: Error) =>
        err instanceof LockTimeoutError &&
        /^Timed out after 0\.\ds waiting for lock acct\/locks\/fake; it is held by octo\/holder/.test(err.message),
    )
    assert.equal(world.entries.size, 0)
    // Then, at the head, one look whether the holder handed it the lease as it gave up (it did not).
    assert.deepEqual(store.requests.slice(-2), ['leave', 'view'])
    assert.equal(world.lockLeaseId, 'foreign', 'the holder keeps its lease')
  })

  test('leaves the queue at once when cancelled', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const cancel = new AbortController()
    const waiting = wait(new FakeStore(world), 'octo/waiter', { signal: cancel.signal })
    await until(() => world.entries.size === 1, 'it joined')
    cancel.abort()
    await assert.rejects(waiting, LockCancelledError)
    assert.equal(world.entries.size, 0)
  })

  test('names an infinite lease in the timeout error, with the command that breaks it', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', undefined, true)
    await assert.rejects(
      wait(new FakeStore(world), 'octo/waiter', { timeoutMs: 50 }),
      (err: Error) =>
        err.message.includes('with an infinite lease that never expires by itself') &&
        err.message.endsWith(
          '; break its lease with: az storage blob lease break --account-name acct --container-name locks --blob-name fake.',
        ),
    )
  })

  test('with a timeout of 0 tries once and never joins the queue', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const store = new FakeStore(world)
    await assert.rejects(wait(store, 'octo/once', { timeoutMs: 0 }), LockTimeoutError)
    assert.deepEqual(store.requests, ['list', 'acquire', 'view'])
  })

  test('takes the next ticket when an entry of its ticket exists already (a stranger wrote it, or the counter was reset)', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    world.addEntry(1, who('stranger'), 60_000)
    world.tickets = 0 // the counter knows nothing of it
    const waiting = wait(new FakeStore(world), 'octo/waiter')
    await until(() => world.entries.has(2), 'it joined with ticket 2')
    assert.equal(world.entries.get(1)?.waiter.repository, 'stranger', "the stranger's entry is left alone")
    world.entries.delete(1)
    world.releaseDirectly()
    await waiting
  })

  test('joins again, at the back, when its entry is removed', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const events: WaitEvent[] = []
    const waiting = wait(new FakeStore(world), 'octo/waiter', { onEvent: (e) => events.push(e) })
    await until(() => world.entries.has(1), 'it joined with ticket 1')
    world.entries.delete(1) // as a sweep would, after its lease lapsed
    await until(() => world.entries.has(2), 'it joined again with ticket 2')
    assert.ok(events.some((e) => e.type === 'rejoined'))
    world.releaseDirectly()
    await waiting
    assert.equal(world.entries.size, 0)
  })

  test('starts again from outside, instead of failing, when the container is gone as it takes a ticket', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const waiting = wait(new FakeStore(world), 'octo/waiter')
    await until(() => world.entries.has(1), 'it joined with ticket 1')
    world.failing = {
      kinds: new Set(['claim']),
      error: Object.assign(new Error('container gone'), { statusCode: 404, code: 'ContainerNotFound' }),
    }
    world.entries.delete(1) // its entry went with the container
    await until(() => world.count('claim') >= 3, 'it tried for a ticket again and again')
    world.failing = undefined
    await until(() => world.entries.has(3) || world.entries.has(2), 'it joined again once the queue was back')
    world.releaseDirectly()
    const acquired = await waiting
    assert.equal(acquired.leaseId !== undefined, true)
    assert.equal(world.lockLeaseId, acquired.leaseId, 'it holds the lock')
  })

  test('waits outside the queue, saying so once, when its credential may not list the container', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const refused = Object.assign(new Error('no list permission'), {
      statusCode: 403,
      details: { errorCode: 'AuthorizationPermissionMismatch' },
    })
    world.failing = { kinds: new Set(['list']), error: refused }
    const events: WaitEvent[] = []
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/outside', { onEvent: (e) => events.push(e) })
    await delay(50)
    world.releaseDirectly()
    const got = await waiting
    assert.equal(world.lockLeaseId, got.leaseId)
    assert.deepEqual(
      events.map((e) => e.type),
      ['outside-queue', 'waiting'],
    )
    assert.equal(store.requests.filter((r) => r === 'list').length, 1, 'it tried the queue once')
    assert.ok(!store.requests.includes('claim') && world.entries.size === 0, 'it never joined')
  })

  test('gives back a lease it took when writing its record fails for good', async () => {
    const world = new FakeWorld()
    world.failing = {
      kinds: new Set(['write-holder']),
      error: Object.assign(new Error('forbidden'), { statusCode: 403 }),
    }
    await assert.rejects(wait(new FakeStore(world), 'octo/waiter'), /forbidden/)
    assert.equal(world.lockLeaseId, undefined)
  })

  test('rides out storage that fails for a while, and says so once', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const events: WaitEvent[] = []
    const waiting = wait(new FakeStore(world), 'octo/waiter', { onEvent: (e) => events.push(e) })
    await until(() => world.entries.size === 1, 'it joined')
    world.failing = { kinds: new Set(['view', 'list']), error: Object.assign(new Error('busy'), { statusCode: 503 }) }
    await delay(1_500)
    world.failing = undefined
    world.releaseDirectly()
    await waiting
    assert.equal(events.filter((e) => e.type === 'storage-trouble').length, 1)
  })
})

/** Settles with the wait's outcome, or fails the test when it takes longer than `limitMs`. */
async function within<T>(limitMs: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${limitMs} ms`)), limitMs)
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

const serverBusy = (): Error =>
  Object.assign(new Error('The server is busy.'), {
    name: 'RestError',
    statusCode: 503,
    code: 'ServerBusy',
    details: { errorCode: 'ServerBusy' },
  })

describe('the wait loop when storage fails', () => {
  for (const timeoutMs of [300, 0]) {
    test(`ends at its deadline (timeout ${timeoutMs} ms) when every attempt fails, naming storage's last answer`, async () => {
      const world = new FakeWorld()
      world.failing = { kinds: new Set(['list', 'view', 'acquire', 'claim']), error: serverBusy() }
      const cancel = new AbortController()
      const started = Date.now()
      try {
        await within(
          3_000,
          'the wait',
          assert.rejects(
            wait(new FakeStore(world), 'octo/throttled', { timeoutMs, signal: cancel.signal }),
            (err: Error) =>
              err instanceof LockTimeoutError &&
              /^Timed out after .* waiting for lock acct\/locks\/fake; storage answered 503 ServerBusy \(throttled\)\.$/.test(
                err.message,
              ),
          ),
        )
      } finally {
        cancel.abort()
      }
      assert.ok(Date.now() - started < timeoutMs + 2_000, `ended after ${Date.now() - started} ms`)
      assert.ok(world.requests.length <= 3, `${world.requests.length} requests: it backs off`)
    })
  }

  test('ends the wait at once on an error of unknown kind, instead of retrying it until the timeout', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/waiter', { timeoutMs: 5_000 })
    await until(() => world.entries.size === 1, 'it joined')
    world.failing = { kinds: new Set(['view', 'list', 'renew-entry']), error: new Error('something odd') }
    const started = Date.now()
    await within(2_000, 'the failure', assert.rejects(waiting, /something odd/))
    assert.ok(Date.now() - started < 1_000, `failed after ${Date.now() - started} ms`)
    assert.equal(world.entries.size, 0, 'it left the queue')
  })

  test('keeps the lease through a take whose fencing token fails for a moment, and asks for it again first', async () => {
    const world = new FakeWorld()
    world.failing = { kinds: new Set(['fencing']), error: serverBusy() }
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/waiter')
    await until(() => store.requests.filter((r) => r === 'acquire').length >= 2, 'it tried twice')
    world.failing = undefined
    const got = await waiting
    assert.equal(world.lockLeaseId, got.leaseId)
    // No release between the acquires: the lock never stood free while the waiter backed off.
    const leaseRequests = store.requests.filter((r) => r === 'acquire' || r === 'release')
    assert.ok(!leaseRequests.includes('release'), leaseRequests.join(' '))
  })

  test('gives the lease back when a third take in a row fails, and waits without it', async () => {
    const world = new FakeWorld()
    world.failing = { kinds: new Set(['fencing']), error: serverBusy() }
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/waiter')
    await until(() => store.requests.filter((r) => r === 'acquire').length >= 4, 'it tried four times', 10_000)
    world.failing = undefined
    const got = await waiting
    assert.equal(world.lockLeaseId, got.leaseId)
    const leaseRequests = store.requests.filter((r) => r === 'acquire' || r === 'release')
    assert.deepEqual(leaseRequests.slice(0, 5), ['acquire', 'acquire', 'acquire', 'release', 'acquire'])
  })

  test('fails with one error, the lease given back, when the fencing token fails for good', async () => {
    const world = new FakeWorld()
    world.failing = {
      kinds: new Set(['fencing']),
      error: new LockError("The counter blob fencing holds '-3', not a count that this action wrote."),
    }
    const store = new FakeStore(world)
    await within(2_000, 'the failure', assert.rejects(wait(store, 'octo/waiter'), /holds '-3'/))
    assert.equal(world.lockLeaseId, undefined)
    assert.equal(store.requests.filter((r) => r === 'acquire').length, 1, 'it did not try again')
  })
})

/** A network error as the SDK gives it: no status, a Node code. */
const networkError = (code: string): Error => Object.assign(new Error(`connect ${code}`), { name: 'RestError', code })

describe('the first contact with storage', () => {
  test('keeps trying requests that get no answer, with a warning, and holds once storage answers', async () => {
    const world = new FakeWorld()
    world.failing = { kinds: new Set(['list']), error: new RequestTimeoutError(10_000) }
    const events: WaitEvent[] = []
    const waiting = wait(new FakeStore(world), 'octo/busy', { firstContactMs: 5_000, onEvent: (e) => events.push(e) })
    await until(() => world.count('list') >= 2, 'it asked again', 3_000)
    world.failing = undefined
    const got = await within(5_000, 'the wait', waiting)
    assert.equal(world.lockLeaseId, got.leaseId)
    const warned = events.filter((e) => e.type === 'no-answer-yet')
    assert.equal(warned.length, 1, 'one warning, at the first failure')
    assert.ok(warned[0]!.type === 'no-answer-yet' && warned[0]!.triesForMs > 4_000, JSON.stringify(warned[0]))
    assert.ok(!events.some((e) => e.type === 'storage-trouble'), 'told as no answer yet, not as trouble')
  })

  test('ends with the last failure, naming no holder, when storage has not answered by the end of its time', async () => {
    const world = new FakeWorld()
    world.failing = { kinds: new Set(['list']), error: new RequestTimeoutError(10_000) }
    const started = Date.now()
    await within(
      5_000,
      'the wait',
      // Longer than the first back-off (0.5-1 s), so that a second try always comes within it.
      assert.rejects(wait(new FakeStore(world), 'octo/lost', { firstContactMs: 1_500 }), RequestTimeoutError),
    )
    assert.ok(Date.now() - started >= 1_500, `ended after ${Date.now() - started} ms`)
    assert.ok(world.count('list') >= 2, `${world.count('list')} tries`)
  })

  for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET']) {
    test(`ends at once on ${code}, which says nobody is there (the SDK has tried it three times)`, async () => {
      const world = new FakeWorld()
      world.failing = { kinds: new Set(['list']), error: networkError(code) }
      const started = Date.now()
      await within(2_000, 'the wait', assert.rejects(wait(new FakeStore(world), 'octo/wrong'), new RegExp(code)))
      assert.ok(Date.now() - started < 500, `ended after ${Date.now() - started} ms`)
      assert.equal(world.count('list'), 1, 'no try of its own')
    })
  }

  test('with a timeout shorter than its time, ends at the timeout with the failure, which names the endpoint', async () => {
    const world = new FakeWorld()
    world.failing = { kinds: new Set(['list']), error: networkError('EAI_AGAIN') }
    const started = Date.now()
    await within(
      3_000,
      'the wait',
      assert.rejects(wait(new FakeStore(world), 'octo/short', { timeoutMs: 400 }), /EAI_AGAIN/),
    )
    assert.ok(Date.now() - started < 1_500, `ended after ${Date.now() - started} ms`)
  })

  test('once storage has answered, a request without an answer is storage trouble, waited out until the timeout', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const events: WaitEvent[] = []
    const store = new FakeStore(world)
    const waiting = wait(store, 'octo/waiter', { timeoutMs: 600, firstContactMs: 100, onEvent: (e) => events.push(e) })
    await until(() => world.entries.size === 1, 'it joined')
    world.failing = { kinds: new Set(['list', 'view', 'renew-entry']), error: new RequestTimeoutError(10_000) }
    await within(3_000, 'the wait', assert.rejects(waiting, LockTimeoutError))
    assert.ok(events.some((e) => e.type === 'storage-trouble'))
    assert.ok(!events.some((e) => e.type === 'no-answer-yet'))
  })

  test('the warning says what failed, how long it goes on, and what may be the cause', () => {
    assert.equal(
      noAnswerYetText(
        { error: new RequestTimeoutError(10_000), triesForMs: 50_000 },
        'at https://acct.blob.core.windows.net',
      ),
      'Storage has not answered yet at https://acct.blob.core.windows.net (no answer within 10 s); trying again for up to ' +
        '50s: the machine or the network may be busy, or the endpoint may be wrong.',
    )
  })
})

describe('the pace of the wait loop', () => {
  test('sleeps at least the pacing floor between attempts, even when an attempt asks for no pause at all', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const store = new FakeStore(world)
    const NO_PAUSE = {
      headPollMs: [0, 0],
      outsidePollMs: [0, 0],
      onDeckPollMs: [0, 0],
      queuePollMs: [0, 0],
      headListMs: 0,
      floorMs: 25,
    } as const
    await assert.rejects(wait(store, 'octo/waiter', { timeoutMs: 500, pacing: NO_PAUSE }), LockTimeoutError)
    const views = store.requests.filter((r) => r === 'view').length
    assert.ok(views <= 500 / 25 + 5, `${views} looks at the lock in 0.5 s`)
  })

  test('looks at a lock held without a record at the head pace, not in a busy loop', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign') // no record: go-azuremutex, az CLI, a plain SDK lease
    const store = new FakeStore(world)
    const pacing = { ...FAST, headPollMs: [40, 50], headListMs: 10_000, floorMs: 1 } as const
    await assert.rejects(wait(store, 'octo/head', { timeoutMs: 1_000, pacing }), LockTimeoutError)
    const views = store.requests.filter((r) => r === 'view').length
    assert.ok(views <= 1_000 / 40 + 5, `${views} looks at the lock in 1 s`)
  })
})

describe('entries that do not serve the lock', () => {
  test('does not wait behind an entry with an infinite lease, and says once how to clear it', async () => {
    const world = new FakeWorld()
    world.squat(1, who('octo/squatter'))
    const events: WaitEvent[] = []
    const got = await within(
      2_000,
      'the wait',
      wait(new FakeStore(world), 'octo/waiter', { onEvent: (e) => events.push(e) }),
    )
    assert.equal(world.lockLeaseId, got.leaseId)
    const told = events.filter((e) => e.type === 'squatter')
    assert.equal(told.length, 1)
    assert.match(
      told[0]!.type === 'squatter' ? told[0]!.clearCommands : '',
      /az storage blob lease break .*q\/1 && az storage blob delete/,
    )
  })

  test('passes over a head that leaves the lock free for longer than the bound, and takes it', async () => {
    const world = new FakeWorld()
    world.addEntry(1, who('octo/stuck'), 60_000)
    const events: WaitEvent[] = []
    const pacing = { ...FAST, idleHeadMs: 200 } as const
    const started = Date.now()
    const got = await within(
      3_000,
      'the wait',
      wait(new FakeStore(world), 'octo/next', { pacing, onEvent: (e) => events.push(e) }),
    )
    assert.equal(world.lockLeaseId, got.leaseId)
    assert.ok(Date.now() - started >= 200, 'not before the bound')
    assert.deepEqual(
      events.filter((e) => e.type === 'passed-over').map((e) => e.type === 'passed-over' && e.ticket),
      [1],
    )
  })

  test('waits behind a live head while it holds the lock, however long', async () => {
    const world = new FakeWorld()
    world.addEntry(1, who('octo/head'), 60_000)
    world.leaseDirectly('head-lease', record('octo/head'))
    const pacing = { ...FAST, idleHeadMs: 50 } as const
    await assert.rejects(wait(new FakeStore(world), 'octo/next', { pacing, timeoutMs: 400 }), LockTimeoutError)
  })

  test('a try-lock reads past six lapsed entries and takes a free lock, warning once when it may not sweep them', async () => {
    const world = new FakeWorld()
    const old = new Date(Date.now() - 60_000)
    for (let ticket = 1; ticket <= 6; ticket++) world.addEntry(ticket, who(`octo/gone-${ticket}`), 0, old)
    world.failing = { kinds: new Set(['sweep']), error: Object.assign(new Error('forbidden'), { statusCode: 403 }) }
    const events: WaitEvent[] = []
    const got = await wait(new FakeStore(world), 'octo/try', { timeoutMs: 0, onEvent: (e) => events.push(e) })
    assert.equal(world.lockLeaseId, got.leaseId)
    await delay(20)
    assert.equal(events.filter((e) => e.type === 'sweep-refused').length, 1)
  })
})

describe('waitForLease with let-go and slots, over the fake', () => {
  test('takes the lease its holder handed it as it let go, and the lock is never free between the two', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('holder-lease', record('octo/holder'))
    const holder = new FakeStore(world)
    const waiting = wait(new FakeStore(world), 'octo/next')
    await until(() => [...world.entries.values()].some((e) => e.leaseId !== undefined), 'it joined')
    const outcome = await letGo(
      { queue: holder.queue, handoverLook: (o) => holder.handoverLook(o), letGo: (...a) => holder.letGo(...a) },
      'holder-lease',
    )
    assert.equal(outcome.outcome, 'handed-over', 'its entry published the id it holds the lock under')
    assert.equal(await new FakeStore(world).acquire(randomUUID(), 15), 'held-by-other', 'nobody slips in')
    const got = await waiting
    assert.equal(outcome.outcome === 'handed-over' && outcome.to.leaseId, got.leaseId)
    assert.equal(world.lockLeaseId, got.leaseId)
    assert.equal(world.holder?.repository, 'octo/next', 'its record replaces the mark')
    assert.equal(world.entries.size, 0, 'it left the queue')
  })

  test('takes a free slot beside a held one, and the next waiter is handed the slot its holder lets go', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('slot-1-lease', record('octo/one'))
    const first = await wait(new FakeStore(world, { slots: 2 }), 'octo/two')
    assert.equal(first.slot, 2, 'slot 1 is held: it takes slot 2')
    assert.equal(world.blob(2).leaseId, first.leaseId)
    assert.equal(world.lockLeaseId, 'slot-1-lease', 'slot 1 is left to its holder')
    const waiting = wait(new FakeStore(world, { slots: 2 }), 'octo/three')
    await until(() => world.entries.size === 1, 'the next waits: both slots are held')
    const slot2 = new FakeStore(world, { slots: 2 }).slotted!.open(2)
    const outcome = await letGo(
      { queue: slot2.queue, handoverLook: (o) => slot2.handoverLook!(o), letGo: (...a) => slot2.letGo!(...a) },
      first.leaseId,
    )
    assert.equal(outcome.outcome, 'handed-over')
    const next = await waiting
    assert.equal(next.slot, 2)
    assert.equal(world.blob(2).leaseId, next.leaseId)
    assert.equal(next.fencingToken, first.fencingToken + 1)
  })
})

describe('grantTime', () => {
  const service = new Date('2026-11-30T10:00:05.000Z')
  const at = (iso: string): Date => new Date(iso)

  test("keeps our own reading, to the millisecond, when it agrees with the service's clock", () => {
    const answered = at('2026-11-30T10:00:05.420Z')
    assert.equal(grantTime(at('2026-11-30T10:00:05.380Z'), answered, service), answered)
  })

  test("takes the service's time when our clock is fast or slow", () => {
    assert.equal(grantTime(at('2026-11-30T10:10:05.380Z'), at('2026-11-30T10:10:05.420Z'), service), service)
    assert.equal(grantTime(at('2026-11-30T09:50:05.380Z'), at('2026-11-30T09:50:05.420Z'), service), service)
  })
})
