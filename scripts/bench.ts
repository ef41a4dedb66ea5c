// npm run bench: how long the built action's steps take against a private
// Azurite, how quickly a waiting job holds the lock after the holder's post step
// starts, how soon a lock is free after its runner worker dies, and what the
// detached renewer costs (memory, CPU per hour held, its start). Each figure with
// a target is printed beside a baseline measured in the same run: handoffs beside
// a bare SDK loop that polls a plain lease every 250 ms, the main step beside a
// minimal prototype (an SDK lease, a detached child, exit). Prints numbers, not
// verdicts.

import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { BlobServiceClient } from '@azure/storage-blob'
import { startAzurite, type Azurite } from '../test/support/azurite.ts'
import { jobFor, lookAtLock, renewerPid, stdoutLine } from '../test/support/e2e.ts'
import { FaultProxy } from '../test/support/fault-proxy.ts'
import { completeAllJobs, type StepResult } from '../test/support/runner.ts'
import { measureHoldsPart } from './bench-holds.ts'
import { measureLatest, type LatestNumbers } from './bench-latest.ts'
import { measureHandoffs, measureQueueCost } from './bench-queue.ts'
import { measureHandover, type HandoverBench } from './bench-handover.ts'
import { measureSlotsPart } from './bench-slots.ts'

const ROOT = resolve(import.meta.dirname, '..')
const N = 15
/** Samples of the holds part: each is a freeze of a few seconds, a release, and a two-job run. */
const HOLD_RUNS = 5
/** Handoffs depend on where in a random poll interval the release falls: more runs for a steadier median. */
const HANDOFFS = 30
/** Worker deaths are cheap (a second or two each) but each costs a job: fewer runs. */
const WORKER_RUNS = 5
/** The baseline's waiter tries for the lease this often, as a simple polling lock would. */
const BASELINE_POLL_MS = 250
/** How long the baseline's waiter polls before the holder lets go; plus a random part of a poll interval. */
const BASELINE_HEAD_START_MS = 1_000
/** Issue 9's target for the handoff median, on Azurite loopback. */
const HANDOFF_TARGET_MS = 300
/** How long the renewer holds a lease while its CPU time is counted. */
const FOOTPRINT_MS = 60_000
/** A safety net so a broken run fails instead of hanging the bench. */
const INPUTS = { 'lease-duration': '15', timeout: '60s' }

interface Stats {
  min: number
  median: number
  p95: number
  max: number
}

/** Quantile by linear interpolation between the closest ranks (with 15 samples, p95 lies between the two largest). */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  return { min: sorted[0]!, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1)! }
}

function printRow(label: string, samples: number[], unit: string, digits = 0): void {
  const s = stats(samples)
  const f = (n: number): string => n.toFixed(digits).padStart(6)
  console.log(
    `  ${label.padEnd(34)} min ${f(s.min)}  median ${f(s.median)}  p95 ${f(s.p95)}  max ${f(s.max)} ${unit}  (n=${samples.length})`,
  )
}

function mustSucceed(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0 || result.errors.length > 0) {
    throw new Error(
      `${step} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join('; ') || result.stdout}`,
    )
  }
  return result
}

/** Resident memory of a process in MiB, from /proc/<pid>/status. */
function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(match[1]) / 1024
}

const progress = (): boolean => process.stdout.write('.')

async function uncontended(azurite: Azurite, runs: number, tag: string) {
  const main: number[] = []
  const post: number[] = []
  const rss: number[] = []
  for (let i = 0; i < runs; i++) {
    const job = jobFor(azurite, 'bench/uncontended', `uncontended-${tag}-${i}`, INPUTS)
    try {
      main.push(mustSucceed('main', await job.runMain()).durationMs)
      rss.push(rssMiB(renewerPid(job)))
      post.push(mustSucceed('post', await job.runPost()).durationMs)
    } finally {
      job.complete()
    }
    progress()
  }
  return { main, post, rss }
}

interface Handoff {
  /** The holder's post step starts -> the waiter's main step exits holding the lock. */
  handoff: number
  /** The release is answered by storage -> the waiter's acquired-at. */
  grant: number
}

/**
 * One handoff between two jobs on one lock. The holder reaches storage through a
 * proxy that injects nothing, so that the moment storage answered its release is
 * known whichever process sends the release.
 */
