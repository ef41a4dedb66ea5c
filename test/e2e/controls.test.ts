// The controls around the lock that workflow authors reach for, run the way
// the runner runs them: try-lock (fail-on-timeout: false), an early release
// step, two locks in one job, and the job summary that post writes.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { isAlive, jobFor, lookAtLock, renewerPid } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { Job, completeAllJobs } from '../support/runner.ts'
import { assertOnlyOwnMarkup, rendered } from '../support/summary.ts'

const NOTHING = ['Nothing to release: the main step did not take the lock.']

function heldList(job: Job): Array<{ lockName: string; location: string }> {
  return JSON.parse(job.exported.AZURE_MUTEX_HELD_LOCKS ?? '[]') as Array<{ lockName: string; location: string }>
}

describe('controls around the lock, end to end', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  describe('try-lock', () => {
    it('with timeout 0 and fail-on-timeout false, passes without the lock and post does nothing', async () => {
      const holder = jobFor(azurite, 'octo/holder', 'try-held')
      assert.equal((await holder.runMain()).exitCode, 0)

      const job = jobFor(azurite, 'octo/try', 'try-held', { timeout: '0', 'fail-on-timeout': 'false' })
      const main = await job.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      assert.deepEqual(main.errors, [])
      assert.deepEqual(main.warnings, [])
      assert.equal(main.notices.length, 1, main.stdout)
      assert.match(
        main.notices[0]!,
        /^Timed out after 0(\.\d)?s waiting for lock devstoreaccount1\/locks\/try-held; it is held by octo\/holder workflow "deploy" run \d+ .*\. Going on without it \('fail-on-timeout' is false\): the output 'acquired' is 'false'\.$/,
      )
      assert.equal(main.outputs.acquired, 'false')
      assert.equal(main.outputs['lease-id'], undefined)
      assert.equal(job.state.lease ?? '', '', 'nothing is held')
      assert.deepEqual(heldList(job), [], 'nothing is published for release steps')

      const post = await job.runPost()
      assert.equal(post.exitCode, 0)
      assert.deepEqual(post.lines, NOTHING, 'post says one calm line')
      assert.deepEqual([...post.warnings, ...post.errors, ...post.notices], [])
      // Dismissed by main, the renewer it started while waiting exits by itself once it has started up.
      await job.settled()
      assert.deepEqual(job.complete(), [], 'the renewer started early went away with main')
      const summary = rendered(job.summary)
      assert.match(summary, /Result\s+Not taken: the wait timed out/)
      assert.match(summary, /octo\/holder, workflow “deploy”/)

      assert.equal((await lookAtLock(azurite, 'try-held')).holder?.repository, 'octo/holder', 'the holder kept it')
      assert.equal((await holder.runPost()).exitCode, 0)
      holder.complete()
    })

    it("takes a free lock and says acquired 'true'", async () => {
      const job = jobFor(azurite, 'octo/try', 'try-free', { timeout: '0', 'fail-on-timeout': 'false' })
      const main = await job.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      assert.equal(main.outputs.acquired, 'true')
      assert.deepEqual(main.notices, [])
      assert.equal((await job.runPost()).exitCode, 0)
      assert.deepEqual(job.complete(), [])
    })

    it("says acquired 'false' on a failure too, and refuses a fail-on-timeout that is not a boolean", async () => {
      const holder = jobFor(azurite, 'octo/holder', 'try-fail')
      assert.equal((await holder.runMain()).exitCode, 0)
      const timedOut = await jobFor(azurite, 'octo/try', 'try-fail', { timeout: '0' }).runMain()
      assert.equal(timedOut.exitCode, 1)
      assert.equal(timedOut.outputs.acquired, 'false')
      assert.match(timedOut.errors[0] ?? '', /^Timed out after 0(\.\d)?s waiting for lock/)

      const bad = await jobFor(azurite, 'octo/try', 'try-fail', { 'fail-on-timeout': 'yes' }).runMain()
      assert.equal(bad.exitCode, 1)
      assert.deepEqual(bad.errors, ["Invalid input 'fail-on-timeout': 'yes' is not a boolean; expected true or false."])
      assert.equal(bad.outputs.acquired, 'false')
      assert.equal((await holder.runPost()).exitCode, 0)
      completeAllJobs()
    })
  })

  describe('the release step', () => {
    // Failure semantics: "A release step lets the lock go early".

    it('frees the lock for a waiter at once, stays to tell post, and post passes saying it was released early', async () => {
      const job = jobFor(azurite, 'octo/deploy', 'early')
      const main = await job.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      assert.deepEqual(
        heldList(job).map((held) => held.location),
        ['devstoreaccount1/locks/early'],
      )
      const pid = renewerPid(job)

      const waiter = jobFor(azurite, 'octo/next', 'early')
      const waiting = waiter.runMain()
      await delay(1_000)

      const releaseStarted = Date.now()
      const release = await job.runAction('release')
      assert.equal(release.exitCode, 0, release.stdout + release.stderr)
      assert.deepEqual([...release.errors, ...release.warnings], [])
      assert.match(
        release.lines.join('\n'),
        /^Released lock devstoreaccount1\/locks\/early early, after holding it for \S+ \(\d+ renewals, longest gap \S+\)\.$/,
      )
      // The lease is no longer this job's the moment the step ends: free, or already the waiter's
      // (whose record may not be written yet). Azure refuses a renewal with this job's lease id.
      const renewed = await containerOn(azurite, 'locks')
        .getBlobClient('early')
        .getBlobLeaseClient(main.outputs['lease-id'])
        .renewLease()
        .then(
          () => 'renewed',
          (err: { statusCode?: number }) => err.statusCode,
        )
      assert.equal(renewed, 409, "the job's lease was gone when the release step ended")
      assert.deepEqual(heldList(job), [], 'the release step took the lock off the list')

      const next = await waiting
      assert.equal(next.exitCode, 0, next.stdout)
      assert.ok(Date.parse(next.outputs['acquired-at']!) >= releaseStarted, 'the waiter got it after the release')
      assert.ok(isAlive(pid), 'the renewer stays, idle, to answer post')

      // Slow steps that need no lock run here; then the job ends.
      const post = await job.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      assert.deepEqual([...post.errors, ...post.warnings], [])
      assert.ok(
        post.lines.some((l) =>
          /^Lock devstoreaccount1\/locks\/early was released early by the release step at \S+ \(\d+ renewals/.test(l),
        ),
        post.stdout,
      )
      assert.equal(
        (await lookAtLock(azurite, 'early')).holder?.repository,
        'octo/next',
        "post did not touch the next holder's lease",
      )
      assert.ok(!isAlive(pid), 'post stopped the renewer')
      assert.deepEqual(job.complete(), [])
      assert.match(rendered(job.summary), /Result\s+Held, and released early by a release step/)

      assert.equal((await waiter.runPost()).exitCode, 0)
      waiter.complete()
    })

    it('fails with one clear line when the job holds no lock', async () => {
      const job = new Job({ repository: 'octo/none', inputs: {} })
      const release = await job.runAction('release')
      assert.equal(release.exitCode, 1)
      assert.equal(release.errors.length, 1, release.stdout)
      assert.match(
        release.errors[0]!,
        /^This job holds no lock to release: the main action \(uses: org\/azure-mutex-action@v1\) must take it earlier in the same job\./,
      )
      job.complete()
    })

    it('fails with one clear line when the named lock is not held, or the lock name is invalid', async () => {
      const job = jobFor(azurite, 'octo/deploy', 'named')
      assert.equal((await job.runMain()).exitCode, 0)
      const other = await job.runAction('release', { 'lock-name': 'other' })
      assert.equal(other.exitCode, 1)
      assert.deepEqual(other.errors, ["This job holds no lock named 'other'; it holds devstoreaccount1/locks/named."])
      const invalid = await job.runAction('release', { 'lock-name': 'a/../b' })
      assert.match(invalid.errors[0] ?? '', /^Invalid input 'lock-name': /)
      assert.equal((await lookAtLock(azurite, 'named')).leaseState, 'leased', 'nothing was released')
      const post = await job.runPost()
      assert.ok(post.lines.some((l) => /^Released lock devstoreaccount1\/locks\/named after holding it/.test(l)))
      job.complete()
    })
  })

  describe('two locks in one job', () => {
    async function twoLocks(prefix: string): Promise<{ job: Job; second: ReturnType<Job['uses']> }> {
      const job = jobFor(azurite, 'octo/platform', `${prefix}-a`)
      const second = job.uses({ ...job.options.inputs, 'lock-name': `${prefix}-b` })
      assert.equal((await job.runMain()).exitCode, 0)
      const main = await second.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      assert.deepEqual(
        heldList(job).map((held) => held.lockName),
        [`${prefix}-a`, `${prefix}-b`],
        'the second lock step added its lock to the list',
      )
      return { job, second }
    }

    it('holds both, and each post releases its own', async () => {
      const { job, second } = await twoLocks('pair')
      for (const name of ['pair-a', 'pair-b']) assert.equal((await lookAtLock(azurite, name)).leaseState, 'leased')
      // Post steps run in reverse order.
      const postB = await second.runPost()
      assert.ok(postB.lines.some((l) => /^Released lock devstoreaccount1\/locks\/pair-b after holding it/.test(l)))
      assert.equal((await lookAtLock(azurite, 'pair-a')).leaseState, 'leased', "B's post left A alone")
      const postA = await job.runPost()
      assert.ok(postA.lines.some((l) => /^Released lock devstoreaccount1\/locks\/pair-a after holding it/.test(l)))
      for (const name of ['pair-a', 'pair-b']) assert.equal((await lookAtLock(azurite, name)).leaseState, 'available')
      assert.deepEqual(job.complete(), [])
      const sections = job.summary.split('### Lock ').slice(1)
      assert.deepEqual(
        sections.map((section) => section.split('\n')[0]),
        ['devstoreaccount1/locks/pair-b', 'devstoreaccount1/locks/pair-a'],
        'one summary section per lock',
      )
    })

    it('needs a name to release one of them, and releases each by name', async () => {
      const { job, second } = await twoLocks('named-pair')
      const unnamed = await job.runAction('release')
      assert.equal(unnamed.exitCode, 1)
      assert.deepEqual(unnamed.errors, [
        "This job holds 2 locks (devstoreaccount1/locks/named-pair-a, devstoreaccount1/locks/named-pair-b): name the one to release in 'lock-name'.",
      ])
      assert.equal((await job.runAction('release', { 'lock-name': 'named-pair-b' })).exitCode, 0)
      assert.equal((await lookAtLock(azurite, 'named-pair-b')).leaseState, 'available')
      assert.equal((await lookAtLock(azurite, 'named-pair-a')).leaseState, 'leased')
      assert.deepEqual(
        heldList(job).map((held) => held.lockName),
        ['named-pair-a'],
      )
      // With one lock left, the name may be left out.
      assert.equal((await job.runAction('release')).exitCode, 0)
      assert.equal((await lookAtLock(azurite, 'named-pair-a')).leaseState, 'available')

      for (const post of [await second.runPost(), await job.runPost()]) {
        assert.equal(post.exitCode, 0, post.stdout)
        assert.deepEqual(post.warnings, [])
        assert.ok(
          post.lines.some((l) => / was released early by the release step at /.test(l)),
          post.stdout,
        )
      }
      assert.deepEqual(job.complete(), [])
    })
  })

  describe('the job summary', () => {
    it('says where, how long the job waited and held, the renewals, and the holders seen, with no markup of theirs', async () => {
      // A foreign client holds the lock with a record written to inject markup into summaries.
      const locks = containerOn(azurite, 'locks')
      await locks.createIfNotExists()
      const blob = locks.getBlobClient('summarised')
      await blob.getBlockBlobClient().upload('', 0)
      const theirs = randomUUID()
      await blob.getBlobLeaseClient(theirs).acquireLease(15)
      await blob.setMetadata(
        {
          holder_repository: 'evil/%3Cimg src=x onerror=alert(1)%3E',
          holder_workflow: '[click me](https://evil.example) ![p](https://evil.example/p.png)',
          holder_job: '| forged | cells |%0A%0A# heading',
          holder_run_id: '1',
          holder_run_attempt: '1',
          holder_actor: '@github/security **approve**',
          holder_run_url: 'javascript:alert(1)',
          holder_acquired_at: '%3Cscript%3Ealert(1)%3C/script%3E',
        },
        { conditions: { leaseId: theirs } },
      )
      const job = jobFor(azurite, 'octo/summarised', 'summarised', { timeout: '30s' })
      const running = job.runMain()
      await delay(1_500)
      await blob.getBlobLeaseClient(theirs).releaseLease()
      assert.equal((await running).exitCode, 0)
      await delay(5_500) // a renewal on a 15 s lease
      const post = await job.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      assert.deepEqual(job.complete(), [])

      const markdown = job.summary
      assertOnlyOwnMarkup(markdown)
      const text = rendered(markdown)
      assert.match(text, /^### Lock devstoreaccount1\/locks\/summarised$/m)
      assert.match(text, /Result\s+Held, and released by post/)
      const waited = /Waited\s+(\d+(?:\.\d)?)s, from (\S+Z) to (\S+Z)/.exec(text)
      assert.ok(waited, text)
      // The foreign lease went 1.5 s after main started; main waits from after its start-up to its next poll.
      assert.ok(Number(waited[1]) >= 0.5 && Number(waited[1]) <= 3, `waited ${waited[1]} s`)
      assert.ok(Math.abs(Date.parse(waited[3]!) - Date.parse(waited[2]!) - Number(waited[1]) * 1000) < 100)
      assert.match(text, /Held\s+\d+(\.\d)?s, from \S+Z to \S+Z/)
      assert.match(text, /Renewals\s+[1-9]\d*, longest gap/)
      assert.match(text, /Lost\s+No/)
      assert.match(text, /Holders seen while waiting:/)
      assert.ok(text.includes('evil/<img src=x onerror=alert(1)>, workflow “[click me](https://evil.example)'), text)
      assert.ok(text.includes('job | forged | cells |\\n\\n# heading'), 'line breaks shown as \\n, as in the log')
      assert.ok(text.includes('run 1 (javascript:alert(1))'), 'an unsafe run URL is shown, not linked')
    })
  })
})
