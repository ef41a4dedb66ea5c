// The renewer's lifecycle as one explicit state machine, and the verdict post
// draws from it. Both are pure: the renewer process feeds events to advance(),
// and what it reports (over its channel, or in its status file) is the state
// that results. Post reads that state through verdict() alone.
//
//   starting ──renewed──▶ holding ──released──────▶ released
//      │                   │  ├──lost / found-lost─▶ lost
//      └──failed──▶ failed │  └──release-failed───▶ unreleased (expires by itself)
//                          └──renewed, renewal-failed (stays holding)
//
// Times come in two kinds. Readings of the monotonic clock (…Mono, ms) are
// what every decision is made on: one clock for every process of the machine,
// which no change of the wall clock moves. ISO times are for people, told on
// the service's clock where one is known (service-time.ts).

import { formatDuration } from '../lock/duration.ts'
import { serviceTimeAt, isServiceReading, type ServiceReading } from '../lock/service-time.ts'

/** Who asked the renewer to let the lock go. */
export type Requester = 'post' | 'release step' | 'worker gone'

export type Phase = 'starting' | 'holding' | 'released' | 'lost' | 'unreleased' | 'failed'

/**
 * A lapse that a later renewal healed: a whole lease duration went by with no
 * renewal confirmed (storage or the network was gone), so the lease may have
 * run out; then a renewal succeeded, which Azure grants only if nobody leased
 * the blob since. The longest such lapse of the hold, and how many there were.
 */
export interface HealedLapse {
  count: number
  /** From the start of the last confirming request before the lapse to the answer of the renewal that healed it. */
  gapMs: number
  leaseMs: number
  /** ISO times (the service's clock where known): when the lease's certain end passed, and the healing renewal's answer. */
  lapsedAt: string
  renewedAt: string
}

export interface LossRecord {
  /** ISO time: the start of the last request Azure confirmed the lease with; exclusivity holds up to here. */
  exclusiveUntil: string
  /** ISO time the loss was found out. */
  detectedAt: string
  reason: string
}

/** What the renewer says of itself: its status file holds it, and it answers with it. */
export interface RenewerReport {
  pid: number
  phase: Phase
  /** ISO time the process started. */
  startedAt: string
  /** ISO time: the start of the last request that confirmed the lease (the acquire, then each renewal). */
  confirmedAt?: string
  /** The same moment as a monotonic reading: what the lease's validity is counted from. */
  confirmedMono?: number
  /** The latest Date header of a renewal, with its monotonic readings: how times are shown. */
  service?: ServiceReading
  /** ISO time the last successful renewal was answered. */
  renewedAt?: string
  /** The same moment as a monotonic reading. */
  renewedMono?: number
  renewals: number
  /** Renewal attempts that failed without an answer that the lease is gone. */
  failures: number
  /** The longest time between two successful renewals (their answers), in ms. */
  longestGapMs: number
  /** Lapses that a later renewal healed: the longest, and how many. */
  healedLapse?: HealedLapse
  loss?: LossRecord
  released?: { at: string; by: Requester }
  /** Why the renewer failed to start, or why its release failed. */
  error?: string
}

export type LifecycleEvent =
  | { type: 'hold'; confirmedAt: Date; confirmedMono: number }
  /**
   * Monotonic readings: when the renewal left and when it was answered, and its Date header. afterLapse: it was
   * sent past the lease's certain end (keep-lease.ts), with the lease's length.
   */
  | { type: 'renewed'; sentAt: number; at: number; service?: ServiceReading; afterLapse?: { leaseMs: number } }
  | { type: 'renewal-failed' }
  | { type: 'lost'; exclusiveUntil: Date; detectedAt: Date; reason: string }
  /** Release answered that the lease was not ours any more. */
  | { type: 'found-lost'; at: Date }
  | { type: 'released'; at: Date; by: Requester }
  | { type: 'release-failed'; error: string }
  | { type: 'failed'; error: string }

export function initialReport(pid: number, startedAt: Date): RenewerReport {
  return { pid, phase: 'starting', startedAt: startedAt.toISOString(), renewals: 0, failures: 0, longestGapMs: 0 }
}

