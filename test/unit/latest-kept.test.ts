// The keys' highest sequences as the lock blob keeps them (latest-kept.ts),
// and the stale decision from the lock blob alone (latest.ts). The e2e suite
// (test/e2e/latest-wipe.test.ts) runs them through the real bundles.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  KEPT_KEYS_MAX,
  LATEST_KEPT_KEY,
  keptDigest,
  keptSequence,
  parseKept,
  raisedKept,
} from '../../src/lock/deploy/latest-kept.ts'
import { LatestGuard, LockSupersededError } from '../../src/lock/deploy/latest.ts'

const kept = (text: string): Record<string, string> => ({ [LATEST_KEPT_KEY]: text })

describe('the sequences the lock blob keeps', () => {
  test('names a key by the first 16 hex digits of its SHA-256, exactly: no trimming, no case folding', () => {
    assert.match(keptDigest('production'), /^[0-9a-f]{16}$/)
    assert.notEqual(keptDigest('production'), keptDigest('Production'))
    assert.notEqual(keptDigest('production'), keptDigest('production '))
    assert.equal(keptDigest('p'.repeat(256)).length, 16, 'any key fits')
  })

  test('raises a key to its sequence, first in the list, and never lowers it', () => {
    const once = raisedKept(undefined, 'production', 20)
    assert.equal(once, `${keptDigest('production')}:20`)
    assert.equal(keptSequence(kept(once), 'production'), 20)
    const lower = raisedKept(kept(once), 'production', 10)
    assert.equal(keptSequence(kept(lower), 'production'), 20, 'a lower sequence leaves 20')
    const both = raisedKept(kept(lower), 'staging', 5)
    assert.deepEqual(
      parseKept(both).map((e) => e.digest),
      [keptDigest('staging'), keptDigest('production')],
      'the key raised last comes first',
    )
    assert.equal(keptSequence(kept(both), 'production'), 20)
    assert.equal(keptSequence(kept(both), 'other'), undefined)
  })

  test(`keeps the ${KEPT_KEYS_MAX} keys raised most recently, in about 1.1 KB, and drops the one raised longest ago`, () => {
    let text: string | undefined
    for (let k = 0; k <= KEPT_KEYS_MAX; k++)
      text = raisedKept(text === undefined ? undefined : kept(text), `key-${k}`, 9_007_199_254_740_991)
    assert.equal(parseKept(text).length, KEPT_KEYS_MAX)
    assert.equal(keptSequence(kept(text!), 'key-0'), undefined, 'the key raised longest ago dropped off')
    assert.equal(keptSequence(kept(text!), `key-${KEPT_KEYS_MAX}`), 9_007_199_254_740_991)
    assert.ok(text!.length <= 34 * KEPT_KEYS_MAX, `${text!.length} characters`)
    // Raising a key that is there moves it first and drops nothing.
    const again = raisedKept(kept(text!), 'key-1', 1)
    assert.equal(parseKept(again).length, KEPT_KEYS_MAX)
    assert.equal(parseKept(again)[0]!.digest, keptDigest('key-1'))
  })

  test('is read whatever the case of its metadata key, and drops entries it did not write', () => {
    const good = `${keptDigest('production')}:7`
    assert.equal(keptSequence({ AZURE_MUTEX_LATEST: good }, 'production'), 7)
    const forged = [
      'zz:1',
      `${keptDigest('a')}:-1`,
      `${keptDigest('b')}:1e9`,
      `${keptDigest('c')}:99999999999999999`,
      `${keptDigest('d')}:1:2`,
      '',
      good,
      `${keptDigest('production')}:9`,
    ].join(',')
    assert.deepEqual(
      parseKept(forged),
      [{ digest: keptDigest('production'), sequence: 7 }],
      'the first of a digest wins',
    )
    assert.equal(keptSequence(undefined, 'production'), undefined)
  })
})

describe('LatestGuard with what the lock blob keeps', () => {
  const guarded = (sequence: number): { guard: LatestGuard } => ({
    guard: new LatestGuard({ key: 'production', sequence }, 'acct/locks/x', () => undefined),
  })

  test('is stale below the sequence the lock blob keeps, and not at it (a re-run) or above, or with none', () => {
    const { guard } = guarded(10)
    guard.checkKept(undefined)
    guard.checkKept(10)
    guard.checkKept(9)
    assert.throws(
      () => guard.checkKept(20),
      (err) =>
        err instanceof LockSupersededError &&
        err.outcome === 'stale' &&
        err.message ===
          "Stale: a newer run of the same key has already held lock acct/locks/x: sequence 20, as the lock blob keeps it (the key's record is gone); our sequence is 10.",
    )
  })
})
