// Latest wins, apart from storage: the decisions of LatestGuard on what a look
// showed, and the waiter's hooks over the in-memory lock and queue, with a
// fake store of per-key records. The e2e suite (test/e2e/latest.test.ts) runs
// the same rules through the real bundles against Azurite.

import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, test } from 'node:test'
import type { HolderIdentity, HolderRecord } from '../../src/lock/holder.ts'
import {
  LatestGuard,
  LockSupersededError,
  parseSequence,
  type LatestStore,
  type MalformedSequence,
} from '../../src/lock/deploy/latest.ts'
import type { LatestRead } from '../../src/lock/deploy/latest-read.ts'
import type { QueueEntry } from '../../src/lock/queue/entry.ts'
import { waitForLease, type WaitEvent } from '../../src/lock/waiter.ts'
import { FakeStore, FakeWorld } from '../support/fake-store.ts'

const NOW = new Date('2026-11-30T12:00:00Z')

function who(repository: string, supersedeKey?: string, sequence?: string): HolderIdentity {
  return {
    repository,
    workflow: 'w',
    job: 'j',
    runId: '7',
    runAttempt: '1',
    actor: 'a',
    runUrl: '',
    ...(supersedeKey === undefined ? {} : { supersedeKey, sequence }),
  }
}

function entry(ticket: number, waiter: HolderIdentity, extra: Partial<QueueEntry> = {}): QueueEntry {
  return { ticket, leased: true, modifiedAt: NOW, waiter, ...extra }
}

function guarded(key: string, sequence: number): { guard: LatestGuard; warned: MalformedSequence[] } {
  const warned: MalformedSequence[] = []
  return { guard: new LatestGuard({ key, sequence }, 'acct/locks/x', (m) => warned.push(m)), warned }
}

function superseded(run: () => void): LockSupersededError {
  try {
    run()
  } catch (err) {
    assert.ok(err instanceof LockSupersededError, String(err))
    return err
  }
  assert.fail('it did not leave')
}

describe('parseSequence', () => {
  test('takes exact non-negative integers of up to 16 digits, and nothing else', () => {
    assert.equal(parseSequence('0'), 0)
    assert.equal(parseSequence('9007199254740991'), Number.MAX_SAFE_INTEGER)
    for (const bad of [
      undefined,
      '',
      '-1',
      '1.0',
      '1e3',
      ' 1',
      '1 ',
      '0x10',
      '9999999999999999',
      '12345678901234567',
    ]) {
      assert.equal(parseSequence(bad), undefined, String(bad))
    }
  })
})