/** True once the renewer will never hold the lease again. */
export function isFinal(phase: Phase): boolean {
  return phase !== 'starting' && phase !== 'holding'
}

/**
 * The next state. An event that does not apply to the current phase (a late
 * renewal after a release, say) leaves the state as it is: a final phase is
 * never left.
 */
export function advance(report: RenewerReport, event: LifecycleEvent): RenewerReport {
  if (isFinal(report.phase)) return report
  const held = report.phase === 'holding'
  switch (event.type) {
    case 'hold':
      return { ...report, confirmedAt: event.confirmedAt.toISOString(), confirmedMono: event.confirmedMono }
    case 'renewed': {
      const previous = report.renewedMono ?? report.confirmedMono ?? event.sentAt
      const service = event.service ?? report.service
      const healedLapse = event.afterLapse ? healed(report, event, event.afterLapse.leaseMs, service) : undefined
      return {
        ...report,
        ...(healedLapse ? { healedLapse } : {}),
        phase: 'holding',
        confirmedAt: serviceTimeAt(event.sentAt, service, 'no-later').toISOString(),
        confirmedMono: event.sentAt,
        renewedAt: serviceTimeAt(event.at, service, 'no-later').toISOString(),
        renewedMono: event.at,
        ...(service ? { service } : {}),
        renewals: report.renewals + 1,
        longestGapMs: Math.max(report.longestGapMs, event.at - previous),
      }
    }
    case 'renewal-failed':
      return { ...report, failures: report.failures + 1 }
    case 'lost':
      return {
        ...report,
        phase: 'lost',
        loss: {
          exclusiveUntil: event.exclusiveUntil.toISOString(),
          detectedAt: event.detectedAt.toISOString(),
          reason: event.reason,
        },
      }
    case 'found-lost':
      return held
        ? {
            ...report,
            phase: 'lost',
            loss: {
              exclusiveUntil: report.confirmedAt ?? report.startedAt,
              detectedAt: event.at.toISOString(),
              reason: 'at release, Azure said the lease was no longer ours',
            },
          }
        : report
    case 'released':
      return held ? { ...report, phase: 'released', released: { at: event.at.toISOString(), by: event.by } } : report
    case 'release-failed':
      return held ? { ...report, phase: 'unreleased', error: event.error } : report
    case 'failed':
      return report.phase === 'starting' ? { ...report, phase: 'failed', error: event.error } : report
  }
}

/** The report's healed lapse with this renewal's counted in: the longest of them is kept. */
function healed(
  report: RenewerReport,
  renewal: { at: number },
  leaseMs: number,
  service: ServiceReading | undefined,
): HealedLapse | undefined {
  const confirmed = report.confirmedMono
  if (confirmed === undefined) return report.healedLapse
  const count = (report.healedLapse?.count ?? 0) + 1
  const gapMs = renewal.at - confirmed
  if (report.healedLapse && report.healedLapse.gapMs >= gapMs) return { ...report.healedLapse, count }
  return {
    count,
    gapMs,
    leaseMs,
    lapsedAt: serviceTimeAt(confirmed + leaseMs, service, 'no-later').toISOString(),
    renewedAt: serviceTimeAt(renewal.at, service, 'no-later').toISOString(),
  }
}

/**
 * The warning of a healed lapse, for post and the release step: how long the
 * lease went unrenewed, and why that is safe.
 */
export function healedLapseWarning(lapse: HealedLapse): string {
  const more = lapse.count > 1 ? ` It lapsed ${lapse.count} times; this was the longest.` : ''
  return (
    `The lease went unrenewed for ${formatDuration(lapse.gapMs)}, longer than its ${formatDuration(lapse.leaseMs)} ` +
    `duration (storage or the network was gone): it may have run out at ${lapse.lapsedAt}, but a renewal ` +
    `answered at ${lapse.renewedAt} succeeded. Azure renews a lapsed lease only if nobody leased the lock since, so nobody ` +
    `else held it.${more}`
  )
}

// ---- Post's verdict --------------------------------------------------------

