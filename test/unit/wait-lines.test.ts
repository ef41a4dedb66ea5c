// The main step's wording of the waiter's events.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { linesFor, placeLine } from '../../src/action/wait-lines.ts'
import type { HolderIdentity } from '../../src/lock/holder.ts'
import { describeHolderSeen, type HolderSeen } from '../../src/lock/holder-seen.ts'
import type { LockSpec } from '../../src/lock/spec.ts'

const SPEC: LockSpec = {
  endpoint: 'https://acct.blob.core.windows.net',
  container: 'locks',
  lockName: 'production-deploy',
  leaseDurationSeconds: 60,
}

const todayAt = (time: string): string => `${new Date().toISOString().slice(0, 10)}T${time}.000Z`

function who(repository: string, runId: string): HolderIdentity {
  return { repository, workflow: 'deploy', job: 'deploy', runId, runAttempt: '1', actor: 'mona', runUrl: '' }
}

const holding: HolderSeen = {
  record: { ...who('org/api', '812'), acquiredAt: todayAt('10:02:11') },
  freshness: { kind: 'fresh' },
  infinite: false,
}

describe('placeLine', () => {
  test('names the place, the lock, the holder and the waiters ahead', () => {
    assert.equal(
      placeLine(
        { position: 3, holder: holding, ahead: [who('org/web', '77')], queued: true },
        'locks/production-deploy',
      ),
      '3rd in line for locks/production-deploy; ahead: org/api run 812 (holding since 10:02:11Z), org/web run 77',
    )
  })

  test('counts the waiters it does not name', () => {
    const ahead = Array.from({ length: 8 }, (_, i) => who(`org/r${i}`, String(i)))
    const line = placeLine({ position: 10, holder: holding, ahead, queued: true }, 'locks/x')
    assert.match(line, /^10th in line for locks\/x; ahead: org\/api run 812 .*, org\/r3 run 3, and 4 more$/)
  })

  test('says when nobody is ahead, and names a waiter whose entry says nothing', () => {
    assert.equal(
      placeLine({ position: 1, holder: undefined, ahead: [], queued: true }, 'locks/x'),
      '1st in line for locks/x; nobody ahead',
    )
    assert.equal(
      placeLine({ position: 2, holder: undefined, ahead: [undefined], queued: true }, 'locks/x'),
      '2nd in line for locks/x (free, 1 ahead); ahead: a waiter that wrote no record',
    )
  })

  test('shows what strangers wrote as plain text', () => {
    const line = placeLine(
      { position: 3, holder: holding, ahead: [who('org/x\n::error::pwned', '1\r2')], queued: true },
      'locks/x',
    )
    assert.ok(!line.includes('\n') && !line.includes('\r'), line)
    assert.ok(line.includes('org/x\\n::error::pwned run 1\\r2'), line)
  })
})

describe('linesFor', () => {
  test('words the first line as the place and then the holder in full', () => {
    const lines = linesFor(
      { type: 'waiting', place: { position: 2, holder: holding, ahead: [], queued: true }, waitedMs: 100 },
      SPEC,
    )
    assert.deepEqual(
      lines.map((l) => l.text),
      [
        '2nd in line for locks/production-deploy; ahead: org/api run 812 (holding since 10:02:11Z)',
        `The lock is held by org/api workflow "deploy" run 812 (attempt 1, job deploy, actor mona) since ${todayAt('10:02:11')}. Waiting.`,
      ],
    )
  })

  test('warns once of an infinite lease with no timeout, saying how to bound the wait and how to break it', () => {
    const holder: HolderSeen = { record: undefined, freshness: { kind: 'unknown-age' }, infinite: true }
    const [line] = linesFor({ type: 'infinite-lease', holder, breakCommand: 'az storage blob lease break …' }, SPEC)
    assert.equal(line?.level, 'warning')
    assert.match(line?.text ?? '', /with an infinite lease that never expires by itself/)
    assert.match(line?.text ?? '', /With no 'timeout' this step may wait for as long as the job may run: set 'timeout'/)
    assert.ok(line?.text.endsWith('or break the lease: az storage blob lease break …'), line?.text)
  })

  test('gives a waiter outside the queue no place in line, and names the holder instead', () => {
    const place = { position: 2, holder: holding, ahead: [], queued: false }
    assert.deepEqual(
      linesFor({ type: 'waiting', place, waitedMs: 0 }, SPEC).map((l) => l.text),
      [`The lock is held by ${describeHolderSeen(holding)}. Waiting.`],
    )
    assert.deepEqual(linesFor({ type: 'moved', place, waitedMs: 0 }, SPEC), [])
    const [still] = linesFor({ type: 'still-waiting', place, waitedMs: 31_000 }, SPEC)
    assert.equal(still?.text, `Still waiting after 31s; held by ${describeHolderSeen(holding)}`)
  })

  test('warns that a credential that may not list waits outside the queue, and what to give it', () => {
    const error = Object.assign(new Error('x'), {
      statusCode: 403,
      details: { errorCode: 'AuthorizationPermissionMismatch' },
    })
    const [line] = linesFor({ type: 'outside-queue', error }, SPEC)
    assert.equal(line?.level, 'warning')
    assert.match(
      line?.text ?? '',
      /^The credential may not list the blobs of container locks \(403 AuthorizationPermissionMismatch\), so this job cannot wait in the queue of locks\/production-deploy: .* \(a SAS with the permissions 'rwcdl'\)\.$/,
    )
  })

  test('says "still waiting" with the time and the place', () => {
    const [line] = linesFor(
      { type: 'still-waiting', place: { position: 2, holder: holding, ahead: [], queued: true }, waitedMs: 65_000 },
      SPEC,
    )
    assert.match(line?.text ?? '', /^Still waiting after 1m 5s; 2nd in line for locks\/production-deploy; ahead: /)
  })
})
