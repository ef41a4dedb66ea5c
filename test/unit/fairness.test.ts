// The soak's fairness figure (scripts/fairness.ts).

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { fairness, type Turn } from '../../scripts/fairness.ts'

const turn = (who: string, arrivedAt: number, acquiredAt: number, releasedAt: number, queued = true): Turn => ({
  who,
  queued,
  arrivedAt,
  acquiredAt,
  releasedAt,
})

describe('fairness', () => {
  test('is 1 for turns served first come, first served', () => {
    const f = fairness([turn('a', 0, 0, 10), turn('b', 1, 10, 20), turn('c', 2, 20, 30)])
    assert.deepEqual(f.longest, { who: 'c', waitedMs: 18, idealMs: 18 })
    assert.equal(f.ratio, 1)
    assert.equal(f.mostOvertaken, 0)
  })

  test('lets the ideal pay the median handoff of the run', () => {
    const f = fairness([turn('a', 0, 0, 10), turn('b', 1, 15, 25), turn('c', 2, 30, 40), turn('d', 3, 49, 50)])
    assert.equal(f.handoffMs, 5)
    assert.deepEqual(f.longest, { who: 'd', waitedMs: 46, idealMs: 42 })
  })

  test('grows for a job overtaken by later arrivals, and counts them', () => {
    // b arrived before c and d but was served last.
    const f = fairness([turn('a', 0, 0, 10), turn('b', 1, 30, 40), turn('c', 2, 10, 20), turn('d', 3, 20, 30)])
    assert.deepEqual(f.longest, { who: 'b', waitedMs: 29, idealMs: 9 })
    assert.ok(Math.abs(f.ratio - 29 / 9) < 1e-9)
    assert.equal(f.mostOvertaken, 2)
    assert.equal(f.mostOvertakenInQueue, 2)
  })

  test('counts the holds of clients that do not queue, but does not judge their waits', () => {
    // A foreign client arrives after b and wins the race for the lease when a lets go.
    const f = fairness([turn('a', 0, 0, 10), turn('b', 1, 20, 30), turn('foreign', 5, 10, 20, false)])
    assert.deepEqual(f.longest, { who: 'b', waitedMs: 19, idealMs: 9 })
    assert.equal(f.mostOvertaken, 1)
    assert.equal(f.mostOvertakenInQueue, 0)
  })

  test('counts the pairs served against ticket order, apart from arrival order', () => {
    const ticketed = (who: string, arrivedAt: number, acquiredAt: number, ticket?: number): Turn => ({
      ...turn(who, arrivedAt, acquiredAt, acquiredAt + 10),
      ticket,
    })
    // b's process started first but took its ticket after c's: arrival says overtaken, the queue was in order.
    const inOrder = fairness([ticketed('a', 0, 0), ticketed('b', 1, 20, 2), ticketed('c', 2, 10, 1)])
    assert.equal(inOrder.mostOvertaken, 1)
    assert.equal(inOrder.ticketed, 2)
    assert.equal(inOrder.outOfTicketOrder, 0)
    // d (ticket 3) served before c and b (tickets 1 and 2): two pairs against ticket order.
    const outOfOrder = fairness([ticketed('d', 0, 0, 3), ticketed('c', 1, 10, 1), ticketed('b', 2, 20, 2)])
    assert.equal(outOfOrder.ticketed, 3)
    assert.equal(outOfOrder.outOfTicketOrder, 2)
  })

  test('counts turns a client that does not queue took from a job while a job was queued, and those after its own kind apart', () => {
    const job = (who: string, arrivedAt: number, acquiredAt: number, releasedAt: number): Turn => ({
      ...turn(who, arrivedAt, acquiredAt, releasedAt),
      ticket: acquiredAt,
    })
    const f = fairness([
      job('a', 0, 0, 5_000),
      // b queued at 1 s (surely joined by 3 s) and waited until 9 s: two foreign turns came between.
      job('b', 1_000, 9_000, 10_000),
      turn('foreign-1', 0, 5_100, 6_000, false),
      turn('foreign-2', 0, 6_100, 8_000, false),
    ])
    assert.equal(f.foreignWhileQueued, 1, 'foreign-1 took the lock from a job while b was queued')
    assert.equal(f.foreignAfterForeignWhileQueued, 1, 'foreign-2 took it from foreign-1')
    assert.deepEqual(
      f.foreignWhileQueuedTurns.map(({ before, foreign }) => [before.who, foreign.who]),
      [['a', 'foreign-1']],
      'each such turn comes with the job turn before it, whose letting go the soak prints',
    )
    const handedOver = fairness([
      job('a', 0, 0, 5_000),
      job('b', 1_000, 5_100, 6_000),
      turn('foreign', 0, 6_100, 7_000, false),
    ])
    assert.equal(handedOver.foreignWhileQueued, 0, 'the foreign client came only once nobody was queued')
  })
})
