// npm run demo: three workflow runs from different repositories contend for the
// lock production-deploy on a private Azurite. Each run is the built action's
// main step, a "deploy" step of a few seconds, and the post step, run the way
// the GitHub runner runs them. Prints a timeline, a summary, and whether any two
// holds overlapped (exit code 1 if they did, or if any step failed).

import { setTimeout as delay } from 'node:timers/promises'
import { readStatusFile } from '../src/renewer/status.ts'
import { startAzurite, type Azurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import { completeAllJobs, type StepResult } from '../test/support/runner.ts'

const LOCK = 'production-deploy'
const LEASE_SECONDS = '15'
/** A safety net: a run that cannot get the lock in this time fails instead of hanging the demo. */
const WAIT_LIMIT = '45s'
const RUNS = [
  { repository: 'octo-org/payments-api', startAfterMs: 0, deployMs: 3_000 },
  { repository: 'octo-org/web-frontend', startAfterMs: 200, deployMs: 2_200 },
  { repository: 'platform/terraform-live', startAfterMs: 400, deployMs: 3_600 },
]
const NAME_WIDTH = Math.max(...RUNS.map((r) => r.repository.length)) + 2
/** Lines are printed this long after the time they carry, so that ones learned a little late still come in order. */
const PRINT_LAG_MS = 1_000

let t0 = Date.now()
const rel = (at: number): string => `+${((at - t0) / 1000).toFixed(2)}s`
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)}s`
const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`

interface Entry {
  at: number
  who: string
  text: string
  details: string[]
}

/** Timeline lines, printed in time order shortly after they happen. */
class Timeline {
  private pending: Entry[] = []
  private timer: NodeJS.Timeout | undefined

  start(): void {
    this.timer = setInterval(() => this.flush(Date.now() - PRINT_LAG_MS), 100)
  }

  add(at: number, who: string, text: string, details: string[] = []): void {
    this.pending.push({ at, who, text, details })
  }

  flush(upTo = Infinity): void {
    this.pending.sort((a, b) => a.at - b.at)
    while (this.pending.length > 0 && this.pending[0]!.at <= upTo) {
      const { at, who, text, details } = this.pending.shift()!
      console.log(`${rel(at).padStart(7)}  ${who.padEnd(NAME_WIDTH)}${text}`)
      for (const line of details) console.log(`${' '.repeat(11)}${line}`)
    }
  }

  stop(): void {
    clearInterval(this.timer)
    this.flush()
  }
}

interface RunRecord {
  repository: string
  startedAt: number
  acquiredAt?: number
  waitedSeconds?: string
  releasedAt?: number
  /**
   * The hold as this job saw it, on this process's clock: from its main step's exit (holding) to its post
   * step's start. Every step between ran under the lock. The lease itself passes to the next job during
   * post (handed over, or released), so post's own end is not part of the hold.
   */
  held?: { from: number; to: number }
  deploy?: { from: number; to: number }
  failures: string[]
}

/** The main step's own log, as short notes: who it waited for, from its "held by" lines. */
function waitNotes(main: StepResult): string[] {
  const notes: string[] = []
  for (const line of main.lines) {
    const kind = /^The lock is now held by/.test(line)
      ? 'now held by'
      : /^The lock is held by/.test(line)
        ? 'waits: held by'
        : /^(Still waiting after \S+; )?\d+(st|nd|rd|th) in line for /.test(line)
          ? 'place'
          : /^Created the/.test(line)
            ? 'created'
            : undefined
    if (!kind) continue
    if (kind === 'created' || kind === 'place') {
      notes.push(`main log: ${line}`)
      continue
    }
    const holder = /held by (\S+) workflow "[^"]*" run (\d+)/.exec(line)
    const since = /since (\d{4}-\d\d-\d\dT\S+Z)/.exec(line)
    const waited = /\(waited ([^)]+)\)/.exec(line)
    const who = holder
      ? `${holder[1]} run ${holder[2]}`
      : /an unknown holder/.test(line)
        ? 'an unknown holder (no holder record on the blob)'
        : '?'
    const when = since ? ` since ${rel(Date.parse(since[1]!))}` : ''
    const after = waited ? `after ${waited[1]} waiting: ` : ''
    notes.push(`main log: ${after}${kind} ${who}${when}`)
  }
  return notes
}

function stepProblems(step: string, result: StepResult): string[] {
  if (result.exitCode === 0 && result.errors.length === 0) return []
  const how = result.exitCode === 0 ? 'reported errors' : `failed (exit ${result.exitCode ?? result.signal})`
  return [`${step} step ${how}${result.errors.map((e) => `: ${e}`).join('')}`]
}

