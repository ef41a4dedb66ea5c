// The hold record and its rules (src/lock/deploy/hold.ts), and the inputs that set
// one: pure logic, no storage.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { readHoldEnd } from '../../src/action/hold-inputs.ts'
import { InputError, readRunHold } from '../../src/action/inputs.ts'
import { newBreakRecord } from '../../src/lock/break-record.ts'
import {
  HOLD_END_REASON,
  describeEndedHold,
  describeHold,
  describeHoldEndNote,
  describeHoldPastItsEnd,
  describeTakeOver,
  endedHold,
  holdExpired,
  holdFromMetadata,
  holdToMetadata,
  holdUntil,
  isHoldEndNote,
  mayTakeOver,
  standingHold,
  type HoldRecord,
} from '../../src/lock/deploy/hold.ts'
import { describeHolderSeen } from '../../src/lock/holder-seen.ts'
import { statusOf } from '../../src/lock/lock-status.ts'
import { parseLockSpec } from '../../src/lock/spec.ts'

const HOLD: HoldRecord = {
  scope: 'freeze',
  reason: 'incident 42: no deploys',
  setBy: 'mona',
  repository: 'octo/ops',
  runId: '77',
  runUrl: 'https://github.com/octo/ops/actions/runs/77',
  setAt: '2025-11-30T10:00:00.000Z',
  until: '2025-11-30T12:00:00.000Z',
  leaseId: '6f1c2a36-8f1e-4a8e-9a57-0d6d3f1e6b11',
  fencingToken: '12',
}

const reader =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? ''

describe('the hold record', () => {
  test('reads back exactly as written, whatever its reason holds', () => {
    const record = { ...HOLD, reason: 'Zürich  freeze: 100% ✋ "quoted"' }
    assert.deepEqual(holdFromMetadata(holdToMetadata(record)), record)
  })

  test('is none without the lease id that proves it, and a scope it does not know reads as a freeze', () => {
    const metadata = holdToMetadata(HOLD)
    delete metadata.hold_lease_id
    assert.equal(holdFromMetadata(metadata), undefined)
    assert.equal(holdFromMetadata({ ...holdToMetadata(HOLD), hold_scope: 'forever' })?.scope, 'freeze')
  })

  test('stands only on an infinite lease: on a fixed one, or a free blob, it is no hold', () => {
    assert.equal(standingHold({ state: 'leased', infinite: true }, HOLD), HOLD)
    assert.equal(standingHold({ state: 'leased', infinite: false }, HOLD), undefined)
    assert.equal(standingHold({ state: 'free' }, HOLD), undefined)
  })
})

describe('when a hold has expired', () => {
  test('at its until by the service clock, not before', () => {
    assert.equal(holdExpired(HOLD, new Date('2025-11-30T11:59:59.999Z')), false)
    assert.equal(holdExpired(HOLD, new Date('2025-11-30T12:00:00.000Z')), true)
  })

  test('never without the service clock, with no end, or with an end that does not parse', () => {
    assert.equal(holdExpired(HOLD, undefined), false)
    assert.equal(holdExpired({ ...HOLD, until: '' }, new Date('2099-01-01T00:00:00Z')), false)
    assert.equal(holdExpired({ ...HOLD, until: 'soon' }, new Date('2099-01-01T00:00:00Z')), false)
  })

  test('its until counts from the moment the lease was granted', () => {
    const from = new Date('2025-11-30T10:00:00.000Z')
    assert.equal(holdUntil({ kind: 'for', ms: 20_000 }, from), '2025-11-30T10:00:20.000Z')
    assert.equal(holdUntil({ kind: 'until', at: new Date('2026-12-01T08:00:00Z') }, from), '2026-12-01T08:00:00.000Z')
    assert.equal(holdUntil({ kind: 'none' }, from), '')
  })
})

