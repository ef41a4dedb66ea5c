// The soak's phase with supersede keys (latest wins), called by soak.ts.
//
// `loops` job loops run jobs back to back on ONE lock, each job with one of
// `keys` supersede keys (taken in turn) and a sequence from one counter at the
// job's start, as GitHub hands out run ids. A job that gets the lock holds it
// for a short protected step, then post; the others end superseded or stale.
// At the end: every job is served, superseded or stale (none failed, timed out
// or was left waiting), holds never overlap, and per key the sequences that
// held never go down (an older run never deploys after a newer one), and the
// newest job of each key was served.

import type { Azurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import type { StepResult } from '../test/support/runner.ts'
import { describePair, sweep, type Span } from '../test/support/spans.ts'

export interface KeyedOptions {
  jobs: number
  loops: number
  keys: number
  /** Stops the loops early (the soak's SIGINT). */
  stopping: () => boolean
}

interface Ran {
  key: string
  sequence: number
  outcome: string
  /** For a served job: its hold, from main's exit to post's start. */
  span?: Span
  problem?: string
}

const LOCK = 'soak-keyed'
const CRITICAL = 'setTimeout(() => {}, 20)'

function problemOf(what: string, result: StepResult): string | undefined {
  if (result.exitCode === 0 && result.errors.length === 0) return undefined
  return `${what} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join(' | ') || result.stderr.trim().split('\n').slice(-2).join(' | ')}`
}

/** Runs the phase and prints its summary; returns its number of problems. */
export async function keyedPhase(azurite: Azurite, options: KeyedOptions): Promise<number> {
  const ran: Ran[] = []
  let started = 0
  let sequence = 1_000
  const begun = Date.now()
  const loop = async (index: number): Promise<void> => {
    while (!options.stopping() && started < options.jobs) {
      const n = started++
      const key = `soak/key-${n % options.keys}`
      const seq = ++sequence
      const job = jobFor(
        azurite,
        `soak-keyed-${String(index).padStart(2, '0')}/service`,
        LOCK,
        { 'supersede-key': key, sequence: String(seq), timeout: '10m' },
        { workflow: 'soak-keyed' },
      )
      try {
        const main = await job.runMain()
        const outcome = main.outputs.outcome ?? '(none)'
        const entry: Ran = { key, sequence: seq, outcome, problem: problemOf(`job ${seq} main`, main) }
        if (outcome === 'acquired' && !entry.problem) {
          const step = await job.runScript(CRITICAL)
          entry.problem = problemOf(`job ${seq} protected step`, step)
          const post = await job.runPost()
          entry.problem ??= problemOf(`job ${seq} post`, post)
          entry.span = { who: `${key}#${seq}`, enter: main.endedAt, exit: post.startedAt }
        } else {
          entry.problem ??= problemOf(`job ${seq} post`, await job.runPost())
        }
        ran.push(entry)
      } catch (err) {
        ran.push({ key, sequence: seq, outcome: 'broke', problem: `job ${seq} broke: ${String(err)}` })
      } finally {
        job.complete()
      }
    }
  }
  await Promise.all(Array.from({ length: options.loops }, (_, i) => loop(i + 1)))

  const count = (outcome: string): number => ran.filter((r) => r.outcome === outcome).length
  const spans = ran.flatMap((r) => (r.span ? [r.span] : []))
  const { overlaps } = sweep(spans)
  // Per key, in the order they held: the sequences must never go down.
  const backwards: string[] = []
  const newestServed: string[] = []
  for (let k = 0; k < options.keys; k++) {
    const key = `soak/key-${k}`
    const held = ran
      .filter((r) => r.key === key && r.span)
      .sort((a, b) => a.span!.enter - b.span!.enter)
      .map((r) => r.sequence)
    for (let i = 1; i < held.length; i++) {
      if (held[i]! < held[i - 1]!) backwards.push(`${key}: ${held[i]} held after ${held[i - 1]}`)
    }
    const newest = Math.max(...ran.filter((r) => r.key === key).map((r) => r.sequence))
    if (Number.isFinite(newest) && !ran.some((r) => r.sequence === newest && r.outcome === 'acquired')) {
      newestServed.push(`${key}: the newest job, ${newest}, was not served`)
    }
  }
  const problems = ran.flatMap((r) => (r.problem ? [r.problem] : []))
  const other = ran.filter((r) => !['acquired', 'superseded', 'stale'].includes(r.outcome))
  const minutes = (Date.now() - begun) / 60_000
  console.log(
    `Keyed phase on ${LOCK}: ${options.loops} job loops, ${options.keys} supersede keys, ${minutes.toFixed(1)} min`,
  )
  console.log(`  jobs                  ${ran.length} of ${options.jobs}`)
  console.log(
    `  outcomes              acquired ${count('acquired')}, superseded ${count('superseded')}, stale ${count('stale')}, ` +
      `other ${other.length}${other.length === 0 ? ' (pass)' : ' (FAIL)'}`,
  )
  console.log(`  overlapping holds     ${overlaps.length}${overlaps.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const pair of overlaps.slice(0, 5)) console.log(`    ${describePair(pair)}`)
  console.log(
    `  older after newer     ${backwards.length}${backwards.length === 0 ? ' (pass)' : ' (FAIL)'}` +
      backwards
        .slice(0, 5)
        .map((b) => `\n    ${b}`)
        .join(''),
  )
  console.log(
    `  newest of a key left  ${newestServed.length}${newestServed.length === 0 ? ' (pass)' : ' (FAIL)'}` +
      newestServed.map((b) => `\n    ${b}`).join(''),
  )
  console.log(`  failed steps          ${problems.length}${problems.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const p of problems.slice(0, 10)) console.log(`    ${p}`)
  const short = ran.length === options.jobs ? 0 : 1
  return overlaps.length + backwards.length + newestServed.length + problems.length + other.length + short
}
