// npm run soak [-- --cycles 1000 --contenders 20 --hold-minutes 10]: a long
// soak of the built action against a private Azurite. Not part of npm test.
//
// 1. Contention: `contenders` job loops, each a different repository, run jobs
//    back to back on ONE lock (main, a critical-section run step, post), while
//    two foreign clients take the same blob's lease directly with the SDK, as
//    go-azuremutex or the az CLI would (no holder record). Every holder appends
//    `enter` and `exit` lines to one spans file; the soak stops after `cycles`
//    holds in total.
// 2. Hold: meanwhile one job holds a different lock for `hold-minutes` through a
//    proxy that answers 10 % of requests 503 ServerBusy; its renewer's memory and
//    CPU are sampled every second from /proc.
// At the end: overlaps (must be zero), handoff times, lost leases, failed steps.
// Exit code 1 on any overlap, lost lease or failed step.

import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { BlobServiceClient } from '@azure/storage-blob'
import type { RenewerReport } from '../src/renewer/lifecycle.ts'
import { readStatusFile } from '../src/renewer/status.ts'
import { startAzurite, type Azurite } from '../test/support/azurite.ts'
import { jobFor, renewerPid } from '../test/support/e2e.ts'
import { FaultProxy } from '../test/support/fault-proxy.ts'
import { completeAllJobs, type Job, type StepResult } from '../test/support/runner.ts'
import { describeFairness, fairness, type Turn } from './fairness.ts'

const LOCK = 'soak-contended'
const HOLD_LOCK = 'soak-hold'
const INPUTS = { 'lease-duration': '15', timeout: '10m' }
const FOREIGN_CLIENTS = 2
const FOREIGN_LEASE_SECONDS = 15
/** Pause after a 409 LeaseAlreadyPresent before a foreign client tries again. */
const FOREIGN_RETRY_MS = [50, 250] as const
/** Pause between a foreign client's holds (its other work), so it does not re-take the lease it just let go. */
const FOREIGN_IDLE_MS = [250, 1_000] as const
const CRITICAL_MS = 20
const PROGRESS_EVERY_MS = 30_000
const LOST = /was lost/

const CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), ${CRITICAL_MS})`

// ---------------------------------------------------------------- arguments

function parseOptions(): { cycles: number; contenders: number; holdMinutes: number } {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '1000' },
      contenders: { type: 'string', default: '20' },
      'hold-minutes': { type: 'string', default: '10' },
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
  return {
    cycles: positive('cycles', values.cycles, true),
    contenders: positive('contenders', values.contenders, true),
    holdMinutes: positive('hold-minutes', values['hold-minutes'], false),
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

interface Soak {
  cycles: number
  claimed: number
  actionCycles: number
  foreignCycles: number
  failures: string[]
  lost: string[]
  warnings: Map<string, number>
  waitedSeconds: number[]
  /** Every turn at the lock, for the fairness figure. */
  turns: Turn[]
  stopping: boolean
  spans: string
}

/** Takes one of the `cycles` tickets; false once they are all taken (or the soak is stopping). */
function claim(soak: Soak): boolean {
  if (soak.stopping || soak.claimed >= soak.cycles) return false
  soak.claimed++
  return true
}

function noteWarnings(soak: Soak, step: string, result: StepResult): void {
  for (const warning of result.warnings) {
    // Group warnings by their text without numbers, pids and ids.
    const key = `${step}: ${warning.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\d+(\.\d+)?/g, 'N')}`
    soak.warnings.set(key, (soak.warnings.get(key) ?? 0) + 1)
  }
}

function notePost(soak: Soak, who: string, post: StepResult): void {
  const problem = stepProblem(`${who} post`, post)
  if (problem) soak.failures.push(problem)
  const lost = post.errors.filter((e) => LOST.test(e))
  if (lost.length > 0 || post.exitCode !== 0) {
    soak.lost.push(`${who}: ${lost.join(' | ') || `post exit ${post.exitCode ?? post.signal}`}`)
  }
}

// ---------------------------------------------------------------- contention

async function contender(soak: Soak, azurite: Azurite, index: number): Promise<void> {
  const repository = `soak-org-${String(index).padStart(2, '0')}/service`
  while (claim(soak)) {
    const job = jobFor(azurite, repository, LOCK, INPUTS, { workflow: 'soak' })
    try {
      const arrivedAt = Date.now()
      const main = await job.runMain()
      noteWarnings(soak, 'main', main)
      const mainProblem = stepProblem(`${repository} main`, main)
      if (mainProblem) {
        soak.failures.push(mainProblem)
      } else {
        soak.waitedSeconds.push(Number(main.outputs['waited-seconds']))
        const step = await job.runScript(CRITICAL, { SPANS: soak.spans })
        const stepFailed = stepProblem(`${repository} critical step`, step)
        if (stepFailed) soak.failures.push(stepFailed)
      }
      // The runner runs post whatever happened (post-if: always()).
      const post = await job.runPost()
      const acquiredAt = Date.parse(main.outputs['acquired-at'] ?? '')
      if (!mainProblem && acquiredAt) {
        soak.turns.push({ who: repository, queued: true, arrivedAt, acquiredAt, releasedAt: Date.now() })
      }
      noteWarnings(soak, 'post', post)
      notePost(soak, repository, post)
      if (!mainProblem) soak.actionCycles++
    } catch (err) {
      soak.failures.push(`${repository}: the job broke: ${errorText(err)}`)
    } finally {
      job.complete()
    }
  }
}

interface StorageErrorLike {
  statusCode?: number
  code?: string
  details?: { errorCode?: string }
}

/** A client of the same lock that is not this action: a bare lease, no holder record. */
async function foreignClient(soak: Soak, azurite: Azurite, index: number): Promise<void> {
  const who = `foreign/client-${index}`
  const blob = BlobServiceClient.fromConnectionString(azurite.connectionString)
    .getContainerClient('locks')
    .getBlobClient(LOCK)
  let errorsInARow = 0
  while (claim(soak)) {
    const lease = blob.getBlobLeaseClient() // a fresh lease id for each hold
    const arrivedAt = Date.now()
    let held = false
    while (!held && !soak.stopping) {
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
    const acquiredAt = Date.now()
    appendFileSync(soak.spans, `enter ${who} ${Date.now()}\n`)
    await delay(CRITICAL_MS)
    appendFileSync(soak.spans, `exit ${who} ${Date.now()}\n`)
    try {
      await lease.releaseLease()
    } catch (err) {
      const e = err as StorageErrorLike
      soak.failures.push(`${who}: release failed (${e.statusCode ?? '-'} ${e.details?.errorCode ?? errorText(err)})`)
    }
    soak.foreignCycles++
    soak.turns.push({ who, queued: false, arrivedAt, acquiredAt, releasedAt: Date.now() })
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

interface Span {
  who: string
  enter: number
  exit: number
}

const isForeign = (who: string): boolean => who.startsWith('foreign/')

function readSpans(path: string): { spans: Span[]; unmatched: string[] } {
  const open = new Map<string, number>()
  const spans: Span[] = []
  const unmatched: string[] = []
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean)
  // Each holder's own lines are in order (a holder runs one cycle at a time), so pair them per holder.
  for (const line of lines) {
    const [kind, who, at] = line.split(' ')
    if (!kind || !who || !at) {
      unmatched.push(`malformed line: ${line}`)
      continue
    }
    if (kind === 'enter') {
      if (open.has(who)) unmatched.push(`${who} entered at ${open.get(who)} and never left`)
      open.set(who, Number(at))
    } else if (open.has(who)) {
      spans.push({ who, enter: open.get(who)!, exit: Number(at) })
      open.delete(who)
    } else {
      unmatched.push(`${who} left at ${at} without entering`)
    }
  }
  for (const [who, at] of open) unmatched.push(`${who} entered at ${at} and never left`)
  return { spans: spans.sort((a, b) => a.enter - b.enter || a.exit - b.exit), unmatched }
}

function analyse(spans: Span[]) {
  const overlaps: string[] = []
  const handoffs: number[] = []
  const byKind = new Map<string, number[]>()
  let touching = 0
  let latest: Span | undefined // the span that ends last among those seen so far
  for (const span of spans) {
    if (latest) {
      if (span.enter < latest.exit) {
        overlaps.push(
          `${span.who} entered at ${span.enter} while ${latest.who} was inside (${latest.enter}..${latest.exit})`,
        )
      } else {
        const gap = span.enter - latest.exit
        if (gap === 0) touching++
        handoffs.push(gap)
        const kind = `${isForeign(latest.who) ? 'foreign' : 'action'} -> ${isForeign(span.who) ? 'foreign' : 'action'}`
        byKind.set(kind, [...(byKind.get(kind) ?? []), gap])
      }
    }
    if (!latest || span.exit > latest.exit) latest = span
  }
  return { overlaps, handoffs, byKind, touching }
}

// ---------------------------------------------------------------- the soak

async function soak(): Promise<number> {
  const options = parseOptions()
  const spansDir = mkdtempSync(join(tmpdir(), 'soak-'))
  const state: Soak = {
    cycles: options.cycles,
    claimed: 0,
    actionCycles: 0,
    foreignCycles: 0,
    failures: [],
    lost: [],
    warnings: new Map(),
    waitedSeconds: [],
    turns: [],
    stopping: false,
    spans: join(spansDir, 'spans.log'),
  }
  appendFileSync(state.spans, '')
  console.log(
    `azure-mutex-action soak: Node ${process.version}, nproc ${execFileSync('nproc').toString().trim()}, CLK_TCK ${CLK_TCK}`,
  )
  console.log(
    `${options.cycles} cycles on lock ${LOCK}: ${options.contenders} job loops (main, ${CRITICAL_MS} ms critical step, post) ` +
      `+ ${FOREIGN_CLIENTS} foreign SDK clients; hold test ${options.holdMinutes} min on ${HOLD_LOCK} through a 10 % 503 proxy.`,
  )
  console.log(`Spans file: ${state.spans}`)

  let azurite: Azurite | undefined
  let proxy: FaultProxy | undefined
  let hold: HoldTest | undefined
  let progress: NodeJS.Timeout | undefined
  let cyclesStarted = Date.now()
  let cyclesEnded: number | undefined
  let interrupted = 0
  const onSigint = (): void => {
    interrupted++
    if (interrupted === 1) {
      // Graceful: no new cycles; the jobs in flight finish (the waiting ones get the lock in turn).
      console.log('\nSIGINT: no new cycles; finishing the jobs in flight and the hold (Ctrl-C again to kill them).')
      state.stopping = true
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
  try {
    azurite = await startAzurite()
    proxy = await new FaultProxy(azurite.port).start()
    proxy.set({ errorRate: 0.1, errorStatus: 503 })
    console.log(`Azurite on port ${azurite.port}; fault proxy on port ${proxy.port}.\n`)

    const az = azurite
    hold = new HoldTest(az, proxy, options.holdMinutes)
    const holdTest = hold
    progress = setInterval(() => {
      const done = state.actionCycles + state.foreignCycles
      const rate = done / (((cyclesEnded ?? Date.now()) - cyclesStarted) / 60_000)
      console.log(
        `[${elapsed()}] cycles ${done}/${options.cycles} (action ${state.actionCycles}, foreign ${state.foreignCycles}; ` +
          `${rate.toFixed(1)}/min); failures ${state.failures.length}, lost ${state.lost.length}; ` +
          `hold: ${holdTest.phase}${holdTest.phase === 'holding' ? ` ${(holdTest.report.heldMs / 1000).toFixed(0)}s, renewer ${(holdTest.report.peakRssKiB / 1024).toFixed(1)} MiB peak` : ''}`,
      )
    }, PROGRESS_EVERY_MS)

    const holdDone = holdTest.run()
    cyclesStarted = Date.now()
    await Promise.all([
      ...Array.from({ length: options.contenders }, (_, i) => contender(state, az, i + 1)),
      ...Array.from({ length: FOREIGN_CLIENTS }, (_, i) => foreignClient(state, az, i + 1)),
    ])
    cyclesEnded = Date.now()
    const cyclesMs = cyclesEnded - cyclesStarted
    console.log(`[${elapsed()}] contention done: ${state.actionCycles + state.foreignCycles} cycles.`)
    if (holdTest.phase !== 'done') console.log(`[${elapsed()}] waiting for the hold test (${holdTest.phase}).`)
    const held = await holdDone
    clearInterval(progress)

    // ------------------------------------------------------------ summary
    const { spans, unmatched } = readSpans(state.spans)
    const { overlaps, handoffs, byKind, touching } = analyse(spans)
    const holdLost = held.post
      ? held.post.errors.some((e) => LOST.test(e)) || held.post.exitCode !== 0
      : held.problems.length > 0
    const lostTotal = state.lost.length + (holdLost ? 1 : 0)
    const foreignSpans = spans.filter((s) => isForeign(s.who)).length
    const cycleCount = state.actionCycles + state.foreignCycles
    const renewTotal = proxy.count('renew')
    const renewInjected = proxy.count('renew', 'injected')
    const cpuSeconds = held.cpuTicksHeld / CLK_TCK
    const heldHours = held.heldMs / 3_600_000

    console.log('')
    console.log('==================== soak summary ====================')
    console.log(
      `Contention on ${LOCK}: ${options.contenders} job loops + ${FOREIGN_CLIENTS} foreign clients, ${(cyclesMs / 60_000).toFixed(1)} min`,
    )
    console.log(
      `  cycles completed      ${cycleCount} of ${options.cycles} (action ${state.actionCycles}, foreign ${state.foreignCycles}); ` +
        `${(cycleCount / (cyclesMs / 60_000)).toFixed(1)} cycles/min`,
    )
    console.log(
      `  spans in file         ${spans.length} (action ${spans.length - foreignSpans}, foreign ${foreignSpans})` +
        (unmatched.length > 0 ? `; ${unmatched.length} unmatched` : ''),
    )
    console.log(`  overlaps              ${overlaps.length}${overlaps.length === 0 ? ' (pass)' : ' (FAIL)'}`)
    for (const o of overlaps.slice(0, 10)) console.log(`    ${o}`)
    console.log(`  handoff exit->enter   ${spread(handoffs, 'ms')}${touching > 0 ? `; ${touching} at 0 ms` : ''}`)
    for (const [kind, gaps] of [...byKind].sort()) console.log(`    ${kind.padEnd(20)}${spread(gaps, 'ms')}`)
    console.log(`  action main waited    ${spread(state.waitedSeconds, 's', 1)}`)
    console.log(`  fairness              ${describeFairness(fairness(state.turns))}`)
    if (state.warnings.size > 0) {
      console.log('  warnings (by text, numbers as N):')
      for (const [text, n] of [...state.warnings].sort((a, b) => b[1] - a[1])) console.log(`    ${n} x ${text}`)
    }
    console.log(`Hold on ${HOLD_LOCK} through the 503 proxy (10 %), lease 15s:`)
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
      `  proxy, all requests   ${proxy.log.length}, ${proxy.log.filter((l) => l.outcome === 'injected').length} answered 503`,
    )
    const holdPost = held.post
      ? `exit ${held.post.exitCode ?? held.post.signal}, ${held.post.errors.length} error annotations, ${held.post.warnings.length} warnings`
      : 'did not run'
    console.log(`  post                  ${holdPost}`)
    for (const p of held.problems) console.log(`  problem: ${p}`)
    console.log(`Lost leases             ${lostTotal}${lostTotal === 0 ? ' (pass)' : ' (FAIL)'}`)
    for (const l of state.lost.slice(0, 10)) console.log(`  ${l}`)
    const failed = state.failures.length + held.problems.length + unmatched.length
    console.log(`Failed steps / errors   ${failed}${failed === 0 ? ' (pass)' : ' (FAIL)'}`)
    for (const f of [...state.failures, ...unmatched].slice(0, 20)) console.log(`  ${f}`)
    if (state.failures.length + unmatched.length > 20)
      console.log(`  ... and ${state.failures.length + unmatched.length - 20} more`)
    const pass =
      interrupted === 0 && overlaps.length === 0 && lostTotal === 0 && failed === 0 && cycleCount === options.cycles
    console.log(
      `Verdict: ${pass ? 'PASS' : interrupted ? 'INTERRUPTED' : 'FAIL'} after ${elapsed()}` +
        (cycleCount !== options.cycles && !interrupted ? ` (only ${cycleCount} of ${options.cycles} cycles)` : ''),
    )
    console.log('======================================================')
    return pass ? 0 : interrupted ? 130 : 1
  } catch (err) {
    console.error(`\nThe soak broke: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    return 1
  } finally {
    clearInterval(progress)
    state.stopping = true
    hold?.abort()
    completeAllJobs()
    await proxy?.stop()
    await azurite?.stop()
    process.off('SIGINT', onSigint)
  }
}

process.exitCode = await soak()
