// npm run soak [-- --cycles 1000 --contenders 20 --cli-contenders 2 --hold-minutes 10]
//              [-- --keyed-jobs 200 --keys 3] [-- --priority-jobs 200]
//              [-- --only keyed|slots|priority|wipe|proxied] [-- --fault-rate 0.1]
//              [-- --wipe-every 4]: a long
// soak of the built action against a private Azurite. Not part of npm test.
//
// 1. Contention, twice: `contenders` job loops, each a different repository, run
//    jobs back to back on ONE lock (main, a short protected run step, post),
//    while two foreign clients take the same blob's lease directly with the SDK,
//    as go-azuremutex or the az CLI would (no holder record). Each phase stops
//    after `cycles` holds in all. The first phase reaches storage directly; in
//    the second the jobs' main, renewer and post go through a fault proxy that
//    answers 10 % of requests 503 ServerBusy (the foreign clients stay direct;
//    `--fault-rate` sets the share). `--only proxied` runs this phase alone.
//    Each hold is recorded by the loop that runs it, as a span over the whole
//    hold: for a job, from its main step's exit to its post step's start (every
//    step between them ran under the lock); for a foreign client, from its
//    acquire's answer to its release call.
//    A third phase (direct) mixes in workflow runs of two jobs with `scope: run`:
//    every other loop runs job 1 (its post keeps the lock as a hold of the run),
//    then job 2 of the same run (it takes the hold over without queueing, with
//    the same fencing token, and its release step ends it). A run's span covers
//    both jobs: from job 1's main exit to job 2's release step. Every other run
//    ends its hold instead from a clean-up job that never took the lock (release
//    with scope run), which hands the hold's lease to the head of the queue; its
//    span runs from job 1's main exit to that release step's start.
//    Beside them, `cli-contenders` loops run `azure-mutex hold` (the built
//    dist-cli/) on the same lock, through the same connection string, each hold a
//    span from its command's start to its end (the command prints both times).
// 2. Hold: meanwhile one job holds a different lock for `hold-minutes` through a
//    proxy that answers 10 % of requests 503 ServerBusy; its renewer's memory and
//    CPU are sampled every second from /proc.
// 3. Keys (soak-keyed.ts): `contenders` job loops run `keyed-jobs` jobs on one
//    lock with `keys` supersede keys and rising sequences: every job must be
//    served, superseded or stale, with no overlap, and per key no older run
//    holding after a newer one. `--only keyed` runs this phase alone.
// 4. Slots (soak-slots.ts): `contenders` job loops run `keyed-jobs` jobs with
//    'slots: 3' on one lock beside a foreign client on the lock blob: never more
//    than 3 holders at once, no lease lost. `--only slots` runs this phase alone.
// 5. Priority (soak-priority.ts): `contenders` job loops run `priority-jobs` jobs
//    on one lock, every 4th with 'priority: high': every job served, no overlap,
//    no high-priority job served after a later normal one, and ticket order
//    within each priority. `--only priority` runs this phase alone.
// 6. Wipe (soak-wipe.ts): `contenders` job loops run `keyed-jobs` keyed jobs on
//    one lock (every fifth a re-run of an old run of its key) and as many loops
//    `keyed-jobs` jobs with 'slots: 3' on another, beside a loop of jobs that
//    ask for one slot, while every `wipe-every` seconds (0.5 to 1.5 times that)
//    every blob of both locks' .azure-mutex/ folders that a delete without a
//    lease takes is deleted: no overlap, no stale deploy, never more than 3
//    holders, no one-slot job holding. `--only wipe` runs this phase alone.
// At the end: overlapping pairs of holds (must be none), touching pairs (an end
// and a start in the same millisecond, listed: a handoff takes at least one
// request, so one is a failure too), the gaps between holds, lost leases, failed
// steps, jobs served against the order of their queue tickets (read from each
// job's holder record while it holds the lock), and turns a foreign client took
// while a job was queued, each with what the job before it said as it let go
// (from its renewer's log) and when the ticket it handed to took the lock.
// Exit code 1 on any of them.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { BlobServiceClient, type BlobClient } from '@azure/storage-blob'
import type { RenewerReport } from '../src/renewer/lifecycle.ts'
import { readStatusFile } from '../src/renewer/status.ts'
import { startAzurite, type Azurite } from '../test/support/azurite.ts'
import { jobFor, renewerPid } from '../test/support/e2e.ts'
import { FaultProxy } from '../test/support/fault-proxy.ts'
import { completeAllJobs, type Job, type StepResult } from '../test/support/runner.ts'
import { runCli } from '../test/support/cli.ts'
import { describePair, sweep, type Span } from '../test/support/spans.ts'
import { describeFairness, describeTicketOrder, fairness, type Turn } from './fairness.ts'
import { keyedPhase } from './soak-keyed.ts'
import { slotsPhase } from './soak-slots.ts'
import { priorityPhase } from './soak-priority.ts'
import { wipePhase } from './soak-wipe.ts'

const LOCK = 'soak-contended'
const PROXIED_LOCK = 'soak-contended-proxied'
const HOLD_LOCK = 'soak-hold'
const HOLDS_LOCK = 'soak-contended-runs'
const INPUTS = { 'lease-duration': '15', timeout: '10m' }
const FOREIGN_CLIENTS = 2
/** In the priority phase, every this many jobs started, one waits with 'priority: high'. */
const PRIORITY_HIGH_EVERY = 4
const FOREIGN_LEASE_SECONDS = 15
/** Pause after a 409 LeaseAlreadyPresent before a foreign client tries again. */
const FOREIGN_RETRY_MS = [50, 250] as const
/** Pause between a foreign client's holds (its other work), so it does not re-take the lease it just let go. */
const FOREIGN_IDLE_MS = [250, 1_000] as const
const CRITICAL_MS = 20
const PROGRESS_EVERY_MS = 30_000
const LOST = /was lost/

