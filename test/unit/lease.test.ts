import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  LEASE_SECONDS,
  leaseSecondsProblem,
  leaseValidUntil,
  renewalRetry,
  renewalSchedule,
} from '../../src/lock/lease.ts'

describe('lease lengths', () => {
  test('accepts whole seconds from 15 to 60, the range Azure grants', () => {
    for (const seconds of [15, 30, 60]) assert.equal(leaseSecondsProblem(seconds), undefined)
    for (const seconds of [14, 61, 0, -1, 20.5, NaN]) {
      assert.match(leaseSecondsProblem(seconds) ?? '', /whole number of seconds from 15 to 60/)
    }
    assert.equal(leaseSecondsProblem(LEASE_SECONDS.default), undefined)
  })

  test('counts a lease as ours from the moment its request left, not from the answer', () => {
    assert.equal(leaseValidUntil(1_000, 15_000), 16_000)
  })
})

describe('renewalSchedule', () => {
  test('renews every 20 s, retries every 2 s, and bounds a try at 10 s and an attempt at 30 s for a 60 s lease', () => {
    assert.deepEqual(renewalSchedule(60_000), {
      intervalMs: 20_000,
      retryMs: 2_000,
      attemptTimeoutMs: 30_000,
      tryTimeoutMs: 10_000,
    })
  })

  test('scales the interval and the timeouts down for a 15 s lease', () => {
    assert.deepEqual(renewalSchedule(15_000), {
      intervalMs: 5_000,
      retryMs: 2_000,
      attemptTimeoutMs: 7_500,
      tryTimeoutMs: 3_750,
    })
  })

  test('never retries less often than it renews', () => {
    assert.deepEqual(renewalSchedule(3_000), {
      intervalMs: 1_000,
      retryMs: 1_000,
      attemptTimeoutMs: 1_500,
      tryTimeoutMs: 750,
    })
  })

  test('lets every SDK try of a renewal take a quarter of the lease, at most 10 s', () => {
    assert.equal(renewalRetry(15_000).tryTimeoutInMs, 3_750)
    assert.equal(renewalRetry(60_000).tryTimeoutInMs, 10_000)
    const retry = renewalRetry(15_000)
    const { attemptTimeoutMs } = renewalSchedule(15_000)
    assert.ok(retry.tryTimeoutInMs! + retry.retryDelayInMs! < attemptTimeoutMs, 'a retry fits in one attempt')
  })
})
