// Holds end to end, through the real bundles on Azurite: a freeze set with the
// hold action, the job that waits behind it, the head of the queue ending it
// when its end comes, the unhold action lifting it early (and refusing a
// running job's lease), and a forged hold record that must not end a lease
// somebody else holds.

import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { holdToMetadata, type HoldRecord } from '../../src/lock/deploy/hold.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { jobFor, lookAtLock, mustPass, stdoutLine } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { rendered } from '../support/summary.ts'
import { POST, completeAllJobs, type StepResult } from '../support/runner.ts'

/** The commands the action itself prints: any other in its output was injected. */
const OWN_COMMANDS = new Set(['error', 'warning', 'notice', 'add-mask', 'debug', 'group', 'endgroup', 'set-output'])

function assertNoInjectedCommand(step: StepResult, name: string): void {
  for (const line of step.stdout.split('\n')) {
    const command = /^\s*::([^:\s]*)/.exec(line)
    if (command) assert.ok(OWN_COMMANDS.has(command[1]!), `${name} printed ::${command[1]}:: (${line.slice(0, 200)})`)
    assert.ok(!line.includes('##['), `${name}: ${line.slice(0, 200)}`)
  }
}

describe('holds, end to end', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  async function leaseOf(lockName: string): Promise<{ state?: string; duration?: string }> {
    const props = await containerOn(azurite, 'locks').getBlobClient(lockName).getProperties()
    return { state: props.leaseState, duration: props.leaseDuration }
  }

  it('a job queued behind a 20 s freeze shows its reason and end, ends it when the end comes, and names it', async () => {
    const lockName = `freeze-${randomUUID().slice(0, 6)}`
    const ops = jobFor(azurite, 'octo/ops', lockName, {}, { actor: 'mona' })
    const hold = mustPass(
      'hold',
      await ops.runAction('hold', {
        ...ops.options.inputs,
        reason: 'incident 42: no deploys',
        duration: '20s',
      }),
    )
    const heldUntil = Date.parse(hold.outputs['held-until']!)
    assert.ok(!Number.isNaN(heldUntil), `held-until is a time: ${hold.outputs['held-until']}`)
    assert.match(hold.outputs['fencing-token']!, /^\d+$/)
    assert.deepEqual(await leaseOf(lockName), { state: 'leased', duration: 'infinite' }, 'a hold is an infinite lease')
    const status = mustPass('status', await ops.runAction('status', { ...ops.options.inputs }))
    assert.match(
      status.lines.join('\n'),
      new RegExp(
        `: held by a hold: "incident 42: no deploys", set by mona \\(octo/ops run ${ops.options.runId}\\), until \\d\\d:\\d\\d:\\d\\dZ, with an infinite lease, which the first job in the queue ends`,
      ),
    )

    assert.deepEqual(ops.complete(), [], 'no process stays behind a hold')

    const deploy = jobFor(azurite, 'octo/app', lockName)
    const main = mustPass('waiter', await deploy.runMain())
    const text = main.lines.join('\n')
    const opsRun = ops.options.runId!
    assert.match(
      text,
      new RegExp(
        `The lock is held by a hold: "incident 42: no deploys", set by mona \\(octo/ops run ${opsRun}\\), until \\d\\d:\\d\\d:\\d\\dZ\\. Waiting\\.`,
      ),
    )
    assert.ok(
      text.includes(`this step waits until the hold ends at ${hold.outputs['held-until']}`),
      'a waiter without a timeout is told when the hold ends',
    )
    assert.match(
      text,
      new RegExp(
        `Ended the hold on locks/${lockName}: the hold set by mona \\(octo/ops run ${opsRun}\\) for "incident 42: no deploys" ended at `,
      ),
    )
    const acquiredAt = Date.parse(main.outputs['acquired-at']!)
    // One head look is 90-140 ms; the service's Date header has a resolution of one second.
    assert.ok(acquiredAt >= heldUntil - 1_000, `not before the end: ${main.outputs['acquired-at']}`)
    assert.ok(acquiredAt - heldUntil < 3_000, `soon after the end: ${acquiredAt - heldUntil} ms`)
    assert.ok(
      Number(main.outputs['fencing-token']) > Number(hold.outputs['fencing-token']),
      'the next holder has a larger token',
    )
    assert.equal((await leaseOf(lockName)).duration, 'fixed')
    mustPass('post', await deploy.runPost())
    assert.match(
      rendered(deploy.summary),
      /Hold ended\s+This job ended it: the hold set by mona \(octo\/ops run \d+\) for .incident 42: no deploys. ended at/,
    )
    assert.deepEqual(deploy.complete(), [])
  })

  it('unhold lifts a freeze at once and the waiter goes; it refuses a running job lease without force', async () => {
    const lockName = `lift-${randomUUID().slice(0, 6)}`
    const ops = jobFor(azurite, 'octo/ops', lockName)
    mustPass('hold', await ops.runAction('hold', { ...ops.options.inputs, reason: 'freeze', duration: '1h' }))

    const deploy = jobFor(azurite, 'octo/app', lockName, { timeout: '2m' })
    let child: ChildProcess | undefined
    let result: StepResult | undefined
    const spawned = new Promise<void>((resolve) => {
      void deploy
        .runMain({
          onSpawn: (spawnedChild) => {
            child = spawnedChild
            resolve()
          },
        })
        .then((finished) => (result = finished))
    })
    await spawned
    await stdoutLine(child!, /The lock is held by a hold: "freeze"/)
    const lifted = mustPass('unhold', await ops.runAction('unhold', { ...ops.options.inputs, reason: 'incident over' }))
    const liftedAt = lifted.endedAt
    assert.match(lifted.lines.join('\n'), /Lifted the hold on lock devstoreaccount1\/locks\/lift-\w+, a hold: "freeze"/)
    while (!result) await new Promise((resolve) => setTimeout(resolve, 50))
    mustPass('waiter', result)
    assert.ok(result.endedAt - liftedAt < 5_000, `the waiter went at once: ${result.endedAt - liftedAt} ms`)

    // Now a running job holds it: unhold leaves its lease alone.
    const refused = await ops.runAction('unhold', { ...ops.options.inputs })
    assert.equal(refused.exitCode, 1)
    assert.match(
      refused.errors.join('\n'),
      /^Lock devstoreaccount1\/locks\/lift-\w+ is held by octo\/app .*, not by a hold: it was left alone\. To break that lease anyway, set 'force: true'\.$/,
    )
    assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/app', 'the job still holds it')
    assert.equal((await leaseOf(lockName)).state, 'leased')
    mustPass('post', await deploy.runPost())
    assert.deepEqual(deploy.complete(), [])
  })

  it('a forged hold record on a lease somebody else holds is not ended, and its text injects nothing', async () => {
    const lockName = `forged-${randomUUID().slice(0, 6)}`
    const blob = containerOn(azurite, 'locks').getBlobClient(lockName)
    await containerOn(azurite, 'locks').createIfNotExists()
    await blob.getBlockBlobClient().upload('', 0)
    const forged: HoldRecord = {
      scope: 'freeze',
      reason: '%0A::error title=Deploy approved::all clear%0A::add-mask::octo',
      setBy: '::stop-commands::pwned',
      repository: '\u001b[31mred',
      runId: '1',
      runUrl: '',
      setAt: '2020-01-01T00:00:00.000Z',
      until: '2020-01-01T00:00:01.000Z', // long past
      leaseId: randomUUID(), // not the lease's id
      fencingToken: '1',
    }
    await blob.setMetadata(holdToMetadata(forged))
    // A client that writes no record takes an infinite lease, as az CLI may.
    const theirs = randomUUID()
    await blob.getBlobLeaseClient(theirs).acquireLease(-1)

    const deploy = jobFor(azurite, 'octo/app', lockName, { timeout: '6s' })
    const main = await deploy.runMain()
    assert.equal(main.exitCode, 1, 'it times out: the forged record ended nothing')
    assertNoInjectedCommand(main, 'waiter')
    assert.match(
      main.errors.join('\n'),
      /^Timed out after .* waiting for lock devstoreaccount1\/locks\/forged-\w+; it is held by/,
    )
    // The lease is still theirs: it renews with their id.
    await blob.getBlobLeaseClient(theirs).renewLease()
    assert.deepEqual(await leaseOf(lockName), { state: 'leased', duration: 'infinite' })

    const unhold = await deploy.runAction('unhold', { ...deploy.options.inputs })
    assert.equal(unhold.exitCode, 1, 'unhold does not take the forged record for a hold')
    assertNoInjectedCommand(unhold, 'unhold')
    await blob.getBlobLeaseClient(theirs).renewLease()
    await deploy.runPost()
    deploy.complete()
    await blob.getBlobLeaseClient(theirs).releaseLease()
  })

  describe('scope: run', () => {
    /** Starts a main step without waiting for it; resolves the child once spawned. */
    function startMain(job: ReturnType<typeof jobFor>): { child: Promise<ChildProcess>; done: Promise<StepResult> } {
      let spawned: (child: ChildProcess) => void = () => undefined
      const child = new Promise<ChildProcess>((resolve) => (spawned = resolve))
      const done = job.runMain({ onSpawn: (c) => spawned(c) })
      return { child, done }
    }

    it('keeps the lock between the jobs of a run: job 2 takes it over with the same token, its release lets the other run in', async () => {
      const lockName = `run-${randomUUID().slice(0, 6)}`
      const run = { runId: `9${Math.floor(Math.random() * 1e6)}` }
      const plan = jobFor(azurite, 'octo/app', lockName, { scope: 'run' }, { ...run, job: 'plan' })
      const planMain = mustPass('plan main', await plan.runMain())
      const token = planMain.outputs['fencing-token']
      const planPost = mustPass('plan post', await plan.runPost())
      assert.match(planPost.lines.join('\n'), /Kept lock devstoreaccount1\/locks\/run-\w+ for the next job of this run/)
      assert.deepEqual(plan.complete(), [], 'the renewer stopped once the hold was in place')
      assert.deepEqual(
        await leaseOf(lockName),
        { state: 'leased', duration: 'infinite' },
        'job 1 ended, the lock stays held',
      )

      const other = jobFor(azurite, 'octo/other', lockName, { timeout: '2m' })
      const waiting = startMain(other)
      await stdoutLine(await waiting.child, /held by a hold of a workflow run's jobs/)

      const apply = jobFor(azurite, 'octo/app', lockName, { scope: 'run' }, { ...run, job: 'apply' })
      const applyMain = mustPass('apply main', await apply.runMain())
      assert.match(applyMain.lines.join('\n'), /Took over a hold of a workflow run's jobs: .*, without queueing\./)
      assert.equal(applyMain.outputs['fencing-token'], token, 'the fencing token does not change within the run')
      assert.ok(Number(applyMain.outputs['waited-seconds']) < 5, `at once: ${applyMain.outputs['waited-seconds']} s`)
      assert.equal((await leaseOf(lockName)).duration, 'fixed', 'while job 2 runs, its renewer keeps an ordinary lease')
      assert.equal((await lookAtLock(azurite, lockName)).holder?.job, 'apply')

      const released = mustPass('apply release', await apply.runAction('release', { 'lock-name': lockName }))
      const otherMain = mustPass('other main', await waiting.done)
      assert.ok(
        Date.parse(otherMain.outputs['acquired-at']!) >= released.startedAt - 1_000,
        'the other run got the lock only after job 2 released it',
      )
      assert.ok(Number(otherMain.outputs['fencing-token']) > Number(token))
      mustPass('apply post', await apply.runPost())
      assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/other', 'post did not hold it again')
      mustPass('other post', await other.runPost())
      assert.deepEqual(apply.complete(), [])
      assert.deepEqual(other.complete(), [])
    })

    it('a run abandoned after job 1 frees the lock at hold-for, through the head of the queue', async () => {
      const lockName = `abandoned-${randomUUID().slice(0, 6)}`
      const plan = jobFor(azurite, 'octo/app', lockName, { scope: 'run', 'hold-for': '20s' }, { job: 'plan' })
      mustPass('plan main', await plan.runMain())
      const post = mustPass('plan post', await plan.runPost())
      const keptAt = post.endedAt
      plan.complete()
      const other = jobFor(azurite, 'octo/other', lockName)
      const main = mustPass('other main', await other.runMain())
      const after = Date.parse(main.outputs['acquired-at']!) - keptAt
      assert.ok(after >= 18_000 && after < 25_000, `the waiter got it at hold-for plus a look: ${after} ms`)
      assert.match(
        main.lines.join('\n'),
        /Ended the hold on locks\/abandoned-\w+: the hold set by mona \(octo\/app run \d+\)/,
      )
      mustPass('other post', await other.runPost())
      other.complete()
    })

    it('a post killed with SIGKILL as it turns the lease into a hold: never two holders, never held past lease plus hold-for', async () => {
      const lockName = `killed-${randomUUID().slice(0, 6)}`
      const plan = jobFor(azurite, 'octo/app', lockName, { scope: 'run', 'hold-for': '20s' }, { job: 'plan' })
      mustPass('plan main', await plan.runMain())
      const other = jobFor(azurite, 'octo/other', lockName)
      const waiting = startMain(other)
      await stdoutLine(await waiting.child, /in line for locks\/killed-/)

      // Post, killed the moment the hold record is on the blob: its lease may still be fixed, or already infinite.
      const blob = containerOn(azurite, 'locks').getBlobClient(lockName)
      const stateEnv = Object.fromEntries(Object.entries(plan.state).map(([key, value]) => [`STATE_${key}`, value]))
      let post: ChildProcess | undefined
      const posting = plan.runStep(POST, plan.main.inputs, stateEnv, { onSpawn: (child) => (post = child) })
      let killedAt = 0
      while (!killedAt) {
        const props = await blob.getProperties()
        if (props.metadata?.hold_lease_id) {
          post!.kill('SIGKILL')
          killedAt = Date.now()
        } else await new Promise((resolve) => setTimeout(resolve, 10))
      }
      await posting
      // The job ends: the runner kills what it left (the renewer, if post had not stopped it yet).
      const endedAt = Date.now()
      plan.complete()

      const main = mustPass('other main', await waiting.done)
      const acquiredAt = Date.parse(main.outputs['acquired-at']!)
      assert.ok(acquiredAt >= killedAt - 1_000, 'not before the first job let go')
      assert.ok(
        acquiredAt <= endedAt + 15_000 + 20_000 + 5_000,
        `within the lease plus hold-for (and a look): ${acquiredAt - endedAt} ms after the job ended`,
      )
      const props = await blob.getProperties()
      assert.equal(props.leaseDuration, 'fixed', 'the waiter holds an ordinary lease')
      assert.equal((await lookAtLock(azurite, lockName)).holder?.repository, 'octo/other')
      mustPass('other post', await other.runPost())
      other.complete()
    })
  })
})