async function actionHandoff(azurite: Azurite, proxy: FaultProxy, i: number): Promise<Handoff> {
  const lock = `handoff-${i}`
  const holder = jobFor(azurite, 'bench/holder', lock, { ...INPUTS, 'connection-string': proxy.connectionString })
  const waiter = jobFor(azurite, 'bench/waiter', lock, INPUTS)
  try {
    mustSucceed('holder main', await holder.runMain())
    let waitingLine: Promise<string> | undefined
    const waiting = waiter.runMain({
      onSpawn: (child) => {
        waitingLine = stdoutLine(child, /^The lock is held by bench\/holder .*Waiting\.$/)
      },
    })
    await waitingLine // the waiter is polling: the handoff starts from a waiting job, as in a queue of jobs
    const post = mustSucceed('holder post', await holder.runPost())
    const main = mustSucceed('waiter main', await waiting)
    const release = proxy.log.find(
      // A change when the waiter had published its id (a handover), a release otherwise: either lets go.
      (r) =>
        (r.kind === 'release' || r.kind === 'change') &&
        r.at >= post.startedAt &&
        r.status === 200 &&
        r.answeredAt !== undefined,
    )
    if (!release) throw new Error("the holder's release did not go through the proxy")
    mustSucceed('waiter post', await waiter.runPost())
    return {
      handoff: main.endedAt - post.startedAt,
      grant: Date.parse(main.outputs['acquired-at']!) - release.answeredAt!,
    }
  } finally {
    holder.complete()
    waiter.complete()
  }
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; details?: { errorCode?: string } }
  return e.details?.errorCode ?? e.code
}

/**
 * The baseline: the least a polling lock can do. One SDK client holds a plain
 * lease; another tries to acquire it every 250 ms. No steps, no processes, no
 * holder record, no renewer.
 */
async function baselineHandoff(service: BlobServiceClient, i: number): Promise<Handoff> {
  const blob = service.getContainerClient('baseline').getBlockBlobClient(`handoff-${i}`)
  await blob.upload('', 0)
  const holder = blob.getBlobLeaseClient()
  await holder.acquireLease(15)
  const waiter = blob.getBlobLeaseClient()
  const acquired = (async (): Promise<number> => {
    for (;;) {
      try {
        await waiter.acquireLease(15)
        return Date.now()
      } catch (err) {
        if (errorCode(err) !== 'LeaseAlreadyPresent') throw err
        await delay(BASELINE_POLL_MS)
      }
    }
  })()
  // A random phase: released at a fixed time, the release would fall at the same point of every poll cycle.
  await delay(BASELINE_HEAD_START_MS + Math.random() * BASELINE_POLL_MS)
  const releaseStarted = Date.now()
  await holder.releaseLease()
  const released = Date.now()
  const acquiredAt = await acquired
  await waiter.releaseLease()
  return { handoff: acquiredAt - releaseStarted, grant: acquiredAt - released }
}

/** Alternates action and baseline handoffs, so both see the same load on the machine. */
async function handoffs(azurite: Azurite, runs: number) {
  const proxy = await new FaultProxy(azurite.port).start()
  const service = BlobServiceClient.fromConnectionString(azurite.connectionString)
  await service.getContainerClient('baseline').createIfNotExists()
  const action: Handoff[] = []
  const baseline: Handoff[] = []
  try {
    for (let i = 0; i < runs; i++) {
      action.push(await actionHandoff(azurite, proxy, i))
      baseline.push(await baselineHandoff(service, i))
      progress()
    }
  } finally {
    await proxy.stop()
  }
  return { action, baseline }
}

/** The self-hosted runner's worker dies: how long until the renewer has released the lock. */
async function workerDeaths(azurite: Azurite, runs: number): Promise<number[]> {
  const freed: number[] = []
  for (let i = 0; i < runs; i++) {
    const lock = `worker-${i}`
    const job = jobFor(azurite, 'bench/worker', lock, INPUTS)
    try {
      mustSucceed('main', await job.runMain({ separateWorker: true }))
      const killedAt = Date.now()
      job.killWorker()
      for (;;) {
        if ((await lookAtLock(azurite, lock)).leaseState !== 'leased') break
        if (Date.now() - killedAt > 20_000) throw new Error('the lock was not freed within 20 s of the worker dying')
        await delay(20)
      }
      freed.push(Date.now() - killedAt)
    } finally {
      job.complete()
    }
    progress()
  }
  return freed
}

function printRatio(label: string, action: number[], baseline: number[], against = 'the baseline'): void {
  const ratio = stats(action).median / stats(baseline).median
  console.log(`  ${label.padEnd(34)} ${ratio.toFixed(2)}x ${against}'s median`)
}

