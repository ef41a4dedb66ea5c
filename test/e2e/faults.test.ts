// Safety under faults: network drops, latency, throttling, a storage restart,
// kills and cancels at every point. Each job's main, renewer and post reach
// Azurite through a fault-injecting proxy; observers and rivals go direct.
// Pass means: never two holders, never a stuck lock, never a silent loss.

import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import {
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob'
import type { RenewerReport } from '../../src/renewer/lifecycle.ts'
import { readStatusFile } from '../../src/renewer/status.ts'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { isAlive, jobFor, lookAtLock, renewerPid, stdoutLine, waitUntilFree } from '../support/e2e.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { containerOn } from '../support/lock.ts'
import { Job, completeAllJobs } from '../support/runner.ts'

/** The lost-lock error: 1 exclusive until, 2 found at, 3 the reason. */
const LOSS =
  /^Lock devstoreaccount1\/locks\/\S+ was lost: exclusivity was guaranteed only until (\S+), and the loss was found at (\S+): (.*)\. Steps that ran under the lock after \1 may have overlapped another holder\.$/

function statusOf(job: Job): RenewerReport {
  const report = readStatusFile(job.state['renewer-status-file']!)
  assert.ok(report, 'the renewer wrote its status file')
  return report
}

const isLeaseAction = (action: string) => (req: IncomingMessage) => req.headers['x-ms-lease-action'] === action
const isSetMetadata = (req: IncomingMessage): boolean => req.method === 'PUT' && /comp=metadata/.test(req.url ?? '')

describe('safety under faults', () => {
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

  /** A job whose every process talks to storage through the proxy. */
  const proxied = (repository: string, lockName: string, inputs: Record<string, string> = {}): Job =>
    jobFor(azurite, repository, lockName, { 'connection-string': proxy.connectionString, ...inputs })

  // Failure semantics: "Network gone for less than the lease minus one renewal interval (8 s of 15 s)".

  it('keeps the lock through a network drop shorter than the lease minus one renewal interval', async () => {
    const job = proxied('octo/steady', 'short-drop')
    assert.equal((await job.runMain()).exitCode, 0)
    await delay(300)
    proxy.set({ drop: true }) // 15 s lease, 5 s interval: a drop under 10 s must not lose it
    await delay(8_000)
    proxy.set({})
    await delay(3_000)
    const status = statusOf(job)
    assert.equal(status.phase, 'holding')
    assert.ok(proxy.count('renew', 'dropped') >= 1, 'the drop swallowed a renewal')
    assert.ok(status.longestGapMs > 5_500, `the longest gap between renewals was ${status.longestGapMs} ms`)
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.deepEqual(post.errors, [])
    assert.equal((await lookAtLock(azurite, 'short-drop')).leaseState, 'available')
    job.complete()
  })

  // Failure semantics: "Network gone for longer than the lease".

  it('keeps trying through a network drop longer than the lease, and declares the loss once Azure says a rival got in', async () => {
    const job = proxied('octo/cut-off', 'long-drop')
    assert.equal((await job.runMain()).exitCode, 0)
    proxy.set({ drop: true })
    // A rival that reaches storage directly takes the lock once the lease has lapsed.
    const rival = jobFor(azurite, 'octo/rival', 'long-drop')
    const rivalMain = await rival.runMain()
    assert.equal(rivalMain.exitCode, 0, rivalMain.stdout)
    const rivalAt = Date.parse(rivalMain.outputs['acquired-at']!)
    await delay(2_000)
    // A lapse alone is not a loss: the lease may still be ours, so the renewer keeps trying and gives nothing up.
    assert.equal(statusOf(job).phase, 'holding', 'the renewer gave up a lease on elapsed time alone')
    proxy.set({})
    await delay(3_000) // its next try reaches Azure, which answers that the lease is the rival's
    assert.equal(statusOf(job).phase, 'lost', 'the renewer declared the loss once Azure said so')
    const post = await job.runPost()
    assert.equal(post.exitCode, 1)
    assert.equal(post.errors.length, 1, post.stdout)
    const match = LOSS.exec(post.errors[0]!)
    assert.ok(match, post.errors[0])
    assert.match(match[3]!, /Azure says the lease is no longer ours \(409 LeaseIdMismatchWithLeaseOperation\)/)
    assert.ok(Date.parse(match[1]!) <= rivalAt, 'exclusivity is claimed no later than the moment the rival got in')
    assert.equal(
      (await lookAtLock(azurite, 'long-drop')).holder?.repository,
      'octo/rival',
      "the rival's lease is untouched",
    )
    assert.equal((await rival.runPost()).exitCode, 0)
    job.complete()
    rival.complete()
  })

  it('reports a lapse that no renewal could heal as a loss, honestly dated, when post comes while the network is still gone', async () => {
    const job = proxied('octo/unproven', 'unproven-drop')
    const main = await job.runMain()
    assert.equal(main.exitCode, 0)
    await delay(500)
    const droppedAt = Date.now()
    proxy.set({ drop: true })
    await delay(16_000) // past the 15 s lease: it may have run out, but nothing says anybody took it
    assert.equal(statusOf(job).phase, 'holding', 'a lapse alone is not a loss')
    const post = await job.runPost()
    proxy.set({})
    assert.equal(post.exitCode, 1, post.stdout)
    const match = LOSS.exec(post.errors[0] ?? '')
    assert.ok(match, post.stdout)
    assert.match(
      match[3]!,
      /more than the whole lease duration, and the last try failed too .*exclusivity cannot be proven/,
    )
    assert.ok(Date.parse(match[1]!) <= droppedAt, `exclusivity is claimed until ${match[1]}, after the drop`)
    job.complete()
  })

  // Failure semantics: "Every other request answered 503 ServerBusy, then 500, for 30 s".
  it('rides out 30 s of 503 then 500 answers on every other request, waiting and holding', async () => {
    const holder = proxied('octo/holder', 'throttled')
    assert.equal((await holder.runMain()).exitCode, 0)
    const { renewals: renewalsBefore, failures: failuresBefore } = statusOf(holder)
    const before = proxy.log.length
    // Every other request of each kind: every renewal is hit once, and the SDK's retry goes through.
    proxy.set({ errorEvery: 2, errorStatus: 503 })
    const waiter = proxied('octo/waiter', 'throttled')
    const waiting = waiter.runMain()
    await delay(15_000)
    const middle = proxy.log.length
    proxy.set({ errorEvery: 2, errorStatus: 500 })
    await delay(15_000)
    proxy.set({})
    const during = proxy.log.slice(before)
    const hit = (status: number, kind: string, log = during): number =>
      log.filter((r) => r.outcome === 'injected' && r.status === status && r.kind === kind).length
    assert.ok(hit(503, 'renew', proxy.log.slice(before, middle)) >= 2, 'renewals were answered 503')
    assert.ok(hit(500, 'renew', proxy.log.slice(middle)) >= 2, 'renewals were answered 500')
    assert.ok(hit(503, 'head') + hit(500, 'head') >= 4, "the waiter's polls were answered 503 and 500")
    assert.ok(
      during.filter((r) => r.kind === 'renew' && r.status === 200).length >= 4,
      'and renewals went through on the retry',
    )
    const status = statusOf(holder)
    assert.equal(status.phase, 'holding', 'the holder kept its lease')
    assert.equal(status.failures, failuresBefore, "the SDK's retries absorbed every error: no renewal attempt failed")
    assert.ok(status.renewals - renewalsBefore >= 4, `${status.renewals - renewalsBefore} renewals in 30 s`)
    const holderPost = await holder.runPost()
    assert.equal(holderPost.exitCode, 0, holderPost.stdout)
    assert.deepEqual(holderPost.errors, [])
    const main = await waiting
    assert.equal(main.exitCode, 0, main.stdout)
    assert.deepEqual(main.errors, [])
    assert.equal((await waiter.runPost()).exitCode, 0)
    holder.complete()
    waiter.complete()
  })

  // Failure semantics: "2 s of latency on every request".

  it('waits, acquires, renews and releases with 2 s of latency on every request', async () => {
    proxy.set({ latencyMs: 2_000 })
    try {
      const holder = proxied('octo/far-away', 'latency')
      const main = await holder.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      const waiter = proxied('octo/also-far', 'latency', { timeout: '2m' })
      const waiting = waiter.runMain()
      // With a 15 s lease the renewer renews every 5 s, each renewal taking 2 s: its second comes about 7 s after
      // main's exit, later on a loaded machine. Wait for it, within the lease.
      const renewedBy = Date.now() + 12_000
      while (statusOf(holder).renewals < 2 && Date.now() < renewedBy) await delay(250)
      assert.ok(statusOf(holder).renewals >= 2, `renewals go through: ${statusOf(holder).renewals} in 12 s`)
      const post = await holder.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      const waited = await waiting
      assert.equal(waited.exitCode, 0, waited.stdout)
      assert.ok(
        waited.lines.some((l) => /held by octo\/far-away/.test(l)),
        waited.stdout,
      )
      assert.equal((await waiter.runPost()).exitCode, 0)
      holder.complete()
      waiter.complete()
    } finally {
      proxy.set({})
    }
  })

  // Failure semantics: "Storage restarts with its data gone while held".

  it('reports the loss when storage restarts without its data, and waiters recreate the blob', async () => {
    const first = await startAzurite()
    const local = await new FaultProxy(first.port).start()
    let second: Azurite | undefined
    try {
      const cs = local.connectionString
      const holder = jobFor(azurite, 'octo/holder', 'restart', { 'connection-string': cs })
      assert.equal((await holder.runMain()).exitCode, 0)
      const waiter = jobFor(azurite, 'octo/waiter', 'restart', { 'connection-string': cs })
      const waiting = waiter.runMain()
      await delay(1_000)
      await first.stop()
      second = await startAzurite()
      local.retarget(second.port) // the same endpoint, now an empty storage service
      const main = await waiting
      assert.equal(main.exitCode, 0, main.stdout)
      assert.ok(
        main.lines.some((l) => /Created the container and the lock blob/.test(l)),
        main.stdout,
      )
      await delay(6_000) // the holder's next renewal finds the lease gone
      const post = await holder.runPost()
      assert.equal(post.exitCode, 1, post.stdout)
      assert.match(post.errors[0] ?? '', LOSS)
      assert.equal((await waiter.runPost()).exitCode, 0)
      holder.complete()
      waiter.complete()
    } finally {
      await local.stop()
      await second?.stop()
    }
  })

  const WRONG_KEY = Buffer.from('a wrong key of the right shape..').toString('base64')
  const wrongCredentials: Array<[string, () => Record<string, string>]> = [
    [
      'a wrong account key',
      () => ({ 'account-name': DEV_ACCOUNT, 'account-key': WRONG_KEY, 'blob-endpoint': proxy.blobEndpoint }),
    ],
    [
      'a SAS signed with another key',
      () => ({
        'account-name': DEV_ACCOUNT,
        'sas-token': generateBlobSASQueryParameters(
          {
            containerName: 'locks',
            permissions: ContainerSASPermissions.parse('rwc'),
            expiresOn: new Date(Date.now() + 3_600_000),
          },
          new StorageSharedKeyCredential(DEV_ACCOUNT, WRONG_KEY),
        ).toString(),
        'blob-endpoint': proxy.blobEndpoint,
      }),
    ],
    [
      'a connection string with a wrong key',
      () => ({ 'connection-string': proxy.connectionString.replace(DEV_KEY, WRONG_KEY) }),
    ],
  ]
  for (const [name, inputs] of wrongCredentials) {
    // Failure semantics: "Wrong key, SAS or connection string": no retry.
    it(`stops at the first answer to ${name}: one request, no retry, one line`, async () => {
      proxy.log.length = 0
      // A timeout only so that a build that retried for ever fails here instead of hanging.
      const job = new Job({
        inputs: { 'lock-name': 'wrong-credential', 'lease-duration': '15', timeout: '10s', ...inputs() },
      })
      const main = await job.runMain()
      assert.equal(main.exitCode, 1, main.stdout)
      assert.equal(main.errors.length, 1, main.stdout)
      assert.match(
        main.errors[0]!,
        /^Azure refused access to http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(403 \w+\): /,
      )
      // The renewer, started while main waits, may send its one warm-up look too; it is not main's retry.
      const fromMain = () => proxy.log.filter((r) => r.by === 'other')
      assert.deepEqual(
        fromMain().map((r) => `${r.kind} ${r.status}`),
        ['list 403'],
        'one request (the look at the queue), answered 403, and no other',
      )
      const post = await job.runPost()
      assert.deepEqual(post.lines, ['Nothing to release: the main step did not take the lock.'])
      // Post may try once to give back a lease under the id main proposed; it does not retry either.
      assert.ok(fromMain().length <= 2, `post sent ${fromMain().length - 1} requests`)
      assert.ok(
        proxy.log.every((r) => r.status === 403),
        proxy.log.map((r) => `${r.by}: ${r.kind} ${r.status}`).join(', '),
      )
      assert.deepEqual(job.complete(), [])
    })
  }

  // Failure semantics: "Endpoint unreachable (connections refused or cut)": 3 tries, then stop.
  it('tries an endpoint that cuts every connection 3 times, then stops with one line', async () => {
    proxy.set({ reset: true })
    try {
      proxy.log.length = 0
      const connectionsBefore = proxy.connections
      const job = proxied('octo/cut', 'unreachable')
      const main = await job.runMain()
      assert.equal(main.exitCode, 1, main.stdout)
      assert.equal(main.errors.length, 1, main.stdout)
      assert.match(
        main.errors[0]!,
        /^Cannot reach the blob endpoint http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(ECONNRESET\): check the endpoint /,
      )
      const cut = proxy.log.filter((r) => r.outcome === 'reset')
      assert.equal(
        cut.filter((r) => r.by === 'other').length,
        3,
        `main tried three times: ${cut.map((r) => r.by).join(', ')}`,
      )
      // Each try on a new connection; the renewer's warm-up look, if it came, opened the others.
      assert.equal(proxy.connections - connectionsBefore, cut.length)
      assert.deepEqual(job.complete(), [])
    } finally {
      proxy.set({})
    }
  })

  describe('SIGKILL of the main step', () => {
    async function killMainWhen(lockName: string, hold: (req: IncomingMessage) => boolean): Promise<Job> {
      const job = proxied('octo/killed', lockName)
      let main: import('node:child_process').ChildProcess | undefined
      proxy.set({ hold })
      const running = job.runMain({ onSpawn: (child) => (main = child) })
      const deadline = Date.now() + 20_000
      while (!proxy.log.some((r) => r.outcome === 'held') && Date.now() < deadline) await delay(20)
      assert.ok(
        proxy.log.some((r) => r.outcome === 'held'),
        'main is killed while the proxy holds its request, not at some other point',
      )
      main!.kill('SIGKILL')
      await running
      proxy.set({})
      proxy.release() // the held request reaches storage after main is gone
      await delay(300)
      return job
    }

    // Failure semantics: "Main is killed while waiting".

    it('while waiting: no lease, no renewer, the holder unaffected', async () => {
      const holder = proxied('octo/holder', 'kill-waiting')
      assert.equal((await holder.runMain()).exitCode, 0)
      const job = proxied('octo/killed', 'kill-waiting')
      let waiting: Promise<string> | undefined
      let main: import('node:child_process').ChildProcess | undefined
      const running = job.runMain({
        onSpawn: (child) => {
          main = child
          waiting = stdoutLine(child, /^The lock is held by octo\/holder .*Waiting\.$/)
        },
      })
      await waiting // killed while waiting, not before it started
      main!.kill('SIGKILL')
      const killed = await running
      assert.equal(killed.signal, 'SIGKILL')
      const post = await job.runPost()
      assert.deepEqual(post.lines, ['Nothing to release: the main step did not take the lock.'])
      assert.deepEqual(await job.settled(), [], 'the renewer main had started went away with it')
      job.complete()
      assert.equal((await lookAtLock(azurite, 'kill-waiting')).holder?.repository, 'octo/holder')
      assert.equal((await holder.runPost()).exitCode, 0)
      holder.complete()
    })

    // Failure semantics: "Main is killed just after Azure granted the lease".

    it('just after the lease is taken: post gives back the lease main proposed', async () => {
      proxy.log.length = 0
      const job = await killMainWhen('kill-acquired', isSetMetadata)
      assert.equal(job.state.lease, undefined, 'main died before recording the lease')
      assert.equal((await lookAtLock(azurite, 'kill-acquired')).leaseState, 'leased')
      const post = await job.runPost()
      assert.deepEqual(post.lines, ['Released the lease that the main step took as it was stopped.'])
      assert.equal((await lookAtLock(azurite, 'kill-acquired')).leaseState, 'available')
      assert.deepEqual(job.complete(), [])
    })

    // Failure semantics: "Main is killed after handing the lease to the renewer, before it confirms".

    it('after the lease is handed to the renewer, before it confirms: post asks it through its channel', async () => {
      proxy.log.length = 0
      const job = await killMainWhen('kill-spawned', isLeaseAction('renew'))
      assert.ok(job.state['renewer-channel'], 'main saved where the renewer listens before it started it')
      assert.ok(job.state.lease, 'main recorded the lease before handing it over')
      const post = await job.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      assert.ok(
        post.lines.some((l) => /^Released lock/.test(l)),
        post.stdout,
      )
      assert.equal((await lookAtLock(azurite, 'kill-spawned')).leaseState, 'available')
      assert.deepEqual(job.complete(), [], 'no renewer survives the job')
    })

    // Failure semantics: "…and no post step runs either".

    it('after the renewer is spawned, with no post step: the job-end clean-up ends the renewer and the lease lapses', async () => {
      proxy.log.length = 0
      const job = await killMainWhen('kill-no-post', isLeaseAction('renew'))
      const orphans = job.complete()
      assert.equal(orphans.length, 1, 'the runner killed the renewer at job end')
      const freeAt = await waitUntilFree(azurite, 'kill-no-post', 17_000)
      assert.ok(freeAt, 'the lock is free within the lease duration')
    })
  })

  // Failure semantics: "The renewer is killed, and post comes after the lease lapsed".

  it('when the renewer is killed and the lease lapses before post, post renews it first: nobody took it, so it passes with a warning', async () => {
    const job = proxied('octo/lapsed', 'renewer-killed')
    const main = await job.runMain()
    assert.equal(main.exitCode, 0)
    const renewer = renewerPid(job)
    process.kill(renewer, 'SIGKILL')
    await delay(16_000)
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.deepEqual(post.errors, [])
    assert.ok(
      post.warnings.some((w) =>
        /^The lease went unrenewed for longer than its duration .* nobody else held it\.$/.test(w),
      ),
      post.stdout,
    )
    assert.equal((await lookAtLock(azurite, 'renewer-killed')).leaseState, 'available')
    assert.ok(!isAlive(renewer))
    job.complete()
  })

  it('reports a loss when the renewer is killed, the lease lapses and another job takes the lock before post', async () => {
    const job = proxied('octo/lapsed', 'renewer-killed-taken')
    const main = await job.runMain()
    assert.equal(main.exitCode, 0)
    const renewer = renewerPid(job)
    process.kill(renewer, 'SIGKILL')
    const killedAt = Date.now()
    const rival = jobFor(azurite, 'octo/rival', 'renewer-killed-taken')
    const rivalMain = await rival.runMain()
    assert.equal(rivalMain.exitCode, 0, rivalMain.stdout)
    const post = await job.runPost()
    assert.equal(post.exitCode, 1)
    const match = LOSS.exec(post.errors[0] ?? '')
    assert.ok(match, post.stdout)
    assert.match(match[3]!, /^at renewal, Azure said the lease was no longer ours$/)
    // Exclusive until the last renewal, which came after main started and before the kill.
    const exclusiveUntil = Date.parse(match[1]!)
    assert.ok(exclusiveUntil >= main.startedAt - 1_000 && exclusiveUntil <= killedAt, `exclusive until ${match[1]}`)
    assert.equal((await lookAtLock(azurite, 'renewer-killed-taken')).holder?.repository, 'octo/rival')
    assert.ok(!isAlive(renewer))
    assert.equal((await rival.runPost()).exitCode, 0)
    job.complete()
    rival.complete()
  })

  // Failure semantics: "The renewer is killed, and post comes before the lease lapsed".

  it('warns but does not fail when the renewer is killed and post comes before the lease lapses', async () => {
    const job = proxied('octo/quick', 'renewer-killed-quick')
    assert.equal((await job.runMain()).exitCode, 0)
    process.kill(renewerPid(job), 'SIGKILL')
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.ok(
      post.warnings.some((w) => /^The renewer stopped unexpectedly/.test(w)),
      post.stdout,
    )
    // The lease had not lapsed (judged on the monotonic clock): post released it without renewing it first.
    assert.ok(!post.warnings.some((w) => /went unrenewed/.test(w)), post.stdout)
    assert.equal((await lookAtLock(azurite, 'renewer-killed-quick')).leaseState, 'available')
    job.complete()
  })

  // Failure semantics: "Main's parent is pid 1 (as in container jobs)".

  it('stands the worker watch down when main runs with parent pid 1, and works all the same', async () => {
    const job = proxied('octo/container', 'parent-pid-1')
    const main = await job.runMain({ orphaned: true })
    assert.deepEqual(main.errors, [], main.stdout)
    assert.ok(job.state.lease, main.stdout)
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.ok(post.lines.some((l) => /main's parent is pid 1 or unknown .*not watching the runner worker/.test(l)))
    assert.equal((await lookAtLock(azurite, 'parent-pid-1')).leaseState, 'available')
    job.complete()
  })

  // Failure semantics: "Cancelled during a later step, while another job waits".
  it('keeps the lock through a later step that is cancelled, then post releases it to the next job', async () => {
    const job = proxied('octo/cancelled', 'cancel-holding')
    assert.equal((await job.runMain()).exitCode, 0)
    let waiterWaits: Promise<string> | undefined
    let waiterDone = false
    const waiter = jobFor(azurite, 'octo/next', 'cancel-holding')
    const waiting = waiter
      .runMain({
        onSpawn: (child) => {
          waiterWaits = stdoutLine(child, /held by octo\/cancelled .*Waiting\.$/)
        },
      })
      .finally(() => (waiterDone = true))
    await waiterWaits

    // The protected step of the same job: it works until the runner cancels it, as a deploy would.
    const deploy = `
      process.on('SIGINT', () => { console.log('interrupted'); process.exit(130) })
      console.log('deploying')
      setInterval(() => {}, 1000)`
    let started: Promise<string> | undefined
    let cancel!: () => void
    const renewsBefore = proxy.count('renew')
    const stepDone = job.runScript(
      deploy,
      {},
      {
        onSpawn: (child) => {
          started = stdoutLine(child, /^deploying$/)
        },
        cancelOn: new Promise<void>((resolve) => (cancel = resolve)),
      },
    )
    await started
    await delay(6_000) // longer than a renewal interval (5 s of a 15 s lease)
    const duringStep = await lookAtLock(azurite, 'cancel-holding')
    const renewedDuringStep = proxy.count('renew') - renewsBefore
    const waiterWaitedThrough = !waiterDone
    cancel()
    const step = await stepDone

    assert.equal(step.cancel?.endedBy, 'SIGINT')
    assert.equal(step.exitCode, 130)
    assert.match(step.stdout, /^deploying\ninterrupted$/m)
    assert.equal(duringStep.leaseState, 'leased')
    assert.equal(duringStep.holder?.repository, 'octo/cancelled', 'the job held the lock during its step')
    assert.ok(renewedDuringStep >= 1, 'the renewer renewed while the step ran')
    assert.ok(waiterWaitedThrough, 'the other job was still waiting when the step was cancelled')

    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.ok(
      post.lines.some((l) => /^Released lock devstoreaccount1\/locks\/cancel-holding after holding it for/.test(l)),
      post.stdout,
    )
    const next = await waiting
    assert.equal(next.exitCode, 0, next.stdout)
    assert.ok(next.endedAt > post.startedAt, 'the next job got the lock only after post')
    assert.equal((await waiter.runPost()).exitCode, 0)
    assert.deepEqual(job.complete(), [])
    waiter.complete()
  })

  // Failure semantics: "Cancelled while an acquire is in flight, and the acquire reaches storage after main is gone".

  it('leaves no lease when a cancel lands while an acquire is in flight', async () => {
    proxy.log.length = 0
    // The lock blob exists, so that the acquire, once let through, finds something to lease.
    const locks = containerOn(azurite, 'locks')
    await locks.createIfNotExists()
    await locks.getBlockBlobClient('cancel-acquiring').upload('', 0)
    proxy.set({ hold: isLeaseAction('acquire') })
    const job = proxied('octo/cancelled', 'cancel-acquiring')
    const acquireHeld = (async (): Promise<void> => {
      while (!proxy.log.some((r) => r.kind === 'acquire' && r.outcome === 'held')) await delay(20)
    })()
    // The runner cancels main while the proxy holds its acquire: the cancel lands during the acquire.
    const main = await job.runMain({ cancelOn: acquireHeld })
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(main.errors[0]!, /^Cancelled while /)
    assert.equal(main.cancel?.endedBy, 'SIGINT')
    assert.ok(main.cancel.afterMs < 2_500, `ended ${main.cancel.afterMs} ms after SIGINT`)
    proxy.set({})
    proxy.release() // the acquire reaches storage after main gave up: the lease is granted to no one alive
    await delay(300)
    assert.equal((await lookAtLock(azurite, 'cancel-acquiring')).leaseState, 'leased')
    const post = await job.runPost()
    assert.deepEqual(post.lines, ['Released the lease that the main step took as it was stopped.'])
    assert.equal((await lookAtLock(azurite, 'cancel-acquiring')).leaseState, 'available')
    assert.deepEqual(job.complete(), [])
  })
})