describe('a hold whose end has come', () => {
  const after = new Date('2025-11-30T12:00:01Z')
  test('is one that stands on its infinite lease with its until past, by the service clock of the same look', () => {
    assert.equal(endedHold({ state: 'leased', infinite: true }, HOLD, after), HOLD)
    assert.equal(endedHold({ state: 'leased', infinite: true }, HOLD, new Date('2025-11-30T11:59:59Z')), undefined)
    assert.equal(endedHold({ state: 'leased', infinite: false }, HOLD, after), undefined, 'no hold on a fixed lease')
    assert.equal(endedHold({ state: 'leased', infinite: true }, HOLD, undefined), undefined, 'no clock, no end')
  })

  test('holds nothing in a status: the lock is free, with the hold that ended, and no holder', () => {
    const properties = { leaseState: 'leased', leaseDuration: 'infinite', metadata: holdToMetadata(HOLD) }
    const ended = statusOf('deploy', { ...properties, serviceNow: after })
    assert.equal(ended.held, false)
    assert.equal(ended.leaseState, 'leased', "Azure's lease state, as it is")
    assert.deepEqual(ended.endedHold, HOLD)
    assert.equal(ended.seen, undefined)
    const standing = statusOf('deploy', { ...properties, serviceNow: new Date('2025-11-30T11:00:00Z') })
    assert.equal(standing.held, true)
    assert.equal(standing.endedHold, undefined)
    assert.deepEqual(standing.seen?.hold, HOLD)
    assert.equal(
      describeHoldPastItsEnd(HOLD),
      'the hold set by mona (octo/ops run 77) for "incident 42: no deploys" reached its end at 2025-11-30T12:00:00Z ' +
        "by the storage service's clock; its lease stands until the next job that comes for the lock ends it, at once",
    )
  })

  test('leaves a note that says so, told apart from a lift or a break, and shown safely', () => {
    const ender = { repository: 'octo/app', runId: '812', runUrl: 'https://x/812', actor: 'hubot' }
    const holder = { repository: 'octo/ops', runId: '77', acquiredAt: '2025-11-30T10:00:00.000Z' } as never
    const note = newBreakRecord(ender, HOLD_END_REASON, new Date('2025-11-30T12:00:01.000Z'), holder)
    assert.ok(isHoldEndNote(note))
    assert.ok(!isHoldEndNote({ ...note, reason: 'incident over' }), 'a lift')
    assert.ok(!isHoldEndNote(undefined))
    assert.equal(
      describeHoldEndNote(note),
      "the hold of octo/ops run 77 had reached its end; octo/app run 812 ended it at 2025-11-30T12:00:01Z (the storage service's clock)",
    )
    const hostile = { ...note, holderRepository: '\n::error::x', repository: '\u001b[31m', brokenAt: 'soon\r' }
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(describeHoldEndNote(hostile), /[\n\r\u001b]/)
  })
})

describe('who may take a hold over', () => {
  const run: HoldRecord = { ...HOLD, scope: 'run' }
  const before = new Date('2025-11-30T11:00:00Z')
  test('a job of the same repository and run, before the end', () => {
    assert.equal(mayTakeOver(run, { repository: 'octo/ops', runId: '77' }, before), true)
  })
  test('a job that takes it over from the queue says so, and how long it waited', () => {
    assert.match(
      describeTakeOver({ hold: run, fromQueue: false, waitedMs: 80 }),
      /^a hold of a workflow run's jobs: .*, without queueing$/,
    )
    assert.match(
      describeTakeOver({ hold: run, fromQueue: true, waitedMs: 4_200 }),
      /, from the queue after waiting 4\.2s$/,
    )
  })
  test('not a job of another run or repository, not after the end, and never a freeze', () => {
    assert.equal(mayTakeOver(run, { repository: 'octo/ops', runId: '78' }, before), false)
    assert.equal(mayTakeOver(run, { repository: 'octo/app', runId: '77' }, before), false)
    assert.equal(mayTakeOver(run, { repository: 'octo/ops', runId: '77' }, new Date('2025-11-30T12:00:00Z')), false)
    assert.equal(mayTakeOver(HOLD, { repository: 'octo/ops', runId: '77' }, before), false)
  })
})

describe('how a hold is shown', () => {
  test('with its reason, who set it, and its end', () => {
    assert.equal(
      describeHold(HOLD),
      'a hold: "incident 42: no deploys", set by mona (octo/ops run 77), until 2025-11-30T12:00:00Z',
    )
    assert.match(describeHold({ ...HOLD, until: '' }), /with no end \(it stands until somebody lifts it\)$/)
    assert.equal(
      describeEndedHold(HOLD, new Date('2025-11-30T12:00:00.400Z')),
      'the hold set by mona (octo/ops run 77) for "incident 42: no deploys" ended at 2025-11-30T12:00:00Z ' +
        '(its end was 2025-11-30T12:00:00Z)',
    )
  })

  test('a waiter names the hold instead of the holder record under it', () => {
    const seen = { record: undefined, freshness: { kind: 'unknown-age' as const }, infinite: true, hold: HOLD }
    assert.equal(describeHolderSeen(seen), describeHold(HOLD))
  })

  test('a hostile reason reaches no line as a workflow command or a line break', () => {
    const hostile = {
      ...HOLD,
      reason: '\n::error title=Deploy approved::all clear\r\u001b[31m',
      setBy: '::stop-commands::x',
    }
    for (const line of [describeHold(hostile), describeEndedHold(hostile, new Date())]) {
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(line, /[\n\r\u001b]/)
      assert.ok(!line.startsWith('::'))
    }
  })
})

