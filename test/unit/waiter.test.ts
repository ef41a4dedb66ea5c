// The waiter's reporting, driven by scripted lease views (no storage: pure logic).

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { HolderRecord } from '../../src/lock/holder.ts'
import type { LeaseView, LockBlob } from '../../src/lock/lock-blob.ts'
import { waitForLease, type WaitEvent } from '../../src/lock/waiter.ts'

function record(repository: string): HolderRecord {
  return {
    repository,
    workflow: 'w',
    job: 'j',
    runId: '1',
    runAttempt: '1',
    actor: 'a',
    runUrl: '',
    acquiredAt: '2026-01-01T00:00:00.000Z',
  }
}

/** A lock that shows the scripted views one poll at a time, then lets the waiter in. */
function scriptedLock(views: LeaseView[]): LockBlob {
  let next = 0
  const fake = {
    location: 'acct/locks/scripted',
    view: async (): Promise<LeaseView> => views[next++] ?? { state: 'free', staleHolder: undefined },
    create: async () => 'blob' as const,
    acquire: async () => 'acquired' as const,
    writeHolder: async () => undefined,
    release: async () => 'released' as const,
  }
  return fake as unknown as LockBlob
}

async function eventsFor(views: LeaseView[]): Promise<WaitEvent[]> {
  const events: WaitEvent[] = []
  await waitForLease({
    lock: scriptedLock(views),
    leaseDurationSeconds: 15,
    holder: record('octo/me'),
    pollMs: [1, 2],
    onEvent: (e) => events.push(e),
  })
  return events
}

const brief = (events: WaitEvent[]): string[] =>
  events.map((e) => `${e.type}:${'holder' in e ? (e.holder?.repository ?? 'unknown') : ''}`)

describe('waitForLease reporting', () => {
  test('reports the holder once when waiting starts, not once per poll', async () => {
    const held: LeaseView = { state: 'leased', holder: record('octo/a') }
    assert.deepEqual(brief(await eventsFor([held, held, held, held])), ['waiting:octo/a'])
  })

  test('reports a change of holder', async () => {
    const a: LeaseView = { state: 'leased', holder: record('octo/a') }
    const b: LeaseView = { state: 'leased', holder: record('octo/b') }
    assert.deepEqual(brief(await eventsFor([a, a, b, b])), ['waiting:octo/a', 'holder-changed:octo/b'])
  })

  test('does not report an unknown holder for the moment between a lease and its record', async () => {
    const a: LeaseView = { state: 'leased', holder: record('octo/a') }
    const bare: LeaseView = { state: 'leased', holder: undefined }
    const b: LeaseView = { state: 'leased', holder: record('octo/b') }
    assert.deepEqual(brief(await eventsFor([a, bare, b])), ['waiting:octo/a', 'holder-changed:octo/b'])
  })

  test('reports a holder that writes no record once two polls in a row see it', async () => {
    const bare: LeaseView = { state: 'leased', holder: undefined }
    assert.deepEqual(brief(await eventsFor([bare, bare, bare])), ['waiting:unknown'])
  })

  test('treats a record left on a free blob as stale when a record-less client leases it next', async () => {
    const stale = record('octo/gone')
    // The free view is followed by a lost race: the next client leases it without writing a record.
    let polls = 0
    const lock = {
      location: 'acct/locks/stale',
      view: async (): Promise<LeaseView> =>
        ++polls === 1
          ? { state: 'free', staleHolder: stale }
          : polls < 4
            ? { state: 'leased', holder: stale }
            : { state: 'free', staleHolder: undefined },
      acquire: async () => (polls === 1 ? ('held-by-other' as const) : ('acquired' as const)),
      writeHolder: async () => undefined,
      release: async () => 'released' as const,
    } as unknown as LockBlob
    const seen: WaitEvent[] = []
    await waitForLease({
      lock,
      leaseDurationSeconds: 15,
      holder: record('octo/me'),
      pollMs: [1, 2],
      onEvent: (e) => seen.push(e),
    })
    assert.deepEqual(brief(seen), ['waiting:unknown'])
  })
})
