// The renewer's lifecycle at the edges a real job reaches: a later step that
// empties $RUNNER_TEMP, bookkeeping that cannot be written, a network that
// stalls instead of refusing, and a renewer that does not answer post.

import assert from 'node:assert/strict'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { readStatusFile } from '../../src/renewer/status.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { jobFor, lookAtLock, renewerPid } from '../support/e2e.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { containerOn } from '../support/lock.ts'
import { completeAllJobs } from '../support/runner.ts'

const RELEASED = /^Released lock devstoreaccount1\/locks\/\S+ after holding it for .* \((\d+) renewals, longest gap/

describe('the renewer lifecycle, end to end', () => {
  let azurite: Azurite
  let proxy: FaultProxy
  before(async () => {
    azurite = await startAzurite()
    proxy = await new FaultProxy(azurite.port).start()
  })
  after(async () => {
    completeAllJobs()
    await proxy.stop()
    await azurite.stop()
  })

  // Failure semantics: "A later step empties `$RUNNER_TEMP` while another job waits".

  it('keeps the lock when a later step empties $RUNNER_TEMP, while another job waits, and post releases it', async () => {
    const holder = jobFor(azurite, 'octo/cleaner', 'emptied-temp')
    const main = await holder.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    const heldFrom = Date.now()
    const waiter = jobFor(azurite, 'octo/next', 'emptied-temp')
    const waiting = waiter.runMain()
    await delay(500)

    // A clean-up step of the holder's job: rm -rf "$RUNNER_TEMP"/*
    const cleanup = await holder.runScript(
      `const fs = require('node:fs'), path = require('node:path'), temp = process.env.RUNNER_TEMP
       for (const entry of fs.readdirSync(temp)) fs.rmSync(path.join(temp, entry), { recursive: true, force: true })`,
    )
    assert.equal(cleanup.exitCode, 0, cleanup.stderr)
    assert.ok(!existsSync(holder.state['renewer-status-file']!), 'the status file was deleted')

    await delay(6_000) // past a renewal (every 5 s on a 15 s lease)
    assert.equal((await lookAtLock(azurite, 'emptied-temp')).holder?.repository, 'octo/cleaner', 'still held')
    assert.ok(existsSync(holder.state['renewer-status-file']!), 'the renewer wrote its status again')
    assert.ok((readStatusFile(holder.state['renewer-status-file']!)?.renewals ?? 0) >= 2)

    const postStart = Date.now()
    const post = await holder.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.deepEqual(post.errors, [])
    assert.deepEqual(post.warnings, [])
    assert.ok(
      post.lines.some((l) => RELEASED.test(l)),
      post.stdout,
    )

    const waited = await waiting
    assert.equal(waited.exitCode, 0, waited.stdout)
    const nextAt = Date.parse(waited.outputs['acquired-at']!)
    assert.ok(nextAt >= postStart, 'the waiter got in only after the holder let go: no overlap')
    assert.ok(nextAt - heldFrom >= 6_500, 'the waiter waited through the clean-up')
    assert.equal((await waiter.runPost()).exitCode, 0)
    assert.deepEqual(holder.complete(), [], 'the renewer exited')
    waiter.complete()
  })

  // Failure semantics: "The renewer's status file and log cannot be written (a full disk, the folder taken)".

  it('keeps renewing past a whole lease duration when nothing it writes can be written', async () => {
    const job = jobFor(azurite, 'octo/full-disk', 'unwritable')
    assert.equal((await job.runMain()).exitCode, 0)
    const folder = join(job.temp, 'azure-mutex')
    // Every status and log write now fails (ENOTDIR), as on a full disk or a folder made read-only.
    rmSync(folder, { recursive: true, force: true })
    writeFileSync(folder, 'in the way')
    await delay(16_000) // longer than the 15 s lease: only renewals keep it
    assert.equal((await lookAtLock(azurite, 'unwritable')).leaseState, 'leased')
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.deepEqual(post.warnings, [])
    const released = post.lines.map((l) => RELEASED.exec(l)).find(Boolean)
    assert.ok(released, post.stdout)
    assert.ok(Number(released[1]) >= 4, `${released[1]} renewals`)
    assert.ok(
      post.lines.some((l) => /could not write the status file \(ENOTDIR\); renewing goes on/.test(l)),
      'the renewer log, sent over the channel, says why the files are missing',
    )
    job.complete()
  })

  describe('a network that stalls instead of refusing', () => {
    let startup: number | undefined
    /**
     * How long a main step takes that tries once for a held lock, on a network
     * that answers: the step's start and end around its wait, on this machine
     * at this moment. A step whose wait ends at its timeout takes about this
     * much longer than the timeout.
     */
    async function startupMs(): Promise<number> {
      if (startup !== undefined) return startup
      const locks = containerOn(azurite, 'locks')
      await locks.createIfNotExists()
      const blob = locks.getBlobClient('startup-baseline')
      await blob.getBlockBlobClient().upload('', 0)
      const lease = blob.getBlobLeaseClient()
      await lease.acquireLease(60)
      const job = jobFor(azurite, 'octo/baseline', 'startup-baseline', { timeout: '0' })
      const main = await job.runMain()
      await lease.releaseLease()
      assert.equal(main.exitCode, 1, main.stdout)
      assert.match(main.errors[0] ?? '', /^Timed out after/)
      job.complete()
      startup = main.durationMs
      return startup
    }
    // Failure semantics: "The endpoint stalls (packets dropped, not refused), with `timeout: 5`".

    it("fails within 'timeout' and a few seconds when the endpoint never answers", async () => {
      proxy.set({ drop: true })
      try {
        const job = jobFor(azurite, 'octo/firewalled', 'stalled', {
          'connection-string': proxy.connectionString,
          timeout: '5',
        })
        const main = await job.runMain()
        assert.equal(main.exitCode, 1)
        assert.equal(main.errors.length, 1, main.stdout)
        assert.match(
          main.errors[0]!,
          /^Cannot reach the blob endpoint http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(no answer within 5(\.\d)? s\): check the endpoint /,
        )
        const bound = 5_000 + (await startupMs()) + 2_000
        assert.ok(main.durationMs < bound, `took ${main.durationMs} ms with timeout 5 (bound ${bound} ms)`)
        // The waiter's first request lists the queue.
        assert.ok(proxy.count('list', 'dropped') >= 1, 'the request was swallowed')
        assert.deepEqual((await job.runPost()).lines, ['Nothing to release: the main step did not take the lock.'])
        assert.deepEqual(await job.settled(), [], 'the renewer started early went away with main')
        job.complete()
      } finally {
        proxy.set({})
      }
    })

    // Failure semantics: "The endpoint stalls, with no `timeout`".

    it('keeps trying an endpoint that never answers for about a minute, with a warning, then fails naming it', async () => {
      proxy.set({ drop: true })
      try {
        const job = jobFor(azurite, 'octo/firewalled', 'stalled-no-limit', {
          'connection-string': proxy.connectionString,
        })
        const main = await job.runMain()
        assert.equal(main.exitCode, 1)
        assert.equal(main.errors.length, 1, main.stdout)
        assert.match(
          main.errors[0]!,
          /^Cannot reach the blob endpoint http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(no answer within 10 s\): check the endpoint /,
        )
        assert.match(
          main.warnings[0] ?? '',
          /^Storage has not answered yet at http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(no answer within 10 s\); trying again for up to 50s: the machine or the network may be busy, or the endpoint may be wrong\.$/,
        )
        // The first contact's minute, and at most one more request's deadline; before, the first request ended it at 10 s.
        assert.ok(main.durationMs >= 60_000 && main.durationMs < 75_000, `took ${main.durationMs} ms`)
        job.complete()
      } finally {
        proxy.set({})
      }
    })

    // Failure semantics: "The endpoint gives no answer for its first 12 s, then answers (a loaded start)".

    it('holds the lock when storage gives no answer for the first 12 s, then answers, saying what happens meanwhile', async () => {
      proxy.set({ hold: () => true })
      const job = jobFor(azurite, 'octo/late-start', 'unanswered-start', {
        'connection-string': proxy.connectionString,
        timeout: '15m',
      })
      const running = job.runMain()
      await delay(12_000)
      proxy.set({})
      proxy.release()
      const main = await running
      assert.equal(main.exitCode, 0, main.stdout)
      assert.deepEqual(main.errors, [])
      assert.ok(
        main.warnings.some((w) =>
          /^Storage has not answered yet at http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(no answer within 10 s\); trying again for up to 50s/.test(
            w,
          ),
        ),
        main.stdout,
      )
      assert.ok(main.durationMs >= 12_000, `took ${main.durationMs} ms`)
      assert.equal((await lookAtLock(azurite, 'unanswered-start')).holder?.repository, 'octo/late-start')
      const post = await job.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      assert.equal((await lookAtLock(azurite, 'unanswered-start')).leaseState, 'available')
      job.complete()
    })

    // Failure semantics: "The network stalls in the middle of the wait, with `timeout: 5`".

    it("honours 'timeout' within about a second when the network stalls in the middle of the wait", async () => {
      const bound = 5_000 + (await startupMs()) + 2_000
      const holder = jobFor(azurite, 'octo/holder', 'stalled-mid-wait')
      assert.equal((await holder.runMain()).exitCode, 0)
      const waiter = jobFor(azurite, 'octo/waiter', 'stalled-mid-wait', {
        'connection-string': proxy.connectionString,
        timeout: '5',
      })
      const waiting = waiter.runMain()
      await delay(1_500)
      proxy.set({ drop: true })
      try {
        const main = await waiting
        assert.equal(main.exitCode, 1)
        assert.equal(main.errors.length, 1, main.stdout)
        const timedOut =
          /^Timed out after (\d+(\.\d)?)s waiting for lock devstoreaccount1\/locks\/stalled-mid-wait/.exec(
            main.errors[0]!,
          )
        assert.ok(timedOut, main.errors[0])
        // Before: the last requests had the deadline plus 2 s, and the last look and the tidy-up 2 s each after
        // it (the message said 6.8-7.4 s, the step took 8.9-9.7 s, 0.3 s of it the step's start).
        assert.ok(Number(timedOut[1]) <= 6, `the timeout was told after ${timedOut[1]} s`)
        assert.ok(main.durationMs < bound, `took ${main.durationMs} ms with timeout 5 (bound ${bound} ms)`)
        assert.ok(
          main.lines.some((l) => /held by octo\/holder/.test(l)),
          'it had seen the holder before the stall',
        )
      } finally {
        proxy.set({})
      }
      assert.equal((await holder.runPost()).exitCode, 0)
      holder.complete()
      waiter.complete()
    })
  })

  // Failure semantics: "The renewer is frozen and never answers post".

  it('releases in post when the renewer does not answer, and leaves that process alone', async () => {
    const job = jobFor(azurite, 'octo/frozen', 'frozen-renewer')
    assert.equal((await job.runMain()).exitCode, 0)
    const pid = renewerPid(job)
    process.kill(pid, 'SIGSTOP') // frozen: the kernel accepts the connection, the renewer never answers
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.deepEqual(post.warnings, ['The renewer did not answer; it is left for the job-end clean-up.'])
    assert.ok(
      post.lines.some((l) => /^Released lock devstoreaccount1\/locks\/frozen-renewer after holding it/.test(l)),
      post.stdout,
    )
    assert.equal((await lookAtLock(azurite, 'frozen-renewer')).leaseState, 'available')
    assert.ok(post.durationMs < 10_000, `post took ${post.durationMs} ms`)
    assert.deepEqual(job.complete(), [pid], 'post left it alone; the job-end clean-up ends it')
  })
})
