// The queue's rules, apart from storage.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  CLAIM_GRACE_MS,
  JOIN_GRACE_MS,
  isLive,
  ordinal,
  predecessorShown,
  recentPredecessor,
  standingOf,
} from '../../src/lock/queue/queue.ts'
import type { QueueEntry } from '../../src/lock/queue/entry.ts'

const NOW = new Date('2026-01-01T10:00:00Z')
const ago = (ms: number): Date => new Date(NOW.getTime() - ms)

function entry(ticket: number, leased: boolean, modifiedAt = ago(60_000)): QueueEntry {
  return { ticket, leased, modifiedAt, waiter: undefined }
}

describe('queue rules', () => {
  test('an entry is alive while leased, or while it is younger than the join grace', () => {
    assert.equal(isLive(entry(1, true), NOW), true)
    assert.equal(isLive(entry(1, false, ago(JOIN_GRACE_MS - 1_000)), NOW), true)
    assert.equal(isLive(entry(1, false, ago(JOIN_GRACE_MS + 1_000)), NOW), false)
  })

  test('a waiter stands behind the live entries with smaller tickets; lapsed ones are set apart', () => {
    const entries = [entry(3, true), entry(5, false), entry(7, true), entry(9, true), entry(11, true)]
    const standing = standingOf({ entries, serviceNow: NOW, complete: true }, 9)
    assert.deepEqual(
      standing.ahead.map((e) => e.ticket),
      [3, 7],
    )
    assert.deepEqual(
      standing.lapsed.map((e) => e.ticket),
      [5],
    )
    assert.equal(standing.mine?.ticket, 9)
    assert.equal(standingOf({ entries, serviceNow: NOW, complete: true }, 8).mine, undefined)
  })

  test('the ticket just before ours is waited for only while it is brand new, by the service clock', () => {
    const now = 1_000_000
    assert.deepEqual(recentPredecessor({ ticket: 5, previousAt: ago(0), serviceNow: NOW }, now), {
      ticket: 4,
      until: now + CLAIM_GRACE_MS + 1_000,
    })
    assert.equal(
      recentPredecessor({ ticket: 5, previousAt: ago(CLAIM_GRACE_MS + 1_000), serviceNow: NOW }, now),
      undefined,
    )
    assert.equal(recentPredecessor({ ticket: 1 }, now), undefined, 'the first ticket has none')
  })

  test('the ticket before ours has shown once its entry is listed or the lock carries it or a later one', () => {
    const predecessor = { ticket: 4, until: 0 }
    assert.equal(predecessorShown(predecessor, { entries: [entry(4, true)] }), true)
    assert.equal(predecessorShown(predecessor, { entries: [entry(3, true)] }), false)
    assert.equal(predecessorShown(predecessor, { holderTicket: '4' }), true)
    assert.equal(predecessorShown(predecessor, { holderTicket: '3' }), false)
    assert.equal(predecessorShown(predecessor, { holderTicket: 'four' }), false, 'a record from a stranger')
    assert.equal(predecessorShown(predecessor, {}), false)
  })

  test('ordinals read as English', () => {
    const shown = [1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)
    assert.deepEqual(shown, [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '10th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ])
  })
})
