// The sweep that the contention tests and the soak count overlaps with.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { sweep, type Span } from '../support/spans.ts'

const span = (who: string, enter: number, exit: number): Span => ({ who, enter, exit })
const names = (pairs: Array<[Span, Span]>): string[] => pairs.map(([a, b]) => `${a.who}+${b.who}`).sort()

describe('sweep', () => {
  test('finds nothing wrong in spans one after another, and measures the gaps', () => {
    const report = sweep([span('b', 20, 30), span('a', 0, 10), span('c', 45, 50)])
    assert.deepEqual(report.overlaps, [])
    assert.deepEqual(report.touching, [])
    assert.deepEqual(
      report.gaps.map((g) => `${g.from.who}->${g.to.who} ${g.ms}`),
      ['a->b 10', 'b->c 15'],
    )
  })

  test('counts every overlapping pair, also spans nested in a long one', () => {
    const report = sweep([span('long', 0, 100), span('b', 10, 90), span('c', 20, 30), span('d', 95, 120)])
    assert.deepEqual(names(report.overlaps), ['b+c', 'long+b', 'long+c', 'long+d'])
  })

  test('reports an exit and an entry in the same millisecond as touching, not as fine and not as an overlap', () => {
    const report = sweep([span('a', 0, 10), span('b', 10, 20), span('c', 20, 20), span('d', 20, 25)])
    assert.deepEqual(report.overlaps, [])
    assert.deepEqual(names(report.touching), ['a+b', 'b+c', 'b+d', 'c+d'])
  })

  test('does not count a span of 0 ms as inside after its instant', () => {
    const report = sweep([span('a', 5, 5), span('b', 6, 9)])
    assert.deepEqual(report.overlaps, [])
    assert.deepEqual(report.touching, [])
    assert.deepEqual(
      report.gaps.map((g) => g.ms),
      [1],
    )
  })

  test('sets aside a span that ends before it begins', () => {
    const report = sweep([span('a', 10, 5)])
    assert.deepEqual(
      report.malformed.map((s) => s.who),
      ['a'],
    )
  })
})
