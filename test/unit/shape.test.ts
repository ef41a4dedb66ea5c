import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  NOT_IT,
  count,
  listOf,
  nonEmptyText,
  oneOf,
  optional,
  parseJson,
  shape,
  text,
  time,
} from '../../src/action/shape.ts'
import { waitRecordShape, type WaitRecord } from '../../src/action/wait-record.ts'

const point = shape({ name: nonEmptyText, at: time, tries: count, kind: oneOf('a', 'b'), note: optional(text) })

describe('shape', () => {
  test('builds a new object with exactly the declared fields', () => {
    const value = { name: 'x', at: '2026-11-26T05:00:00.000Z', tries: 2, kind: 'a', extra: 'dropped' }
    const checked = point(value)
    assert.deepEqual(checked, { name: 'x', at: '2026-11-26T05:00:00.000Z', tries: 2, kind: 'a' })
    assert.notEqual(checked, value)
  })

  test('accepts a missing optional field, and checks one that is there', () => {
    const base = { name: 'x', at: '2026-11-26T05:00:00.000Z', tries: 0, kind: 'b' }
    assert.deepEqual(point({ ...base, note: 'hi' }), { ...base, note: 'hi' })
    assert.equal(point({ ...base, note: 3 }), NOT_IT)
  })

  test('refuses a wrong type, a bad time, a negative or fractional count, an unknown kind', () => {
    const base = { name: 'x', at: '2026-11-26T05:00:00.000Z', tries: 0, kind: 'a' }
    for (const wrong of [
      { ...base, name: '' },
      { ...base, name: 7 },
      { ...base, at: 'yesterday' },
      { ...base, tries: -1 },
      { ...base, tries: 1.5 },
      { ...base, kind: 'c' },
      { ...base, tries: undefined },
    ]) {
      assert.equal(point(wrong), NOT_IT, JSON.stringify(wrong))
    }
    for (const wrong of [null, [], 'text', 5]) assert.equal(point(wrong), NOT_IT)
  })

  test('lists are checked item by item and bounded', () => {
    const names = listOf(nonEmptyText, 2)
    assert.deepEqual(names(['a', 'b']), ['a', 'b'])
    assert.equal(names(['a', 'b', 'c']), NOT_IT)
    assert.equal(names(['a', '']), NOT_IT)
    assert.equal(names({ length: 1, 0: 'a' }), NOT_IT)
  })

  test('parseJson is undefined for missing text, text that is not JSON, and JSON of another shape', () => {
    assert.equal(parseJson(undefined, text), undefined)
    assert.equal(parseJson('', text), undefined)
    assert.equal(parseJson('{', text), undefined)
    assert.equal(parseJson('3', text), undefined)
    assert.equal(parseJson('"x"', text), 'x')
  })
})

describe('the wait record main saves for post', () => {
  const record: WaitRecord = {
    startedAt: '2026-11-26T05:00:00.000Z',
    endedAt: '2026-11-26T05:00:03.000Z',
    outcome: 'acquired',
    holders: [
      {
        repository: 'octo/api',
        workflow: 'deploy',
        job: 'deploy',
        runId: '7',
        actor: 'mona',
        runUrl: 'https://github.com/octo/api/actions/runs/7',
        acquiredAt: '2026-11-26T04:59:00.000Z',
      },
    ],
    holdersLeftOut: 0,
    unknownHolderSeen: false,
  }

  test('reads back what was written', () => {
    assert.deepEqual(parseJson(JSON.stringify(record), waitRecordShape), record)
  })

  test('reads back a record written before a new optional field existed, and drops fields it does not know', () => {
    assert.deepEqual(parseJson(JSON.stringify({ ...record, queuePlace: 3 }), waitRecordShape), record)
  })

  test('refuses a record with a holder that is not a holder record', () => {
    const holders = [{ ...record.holders[0], runId: 7 }]
    assert.equal(parseJson(JSON.stringify({ ...record, holders }), waitRecordShape), undefined)
  })
})
