// The waiter's reporting: sightings in, events out (pure logic).

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { HolderIdentity, HolderRecord } from '../../src/lock/holder.ts'
import type { LeaseView } from '../../src/lock/store.ts'
import type { QueueEntry } from '../../src/lock/queue/entry.ts'
import { WaitReport, type Sighting, type WaitEvent } from '../../src/lock/wait-report.ts'

const BREAK = 'az storage blob lease break --account-name acct --container-name locks --blob-name x'

function who(repository: string): HolderIdentity {
  return { repository, workflow: 'w', job: 'j', runId: '1', runAttempt: '1', actor: 'a', runUrl: '' }
}

function record(repository: string, extra: Partial<HolderRecord> = {}): HolderRecord {
  return { ...who(repository), acquiredAt: '2026-01-01T00:00:00.000Z', ...extra }
}

const held = (holder: HolderRecord | undefined, extra: Partial<LeaseView> = {}): Sighting => ({
  lock: { state: 'leased', holder, infinite: false, ...extra } as Extract<LeaseView, { state: 'leased' }>,
})
const free = (staleHolder?: HolderRecord): Sighting => ({ lock: { state: 'free', staleHolder } })
const entry = (ticket: number, repository: string): QueueEntry => ({
  ticket,
  leased: true,
  modifiedAt: new Date(),
  waiter: who(repository),
})

/** Feeds the sightings one second apart; returns "type:holder-repository:position" per event. */
function report(sightings: Sighting[], options: { progressEveryMs?: number; noTimeLimit?: boolean } = {}): string[] {
  const wait = new WaitReport({
    progressEveryMs: options.progressEveryMs ?? 60_000,
    noTimeLimit: options.noTimeLimit ?? false,
    breakCommand: BREAK,
  })
  const events: WaitEvent[] = []
  sightings.forEach((sighting, i) => events.push(...wait.see(sighting, i * 1_000, i * 1_000)))
  return events.map((e) =>
    'place' in e
      ? `${e.type}:${e.place.holder ? (e.place.holder.record?.repository ?? 'unknown') : 'free'}:${e.place.position}`
      : e.type,
  )
}

