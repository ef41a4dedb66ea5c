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

  test('applies to the hold it names, and not to another hold or an older break', () => {
    const record = newBreakRecord(OPERATOR, 'why', new Date('2026-11-26T05:10:00.000Z'), HOLD)
    assert.ok(breakApplies(record, { acquiredAt: HOLD.acquiredAt, runId: '812' }))
    assert.ok(
      !breakApplies(record, { acquiredAt: '2026-11-26T05:20:00.000Z', runId: '812' }),
      'a later hold of the same run',
    )
    assert.ok(!breakApplies(record, { acquiredAt: HOLD.acquiredAt, runId: '813' }), 'another run')
  })

  test('without a named hold, applies only when made after the hold began', () => {
    const record = newBreakRecord(OPERATOR, 'why', new Date('2026-11-26T05:10:00.000Z'), undefined)
    assert.ok(breakApplies(record, { acquiredAt: '2026-11-26T05:09:00.000Z', runId: '1' }))
    assert.ok(!breakApplies(record, { acquiredAt: '2026-11-26T05:11:00.000Z', runId: '1' }))
    assert.ok(
      !breakApplies({ ...record, brokenAt: 'not a time' }, { acquiredAt: '2026-11-26T05:09:00.000Z', runId: '1' }),
    )
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
