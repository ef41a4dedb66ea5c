// The held-lease handle against storage: it keeps a real lease, finds a real
// loss, and lets go without touching another client's lease.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import type { BlobClient } from '@azure/storage-blob'
import { after, before, describe, it } from 'node:test'
import { monotonicNow } from '../../src/lock/clock.ts'
import { HeldLease, type HeldLeaseEvent, type HeldLeaseLoss } from '../../src/lock/held-lease.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn } from '../support/lock.ts'

describe('HeldLease against storage', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  async function taken(
    name: string,
  ): Promise<{ lock: LockBlob; blob: BlobClient; held: HeldLease; events: HeldLeaseEvent[] }> {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, name)
    await lock.create()
    const leaseId = randomUUID()
    const confirmedMono = monotonicNow()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    const events: HeldLeaseEvent[] = []
    const held = new HeldLease(lock, {
      leaseId,
      leaseDurationMs: 15_000,
      confirmedMono,
      intervalMs: 200,
      onEvent: (event) => events.push(event),
    })
    return { lock, blob: container.getBlobClient(name), held, events }
  }

  it('keeps the lease while held, and letting go releases it: the lock is free after', async () => {
    const { lock, held, events } = await taken('kept')
    held.keep()
    assert.equal(await held.firstRenewal, 'renewed')
    await delay(700)
    assert.equal((await lock.view()).state, 'leased')
    const result = await held.letGo({ timeoutMs: 10_000 })
    assert.deepEqual(result, { outcome: 'released' })
    assert.equal((await lock.view()).state, 'free')
    const renewed = events.filter((event) => event.type === 'renewed')
    assert.ok(renewed.length >= 3, `${renewed.length} renewals`)
    assert.equal(held.lost.aborted, false)
  })

  it("finds a lease another client took at once, and letting go leaves that client's lease alone", async () => {
    const { lock, blob, held, events } = await taken('stolen')
    held.keep()
    await held.firstRenewal
    const brokenAt = monotonicNow()
    await blob.getBlobLeaseClient().breakLease(0)
    const thief = randomUUID()
    await blob.getBlobLeaseClient(thief).acquireLease(15)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no loss within 5 s')), 5_000)
      held.lost.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
    })
    const loss = held.lost.reason as HeldLeaseLoss
    assert.equal(loss.cause, 'gone')
    assert.ok(loss.exclusiveUntil <= brokenAt, 'exclusive no later than the break')
    const result = await held.letGo({ timeoutMs: 10_000 })
    assert.equal(result.outcome, 'lost')
    assert.equal(events.filter((event) => event.type === 'lost').length, 1)
    // The thief still holds its lease: a renewal with its id succeeds.
    await blob.getBlobLeaseClient(thief).renewLease()
    assert.equal((await lock.view()).state, 'leased')
  })

  it('letting go a lease taken away after the last renewal is a loss found at release, not a release', async () => {
    const { blob, held } = await taken('taken-late')
    held.keep()
    await held.firstRenewal
    await held.stop()
    await blob.getBlobLeaseClient().breakLease(0)
    const thief = randomUUID()
    await blob.getBlobLeaseClient(thief).acquireLease(15)
    const result = await held.letGo({ timeoutMs: 10_000 })
    assert.equal(result.outcome, 'lost')
    assert.equal(result.outcome === 'lost' && result.loss.cause, 'not-held')
    assert.equal(held.lost.aborted, true)
    await blob.getBlobLeaseClient(thief).renewLease()
  })
})
