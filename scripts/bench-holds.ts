// The holds part of npm run bench (npm run bench -- --only holds runs it alone):
// how soon the first waiter gets the lock once a freeze reaches its end,
// against how soon it gets it once a job releases (the baseline, measured in
// the same run, on the same Azurite), and how long job 2 of a 'scope: run'
// workflow run takes to get the lock it takes over, against a job that finds
// the lock free.

import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import type { Azurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import type { Job, StepResult } from '../test/support/runner.ts'

export interface HoldsBench {
  /** A freeze's held-until -> the waiter's acquired-at (ms). */
  holdEnd: number[]
  /** A holder's post step ends (it released) -> the waiter's acquired-at (ms). */
  release: number[]
  /** Main step wall time of job 2 of a run, which takes over the run's hold (ms). */
  takeOver: number[]
  /** Main step wall time of a job that finds the lock free (ms). */
  free: number[]
}

/** How long a freeze lasts in each sample: long enough that the waiter is in line before its end. */
const FREEZE = '6s'

/** How long a waiter is given to start and join the queue. */
const IN_LINE_MS = 3_000

function must(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0 || result.errors.length > 0) {
    throw new Error(`${step} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join('; ')}`)
  }
  return result
}

/** Starts a waiter's main step and returns once it has had time to get in line; `done` is its result to come. */
async function queuedWaiter(job: Job): Promise<{ done: Promise<StepResult> }> {
  const done = job.runMain()
  await delay(IN_LINE_MS)
  return { done }
}

export async function measureHolds(azurite: Azurite, runs: number, progress: () => void): Promise<HoldsBench> {
  const result: HoldsBench = { holdEnd: [], release: [], takeOver: [], free: [] }
  for (let i = 0; i < runs; i++) {
    // A freeze, and a job in line behind it.
    const frozen = `bench-freeze-${randomUUID().slice(0, 6)}`
    const ops = jobFor(azurite, 'bench/ops', frozen)
    const hold = must('hold', await ops.runAction('hold', { ...ops.options.inputs, reason: 'bench', duration: FREEZE }))
    ops.complete()
    const behindHold = jobFor(azurite, 'bench/app', frozen)
    const afterHold = must('waiter', await (await queuedWaiter(behindHold)).done)
    result.holdEnd.push(Date.parse(afterHold.outputs['acquired-at']!) - Date.parse(hold.outputs['held-until']!))
    await behindHold.runPost()
    behindHold.complete()

    // The baseline: a job holds, a job waits in line, the holder's post releases.
    const plain = `bench-release-${randomUUID().slice(0, 6)}`
    const holder = jobFor(azurite, 'bench/holder', plain)
    must('holder main', await holder.runMain())
    const behindJob = jobFor(azurite, 'bench/app', plain)
    const waiting = await queuedWaiter(behindJob)
    const post = must('holder post', await holder.runPost())
    const afterRelease = must('waiter', await waiting.done)
    result.release.push(Date.parse(afterRelease.outputs['acquired-at']!) - post.endedAt)
    await behindJob.runPost()
    holder.complete()
    behindJob.complete()

    // A run of two jobs with 'scope: run': job 2's main takes the hold over; job 1's found the lock free.
    const runLock = `bench-run-${randomUUID().slice(0, 6)}`
    const runId = `8${i}${Date.now() % 100_000}`
    const plan = jobFor(azurite, 'bench/pipeline', runLock, { scope: 'run' }, { runId, job: 'plan' })
    const first = must('plan main', await plan.runMain())
    result.free.push(first.durationMs)
    must('plan post', await plan.runPost())
    plan.complete()
    const apply = jobFor(azurite, 'bench/pipeline', runLock, { scope: 'run' }, { runId, job: 'apply' })
    const second = must('apply main', await apply.runMain())
    if (second.outputs['fencing-token'] !== first.outputs['fencing-token']) throw new Error('job 2 has another token')
    result.takeOver.push(second.durationMs)
    must('apply release', await apply.runAction('release', { 'lock-name': runLock }))
    await apply.runPost()
    apply.complete()
    progress()
  }
  return result
}

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

type PrintRow = (label: string, samples: number[], unit: string, digits?: number) => void

/** Runs the holds part and prints it, with its ratios against the baselines of the same run. */
export async function measureHoldsPart(azurite: Azurite, runs: number, printRow: PrintRow): Promise<void> {
  process.stdout.write(`\nholds: ${runs} freezes ended by the first waiter, ${runs} releases, ${runs} two-job runs `)
  const holds = await measureHolds(azurite, runs, () => process.stdout.write('.'))
  console.log('\n')
  console.log("Holds: the first waiter's acquired-at after a freeze's end, and after a job's release (ms):")
  printRow("freeze's held-until -> acquired-at", holds.holdEnd, 'ms')
  printRow("holder's post ends -> acquired-at", holds.release, 'ms')
  console.log(
    `  median ratio, hold end / release     ${(median(holds.holdEnd) / median(holds.release)).toFixed(2)}x ` +
      '(a hold end is told by the service clock, of 1 s resolution)',
  )
  console.log('scope: run, main step wall time (ms):')
  printRow('job 2, takes over the run hold', holds.takeOver, 'ms')
  printRow('job 1, on a free lock', holds.free, 'ms')
  console.log(`  median ratio, take-over / free lock  ${(median(holds.takeOver) / median(holds.free)).toFixed(2)}x`)
}
