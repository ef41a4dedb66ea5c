import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  breakApplies,
  breakFromMetadata,
  breakToMetadata,
  describeBreak,
  isBreakKey,
  newBreakRecord,
} from '../../src/lock/break-record.ts'
import type { HolderRecord } from '../../src/lock/holder.ts'

const OPERATOR = {
  repository: 'octo/ops',
  runId: '99',
  runUrl: 'https://github.com/octo/ops/actions/runs/99',
  actor: 'hubot',
}
const HOLD: HolderRecord = {
  repository: 'octo/api',
  workflow: 'deploy',
  job: 'deploy',
  runId: '812',
  runAttempt: '1',
  actor: 'mona',
  runUrl: 'https://github.com/octo/api/actions/runs/812',
  acquiredAt: '2026-11-26T05:00:00.123Z',
}

describe('the break record', () => {
  test('round-trips through metadata, reason and all, in ASCII header values', () => {
    const record = newBreakRecord(
      OPERATOR,
      '  hung: “deploy” 🚀\nline two  ',
      new Date('2026-11-26T05:10:00.000Z'),
      HOLD,
    )
    const metadata = breakToMetadata(record)
    for (const value of Object.values(metadata)) assert.match(value, /^[\x20-\x7e]*$/)
    assert.ok(Object.keys(metadata).every(isBreakKey))
    assert.deepEqual(breakFromMetadata(metadata), record)
    // Keys come back from List Blobs as written, from the SDK lower-cased: both read.
    const upper = Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k.toUpperCase(), v]))
    assert.deepEqual(breakFromMetadata(upper), record)
    assert.equal(breakFromMetadata({ owner: 'platform-team' }), undefined)
  })

  // The hold ran from 05:00 to the loss found at 05:10:30, by the service's clock.
  const window = { heldFrom: new Date('2026-11-26T05:00:00.000Z'), lossFoundAt: new Date('2026-11-26T05:10:30.000Z') }

  test('applies to the hold it names, and not to another hold or an older break', () => {
    const record = newBreakRecord(OPERATOR, 'why', new Date('2026-11-26T05:10:00.000Z'), HOLD)
    assert.ok(breakApplies(record, { acquiredAt: HOLD.acquiredAt, runId: '812', ...window }))
    assert.ok(
      !breakApplies(record, { acquiredAt: '2026-11-26T05:20:00.000Z', runId: '812', ...window }),
      'a later hold of the same run',
    )
    assert.ok(!breakApplies(record, { acquiredAt: HOLD.acquiredAt, runId: '813', ...window }), 'another run')
  })

  test('without a named hold, applies only when made after the hold began', () => {
    const record = newBreakRecord(OPERATOR, 'why', new Date('2026-11-26T05:10:00.000Z'), undefined)
    const hold = (heldFrom: string) => ({ acquiredAt: heldFrom, runId: '1', ...window, heldFrom: new Date(heldFrom) })
    assert.ok(breakApplies(record, hold('2026-11-26T05:09:00.000Z')))
    assert.ok(!breakApplies(record, hold('2026-11-26T05:11:00.000Z')))
    assert.ok(!breakApplies({ ...record, brokenAt: 'not a time' }, hold('2026-11-26T05:09:00.000Z')))
  })

  test('does not apply when dated after the loss was found, even when it names this very hold (stale or forged)', () => {
    const forged = newBreakRecord(OPERATOR, 'why', new Date('2099-01-01T00:00:00.000Z'), HOLD)
    assert.ok(!breakApplies(forged, { acquiredAt: HOLD.acquiredAt, runId: '812', ...window }))
    const unnamed = newBreakRecord(OPERATOR, 'why', new Date('2099-01-01T00:00:00.000Z'), undefined)
    assert.ok(!breakApplies(unnamed, { acquiredAt: HOLD.acquiredAt, runId: '812', ...window }))
    const justAfter = newBreakRecord(OPERATOR, 'why', new Date('2026-11-26T05:10:30.001Z'), HOLD)
    assert.ok(!breakApplies(justAfter, { acquiredAt: HOLD.acquiredAt, runId: '812', ...window }), 'a millisecond late')
  })

  test('does not apply when dated before the lease was acquired, even when it names this hold', () => {
    const early = newBreakRecord(OPERATOR, 'why', new Date('2026-11-26T04:59:59.999Z'), HOLD)
    assert.ok(!breakApplies(early, { acquiredAt: HOLD.acquiredAt, runId: '812', ...window }))
  })

  test('is described on one line, every value shown as untrusted text', () => {
    const record = newBreakRecord(
      { ...OPERATOR, actor: 'x\n::error::injected' },
      'r\u202eeason',
      new Date('2026-11-26T05:10:00.000Z'),
      HOLD,
    )
    assert.equal(
      describeBreak(record),
      'broken at 2026-11-26T05:10:00.000Z by octo/ops run 99 (actor x\\n::error::injected) ' +
        'https://github.com/octo/ops/actions/runs/99: "r\\u202eeason"',
    )
  })
})
