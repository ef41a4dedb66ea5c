// The priority lane and the long-wait warning, end to end: the built action
// through the runner emulator, against Azurite, with 15 s leases. Waits are on
// events (an entry showing up, a line printed), except where a test must show
// that something does not come again.

import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { ChildProcess } from 'node:child_process'
import type { ContainerClient } from '@azure/storage-blob'
import { identityToMetadata } from '../../src/lock/holder.ts'
import { PRIORITY_KEY } from '../../src/lock/queue/priority.ts'
import { entryName, reservedNames } from '../../src/lock/reserved.ts'
import type { Azurite } from '../support/azurite.ts'
import { jobFor, mustPass, servedInTurn, stdoutLine, withSuiteStorage } from '../support/e2e.ts'
import { rendered } from '../support/summary.ts'
import type { Job, StepResult } from '../support/runner.ts'

/** A run step that records its critical section: enter, 100 ms of work, exit. */
const CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 100)`

const JUMPED =
  /^A high-priority waiter joined ahead of you in the queue of locks\/[\w-]+: org-high\/hotfix run \d+ \(entry \d+\)\.$/

describe('the priority lane and the long-wait warning, end to end', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  /** The tickets and repositories of the leased entries in a lock's queue. */
  async function queued(lockName: string): Promise<Array<{ ticket: string; repository: string | undefined }>> {
    const entries = []
    const prefix = reservedNames(lockName).queuePrefix
    for await (const blob of locks.listBlobsFlat({ prefix, includeMetadata: true })) {
      if (blob.properties.leaseState === 'leased')
        entries.push({ ticket: blob.name.slice(prefix.length), repository: blob.metadata?.holder_repository })
    }
    return entries
  }

  async function untilQueued(lockName: string, repository: string, limitMs = 10_000): Promise<void> {
    const deadline = Date.now() + limitMs
    while (!(await queued(lockName)).some((e) => e.repository === repository)) {
      assert.ok(Date.now() < deadline, `${repository} did not join the queue of ${lockName}`)
      await delay(50)
    }
  }

  it('serves a high-priority job right after the holder, ahead of five normal ones that keep their order and say what happened', async () => {
    const lock = 'priority-lane'
    const spans = join(mkdtempSync(join(tmpdir(), 'priority-')), 'spans.log')
    appendFileSync(spans, '')
    const holder = jobFor(azurite, 'octo/holder', lock)
    mustPass('holder main', await holder.runMain())

    const normal = Array.from({ length: 5 }, (_, i) => `org-${i + 1}/service`)
    const children = new Map<string, ChildProcess>()
    const run = (repository: string, inputs: Record<string, string> = {}) => {
      const job = jobFor(azurite, repository, lock, inputs)
      const done = (async () => {
        const main = mustPass(`${repository} main`, await job.runMain({ onSpawn: (c) => children.set(repository, c) }))
        mustPass(`${repository} step`, await job.runScript(CRITICAL, { SPANS: spans }))
        mustPass(`${repository} post`, await job.runPost())
        return { main, job }
      })()
      return done
    }
    const runs = new Map<string, Promise<{ main: StepResult; job: Job }>>()
    for (const repository of normal) {
      runs.set(repository, run(repository))
      await untilQueued(lock, repository)
    }
    // Each normal waiter behind the head says so at its next listing (every 1-5 s); the head lists
    // seldom and learns it when the holder hands the lease to the high-priority job.
    const told = normal.slice(1).map((repository) => stdoutLine(children.get(repository)!, JUMPED))
    runs.set('org-high/hotfix', run('org-high/hotfix', { priority: 'high' }))
    await untilQueued(lock, 'org-high/hotfix')
    await Promise.all(told)
    mustPass('holder post', await holder.runPost())
    const served = new Map<string, { main: StepResult; job: Job }>()
    for (const [repository, done] of runs) served.set(repository, await done)

    // One at a time (servedInTurn asserts no two critical sections overlap), the high one first.
    assert.deepEqual(servedInTurn(spans), ['org-high/hotfix', ...normal])

    const high = served.get('org-high/hotfix')!.main
    assert.ok(
      high.lines.some((l) => l.startsWith(`2nd in line for locks/${lock}; ahead: octo/holder run `)),
      high.lines.join('\n'),
    )
    assert.ok(!high.lines.some((l) => JUMPED.test(l)), 'nobody went ahead of the high-priority job')
    for (const [i, repository] of normal.entries()) {
      const { main, job } = served.get(repository)!
      const jumped = main.lines.filter((l) => JUMPED.test(l))
      assert.equal(
        jumped.length,
        1,
        `${repository} says once that the high-priority job went ahead:\n${main.lines.join('\n')}`,
      )
      // Its place got worse by one: the lines after that count the high-priority job ahead of it.
      const after = main.lines.slice(main.lines.indexOf(jumped[0]!))
      if (i > 0) {
        assert.ok(
          after.some((l) => l.startsWith(`${i + 3}`) && l.includes('org-high/hotfix run ')),
          `${repository} counts the high-priority job in its place:\n${main.lines.join('\n')}`,
        )
      }
      assert.match(rendered(job.summary), /Priority\s+normal; a high-priority waiter joined ahead of this job/)
      job.complete()
    }
    assert.match(rendered(served.get('org-high/hotfix')!.job.summary), /Priority\s+high: ahead of every normal waiter/)
    served.get('org-high/hotfix')!.job.complete()
    holder.complete()
  })

  it('warns once, naming the holder, how long it has held and the place in line, when a wait passes warn-after', async () => {
    const lock = 'long-wait'
    const holder = jobFor(azurite, 'octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    const waiter = jobFor(azurite, 'org/patient', lock, { 'warn-after': '3s' })
    let child: ChildProcess | undefined
    const waiting = waiter.runMain({ onSpawn: (c) => (child = c) })
    await untilQueued(lock, 'org/patient')
    await stdoutLine(child!, /^::warning::/)
    // Long enough for several more looks at the queue and the lock (every 1-1.5 s at the head's side).
    await delay(5_000)
    mustPass('holder post', await holder.runPost())
    const main = mustPass('waiter main', await waiting)
    assert.equal(main.warnings.length, 1, `one warning annotation: ${main.warnings.join(' | ')}`)
    assert.match(
      main.warnings[0]!,
      new RegExp(
        `^Lock locks/${lock}: waited [\\d.]+s, past 'warn-after' \\(3s\\); held by octo/holder run \\d+ ` +
          `\\(holding since [\\d:]+Z\\) for [\\d.]+s; 2nd in line\\. Still waiting\\.$`,
      ),
    )
    const post = mustPass('waiter post', await waiter.runPost())
    assert.match(
      rendered(post.summary),
      /Long wait\s+Warned\s*: waited [\d.]+s, past 'warn-after' \(3s\); held by octo\/holder run /,
    )
    waiter.complete()
    holder.complete()
  })

  it('counts a forged entry with a malformed priority as normal, and says so once', async () => {
    const lock = 'forged-priority'
    const holder = jobFor(azurite, 'octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    // The honest waiter stands behind the head, where it lists the queue every second or so.
    const first = jobFor(azurite, 'org/first', lock)
    const firstWaiting = first.runMain()
    await untilQueued(lock, 'org/first')
    const waiter = jobFor(azurite, 'org/honest', lock)
    let child: ChildProcess | undefined
    const waiting = waiter.runMain({ onSpawn: (c) => (child = c) })
    await untilQueued(lock, 'org/honest')
    const honest = (await queued(lock)).find((e) => e.repository === 'org/honest')
    // A stranger writes an entry after the honest waiter's, claiming more than normal; its lease is
    // fixed and long enough for the test, as a live waiter's would be.
    const forged = locks.getBlockBlobClient(entryName(reservedNames(lock).queuePrefix, Number(honest!.ticket) + 1))
    const identity = {
      repository: 'forged/jumper',
      workflow: 'w',
      job: 'j',
      runId: '1',
      runAttempt: '1',
      actor: 'x',
      runUrl: '',
    }
    await forged.upload('', 0, { metadata: { ...identityToMetadata(identity), [PRIORITY_KEY]: 'HIGHEST' } })
    await forged.getBlobLeaseClient().acquireLease(60)
    await stdoutLine(child!, /gives the priority 'HIGHEST'/)
    // Several more listings: the warning is not repeated.
    await delay(5_000)
    mustPass('holder post', await holder.runPost())
    mustPass('first main', await firstWaiting)
    mustPass('first post', await first.runPost())
    const main = mustPass('honest main', await waiting)
    const told = main.warnings.filter((w) => w.includes("gives the priority 'HIGHEST'"))
    assert.deepEqual(told, [
      `Entry ${Number(honest!.ticket) + 1} in the queue of locks/${lock} (forged/jumper run 1) gives the priority 'HIGHEST', which is neither normal nor high: it counts as normal.`,
    ])
    assert.ok(!main.lines.some((l) => /high-priority waiter joined ahead/.test(l)), main.lines.join('\n'))
    assert.ok(
      main.lines.some((l) =>
        /^3rd in line for locks\/forged-priority; ahead: octo\/holder run \d+ \(holding since [\d:]+Z\), org\/first run \d+$/.test(
          l,
        ),
      ),
      `the forged entry is not counted ahead of the honest waiter:\n${main.lines.join('\n')}`,
    )
    mustPass('honest post', await waiter.runPost())
    await forged.getBlobLeaseClient().breakLease(0)
    await forged.delete()
    for (const job of [waiter, first, holder]) job.complete()
  })
})