/** The protected step between main and post: a node process that works for CRITICAL_MS. */
const CRITICAL = `setTimeout(() => {}, ${CRITICAL_MS})`

// ---------------------------------------------------------------- arguments

/** The phases `--only` may name. */
const ONLY = ['keyed', 'slots', 'priority', 'wipe', 'proxied']

function parseOptions(): {
  cycles: number
  contenders: number
  cliContenders: number
  holdMinutes: number
  keyedJobs: number
  keys: number
  onlyKeyed: boolean
  /** --only slots: the slots phase alone (soak-slots.ts), with `keyed-jobs` jobs over `contenders` loops. */
  onlySlots: boolean
  priorityJobs: number
  onlyPriority: boolean
  /** --only wipe: the phase that deletes the locks' .azure-mutex/ folders while jobs queue (soak-wipe.ts). */
  onlyWipe: boolean
  /** The mean pause between two deletions of the folders in the wipe phase, in seconds. */
  wipeEverySeconds: number
  /** --only proxied: the contention phase through the fault proxy alone, without the hold test. */
  onlyProxied: boolean
  /** The share of requests (0..1) the fault proxies answer 503. */
  faultRate: number
} {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '1000' },
      contenders: { type: 'string', default: '20' },
      'cli-contenders': { type: 'string', default: '2' },
      'hold-minutes': { type: 'string', default: '10' },
      'keyed-jobs': { type: 'string', default: '200' },
      keys: { type: 'string', default: '3' },
      'priority-jobs': { type: 'string', default: '200' },
      'wipe-every': { type: 'string', default: '4' },
      only: { type: 'string' },
      'fault-rate': { type: 'string', default: '0.1' },
    },
    strict: true,
  })
  const positive = (name: string, text: string, integer: boolean): number => {
    const n = Number(text)
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
      throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, not '${text}'`)
    }
    return n
  }
  if (values.only !== undefined && !ONLY.includes(values.only)) {
    throw new Error(`--only must be one of ${ONLY.join(', ')}, not '${values.only}'`)
  }
  const faultRate = positive('fault-rate', values['fault-rate'], false)
  if (faultRate >= 1) throw new Error(`--fault-rate must be below 1, not '${values['fault-rate']}'`)
  return {
    cycles: positive('cycles', values.cycles, true),
    contenders: positive('contenders', values.contenders, true),
    cliContenders: values['cli-contenders'] === '0' ? 0 : positive('cli-contenders', values['cli-contenders'], true),
    holdMinutes: positive('hold-minutes', values['hold-minutes'], false),
    keyedJobs: positive('keyed-jobs', values['keyed-jobs'], true),
    keys: positive('keys', values.keys, true),
    onlyKeyed: values.only === 'keyed',
    onlySlots: values.only === 'slots',
    priorityJobs: positive('priority-jobs', values['priority-jobs'], true),
    onlyPriority: values.only === 'priority',
    onlyWipe: values.only === 'wipe',
    wipeEverySeconds: positive('wipe-every', values['wipe-every'], false),
    onlyProxied: values.only === 'proxied',
    faultRate,
  }
}

// ---------------------------------------------------------------- helpers

const began = Date.now()
const elapsed = (): string => {
  const s = Math.round((Date.now() - began) / 1000)
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
}
const between = ([lo, hi]: readonly [number, number]): number => lo + Math.random() * (hi - lo)
const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** Quantile by linear interpolation between the closest ranks. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

function spread(samples: number[], unit: string, digits = 0): string {
  if (samples.length === 0) return 'no samples'
  const s = [...samples].sort((a, b) => a - b)
  const f = (n: number): string => n.toFixed(digits)
  return `p50 ${f(quantile(s, 0.5))}  p95 ${f(quantile(s, 0.95))}  max ${f(s.at(-1)!)} ${unit}  (n=${s.length})`
}

/** A failed step: a non-zero exit, a signal, or an error annotation. */
function stepProblem(what: string, result: StepResult): string | undefined {
  if (result.exitCode === 0 && result.errors.length === 0) return undefined
  const how = result.exitCode === 0 ? 'reported errors' : `failed (exit ${result.exitCode ?? result.signal})`
  const detail =
    result.errors.length > 0 ? result.errors.join(' | ') : result.stderr.trim().split('\n').slice(-3).join(' | ')
  return `${what} ${how}: ${detail}`
}

// ---------------------------------------------------------------- shared state

/** One contention phase: its lock, how its jobs reach storage, and what it saw. */
interface Phase {
  name: string
  lock: string
  /** The connection string the jobs use: Azurite's, or a fault proxy's. */
  connectionString: string
  cycles: number
  claimed: number
  actionCycles: number
  foreignCycles: number
  /** Holds by `azure-mutex hold`. */
  cliCycles: number
  failures: string[]
  lost: string[]
  warnings: Map<string, number>
  waitedSeconds: number[]
  spans: Span[]
  /** Every turn at the lock, for the fairness figure. */
  turns: Turn[]
  startedAt: number
  endedAt: number | undefined
}

let stopping = false

function newPhase(name: string, lock: string, connectionString: string, cycles: number): Phase {
  return {
    name,
    lock,
    connectionString,
    cycles,
    claimed: 0,
    actionCycles: 0,
    foreignCycles: 0,
    cliCycles: 0,
    failures: [],
    lost: [],
    warnings: new Map(),
    waitedSeconds: [],
    spans: [],
    turns: [],
    startedAt: Date.now(),
    endedAt: undefined,
  }
}

/** Takes one of the phase's `cycles` tickets; false once they are all taken (or the soak is stopping). */
function claim(soak: Phase): boolean {
  if (stopping || soak.claimed >= soak.cycles) return false
  soak.claimed++
  return true
}

function noteWarnings(soak: Phase, step: string, result: StepResult): void {
  for (const warning of result.warnings) {
    // Group warnings by their text without numbers, pids and ids.
    const key = `${step}: ${warning.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\d+(\.\d+)?/g, 'N')}`
    soak.warnings.set(key, (soak.warnings.get(key) ?? 0) + 1)
  }
}

function notePost(soak: Phase, who: string, post: StepResult): void {
  const problem = stepProblem(`${who} post`, post)
  if (problem) soak.failures.push(problem)
  const lost = post.errors.filter((e) => LOST.test(e))
  if (lost.length > 0 || post.exitCode !== 0) {
    soak.lost.push(`${who}: ${lost.join(' | ') || `post exit ${post.exitCode ?? post.signal}`}`)
  }
}

// ---------------------------------------------------------------- contention

async function contender(soak: Phase, azurite: Azurite, index: number): Promise<void> {
  const repository = `soak-org-${String(index).padStart(2, '0')}/service`
  // Read directly, not through the phase's fault proxy: the job's own record says which ticket it waited with.
  const lockBlob = BlobServiceClient.fromConnectionString(azurite.connectionString)
    .getContainerClient('locks')
    .getBlobClient(soak.lock)
  while (claim(soak)) {
    const job = jobFor(
      azurite,
      repository,
      soak.lock,
      { ...INPUTS, 'connection-string': soak.connectionString },
      {
        workflow: 'soak',
      },
    )
    let ticket: number | undefined
    try {
      const arrivedAt = Date.now()
      const main = await job.runMain()
      noteWarnings(soak, 'main', main)
      const mainProblem = stepProblem(`${repository} main`, main)
      if (mainProblem) {
        soak.failures.push(mainProblem)
      } else {
        soak.waitedSeconds.push(Number(main.outputs['waited-seconds']))
        ticket = await ticketOf(lockBlob)
        const step = await job.runScript(CRITICAL)
        const stepFailed = stepProblem(`${repository} protected step`, step)
        if (stepFailed) soak.failures.push(stepFailed)
      }
      // The runner runs post whatever happened (post-if: always()).
      const post = await job.runPost()
      if (!mainProblem) {
        // The whole hold as the job sees it: every step after main and before post ran under the lock.
        soak.spans.push({ who: `${repository}#${job.options.runId}`, enter: main.endedAt, exit: post.startedAt })
        soak.actionCycles++
        const acquiredAt = Date.parse(main.outputs['acquired-at'] ?? '')
        if (acquiredAt) {
          const letGo = post.lines.find((line) => LET_GO.test(line))?.trim()
          soak.turns.push({
            who: repository,
            queued: true,
            arrivedAt,
            acquiredAt,
            releasedAt: post.startedAt,
            ticket,
            letGo,
          })
        }
      }
      noteWarnings(soak, 'post', post)
      notePost(soak, repository, post)
    } catch (err) {
      soak.failures.push(`${repository}: the job broke: ${errorText(err)}`)
    } finally {
      job.complete()
    }
  }
}

