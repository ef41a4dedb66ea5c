// What operators reach for, run the way the runner runs them: the status
// sub-action (one lock, or a whole container) and the break sub-action, with
// the former holder's post step that then fails naming the break.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { breakToMetadata, newBreakRecord } from '../../src/lock/break-record.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { jobFor, lookAtLock } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { Job, completeAllJobs } from '../support/runner.ts'
import { assertOnlyOwnMarkup, rendered } from '../support/summary.ts'

describe('status and break, end to end', () => {
  let azurite: Azurite
  let locks: ContainerClient
  before(async () => {
    azurite = await startAzurite()
    locks = containerOn(azurite, 'ops')
    await locks.createIfNotExists()
  })
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  /** A job of an operator's workflow, with credentials for the status and break steps. */
  function operator(): Job {
    return new Job({
      repository: 'octo/ops',
      runId: String(9_000 + Math.floor(Math.random() * 999)),
      actor: 'hubot',
      inputs: {},
    })
  }

  const credentials = (container = 'ops'): Record<string, string> => ({
    'connection-string': azurite.connectionString,
    container,
  })

  describe('status', () => {
    it('says a lock is free, with held false and holder null', async () => {
      await locks.getBlobClient('free-lock').getBlockBlobClient().upload('', 0)
      const job = operator()
      const status = await job.runAction('status', { ...credentials(), 'lock-name': 'free-lock' })
      assert.equal(status.exitCode, 0, status.stdout + status.stderr)
      assert.deepEqual(status.lines, ['Lock devstoreaccount1/ops/free-lock: free.'])
      assert.deepEqual(status.outputs, { held: 'false', holder: 'null' })
      assert.match(rendered(job.summary), /free-lock\s+free/)

      const missing = await job.runAction('status', { ...credentials(), 'lock-name': 'never-made' })
      assert.deepEqual(missing.lines, ['Lock devstoreaccount1/ops/never-made: free (its blob does not exist yet).'])
      assert.equal(missing.outputs.held, 'false')
      job.complete()
    })

    it('says who holds a lock, since when, with a fixed lease; holder is its record as JSON', async () => {
      const holder = jobFor(azurite, 'octo/api', 'held-lock', { container: 'ops' })
      assert.equal((await holder.runMain()).exitCode, 0)
      const job = operator()
      const status = await job.runAction('status', { ...credentials(), 'lock-name': 'held-lock' })
      assert.equal(status.exitCode, 0, status.stdout)
      assert.equal(status.lines.length, 1, status.stdout)
      assert.match(
        status.lines[0]!,
        /^Lock devstoreaccount1\/ops\/held-lock: held by octo\/api workflow "deploy" run \d+ \(attempt 1, job deploy, actor mona\) since \S+Z https:\/\/github\.com\/octo\/api\/actions\/runs\/\d+, with a fixed lease\.$/,
      )
      assert.equal(status.outputs.held, 'true')
      const record = JSON.parse(status.outputs.holder!) as Record<string, string>
      assert.equal(record.repository, 'octo/api')
      assert.equal(record.runUrl, `https://github.com/octo/api/actions/runs/${holder.options.runId}`)
      assert.equal(record.acquiredAt, holder.state.lease && JSON.parse(holder.state.lease).acquiredAt)
      assert.equal((await lookAtLock(azurite, 'held-lock', 'ops')).leaseState, 'leased', 'status took nothing')
      const row = rendered(job.summary)
      assert.match(
        row,
        /held-lock\s+held\s+octo\/api, workflow “deploy”, job deploy, actor mona\s+run \d+\s+\S+Z\s+fixed/,
      )
      assert.ok(job.summary.includes(`<a href="https://github.com/octo/api/actions/runs/${holder.options.runId}">`))
      assert.equal((await holder.runPost()).exitCode, 0)
      holder.complete()
      job.complete()
    })

    it("shows a foreign client's infinite lease, and its hostile record only as plain text", async () => {
      const blob = locks.getBlobClient('foreign-lock')
      await blob.getBlockBlobClient().upload('', 0)
      const leaseId = randomUUID()
      await blob.getBlobLeaseClient(leaseId).acquireLease(-1)
      await blob.setMetadata(
        {
          holder_repository: '%0A::error::injected <b>bold</b>',
          holder_run_url: 'https://evil.example/x/y/actions/runs/1',
          holder_acquired_at: '[x](https://evil.example)',
        },
        { conditions: { leaseId } },
      )
      const job = operator()
      const status = await job.runAction('status', { ...credentials(), 'lock-name': 'foreign-lock' })
      assert.equal(status.exitCode, 0, status.stdout)
      assert.deepEqual(status.errors, [], 'nothing injected an error')
      // The run URL, no run page of this job's server, is left out of the line.
      assert.match(
        status.lines[0]!,
        /^Lock devstoreaccount1\/ops\/foreign-lock: held by \\n::error::injected <b>bold<\/b> since \[x\]\(https:\/\/evil\.example\), with an infinite lease, which never expires; this action never takes one\.$/,
      )
      const record = JSON.parse(status.outputs.holder!) as Record<string, string>
      assert.equal(
        record.repository,
        '\\n::error::injected <b>bold</b>',
        'the output holds the value as the log shows it',
      )
      assertOnlyOwnMarkup(job.summary)
      assert.match(rendered(job.summary), /foreign-lock\s+held\s+.*infinite \(never expires\)/)
      await blob.getBlobLeaseClient(leaseId).releaseLease()
      job.complete()
    })

    it('lists every lock in a container, skipping the reserved prefix, and says when there is no container', async () => {
      const container = `all-${randomUUID().slice(0, 8)}`
      const holder = jobFor(azurite, 'octo/web', 'b-held', { container })
      assert.equal((await holder.runMain()).exitCode, 0)
      const all = containerOn(azurite, container)
      await all.getBlobClient('a-free').getBlockBlobClient().upload('', 0)
      await all.getBlobClient('.azure-mutex/queue/b-held/1').getBlockBlobClient().upload('', 0)
      const foreign = all.getBlobClient('c-foreign')
      await foreign.getBlockBlobClient().upload('', 0)
      await foreign.getBlobLeaseClient().acquireLease(-1)

      const job = operator()
      const status = await job.runAction('status', credentials(container))
      assert.equal(status.exitCode, 0, status.stdout)
      assert.equal(status.lines[0], `Container devstoreaccount1/${container}: 3 locks, 2 held.`)
      assert.equal(status.lines[1], '  a-free: free.')
      assert.match(
        status.lines[2]!,
        /^ {2}b-held: held by octo\/web workflow "deploy" run \d+ .*, with a fixed lease\.$/,
      )
      assert.equal(
        status.lines[3],
        '  c-foreign: held by an unknown holder (a client that writes no holder record), with an infinite lease, which never expires; this action never takes one.',
      )
      assert.equal(status.lines.length, 4, 'the queue’s blob is not a lock')
      assert.deepEqual(status.outputs, {}, 'held and holder are for one lock')
      const rows = job.summary.split('<tr>').slice(2).map(rendered)
      assert.equal(rows.length, 3)
      assert.match(rows[0]!, /a-free\s+free/)
      assert.match(rows[1]!, /b-held\s+held\s+octo\/web/)
      assert.match(rows[2]!, /c-foreign\s+held\s+unknown: a client that writes no holder record\s+infinite/)

      const none = await job.runAction('status', credentials(`none-${randomUUID().slice(0, 8)}`))
      assert.equal(none.exitCode, 0)
      assert.match(none.lines[0]!, /^Container devstoreaccount1\/none-\w+ does not exist: no locks\.$/)
      assert.equal((await holder.runPost()).exitCode, 0)
      holder.complete()
      job.complete()
    })

    it('fails with one line on bad credentials, naming no secret', async () => {
      const job = operator()
      const status = await job.runAction('status', { 'lock-name': 'x', container: 'ops' })
      assert.equal(status.exitCode, 1)
      assert.equal(status.errors.length, 1)
      assert.match(status.errors[0]!, /^No credential given: set 'connection-string'/)
      job.complete()
    })
  })

  describe('break', () => {
    // Failure semantics: "An operator breaks the lease with the break step".

    it("breaks a held lease, writes who and why, and the former holder's post fails naming that record", async () => {
      const victim = jobFor(azurite, 'octo/hung', 'broken-lock', { container: 'ops' })
      assert.equal((await victim.runMain()).exitCode, 0)
      const ops = operator()
      const reason = 'deploy run hung for 2h; approved by on-call'
      const broke = await ops.runAction('break', { ...credentials(), 'lock-name': 'broken-lock', reason })
      assert.equal(broke.exitCode, 0, broke.stdout + broke.stderr)
      assert.deepEqual([...broke.errors, ...broke.warnings], [])
      assert.match(
        broke.lines[0]!,
        /^Broke the lease on lock devstoreaccount1\/ops\/broken-lock, held by octo\/hung workflow "deploy" run \d+ /,
      )
      const record = `broken at \\S+Z by octo\\/ops run ${ops.options.runId} \\(actor hubot\\) https:\\/\\/github\\.com\\/octo\\/ops\\/actions\\/runs\\/${ops.options.runId}: "deploy run hung for 2h; approved by on-call"`
      assert.match(broke.lines[1]!, new RegExp(`^Wrote on the lock blob: ${record}\\.$`))

      const look = await lookAtLock(azurite, 'broken-lock', 'ops')
      assert.notEqual(look.leaseState, 'leased', 'the lock is free at once')

      await delay(6_000) // the victim's renewer renews every 5 s on a 15 s lease, and finds the lease gone
      const post = await victim.runPost()
      assert.equal(post.exitCode, 1, post.stdout)
      assert.equal(post.errors.length, 1, post.stdout)
      assert.match(
        post.errors[0]!,
        new RegExp(
          '^Lock devstoreaccount1/ops/broken-lock was lost: exclusivity was guaranteed only until \\S+, and the loss was found at \\S+: ' +
            `Azure says the lease is no longer ours \\(409 \\w+\\)\\. It was ${record}\\. Steps that ran under the lock after \\S+ may have overlapped another holder\\.$`,
        ),
      )
      const summary = rendered(victim.summary)
      assert.match(summary, /Result\s+Lost while held/)
      assert.match(summary, new RegExp(`Broken by\\s+${record}`))
      victim.complete()

      const status = await ops.runAction('status', { ...credentials(), 'lock-name': 'broken-lock' })
      assert.match(status.lines[0]!, new RegExp(`: free\\. Last ${record}\\.$`))
      ops.complete()
    })

    it('does not name an older break when a later hold of the lock is lost another way', async () => {
      const first = jobFor(azurite, 'octo/first', 'rebroken', { container: 'ops' })
      assert.equal((await first.runMain()).exitCode, 0)
      const ops = operator()
      assert.equal(
        (await ops.runAction('break', { ...credentials(), 'lock-name': 'rebroken', reason: 'old' })).exitCode,
        0,
      )
      assert.equal((await first.runPost()).exitCode, 1)
      first.complete()

      const second = jobFor(azurite, 'octo/second', 'rebroken', { container: 'ops' })
      assert.equal((await second.runMain()).exitCode, 0)
      // Another client takes the lease, with no break record: the old record is still on the blob.
      const blob = locks.getBlobClient('rebroken')
      await blob.getBlobLeaseClient().breakLease(0)
      await blob.getBlobLeaseClient().acquireLease(15)
      await delay(6_000)
      const post = await second.runPost()
      assert.equal(post.exitCode, 1)
      assert.match(post.errors[0]!, /Azure says the lease is no longer ours \(409 \w+\)\. Steps that ran/)
      assert.ok(!post.errors[0]!.includes('It was broken'), 'the old break is not this hold’s')
      second.complete()
      ops.complete()
    })

    it('does not blame a forged break record dated 2099 for a break by a client that writes none', async () => {
      // A stranger writes a break record on the free lock blob, dated in the future and naming the next holder.
      const forged = newBreakRecord(
        { repository: 'octo/forger', runId: '1', runUrl: 'https://example.test/forger', actor: 'forger' },
        'planted by a stranger',
        new Date('2099-01-01T00:00:00Z'),
        { repository: 'octo/victim', runId: '9001', acquiredAt: '' } as never,
      )
      await locks
        .getBlobClient('future-break')
        .getBlockBlobClient()
        .upload('', 0, { metadata: breakToMetadata(forged) })
      const victim = jobFor(azurite, 'octo/victim', 'future-break', { container: 'ops' }, { runId: '9001' })
      assert.equal((await victim.runMain()).exitCode, 0)
      // The holder's record write keeps others' keys: the forged record is still on the blob while it holds.
      const blob = locks.getBlobClient('future-break')
      assert.equal((await blob.getProperties()).metadata?.break_actor !== undefined, true, 'the forged record stayed')
      // A client that writes no record breaks the lease and takes it, as az would.
      await blob.getBlobLeaseClient().breakLease(0)
      await blob.getBlobLeaseClient().acquireLease(15)
      await delay(6_000)
      const post = await victim.runPost()
      assert.equal(post.exitCode, 1)
      assert.match(post.errors[0]!, /Azure says the lease is no longer ours \(409 \w+\)\. Steps that ran/)
      assert.ok(!post.errors[0]!.includes('It was broken'), post.errors[0])
      assert.ok(!post.stdout.includes('octo/forger') && !post.stdout.includes('planted'), 'the forger is named nowhere')
      victim.complete()
    })

    it('does nothing to a free lock, and fails on a missing lock or a missing reason', async () => {
      await locks.getBlobClient('idle-lock').getBlockBlobClient().upload('', 0)
      const ops = operator()
      const idle = await ops.runAction('break', { ...credentials(), 'lock-name': 'idle-lock', reason: 'tidy up' })
      assert.equal(idle.exitCode, 0)
      assert.deepEqual(idle.notices, [
        'Lock devstoreaccount1/ops/idle-lock is not held: nothing to break, nothing written.',
      ])
      assert.deepEqual((await locks.getBlobClient('idle-lock').getProperties()).metadata, {})

      const missing = await ops.runAction('break', { ...credentials(), 'lock-name': 'no-such-lock', reason: 'x' })
      assert.equal(missing.exitCode, 1)
      assert.deepEqual(missing.errors, [
        "Lock devstoreaccount1/ops/no-such-lock does not exist: nothing to break. Check 'lock-name' and 'container'.",
      ])
      const noReason = await ops.runAction('break', { ...credentials(), 'lock-name': 'idle-lock' })
      assert.equal(noReason.exitCode, 1)
      assert.match(noReason.errors[0] ?? '', /^Input 'reason' is required: why the lease is broken/)
      ops.complete()
    })
  })
})
