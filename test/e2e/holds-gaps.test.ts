// Holds, the parts that came later, end to end through the real bundles on
// Azurite: a lifted hold's lease goes straight to the head of the queue (a
// client that does not queue, polling every 20 ms, never gets a turn between),
// release/ with scope: run in a job of the run that does not hold the lock
// ends the run's hold (and leaves another run's alone), and the azure-mutex
// command sets a hold with no command and lifts it.

import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import type { Azurite } from '../support/azurite.ts'
import { cliEnv, runCli } from '../support/cli.ts'
import { jobFor, lookAtLock, mustPass, stdoutLine, withSuiteStorage } from '../support/e2e.ts'
import { leaseOf } from '../support/lock.ts'
import type { Job, StepResult } from '../support/runner.ts'

describe('holds: lifting hands over, release ends a run hold, the command sets and lifts holds', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  /** Starts the job's main step; resolves once it says `line`, with the step's result to come. */
  async function waiting(job: Job, line: RegExp): Promise<() => Promise<StepResult>> {
    let child: ChildProcess | undefined
    let result: StepResult | undefined
    const spawned = new Promise<void>((resolve) => {
      void job
        .runMain({
          onSpawn: (spawnedChild) => {
            child = spawnedChild
            resolve()
          },
        })
        .then((finished) => (result = finished))
    })
    await spawned
    await stdoutLine(child!, line)
    return async () => {
      while (!result) await delay(50)
      return result
    }
  }

  /**
   * A client that does not queue (go-azuremutex, the az CLI): it tries to
   * take the lease with its own id every 20 ms, and gives it back at once.
   * `stop` ends it and returns when it got the lock.
   */
  function foreignClient(lockName: string): { stop: () => Promise<number[]> } {
    const turns: number[] = []
    let polling = true
    const lease = locks.getBlobClient(lockName).getBlobLeaseClient(randomUUID())
    const loop = (async () => {
      while (polling) {
        if (
          await lease.acquireLease(15).then(
            () => true,
            () => false,
          )
        ) {
          turns.push(Date.now())
          await lease.releaseLease().catch(() => undefined)
        }
        await delay(20)
      }
    })()
    return {
      stop: async () => {
        polling = false
        await loop
        return turns
      },
    }
  }

  it('unhold hands the lease of a lifted freeze to the queued job: a client polling every 20 ms gets no turn between', async () => {
    const lockName = `lift-${randomUUID().slice(0, 6)}`
    const ops = jobFor(azurite, 'octo/ops', lockName)
    mustPass('hold', await ops.runAction('hold', { ...ops.options.inputs, reason: 'freeze', duration: '1h' }))
    const deploy = jobFor(azurite, 'octo/app', lockName, { timeout: '2m' })
    const result = await waiting(deploy, /The lock is held by a hold: "freeze"/)
    const foreign = foreignClient(lockName)

    const lifted = mustPass('unhold', await ops.runAction('unhold', { ...ops.options.inputs, reason: 'over' }))
    const main = mustPass('waiter', await result())
    const turns = await foreign.stop()
    assert.deepEqual(turns, [], 'the client that does not queue never got the lock between the hold and the job')
    assert.match(
      lifted.lines.join('\n'),
      /Lifted the hold on lock devstoreaccount1\/locks\/lift-\w+, a hold: "freeze", .*; handed the lease to the head of the queue \(ticket \d+\)\./,
    )
    assert.ok(main.endedAt - lifted.endedAt < 5_000, `the waiter went at once: ${main.endedAt - lifted.endedAt} ms`)
    assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/app', 'the queued job holds it')
    assert.equal((await leaseOf(locks, lockName)).duration, 'fixed', 'an ordinary lease, which its renewer keeps')
    mustPass('post', await deploy.runPost())
    assert.deepEqual(deploy.complete(), [])
  })

  it('release with scope run, in a job of the run that does not hold the lock, ends the run hold and hands it on', async () => {
    const lockName = `run-${randomUUID().slice(0, 6)}`
    const plan = jobFor(azurite, 'octo/deploy', lockName, { scope: 'run', 'hold-for': '10m' }, { job: 'plan' })
    const runId = plan.options.runId!
    mustPass('plan main', await plan.runMain())
    mustPass('plan post', await plan.runPost())
    assert.deepEqual(
      await leaseOf(locks, lockName),
      { state: 'leased', duration: 'infinite' },
      'post kept it as a hold',
    )

    const other = jobFor(azurite, 'octo/other', lockName, { timeout: '2m' })
    const result = await waiting(other, /The lock is held by a hold of a workflow run's jobs/)
    const foreign = foreignClient(lockName)

    // A job of another run may not end this run's hold: it says so and passes.
    const stranger = jobFor(azurite, 'octo/deploy', lockName, { scope: 'run' }, { job: 'cleanup' })
    const refused = mustPass('stranger release', await stranger.runAction('release', { ...stranger.options.inputs }))
    assert.match(
      refused.stdout,
      /::warning::Lock devstoreaccount1\/locks\/run-\w+ is held by a hold of a workflow run's jobs: .*, not by a hold of this run: it was left alone\./,
    )
    assert.deepEqual(await leaseOf(locks, lockName), { state: 'leased', duration: 'infinite' }, 'the hold stands')

    // The run's clean-up job, which never took the lock, ends the hold.
    const cleanup = jobFor(azurite, 'octo/deploy', lockName, { scope: 'run' }, { job: 'cleanup', runId })
    const ended = mustPass('cleanup release', await cleanup.runAction('release', { ...cleanup.options.inputs }))
    const main = mustPass('other run', await result())
    assert.deepEqual(await foreign.stop(), [], 'the client that does not queue got no turn between')
    assert.match(
      ended.lines.join('\n'),
      new RegExp(
        `Ended this run's hold on lock devstoreaccount1/locks/${lockName}, a hold of a workflow run's jobs: .*run ${runId}.*; handed the lease to the head of the queue`,
      ),
    )
    assert.ok(main.endedAt - ended.endedAt < 5_000, `the other run went at once: ${main.endedAt - ended.endedAt} ms`)
    assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/other')
    mustPass('other post', await other.runPost())
    assert.deepEqual(other.complete(), [])
  })

  it('release with scope run and no lock-name, in a job holding nothing, names the input it needs', async () => {
    const job = jobFor(azurite, 'octo/deploy', 'unused', { scope: 'run' })
    const result = await job.runAction('release', { scope: 'run' })
    assert.equal(result.exitCode, 1)
    assert.match(
      result.errors.join('\n'),
      /This job holds no lock, so the release action ends this run's hold: name the lock in 'lock-name'/,
    )
  })

  it('azure-mutex hold --for --reason sets a freeze that a queued command waits behind; unhold lifts it and the command runs', async () => {
    const lockName = `cli-freeze-${randomUUID().slice(0, 6)}`
    const env = cliEnv(azurite, { USER: 'mona' })
    const frozen = await runCli(['hold', lockName, '--for', '1h', '--reason', 'incident 42: no deploys'], env).exited
    assert.equal(frozen.code, 0, frozen.stderr)
    const outputs = Object.fromEntries(
      frozen.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2)),
    )
    assert.ok(Date.parse(outputs['held-until']) - Date.now() > 50 * 60_000, `held-until: ${frozen.stdout}`)
    assert.match(outputs['fencing-token'], /^\d+$/)
    assert.match(frozen.stderr, /is now held by a hold: "incident 42: no deploys", set by mona \(mona@/)
    assert.deepEqual(await leaseOf(locks, lockName), { state: 'leased', duration: 'infinite' })

    // The same record as the hold action's: an action job waiting behind it shows it.
    const deploy = jobFor(azurite, 'octo/app', lockName, { timeout: '2m' })
    const result = await waiting(deploy, /The lock is held by a hold: "incident 42: no deploys", set by mona/)

    const lifted = await runCli(['unhold', lockName, '--reason', 'over'], env).exited
    assert.equal(lifted.code, 0, lifted.stderr)
    assert.match(
      lifted.stderr,
      /Lifted the hold on lock devstoreaccount1\/locks\/cli-freeze-\w+, a hold: "incident 42: no deploys"/,
    )
    assert.match(lifted.stderr, /handed the lease to the head of the queue/)
    mustPass('waiter', await result())

    // Now a job holds it: unhold leaves its lease alone, unless --force.
    const refused = await runCli(['unhold', lockName], env).exited
    assert.equal(refused.code, 1)
    assert.match(
      refused.stderr,
      /error: Lock devstoreaccount1\/locks\/cli-freeze-\w+ is held by octo\/app .*, not by a hold: it was left alone\. To break that lease anyway, add --force/,
    )
    assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/app', 'the job still holds it')
    mustPass('post', await deploy.runPost())
  })

  it('azure-mutex hold with neither a command nor --for says what it needs; --for beside a command is refused', async () => {
    const env = cliEnv(azurite)
    const bare = await runCli(['hold', 'x'], env).exited
    assert.equal(bare.code, 2)
    assert.match(
      bare.stderr,
      /Missing the command to run while holding the lock: .*--for <duration> \(or --until <time>\) and --reason <why>\./,
    )
    const both = await runCli(['hold', 'x', '--for', '1h', '--', 'true'], env).exited
    assert.equal(both.code, 2)
    assert.match(both.stderr, /--for sets a hold with no command, and a command was given/)
    const noReason = await runCli(['hold', 'x', '--for', '1h'], env).exited
    assert.equal(noReason.code, 2)
    assert.match(noReason.stderr, /Input '--reason' \(or AZURE_MUTEX_REASON\) is required/)
  })
})