/**
 * For the holds phase: a workflow run of two jobs with 'scope: run' on the
 * phase's lock. Job 1 takes the lock in turn and its post keeps it as a hold
 * of the run; job 2 of the same run takes it over without queueing, and its
 * release step ends the hold. The whole run is one hold: from job 1's main
 * exit to job 2's release step. Plain jobs and foreign clients contend meanwhile.
 */
async function runContender(soak: Phase, azurite: Azurite, index: number): Promise<void> {
  const repository = `soak-org-${String(index).padStart(2, '0')}/pipeline`
  const inputs = { ...INPUTS, 'connection-string': soak.connectionString, scope: 'run', 'hold-for': '1m' }
  let run = 0
  while (claim(soak)) {
    const runId = `${index}${String(++run).padStart(5, '0')}`
    const plan = jobFor(azurite, repository, soak.lock, inputs, { workflow: 'soak', job: 'plan', runId })
    const apply = jobFor(azurite, repository, soak.lock, inputs, { workflow: 'soak', job: 'apply', runId })
    try {
      const first = await plan.runMain()
      const firstProblem = stepProblem(`${repository} run ${runId} plan main`, first)
      if (firstProblem) {
        soak.failures.push(firstProblem)
        notePost(soak, repository, await plan.runPost())
        continue
      }
      await plan.runScript(CRITICAL)
      const kept = await plan.runPost()
      noteWarnings(soak, 'post (run)', kept)
      if (!kept.lines.some((line) => line.startsWith('Kept lock'))) {
        soak.failures.push(`${repository} run ${runId}: post did not keep the lock for the run`)
      }
      // Every other run ends its hold from a clean-up job that never took the lock (release with scope run):
      // the hold's lease goes to the head of the queue, and the run's span ends as that step starts.
      if (run % 2 === 0) {
        const cleanup = jobFor(azurite, repository, soak.lock, inputs, { workflow: 'soak', job: 'cleanup', runId })
        try {
          const ended = await cleanup.runAction('release', { ...inputs, 'lock-name': soak.lock })
          const endProblem = stepProblem(`${repository} run ${runId} clean-up release`, ended)
          if (endProblem) soak.failures.push(endProblem)
          else if (!ended.lines.some((line) => line.startsWith("Ended this run's hold"))) {
            soak.failures.push(`${repository} run ${runId}: the clean-up job's release did not end the run's hold`)
          }
          soak.spans.push({ who: `${repository}#${runId}`, enter: first.endedAt, exit: ended.startedAt })
          soak.actionCycles++
        } finally {
          cleanup.complete()
        }
        continue
      }
      const second = await apply.runMain()
      const secondProblem = stepProblem(`${repository} run ${runId} apply main`, second)
      if (secondProblem) soak.failures.push(secondProblem)
      else if (second.outputs['fencing-token'] !== first.outputs['fencing-token']) {
        soak.failures.push(`${repository} run ${runId}: job 2 has another fencing token than job 1`)
      }
      await apply.runScript(CRITICAL)
      const released = await apply.runAction('release', { 'lock-name': soak.lock })
      const releaseProblem = stepProblem(`${repository} run ${runId} release`, released)
      if (releaseProblem) soak.failures.push(releaseProblem)
      soak.spans.push({ who: `${repository}#${runId}`, enter: first.endedAt, exit: released.startedAt })
      soak.actionCycles++
      notePost(soak, `${repository} run ${runId}`, await apply.runPost())
    } catch (err) {
      soak.failures.push(`${repository} run ${runId}: the run broke: ${errorText(err)}`)
    } finally {
      plan.complete()
      apply.complete()
    }
  }
}

