// The post step: ask the renewer to let go, make sure the lease is given
// back, and fail loudly if the lock was lost while the job's steps ran. Then
// write the lock's section of the job summary.

import * as core from '@actions/core'
import { breakApplies, type BreakRecord } from '../lock/break-record.ts'
import { monotonicNow } from '../lock/clock.ts'
import { formatDuration } from '../lock/duration.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { leaseValidUntil, renewalSchedule } from '../lock/lease.ts'
import { isLeaseGone, openLock } from '../lock/lock-blob.ts'
import { serviceTimeAt, type ServiceReading } from '../lock/service-time.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { STEP_RETRY } from '../lock/storage.ts'
import { askToLetGo } from '../renewer/control.ts'
import { describeLetGo, letGo } from '../lock/queue/handover.ts'
import { needsOwnRelease, verdict, type LossRecord, type OwnRelease } from '../renewer/lifecycle.ts'
import { readLogFile, readStatusFile } from '../renewer/status.ts'
import { lossMessage } from './loss.ts'
import { requestLog } from './request-log.ts'
import { keepForRun } from './run-hold-step.ts'
import * as state from './state.ts'
import { signInWithInputs } from './step-sign-in.ts'
import { appendSummary, renderLockSummary, type LockSummary } from './summary.ts'

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
    if (spec && proposed && (await releaseHere(spec, proposed, { quiet: true })) === 'released') {
      core.info('Released the lease that the main step took as it was stopped.')
      return
    }
    core.info('Nothing to release: the main step did not take the lock.')
    return
  }
  // scope run: the lease becomes a hold of the run instead, unless that cannot be done.
  const kept = await keepForRun(spec, lease)
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
  }
  switch (outcome.kind) {
    case 'lost': {
      const brokenBy = await breakRecordFor(spec, lease.acquiredAt, heldSince, new Date(outcome.loss.detectedAt))
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

/** One annotation with a title; the step fails as setFailed would make it. */
function reportLoss(location: string, loss: LossRecord, brokenBy: BreakRecord | undefined): void {
  core.error(lossMessage(location, loss, brokenBy), { title: 'Lock lost' })
  process.exitCode = 1
}

/**
 * The break record on the lock blob, when a break step broke this hold (and
 * not an earlier one, nor a forged one): read with the step's credentials.
 * Undefined when there is none, it cannot be read, or it is dated outside
 * the hold (see breakApplies).
 */
async function breakRecordFor(
  spec: LockSpec,
  acquiredAt: Date,
  heldFrom: Date,
  lossFoundAt: Date,
): Promise<BreakRecord | undefined> {
  try {
    const { signedIn } = await signInWithInputs({ ambientSource: state.ambientSource() })
    const status = await openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() }).status({
      timeoutMs: 5_000,
    })
    const record = status === 'missing' ? undefined : status.lastBreak
    const hold = {
      acquiredAt: acquiredAt.toISOString(),
      runId: process.env.GITHUB_RUN_ID ?? '',
      heldFrom,
      lossFoundAt,
    }
    return record && breakApplies(record, hold) ? record : undefined
  } catch (err) {
    core.debug(`Could not read the lock blob for a break record: ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  }
}

type OwnRenewal = NonNullable<Parameters<typeof verdict>[0]['ownRenewal']>

/**
 * One renewal with the step's own credentials, for a lease that went a whole
 * duration unconfirmed: Azure renews it only if nobody leased the blob since.
 */
async function renewHere(spec: LockSpec, leaseId: string): Promise<OwnRenewal> {
  const sentAt = monotonicNow()
  try {
    const { signedIn } = await signInWithInputs({ ambientSource: state.ambientSource() })
    const lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
    await lock.renew(leaseId, { timeoutMs: renewalSchedule(spec.leaseDurationSeconds * 1000).attemptTimeoutMs })
    return { sentAt, outcome: 'renewed' }
  } catch (err) {
    core.debug(`The renewal before releasing failed: ${err instanceof Error ? err.message : String(err)}`)
    return { sentAt, outcome: isLeaseGone(err) ? 'gone' : 'failed' }
  }
}

/** Releases with the step's own credentials, read from the inputs again. */
async function releaseHere(spec: LockSpec, leaseId: string, options: { quiet?: boolean } = {}): Promise<OwnRelease> {
  const report = options.quiet ? core.debug : core.warning
  const expiry = `it expires by itself within ${spec.leaseDurationSeconds}s`
  let lock
  try {
    const { signedIn } = await signInWithInputs({ ambientSource: state.ambientSource() })
    lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
  } catch (err) {
    report(`Cannot release the lease here (${(err as Error).message}); ${expiry}.`)
    return 'failed'
  }
  try {
    if (options.quiet) {
      // A lease main may have been granted without hearing so: almost always there is none, so one plain
      // release, and no look at the queue for a handover.
      return await lock.release(leaseId, { timeoutMs: 5_000 })
    }
    // Handed to the head of the queue when one waits (handover.ts), else released.
    const outcome = await letGo(lock, leaseId, { timeoutMs: 15_000 })
    core.debug(`Post ${describeLetGo(outcome)}.`)
    return outcome.outcome === 'not-held' ? 'not-held' : 'released'
  } catch (err) {
    report(`Releasing the lease failed (${describeStorageErrorBrief(err)}); ${expiry}.`)
    return 'failed'
  }
}