/** How post's conversation with the renewer went. */
export type StopAnswer =
  /** The renewer answered with its final state. */
  | { kind: 'answered'; report: RenewerReport }
  /** Nothing listens where the renewer should: it has exited or died. */
  | { kind: 'gone' }
  /** It proved who it was but gave no final answer in time, and was ended. */
  | { kind: 'stopped'; pid: number }
  /** Something accepted the connection but never said who it was: left alone. */
  | { kind: 'silent' }
  /** Something answered at the renewer's address but failed its challenge: told nothing, left alone. */
  | { kind: 'impostor' }

export type OwnRelease = 'released' | 'not-held' | 'failed'

export interface VerdictInput {
  answer: StopAnswer
  /** The status file, for when the renewer did not answer. */
  statusFile: RenewerReport | undefined
  /** Post's own release with the lease id, when the renewer did not release. */
  ownRelease: OwnRelease | undefined
  /** From step state: the monotonic reading of the latest confirmation main knew of. */
  confirmedMono: number
  /** From step state: main's reading of the service's clock, for showing times when the renewer left none. */
  service?: ServiceReading
  leaseDurationMs: number
  /** Post's own renewal, tried when the lease had lapsed unconfirmed: when it left (monotonic) and what came of it. */
  ownRenewal?: { sentAt: number; outcome: 'renewed' | 'gone' | 'failed' }
  /** When post looked (monotonic): just before its own renewal or release, if it made one. */
  now: number
}

export type Verdict =
  | { kind: 'released'; report: RenewerReport | undefined; early?: { at: string; by: Requester } }
  | { kind: 'lost'; loss: LossRecord }
  /** Neither released nor known lost: the lease runs out by itself within its duration. */
  | { kind: 'expires' }

export interface VerdictWithNotes {
  verdict: Verdict
  /** Things post should warn about, whatever the verdict. */
  warnings: string[]
}

/** Whether post must release with its own credentials: the renewer did not, and it holds no final word. */
export function needsOwnRelease(answer: StopAnswer, statusFile: RenewerReport | undefined): boolean {
  const report = answer.kind === 'answered' ? answer.report : statusFile
  return !(report && (report.phase === 'released' || report.phase === 'lost'))
}

/** What post reports, from what the renewer said (or left behind) and post's own release. */
export function verdict(input: VerdictInput): VerdictWithNotes {
  const { answer, ownRelease, ownRenewal } = input
  const warnings: string[] = []
  const report = answer.kind === 'answered' ? answer.report : input.statusFile
  const service = report?.service ?? input.service
  const shown = (t: number, bound: 'no-later' | 'no-earlier'): string => serviceTimeAt(t, service, bound).toISOString()
  const nowShown = shown(input.now, 'no-earlier')
  if (report?.phase === 'lost' && report.loss) return { verdict: { kind: 'lost', loss: report.loss }, warnings }
  if (report?.phase === 'released' && report.released?.by === 'worker gone') {
    // Post is running, so the worker was not gone: the renewer let the lock go in the middle of the job.
    const loss = {
      exclusiveUntil: report.released.at,
      detectedAt: nowShown,
      reason: 'the renewer released the lease because it took the runner worker for gone',
    }
    return { verdict: { kind: 'lost', loss }, warnings }
  }
  // A lapse that a later renewal healed: not a loss, but the job should hear of it.
  if (report?.healedLapse) warnings.push(healedLapseWarning(report.healedLapse))
  if (report?.phase === 'released' && report.released) {
    const early = report.released.by === 'post' ? undefined : report.released
    return { verdict: { kind: 'released', report, early }, warnings }
  }

  if (answer.kind === 'gone' && report?.phase !== 'failed') {
    warnings.push(
      `The renewer stopped unexpectedly${report?.confirmedAt ? `; it last renewed at ${report.confirmedAt}` : ''}.`,
    )
  } else if (answer.kind === 'stopped') {
    warnings.push(`The renewer (pid ${answer.pid}) did not answer in time and was stopped.`)
  } else if (answer.kind === 'silent') {
    warnings.push('The renewer did not answer; it is left for the job-end clean-up.')
  } else if (answer.kind === 'impostor') {
    warnings.push(
      "Something other than this job's renewer listens at its address: it could not prove who it is, so it was " +
        "told nothing and left alone. The lease is released with the step's credentials.",
    )
  } else if (answer.kind === 'answered' && report?.phase === 'unreleased') {
    warnings.push(`The renewer could not release the lease (${report.error ?? 'no reason given'}).`)
  }

  // The lease was certainly ours up to the latest confirmation anyone knows of (monotonic readings).
  let confirmed = Math.max(input.confirmedMono, report?.confirmedMono ?? -Infinity)
  if (ownRenewal?.outcome === 'renewed') {
    warnings.push(
      `The lease went unrenewed for longer than its duration (since ${shown(confirmed, 'no-later')}), but post ` +
        'renewed it: Azure renews a lapsed lease only if nobody leased the lock since, so nobody else held it.',
    )
    confirmed = Math.max(confirmed, ownRenewal.sentAt)
  }
  const ranOutAt = confirmed + input.leaseDurationMs
  if (ownRenewal?.outcome === 'gone' || ownRelease === 'not-held') {
    const loss = {
      exclusiveUntil: shown(confirmed, 'no-later'),
      detectedAt: nowShown,
      reason: `${ownRenewal?.outcome === 'gone' ? 'at renewal' : 'at release'}, Azure said the lease was no longer ours`,
    }
    return { verdict: { kind: 'lost', loss }, warnings }
  }
  if (ranOutAt < input.now) {
    // Nothing confirmed it for a whole lease duration, and post's own renewal could not either: it may have
    // run out, and another holder may have got in. Exclusivity cannot be proven past the last confirmation.
    const loss = {
      exclusiveUntil: shown(confirmed, 'no-later'),
      detectedAt: nowShown,
      reason:
        `the renewer had stopped, and no renewal succeeded for the whole lease duration: the lease may have ` +
        `run out at ${shown(ranOutAt, 'no-later')}`,
    }
    return { verdict: { kind: 'lost', loss }, warnings }
  }
  if (ownRelease === 'released') return { verdict: { kind: 'released', report }, warnings }
  return { verdict: { kind: 'expires' }, warnings }
}

