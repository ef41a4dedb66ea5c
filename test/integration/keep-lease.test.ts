import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { monotonicNow } from '../../src/lock/clock.ts'
import { keepLease, type RenewalOutcome } from '../../src/lock/keep-lease.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn } from '../support/lock.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'

describe('keepLease against storage', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  it('keeps renewing until stopped, and the lease stays ours', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'kept')
    await lock.create()
    const leaseId = randomUUID()
    await lock.acquire(leaseId, 15)
    const outcomes: RenewalOutcome[] = []
    const stop = new AbortController()
    const kept = keepLease(
      {
        renew: (signal) => lock.renew(leaseId, { signal }),
        leaseDurationMs: 15_000,
        intervalMs: 200,
        onOutcome: (o) => outcomes.push(o),
      },
      stop.signal,
    )
    await delay(1_100)
    stop.abort()
    assert.equal(await kept, undefined)
    assert.ok(outcomes.length >= 4, `${outcomes.length} renewals`)
    assert.ok(outcomes.every((o) => o.kind === 'renewed'))
    assert.equal(await lock.release(leaseId), 'released')
  })

  it('reports the lease lost at once when another client has taken it, dated no later than the break', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'stolen')
    await lock.create()
    const leaseId = randomUUID()
    await lock.acquire(leaseId, 15)
    const stop = new AbortController()
    const kept = keepLease(
      { renew: (signal) => lock.renew(leaseId, { signal }), leaseDurationMs: 15_000, intervalMs: 200 },
      stop.signal,
    )
    await delay(300)
    const blob = container.getBlobClient('stolen')
    const brokenAt = monotonicNow()
    await blob.getBlobLeaseClient().breakLease(0)
    await blob.getBlobLeaseClient().acquireLease(15)
    const before = monotonicNow()
    const loss = await kept
    assert.ok(loss, 'a loss is reported')
    assert.match(loss.reason, /409 LeaseIdMismatchWithLeaseOperation/)
    assert.ok(loss.detectedAt >= before - 50 && loss.detectedAt <= monotonicNow())
    assert.ok(
      loss.exclusiveUntil <= brokenAt,
      `exclusivity is claimed until ${loss.exclusiveUntil}, after the break at ${brokenAt} (monotonic readings)`,
    )
  })
})
