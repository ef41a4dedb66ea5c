// scope: run with jobs of the run already in line (parallel or matrix jobs),
// end to end through the real bundles on Azurite: when the job that holds the
// lock turns it into its run's hold, a job of the same run that waits in the
// queue takes the hold over at its next look, with the run's fencing token,
// and leaves the queue; a job of another run waits on. Several jobs of the run
// in line: one takes it over (Azure's change of the hold's lease id decides),
// the others wait, and take over in turn the hold each one leaves.

import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it, type TestContext } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import type { Azurite } from '../support/azurite.ts'
import {
  CRITICAL,
  jobFor,
  lookAtLock,
  mustPass,
  queueOf,
  servedInTurn,
  untilWaiting,
  withSuiteStorage,
} from '../support/e2e.ts'
import { leaseOf } from '../support/lock.ts'
import { rendered } from '../support/summary.ts'
import type { StepResult } from '../support/runner.ts'

describe("scope: run: a job of the run that waits in line takes over its run's hold", () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  const TOOK_OVER =
    /Took over a hold of a workflow run's jobs: "kept for the next job of run \d+", .*, from the queue after waiting [\d.]+s\./

  it('takes it over at its next look with the same fencing token and leaves the queue; a job of another run ahead waits on', async (t: TestContext) => {
    const lockName = `queued-run-${randomUUID().slice(0, 6)}`
    const run = { runId: `8${Math.floor(Math.random() * 1e6)}` }
    const inputs = { scope: 'run', 'hold-for': '40s', timeout: '2m' }
    const plan = jobFor(azurite, 'octo/app', lockName, inputs, { ...run, job: 'plan' })
    const planMain = mustPass('plan main', await plan.runMain())
    const token = planMain.outputs['fencing-token']

    // Another run's job comes first, then the run's own apply job: both wait in line while plan holds the lock.
    const other = jobFor(azurite, 'octo/other', lockName, { timeout: '2m' })
    const otherDone = other.runMain()
    await untilWaiting(azurite, lockName, 'octo/other')
    const apply = jobFor(azurite, 'octo/app', lockName, inputs, { ...run, job: 'apply' })
    const applyDone = apply.runMain()
    await untilWaiting(azurite, lockName, 'octo/app')

    const planPost = mustPass('plan post', await plan.runPost())
    const keptAt = planPost.endedAt
    assert.match(
      planPost.lines.join('\n'),
      /Kept lock devstoreaccount1\/locks\/queued-run-\w+ for the next job of this run/,
    )
    plan.complete()
    const applyMain = mustPass('apply main', await applyDone)
    const tookOverAfter = applyMain.endedAt - keptAt
    t.diagnostic(`the queued job took over ${tookOverAfter} ms after the hold was kept (hold-for 40 s)`)
    assert.ok(tookOverAfter < 10_000, `at its next look, not at hold-for: ${tookOverAfter} ms`)
    assert.match(applyMain.lines.join('\n'), TOOK_OVER)
    assert.equal(applyMain.outputs['fencing-token'], token, 'the fencing token does not change within the run')
    assert.equal(applyMain.outputs.acquired, 'true')
    assert.equal(
      (await leaseOf(locks, lockName)).duration,
      'fixed',
      'while apply runs, its renewer keeps an ordinary lease',
    )
    assert.equal((await lookAtLock(azurite, lockName)).holder?.job, 'apply')
    const queue = await queueOf(azurite, lockName)
    assert.deepEqual(
      queue.filter((e) => e.leased).map((e) => e.repository),
      ['octo/other'],
      'apply left the queue; the other run waits on',
    )

    const released = mustPass('apply release', await apply.runAction('release', { 'lock-name': lockName }))
    const otherMain = mustPass('other main', await otherDone)
    assert.ok(Date.parse(otherMain.outputs['acquired-at']!) >= released.startedAt - 1_000, 'only after the run let go')
    assert.ok(Number(otherMain.outputs['fencing-token']) > Number(token))
    mustPass('apply post', await apply.runPost())
    assert.match(rendered(apply.summary), /Hold taken over\s+This job took over its run's hold/)
    mustPass('other post', await other.runPost())
    assert.deepEqual(apply.complete(), [])
    assert.deepEqual(other.complete(), [])
  })

  it('with three jobs of the run in line, one takes it over at a time, each with the run token, never two at once', async () => {
    const lockName = `matrix-${randomUUID().slice(0, 6)}`
    const spans = join(mkdtempSync(join(tmpdir(), 'run-takeover-')), 'spans.log')
    appendFileSync(spans, '')
    const run = { runId: `7${Math.floor(Math.random() * 1e6)}` }
    const inputs = { scope: 'run', 'hold-for': '40s', timeout: '2m' }
    const first = jobFor(azurite, 'octo/app', lockName, inputs, { ...run, job: 'build' })
    const token = mustPass('build main', await first.runMain()).outputs['fencing-token']

    const legs = ['leg-1', 'leg-2', 'leg-3'].map((name) => {
      const job = jobFor(azurite, 'octo/app', lockName, inputs, { ...run, job: name })
      return { name, job, done: job.runMain() }
    })
    const waitingLegs = async (): Promise<number> => (await queueOf(azurite, lockName)).filter((e) => e.leased).length
    const deadline = Date.now() + 15_000
    while ((await waitingLegs()) < 3) {
      assert.ok(Date.now() < deadline, 'three legs in line')
      await delay(50)
    }
    mustPass('build post', await first.runPost())
    first.complete()

    // Each leg, once it holds the lock, does its work and leaves the run's hold to the next.
    const served = legs.map(async ({ name, job, done }) => {
      const main: StepResult = mustPass(`${name} main`, await done)
      mustPass(
        `${name} step`,
        await job.runScript(CRITICAL.replace('process.env.GITHUB_REPOSITORY', `'${name}'`), { SPANS: spans }),
      )
      mustPass(`${name} post`, await job.runPost())
      job.complete()
      return main
    })
    const mains = await Promise.all(served)
    for (const main of mains) {
      assert.equal(main.outputs['fencing-token'], token, 'every leg keeps the run token')
      assert.match(main.lines.join('\n'), TOOK_OVER)
      assert.ok(
        Number(main.outputs['waited-seconds']) < 30,
        `none waited for hold-for: ${main.outputs['waited-seconds']} s`,
      )
    }
    assert.equal(servedInTurn(spans).length, 3, 'one at a time (servedInTurn asserts no overlap)')
    // The last leg's post kept the lock for the run; a clean-up job ends that hold.
    const cleanup = jobFor(azurite, 'octo/app', lockName, { scope: 'run' }, { ...run, job: 'cleanup' })
    mustPass('cleanup release', await cleanup.runAction('release', { ...cleanup.options.inputs }))
    assert.notEqual((await leaseOf(locks, lockName)).state, 'leased')
  })
})