/** The queue ticket in the holder record of the job that holds the lock now; undefined without one. */
async function ticketOf(blob: BlobClient): Promise<number | undefined> {
  const ticket = (await blob.getProperties()).metadata?.holder_ticket
  return ticket && /^\d{1,16}$/.test(ticket) ? Number(ticket) : undefined
}

interface StorageErrorLike {
  statusCode?: number
  code?: string
  details?: { errorCode?: string }
}

/** A client of the same lock that is not this action: a bare lease, no holder record, always direct. */
async function foreignClient(soak: Phase, azurite: Azurite, index: number): Promise<void> {
  const who = `foreign/client-${index}`
  const blob = BlobServiceClient.fromConnectionString(azurite.connectionString)
    .getContainerClient('locks')
    .getBlobClient(soak.lock)
  let errorsInARow = 0
  let holds = 0
  while (claim(soak)) {
    const lease = blob.getBlobLeaseClient() // a fresh lease id for each hold
    const arrivedAt = Date.now()
    let held = false
    while (!held && !stopping) {
      try {
        await lease.acquireLease(FOREIGN_LEASE_SECONDS)
        held = true
        errorsInARow = 0
      } catch (err) {
        const e = err as StorageErrorLike
        const code = e.details?.errorCode ?? e.code
        // Busy, or the blob is not created yet (the first action job creates it).
        const expected = code === 'LeaseAlreadyPresent' || code === 'BlobNotFound' || code === 'ContainerNotFound'
        if (!expected) {
          soak.failures.push(`${who}: acquire failed (${e.statusCode ?? '-'} ${code ?? errorText(err)})`)
          if (++errorsInARow >= 20) {
            soak.failures.push(`${who}: gave up after 20 errors in a row`)
            return
          }
        }
        await delay(between(FOREIGN_RETRY_MS))
      }
    }
    if (!held) {
      soak.claimed-- // stopping: the ticket was not used
      return
    }
    const enter = Date.now()
    await delay(CRITICAL_MS)
    soak.spans.push({ who: `${who}#${++holds}`, enter, exit: Date.now() })
    try {
      await lease.releaseLease()
    } catch (err) {
      const e = err as StorageErrorLike
      soak.failures.push(`${who}: release failed (${e.statusCode ?? '-'} ${e.details?.errorCode ?? errorText(err)})`)
    }
    soak.foreignCycles++
    soak.turns.push({ who, queued: false, arrivedAt, acquiredAt: enter, releasedAt: Date.now() })
    await delay(between(FOREIGN_IDLE_MS))
  }
}

// ---------------------------------------------------------------- hold test

interface HoldReport {
  heldMs: number
  peakRssKiB: number
  cpuTicksHeld: number
  cpuTicksTotal: number
  samples: number
  renewerDied: boolean
  status: RenewerReport | undefined
  post: StepResult | undefined
  problems: string[]
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim())

