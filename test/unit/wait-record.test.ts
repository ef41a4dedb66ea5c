// The wait record that main keeps in step state for post: only what the job
// summary shows of each value read from storage, and never more bytes than
// post can be started with (the runner passes state as environment variables).

import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import * as state from '../../src/action/state.ts'
import { renderLockSummary } from '../../src/action/summary.ts'
import {
  MAX_WAIT_RECORD_BYTES,
  WaitWatch,
  fitWaitRecord,
  recordBytes,
  type WaitRecord,
} from '../../src/action/wait-record.ts'
import type { HolderIdentity, HolderRecord } from '../../src/lock/holder.ts'
import type { WaitEvent } from '../../src/lock/wait-report.ts'
import { parseCommandFile } from '../support/runner.ts'

const SERVER = 'https://github.com'

/** Text of `n` control characters: each is six bytes of JSON ('\u0001'). */
const controls = (n: number): string => '\u0001'.repeat(n)

function who(n: number, size: number): HolderIdentity & { supersedeKey: string } {
  return {
    repository: `evil/${n}${controls(size)}`,
    workflow: `w${controls(size)}`,
    job: `j${controls(size)}`,
    runId: `${n}${controls(size)}`,
    runAttempt: controls(size),
    actor: `x${controls(size)}`,
    runUrl: `https://evil.example/${n}${controls(size)}`,
    supersedeKey: `key-${n}${controls(size)}`,
    sequence: `${n}${controls(size)}`,
  }
}

const held = (n: number, size: number): HolderRecord => ({
  ...who(n, size),
  acquiredAt: `2026-12-07T10:00:00Z${controls(size)}`,
  leaseSeconds: controls(size),
  ticket: controls(size),
})

/** Events that show `count` holders, keyed waiters ahead and per-key records, each value `size` controls long. */
function hostileEvents(count: number, size: number): WaitEvent[] {
  const numbers = Array.from({ length: count }, (_, i) => i + 1)
  return numbers.map((n) => ({
    type: n === 1 ? 'waiting' : 'holder-changed',
    waitedMs: n,
    place: {
      position: 2 + count,
      holder: { record: held(n, size), freshness: { kind: 'fresh' }, infinite: false },
      ahead: numbers.map((m) => who(100 + m, size)),
      queued: true,
      lastHeld: numbers.map((m) => held(200 + m, size)),
    },
  }))
}

function recordOf(events: WaitEvent[]): WaitRecord {
  const watch = new WaitWatch(() => undefined)
  for (const event of events) watch.see(event)
  return watch.record('acquired', new Date('2026-12-07T10:01:00Z'))
}