/**
 * Issue 11's yardstick: the least a lock step can do, a lease taken with the
 * storage SDK, a detached child spawned, and exit; run the same way as main (a
 * fresh node process), on a fresh blob each time, interleaved with main's runs.
 */
const PROTOTYPE = `
  import { spawn } from 'node:child_process'
  import { randomUUID } from 'node:crypto'
  import { BlobServiceClient } from '@azure/storage-blob'
  const [connectionString, name] = process.argv.slice(1)
  const blob = BlobServiceClient.fromConnectionString(connectionString).getContainerClient('locks').getBlobClient(name)
  await blob.getBlobLeaseClient(randomUUID()).acquireLease(15)
  spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1000)'], { detached: true, stdio: 'ignore' }).unref()`

function runNode(args: string[]): number {
  const started = Date.now()
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0 && result.status !== 2) throw new Error(`node ${args[0]} failed: ${result.stderr}`)
  return Date.now() - started
}

async function mainBesidePrototype(azurite: Azurite, runs: number) {
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('locks')
  await container.createIfNotExists()
  const main: number[] = []
  const prototype: number[] = []
  for (let i = 0; i < runs; i++) {
    const name = `prototype-${i}`
    await container.getBlockBlobClient(name).upload('', 0)
    prototype.push(runNode(['--input-type=module', '-e', PROTOTYPE, azurite.connectionString, name]))
    const job = jobFor(azurite, 'octo/bench', `beside-prototype-${i}`, INPUTS)
    main.push(mustSucceed('main', await job.runMain()).durationMs)
    mustSucceed('post', await job.runPost())
    job.complete()
    progress()
  }
  return { main, prototype }
}

/** The renewer's start: a fresh node process that loads its part of the bundle (and, without main's pipe, stops). */
function renewerStarts(runs: number): number[] {
  return Array.from({ length: runs }, () => runNode([join(ROOT, 'dist', 'renewer', 'index.js')]))
}

/** CPU time a process has used, in ms, from /proc/<pid>/schedstat (nanoseconds on the CPU). */
function cpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
}

/** The renewer's footprint while it holds a lease of the default length: CPU per hour, and memory. */
async function renewerFootprint(azurite: Azurite, holdMs: number) {
  const job = jobFor(azurite, 'octo/bench', 'footprint', { 'lease-duration': '60' })
  mustSucceed('main', await job.runMain())
  const pid = renewerPid(job)
  await delay(1_000)
  const before = cpuMs(pid)
  await delay(holdMs)
  const used = cpuMs(pid) - before
  const rss = rssMiB(pid)
  mustSucceed('post', await job.runPost())
  job.complete()
  return { cpuSecondsPerHour: (used / holdMs) * 3_600, rss }
}

/** How long the queue's request counts are taken. */
const QUEUE_COST_WINDOW_MS = 60_000

function printQueue(
  handoffs: Awaited<ReturnType<typeof measureHandoffs>>,
  cost: Awaited<ReturnType<typeof measureQueueCost>>,
): void {
  console.log("Handoff, the holder's post step starts -> the next job's main step ends holding the lock (ms):")
  printRow('action (head of the queue)', handoffs.action, 'ms')
  printRow('baseline: bare lease, 250 ms polls', handoffs.baseline, 'ms')
  const action = stats(handoffs.action)
  const baseline = stats(handoffs.baseline)
  console.log(
    `  action / baseline: median ${(action.median / baseline.median).toFixed(2)}, p95 ${(action.p95 / baseline.p95).toFixed(2)}`,
  )
  console.log(`  target (issue 9)                   median <= ${HANDOFF_TARGET_MS} ms`)
  console.log(`Storage requests a minute while waiting (lease 15s, counted over ${cost.windowMs / 1000}s):`)
  for (const [label, rate] of [
    ['waiter at the head of the queue', cost.head],
    ['waiter right behind the head', cost.onDeck],
    ['waiter further back (3rd)', cost.furtherBack],
  ] as const) {
    const total = (rate.list + rate.other).toFixed(0)
    console.log(
      `  ${label.padEnd(34)} ${total.padStart(4)}/min  (List Blobs ${rate.list.toFixed(0)}, other ${rate.other.toFixed(0)})`,
    )
  }
  console.log('  target (issue 9)                   head <= 600/min, further back <= 30/min')
}

