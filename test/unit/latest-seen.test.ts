// Latest wins, seen everywhere: the waiting lines and the job summary show the
// key and sequence of each waiter, and for each key in sight the last sequence
// that held the lock with its run, all of it through the untrusted-text path.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderLockSummary } from '../../src/action/summary.ts'
import { placeLine } from '../../src/action/wait-lines.ts'
import { waitLine } from '../../src/cli/wait-lines.ts'
import { WaitWatch, type WaitRecord } from '../../src/action/wait-record.ts'
import type { HolderIdentity, HolderRecord } from '../../src/lock/holder.ts'
import { describeLastHeld, lastHeldFor } from '../../src/lock/deploy/latest-seen.ts'
import type { QueueEntry } from '../../src/lock/queue/entry.ts'
import { WaitReport } from '../../src/lock/wait-report.ts'

function waiter(repository: string, runId: string, key?: string, sequence?: string): HolderIdentity {
  return {
    repository,
    workflow: 'deploy',
    job: 'deploy',
    runId,
    runAttempt: '1',
    actor: 'mona',
    runUrl: `https://github.com/${repository}/actions/runs/${runId}`,
    ...(key === undefined ? {} : { supersedeKey: key, sequence: sequence ?? runId }),
  }
}

function held(repository: string, runId: string, key: string, sequence: string): HolderRecord {
  return { ...waiter(repository, runId, key, sequence), acquiredAt: '2026-11-30T10:02:11.000Z' }
}

const entry = (ticket: number, who: HolderIdentity): QueueEntry => ({
  ticket,
  leased: true,
  modifiedAt: new Date(),
  waiter: who,
})

describe('lastHeldFor', () => {
  test('gives the record of each key in sight once, in the order the keys come, comparing keys exactly', () => {
    const records = [
      held('org/a', '5', 'staging', '5'),
      held('org/b', '9', 'production', '9'),
      held('x', '1', 'Production', '1'),
    ]
    assert.deepEqual(
      lastHeldFor(records, ['production', undefined, 'staging', 'production', 'never-held']).map((r) => r.runId),
      ['9', '5'],
    )
    assert.deepEqual(lastHeldFor(records, ['production ']), [], 'no trimming')
  })
})

describe('describeLastHeld', () => {
  test('names the key, the sequence and the run of each record', () => {
    assert.equal(
      describeLastHeld([held('org/api', '812', 'production', '812')]),
      'last held, per key: key "production": sequence 812, org/api run 812',
    )
    assert.equal(describeLastHeld([]), '')
    assert.equal(describeLastHeld(undefined), '')
  })

  test('shows forged keys and sequences through the untrusted-text path: one line, no workflow commands', () => {
    const forged = held('org/evil', '1', 'prod\n::error::owned', '9'.repeat(30) + '\r\n::add-mask::x')
    const text = describeLastHeld([forged])
    assert.doesNotMatch(text, /[\r\n]/)
    assert.doesNotMatch(text, /^::/m)
    assert.ok(text.length < 400, text)
  })

  test('counts the keys it does not name', () => {
    const records = Array.from({ length: 7 }, (_, i) => held('org/a', String(i), `k${i}`, String(i)))
    assert.match(describeLastHeld(records), /; and 2 more$/)
  })
})

