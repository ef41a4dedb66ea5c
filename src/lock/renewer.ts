// The renewer: keeps a held lease alive. Each attempt ends in one of three
// outcomes, and only two things end the lease for us: Azure saying it is no
// longer ours, or a whole lease duration without a successful renewal.

import { setTimeout as delay } from 'node:timers/promises'
import type { StorageRetryOptions } from '@azure/storage-blob'
import { formatDuration } from './duration.ts'
import { describeStorageErrorBrief } from './errors.ts'
import { isLeaseGone } from './lock-blob.ts'

export type RenewalOutcome =
  | { kind: 'renewed'; at: Date }
  /** A transient failure: the lease may well still be ours; try again soon. */
  | { kind: 'unknown'; at: Date; error: unknown }
  /** Azure said the lease id is no longer the blob's lease. */
  | { kind: 'lost'; at: Date; error: unknown }

export interface LeaseLoss {
  /** From this moment on, exclusivity is not guaranteed. */
  at: Date
  reason: string
}

export interface RenewerOptions {
  /** One renewal request; it must honour the signal. */
  renew: (signal: AbortSignal) => Promise<void>
  leaseDurationMs: number
  /** Pause after a successful renewal; defaults to a third of the lease. */
  intervalMs?: number
  /** Pause after a failed attempt. */
  retryMs?: number
  /** The longest one attempt may take, SDK retries included. */
  attemptTimeoutMs?: number
  /** Time the lease was last known to be ours (acquired or renewed); defaults to now. */
  heldSince?: Date
  onOutcome?: (outcome: RenewalOutcome) => void
}

/**
 * The renewal schedule for a lease of the given length. A renewal every third
 * of the lease leaves two more chances before it lapses; each SDK try may take
 * a quarter of the lease (so a slow but working network still renews), and one
 * attempt, SDK retries included, at most half of it.
 */
export function renewalTimings(leaseDurationMs: number): {
  intervalMs: number
  retryMs: number
  attemptTimeoutMs: number
  tryTimeoutMs: number
} {
  const intervalMs = Math.floor(leaseDurationMs / 3)
  return {
    intervalMs,
    retryMs: Math.min(2_000, intervalMs),
    attemptTimeoutMs: Math.floor(leaseDurationMs / 2),
    tryTimeoutMs: Math.min(10_000, Math.floor(leaseDurationMs / 4)),
  }
}

/** SDK retry settings for renewal requests: they fit in one attempt of the schedule above. */
export function renewerRetry(leaseDurationMs: number): StorageRetryOptions {
  return {
    maxTries: 3,
    tryTimeoutInMs: renewalTimings(leaseDurationMs).tryTimeoutMs,
    retryDelayInMs: 300,
    maxRetryDelayInMs: 1_000,
  }
}

/**
 * Renews until the signal aborts (returns undefined) or the lease is lost
 * (returns when and why). A lease counts as valid until the start of the last
 * successful renewal plus the lease duration: Azure renewed it no earlier than
 * the moment we sent the request.
 */
export async function keepLease(options: RenewerOptions, signal: AbortSignal): Promise<LeaseLoss | undefined> {
  const defaults = renewalTimings(options.leaseDurationMs)
  const intervalMs = options.intervalMs ?? defaults.intervalMs
  const retryMs = options.retryMs ?? defaults.retryMs
  const attemptTimeoutMs = options.attemptTimeoutMs ?? defaults.attemptTimeoutMs
  let validUntil = (options.heldSince?.getTime() ?? Date.now()) + options.leaseDurationMs
  let pause = 0
  let lastError: unknown

  while (!signal.aborted) {
    await delay(Math.max(0, Math.min(pause, validUntil - Date.now())), undefined, { signal }).catch(() => {})
    if (signal.aborted) break
    const sentAt = Date.now()
    if (sentAt >= validUntil) {
      return {
        at: new Date(validUntil),
        reason:
          `no successful renewal for ${formatDuration(options.leaseDurationMs)}, the whole lease duration` +
          (lastError ? ` (last error: ${describeStorageErrorBrief(lastError)})` : ''),
      }
    }
    const attempt = AbortSignal.any([signal, AbortSignal.timeout(Math.min(attemptTimeoutMs, validUntil - sentAt))])
    try {
      await options.renew(attempt)
      validUntil = sentAt + options.leaseDurationMs
      lastError = undefined
      pause = intervalMs
      options.onOutcome?.({ kind: 'renewed', at: new Date() })
    } catch (err) {
      if (signal.aborted) break
      if (isLeaseGone(err)) {
        options.onOutcome?.({ kind: 'lost', at: new Date(), error: err })
        return { at: new Date(), reason: `Azure says the lease is no longer ours (${describeStorageErrorBrief(err)})` }
      }
      lastError = err
      pause = retryMs
      options.onOutcome?.({ kind: 'unknown', at: new Date(), error: err })
    }
  }
  return undefined
}