describe('LatestGuard.checkQueue', () => {
  test('leaves for a live entry of the same key with a larger sequence, wherever it stands, naming it', () => {
    const { guard } = guarded('production', 10)
    for (const ticket of [1, 9]) {
      const err = superseded(() => guard.checkQueue([entry(ticket, who('org/web', 'production', '11'))], NOW, 5))
      assert.equal(err.outcome, 'superseded')
      assert.equal(err.newer, 'org/web run 7 (key "production", sequence 11)')
      assert.equal(
        err.message,
        'Superseded while waiting for lock acct/locks/x: org/web run 7 (key "production", sequence 11) waits with the same key and a newer sequence than ours (10).',
      )
    }
  })

  test('names the newest of several newer entries', () => {
    const { guard } = guarded('k', 1)
    const entries = [entry(1, who('a', 'k', '3')), entry(2, who('b', 'k', '9')), entry(3, who('c', 'k', '5'))]
    assert.match(superseded(() => guard.checkQueue(entries, NOW, undefined)).newer, /^b run/)
  })

  test('stays for an equal or lower sequence, for its own entry, and for other keys, compared exactly', () => {
    const { guard } = guarded('production', 10)
    guard.checkQueue(
      [
        entry(1, who('a', 'production', '10')),
        entry(2, who('b', 'production', '3')),
        entry(3, who('c', 'Production', '99')),
        entry(4, who('d', 'production ', '99')),
        entry(5, who('e', ' production', '99')),
        entry(6, who('f')),
        entry(7, undefined as unknown as HolderIdentity, { waiter: undefined }),
        entry(8, who('me', 'production', '99')),
      ],
      NOW,
      8,
    )
  })

  test('does not leave for a lapsed entry or a squatter: no waiter stands behind them', () => {
    const { guard } = guarded('k', 1)
    const lapsed = entry(1, who('gone', 'k', '5'), { leased: false, modifiedAt: new Date(NOW.getTime() - 60_000) })
    const squatter = entry(2, who('squat', 'k', '5'), { infinite: true })
    guard.checkQueue([lapsed, squatter], NOW, undefined)
    // An entry that is joining (written, not yet leased) is a waiter.
    const joining = entry(3, who('new', 'k', '5'), { leased: false, modifiedAt: NOW })
    superseded(() => guard.checkQueue([joining], NOW, undefined))
  })

  test('ignores a malformed sequence of its own key, and says once per entry what is wrong with it', () => {
    const { guard, warned } = guarded('k', 1)
    const entries = [
      entry(4, who('x', 'k', 'abc')),
      entry(5, who('y', 'k', '99999999999999999999')),
      entry(6, who('z', 'k', '9007199254740992')),
    ]
    guard.checkQueue(entries, NOW, undefined)
    guard.checkQueue(entries, NOW, undefined)
    // Digits beyond the bound are too large, with the bound: not "not a whole number".
    const tooLarge = 'too large: a sequence is at most 9007199254740991'
    assert.deepEqual(warned, [
      { where: 'entry 4', value: 'abc', problem: 'not a whole number' },
      { where: 'entry 5', value: '99999999999999999999', problem: tooLarge },
      { where: 'entry 6', value: '9007199254740992', problem: tooLarge },
    ])
  })

  test('shows a forged name only as plain text', () => {
    const { guard } = guarded('k', 1)
    const err = superseded(() => guard.checkQueue([entry(1, who('evil\n::error::x', 'k', '2'))], NOW, undefined))
    assert.ok(!err.message.includes('\n'), err.message)
    assert.match(err.message, /evil\\n\\x3a:error::x|evil\\n::error::x/)
  })
})

describe('LatestGuard.checkRecord', () => {
  const held = (supersedeKey: string, sequence: string): HolderRecord => ({
    ...who('org/api', supersedeKey, sequence),
    acquiredAt: '2026-11-30T11:00:00.000Z',
  })

  test('is stale below the highest sequence that held, and not at it (a re-run) or above', () => {
    const { guard } = guarded('k', 10)
    const err = superseded(() => guard.checkRecord(held('k', '11')))
    assert.equal(err.outcome, 'stale')
    assert.equal(
      err.message,
      'Stale: a newer run of the same key has already held lock acct/locks/x: org/api run 7 (key "k", sequence 11) at 2026-11-30T11:00:00.000Z; our sequence is 10.',
    )
    guard.checkRecord(held('k', '10'))
    guard.checkRecord(held('k', '9'))
    guard.checkRecord(undefined)
  })

  test("ignores a record of another key (a forged blob under our key's name) and a malformed sequence", () => {
    const { guard, warned } = guarded('k', 10)
    guard.checkRecord(held('K', '99'))
    guard.checkRecord(held('k', 'lots'))
    assert.deepEqual(warned, [{ where: 'the record of the key', value: 'lots', problem: 'not a whole number' }])
  })
})

/** Per-key records in memory, with the service's ETag rule. */
class FakeLatest implements LatestStore {
  readonly records = new Map<string, { record: HolderRecord; etag: string }>()
  writes = 0
  private etags = 0
  /** Called between a read and the write that follows it: a newer holder's write, in a race. */
  onRead: (() => void) | undefined

  set(key: string, record: HolderRecord): void {
    this.records.set(key, { record, etag: `e${++this.etags}` })
  }

  async read(key: string): Promise<LatestRead> {
    const found = this.records.get(key)
    const read = { record: found?.record, etag: found?.etag }
    this.onRead?.()
    return read
  }

  async write(key: string, record: HolderRecord, etag: string | undefined): Promise<'written' | 'changed'> {
    if (this.records.get(key)?.etag !== etag) return 'changed'
    this.writes += 1
    this.set(key, record)
    return 'written'
  }
}

class KeyedStore extends FakeStore {
  readonly latest = new FakeLatest()
}