/** utime + stime of a process in clock ticks, from /proc/<pid>/stat (fields 14 and 15). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12]) // fields 14 and 15, counted from field 3
}

function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(match[1])
}

class HoldTest {
  readonly report: HoldReport = {
    heldMs: 0,
    peakRssKiB: 0,
    cpuTicksHeld: 0,
    cpuTicksTotal: 0,
    samples: 0,
    renewerDied: false,
    status: undefined,
    post: undefined,
    problems: [],
  }
  phase = 'starting'
  private readonly stop = new AbortController()
  private readonly proxy: FaultProxy
  private readonly azurite: Azurite
  private readonly holdMs: number

  constructor(azurite: Azurite, proxy: FaultProxy, holdMinutes: number) {
    this.azurite = azurite
    this.proxy = proxy
    this.holdMs = holdMinutes * 60_000
  }

  /** Cuts the hold short (SIGINT). */
  abort(): void {
    this.stop.abort()
  }

  async run(): Promise<HoldReport> {
    const r = this.report
    const job: Job = jobFor(this.azurite, 'soak-hold/service', HOLD_LOCK, {
      ...INPUTS,
      'connection-string': this.proxy.connectionString,
    })
    try {
      this.phase = 'main'
      const main = await job.runMain()
      const problem = stepProblem('hold main', main)
      if (problem) r.problems.push(problem)
      const pid = renewerPid(job)
      if (!problem && Number.isSafeInteger(pid) && pid > 1) {
        this.phase = 'holding'
        const startTicks = cpuTicks(pid)
        let lastTicks = startTicks
        const heldFrom = Date.now()
        const until = heldFrom + this.holdMs
        while (Date.now() < until && !this.stop.signal.aborted) {
          try {
            r.peakRssKiB = Math.max(r.peakRssKiB, rssKiB(pid))
            lastTicks = cpuTicks(pid)
            r.samples++
          } catch {
            r.renewerDied = true
            r.problems.push(`the renewer (pid ${pid}) was gone after ${((Date.now() - heldFrom) / 1000).toFixed(0)}s`)
            break
          }
          r.heldMs = Date.now() - heldFrom
          await delay(Math.min(1_000, Math.max(0, until - Date.now())), undefined, { signal: this.stop.signal }).catch(
            () => {},
          )
        }
        r.heldMs = Date.now() - heldFrom
        r.cpuTicksHeld = lastTicks - startTicks
        r.cpuTicksTotal = lastTicks
        r.status = readStatusFile(job.state['renewer-status-file'] ?? '')
      }
      this.phase = 'post'
      const post = await job.runPost()
      r.post = post
      const postProblem = stepProblem('hold post', post)
      if (postProblem) r.problems.push(postProblem)
      this.phase = 'done'
    } catch (err) {
      r.problems.push(`the hold job broke: ${errorText(err)}`)
      this.phase = 'broken'
    } finally {
      job.complete()
    }
    return r
  }
}

// ---------------------------------------------------------------- analysis

/** The renewer's line (in post's log) on how it let go: handover.ts, describeLetGo. */
const LET_GO =
  /handed the lease to the head of the queue \(ticket \d+\)|released the lease$|the lease was no longer ours/

const isForeign = (who: string): boolean => who.startsWith('foreign/')
const isCli = (who: string): boolean => who.startsWith('cli/')
const kindOf = (span: Span): string => (isForeign(span.who) ? 'foreign' : isCli(span.who) ? 'cli' : 'action')

/** The command that `azure-mutex hold` runs: prints when it starts and ends, working CRITICAL_MS between. */
const CLI_CRITICAL = `console.log('enter ' + Date.now()); setTimeout(() => console.log('exit ' + Date.now()), ${CRITICAL_MS})`

/** A loop of `azure-mutex hold` on the phase's lock, as a pipeline on another CI system would run it. */
async function cliContender(soak: Phase, index: number): Promise<void> {
  const who = `cli/runner-${index}`
  while (claim(soak)) {
    const arrivedAt = Date.now()
    const run = runCli(['hold', soak.lock, '--', process.execPath, '-e', CLI_CRITICAL], {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AZURE_MUTEX_CONNECTION_STRING: soak.connectionString,
      AZURE_MUTEX_LEASE_DURATION: INPUTS['lease-duration'],
      AZURE_MUTEX_TIMEOUT: INPUTS.timeout,
    })
    const { code, stdout, stderr } = await run.exited
    const enter = Number(/^enter (\d+)$/m.exec(stdout)?.[1])
    const exit = Number(/^exit (\d+)$/m.exec(stdout)?.[1])
    if (enter && exit) {
      soak.spans.push({ who: `${who}#${soak.cliCycles}`, enter, exit })
      soak.cliCycles++
      // A queued turn like a job's; its ticket is not known here, but how it let go is in its last lines.
      const letGo = stderr
        .split('\n')
        .find((line) => LET_GO.test(line) || /^Released lock |^warning: releasing lock /.test(line))
      soak.turns.push({ who, queued: true, arrivedAt, acquiredAt: enter, releasedAt: exit, letGo: letGo?.trim() })
    }
    if (code === 125) soak.lost.push(`${who}: ${/LOST lock .*/.exec(stderr)?.[0] ?? 'exit 125'}`)
    else if (code !== 0)
      soak.failures.push(`${who} hold failed (exit ${code}): ${stderr.trim().split('\n').slice(-2).join(' | ')}`)
  }
}

async function runPhase(
  phase: Phase,
  azurite: Azurite,
  contenders: number,
  cliContenders: number,
  runs = false,
): Promise<void> {
  phase.startedAt = Date.now()
  await Promise.all([
    // With runs, every other loop runs two-job workflow runs with 'scope: run' instead of single jobs.
    ...Array.from({ length: contenders }, (_, i) =>
      runs && i % 2 === 1 ? runContender(phase, azurite, i + 1) : contender(phase, azurite, i + 1),
    ),
    ...Array.from({ length: cliContenders }, (_, i) => cliContender(phase, i + 1)),
    ...Array.from({ length: FOREIGN_CLIENTS }, (_, i) => foreignClient(phase, azurite, i + 1)),
  ])
  phase.endedAt = Date.now()
}

/**
 * Why a foreign client got a turn while jobs were queued, as far as the soak
 * saw: how the job before it let go, and when the ticket it handed to (if it
 * did) took the lock.
 */