// ---- Reading a report back -------------------------------------------------

const PHASES = new Set<Phase>(['starting', 'holding', 'released', 'lost', 'unreleased', 'failed'])
const REQUESTERS = new Set<Requester>(['post', 'release step', 'worker gone'])

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value))
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0
const isReading = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function isHealedLapse(value: unknown): value is HealedLapse {
  if (typeof value !== 'object' || value === null) return false
  const h = value as Record<string, unknown>
  return isCount(h.count) && isCount(h.gapMs) && isCount(h.leaseMs) && isTime(h.lapsedAt) && isTime(h.renewedAt)
}

/** A report read from a file or a socket, if it has the shape the renewer writes; undefined otherwise. */
export function parseRenewerReport(value: unknown): RenewerReport | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const r = value as Record<string, unknown>
  const loss = r.loss as Record<string, unknown> | undefined
  const released = r.released as Record<string, unknown> | undefined
  const valid =
    isCount(r.pid) &&
    PHASES.has(r.phase as Phase) &&
    isTime(r.startedAt) &&
    (r.confirmedAt === undefined || isTime(r.confirmedAt)) &&
    (r.renewedAt === undefined || isTime(r.renewedAt)) &&
    (r.confirmedMono === undefined || isReading(r.confirmedMono)) &&
    (r.renewedMono === undefined || isReading(r.renewedMono)) &&
    (r.service === undefined || isServiceReading(r.service)) &&
    isCount(r.renewals) &&
    isCount(r.failures) &&
    isCount(r.longestGapMs) &&
    (r.healedLapse === undefined || isHealedLapse(r.healedLapse)) &&
    (loss === undefined ||
      (typeof loss === 'object' &&
        loss !== null &&
        isTime(loss.exclusiveUntil) &&
        isTime(loss.detectedAt) &&
        typeof loss.reason === 'string')) &&
    (released === undefined ||
      (typeof released === 'object' &&
        released !== null &&
        isTime(released.at) &&
        REQUESTERS.has(released.by as Requester))) &&
    (r.error === undefined || typeof r.error === 'string')
  return valid ? (value as RenewerReport) : undefined
}