const FAST = {
  headPollMs: [1, 2],
  outsidePollMs: [3, 5],
  onDeckPollMs: [5, 10],
  queuePollMs: [5, 10],
  headListMs: 50,
  floorMs: 1,
} as const

function wait(store: FakeStore, sequence: number, pacing: object = FAST, events: WaitEvent[] = []) {
  return waitForLease({
    lock: store,
    spec: { leaseDurationSeconds: 15 },
    holder: who('octo/app'),
    pacing: { ...FAST, ...pacing },
    supersede: { key: 'production', sequence },
    onEvent: (event) => events.push(event),
  })
}

const rejectsWith = async (promise: Promise<unknown>, outcome: 'superseded' | 'stale'): Promise<void> => {
  await assert.rejects(promise, (err) => err instanceof LockSupersededError && err.outcome === outcome)
}

describe('the waiter with a supersede key', () => {
  test('at the head, decides just before it asks for a free lease: a newer entry that came since makes it leave', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('other', undefined)
    const store = new FakeStore(world)
    // Listing seldom: only the look just before the acquire can see the newer entry in time.
    const waiting = wait(store, 10, { headListMs: 60_000, latestListMs: [60_000, 60_000] })
    waiting.catch(() => undefined)
    while (world.entries.size === 0) await delay(1)
    await delay(20)
    const acquiresBefore = world.count('acquire')
    world.addEntry(50, who('octo/newer', 'production', '11'), 60_000)
    world.releaseDirectly()
    await rejectsWith(waiting, 'superseded')
    assert.equal(world.count('acquire'), acquiresBefore, 'it never asked for the lease after the newer one came')
    assert.equal(world.lockLeaseId, undefined)
    assert.deepEqual([...world.entries.keys()], [50], 'it left the queue')
  })

  test('takes a free lock with no request added before the acquire: the record is read beside the listing', async () => {
    const world = new FakeWorld()
    const store = new KeyedStore(world)
    const got = await wait(store, 11)
    assert.deepEqual(world.requests.slice(0, 2), ['list', 'acquire'])
    assert.equal(store.latest.records.get('production')?.record.sequence, '11', 'the key remembers 11')
    assert.equal(got.holder.supersedeKey, 'production')
    assert.equal(got.holder.sequence, '11')
  })

  test('refuses as stale a lower sequence than the one that held, without asking for the lease; an equal one takes it', async () => {
    const world = new FakeWorld()
    const store = new KeyedStore(world)
    store.latest.set('production', { ...who('octo/app', 'production', '20'), acquiredAt: NOW.toISOString() })
    await rejectsWith(wait(store, 19), 'stale')
    assert.equal(world.count('acquire'), 0)
    assert.equal(world.entries.size, 0, 'it never joined')
    const got = await wait(store, 20)
    assert.equal(world.lockLeaseId, got.leaseId)
    assert.equal(store.latest.writes, 0, 'a re-run leaves the record as it is')
  })

  test('gives the lease back at once when a newer holder wrote the record between its look and its acquire', async () => {
    const world = new FakeWorld()
    const store = new KeyedStore(world)
    store.latest.set('production', { ...who('octo/app', 'production', '5'), acquiredAt: NOW.toISOString() })
    store.latest.onRead = () => {
      store.latest.onRead = undefined
      store.latest.set('production', { ...who('octo/newer', 'production', '30'), acquiredAt: NOW.toISOString() })
    }
    await rejectsWith(wait(store, 10), 'stale')
    assert.equal(world.lockLeaseId, undefined, 'the lease was given back')
    assert.equal(store.latest.records.get('production')?.record.sequence, '30', 'the newer record stays')
  })

  test('warns once of a malformed sequence of its key, and waits on', async () => {
    const world = new FakeWorld()
    world.leaseDirectly('other', undefined)
    const store = new FakeStore(world)
    world.addEntry(1, who('octo/odd', 'production', '1e9'), 60_000)
    const events: WaitEvent[] = []
    const waiting = wait(store, 10, {}, events)
    await delay(100)
    assert.deepEqual(
      events.filter((e) => e.type === 'malformed-sequence'),
      [{ type: 'malformed-sequence', where: 'entry 1', value: '1e9', problem: 'not a whole number' }],
    )
    world.entries.delete(1)
    world.releaseDirectly()
    await waiting
  })
})