describe('the wait record', () => {
  test('keeps of each value read from storage only what the summary shows, and the summary reads the same', () => {
    const events = hostileEvents(3, 8_000)
    const record = recordOf(events)
    // The record as it was before it was cut: every value whole.
    const place = (events[0] as Extract<WaitEvent, { type: 'waiting' }>).place
    const whole: WaitRecord = {
      ...record,
      holders: events.map((e) => (e as Extract<WaitEvent, { type: 'waiting' }>).place.holder!.record!),
      keyedWaiters: place.ahead.map((w) => ({
        repository: w!.repository,
        runId: w!.runId,
        runUrl: w!.runUrl,
        supersedeKey: w!.supersedeKey!,
        sequence: w!.sequence!,
      })),
      lastHeld: place.lastHeld!,
    }
    assert.equal(
      renderLockSummary({ location: 'acct/locks/deploy', wait: record }, SERVER),
      renderLockSummary({ location: 'acct/locks/deploy', wait: whole }, SERVER),
    )
    assert.ok(recordBytes(whole) > 400_000, `the whole record is ${recordBytes(whole)} bytes`)
    assert.ok(recordBytes(record) * 5 < recordBytes(whole), `the kept record is ${recordBytes(record)} bytes`)
    const holder = record.holders[0]!
    assert.deepEqual(Object.keys(holder).sort(), [
      'acquiredAt',
      'actor',
      'job',
      'repository',
      'runId',
      'runUrl',
      'sequence',
      'supersedeKey',
      'workflow',
    ])
    assert.equal(Array.from(holder.runId).length, 41, 'the run id as the summary shows it, 40 characters')
    assert.equal(Array.from(holder.supersedeKey!).length, 81)
  })

  test('fits the most a record can hold of forged values into MAX_WAIT_RECORD_BYTES, and counts what it left out', () => {
    const record = recordOf(hostileEvents(20, 8_000))
    assert.equal(record.holders.length, 20)
    assert.equal(record.keyedWaiters?.length, 20)
    assert.equal(record.lastHeld?.length, 20)
    const fitted = fitWaitRecord(record, MAX_WAIT_RECORD_BYTES)
    assert.ok(recordBytes(fitted) <= MAX_WAIT_RECORD_BYTES, `${recordBytes(fitted)} bytes`)
    const kept = fitted.holders.length + fitted.keyedWaiters!.length + fitted.lastHeld!.length
    const leftOut = fitted.holdersLeftOut + (fitted.keyedWaitersLeftOut ?? 0) + (fitted.lastHeldLeftOut ?? 0)
    assert.equal(kept + leftOut, 60, 'every row is kept or counted')
    assert.ok(fitted.holders.length > 0 && fitted.keyedWaiters!.length > 0 && fitted.lastHeld!.length > 0)
    const markdown = renderLockSummary({ location: 'acct/locks/deploy', wait: fitted }, SERVER)
    for (const n of [fitted.holdersLeftOut, fitted.keyedWaitersLeftOut, fitted.lastHeldLeftOut]) {
      assert.ok(markdown.includes(`… and ${n} more.`), `the summary counts ${n} left out`)
    }
  })

  test('leaves an honest record of 20 holders, keyed waiters and per-key records whole', () => {
    const honest = (n: number): HolderRecord => ({
      repository: `octo-org/service-${n}`,
      workflow: 'Deploy to production',
      job: 'deploy',
      runId: String(19_000_000_000 + n),
      runAttempt: '1',
      actor: 'dependabot[bot]',
      runUrl: `https://github.com/octo-org/service-${n}/actions/runs/${19_000_000_000 + n}`,
      acquiredAt: '2026-12-07T10:00:00.000Z',
      supersedeKey: 'production',
      sequence: String(19_000_000_000 + n),
    })
    const numbers = Array.from({ length: 20 }, (_, i) => i + 1)
    const events: WaitEvent[] = numbers.map((n) => ({
      type: n === 1 ? 'waiting' : 'holder-changed',
      waitedMs: n,
      place: {
        position: 22,
        holder: { record: honest(n), freshness: { kind: 'fresh' }, infinite: false },
        ahead: numbers.map((m) => honest(100 + m)),
        queued: true,
        lastHeld: numbers.map((m) => ({ ...honest(200 + m), supersedeKey: `key-${m}` })),
      },
    }))
    const record = recordOf(events)
    assert.deepEqual(fitWaitRecord(record, MAX_WAIT_RECORD_BYTES), record)
    assert.ok(recordBytes(record) < MAX_WAIT_RECORD_BYTES / 2, `${recordBytes(record)} bytes`)
  })
})

describe('step state', () => {
  test('keeps every key together within MAX_STATE_BYTES, whatever the wait record holds', () => {
    const folder = mkdtempSync(join(tmpdir(), 'state-'))
    const file = join(folder, 'state')
    writeFileSync(file, '')
    const before = process.env.GITHUB_STATE
    process.env.GITHUB_STATE = file
    try {
      state.saveLock({
        endpoint: 'https://acct.blob.core.windows.net',
        container: 'locks',
        lockName: 'l'.repeat(1024),
        leaseDurationSeconds: 60,
      })
      state.saveAmbientSource('managed-identity')
      state.saveRenewer({
        channel: { address: `\0azure-mutex-${'a'.repeat(36)}`, token: 't'.repeat(32) },
        statusFile: `/home/runner/work/_temp/azure-mutex/renewer-${'a'.repeat(36)}.json`,
        renewer: { pid: 4_194_304, startTime: '123456789012' },
      })
      state.saveProposedLeaseId('00000000-0000-4000-8000-000000000000')
      state.saveWait(recordOf(hostileEvents(20, 8_000)))
      const now = new Date()
      state.saveLease({
        leaseId: '00000000-0000-4000-8000-000000000000',
        confirmedAt: now,
        confirmedMono: 1,
        acquiredAt: now,
      })
      state.saveTurn({
        fencingToken: Number.MAX_SAFE_INTEGER,
        arrivalPosition: 1_000_000,
        slot: { slot: 100, of: 100 },
      })
      const saved = parseCommandFile(readFileSync(file, 'utf8'))
      const total = Object.entries(saved).reduce((sum, [key, value]) => sum + Buffer.byteLength(key + value), 0)
      assert.ok(total <= state.MAX_STATE_BYTES, `${total} bytes of state`)
      assert.equal(JSON.parse(saved.wait!).holders.length > 0, true, 'the record still names holders')
    } finally {
      if (before === undefined) delete process.env.GITHUB_STATE
      else process.env.GITHUB_STATE = before
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