function describeTakenTurn(before: Turn, foreign: Turn, turns: Turn[]): string {
  const handedTo = /\(ticket (\d+)\)/.exec(before.letGo ?? '')?.[1]
  const heir = handedTo === undefined ? undefined : turns.find((turn) => turn.ticket === Number(handedTo))
  const heirSaid =
    handedTo === undefined
      ? ''
      : heir
        ? `; ticket ${handedTo} took the lock ${((heir.acquiredAt - before.releasedAt) / 1000).toFixed(1)} s after that post began`
        : `; no job with ticket ${handedTo} held the lock in this phase (an azure-mutex hold's ticket is not read)`
  return (
    `${foreign.who} took the lock ${foreign.acquiredAt - before.releasedAt} ms after the post of ${before.who} ` +
    `(ticket ${before.ticket ?? '-'}) began, which said: ${before.letGo ?? 'nothing of letting go'}${heirSaid}`
  )
}

/** Prints a phase's summary; returns its number of problems (overlaps, touching pairs, losses, failures). */
function reportPhase(phase: Phase, contenders: number, cliContenders: number, proxy: FaultProxy | undefined): number {
  const { overlaps, touching, gaps, malformed } = sweep(phase.spans)
  const minutes = ((phase.endedAt ?? Date.now()) - phase.startedAt) / 60_000
  const done = phase.actionCycles + phase.foreignCycles + phase.cliCycles
  const foreign = phase.spans.filter((s) => isForeign(s.who)).length
  const cli = phase.spans.filter((s) => isCli(s.who)).length
  console.log(
    `Contention on ${phase.lock}, ${phase.name}: ${contenders} job loops + ${cliContenders} azure-mutex hold loops + ${FOREIGN_CLIENTS} foreign clients, ${minutes.toFixed(1)} min`,
  )
  console.log(
    `  cycles completed      ${done} of ${phase.cycles} (action ${phase.actionCycles}, foreign ${phase.foreignCycles}, azure-mutex ${phase.cliCycles}); ` +
      `${(done / minutes).toFixed(1)} cycles/min`,
  )
  console.log(
    `  holds recorded        ${phase.spans.length} (action ${phase.spans.length - foreign - cli}, foreign ${foreign}, azure-mutex ${cli})`,
  )
  console.log(`  overlapping pairs     ${overlaps.length}${overlaps.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const pair of overlaps.slice(0, 10)) console.log(`    ${describePair(pair)}`)
  console.log(`  touching pairs        ${touching.length}${touching.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const pair of touching.slice(0, 20)) console.log(`    ${describePair(pair)}`)
  for (const span of malformed) console.log(`  malformed hold: ${span.who} ${span.enter}..${span.exit}`)
  console.log(
    `  gap between holds     ${spread(
      gaps.map((g) => g.ms),
      'ms',
    )}`,
  )
  const byKind = new Map<string, number[]>()
  for (const gap of gaps) {
    const kind = `${kindOf(gap.from)} -> ${kindOf(gap.to)}`
    byKind.set(kind, [...(byKind.get(kind) ?? []), gap.ms])
  }
  for (const [kind, ms] of [...byKind].sort()) console.log(`    ${kind.padEnd(20)}${spread(ms, 'ms')}`)
  console.log("    (action -> action: one job's post step starts -> the next job's main step exits holding the lock)")
  console.log(`  action main waited    ${spread(phase.waitedSeconds, 's', 1)}`)
  const fair = fairness(phase.turns)
  console.log(`  fairness              ${describeFairness(fair)}`)
  console.log(
    `  queue order           ${describeTicketOrder(fair)}${fair.outOfTicketOrder === 0 ? ' (pass)' : ' (FAIL)'}`,
  )
  console.log(
    `  foreign while queued  ${fair.foreignWhileQueued} turns a client that does not queue took from a job while a job ` +
      `was queued${fair.foreignWhileQueued === 0 ? ' (pass)' : ' (FAIL)'}; ${fair.foreignAfterForeignWhileQueued} more ` +
      'from another such client, which frees the lease (not judged)',
  )
  for (const { before, foreign } of fair.foreignWhileQueuedTurns.slice(0, 10)) {
    console.log(`    ${describeTakenTurn(before, foreign, phase.turns)}`)
  }
  if (proxy) {
    const injected = proxy.log.filter((l) => l.outcome === 'injected').length
    console.log(
      `  fault proxy           ${proxy.log.length} requests, ${injected} answered 503; ` +
        `renew ${proxy.count('renew')} (${proxy.count('renew', 'injected')} answered 503), ` +
        `acquire ${proxy.count('acquire')} (${proxy.count('acquire', 'injected')}), ` +
        `release ${proxy.count('release')} (${proxy.count('release', 'injected')})`,
    )
  }
  if (phase.warnings.size > 0) {
    console.log('  warnings (by text, numbers as N):')
    for (const [text, n] of [...phase.warnings].sort((a, b) => b[1] - a[1])) console.log(`    ${n} x ${text}`)
  }
  console.log(`  lost leases           ${phase.lost.length}${phase.lost.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const l of phase.lost.slice(0, 10)) console.log(`    ${l}`)
  console.log(`  failed steps, errors  ${phase.failures.length}${phase.failures.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const f of phase.failures.slice(0, 20)) console.log(`    ${f}`)
  if (phase.failures.length > 20) console.log(`    ... and ${phase.failures.length - 20} more`)
  const short = done === phase.cycles ? 0 : 1
  return (
    overlaps.length +
    touching.length +
    malformed.length +
    phase.lost.length +
    phase.failures.length +
    fair.outOfTicketOrder +
    fair.foreignWhileQueued +
    short
  )
}

/** Prints the hold test's summary; returns its number of problems (a lost lease, a failed step). */
function reportHold(held: HoldReport, holdProxy: FaultProxy, faultRate: number): number {
  const holdLost = held.post
    ? held.post.errors.some((e) => LOST.test(e)) || held.post.exitCode !== 0
    : held.problems.length > 0
  const renewTotal = holdProxy.count('renew')
  const renewInjected = holdProxy.count('renew', 'injected')
  const cpuSeconds = held.cpuTicksHeld / CLK_TCK
  const heldHours = held.heldMs / 3_600_000
  console.log(`Hold on ${HOLD_LOCK} through the 503 proxy (${percent(faultRate)}), lease 15s:`)
  console.log(`  held                  ${(held.heldMs / 60_000).toFixed(2)} min (${held.samples} samples)`)
  console.log(`  renewer peak VmRSS    ${(held.peakRssKiB / 1024).toFixed(1)} MiB`)
  console.log(
    `  renewer CPU           ${cpuSeconds.toFixed(2)} s while held = ${heldHours > 0 ? (cpuSeconds / heldHours).toFixed(2) : '-'} CPU s per hour held ` +
      `(${(held.cpuTicksTotal / CLK_TCK).toFixed(2)} s since it started)`,
  )
  if (held.status) {
    console.log(
      `  renewer status        ${held.status.phase}, ${held.status.renewals} renewals, ${held.status.failures} failed attempts, ` +
        `longest gap ${(held.status.longestGapMs / 1000).toFixed(1)}s`,
    )
  }
  console.log(
    `  renew requests        ${renewTotal} seen by the proxy, ${renewInjected} answered 503 (${renewTotal > 0 ? ((100 * renewInjected) / renewTotal).toFixed(1) : '-'} %)`,
  )
  console.log(
    `  proxy, all requests   ${holdProxy.log.length}, ${holdProxy.log.filter((l) => l.outcome === 'injected').length} answered 503`,
  )
  const holdPost = held.post
    ? `exit ${held.post.exitCode ?? held.post.signal}, ${held.post.errors.length} error annotations, ${held.post.warnings.length} warnings`
    : 'did not run'
  console.log(`  post                  ${holdPost}`)
  console.log(`  lost lease            ${holdLost ? 'yes (FAIL)' : 'no (pass)'}`)
  for (const p of held.problems) console.log(`  problem: ${p}`)
  return held.problems.length + (holdLost ? 1 : 0)
}

/** 0.1 as '10 %'. */
function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`
}

// ---------------------------------------------------------------- the soak

async function soak(): Promise<number> {
  const options = parseOptions()
  console.log(
    `azure-mutex-action soak: Node ${process.version}, nproc ${execFileSync('nproc').toString().trim()}, CLK_TCK ${CLK_TCK}`,
  )
  const faults = `a ${percent(options.faultRate)} 503 proxy`
  if (options.onlyProxied)
    console.log(
      `${options.cycles} cycles through ${faults}: ${options.contenders} job loops (main, a ${CRITICAL_MS} ms protected ` +
        `step, post) + ${options.cliContenders} azure-mutex hold loops + ${FOREIGN_CLIENTS} foreign SDK clients.`,
    )
  else if (!options.onlyKeyed && !options.onlyPriority && !options.onlySlots && !options.onlyWipe)
    console.log(
      `3 x ${options.cycles} cycles (direct, through ${faults}, then with scope-run workflow runs): ${options.contenders} job loops ` +
        `(main, a ${CRITICAL_MS} ms protected step, post) + ${options.cliContenders} azure-mutex hold loops + ${FOREIGN_CLIENTS} foreign SDK clients; ` +
        `hold test ${options.holdMinutes} min on ${HOLD_LOCK} through ${faults}.`,
    )

  let azurite: Azurite | undefined
  let holdProxy: FaultProxy | undefined
  let jobsProxy: FaultProxy | undefined
  let hold: HoldTest | undefined
  let progress: NodeJS.Timeout | undefined
  let current: Phase | undefined
  let interrupted = 0
  const onSigint = (): void => {
    interrupted++
    if (interrupted === 1) {
      // Graceful: no new cycles; the jobs in flight finish (the waiting ones get the lock in turn).
      console.log('\nSIGINT: no new cycles; finishing the jobs in flight and the hold (Ctrl-C again to kill them).')
      stopping = true
      hold?.abort()
    } else if (interrupted === 2) {
      console.log('\nSecond SIGINT: killing every job (Ctrl-C again to exit at once).')
      completeAllJobs()
    } else {
      completeAllJobs()
      process.exit(130)
    }
  }
  process.on('SIGINT', onSigint)
  // The phases after contention, each on a lock of its own with a summary block of its own; `--only`
  // runs one of them alone.
  const laterPhases: Array<{ name: string; only: boolean; run: (az: Azurite) => Promise<number> }> = [
    {
      name: 'keyed',
      only: options.onlyKeyed,
      run: (az) =>
        keyedPhase(az, {
          jobs: options.keyedJobs,
          loops: options.contenders,
          keys: options.keys,
          stopping: () => stopping,
        }),
    },
    {
      name: 'slots',
      only: options.onlySlots,
      run: (az) => slotsPhase(az, { jobs: options.keyedJobs, loops: options.contenders, stopping: () => stopping }),
    },
    {
      name: 'priority',
      only: options.onlyPriority,
      run: (az) =>
        priorityPhase(az, {
          jobs: options.priorityJobs,
          loops: options.contenders,
          highEvery: PRIORITY_HIGH_EVERY,
          stopping: () => stopping,
        }),
    },
    {
      name: 'wipe',
      only: options.onlyWipe,
      run: (az) =>
        wipePhase(az, {
          jobs: options.keyedJobs,
          loops: options.contenders,
          keys: options.keys,
          wipeEveryMs: options.wipeEverySeconds * 1000,
          stopping: () => stopping,
        }),
    },
  ]
  const alone = laterPhases.find((phase) => phase.only)
  if (alone) {
    try {
      azurite = await startAzurite()
      const problems = await alone.run(azurite)
      console.log(
        `Verdict: ${problems === 0 && interrupted === 0 ? 'PASS' : `FAIL (${problems} problems)`} after ${elapsed()}`,
      )
      return problems === 0 && interrupted === 0 ? 0 : 1
    } finally {
      stopping = true
      completeAllJobs()
      await azurite?.stop()
      process.off('SIGINT', onSigint)
    }
  }
  try {
    azurite = await startAzurite()
    holdProxy = await new FaultProxy(azurite.port).start()
    holdProxy.set({ errorRate: options.faultRate, errorStatus: 503 })
    jobsProxy = await new FaultProxy(azurite.port).start()
    jobsProxy.set({ errorRate: options.faultRate, errorStatus: 503 })
    console.log(
      `Azurite on port ${azurite.port}; the hold's fault proxy on port ${holdProxy.port}, the jobs' on ${jobsProxy.port}.\n`,
    )

    const az = azurite
    const proxied = newPhase(
      `through the fault proxy (${percent(options.faultRate)} 503)`,
      PROXIED_LOCK,
      jobsProxy.connectionString,
      options.cycles,
    )
    const phases = options.onlyProxied
      ? [proxied]
      : [
          newPhase('direct', LOCK, azurite.connectionString, options.cycles),
          proxied,
          newPhase(
            'with workflow runs that hold the lock across two jobs (scope: run)',
            HOLDS_LOCK,
            azurite.connectionString,
            options.cycles,
          ),
        ]
    hold = new HoldTest(az, holdProxy, options.holdMinutes)
    const holdTest = hold
    progress = setInterval(() => {
      const phase = current
      const done = phase ? phase.actionCycles + phase.foreignCycles + phase.cliCycles : 0
      const rate = phase ? done / (((phase.endedAt ?? Date.now()) - phase.startedAt) / 60_000) : 0
      console.log(
        `[${elapsed()}] ${phase?.name ?? '-'}: cycles ${done}/${options.cycles} (action ${phase?.actionCycles ?? 0}, ` +
          `foreign ${phase?.foreignCycles ?? 0}; ${rate.toFixed(1)}/min); failures ${phase?.failures.length ?? 0}, ` +
          `lost ${phase?.lost.length ?? 0}; hold: ${holdTest.phase}` +
          (holdTest.phase === 'holding'
            ? ` ${(holdTest.report.heldMs / 1000).toFixed(0)}s, renewer ${(holdTest.report.peakRssKiB / 1024).toFixed(1)} MiB peak`
            : ''),
      )
    }, PROGRESS_EVERY_MS)

    const holdDone = options.onlyProxied ? undefined : holdTest.run()
    for (const phase of phases) {
      if (stopping) break
      current = phase
      await runPhase(phase, az, options.contenders, options.cliContenders, phase.lock === HOLDS_LOCK)
      console.log(
        `[${elapsed()}] contention ${phase.name} done: ${phase.actionCycles + phase.foreignCycles + phase.cliCycles} cycles.`,
      )
    }
    // The later phases, one after the other; each one's lines are kept for the summary.
    const later: Array<{ problems: number; report: string[] }> = []
    for (const phase of options.onlyProxied ? [] : laterPhases) {
      if (stopping) break
      const report: string[] = []
      const log = console.log
      console.log = (...args: unknown[]) => void report.push(args.join(' '))
      let problems = 0
      try {
        problems = await phase.run(az)
      } finally {
        console.log = log
      }
      later.push({ problems, report })
      console.log(`[${elapsed()}] ${phase.name} phase done.`)
    }
    if (holdDone && holdTest.phase !== 'done')
      console.log(`[${elapsed()}] waiting for the hold test (${holdTest.phase}).`)
    const held = await holdDone
    clearInterval(progress)

    // ------------------------------------------------------------ summary
    console.log('')
    console.log('==================== soak summary ====================')
    let problems = 0
    for (const phase of phases)
      problems += reportPhase(
        phase,
        options.contenders,
        options.cliContenders,
        phase === proxied ? jobsProxy : undefined,
      )
    for (const phase of later) {
      for (const line of phase.report) console.log(line)
      problems += phase.problems
    }

    if (held) problems += reportHold(held, holdProxy, options.faultRate)

    const pass = interrupted === 0 && problems === 0
    console.log(
      `Verdict: ${pass ? 'PASS' : interrupted ? 'INTERRUPTED' : `FAIL (${problems} problems)`} after ${elapsed()}`,
    )
    console.log('======================================================')
    return pass ? 0 : interrupted ? 130 : 1
  } catch (err) {
    console.error(`\nThe soak broke: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    return 1
  } finally {
    clearInterval(progress)
    stopping = true
    hold?.abort()
    completeAllJobs()
    await holdProxy?.stop()
    await jobsProxy?.stop()
    await azurite?.stop()
    process.off('SIGINT', onSigint)
  }
}

process.exitCode = await soak()
