// The post step: ask the renewer to let go, make sure the lease is given
// back, and fail loudly if the lock was lost while the job's steps ran. Then
// write the lock's section of the job summary.

import { setTimeout as delay } from 'node:timers/promises'
import * as core from '@actions/core'
import { monotonicNow } from '../lock/clock.ts'
import type { BreakRecord } from '../lock/break-record.ts'
import { formatDuration } from '../lock/duration.ts'
import { leaseValidUntil } from '../lock/lease.ts'
import { serviceTimeAt, type ServiceReading } from '../lock/service-time.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { askToLetGo } from '../renewer/control.ts'
import { livenessOf } from '../renewer/platform.ts'
import { needsOwnRelease, verdict, type LossRecord, type OwnRelease } from '../renewer/lifecycle.ts'
import { readLogFile, readStatusFile } from '../renewer/status.ts'
import { lossMessage } from './loss.ts'
import type { OwnRenewal } from './post-storage.ts'
import * as state from './state.ts'
import { appendSummary, renderLockSummary, type LockSummary } from './summary.ts'

/**
 * The post step's own storage client and what it does with it, loaded only
 * when needed: usually the renewer lets go, and post starts faster without
 * the storage SDK (the handoff to the next job counts from post's start).
 */
const storage = (): Promise<typeof import('./post-storage.ts')> => import('./post-storage.ts')

export async function runPost(): Promise<void> {
  let hold: LockSummary['hold']
  try {
    hold = await releaseLock()
  } catch (err) {
    // Clean-up trouble is a warning: the lease expires by itself.
    core.warning(`Could not finish releasing the lock: ${err instanceof Error ? err.message : String(err)}`)
  }
  await writeSummary(hold)
}

/**
 * How far the runner's wall clock is ahead of the service's, when a renewal
 * has read the service's clock (0 otherwise): main dated its wait by the wall
 * clock, and the summary shows it beside times told by the service.
 */
function wallClockAheadMs(): number {
  let service: ServiceReading | undefined
  try {
    service = state.lease()?.service
  } catch {
    return 0
  }
  if (!service) return 0
  const now = monotonicNow()
  const wall = Date.now()
  return wall - serviceTimeAt(now, service, 'no-later').getTime()
}

/** The lock's section of the job summary, when main got as far as waiting for it. */
async function writeSummary(hold: LockSummary['hold']): Promise<void> {
  let spec: LockSpec | undefined
  try {
    spec = state.lock()
  } catch {
    return
  }
  const waited = state.wait()
  if (!spec || (!waited && !hold)) return
  const ahead = wallClockAheadMs()
  const onService = (iso: string): string => new Date(Date.parse(iso) - ahead).toISOString()
  const wait = waited && { ...waited, startedAt: onService(waited.startedAt), endedAt: onService(waited.endedAt) }
  const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com'
  const turn = hold ? state.turn() : undefined
  await appendSummary(
    renderLockSummary({ location: lockLocation(spec), wait, hold, turn, priority: spec.priority }, serverUrl),
  )
}

