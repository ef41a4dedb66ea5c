// The keys' highest sequences as the lock blob keeps them (latest-kept.ts),
// and the rules around them in latest.ts: what a sequence read from storage
// has wrong with it, which record is far above a job's own sequence, and the
// stale decision from the lock blob alone. The e2e suite
// (test/e2e/latest-wipe.test.ts) runs them through the real bundles.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  KEPT_KEYS_MAX,
  LATEST_KEPT_KEY,
  keptDigest,
  keptSequence,
  metadataSize,
  parseKept,
  raisedKept,
} from '../../src/lock/deploy/latest-kept.ts'
import {
  LatestGuard,
  LockSupersededError,
  isFarAbove,
  sequenceProblem,
  type FarSequence,
} from '../../src/lock/deploy/latest.ts'
import { farSequenceText } from '../../src/lock/deploy/latest-seen.ts'

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

  test('leaves out the keys raised longest ago when the rest of the metadata leaves less room, and never its own', () => {
    let text: string | undefined
    for (let k = 0; k < 10; k++) text = raisedKept(text === undefined ? undefined : kept(text), `key-${k}`, 1_000 + k)
    const room = 3 * 21 + 2 // three entries of 21 characters (16 hex digits, a colon, 4 digits) and two commas
    const fitted = raisedKept(kept(text!), 'key-10', 2_000, room)
    assert.ok(fitted.length <= room, `${fitted.length} characters for ${room}`)
    assert.deepEqual(
      parseKept(fitted).map((e) => e.digest),
      [keptDigest('key-10'), keptDigest('key-9'), keptDigest('key-8')],
    )
    assert.equal(keptSequence(kept(raisedKept(kept(text!), 'key-10', 2_000, 0)), 'key-10'), 2_000, 'its own key stays')
    assert.equal(metadataSize({ ab: 'cde', f: '' }), 6)
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

describe('a sequence read from storage', () => {
  test('is not a whole number, or too large with the bound, or fine', () => {
    assert.equal(sequenceProblem('812'), undefined)
    assert.equal(sequenceProblem('9007199254740991'), undefined)
    for (const bad of ['abc', '', '-1', '1.0', '1e9', ' 1'])
      assert.equal(sequenceProblem(bad), 'not a whole number', bad)
    for (const big of ['9007199254740992', '9999999999999999', '12345678901234567', '99999999999999999999']) {
      assert.equal(sequenceProblem(big), 'too large: a sequence is at most 9007199254740991', big)
    }
  })

  test('is far above ours only at more than ten times ours and over a million more', () => {
    // Run ids: a newer run is a few thousand to a few billion higher, never ten times.
    assert.equal(isFarAbove(13_500_000_000, 12_000_000_000), false)
    // Timestamps in seconds and milliseconds, a year apart.
    assert.equal(isFarAbove(1_800_000_000, 1_768_000_000), false)
    assert.equal(isFarAbove(1_800_000_000_000, 1_768_000_000_000), false)
    // Build numbers: small ones grow by far more than ten times without being far above.
    assert.equal(isFarAbove(600, 5), false)
    assert.equal(isFarAbove(999_999, 0), false)
    // The largest value a forger can write, beside every kind of real sequence.
    for (const own of [0, 812, 1_768_000_000, 12_000_000_000, 1_768_000_000_000]) {
      assert.equal(isFarAbove(Number.MAX_SAFE_INTEGER, own), true, String(own))
    }
    assert.equal(isFarAbove(9_999_999_999_999, 12_000_000_000), true)
  })
})

describe('LatestGuard with what the lock blob keeps', () => {
  function guarded(sequence: number): { guard: LatestGuard; far: FarSequence[] } {
    const far: FarSequence[] = []
    const guard = new LatestGuard(
      { key: 'production', sequence },
      'acct/locks/x',
      () => undefined,
      (f) => far.push(f),
    )
    return { guard, far }
  }

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

  test('warns once of a sequence far above ours, on the lock blob and in the record, and is stale all the same', () => {
    const { guard, far } = guarded(812)
    for (let i = 0; i < 2; i++) assert.throws(() => guard.checkKept(Number.MAX_SAFE_INTEGER), LockSupersededError)
    const record = {
      repository: 'evil/repo',
      workflow: 'w',
      job: 'j',
      runId: '1',
      runAttempt: '1',
      actor: 'x',
      runUrl: '',
      acquiredAt: '2026-12-01T00:00:00Z',
      supersedeKey: 'production',
      sequence: '9999999999999',
    }
    assert.throws(() => guard.checkRecord(record), LockSupersededError)
    assert.throws(() => guard.checkRecord(record), LockSupersededError)
    assert.deepEqual(far, [
      { where: 'the lock blob', sequence: Number.MAX_SAFE_INTEGER, own: 812 },
      { where: 'the record of the key', sequence: 9_999_999_999_999, own: 812 },
    ])
    // A newer run, an ordinary step ahead: stale, and no warning.
    const { guard: plain, far: none } = guarded(812)
    assert.throws(() => plain.checkKept(900), LockSupersededError)
    assert.deepEqual(none, [])
  })

  test('the warning gives both numbers, what far means, and how to remove the record', () => {
    const text = farSequenceText(
      {
        where: 'the record of the key',
        sequence: 9_999_999_999_999,
        own: 812,
        clearCommand: 'az storage blob delete x',
      },
      'locks/deploy',
      'job',
    )
    assert.equal(
      text,
      "The record of this job's supersede key on locks/deploy has the sequence 9999999999999, far above ours (812): " +
        'more than 10 times ours and over 1,000,000 more. If no run of the key had it, it was forged, and every job ' +
        'of the key is stale until it is removed: az storage blob delete x.',
    )
    assert.match(
      farSequenceText({ where: 'the lock blob', sequence: 9e15, own: 1 }, 'locks/deploy', 'command'),
      /^The lock blob of locks\/deploy keeps, for this command's supersede key, the sequence 9000000000000000, .* \(the README says how to remove it: Only the newest deploy, forged entries and records\)\.$/,
    )
  })
})
