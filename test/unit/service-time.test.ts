import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { entryTime, latestReading, readTime, serviceReading, serviceTimeAt } from '../../src/lock/service-time.ts'

// A renewal sent at monotonic 10 000 and answered at 10 400; the service's Date header said 10:00:05 (whole seconds).
const DATE = new Date('2026-11-30T10:00:05.000Z')
const reading = serviceReading(DATE, 10_000, 10_400)!

describe("the service's clock, from its Date header", () => {
  test('a "no later" time is never later than the truth, whenever in the request the header was stamped', () => {
    // The truth at monotonic t lies in [date + (t - answered), date + 1 s + (t - sent)).
    const t = 25_000
    const shown = serviceTimeAt(t, reading, 'no-later').getTime()
    assert.equal(shown, DATE.getTime() + (t - 10_400))
    for (const stampedAt of [10_000, 10_200, 10_400]) {
      for (const fraction of [0, 500, 999]) {
        const truth = DATE.getTime() + fraction + (t - stampedAt)
        assert.ok(shown <= truth, `shown ${shown} is later than a possible truth ${truth}`)
      }
    }
  })

  test('a "no earlier" time is never earlier than the truth', () => {
    const t = 25_000
    const shown = serviceTimeAt(t, reading, 'no-earlier').getTime()
    assert.equal(shown, DATE.getTime() + 1_000 + (t - 10_000))
    for (const stampedAt of [10_000, 10_200, 10_400]) {
      for (const fraction of [0, 500, 999]) {
        const truth = DATE.getTime() + fraction + (t - stampedAt)
        assert.ok(shown >= truth, `shown ${shown} is earlier than a possible truth ${truth}`)
      }
    }
  })

  test('does not depend on the wall clock when there is a reading', (t) => {
    t.mock.method(Date, 'now', () => Date.parse('2099-01-01T00:00:00Z'))
    assert.equal(serviceTimeAt(10_400, reading, 'no-later').toISOString(), DATE.toISOString())
  })

  test('without a Date header there is no reading, and the later of two readings is kept', () => {
    assert.equal(serviceReading(undefined, 1, 2), undefined)
    assert.equal(serviceReading(new Date('nonsense'), 1, 2), undefined)
    const later = serviceReading(DATE, 20_000, 20_100)!
    assert.equal(latestReading(reading, later), later)
    assert.equal(latestReading(later, reading), later)
    assert.equal(latestReading(undefined, reading), reading)
  })
})

describe('a time read from a response', () => {
  // Node joins a Date header sent twice (a proxy that adds its own) into one value; the SDK makes it an Invalid Date.
  const doubled = new Date('Mon, 07 Dec 2026 10:00:05 GMT, Mon, 07 Dec 2026 10:00:05 GMT')

  test('that does not parse is no time at all, as when the response had none', () => {
    assert.ok(Number.isNaN(doubled.getTime()), 'the premise: the joined value does not parse')
    assert.equal(readTime(doubled), undefined)
    assert.equal(readTime(undefined), undefined)
    assert.equal(readTime(DATE), DATE)
    assert.equal(serviceReading(doubled, 10_000, 10_400), undefined)
  })

  test("that does not parse makes a queue entry's time long ago: only its lease shows it live", () => {
    assert.equal(entryTime(doubled).getTime(), 0)
    assert.equal(entryTime(DATE), DATE)
  })
})