async function simulateRun(
  azurite: Azurite,
  timeline: Timeline,
  run: (typeof RUNS)[number],
  runId: number,
): Promise<RunRecord> {
  await delay(run.startAfterMs)
  const who = run.repository
  const job = jobFor(
    azurite,
    who,
    LOCK,
    { 'lease-duration': LEASE_SECONDS, timeout: WAIT_LIMIT },
    { runId: String(runId), workflow: 'deploy' },
  )
  const record: RunRecord = { repository: who, startedAt: Date.now(), failures: [] }
  timeline.add(record.startedAt, who, `starts; main step takes lock ${LOCK}`)
  try {
    const main = await job.runMain()
    const mainEnded = Date.now()
    const notes = [...waitNotes(main), ...main.warnings.map((w) => `main warning: ${w}`)]
    record.failures.push(...stepProblems('main', main))
    const acquired = main.outputs['acquired-at']
    if (main.exitCode === 0 && acquired) {
      record.acquiredAt = Date.parse(acquired)
      record.waitedSeconds = main.outputs['waited-seconds']
      timeline.add(record.acquiredAt, who, `holds the lock (waited ${record.waitedSeconds}s)`, notes)

      const from = Date.now()
      timeline.add(from, who, `deploy step starts (${secs(run.deployMs)})`)
      const deploy = await job.runScript('setTimeout(() => {}, Number(process.env.DEPLOY_MS))', {
        DEPLOY_MS: String(run.deployMs),
      })
      record.deploy = { from, to: Date.now() }
      timeline.add(record.deploy.to, who, 'deploy step done')
      record.failures.push(...stepProblems('deploy', deploy))
    } else {
      timeline.add(Date.now(), who, 'main step FAILED', [...notes, ...main.errors.map((e) => `error: ${e}`)])
    }

    if (record.acquiredAt !== undefined) record.held = { from: mainEnded, to: Date.now() }
    const post = await job.runPost()
    record.failures.push(...stepProblems('post', post))
    for (const warning of post.warnings) timeline.add(Date.now(), who, `post warning: ${warning}`)
    // The renewer's status file lives in the job's temp folder, which complete() removes: read it first.
    const statusFile = job.state['renewer-status-file']
    const status = statusFile ? readStatusFile(statusFile) : undefined
    if (status?.released?.at) {
      record.releasedAt = Date.parse(status.released.at)
      const held =
        record.acquiredAt === undefined ? '' : ` after holding it ${secs(record.releasedAt - record.acquiredAt)}`
      // The renewer tells this time on the storage service's clock, rounded up (1 s resolution): it may show after
      // the next job already holds, since post hands the lease over as it starts.
      timeline.add(record.releasedAt, who, `released the lock${held} (service clock, rounded up)`)
    } else if (record.acquiredAt !== undefined) {
      record.failures.push(
        `the renewer did not report a release (state ${status?.phase ?? 'unknown'}: ${status?.error ?? 'no reason'})`,
      )
      timeline.add(Date.now(), who, `post done, but the renewer reports ${status?.phase ?? 'nothing'}`)
    }
  } catch (err) {
    record.failures.push(`the run broke: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    job.complete()
  }
  return record
}

function overlaps(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from < b.to && b.from < a.to
}

function printSummary(records: RunRecord[]): boolean {
  const held = records.filter((r) => r.held !== undefined).sort((a, b) => a.held!.from - b.held!.from) as Array<
    RunRecord & { held: { from: number; to: number } }
  >
  console.log('')
  console.log('Summary (in the order the lock was taken; times relative to the first start)')
  const header = ['repository'.padEnd(NAME_WIDTH), '   holds', '   until', '  waited', '    held', '     handoff']
  console.log(header.join('  '))
  console.log('-'.repeat(header.join('  ').length))
  held.forEach((r, i) => {
    const prev = held[i - 1]
    const handoff = prev === undefined ? '-' : secs(r.held.from - prev.held.to)
    console.log(
      [
        r.repository.padEnd(NAME_WIDTH),
        rel(r.held.from).padStart(8),
        rel(r.held.to).padStart(8),
        `${r.waitedSeconds}s`.padStart(8),
        secs(r.held.to - r.held.from).padStart(8),
        handoff.padStart(12),
      ].join('  '),
    )
  })
  for (const r of records.filter((r) => r.held === undefined)) {
    console.log(`${r.repository.padEnd(NAME_WIDTH)}  never held the lock`)
  }
  console.log(
    "(holds: its main step ended holding the lock; until: its post step started; handoff: from the previous run's post start to this run holding)",
  )

  const holds = held.map((r) => ({ who: r.repository, ...r.held }))
  const deploys = records.flatMap((r) => (r.deploy ? [{ who: r.repository, ...r.deploy }] : []))
  const clashes: string[] = []
  for (const [what, spans] of [
    ['holds', holds],
    ['deploy steps', deploys],
  ] as const) {
    spans.forEach((a, i) =>
      spans.slice(i + 1).forEach((b) => {
        if (overlaps(a, b)) clashes.push(`${what} of ${a.who} and ${b.who} overlapped`)
      }),
    )
  }
  console.log('')
  if (clashes.length > 0) {
    console.log(`Verdict: OVERLAP. ${clashes.join('; ')}.`)
  } else {
    console.log(
      `Verdict: no two holds overlapped (${count(holds.length, 'hold')}, ${count(deploys.length, 'deploy step')}, one at a time).`,
    )
  }
  const failures = records.flatMap((r) => r.failures.map((f) => `${r.repository}: ${f}`))
  for (const failure of failures) console.log(`FAILED ${failure}`)
  return clashes.length === 0 && failures.length === 0 && held.length === RUNS.length
}

async function demo(): Promise<void> {
  const timeline = new Timeline()
  let azurite: Azurite | undefined
  try {
    const started = Date.now()
    azurite = await startAzurite()
    console.log(`Azurite (in memory) listens on port ${azurite.port}; it started in ${secs(Date.now() - started)}.`)
    console.log(
      `${RUNS.length} runs contend for lock locks/${LOCK} (lease ${LEASE_SECONDS}s), each: main, deploy, post.`,
    )
    console.log('Lines print about a second after the time they show; "main log:" lines are from that main step.')
    console.log('')
    t0 = Date.now()
    timeline.start()
    const az = azurite
    const records = await Promise.all(RUNS.map((run, i) => simulateRun(az, timeline, run, 4711 + i)))
    timeline.stop()
    if (!printSummary(records)) process.exitCode = 1
    console.log(`Done in ${secs(Date.now() - started)}.`)
  } catch (err) {
    timeline.stop()
    console.error(`The demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exitCode = 1
  } finally {
    completeAllJobs()
    await azurite?.stop()
  }
}

await demo()
