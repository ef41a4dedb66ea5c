// Safety under faults: network drops, latency, throttling, a storage restart,
// kills and cancels at every point. Each job's main, renewer and post reach
// Azurite through a fault-injecting proxy; observers and rivals go direct.
// Pass means: never two holders, never a stuck lock, never a silent loss.

import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import type { RenewerReport } from '../../src/renewer/lifecycle.ts'
import { readStatusFile } from '../../src/renewer/status.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { isAlive, jobFor, lookAtLock, renewerPid, waitUntilFree } from '../support/e2e.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { containerOn } from '../support/lock.ts'
import { completeAllJobs, type Job } from '../support/runner.ts'

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

  it('declares the lease lost when the network drops for longer than the lease, lets a waiter in, and fails post', async () => {
    const job = proxied('octo/cut-off', 'long-drop')
    assert.equal((await job.runMain()).exitCode, 0)
    proxy.set({ drop: true })
    // A rival that reaches storage directly takes the lock once the lease has lapsed.
    const rival = jobFor(azurite, 'octo/rival', 'long-drop')
    const rivalMain = await rival.runMain()
    assert.equal(rivalMain.exitCode, 0, rivalMain.stdout)
    const rivalAt = Date.parse(rivalMain.outputs['acquired-at']!)
    await delay(2_000)
    assert.equal(statusOf(job).phase, 'lost', 'the renewer declared the loss on its own')
    proxy.set({})
    const post = await job.runPost()
    assert.equal(post.exitCode, 1)
    assert.equal(post.errors.length, 1, post.stdout)
    const match = LOSS.exec(post.errors[0]!)
    assert.ok(match, post.errors[0])
    assert.match(match[3]!, /no renewal succeeded for 15s, the whole lease duration/)
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

  it('rides out 30 s of 500 and 503 answers on half the requests, waiting and holding', async () => {
    const holder = proxied('octo/holder', 'throttled')
    assert.equal((await holder.runMain()).exitCode, 0)
    const before = proxy.log.length
    proxy.set({ errorRate: 0.5, errorStatus: 503 })
    const waiter = proxied('octo/waiter', 'throttled')
    const waiting = waiter.runMain()
    await delay(15_000)
    proxy.set({ errorRate: 0.5, errorStatus: 500 })
    await delay(15_000)
    proxy.set({})
    const injected = proxy.log.slice(before).filter((r) => r.outcome === 'injected').length
    assert.ok(injected >= 20, `${injected} requests got an injected error`)
    assert.equal(statusOf(holder).phase, 'holding', 'the holder kept its lease')
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

  it('waits, acquires, renews and releases with 2 s of latency on every request', async () => {
    proxy.set({ latencyMs: 2_000 })
    try {
      const holder = proxied('octo/far-away', 'latency')
      const main = await holder.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      const waiter = proxied('octo/also-far', 'latency', { timeout: '2m' })
      const waiting = waiter.runMain()
      await delay(7_000)
      assert.ok(statusOf(holder).renewals >= 2, 'renewals go through')
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

  describe('SIGKILL of the main step', () => {
    async function killMainWhen(lockName: string, hold: (req: IncomingMessage) => boolean): Promise<Job> {
      const job = proxied('octo/killed', lockName)
      let main: import('node:child_process').ChildProcess | undefined
      proxy.set({ hold })
      const running = job.runMain({ onSpawn: (child) => (main = child) })
      const deadline = Date.now() + 10_000
      while (!proxy.log.some((r) => r.outcome === 'held') && Date.now() < deadline) await delay(20)
      main!.kill('SIGKILL')
      await running
      proxy.set({})
      proxy.release() // the held request reaches storage after main is gone
      await delay(300)
      return job
    }

    it('while waiting: no lease, no renewer, the holder unaffected', async () => {
      const holder = proxied('octo/holder', 'kill-waiting')
      assert.equal((await holder.runMain()).exitCode, 0)
      const job = proxied('octo/killed', 'kill-waiting')
      let main: import('node:child_process').ChildProcess | undefined
      const running = job.runMain({ onSpawn: (child) => (main = child) })
      await delay(1_500)
      main!.kill('SIGKILL')
      await running
      const post = await job.runPost()
      assert.deepEqual(post.lines, ['Nothing to release: the main step did not take the lock.'])
      assert.deepEqual(job.complete(), [], 'no renewer was left')
      assert.equal((await lookAtLock(azurite, 'kill-waiting')).holder?.repository, 'octo/holder')
      assert.equal((await holder.runPost()).exitCode, 0)
      holder.complete()
    })

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

    it('after the renewer is spawned, with no post step: the job-end clean-up ends the renewer and the lease lapses', async () => {
      proxy.log.length = 0
      const job = await killMainWhen('kill-no-post', isLeaseAction('renew'))
      const orphans = job.complete()
      assert.equal(orphans.length, 1, 'the runner killed the renewer at job end')
      const freeAt = await waitUntilFree(azurite, 'kill-no-post', 17_000)
      assert.ok(freeAt, 'the lock is free within the lease duration')
    })
  })

  it('reports a loss when the renewer is killed and the lease lapses before post, and still cleans up', async () => {
    const job = proxied('octo/lapsed', 'renewer-killed')
    assert.equal((await job.runMain()).exitCode, 0)
    const renewer = renewerPid(job)
    process.kill(renewer, 'SIGKILL')
    await delay(16_000)
    const post = await job.runPost()
    assert.equal(post.exitCode, 1)
    const match = LOSS.exec(post.errors[0] ?? '')
    assert.ok(match, post.stdout)
    assert.match(match[3]!, /^the renewer had stopped and the lease ran out at \S+$/)
    assert.equal((await lookAtLock(azurite, 'renewer-killed')).leaseState, 'expired')
    assert.ok(!isAlive(renewer))
    job.complete()
  })

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
    assert.equal((await lookAtLock(azurite, 'renewer-killed-quick')).leaseState, 'available')
    job.complete()
  })

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

  it('releases at post when the job is cancelled during a later step', async () => {
    const job = proxied('octo/cancelled', 'cancel-holding')
    assert.equal((await job.runMain()).exitCode, 0)
    const step = await job.runScript('setTimeout(() => {}, 60000)', {}, { cancelAfterMs: 500 })
    assert.equal(step.cancel?.endedBy, 'SIGINT')
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.equal((await lookAtLock(azurite, 'cancel-holding')).leaseState, 'available')
    assert.deepEqual(job.complete(), [])
  })

  it('leaves no lease when a cancel lands while an acquire is in flight', async () => {
    proxy.log.length = 0
    // The lock blob exists, so that the acquire, once let through, finds something to lease.
    const locks = containerOn(azurite, 'locks')
    await locks.createIfNotExists()
    await locks.getBlockBlobClient('cancel-acquiring').upload('', 0)
    proxy.set({ hold: isLeaseAction('acquire') })
    const job = proxied('octo/cancelled', 'cancel-acquiring')
    const main = await job.runMain({ cancelAfterMs: 1_000 })
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
