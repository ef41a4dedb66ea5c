// The queue of waiters, fencing tokens and what waiters say of the holder, end
// to end: the built action through the runner emulator, against Azurite, with
// 15 s leases. Where a test waits, it waits for an event (an entry showing up,
// a step ending), not for a fixed time, except where a lease must lapse.

import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import type { ChildProcess } from 'node:child_process'
import type { ContainerClient } from '@azure/storage-blob'
import { ordinal } from '../../src/lock/queue/queue.ts'
import { reservedNames } from '../../src/lock/reserved.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import {
  containerSas,
  jobFor,
  lookAtLock,
  mustPass,
  queueOf,
  renewerPid,
  servedInTurn,
  untilQueued,
  waitUntilFree,
} from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { completeAllJobs, type Job, type StepResult } from '../support/runner.ts'

/** A run step that records its critical section: enter, 100 ms of work, exit. */
const CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 100)`

const LEASE_MS = 15_000

/** The place lines a main step printed: "3rd in line for locks/x; ahead: ...". */
const placeLines = (main: StepResult): string[] => main.lines.filter((l) => /^\d+(st|nd|rd|th) in line for /.test(l))

describe('the queue, end to end', () => {
  let azurite: Azurite
  let locks: ContainerClient
  /** A holder whose machine died at `crashedAt`: its record goes stale while the other tests run. */
  let crashed: Job
  let crashedAt: number
  /** A holder that lives all along, from `livingSince`: its renewer keeps its record fresh. */
  let living: Job
  let livingSince: number
  before(async () => {
    azurite = await startAzurite()
    locks = containerOn(azurite, 'locks')
    await locks.createIfNotExists()
    crashed = jobFor(azurite, 'octo/crashed', 'stale-infinite')
    mustPass('crashed main', await crashed.runMain())
    // The machine dies: no more renewals, no post. The lease lapses; the record stays on the blob.
    process.kill(renewerPid(crashed), 'SIGKILL')
    crashedAt = Date.now()
    living = jobFor(azurite, 'octo/living', 'fresh-record')
    mustPass('living main', await living.runMain())
    livingSince = Date.now()
  })
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  /** A job that takes the lock and holds it until its post step runs. */
  async function holding(lockName: string, repository = 'octo/holder'): Promise<Job> {
    const job = jobFor(azurite, repository, lockName)
    mustPass('holder main', await job.runMain())
    return job
  }

  it('serves ten jobs from ten repositories in the order they arrived, one at a time, saying where each stands', async () => {
    const lock = 'ordered'
    const spans = join(mkdtempSync(join(tmpdir(), 'queue-')), 'spans.log')
    appendFileSync(spans, '')
    const holder = await holding(lock)
    const repositories = Array.from({ length: 10 }, (_, i) => `org-${String(i).padStart(2, '0')}/service`)
    const runs: Array<Promise<{ main: StepResult; job: Job }>> = []
    for (const repository of repositories) {
      const job = jobFor(azurite, repository, lock)
      runs.push(
        (async () => {
          const main = mustPass(`${repository} main`, await job.runMain())
          mustPass(`${repository} step`, await job.runScript(CRITICAL, { SPANS: spans }))
          mustPass(`${repository} post`, await job.runPost())
          return { main, job }
        })(),
      )
      // In sequence: the next job arrives half a second after this one has joined the queue.
      await untilQueued(azurite, lock, repository)
      await delay(500)
    }
    mustPass('holder post', await holder.runPost())
    const served = await Promise.all(runs)

    const order = servedInTurn(spans)
    assert.deepEqual(order, repositories, 'served in the order they arrived')

    for (const [i, { main, job }] of served.entries()) {
      // The holder is first in line, then every job that arrived before this one.
      const [first] = placeLines(main)
      assert.ok(first?.startsWith(`${ordinal(i + 2)} in line for locks/${lock}; ahead: octo/holder run `), first)
      const ahead = repositories.slice(0, Math.min(i, 4)).map((r) => `${r} run `)
      for (const name of ahead) assert.ok(first.includes(name), `${first} names ${name}`)
      assert.deepEqual(JSON.parse(job.state.turn ?? '{}').arrivalPosition, i + 2)
    }
    const tokens = served.map(({ main }) => Number(main.outputs['fencing-token']))
    assert.deepEqual(
      tokens,
      [...tokens].sort((a, b) => a - b),
      'fencing tokens rise in the order served',
    )
    assert.equal(new Set(tokens).size, tokens.length)
    assert.deepEqual(await queueOf(azurite, lock), [], 'no entry is left in the queue')
    for (const { job } of served) job.complete()
    holder.complete()
  })

  it('lets the waiter behind a killed one have the lock no more than one lease duration late', async () => {
    const lock = 'killed-waiter'
    const holder = await holding(lock)
    const doomed = jobFor(azurite, 'octo/doomed', lock)
    let doomedMain: ChildProcess | undefined
    const doomedRun = doomed.runMain({ onSpawn: (child) => (doomedMain = child) })
    await untilQueued(azurite, lock, 'octo/doomed')
    const next = jobFor(azurite, 'octo/next', lock)
    const nextRun = next.runMain()
    await untilQueued(azurite, lock, 'octo/next')
    // The machine of the waiter at the head dies; then the holder lets go.
    doomedMain!.kill('SIGKILL')
    const killedAt = Date.now()
    await doomedRun
    mustPass('holder post', await holder.runPost())
    const main = mustPass('next main', await nextRun)
    const lateMs = Date.parse(main.outputs['acquired-at']!) - killedAt
    // The dead entry's lease was renewed at most a third of a lease before the kill, so it lapses
    // 10-15 s after it; the waiter right behind sees that at its next look at the queue (every
    // 1-1.5 s), and takes the lock a head's look (0.14 s) later: one lease duration late, plus 1.5 s
    // of looking and 1 s for a busy machine, at most.
    assert.ok(lateMs >= LEASE_MS - LEASE_MS / 3 - 1_000, `the dead entry was skipped after only ${lateMs} ms`)
    assert.ok(lateMs <= LEASE_MS + 1_500 + 1_000, `the waiter behind got the lock ${lateMs} ms after the kill`)
    mustPass('next post', await next.runPost())
    assert.deepEqual(await queueOf(azurite, lock), [], 'the dead entry was swept')
    assert.deepEqual(doomed.complete(), [], 'the killed main left no renewer behind')
    next.complete()
    holder.complete()
  })

  it('takes cancelled and timed-out waiters out of the queue before their main step ends', async () => {
    const lock = 'leaving'
    const holder = await holding(lock)
    const patient = jobFor(azurite, 'octo/patient', lock)
    const patientRun = patient.runMain()
    await untilQueued(azurite, lock, 'octo/patient')
    const timedOut = jobFor(azurite, 'octo/timed-out', lock, { timeout: '3s' })
    const cancelled = jobFor(azurite, 'octo/cancelled', lock)
    const [timedOutMain, cancelledMain] = await Promise.all([
      timedOut.runMain().then(async (main) => ({ main, queue: await queueOf(azurite, lock) })),
      cancelled.runMain({ cancelAfterMs: 2_000 }).then(async (main) => ({ main, queue: await queueOf(azurite, lock) })),
    ])
    assert.equal(timedOutMain.main.exitCode, 1)
    assert.match(timedOutMain.main.errors[0] ?? '', /^Timed out after 3(\.\d)?s waiting for lock /)
    assert.ok(!timedOutMain.queue.some((e) => e.repository === 'octo/timed-out'), 'the timed-out waiter left')
    assert.equal(cancelledMain.main.cancel?.endedBy, 'SIGINT')
    assert.ok(!cancelledMain.queue.some((e) => e.repository === 'octo/cancelled'), 'the cancelled waiter left')
    assert.deepEqual(
      (await queueOf(azurite, lock)).map((e) => e.repository),
      ['octo/patient'],
    )
    mustPass('holder post', await holder.runPost())
    mustPass('patient main', await patientRun)
    mustPass('patient post', await patient.runPost())
    for (const job of [holder, patient, timedOut, cancelled]) job.complete()
  })

  it('hands out fencing tokens that rise with every job, whatever a foreign client does to the blob in between', async () => {
    const lock = 'fenced'
    const blob = locks.getBlockBlobClient(lock)
    const tokens: number[] = []
    for (let i = 0; i < 5; i++) {
      const job = jobFor(azurite, `octo/deploy-${i}`, lock)
      const main = mustPass(`job ${i} main`, await job.runMain())
      tokens.push(Number(main.outputs['fencing-token']))
      assert.equal(JSON.parse(job.state.turn ?? '{}').fencingToken, tokens.at(-1), 'the turn in state')
      mustPass(`job ${i} post`, await job.runPost())
      job.complete()
      // As go-azuremutex does on every acquire: upload the blob again, without conditions or metadata, and lease it.
      await blob.upload('', 0)
      const foreign = blob.getBlobLeaseClient()
      await foreign.acquireLease(15)
      await foreign.releaseLease()
    }
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i]! > tokens[i - 1]!, `tokens ${tokens.join(', ')}`)
    assert.ok(tokens.every(Number.isSafeInteger))
  })

  it('lets a job whose SAS may not list wait outside the queue, saying so, while a SAS with rwcdl waits in it', async () => {
    const lock = 'by-sas'
    const holder = await holding(lock)
    const sasJob = (repository: string, permissions: string): Job =>
      jobFor(azurite, repository, lock, {
        'connection-string': `BlobEndpoint=${azurite.blobEndpoint};SharedAccessSignature=${containerSas(permissions)}`,
      })
    const inTurn = sasJob('octo/in-turn', 'rwcdl')
    const inTurnRun = inTurn.runMain()
    await untilQueued(azurite, lock, 'octo/in-turn')
    const outside = sasJob('octo/outside', 'rwc')
    const outsideRun = outside.runMain()
    await delay(1_500)
    // The job outside the queue may win the race for the released lease (it is not made to wait in
    // turn): each job's post runs as soon as its main has the lock, so either order ends.
    const holdAndLetGo = async (name: string, job: Job, running: Promise<StepResult>): Promise<StepResult> => {
      const main = mustPass(`${name} main`, await running)
      mustPass(`${name} post`, await job.runPost())
      return main
    }
    mustPass('holder post', await holder.runPost())
    const [inTurnMain, outsideMain] = await Promise.all([
      holdAndLetGo('in-turn', inTurn, inTurnRun),
      holdAndLetGo('outside', outside, outsideRun),
    ])
    assert.deepEqual(inTurnMain.warnings, [])
    assert.ok(placeLines(inTurnMain).length > 0, inTurnMain.stdout)
    assert.equal(outsideMain.warnings.length, 1, outsideMain.stdout)
    assert.match(
      outsideMain.warnings[0]!,
      /^The credential may not list the blobs of container locks \(403 AuthorizationPermissionMismatch\), so this job cannot wait in the queue of locks\/by-sas: /,
    )
    assert.deepEqual(placeLines(outsideMain), [], 'no place in line outside the queue')
    assert.ok(
      outsideMain.lines.some((l) => l.startsWith('The lock is held by ')),
      outsideMain.stdout,
    )
    assert.deepEqual(await queueOf(azurite, lock), [])
    for (const job of [holder, inTurn, outside]) job.complete()
  })

  it('refuses a lock name in the folder the queue lives in, with one line naming lock-name', async () => {
    const job = jobFor(azurite, 'octo/sneaky', '.azure-mutex/fenced/fencing')
    const main = await job.runMain()
    assert.equal(main.exitCode, 1)
    assert.deepEqual(main.errors, [
      "Invalid input 'lock-name': its first path segment '.azure-mutex' is reserved for the queue and the counters the action keeps beside each lock; expected a blob name of 1 to 1024 characters.",
    ])
    job.complete()
  })

  it("shows a stranger's queue entry only as plain text in the place lines", async () => {
    const lock = 'hostile-entry'
    const holder = await holding(lock)
    const entry = locks.getBlockBlobClient(`${reservedNames(lock).queuePrefix}${'1'.padStart(16, '0')}`)
    await entry.upload('', 0, {
      metadata: { holder_repository: '%0A::error title=Queue::pwned', holder_run_id: '%1B[31m7' },
    })
    const lease = entry.getBlobLeaseClient()
    await lease.acquireLease(15)
    const waiter = jobFor(azurite, 'octo/waiter', lock, { timeout: '2s' })
    const main = await waiter.runMain()
    assert.equal(main.exitCode, 1)
    const [line] = placeLines(main)
    assert.match(
      line ?? '',
      /^3rd in line for locks\/hostile-entry; ahead: octo\/holder run \d+ \(holding since [\d:]+Z\), \\n::error title=Queue::pwned run \\x1b\[31m7$/,
    )
    assert.ok(!main.stdout.split('\n').some((l) => l.startsWith('::error title=Queue')), main.stdout)
    await lease.releaseLease()
    mustPass('holder post', await holder.runPost())
    holder.complete()
    waiter.complete()
  })

  // Last: by now the living holder has renewed its record past a lease duration, and the crashed one's is stale.
  it("believes a living holder's record for as long as it renews it", async () => {
    await delay(Math.max(0, livingSince + LEASE_MS + 4_000 - Date.now()))
    const waiter = jobFor(azurite, 'octo/waiter', 'fresh-record', { timeout: '2s' })
    const main = await waiter.runMain()
    assert.equal(main.exitCode, 1)
    assert.match(
      main.errors[0] ?? '',
      /; it is held by octo\/living workflow "deploy" run \d+ \(attempt 1, job deploy, actor mona\) since /,
    )
    mustPass('living post', await living.runPost())
    living.complete()
    waiter.complete()
  })

  it("names a crashed holder's stale record as an unknown holder, and a foreign infinite lease as infinite", async () => {
    const lock = 'stale-infinite'
    // The record is older than its 15 s lease, plus 2 s of clock resolution, plus 2 s to be sure.
    await delay(Math.max(0, crashedAt + LEASE_MS + 4_000 - Date.now()))
    assert.ok(await waitUntilFree(azurite, lock, 1_000), 'the lease lapsed')
    const foreign = locks.getBlobClient(lock).getBlobLeaseClient()
    await foreign.acquireLease(-1)
    assert.equal((await lookAtLock(azurite, lock)).holder?.repository, 'octo/crashed', 'the old record is still there')
    try {
      const bounded = jobFor(azurite, 'octo/bounded', lock, { timeout: '3s' })
      const unbounded = jobFor(azurite, 'octo/unbounded', lock)
      const [boundedMain, unboundedMain] = await Promise.all([
        bounded.runMain(),
        unbounded.runMain({ cancelAfterMs: 2_500 }),
      ])
      const lastRecorded = `an unknown holder \\(the last recorded holder, octo/crashed run ${crashed.options.runId}, stopped renewing at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\), with an infinite lease that never expires by itself`
      assert.equal(boundedMain.exitCode, 1)
      assert.match(
        boundedMain.errors[0] ?? '',
        new RegExp(
          `^Timed out after 3(\\.\\d)?s waiting for lock devstoreaccount1/locks/${lock}; it is held by ${lastRecorded}; ` +
            `break its lease with: az storage blob lease break --account-name devstoreaccount1 --container-name locks --blob-name ${lock}\\.$`,
        ),
      )
      assert.ok(
        boundedMain.lines.some((l) => new RegExp(`^The lock is held by ${lastRecorded}\\. Waiting\\.$`).test(l)),
        boundedMain.stdout,
      )
      assert.ok(
        placeLines(boundedMain).some((l) =>
          l.includes('ahead: an unknown holder (the last recorded holder, octo/crashed'),
        ),
        boundedMain.stdout,
      )
      assert.deepEqual(boundedMain.warnings, [], 'with a timeout, no warning about waiting for ever')
      assert.equal(unboundedMain.warnings.length, 1, unboundedMain.stdout)
      assert.match(
        unboundedMain.warnings[0]!,
        /with an infinite lease that never expires by itself\. With no 'timeout' this step may wait for as long as the job may run: set 'timeout' .* or break the lease: az storage blob lease break /,
      )
      bounded.complete()
      unbounded.complete()
    } finally {
      await foreign.releaseLease()
      crashed.complete()
    }
  })
})
