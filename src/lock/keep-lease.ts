// Keeping a held lease alive. Each renewal attempt ends in one of three
// outcomes, and only two things end the lease for us: Azure saying it is no
// longer ours, or a whole lease duration without a successful renewal.

import { setTimeout as delay } from 'node:timers/promises'
import { formatDuration } from './duration.ts'
import { describeStorageErrorBrief } from './errors.ts'
import { leaseValidUntil, renewalSchedule } from './lease.ts'
import { isLeaseGone } from './lock-blob.ts'

export type RenewalOutcome =
  /** Azure renewed the lease; sentAt is when the request left. */
  | { kind: 'renewed'; sentAt: Date; at: Date }
  /** A transient failure: the lease may well still be ours; try again soon. */
  | { kind: 'unknown'; sentAt: Date; at: Date; error: unknown }
  /** Azure said the lease id is no longer the blob's lease. */
  | { kind: 'lost'; sentAt: Date; at: Date; error: unknown }

/** A lease that stopped being ours, dated by what can be proven. */
export interface LeaseLoss {
  /**
   * The last moment the lease was certainly ours: the start of the last
   * request that Azure confirmed it with. The loss happened after it, never
   * before, so exclusivity is guaranteed up to here and no further.
   */
  exclusiveUntil: Date
  /** When the loss was found out. */
  detectedAt: Date
  reason: string
}

export interface KeepLeaseOptions {
  /** One renewal request; it must honour the signal. */
  renew: (signal: AbortSignal) => Promise<void>
  leaseDurationMs: number
  /** The start of the request that last confirmed the lease (its acquisition); defaults to now. */
  confirmedAt?: Date
  /** Overrides of the schedule that renewalSchedule derives from the lease duration (tests use short ones). */
  intervalMs?: number
  retryMs?: number
  attemptTimeoutMs?: number
  /** Told of every attempt; it must not throw (a throw is caught and ignored). */
  onOutcome?: (outcome: RenewalOutcome) => void
}

/**
 * Renews at once, then every interval, until the signal aborts (returns
 * undefined) or the lease is lost (returns the loss). The lease counts as
 * valid until the start of the last successful renewal plus its duration.
 */
export async function keepLease(options: KeepLeaseOptions, signal: AbortSignal): Promise<LeaseLoss | undefined> {
  const schedule = renewalSchedule(options.leaseDurationMs)
  const intervalMs = options.intervalMs ?? schedule.intervalMs
  const retryMs = options.retryMs ?? schedule.retryMs
  const attemptTimeoutMs = options.attemptTimeoutMs ?? schedule.attemptTimeoutMs
  let confirmedAt = options.confirmedAt?.getTime() ?? Date.now()
  let pause = 0
  let lastError: unknown
  const tell = (outcome: RenewalOutcome): void => {
    try {
      options.onOutcome?.(outcome)
    } catch {
      // Bookkeeping must never stop the renewals.
    }
  }

  while (!signal.aborted) {
    const validUntil = leaseValidUntil(confirmedAt, options.leaseDurationMs)
    await delay(Math.max(0, Math.min(pause, validUntil - Date.now())), undefined, { signal }).catch(() => {})
    if (signal.aborted) break
    const sentAt = Date.now()
    if (sentAt >= validUntil) {
      return {
        exclusiveUntil: new Date(confirmedAt),
        detectedAt: new Date(sentAt),
        reason:
          `no renewal succeeded for ${formatDuration(options.leaseDurationMs)}, the whole lease duration, so the lease ` +
          `ran out at ${new Date(validUntil).toISOString()} at the latest` +
          (lastError ? ` (last error: ${describeStorageErrorBrief(lastError)})` : ''),
      }
    }
    const attempt = AbortSignal.any([signal, AbortSignal.timeout(Math.min(attemptTimeoutMs, validUntil - sentAt))])
    try {
      await options.renew(attempt)
      confirmedAt = sentAt
      lastError = undefined
      pause = intervalMs
      tell({ kind: 'renewed', sentAt: new Date(sentAt), at: new Date() })
    } catch (err) {
      if (signal.aborted) break
      if (isLeaseGone(err)) {
        const detectedAt = new Date()
        tell({ kind: 'lost', sentAt: new Date(sentAt), at: detectedAt, error: err })
        return {
          exclusiveUntil: new Date(confirmedAt),
          detectedAt,
          reason: `Azure says the lease is no longer ours (${describeStorageErrorBrief(err)})`,
        }
      }
      lastError = err
      pause = retryMs
      tell({ kind: 'unknown', sentAt: new Date(sentAt), at: new Date(), error: err })
    }
  }
  return undefined
}