describe('the inputs of a hold', () => {
  const now = new Date('2025-11-30T10:00:00Z')
  test("'duration', 'until', or 'duration: forever' for no end", () => {
    assert.deepEqual(readHoldEnd(reader({ duration: '2h' }), now), { kind: 'for', ms: 7_200_000 })
    assert.deepEqual(readHoldEnd(reader({ duration: 'forever' }), now), { kind: 'none' })
    assert.deepEqual(readHoldEnd(reader({ until: '2026-12-01T09:00:00+01:00' }), now), {
      kind: 'until',
      at: new Date('2026-12-01T08:00:00Z'),
    })
  })

  test('an end is required, one of the two, a time with its zone, and not already past', () => {
    assert.throws(() => readHoldEnd(reader({}), now), /^InputError: Input 'duration' or 'until' is required/)
    assert.throws(() => readHoldEnd(reader({ duration: '1h', until: '2026-12-01T08:00:00Z' }), now), /not both/)
    assert.throws(() => readHoldEnd(reader({ duration: '0' }), now), InputError)
    assert.throws(() => readHoldEnd(reader({ until: '2026-12-01 08:00' }), now), /is not a time/)
    assert.throws(() => readHoldEnd(reader({ until: '2025-11-30T09:00:00Z' }), now), /is already past/)
  })

  test('an end a year away at most, given as a duration or as a time', () => {
    assert.deepEqual(readHoldEnd(reader({ duration: '8784h' }), now), { kind: 'for', ms: 8784 * 3_600_000 })
    assert.throws(
      () => readHoldEnd(reader({ duration: '2400000000h' }), now),
      /^InputError: Invalid input 'duration': '2400000000h' is longer than a year; expected at most 8784h \(366 days\)\.$/,
    )
    assert.deepEqual(readHoldEnd(reader({ until: '2026-11-30T10:00:00Z' }), now), {
      kind: 'until',
      at: new Date('2026-11-30T10:00:00Z'),
    })
    assert.throws(() => readHoldEnd(reader({ until: '2026-12-02T10:00:00Z' }), now), /is more than a year away/)
    assert.throws(() => readHoldEnd(reader({ until: '9999-12-31T00:00:00Z' }), now), /is more than a year away/)
    assert.throws(() => readRunHold(reader({ scope: 'run', 'hold-for': '8785h' })), /'hold-for'.* longer than a year/)
  })

  test("'scope: run' holds for 'hold-for', 1 h by default; 'scope: job' holds for no run", () => {
    assert.equal(readRunHold(reader({})), undefined)
    assert.equal(readRunHold(reader({ scope: 'job', 'hold-for': '5m' })), undefined)
    assert.equal(readRunHold(reader({ scope: 'run' })), 3_600_000)
    assert.equal(readRunHold(reader({ scope: 'run', 'hold-for': '20s' })), 20_000)
    assert.throws(() => readRunHold(reader({ scope: 'workflow' })), /^InputError: Invalid input 'scope'/)
    assert.throws(() => readRunHold(reader({ scope: 'run', 'hold-for': 'a while' })), /Invalid input 'hold-for'/)
  })

  test('the run hold travels in the lock spec, and is checked where it is read back', () => {
    const spec = {
      endpoint: 'https://acct.blob.core.windows.net',
      container: 'locks',
      lockName: 'x',
      leaseDurationSeconds: 15,
    }
    assert.deepEqual(parseLockSpec({ ...spec, runHoldMs: 60_000 }), { ...spec, runHoldMs: 60_000 })
    assert.deepEqual(parseLockSpec(spec), spec)
    assert.throws(() => parseLockSpec({ ...spec, runHoldMs: -1 }), /runHoldMs/)
  })
})