/** The handover (issue 19): the handoff and its parts beside the prototype, the time free, requests a minute. */
function printHandover(result: HandoverBench, cost: Awaited<ReturnType<typeof measureQueueCost>>): void {
  const part = (pick: (h: HandoverBench['action'][number]) => number): number[] => result.action.map(pick)
  console.log("Handover, the holder's post step starts -> the next job's main step ends holding the lock (ms):")
  printRow(
    'action (head of the queue)',
    part((h) => h.handoff),
    'ms',
  )
  printRow('prototype: bare lease, 250 ms polls', result.baseline, 'ms')
  const action = stats(part((h) => h.handoff))
  const baseline = stats(result.baseline)
  console.log(
    `  action / prototype: median ${(action.median / baseline.median).toFixed(2)}, p95 ${(action.p95 / baseline.p95).toFixed(2)}` +
      '   (target: median <= 0.35, p95 <= 0.6)',
  )
  console.log('  its parts:')
  printRow(
    '  post start -> change answered',
    part((h) => h.letGo),
    'ms',
  )
  printRow(
    "  change -> head's acquire sent",
    part((h) => h.look),
    'ms',
  )
  printRow(
    '  the acquire',
    part((h) => h.acquire),
    'ms',
  )
  printRow(
    '  acquired -> main exits (renewer)',
    part((h) => h.take),
    'ms',
  )
  printRow(
    '    acquired -> record written',
    part((h) => h.record),
    'ms',
  )
  printRow(
    "    -> renewer's first renewal",
    part((h) => h.handshake),
    'ms',
  )
  printRow(
    '    -> main exits',
    part((h) => h.exit),
    'ms',
  )
  const changed = result.action.filter((h) => h.changed).length
  console.log(`  handed over by a change: ${changed} of ${result.action.length}`)
  printRow(
    'lock free between the holders',
    part((h) => h.free),
    'ms',
  )
  console.log(`Storage requests a minute while waiting (lease 15s, counted over ${cost.windowMs / 1000}s):`)
  for (const [label, rate] of [
    ['waiter at the head of the queue', cost.head],
    ['waiter right behind the head', cost.onDeck],
    ['waiter further back (3rd)', cost.furtherBack],
  ] as const) {
    const total = (rate.list + rate.other).toFixed(0)
    console.log(
      `  ${label.padEnd(34)} ${total.padStart(4)}/min  (List Blobs ${rate.list.toFixed(0)}, other ${rate.other.toFixed(0)})`,
    )
  }
}

/** npm run bench -- --only beside: the uncontended main step beside the minimal prototype, on fresh locks. */
async function benchBeside(): Promise<void> {
  const azurite = await startAzurite()
  try {
    process.stdout.write(`main step beside the minimal prototype: ${N} runs each, interleaved `)
    const beside = await mainBesidePrototype(azurite, N)
    console.log('\n')
    printRow('main step, fresh lock each time', beside.main, 'ms')
    printRow('prototype', beside.prototype, 'ms')
    printRatio('main / prototype', beside.main, beside.prototype, 'the prototype')
  } finally {
    completeAllJobs()
    await azurite.stop()
  }
}

/** npm run bench -- --only slots: 3 slots against 1, and the requests of one look (bench-slots.ts). */
async function benchSlots(): Promise<void> {
  const azurite = await startAzurite()
  try {
    await measureSlotsPart(azurite)
  } finally {
    completeAllJobs()
    await azurite.stop()
  }
}

/** npm run bench -- --only handover: only the handover's numbers. */
async function benchHandover(): Promise<void> {
  const began = Date.now()
  const azurite = await startAzurite()
  try {
    process.stdout.write(`handover: ${HANDOFFS} pairs of jobs and ${HANDOFFS} of the prototype, alternating `)
    const result = await measureHandover(azurite, HANDOFFS, progress)
    process.stdout.write(`\nqueue cost: a holder holds, three jobs wait ${QUEUE_COST_WINDOW_MS / 1000}s `)
    const cost = await measureQueueCost(azurite, QUEUE_COST_WINDOW_MS)
    console.log('\n')
    printHandover(result, cost)
    console.log(`\nTook ${((Date.now() - began) / 1000).toFixed(1)}s.`)
  } finally {
    completeAllJobs()
    await azurite.stop()
  }
}

/** Latest wins: rounds of superseding, and the window over which waiters' requests are counted. */
const LATEST_RUNS = 10
const LATEST_COST_WINDOW_MS = 30_000

