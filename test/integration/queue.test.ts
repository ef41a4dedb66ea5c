// The queue, the fencing counter and the refreshed holder record against
// Azurite: the storage side (QueueBlobs, LockBlob), then many waiters at once
// through the lock core.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import type { Pacing } from '../../src/lock/pacing.ts'
import { holderFromMetadata } from '../../src/lock/holder.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { reservedNames } from '../../src/lock/reserved.ts'
import { waitForLease, type Acquired } from '../../src/lock/waiter.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor, lockOn } from '../support/lock.ts'
import type { ContainerClient } from '@azure/storage-blob'

const WHO = holderFor('octo/queue')

/** A lock on a fresh container, and that container for looking at its blobs directly. */
function freshLock(azurite: Azurite, name = 'production-deploy'): { lock: LockBlob; container: ContainerClient } {
  const container = containerOn(azurite)
  return { lock: new LockBlob(container, name), container }
}

describe('the queue in storage', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  it('hands out every ticket once, in order, to claims that race', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const claims = await Promise.all(Array.from({ length: 20 }, () => lock.queue.claimTicket()))
    assert.deepEqual(
      claims.map((c) => c.ticket).sort((a, b) => a - b),
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    const later = await lock.queue.claimTicket()
    assert.equal(later.ticket, 21)
    assert.ok(later.previousAt instanceof Date && later.serviceNow instanceof Date, 'it says when 20 was handed out')
  })

  it('lists live and lapsed entries in ticket order with who waits, and up to a given ticket', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    await lock.queue.enter(2, holderFor('octo/two'), randomUUID(), 15)
    await lock.queue.enter(10, holderFor('octo/ten'), randomUUID(), 15)
    await lock.queue.enter(11, holderFor('octo/eleven'), randomUUID(), 15)
    const look = await lock.queue.look({ upTo: 10 })
    assert.deepEqual(look.entries.map((e) => [e.ticket, e.leased, e.waiter?.repository]).slice(0, 2), [
      [2, true, 'octo/two'],
      [10, true, 'octo/ten'],
    ])
    const first = await lock.queue.look({ limit: 1 })
    assert.deepEqual(
      first.entries.map((e) => e.ticket),
      [2],
    )
    assert.equal(first.complete, false)
    assert.equal((await lock.queue.look({})).entries.length, 3)
  })

  it("says a ticket is taken when someone else's entry holds it, and enters again under its own lease id", async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const mine = randomUUID()
    assert.equal(await lock.queue.enter(1, WHO, mine, 15), 'entered')
    assert.equal(await lock.queue.enter(1, WHO, mine, 15), 'entered', 'a retry of our own enter')
    assert.equal(await lock.queue.enter(1, holderFor('octo/other'), randomUUID(), 15), 'taken')
    assert.equal((await lock.queue.look({})).entries[0]?.waiter?.repository, 'octo/queue')
  })

  it('finds an empty queue, not an error, in a container that does not exist', async () => {
    const look = await lockOn(azurite).queue.look({ limit: 5 })
    assert.deepEqual(look.entries, [])
    assert.equal(look.complete, true)
  })

  it('sweeps only entries whose lease is gone; a waiter leaves with its lease id', async () => {
    const { lock, container } = freshLock(azurite)
    await lock.create()
    const leaseId = randomUUID()
    await lock.queue.enter(1, WHO, leaseId, 15)
    await lock.queue.sweep(1)
    assert.equal((await lock.queue.look({})).entries.length, 1, 'a leased entry is not swept')
    assert.equal(await lock.queue.renewEntry(1, leaseId), 'renewed')
    await lock.queue.leave(1, leaseId)
    assert.equal((await lock.queue.look({})).entries.length, 0)
    assert.equal(await lock.queue.renewEntry(1, leaseId), 'gone')
    // A waiter that died: an entry nobody renews. Once its lease is broken (as if lapsed), a sweep removes it.
    const dead = randomUUID()
    await lock.queue.enter(2, WHO, dead, 15)
    await container
      .getBlobClient(`${reservedNames(lock.name).queuePrefix}0000000000000002`)
      .getBlobLeaseClient()
      .breakLease(0)
    await lock.queue.sweep(2)
    assert.equal((await lock.queue.look({})).entries.length, 0)
  })
})

