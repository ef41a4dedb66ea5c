// A hold whose end has passed, end to end through the real bundles on Azurite:
// every path that meets it ends it (a try-lock, `--timeout 0`, a waiter whose
// credential may not list, the head of the queue), and what happens next is
// the decision of a free lock: nobody waiting, the one that ended it takes the
// lock; waiters in line, the lease goes to the first of them (a try-lock does
// not jump them), a high-priority waiter before a normal head. Status only
// reads: it shows such a hold as ended and ends nothing. An unhold just after
// the hold ended by itself says when it ended and passes.
//
// Each test prints how long the waiter behind the ended hold waited (a
// `# waited` diagnostic), for the measurements.

import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it, type TestContext } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { breakFromMetadata } from '../../src/lock/break-record.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import type { Azurite } from '../support/azurite.ts'
import { cliEnv, runCli } from '../support/cli.ts'
import {
  CRITICAL,
  containerSas,
  jobFor,
  lookAtLock,
  mustPass,
  servedInTurn,
  stdoutLine,
  untilWaiting,
  withSuiteStorage,
} from '../support/e2e.ts'
import { holderFor, leaseOf } from '../support/lock.ts'
import { rendered } from '../support/summary.ts'
import type { Job, StepResult } from '../support/runner.ts'

describe('a hold whose end has passed: whoever meets it ends it, and the line decides who takes the lock', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  /** Sets a freeze with the hold action; returns its end (ms, service's clock) and its fencing token. */
  async function freeze(lockName: string, duration: string): Promise<{ until: number; token: number }> {
    const ops = jobFor(azurite, 'octo/ops', lockName, {}, { actor: 'mona' })
    const hold = mustPass(
      'hold',
      await ops.runAction('hold', { ...ops.options.inputs, reason: 'release freeze', duration }),
    )
    assert.deepEqual(ops.complete(), [])
    return { until: Date.parse(hold.outputs['held-until']!), token: Number(hold.outputs['fencing-token']) }
  }

  /** Waits until the service's clock (Azurite's is this machine's) is `ms` past `until`. */
  async function past(until: number, ms: number): Promise<void> {
    const left = until + ms - Date.now()
    if (left > 0) await delay(left)
  }

  /** Starts the job's main step; resolves once it prints `line`, with the step's result to come. */
  async function waiting(job: Job, line: RegExp): Promise<{ result: Promise<StepResult> }> {
    let child: ChildProcess | undefined
    let done: Promise<StepResult> | undefined
    const spawned = new Promise<void>((resolve) => {
      done = job.runMain({
        onSpawn: (c) => {
          child = c
          resolve()
        },
      })
    })
    await spawned
    await stdoutLine(child!, line)
    // Wrapped: an async function that returned the promise itself would resolve only when the step ends.
    return { result: done! }
  }

  const ENDED = (lockName: string): RegExp =>
    new RegExp(
      `Ended the hold on locks/${lockName}: the hold set by mona \\(octo/ops run \\d+\\) for "release freeze" ended at `,
    )

  it('a try-lock (timeout 0) after the end takes the lock at once, ending the hold, and says so', async (t: TestContext) => {
    const lockName = `try-${randomUUID().slice(0, 6)}`
    const { until, token } = await freeze(lockName, '3s')
    await past(until, 1_000)

    const job = jobFor(azurite, 'octo/app', lockName, { timeout: '0', 'fail-on-timeout': 'false' })
    const main = mustPass('try-lock', await job.runMain())
    assert.equal(main.outputs.acquired, 'true', main.stdout)
    assert.match(main.lines.join('\n'), ENDED(lockName))
    assert.ok(Number(main.outputs['fencing-token']) > token, 'a new acquisition, a larger token')
    assert.equal((await leaseOf(locks, lockName)).duration, 'fixed', 'an ordinary lease, which its renewer keeps')
    assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/app')
    t.diagnostic(`waited ${main.outputs['waited-seconds']} s (try-lock, its first look 1 s after the end)`)
    assert.ok(Number(main.outputs['waited-seconds']) < 2, `at once: ${main.outputs['waited-seconds']} s`)
    mustPass('post', await job.runPost())
    assert.match(rendered(job.summary), /Hold ended\s+This job ended it: the hold set by mona/)
    assert.deepEqual(job.complete(), [])
  })

  it('a try-lock after the end with a waiter in line ends the hold and hands the lease to that waiter: it does not jump it', async () => {
    const lockName = `try-queued-${randomUUID().slice(0, 6)}`
    const { until } = await freeze(lockName, '3s')
    // A waiter in line that has not looked since the end: an entry that publishes the lease id it will hold under.
    const lock = new LockBlob(locks, lockName)
    const { ticket } = await lock.queue.claimTicket()
    const entryLease = randomUUID()
    const waiterLease = randomUUID()
    assert.equal(await lock.queue.enter(ticket, holderFor('octo/queued'), entryLease, 15, {}, waiterLease), 'entered')
    await past(until, 1_000)

    const job = jobFor(azurite, 'octo/app', lockName, { timeout: '0', 'fail-on-timeout': 'false' })
    const main = mustPass('try-lock', await job.runMain())
    assert.equal(main.outputs.acquired, 'false', 'the try-lock does not go ahead of the waiter in line')
    assert.match(main.lines.join('\n'), ENDED(lockName))
    const view = await lock.view()
    assert.equal(view.state === 'leased' && view.hold, undefined, 'the hold no longer stands')
    assert.equal(view.state === 'leased' && view.handedTo, ticket, 'handed to the waiter in line')
    // The lease is under the id the waiter published: it renews with it (the lock was never free).
    await locks.getBlobClient(lockName).getBlobLeaseClient(waiterLease).renewLease()
    assert.equal((await leaseOf(locks, lockName)).duration, 'fixed')
    assert.doesNotMatch(main.notices.join('\n'), /held by a hold/, 'the notice does not name the ended hold')
    mustPass('post', await job.runPost())
    job.complete()
    await locks.getBlobClient(lockName).getBlobLeaseClient(waiterLease).releaseLease()
    await lock.queue.leave(ticket, entryLease)
  })

  it('azure-mutex hold --timeout 0 after the end ends the hold and runs its command', async (t: TestContext) => {
    const lockName = `cli-try-${randomUUID().slice(0, 6)}`
    const { until } = await freeze(lockName, '3s')
    await past(until, 1_000)
    const started = Date.now()
    const run = await runCli(
      ['hold', lockName, '--timeout', '0', '--', 'node', '-e', 'console.log("ran")'],
      cliEnv(azurite),
    ).exited
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /^ran$/m)
    assert.match(run.stderr, new RegExp(`Ended the hold on locks/${lockName}: the hold set by mona`))
    t.diagnostic(`waited: the command ran ${Date.now() - started} ms after azure-mutex started (--timeout 0)`)
    const note = breakFromMetadata((await locks.getBlobClient(lockName).getProperties()).metadata)
    assert.equal(note?.reason, 'the hold reached its end')
  })

  it('a job whose SAS may not list ends the hold at its end and takes the lock within a second', async (t: TestContext) => {
    const lockName = `outside-${randomUUID().slice(0, 6)}`
    const { until } = await freeze(lockName, '5s')
    const job = jobFor(azurite, 'octo/outside', lockName, {
      'connection-string': `BlobEndpoint=${azurite.blobEndpoint};SharedAccessSignature=${containerSas('rwc')}`,
      timeout: '30s',
    })
    const { result } = await waiting(job, /The lock is held by a hold: "release freeze"/)
    const main = mustPass('outside waiter', await result)
    assert.match(main.warnings.join('\n'), /may not list the blobs of container locks/)
    assert.match(main.lines.join('\n'), ENDED(lockName))
    const after = Date.parse(main.outputs['acquired-at']!) - until
    t.diagnostic(`waited ${after} ms after the hold's end (outside the queue)`)
    // It looks every 250-750 ms; the service's clock has a resolution of one second.
    assert.ok(after >= -1_000 && after < 2_500, `soon after the end: ${after} ms`)
    mustPass('post', await job.runPost())
    assert.deepEqual(job.complete(), [])
  })

  it('status shows a hold whose end has passed as ended, not held, and ends nothing', async () => {
    const lockName = `status-${randomUUID().slice(0, 6)}`
    const { until } = await freeze(lockName, '2s')
    await past(until, 1_500)
    const job = jobFor(azurite, 'octo/ops', lockName)
    const status = mustPass('status', await job.runAction('status', { ...job.options.inputs }))
    assert.equal(status.outputs.held, 'false', 'an ended hold holds nothing: the next job takes the lock at once')
    assert.equal(status.outputs.holder, 'null')
    assert.match(
      status.lines.join('\n'),
      new RegExp(
        `Lock devstoreaccount1/locks/${lockName}: free: the hold set by mona \\(octo/ops run \\d+\\) for "release freeze" ` +
          "reached its end at \\d\\d:\\d\\d:\\d\\dZ by the storage service's clock; its lease stands until the next job " +
          'that comes for the lock ends it, at once\\.',
      ),
    )
    assert.deepEqual(await leaseOf(locks, lockName), { state: 'leased', duration: 'infinite' }, 'status wrote nothing')
    const cli = await runCli(['status', lockName, '--json'], cliEnv(azurite)).exited
    assert.equal(cli.code, 0, cli.stderr)
    const [shown] = JSON.parse(cli.stdout).locks
    assert.equal(shown.held, false)
    assert.equal(shown.hold, null)
    assert.equal(shown.endedHold?.reason, 'release freeze')
    assert.deepEqual(await leaseOf(locks, lockName), { state: 'leased', duration: 'infinite' }, 'status wrote nothing')
    job.complete()
  })

  it('behind a hold that ends, a high-priority waiter takes the lock before the normal head, in every one of 7 rounds', async (t: TestContext) => {
    const spans = join(mkdtempSync(join(tmpdir(), 'holds-ended-')), 'spans.log')
    appendFileSync(spans, '')
    const waits: number[] = []
    for (let round = 1; round <= 7; round++) {
      const lockName = `priority-${round}-${randomUUID().slice(0, 4)}`
      const { until } = await freeze(lockName, '8s')
      const take = async (job: Job, done: Promise<StepResult>) => {
        const main = mustPass(`${job.options.repository} main`, await done)
        mustPass(`${job.options.repository} step`, await job.runScript(CRITICAL, { SPANS: spans }))
        mustPass(`${job.options.repository} post`, await job.runPost())
        job.complete()
        return main
      }
      // The normal job first: it is the head, and lists the queue seldom (every 30 s) while it looks at the lock.
      const normal = jobFor(azurite, `org-${round}/normal`, lockName)
      const normalDone = take(normal, normal.runMain())
      await untilWaiting(azurite, lockName, `org-${round}/normal`)
      const high = jobFor(azurite, `org-${round}/high`, lockName, { priority: 'high' })
      const highDone = take(high, high.runMain())
      await untilWaiting(azurite, lockName, `org-${round}/high`)
      assert.ok(Date.now() < until, `round ${round}: both wait before the hold's end`)
      const [normalMain, highMain] = await Promise.all([normalDone, highDone])
      const highAt = Date.parse(highMain.outputs['acquired-at']!)
      const normalAt = Date.parse(normalMain.outputs['acquired-at']!)
      assert.ok(highAt < normalAt, `round ${round}: the high-priority waiter first (${highAt} vs ${normalAt})`)
      waits.push(highAt - until)
    }
    assert.deepEqual(
      servedInTurn(spans),
      Array.from({ length: 7 }, (_, i) => [`org-${i + 1}/high`, `org-${i + 1}/normal`]).flat(),
    )
    t.diagnostic(`waited after the hold's end (head of the line, ms): ${waits.join(', ')}`)
    for (const wait of waits) assert.ok(wait > -1_000 && wait < 3_000, `soon after the end: ${waits.join(', ')}`)
  })

  it('unhold just after the hold ended by itself says when it ended, leaves the new holder alone, and passes', async () => {
    const lockName = `unhold-${randomUUID().slice(0, 6)}`
    const { until } = await freeze(lockName, '4s')
    const deploy = jobFor(azurite, 'octo/app', lockName, { timeout: '1m' })
    const { result } = await waiting(deploy, /The lock is held by a hold: "release freeze"/)
    mustPass('waiter', await result)
    assert.ok(Date.now() >= until - 1_000)

    const cli = await runCli(['unhold', lockName, '--reason', 'release done'], cliEnv(azurite)).exited
    assert.equal(cli.code, 0, cli.stderr)
    assert.match(
      cli.stderr,
      new RegExp(
        `No hold stands on lock devstoreaccount1/locks/${lockName}: the hold of octo/ops run \\d+ had reached its end; ` +
          "octo/app run \\d+ ended it at \\d\\d:\\d\\d:\\d\\dZ \\(the storage service's clock\\)\\. It is held by octo/app .*, " +
          'whose lease was left alone\\.',
      ),
    )
    const ops = jobFor(azurite, 'octo/ops', lockName)
    const action = mustPass('unhold action', await ops.runAction('unhold', { ...ops.options.inputs }))
    assert.match(
      action.notices.join('\n'),
      /^No hold stands on lock devstoreaccount1\/locks\/unhold-\w+: the hold of octo\/ops run \d+ had reached its end/,
    )
    assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/app', 'the job still holds it')
    mustPass('post', await deploy.runPost())
    assert.deepEqual(deploy.complete(), [])
    ops.complete()
  })

  it("release with scope run, after its run's hold ended at hold-for and the lock moved on, says so and passes", async () => {
    const lockName = `run-ended-${randomUUID().slice(0, 6)}`
    const plan = jobFor(azurite, 'octo/deploy', lockName, { scope: 'run', 'hold-for': '3s' }, { job: 'plan' })
    mustPass('plan main', await plan.runMain())
    mustPass('plan post', await plan.runPost())
    plan.complete()
    // Another run's job comes for the lock, ends the run's hold at its end, and holds the lock.
    const other = jobFor(azurite, 'octo/other', lockName, { timeout: '1m' })
    mustPass('other main', await other.runMain())
    const cleanup = jobFor(
      azurite,
      'octo/deploy',
      lockName,
      { scope: 'run' },
      { job: 'cleanup', runId: plan.options.runId },
    )
    const released = mustPass('cleanup release', await cleanup.runAction('release', { ...cleanup.options.inputs }))
    assert.deepEqual(released.warnings, [], 'nothing to warn of: the hold ended as it should')
    assert.match(
      released.notices.join('\n'),
      new RegExp(
        `^No hold stands on lock devstoreaccount1/locks/${lockName}: the hold of octo/deploy run ${plan.options.runId} ` +
          'had reached its end; octo/other run \\d+ ended it at',
      ),
    )
    assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/other', 'left alone')
    mustPass('other post', await other.runPost())
    assert.deepEqual(other.complete(), [])
  })
})