describe('WaitReport', () => {
  test('says nothing after an attempt that did not look at the lock, so no line names a holder that may have left', () => {
    const a = held(record('octo/a'))
    // Progress is due at every sighting; the ones without a look at the lock (a renewal, a listing) make no line.
    assert.deepEqual(report([{ ...a, ahead: [] }, { ahead: [] }, {}, a], { progressEveryMs: 500 }), [
      'waiting:octo/a:2',
      'still-waiting:octo/a:2',
    ])
  })

  test('remembers the last look at the lock, and whether it was free', () => {
    const wait = new WaitReport({ progressEveryMs: 60_000, noTimeLimit: false, breakCommand: BREAK })
    wait.see(held(record('octo/a')), 0, 100)
    assert.equal(wait.lastLook?.holder?.record?.repository, 'octo/a')
    wait.see({ ahead: [] }, 0, 200)
    assert.equal(wait.lastLook?.at, 100, 'a listing alone is no look at the lock')
    wait.see(free(), 0, 300)
    assert.deepEqual(wait.lastLook, { at: 300, holder: undefined })
    assert.equal(wait.holder?.record?.repository, 'octo/a', 'the holder seen last is still known')
  })

  test('reports the holder once when waiting starts, not once per look', () => {
    const a = held(record('octo/a'))
    assert.deepEqual(report([a, a, a, a]), ['waiting:octo/a:2'])
  })

  test('reports a change of holder', () => {
    const a = held(record('octo/a'))
    const b = held(record('octo/b'))
    assert.deepEqual(report([a, a, b, b]), ['waiting:octo/a:2', 'holder-changed:octo/b:2'])
  })

  test('does not report an unknown holder for the moment between a lease and its record', () => {
    assert.deepEqual(report([held(record('octo/a')), held(undefined), held(record('octo/b'))]), [
      'waiting:octo/a:2',
      'holder-changed:octo/b:2',
    ])
  })

  test('reports a holder that writes no record once two looks in a row see it', () => {
    const bare = held(undefined)
    assert.deepEqual(report([bare, bare, bare]), ['waiting:unknown:2'])
  })

  test('treats a record left on a free blob as stale when a record-less client leases it next', () => {
    const gone = record('octo/gone')
    assert.deepEqual(report([free(gone), held(gone), held(gone)]), ['waiting:free:1', 'holder-changed:unknown:2'])
  })

  test('counts the waiters ahead and the holder in the place in line, and reports a move', () => {
    const sightings: Sighting[] = [
      { ...held(record('octo/h')), ahead: [entry(1, 'octo/x'), entry(2, 'octo/y')] },
      { ahead: [entry(1, 'octo/x'), entry(2, 'octo/y')] },
      { ...held(record('octo/x')), ahead: [entry(2, 'octo/y')] },
    ]
    assert.deepEqual(report(sightings), ['waiting:octo/h:4', 'moved:octo/x:3'])
  })

  test('says "still waiting" when nothing changes for a while', () => {
    const a = held(record('octo/a'))
    assert.deepEqual(report([a, a, a, a, a], { progressEveryMs: 2_000 }), [
      'waiting:octo/a:2',
      'still-waiting:octo/a:2',
      'still-waiting:octo/a:2',
    ])
  })

  test('believes a record only while its holder keeps it fresh by the service clock', () => {
    const wait = new WaitReport({ progressEveryMs: 60_000, noTimeLimit: false, breakCommand: BREAK })
    const now = new Date('2026-01-01T10:00:00Z')
    const sighting = (ageMs: number): Sighting =>
      held(record('octo/crashed', { leaseSeconds: '15' }), {
        modifiedAt: new Date(now.getTime() - ageMs),
        serviceNow: now,
      } as Partial<LeaseView>)
    const [fresh] = wait.see(sighting(16_000), 0, 0)
    assert.equal(fresh?.type === 'waiting' && fresh.place.holder?.freshness.kind, 'fresh', '16 s on a 15 s lease')
    const [stale] = wait.see(sighting(18_000), 1_000, 1_000)
    assert.equal(stale?.type, 'holder-changed')
    assert.deepEqual(stale?.type === 'holder-changed' && stale.place.holder?.freshness, {
      kind: 'stale',
      stoppedAt: new Date('2026-01-01T09:59:42Z'),
    })
  })

  test('says once, and only without a time limit, that an infinite lease may mean waiting for ever', () => {
    const infinite = held(undefined, { infinite: true } as Partial<LeaseView>)
    assert.deepEqual(report([infinite, infinite, infinite], { noTimeLimit: true }), [
      'infinite-lease',
      'waiting:unknown:2',
    ])
    assert.deepEqual(report([infinite, infinite, infinite], { noTimeLimit: false }), ['waiting:unknown:2'])
  })

  test('keeps the place in line of its first line as the place on arrival', () => {
    const wait = new WaitReport({ progressEveryMs: 60_000, noTimeLimit: false, breakCommand: BREAK })
    assert.equal(wait.arrivalPosition, undefined)
    wait.see({ ...held(record('octo/h')), ahead: [entry(1, 'octo/x')] }, 0, 0)
    wait.see({ ...held(record('octo/x')), ahead: [] }, 1_000, 1_000)
    assert.equal(wait.arrivalPosition, 3)
  })

  test('asks for a look at the lock only when a line would follow', () => {
    const wait = new WaitReport({ progressEveryMs: 30_000, noTimeLimit: false, breakCommand: BREAK })
    assert.equal(wait.wantsHolder(2, 0), true, 'the first line')
    wait.see({ ...held(record('octo/h')), ahead: [entry(1, 'a'), entry(2, 'b')] }, 0, 0)
    assert.equal(wait.wantsHolder(2, 1_000), false, 'same place, nothing due')
    assert.equal(wait.wantsHolder(1, 1_000), true, 'moved up')
    assert.equal(wait.wantsHolder(2, 30_000), true, 'a still-waiting line is due')
  })
})
