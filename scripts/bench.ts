// npm run bench: how long the built action's steps take against a private
// Azurite, how quickly a waiting job gets the lock after the holder lets go,
// and how much memory the detached renewer uses. Prints numbers, not verdicts.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { readStatusFile } from '../src/renewer/status.ts'
import { startAzurite, type Azurite } from '../test/support/azurite.ts'
import { jobFor, renewerPid } from '../test/support/e2e.ts'
import { completeAllJobs, type Job, type StepResult } from '../test/support/runner.ts'
import { measureHandoffs, measureQueueCost } from './bench-queue.ts'

const N = 15
/** How long the waiter gets to be waiting before the holder's post step runs. */
const WAITER_HEAD_START_MS = 1_500
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

function releasedAt(job: Job): number {
  const status = readStatusFile(job.state['renewer-status-file'] ?? '')
  if (!status?.released?.at)
    throw new Error(`the renewer did not report a release (${status?.phase}: ${status?.error})`)
  return Date.parse(status.released.at)
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

async function handoffs(azurite: Azurite, runs: number) {
  const handoff: number[] = []
  let waited = 0
  for (let i = 0; i < runs; i++) {
    const lock = `handoff-${i}`
    const holder = jobFor(azurite, 'bench/holder', lock, INPUTS)
    const waiter = jobFor(azurite, 'bench/waiter', lock, INPUTS)
    try {
      mustSucceed('holder main', await holder.runMain())
      const waiting = waiter.runMain()
      await delay(WAITER_HEAD_START_MS)
      mustSucceed('holder post', await holder.runPost())
      const released = releasedAt(holder) // before complete(), which removes the status file
      holder.complete()
      const main = mustSucceed('waiter main', await waiting)
      if (main.lines.some((l) => l.startsWith('The lock is held by'))) waited++
      handoff.push(Date.parse(main.outputs['acquired-at']!) - released)
      mustSucceed('waiter post', await waiter.runPost())
    } finally {
      holder.complete()
      waiter.complete()
    }
    progress()
  }
  return { handoff, waited }
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

async function bench(): Promise<void> {
  const began = Date.now()
  console.log(`azure-mutex-action bench: Node ${process.version}, nproc ${execFileSync('nproc').toString().trim()}`)
  console.log('Note: this machine is shared with other work, so these numbers are indicative, not exact.')
  let azurite: Azurite | undefined
  try {
    azurite = await startAzurite()
    console.log(`Azurite (in memory, loopback) on port ${azurite.port}; lease 15s; every step is a fresh node process.`)

    process.stdout.write('\nwarm-up (1 run, not counted) ')
    await uncontended(azurite, 1, 'warmup')
    process.stdout.write(`\nuncontended: ${N} jobs, each on a fresh lock: main, post `)
    const solo = await uncontended(azurite, N, 'run')
    process.stdout.write(
      `\nhandoff: ${N} pairs, the waiter waits ${WAITER_HEAD_START_MS / 1000}s, then the holder's post runs `,
    )
    const pass = await handoffs(azurite, N)
    process.stdout.write(`\nqueue handoff: ${N} pairs of jobs and ${N} of the baseline, alternating `)
    const queueHandoffs = await measureHandoffs(azurite, N, progress)
    process.stdout.write(`\nqueue cost: a holder holds, three jobs wait ${QUEUE_COST_WINDOW_MS / 1000}s `)
    const queueCost = await measureQueueCost(azurite, QUEUE_COST_WINDOW_MS)
    console.log('\n')

    console.log('Step wall time, process start to exit (ms):')
    printRow('main step, uncontended', solo.main, 'ms')
    printRow('post step', solo.post, 'ms')
    console.log('Handoff, holder released (renewer) -> waiter acquired-at (ms):')
    printRow('handoff', pass.handoff, 'ms')
    if (pass.waited !== N) console.log(`  (only ${pass.waited} of ${N} waiters logged that they were waiting)`)
    printQueue(queueHandoffs, queueCost)
    console.log('Renewer memory right after main returns (its first renewal done):')
    printRow('renewer VmRSS', solo.rss, 'MiB', 1)
    console.log(`\nTook ${((Date.now() - began) / 1000).toFixed(1)}s.`)
  } catch (err) {
    console.error(`\nThe bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exitCode = 1
  } finally {
    completeAllJobs()
    await azurite?.stop()
  }
}

await bench()

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