describe('fencing tokens and fresh holder records in storage', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  it('counts fencing tokens beside the lock blob, so overwriting the blob cannot reset them', async () => {
    const { lock, container } = freshLock(azurite)
    await lock.create()
    assert.equal(await lock.nextFencingToken(), 1)
    assert.equal(await lock.nextFencingToken(), 2)
    // go-azuremutex re-uploads the lock blob on every acquire, with no metadata.
    await container.getBlockBlobClient(lock.name).upload('', 0)
    assert.equal(await lock.nextFencingToken(), 3)
    const tokens = await Promise.all(Array.from({ length: 10 }, () => lock.nextFencingToken()))
    assert.deepEqual(
      tokens.sort((a, b) => a - b),
      [4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    )
  })

  it('refreshes the holder record under the lease: Last-Modified moves, every key stays', async () => {
    const { lock, container } = freshLock(azurite)
    const got = await waitForLease({ lock, spec: { leaseDurationSeconds: 15 }, holder: WHO })
    const blob = container.getBlobClient(lock.name)
    await blob.setMetadata(
      { ...(await blob.getProperties()).metadata, owner: 'platform-team' },
      { conditions: { leaseId: got.leaseId } },
    )
    const before = await blob.getProperties()
    await delay(1_100)
    const renewer = new LockBlob(container, lock.name) // the renewer's own, in its own process
    await renewer.refreshHolder(got.leaseId)
    await delay(1_100)
    await renewer.refreshHolder(got.leaseId) // one request now: it knows what it wrote and the ETag
    const after = await blob.getProperties()
    assert.ok(after.lastModified! > before.lastModified!)
    assert.deepEqual(after.metadata, before.metadata)
    assert.deepEqual(holderFromMetadata(after.metadata), got.holder)
    // Someone with our lease id (main, say) wrote meanwhile: the refresh reads again instead of failing.
    await blob.setMetadata({ ...after.metadata, owner: 'changed' }, { conditions: { leaseId: got.leaseId } })
    await renewer.refreshHolder(got.leaseId)
    assert.equal((await blob.getProperties()).metadata?.owner, 'changed')
    await lock.release(got.leaseId)
    await assert.rejects(renewer.refreshHolder(got.leaseId), 'no refresh without the lease')
  })
})

describe('many waiters on one lock', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  // Faster than the action's pacing, so that 50 handoffs take seconds, not minutes; not much faster
  // further back, since the waiters all share one Azurite on a 2-core machine. The bound below names it.
  const PACING: Pacing = {
    headPollMs: [20, 40],
    outsidePollMs: [250, 750],
    onDeckPollMs: [200, 300],
    queuePollMs: [1_500, 2_000],
    headListMs: 5_000,
  }
  /**
   * One handoff: the next waiter learns it is at the head (a queue look, at most 0.3 s apart for
   * the waiter right behind the head), sees the release (a lock look, 40 ms), then takes the lease
   * and writes its record (a few requests); plus 1.5 s for a 2-core machine running other suites beside it.
   */
  const HANDOFF_MS = 300 + 40 + 1_500

  it('serves 50 contenders one at a time, in ticket order, each within the holds ahead of it plus a handoff each', async () => {
    const name = 'contended'
    const container = containerOn(azurite)
    const first = new LockBlob(container, name)
    const opening = await waitForLease({
      lock: first,
      spec: { leaseDurationSeconds: 15 },
      holder: holderFor('octo/opening'),
    })
    interface Served {
      got: Acquired
      arrivedAt: number
      enteredAt: number
      leftAt: number
    }
    const served: Served[] = []
    const contenders = Array.from({ length: 50 }, async (_, i) => {
      await delay(i * 20)
      const lock = new LockBlob(container, name)
      const arrivedAt = Date.now()
      const got = await waitForLease({
        lock,
        spec: { leaseDurationSeconds: 15 },
        holder: holderFor(`octo/repo-${i}`),
        pacing: PACING,
        timeoutMs: 300_000,
      })
      const enteredAt = Date.now()
      await delay(20 + Math.random() * 80)
      const leftAt = Date.now()
      served.push({ got, arrivedAt, enteredAt, leftAt })
      assert.equal(await lock.release(got.leaseId), 'released')
    })
    // Everyone has joined while the opening holder holds the lock.
    while ((await first.queue.look({})).entries.length < 50) await delay(100)
    const openingLeftAt = Date.now()
    await first.release(opening.leaseId)
    await Promise.all(contenders)

    assert.equal(served.length, 50)
    served.sort((a, b) => a.enteredAt - b.enteredAt)
    for (let i = 1; i < served.length; i++) {
      assert.ok(served[i]!.enteredAt >= served[i - 1]!.leftAt, `holder ${i} entered before holder ${i - 1} left`)
    }
    const tickets = served.map((s) => Number(s.got.holder.ticket))
    assert.deepEqual(
      tickets,
      [...tickets].sort((a, b) => a - b),
      'served in ticket order',
    )
    assert.ok(
      tickets.every((t) => Number.isInteger(t) && t > 0),
      'every contender waited in the queue',
    )
    assert.deepEqual(
      served.map((s) => s.got.fencingToken),
      served.map((_, i) => i + 2),
      'fencing tokens rise by one per acquisition',
    )
    // Contender k waited at most for: what was left of the opening hold, the holds of those with
    // smaller tickets, and one handoff for each of them and for itself.
    for (const [k, s] of served.entries()) {
      const holdsAhead = served.slice(0, k).reduce((sum, a) => sum + (a.leftAt - a.enteredAt), 0)
      const bound = openingLeftAt - s.arrivedAt + holdsAhead + (k + 1) * HANDOFF_MS
      const waited = s.enteredAt - s.arrivedAt
      assert.ok(waited <= bound, `contender with ticket ${tickets[k]} waited ${waited} ms, bound ${bound} ms`)
    }
    const left = await first.queue.look({})
    assert.deepEqual(left.entries, [], 'no entry left behind')
  })
})