describe('the waiting line with keys', () => {
  test('shows each waiter ahead with its key and sequence, and the last sequence that held per key', () => {
    const line = placeLine(
      {
        position: 2,
        holder: undefined,
        ahead: [waiter('org/web', '77', 'production', '77')],
        queued: true,
        lastHeld: [held('org/api', '70', 'production', '70')],
      },
      'locks/deploy',
    )
    assert.equal(
      line,
      '2nd in line for locks/deploy (free, 1 ahead); ahead: org/web run 77 (key "production", sequence 77); ' +
        'last held, per key: key "production": sequence 70, org/api run 70',
    )
  })

  test("in azure-mutex hold, says what the step's line says: a free lock with waiters ahead, the last sequence held", () => {
    const place = {
      position: 2,
      holder: undefined,
      ahead: [waiter('org/web', '77', 'production', '77')],
      queued: true,
      lastHeld: [held('org/api', '70', 'production', '70')],
    }
    const step = placeLine(place, 'locks/deploy')
    assert.equal(waitLine({ type: 'waiting', place, waitedMs: 0 }, 'locks/deploy'), step)
    assert.equal(waitLine({ type: 'moved', place, waitedMs: 61_000 }, 'locks/deploy'), `${step} (waited 1m 1s)`)
  })

  test('the report puts on each place the records of our key, the holder key and the keys ahead, and no other', () => {
    const report = new WaitReport({ progressEveryMs: 60_000, noTimeLimit: false, breakCommand: '', ownKey: 'mine' })
    const records = [
      held('org/a', '1', 'mine', '1'),
      held('org/b', '2', 'theirs', '2'),
      held('org/c', '3', 'unseen', '3'),
    ]
    const events = report.see(
      { lock: { state: 'free' } as never, ahead: [entry(4, waiter('org/b', '4', 'theirs', '4'))], records },
      0,
      0,
    )
    const place = events.find((e) => e.type === 'waiting')
    assert.ok(place && 'place' in place)
    assert.deepEqual(
      place.place.lastHeld?.map((r) => r.supersedeKey),
      ['mine', 'theirs'],
    )
  })
})

describe('the job summary with keys', () => {
  function record(): WaitRecord {
    const watch = new WaitWatch(() => undefined)
    watch.see({
      type: 'waiting',
      waitedMs: 0,
      place: {
        position: 3,
        holder: undefined,
        ahead: [
          waiter('org/web', '77', 'production', '77'),
          waiter('org/plain', '5'),
          waiter('org/<b>x</b>', '78', 'pro|d', '78'),
        ],
        queued: true,
        lastHeld: [held('org/api', '70', 'production', '70')],
      },
    })
    watch.see({
      type: 'moved',
      waitedMs: 10,
      place: { position: 2, holder: undefined, ahead: [waiter('org/web', '77', 'production', '77')], queued: true },
    })
    return watch.record('superseded')
  }

  test('the wait record keeps each keyed waiter once, and the last sequence that held per key', () => {
    const saved = record()
    assert.deepEqual(
      saved.keyedWaiters?.map((w) => [w.repository, w.supersedeKey, w.sequence]),
      [
        ['org/web', 'production', '77'],
        ['org/<b>x</b>', 'pro|d', '78'],
      ],
    )
    assert.deepEqual(
      saved.lastHeld?.map((r) => [r.supersedeKey, r.sequence, r.runId]),
      [['production', '70', '70']],
    )
  })

  test('renders the waiters with their key and sequence, and the last sequence per key with a link to its run, markup escaped', () => {
    const markdown = renderLockSummary({ location: 'acct/locks/deploy', wait: record() }, 'https://github.com')
    assert.match(markdown, /Waiters seen with a supersede key:/)
    assert.match(
      markdown,
      /<td>org\/web<\/td><td><a href="https:\/\/github.com\/org\/web\/actions\/runs\/77">run 77<\/a><\/td><td>production<\/td><td>77<\/td>/,
    )
    assert.match(markdown, /Last sequence that held, per supersede key:/)
    assert.match(
      markdown,
      /<td>production<\/td><td>70<\/td><td>org\/api<\/td><td><a href="https:\/\/github.com\/org\/api\/actions\/runs\/70">run 70<\/a><\/td>/,
    )
    assert.ok(!markdown.includes('<b>'), 'markup from an entry is escaped')
    assert.match(markdown, /pro&#124;d/)
  })

  test("names a holder's key and sequence in the holders seen", () => {
    const wait: WaitRecord = { ...record(), holders: [held('org/api', '70', 'production', '70')] }
    const markdown = renderLockSummary({ location: 'acct/locks/deploy', wait }, 'https://github.com')
    assert.match(markdown, /org\/api, workflow “deploy”, job deploy, actor mona, key “production”, sequence 70/)
  })
})
