// The built action (dist/) run the way the GitHub runner runs it, against Azurite.

import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { readStatusFile } from '../../src/renewer/status.ts'
import { allCommandLines, environOf, isAlive, jobFor, lookAtLock, renewerPid, waitUntilFree } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { completeAllJobs } from '../support/runner.ts'
import { describePair, readSpanFile, sweep } from '../support/spans.ts'

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('the action, end to end', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  // Failure semantics: "The job's later steps succeed or fail".

  it('takes, holds and releases the lock in an uncontended job', async () => {
    const job = jobFor(azurite, 'octo/api', 'uncontended')
    const main = await job.runMain()
    assert.equal(main.exitCode, 0, main.stdout + main.stderr)
    assert.deepEqual(main.errors, [])
    assert.match(main.outputs['lease-id'] ?? '', UUID)
    assert.match(main.outputs['acquired-at'] ?? '', ISO)
    assert.match(main.outputs['waited-seconds'] ?? '', /^\d+\.\d$/)
    assert.equal(JSON.parse(job.state.lease ?? '{}').leaseId, main.outputs['lease-id'], 'post finds the lease in state')

    const look = await lookAtLock(azurite, 'uncontended')
    assert.equal(look.leaseState, 'leased')
    assert.equal(look.holder?.repository, 'octo/api')
    assert.equal(look.holder?.runUrl, `https://github.com/octo/api/actions/runs/${job.options.runId}`)
    assert.equal(look.holder?.acquiredAt, main.outputs['acquired-at'])

    const pid = renewerPid(job)
    assert.ok(isAlive(pid), 'the renewer runs after main has ended')
    assert.ok(!environOf(pid).includes('INPUT_'), 'the renewer gets no step inputs in its environment')
    assert.ok(!allCommandLines().some((line) => line.includes(DEV_KEY)), 'no process shows the key in its command line')

    // A later step fails; the runner still runs post (post-if: always()).
    const failed = await job.runScript('process.exit(3)')
    assert.equal(failed.exitCode, 3)

    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.ok(
      post.lines.some((l) => /^Released lock devstoreaccount1\/locks\/uncontended after holding it for/.test(l)),
      post.stdout,
    )
    assert.equal((await lookAtLock(azurite, 'uncontended')).leaseState, 'available')
    assert.ok(!isAlive(pid), 'post stopped the renewer')
    assert.deepEqual(job.complete(), [], 'nothing was left for the job-end clean-up')
  })

  it('never lets two of ten concurrent jobs from different repositories hold the lock at once', async () => {
    const record = join(mkdtempSync(join(tmpdir(), 'spans-')), 'spans.log')
    appendFileSync(record, '')
    const critical = `
      const fs = require('node:fs')
      const who = process.env.GITHUB_REPOSITORY
      fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
      setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 150)`
    const jobs = Array.from({ length: 10 }, (_, i) => jobFor(azurite, `org-${i}/service`, 'concurrent'))
    const results = await Promise.all(
      jobs.map(async (job) => {
        const main = await job.runMain()
        const step = await job.runScript(critical, { SPANS: record })
        const post = await job.runPost()
        job.complete()
        return { main, step, post }
      }),
    )
    for (const { main, step, post } of results) {
      assert.equal(main.exitCode, 0, main.stdout)
      assert.equal(step.exitCode, 0, step.stderr)
      assert.equal(post.exitCode, 0, post.stdout)
    }
    const { spans, unmatched } = readSpanFile(record)
    assert.deepEqual(unmatched, [])
    assert.equal(spans.length, 10, 'every job entered and left its critical section')
    const { overlaps, touching } = sweep(spans)
    assert.deepEqual(overlaps.map(describePair), [], 'critical sections that overlapped')
    // One job's exit and the next one's entry are a post and a main step apart: never the same millisecond.
    assert.deepEqual(touching.map(describePair), [], 'critical sections that touched')
    assert.equal(new Set(spans.map((s) => s.who)).size, 10, 'all ten repositories were served')
  })

  // Failure semantics: "The holder's machine dies (no post step)".

  it('frees the lock within the lease duration when the holder dies without post', async () => {
    const holder = jobFor(azurite, 'octo/dies', 'dead-holder')
    assert.equal((await holder.runMain()).exitCode, 0)
    // The machine dies: the renewer is gone, no post step runs.
    process.kill(renewerPid(holder), 'SIGKILL')
    const diedAt = Date.now()
    const waiter = jobFor(azurite, 'octo/next', 'dead-holder')
    const main = await waiter.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    // The lease expires a lease duration (15 s) after its last renewal, which came just before the
    // kill; the next job polls every 0.25-0.75 s. Not released early, not held on past the lease.
    const freedAfter = Date.parse(main.outputs['acquired-at']!) - diedAt
    assert.ok(
      freedAfter >= 10_000 && freedAfter <= 17_000,
      `the next job got the lock ${freedAfter} ms after the holder died`,
    )
    assert.ok(
      main.lines.some((l) => /held by octo\/dies workflow "deploy" run/.test(l)),
      main.stdout,
    )
    assert.equal((await waiter.runPost()).exitCode, 0)
    holder.complete()
    waiter.complete()
  })

  // Failure semantics: "A self-hosted runner's worker dies, leaving the renewer" (the time comes from npm run bench).

  it('releases within a few seconds when its runner worker dies, and the renewer exits', async () => {
    const job = jobFor(azurite, 'octo/orphan', 'orphan')
    const main = await job.runMain({ separateWorker: true })
    assert.equal(main.exitCode, 0, main.stdout + main.stderr)
    const pid = renewerPid(job)
    assert.equal((await lookAtLock(azurite, 'orphan')).leaseState, 'leased')
    const killedAt = Date.now()
    job.killWorker()
    const freeAt = await waitUntilFree(azurite, 'orphan', 10_000)
    assert.ok(freeAt, 'the lock was freed')
    assert.ok(freeAt - killedAt < 5_000, `freed ${freeAt - killedAt} ms after the worker died`)
    await delay(500)
    assert.ok(!isAlive(pid), 'the orphaned renewer exited')
    const status = readStatusFile(job.state['renewer-status-file']!)
    assert.equal(status?.phase, 'released')
    assert.equal(status?.released?.by, 'worker gone')
    job.complete()
  })

  // Failure semantics: "Cancelled while waiting (SIGINT)".

  it('stops promptly when cancelled while waiting, and leaves no lease behind', async () => {
    const holder = jobFor(azurite, 'octo/holder', 'cancel')
    assert.equal((await holder.runMain()).exitCode, 0)
    const waiter = jobFor(azurite, 'octo/waiter', 'cancel')
    const main = await waiter.runMain({ cancelAfterMs: 1_500 })
    assert.equal(main.cancel?.endedBy, 'SIGINT', 'SIGINT was enough')
    assert.ok(main.cancel.afterMs < 1_500, `ended ${main.cancel.afterMs} ms after SIGINT`)
    assert.notEqual(main.exitCode, 0)
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(main.errors[0]!, /^Cancelled while waiting for lock devstoreaccount1\/locks\/cancel\.$/)
    const post = await waiter.runPost()
    assert.equal(post.exitCode, 0)
    assert.deepEqual(post.lines, ['Nothing to release: the main step did not take the lock.'])
    assert.equal((await lookAtLock(azurite, 'cancel')).holder?.repository, 'octo/holder', 'the holder keeps the lock')
    assert.equal((await holder.runPost()).exitCode, 0)
    assert.equal((await lookAtLock(azurite, 'cancel')).leaseState, 'available')
    holder.complete()
    waiter.complete()
  })

  // Failure semantics: "`timeout` passes".

  it('fails at the timeout with a message naming the holder', async () => {
    const holder = jobFor(azurite, 'octo/slow-deploy', 'timeout')
    assert.equal((await holder.runMain()).exitCode, 0)
    const waiter = jobFor(azurite, 'octo/impatient', 'timeout', { timeout: '3s' })
    const main = await waiter.runMain()
    assert.equal(main.exitCode, 1)
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(
      main.errors[0]!,
      /^Timed out after 3(\.\d)?s waiting for lock devstoreaccount1\/locks\/timeout; it is held by octo\/slow-deploy workflow "deploy" run \d+ .*since \d{4}-/,
    )
    assert.ok(main.durationMs >= 3_000 && main.durationMs < 6_000, `took ${main.durationMs} ms`)
    assert.deepEqual((await waiter.runPost()).lines, ['Nothing to release: the main step did not take the lock.'])
    assert.equal((await holder.runPost()).exitCode, 0)
    holder.complete()
    waiter.complete()
  })

  // Failure semantics: "Another client breaks or takes the lease".

  it('fails post with the time of loss when another client takes the lease from a live renewer', async () => {
    const job = jobFor(azurite, 'octo/victim', 'stolen-live')
    assert.equal((await job.runMain()).exitCode, 0)
    const blob = containerOn(azurite, 'locks').getBlobClient('stolen-live')
    const brokenAt = Date.now()
    await blob.getBlobLeaseClient().breakLease(0)
    await blob.getBlobLeaseClient().acquireLease(15)
    const stolenAt = Date.now()
    await delay(6_000) // the renewer renews every 5 s on a 15 s lease
    const post = await job.runPost()
    assert.equal(post.exitCode, 1)
    assert.equal(post.errors.length, 1, post.stdout)
    const match =
      /^Lock devstoreaccount1\/locks\/stolen-live was lost: exclusivity was guaranteed only until (\S+), and the loss was found at (\S+): Azure says the lease is no longer ours \(409 LeaseIdMismatchWithLeaseOperation\)\. Steps that ran under the lock after \1 may have overlapped another holder\.$/.exec(
        post.errors[0]!,
      )
    assert.ok(match, post.errors[0])
    const exclusiveUntil = Date.parse(match[1]!)
    const foundAt = Date.parse(match[2]!)
    assert.ok(exclusiveUntil <= brokenAt, `exclusivity claimed until ${match[1]}, after the break`)
    assert.ok(brokenAt - exclusiveUntil <= 5_500, 'no earlier than the last renewal before the break')
    assert.ok(foundAt >= stolenAt && foundAt <= stolenAt + 6_000, 'found out at the next renewal')
    assert.equal((await lookAtLock(azurite, 'stolen-live')).leaseState, 'leased', "the thief's lease is untouched")
    job.complete()
  })

  // Failure semantics: "Another client takes the lease after the last renewal, just before post".

  it('fails post when another client takes the lease after the last renewal, just before post', async () => {
    // A 60 s lease is renewed every 20 s: the renewer's next renewal is far off when post
    // runs, so only the release at post can find out, and it must not count as a release.
    const job = jobFor(azurite, 'octo/victim', 'stolen-before-post', { 'lease-duration': '60' })
    const main = await job.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    const blob = containerOn(azurite, 'locks').getBlobClient('stolen-before-post')
    await blob.getBlobLeaseClient().breakLease(0)
    const thief = blob.getBlobLeaseClient()
    await thief.acquireLease(60)
    const post = await job.runPost()
    assert.ok(post.startedAt - main.endedAt < 15_000, 'post ran long before the renewer would renew again')
    assert.equal(post.exitCode, 1, post.stdout)
    assert.equal(post.errors.length, 1, post.stdout)
    assert.match(
      post.errors[0]!,
      /^Lock devstoreaccount1\/locks\/stolen-before-post was lost: exclusivity was guaranteed only until \S+, and the loss was found at \S+: at release, Azure said the lease was no longer ours\. Steps that ran/,
    )
    assert.match(post.stdout, /::error title=Lock lost::/)
    assert.ok(!post.lines.some((l) => /Released lock/.test(l)), post.stdout)
    await thief.renewLease() // the thief's lease is untouched
    await thief.releaseLease()
    assert.deepEqual(job.complete(), [], 'the renewer exited')
  })

  it('fails post when the renewer was killed and another client took the lease', async () => {
    const job = jobFor(azurite, 'octo/victim', 'stolen-dead')
    assert.equal((await job.runMain()).exitCode, 0)
    process.kill(renewerPid(job), 'SIGKILL')
    const blob = containerOn(azurite, 'locks').getBlobClient('stolen-dead')
    await blob.getBlobLeaseClient().breakLease(0)
    await blob.getBlobLeaseClient().acquireLease(15)
    const post = await job.runPost()
    assert.equal(post.exitCode, 1)
    assert.ok(
      post.warnings.some((w) => /^The renewer stopped unexpectedly; it last renewed at \S+\.$/.test(w)),
      post.stdout,
    )
    assert.equal(post.errors.length, 1, post.stdout)
    assert.match(
      post.errors[0]!,
      /^Lock devstoreaccount1\/locks\/stolen-dead was lost: exclusivity was guaranteed only until \S+, and the loss was found at \S+: at release, Azure said the lease was no longer ours\. Steps that ran/,
    )
    job.complete()
  })

  it('says the lease expires by itself when post has neither a renewer nor credentials to release it', async () => {
    const job = jobFor(azurite, 'octo/composite', 'no-credentials')
    assert.equal((await job.runMain()).exitCode, 0)
    process.kill(renewerPid(job), 'SIGKILL')
    const post = await job.runPost({ inputs: { 'connection-string': '' } })
    assert.equal(post.exitCode, 0, post.stdout)
    assert.ok(
      post.warnings.some((w) => /^Cannot release the lease here \(.*\); it expires by itself within 15s\.$/.test(w)),
      post.stdout,
    )
    assert.ok(!post.lines.some((l) => /^Released lock/.test(l)), 'post does not claim a release it did not make')
    job.complete()
  })

  it('releases in post from state alone when the inputs are not evaluated again', async () => {
    const job = jobFor(azurite, 'octo/composite', 'state-only')
    assert.equal((await job.runMain()).exitCode, 0)
    const post = await job.runPost({ inputs: { 'lock-name': '', 'connection-string': '', 'lease-duration': '' } })
    assert.equal(post.exitCode, 0, post.stdout)
    assert.equal((await lookAtLock(azurite, 'state-only')).leaseState, 'available')
    job.complete()
  })
})
