// Contention sized for CI: 10 concurrent job loops, 20 lock cycles on one lock,
// critical sections recorded from inside the jobs. Pass: no overlap, all served.
// (20, not 100, since the queue: each cycle's hold is under a second here, and
// the next job takes over the head of the queue within its 1-1.5 s look, so a
// cycle costs about 1.5 s on this machine; 20 cycles give every loop two turns;
// the soak runs the long version.)

import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { jobFor } from '../support/e2e.ts'
import { completeAllJobs } from '../support/runner.ts'
import { describePair, readSpanFile, sweep } from '../support/spans.ts'

const CONTENDERS = 10
const CYCLES = 20

// A run-step that records its critical section: enter, 20 ms of work, exit.
const CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY + '#' + process.env.GITHUB_RUN_ID
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 20)`

describe('contention', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  it(`serves ${CYCLES} lock cycles from ${CONTENDERS} concurrent jobs one at a time`, async () => {
    const spans = join(mkdtempSync(join(tmpdir(), 'load-')), 'spans.log')
    appendFileSync(spans, '')
    let started = 0
    const failures: string[] = []
    const loop = async (contender: number): Promise<void> => {
      while (started < CYCLES) {
        started++
        const job = jobFor(azurite, `org-${contender}/service`, 'contended', { timeout: '5m' })
        const main = await job.runMain()
        if (main.exitCode !== 0) failures.push(`main: ${main.errors.join(' ')}`)
        else {
          const step = await job.runScript(CRITICAL, { SPANS: spans })
          if (step.exitCode !== 0) failures.push(`step: ${step.stderr}`)
        }
        const post = await job.runPost()
        if (post.exitCode !== 0 || post.errors.length) failures.push(`post: ${post.errors.join(' ')}`)
        job.complete()
      }
    }
    await Promise.all(Array.from({ length: CONTENDERS }, (_, i) => loop(i)))
    assert.deepEqual(failures, [])

    const { spans: sections, unmatched } = readSpanFile(spans)
    assert.deepEqual(unmatched, [])
    assert.equal(sections.length, CYCLES, 'every cycle entered and left its critical section')
    const { overlaps, touching } = sweep(sections)
    assert.deepEqual(overlaps.map(describePair), [], 'critical sections that overlapped')
    assert.deepEqual(touching.map(describePair), [], 'critical sections that touched')
    const served = new Set(sections.map((section) => section.who.split('#')[0]))
    assert.equal(served.size, CONTENDERS, 'every contender was served')
  })
})
