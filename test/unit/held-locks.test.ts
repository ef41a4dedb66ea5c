import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { heldLocks, pickHeld, refuseHeldTwice, type HeldLock } from '../../src/action/held-locks.ts'
import { UserError } from '../../src/lock/errors.ts'

function held(location: string): HeldLock {
  return {
    lockName: location.split('/').slice(2).join('/'),
    location,
    acquiredAt: '2026-11-26T05:00:00.000Z',
    channel: { address: `\0azure-mutex-${location}`, token: 'secret-token' },
  }
}

const A = held('acct/locks/deploy')
const B = held('acct/locks/migrate')

describe('the held locks a release step reads', () => {
  test('are read back checked: none, a list, or an error for anything else', () => {
    assert.deepEqual(heldLocks({}), [])
    assert.deepEqual(heldLocks({ AZURE_MUTEX_HELD_LOCKS: JSON.stringify([A, B]) }), [A, B])
    for (const wrong of [
      '{',
      '{}',
      JSON.stringify([{ ...A, channel: { address: 'x' } }]),
      JSON.stringify([{ ...A, acquiredAt: 'now' }]),
    ]) {
      assert.throws(() => heldLocks({ AZURE_MUTEX_HELD_LOCKS: wrong }), /AZURE_MUTEX_HELD_LOCKS is not the list/)
    }
  })

  test('give the only lock when none is named, and the named one otherwise', () => {
    assert.equal(pickHeld([A], undefined), A)
    assert.equal(pickHeld([A, B], 'migrate'), B)
  })

  test('fail with one clear line when nothing is held, none is named of two, or the name is not held', () => {
    const fails = (list: HeldLock[], name: string | undefined, message: RegExp): void =>
      assert.throws(
        () => pickHeld(list, name),
        (err: unknown) => err instanceof UserError && message.test(err.message) && !err.message.includes('\n'),
      )
    fails([], undefined, /^This job holds no lock to release: the main action .* must take it earlier in the same job/)
    fails(
      [A, B],
      undefined,
      /^This job holds 2 locks \(acct\/locks\/deploy, acct\/locks\/migrate\): name the one to release in 'lock-name'\.$/,
    )
    fails([A], 'other', /^This job holds no lock named 'other'; it holds acct\/locks\/deploy\.$/)
    fails(
      [A, held('acct/team-locks/deploy')],
      'deploy',
      /^This job holds 2 locks named 'deploy', in different containers/,
    )
  })
})

describe('a second take of a lock the job holds', () => {
  const env = { AZURE_MUTEX_HELD_LOCKS: JSON.stringify([A, B]) }

  test('is refused with one line naming the lock, since when, and what to do', () => {
    assert.throws(
      () => refuseHeldTwice('acct/locks/migrate', env),
      (err: unknown) =>
        err instanceof UserError &&
        err.message ===
          'This job already holds lock acct/locks/migrate since 2026-11-26T05:00:00.000Z: a second take would wait ' +
            "for the job itself. Release it first (uses: org/azure-mutex-action/release@v1), or use another 'lock-name'.",
    )
  })

  test('is not confused with another lock, in the same container or another', () => {
    refuseHeldTwice('acct/locks/other', env)
    refuseHeldTwice('acct/other/deploy', env)
    refuseHeldTwice('other/locks/deploy', env)
    refuseHeldTwice('acct/locks/deploy', {})
  })

  test('leaves a list that earlier steps garbled to the release step', () => {
    refuseHeldTwice('acct/locks/deploy', { AZURE_MUTEX_HELD_LOCKS: '{' })
  })
})
