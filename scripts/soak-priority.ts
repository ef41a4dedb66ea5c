// The soak's phase with a priority lane (lock/queue/priority.ts), called by soak.ts.
//
// `loops` job loops run jobs back to back on ONE lock; every `highEvery`-th job
// started waits with 'priority: high', the others with normal. Each job that
// gets the lock holds it for a short protected step, then post; while it
// holds, its holder record says which queue ticket it waited with. At the end:
// every job is served (none failed, timed out or was left waiting), holds never
// overlap, and the line was served in its order: no normal job before a
// high-priority one with an earlier ticket (a high one behind a later normal),
// and within each priority, ticket order.

import { BlobServiceClient, type BlobClient } from '@azure/storage-blob'
import type { Azurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import type { StepResult } from '../test/support/runner.ts'
import { describePair, sweep, type Span } from '../test/support/spans.ts'

export interface PriorityPhaseOptions {
  jobs: number
  loops: number
  /** Every this many jobs started, one is high-priority. */
  highEvery: number
  /** Stops the loops early (the soak's SIGINT). */
  stopping: () => boolean
}

interface Ran {
  n: number
  priority: 'normal' | 'high'
  /** The queue ticket it waited with, from its holder record; undefined when it took a free lock at once. */
  ticket?: number
  waitedSeconds?: number
  span?: Span
  problem?: string
}

const LOCK = 'soak-priority'
const CRITICAL = 'setTimeout(() => {}, 20)'

function problemOf(what: string, result: StepResult): string | undefined {
  if (result.exitCode === 0 && result.errors.length === 0) return undefined
  return `${what} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join(' | ') || result.stderr.trim().split('\n').slice(-2).join(' | ')}`
}

async function ticketOf(blob: BlobClient): Promise<number | undefined> {
  const ticket = (await blob.getProperties()).metadata?.holder_ticket
  return ticket && /^\d{1,16}$/.test(ticket) ? Number(ticket) : undefined
}

const median = (values: number[]): string => {
  if (values.length === 0) return '-'
  const sorted = [...values].sort((a, b) => a - b)
  return `${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}s`
}

/** Runs the phase and prints its summary; returns its number of problems. */
export async function priorityPhase(azurite: Azurite, options: PriorityPhaseOptions): Promise<number> {
  const ran: Ran[] = []
  let started = 0
  const begun = Date.now()
  const lockBlob = BlobServiceClient.fromConnectionString(azurite.connectionString)
    .getContainerClient('locks')
    .getBlobClient(LOCK)
  const loop = async (index: number): Promise<void> => {
    while (!options.stopping() && started < options.jobs) {
      const n = started++
      const priority = n % options.highEvery === options.highEvery - 1 ? 'high' : 'normal'
      const repository = `soak-priority-${String(index).padStart(2, '0')}/${priority}`
      const job = jobFor(azurite, repository, LOCK, { priority, timeout: '10m' }, { workflow: 'soak-priority' })
      const entry: Ran = { n, priority }
      try {
        const main = await job.runMain()
        entry.problem = problemOf(`job ${n} (${priority}) main`, main)
        if (!entry.problem) {
          entry.ticket = await ticketOf(lockBlob)
          entry.waitedSeconds = Number(main.outputs['waited-seconds'])
          const step = await job.runScript(CRITICAL)
          entry.problem = problemOf(`job ${n} protected step`, step)
          const post = await job.runPost()
          entry.problem ??= problemOf(`job ${n} post`, post)
          entry.span = { who: `${priority}#${n}`, enter: main.endedAt, exit: post.startedAt }
        } else {
          await job.runPost()
        }
      } catch (err) {
        entry.problem = `job ${n} broke: ${String(err)}`
      } finally {
        ran.push(entry)
        job.complete()
      }
    }
  }
  await Promise.all(Array.from({ length: options.loops }, (_, i) => loop(i + 1)))

  const served = ran.filter((r) => r.span).sort((a, b) => a.span!.enter - b.span!.enter)
  const { overlaps } = sweep(served.map((r) => r.span!))
  // Every pair served in the wrong order of the line: the one served later had an earlier ticket and
  // a priority at least as high. (A high-priority job served before an earlier normal one is the point.)
  const highBehindLaterNormal: string[] = []
  const outOfTicketOrder: string[] = []
  const ticketed = served.filter((r) => r.ticket !== undefined)
  ticketed.forEach((first, i) => {
    for (const later of ticketed.slice(i + 1)) {
      if (later.ticket! > first.ticket!) continue
      const pair = `${first.priority} ticket ${first.ticket} served before ${later.priority} ticket ${later.ticket}`
      if (later.priority === 'high' && first.priority === 'normal') highBehindLaterNormal.push(pair)
      else if (later.priority === first.priority) outOfTicketOrder.push(pair)
    }
  })
  const problems = ran.flatMap((r) => (r.problem ? [r.problem] : []))
  const highs = ran.filter((r) => r.priority === 'high')
  const minutes = (Date.now() - begun) / 60_000
  const verdict = (n: number): string => `${n}${n === 0 ? ' (pass)' : ' (FAIL)'}`
  console.log(
    `Priority phase on ${LOCK}: ${options.loops} job loops, every ${options.highEvery} job high-priority, ${minutes.toFixed(1)} min`,
  )
  console.log(
    `  jobs served           ${served.length} of ${options.jobs} (high ${highs.filter((r) => r.span).length}, ` +
      `normal ${served.length - highs.filter((r) => r.span).length}; ${ticketed.length} waited with a ticket)` +
      (served.length === options.jobs ? ' (pass)' : ' (FAIL)'),
  )
  console.log(
    `  waited, median        high ${median(highs.flatMap((r) => (r.waitedSeconds === undefined ? [] : [r.waitedSeconds])))}, ` +
      `normal ${median(ran.filter((r) => r.priority === 'normal').flatMap((r) => (r.waitedSeconds === undefined ? [] : [r.waitedSeconds])))}`,
  )
  console.log(`  overlapping holds     ${verdict(overlaps.length)}`)
  for (const pair of overlaps.slice(0, 5)) console.log(`    ${describePair(pair)}`)
  console.log(`  high behind a later normal  ${verdict(highBehindLaterNormal.length)}`)
  for (const pair of highBehindLaterNormal.slice(0, 5)) console.log(`    ${pair}`)
  console.log(`  out of ticket order within a priority  ${verdict(outOfTicketOrder.length)}`)
  for (const pair of outOfTicketOrder.slice(0, 5)) console.log(`    ${pair}`)
  console.log(`  failed steps          ${verdict(problems.length)}`)
  for (const p of problems.slice(0, 10)) console.log(`    ${p}`)
  const short = served.length === options.jobs ? 0 : 1
  return overlaps.length + highBehindLaterNormal.length + outOfTicketOrder.length + problems.length + short
}