function printLatest(latest: LatestNumbers): void {
  console.log("Latest wins: a newer job's entry shows in the queue -> the older waiter's main step ends (ms):")
  printRow('older waiter at the head', latest.leaveHead, 'ms')
  printRow('older waiter behind a plain waiter', latest.leaveBehind, 'ms')
  console.log('  target (issue 18)                  median < 5000 ms')
  console.log(
    `Latest wins: requests a minute while waiting, with a key / without (lease 15s, ${LATEST_COST_WINDOW_MS / 1000}s):`,
  )
  for (const [label, keyed, plain] of [
    ['at the head of the queue', latest.keyedCost.head, latest.plainCost.head],
    ['right behind the head', latest.keyedCost.onDeck, latest.plainCost.onDeck],
    ['further back (3rd)', latest.keyedCost.furtherBack, latest.plainCost.furtherBack],
  ] as const) {
    const k = keyed.list + keyed.other
    const p = plain.list + plain.other
    console.log(
      `  ${label.padEnd(34)} ${k.toFixed(0).padStart(4)}/min with, ${p.toFixed(0).padStart(4)}/min without: ` +
        `${(k - p >= 0 ? '+' : '') + (k - p).toFixed(0)}/min (List Blobs ${keyed.list.toFixed(0)} vs ${plain.list.toFixed(0)})`,
    )
  }
  const median = (xs: number[]): number => stats(xs).median
  console.log('Latest wins: requests of one uncontended main step (renewer left out):')
  printRow('with a key', latest.mainRequestsKeyed, 'requests')
  printRow('without', latest.mainRequestsPlain, 'requests')
  console.log(
    `  extra with a key (median)          ${median(latest.mainRequestsKeyed) - median(latest.mainRequestsPlain)} ` +
      '(aim: at most 1; the key record is read in the first listing itself, and raised under the lease beside the holder record)',
  )
}