/** Releases the lock; returns what the summary says of the hold, undefined when main held nothing. */
async function releaseLock(): Promise<LockSummary['hold']> {
  const spec = state.lock()
  const lease = state.lease()
  if (!spec || !lease) {
    // Main may have been killed between Azure granting the lease and main
    // recording it: give back a lease under the id it proposed, if there is one.
    const proposed = state.proposedLeaseId()
    if (spec && proposed && (await (await storage()).releaseHere(spec, proposed, { quiet: true })) === 'released') {
      core.info('Released the lease that the main step took as it was stopped.')
      return
    }
    core.info('Nothing to release: the main step did not take the lock.')
    await renewerGone(state.renewer()?.renewer)
    return
  }
  // scope run: the lease becomes a hold of the run instead, unless that cannot be done.
  const kept = spec.runHoldMs !== undefined ? await (await storage()).keepForRun(spec, lease) : undefined
  if (kept) return kept
  const location = lockLocation(spec)
  const places = state.renewer()

  const asked = places
    ? await askToLetGo(places.channel, { op: 'stop', by: 'post' }, { killIfStuck: true, expected: places.renewer })
    : { answer: { kind: 'gone' as const }, log: [] }
  const statusFile = places && asked.answer.kind !== 'answered' ? readStatusFile(places.statusFile) : undefined
  const log = asked.log.length > 0 ? asked.log.join('\n') : places ? readLogFile(places.statusFile).trimEnd() : ''
  if (log) {
    core.startGroup('Renewer log')
    core.info(log)
    core.endGroup()
  }

  let ownRelease: OwnRelease | undefined
  let ownRenewal: OwnRenewal | undefined
  // A release sent while the lease was still valid proves it was ours up to then (monotonic, like all lease arithmetic).
  const releaseSentAt = monotonicNow()
  const leaseDurationMs = spec.leaseDurationSeconds * 1000
  if (needsOwnRelease(asked.answer, statusFile)) {
    // The renewer could not release (it is dead, stuck or failed): do it here with the step's credentials.
    // A lease that went a whole duration unconfirmed is renewed first: that alone can prove nobody took it since.
    const confirmed = Math.max(lease.confirmedMono, statusFile?.confirmedMono ?? -Infinity)
    const { renewHere, releaseHere } = await storage()
    if (releaseSentAt >= leaseValidUntil(confirmed, leaseDurationMs)) ownRenewal = await renewHere(spec, lease.leaseId)
    if (ownRenewal?.outcome !== 'gone') ownRelease = await releaseHere(spec, lease.leaseId)
  }
  const { verdict: outcome, warnings } = verdict({
    answer: asked.answer,
    statusFile,
    ownRelease,
    ownRenewal,
    confirmedMono: lease.confirmedMono,
    service: lease.service,
    leaseDurationMs,
    now: releaseSentAt,
  })
  for (const warning of warnings) core.warning(warning)

  // For the summary: the renewer's last word, however it came.
  const lastReport = asked.answer.kind === 'answered' ? asked.answer.report : statusFile
  // Times of the hold are shown on the service's clock, which the renewer (or main) last read.
  const service = lastReport?.service ?? lease.service
  const heldSince = lease.heldSince ?? lease.acquiredAt
  const hold = {
    acquiredAt: heldSince,
    endedAt: serviceTimeAt(monotonicNow(), service, 'no-earlier'),
    renewals: lastReport?.renewals,
    longestGapMs: lastReport?.longestGapMs,
    ...(lastReport?.healedLapse ? { healedLapse: lastReport.healedLapse } : {}),
  }
  switch (outcome.kind) {
    case 'lost': {
      const brokenBy = await (
        await storage()
      ).breakRecordFor(spec, lease.acquiredAt, heldSince, new Date(outcome.loss.detectedAt))
      reportLoss(location, outcome.loss, brokenBy)
      return { ...hold, endedAt: new Date(outcome.loss.detectedAt), outcome: 'lost', loss: outcome.loss, brokenBy }
    }
    case 'expires':
      // releaseHere has said why; the lease runs out by itself.
      return { ...hold, outcome: 'expires' }
    case 'released': {
      const held = `after holding it for ${formatDuration(hold.endedAt.getTime() - heldSince.getTime())}`
      const report = outcome.report
      const renewals = report
        ? ` (${report.renewals} renewals, longest gap ${formatDuration(report.longestGapMs)})`
        : ''
      if (outcome.early) {
        core.info(`Lock ${location} was released early by the ${outcome.early.by} at ${outcome.early.at}${renewals}.`)
      } else {
        core.info(`Released lock ${location} ${held}${renewals}.`)
      }
      const releasedAt = outcome.report?.released?.at
      return {
        ...hold,
        endedAt: releasedAt ? new Date(releasedAt) : hold.endedAt,
        outcome: 'released',
        releasedBy: outcome.report?.released?.by,
      }
    }
  }
}

/** How long post waits for a renewer that main dismissed (it held nothing) to exit by itself. */
const DISMISSED_EXIT_MS = 2_000

/**
 * Waits, only looking and never signalling, until the renewer main started
 * and dismissed has exited: it leaves once it has loaded its code and sees
 * main gone, which can be after a quick post step (a job whose main failed at
 * once), and a process left at the job's end is an orphan the runner reports.
 */
async function renewerGone(renewer: { pid: number; startTime?: string } | undefined): Promise<void> {
  if (!renewer) return
  const deadline = monotonicNow() + DISMISSED_EXIT_MS
  while (livenessOf(renewer.pid, renewer.startTime) === 'alive' && monotonicNow() < deadline) await delay(10)
}

/** One annotation with a title; the step fails as setFailed would make it. */
function reportLoss(location: string, loss: LossRecord, brokenBy: BreakRecord | undefined): void {
  core.error(lossMessage(location, loss, brokenBy), { title: 'Lock lost' })
  process.exitCode = 1
}
