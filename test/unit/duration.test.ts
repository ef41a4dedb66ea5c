import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { formatDuration, parseDuration } from '../../src/lock/duration.ts'

describe('parseDuration', () => {
  test('reads a bare number as seconds', () => {
    assert.equal(parseDuration('90'), 90_000)
  })

  test('reads seconds, minutes and hours with a unit suffix', () => {
    assert.equal(parseDuration('90s'), 90_000)
    assert.equal(parseDuration('15m'), 900_000)
    assert.equal(parseDuration('2h'), 7_200_000)
  })

  test('accepts upper-case units', () => {
    assert.equal(parseDuration('90S'), 90_000)
    assert.equal(parseDuration('15M'), 900_000)
    assert.equal(parseDuration('2H'), 7_200_000)
  })

  test('ignores surrounding whitespace and a space before the unit', () => {
    assert.equal(parseDuration('  15m  '), 900_000)
    assert.equal(parseDuration('\t2 h\n'), 7_200_000)
  })

  test('reads zero as zero milliseconds', () => {
    assert.equal(parseDuration('0'), 0)
    assert.equal(parseDuration('0m'), 0)
  })

  for (const text of ['', '   ', '1.5m', '-5', '+5', '10d', 'abc', 'm', '15 m s', '1e3', '15min', '0x10']) {
    test(`rejects ${JSON.stringify(text)}`, () => {
      assert.equal(parseDuration(text), undefined)
    })
  }

  test('rejects numbers too large to be exact in milliseconds', () => {
    assert.equal(parseDuration('9007199254740993'), undefined)
    assert.equal(parseDuration('99999999999999999999h'), undefined)
    assert.equal(parseDuration('9007199254740991s'), undefined)
  })

  test('accepts large numbers that still fit exactly', () => {
    assert.equal(parseDuration('1000000h'), 3_600_000_000_000)
  })
})

describe('formatDuration', () => {
  test('shows durations under ten seconds with one decimal', () => {
    assert.equal(formatDuration(400), '0.4s')
    assert.equal(formatDuration(1_250), '1.3s')
    assert.equal(formatDuration(9_900), '9.9s')
  })

  test('drops a trailing .0 on whole seconds', () => {
    assert.equal(formatDuration(0), '0s')
    assert.equal(formatDuration(2_000), '2s')
  })

  test('shows negative durations as 0s', () => {
    assert.equal(formatDuration(-5), '0s')
    assert.equal(formatDuration(-60_000), '0s')
  })

  test('rounds longer durations to whole seconds', () => {
    assert.equal(formatDuration(12_400), '12s')
    assert.equal(formatDuration(12_600), '13s')
  })

  test('combines minutes and seconds', () => {
    assert.equal(formatDuration(90_000), '1m 30s')
    assert.equal(formatDuration(60_000), '1m')
    assert.equal(formatDuration(59_600), '1m')
  })

  test('combines hours and minutes and leaves out seconds once there are hours', () => {
    assert.equal(formatDuration(7_500_000), '2h 5m')
    assert.equal(formatDuration(3_600_000), '1h')
    assert.equal(formatDuration(3_630_000), '1h')
    assert.equal(formatDuration(86_400_000), '24h')
  })

  test('formats single-unit durations the way parseDuration reads them', () => {
    for (const text of ['15m', '2h', '45s']) {
      assert.equal(formatDuration(parseDuration(text) ?? Number.NaN), text)
    }
  })
})