async function benchLatestOnly(): Promise<void> {
  const began = Date.now()
  let azurite: Azurite | undefined
  try {
    azurite = await startAzurite()
    process.stdout.write(
      `latest wins: ${LATEST_RUNS} rounds of superseding, ${LATEST_RUNS} solo mains each way, waiter costs `,
    )
    const latest = await measureLatest(azurite, LATEST_RUNS, LATEST_COST_WINDOW_MS, progress)
    console.log('\n')
    printLatest(latest)
    await measureSlotsPart(azurite)
    console.log(`\nTook ${((Date.now() - began) / 1000).toFixed(1)}s.`)
  } catch (err) {
    console.error(`\nThe bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exitCode = 1
  } finally {
    completeAllJobs()
    await azurite?.stop()
  }
}

async function bench(): Promise<void> {
  const began = Date.now()
  console.log(`azure-mutex-action bench: Node ${process.version}, nproc ${execFileSync('nproc').toString().trim()}`)
  console.log('Note: this machine is shared with other work, so these numbers are indicative, not exact.')
  let azurite: Azurite | undefined
  try {
    azurite = await startAzurite()
    console.log(`Azurite (in memory, loopback) on port ${azurite.port}; lease 15s; every step is a fresh node process.`)
    // npm run bench -- --only holds: only the holds part.
    const only = process.argv.indexOf('--only')
    if (only >= 0 && process.argv[only + 1] === 'holds') {
      await measureHoldsPart(azurite, HOLD_RUNS, printRow)
      return
    }

    process.stdout.write('\nwarm-up (1 run, not counted) ')
    await uncontended(azurite, 1, 'warmup')
    process.stdout.write(`\nuncontended: ${N} jobs, each on a fresh lock: main, post `)
    const solo = await uncontended(azurite, N, 'run')
    process.stdout.write(`\nlease grant: ${N} pairs of jobs, each followed by a baseline pair; the waiter is waiting `)
    const pass = await handoffs(azurite, N)
    process.stdout.write(`\nhandoff: ${HANDOFFS} pairs of jobs and ${HANDOFFS} of the baseline, alternating `)
    const queueHandoffs = await measureHandoffs(azurite, HANDOFFS, progress)
    process.stdout.write(`\nqueue cost: a holder holds, three jobs wait ${QUEUE_COST_WINDOW_MS / 1000}s `)
    const queueCost = await measureQueueCost(azurite, QUEUE_COST_WINDOW_MS)
    process.stdout.write(`\nhandover: ${HANDOFFS} pairs of jobs and ${HANDOFFS} of the prototype, alternating `)
    const handovers = await measureHandover(azurite, HANDOFFS, progress)
    process.stdout.write(`\nworker deaths: ${WORKER_RUNS} jobs whose runner worker is killed while they hold the lock `)
    const orphaned = await workerDeaths(azurite, WORKER_RUNS)
    process.stdout.write(`\nmain step beside the minimal prototype: ${N} runs each, interleaved `)
    const beside = await mainBesidePrototype(azurite, N)
    const starts = renewerStarts(N)
    process.stdout.write(`\nrenewer footprint: one job holding a 60 s lease for ${FOOTPRINT_MS / 1000} s `)
    const footprint = await renewerFootprint(azurite, FOOTPRINT_MS)
    process.stdout.write(`\nlatest wins: ${LATEST_RUNS} rounds of superseding, solo mains, waiter costs `)
    const latest = await measureLatest(azurite, LATEST_RUNS, LATEST_COST_WINDOW_MS, progress)
    console.log('\n')

    console.log('Step wall time, process start to exit (ms):')
    printRow('main step, uncontended', solo.main, 'ms')
    printRow('post step', solo.post, 'ms')
    printQueue(queueHandoffs, queueCost)
    printHandover(handovers, queueCost)
    console.log("Lease grant: storage answers the holder's release -> the waiter's acquired-at (ms):")
    printRow(
      'action',
      pass.action.map((h) => h.grant),
      'ms',
    )
    printRow(
      'baseline: an SDK loop, 250 ms polls',
      pass.baseline.map((h) => h.grant),
      'ms',
    )
    printRatio(
      'action / baseline',
      pass.action.map((h) => h.grant),
      pass.baseline.map((h) => h.grant),
    )
    console.log('Lock free after the runner worker dies (the renewer looks every sixth of the lease: 2.5 s here) (ms):')
    printRow('worker killed -> lease available', orphaned, 'ms')
    console.log('Renewer memory right after main returns (its first renewal done):')
    printRow('renewer VmRSS', solo.rss, 'MiB', 1)
    console.log(`Renewer holding a 60 s lease for ${FOOTPRINT_MS / 1000} s (aim: <= 60 MiB, <= 1 CPU-s an hour):`)
    console.log(`  CPU                                ${footprint.cpuSecondsPerHour.toFixed(2)} CPU-s per hour held`)
    console.log(`  VmRSS                              ${footprint.rss.toFixed(1)} MiB`)
    console.log('Main step beside the minimal prototype (SDK lease, detached child, exit), interleaved (ms):')
    printRow('main step, fresh lock each time', beside.main, 'ms')
    printRow('prototype', beside.prototype, 'ms')
    printRatio('main / prototype', beside.main, beside.prototype, 'the prototype')
    console.log('  target (issue 11)                  <= 1.3x')
    printRow('renewer start (load its bundle)', starts, 'ms')
    await measureHoldsPart(azurite, HOLD_RUNS, printRow)
    printLatest(latest)
    await measureSlotsPart(azurite)
    console.log(`\nTook ${((Date.now() - began) / 1000).toFixed(1)}s.`)
  } catch (err) {
    console.error(`\nThe bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exitCode = 1
  } finally {
    completeAllJobs()
    await azurite?.stop()
  }
}

// npm run bench -- --only latest|handover|beside|holds|slots: one part alone (bench() runs the holds part alone).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
if (only === 'holds') await bench()
else if (only === 'latest') await benchLatestOnly()
else if (only === 'handover') await benchHandover()
else if (only === 'beside') await benchBeside()
else if (only === 'slots') await benchSlots()
else if (only !== undefined) throw new Error(`--only: expected latest, handover, beside, holds or slots, not ${only}`)
else await bench()

/** Prints the size of the built dist/ that every job downloads: all its files, licenses.txt aside. */
function printDistSize(): void {
  // Loaded here, so that this function stays apart from the rest of the file.
  const { readdirSync, statSync } = process.getBuiltinModule('node:fs')
  const { join } = process.getBuiltinModule('node:path')
  let bytes = 0
  let files = 0
  for (const entry of readdirSync(new URL('../dist/', import.meta.url), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'licenses.txt') continue
    bytes += statSync(join(entry.parentPath, entry.name)).size
    files++
  }
  console.log(`dist/: ${(bytes / 2 ** 20).toFixed(2)} MiB in ${files} files (licenses.txt aside).`)
}

printDistSize()
