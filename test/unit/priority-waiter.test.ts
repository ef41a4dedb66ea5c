// The waiter and the priority lane, over an in-memory lock and queue: a
// normal head that lists seldom does not keep a free lock it took past a
// high-priority waiter, and a normal waiter is told once who went ahead of it.

import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, test } from 'node:test'
import type { HolderIdentity, HolderRecord } from '../../src/lock/holder.ts'
import { waitForLease, type Acquired, type WaitEvent, type WaitOptions } from '../../src/lock/waiter.ts'
import { FakeStore, FakeWorld } from '../support/fake-store.ts'

/** Fast looks, except that the head lists the queue seldom, as in production. */
const PACING = {
  headPollMs: [1, 2],
  outsidePollMs: [3, 5],
  onDeckPollMs: [5, 10],
  queuePollMs: [5, 10],
  headListMs: 60_000,
  floorMs: 1,
} as const

function who(repository: string): HolderIdentity {
  return { repository, workflow: 'w', job: 'j', runId: '7', runAttempt: '1', actor: 'a', runUrl: '' }
}

function record(repository: string): HolderRecord {
  return { ...who(repository), acquiredAt: '2026-01-01T00:00:00.000Z' }
}

function wait(store: FakeStore, repository: string, options: Partial<WaitOptions> = {}): Promise<Acquired> {
  return waitForLease({
    lock: store,
    spec: { leaseDurationSeconds: 15 },
    holder: who(repository),
    pacing: PACING,
    ...options,
  })
}

async function until(check: () => boolean, what: string, limitMs = 3_000): Promise<void> {
  const deadline = Date.now() + limitMs
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`)
    await delay(1)
  }
}

describe('the waiter and the priority lane', () => {
  test('a normal head that took a free lock past a high-priority waiter that joined since its last listing gives it back at once', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const store = new FakeStore(world)
    let got: Acquired | undefined
    const waiting = wait(store, 'org/normal').then((acquired) => (got = acquired))
    await until(() => world.entries.size === 1 && store.requests.filter((r) => r === 'view').length > 3, 'at the head')
    const mine = [...world.entries.keys()][0]!
    // A high-priority waiter joins behind it in tickets; the head's last listing is now more than a second old.
    world.addEntry(mine + 1, who('org/hotfix'), 60_000, new Date(), 'high')
    await delay(1_200)
    const before = store.requests.length
    world.releaseDirectly()
    await until(() => store.requests.slice(before).includes('release'), 'the lease taken past it was given back')
    const after = store.requests.slice(before)
    assert.ok(after.indexOf('acquire') < after.indexOf('release'), after.join(', '))
    assert.ok(after.includes('list'), 'it looked at the queue beside the acquire')
    assert.equal(world.lockLeaseId, undefined, 'the lock is free for the high-priority waiter')
    assert.equal(got, undefined, 'the normal waiter does not go on as the holder')
    assert.ok(!after.includes('write-holder') && !after.includes('fencing'), 'no record, no token')
    // The high-priority waiter is served and leaves: the normal one is the head again and takes the lock.
    world.entries.delete(mine + 1)
    const acquired = await waiting
    assert.equal(world.lockLeaseId, acquired.leaseId)
  })

  test('a normal head with a fresh listing takes a free lock without a second look at the queue', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    const store = new FakeStore(world)
    const waiting = wait(store, 'org/normal')
    await until(() => world.entries.size === 1, 'joined')
    const before = store.requests.length
    world.releaseDirectly()
    await waiting
    const after = store.requests.slice(before)
    assert.equal(after.filter((r) => r === 'list').length, 0, after.join(', '))
  })

  test('a normal waiter behind the head says once that a high-priority waiter joined ahead of it, and counts it', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('foreign', record('octo/holder'))
    world.addEntry(1, who('org/head'), 60_000)
    const events: WaitEvent[] = []
    const cancel = new AbortController()
    const waiting = wait(new FakeStore(world), 'org/behind', {
      onEvent: (e) => events.push(e),
      signal: cancel.signal,
      progressEveryMs: 10,
    }).catch(() => undefined)
    await until(() => world.entries.size === 2, 'joined')
    world.addEntry(world.tickets + 1, who('org/hotfix'), 60_000, new Date(), 'high')
    await until(() => events.some((e) => e.type === 'high-priority-ahead'), 'told')
    await delay(200)
    cancel.abort()
    await waiting
    const told = events.filter((e) => e.type === 'high-priority-ahead')
    assert.equal(told.length, 1, 'once, not at every look')
    assert.equal(told[0]?.type === 'high-priority-ahead' && told[0].waiter?.repository, 'org/hotfix')
    const last = events.filter((e) => e.type === 'still-waiting' || e.type === 'moved').at(-1)
    assert.ok(last && 'place' in last)
    assert.equal(last.place.position, 4, 'the holder, the high-priority waiter, the head, then this one')
    assert.equal(last.place.ahead[0]?.repository, 'org/hotfix')
  })
})
