// Keeping a held lease alive. Each renewal attempt ends in one of three
// outcomes, and only one thing ends the lease for us: Azure saying it is no
// longer ours.
//
// The rule for time, all of it on the monotonic clock (clock.ts), never the
// wall clock, which an NTP step or a resumed VM can move by minutes:
// - The lease is certainly ours until the start of the last request Azure
//   confirmed it with, plus the lease duration (leaseValidUntil).
// - Past that moment with only transient failures since, it has "lapsed": we
//   can no longer prove it is ours, but it may well be, and nobody else may
//   have taken it. We do not give it up or call it lost on that account. We
//   keep trying, because a renewal that succeeds after the lapse proves that
//   nobody leased the blob since (Azure renews an expired lease only then),
//   so exclusivity held throughout.
// - Each attempt says whether it was sent after a lapse, and what it proves;
//   whoever stops the renewals decides what to make of a lapse that no
//   renewal healed (the renewer tries once more, then reports it honestly).

import { setTimeout as delay } from 'node:timers/promises'
import { monotonicNow } from './clock.ts'
import { describeStorageErrorBrief } from './errors.ts'
import { leaseValidUntil, renewalSchedule } from './lease.ts'
import { serviceReading, type ServiceReading } from './service-time.ts'
import { isLeaseGone } from './lease-answers.ts'

/** Every time here is a monotonicNow() reading. */
export type RenewalOutcome =
  /**
   * Azure renewed the lease; sentAt is when the request left; service is its Date header, when it had one.
   * afterLapse: answered past the lease's certain end, so the lease may have run out before the renewal reached
   * Azure (a try of the SDK's own can leave late), and its success proves that nobody leased the blob since.
   */
  | { kind: 'renewed'; sentAt: number; at: number; service?: ServiceReading; afterLapse: boolean }
  /** A transient failure: the lease may well still be ours; try again soon. lapsed: past the lease's certain end. */
  | { kind: 'unknown'; sentAt: number; at: number; error: unknown; lapsed: boolean }
  /** Azure said the lease id is no longer the blob's lease. */
  | { kind: 'lost'; sentAt: number; at: number; error: unknown }

/** A lease that stopped being ours, dated by what can be proven (monotonic readings). */
export interface LeaseLoss {
  /**
   * The last moment the lease was certainly ours: the start of the last
   * request that Azure confirmed it with. The loss happened after it, never
   * before, so exclusivity is guaranteed up to here and no further.
   */
  exclusiveUntil: number
  /** When the loss was found out. */
  detectedAt: number
  reason: string
}

export interface KeepLeaseOptions {
  /** One renewal request; it must honour the signal. It may return the response's Date header. */
  renew: (signal: AbortSignal) => Promise<Date | undefined | void>
  leaseDurationMs: number
  /** The start of the request that last confirmed the lease (its acquisition), a monotonic reading; defaults to now. */
  confirmedAt?: number
  /** Overrides of the schedule that renewalSchedule derives from the lease duration (tests use short ones). */
  intervalMs?: number
  retryMs?: number
  attemptTimeoutMs?: number
  /** The clock all of the arithmetic runs on; the monotonic clock unless a test injects one. */
  now?: () => number
  /** Told of every attempt; it must not throw (a throw is caught and ignored). */
  onOutcome?: (outcome: RenewalOutcome) => void
}

/**
 * Renews at once, then every interval, until the signal aborts (returns
 * undefined) or Azure says the lease is gone (returns the loss). After a
 * failed attempt it tries again every retry pause, for as long as it takes:
 * elapsed time alone never ends the lease (see the rule above).
 */
export async function keepLease(options: KeepLeaseOptions, signal: AbortSignal): Promise<LeaseLoss | undefined> {
  const clock = options.now ?? monotonicNow
  const schedule = renewalSchedule(options.leaseDurationMs)
  const intervalMs = options.intervalMs ?? schedule.intervalMs
  const retryMs = options.retryMs ?? schedule.retryMs
  const attemptTimeoutMs = options.attemptTimeoutMs ?? schedule.attemptTimeoutMs
  let confirmedAt = options.confirmedAt ?? clock()
  let pause = 0
  const tell = (outcome: RenewalOutcome): void => {
    try {
      options.onOutcome?.(outcome)
    } catch {
      // Bookkeeping must never stop the renewals.
    }
  }

  while (!signal.aborted) {
    const validUntil = leaseValidUntil(confirmedAt, options.leaseDurationMs)
    // Before the lease's certain end, the next try comes no later than that end.
    const left = validUntil - clock()
    const wait = left > 0 ? Math.min(pause, left) : pause
    await delay(wait, undefined, { signal }).catch(() => {})
    if (signal.aborted) break
    const sentAt = clock()
    const lapsed = sentAt >= validUntil
    const attempt = AbortSignal.any([signal, AbortSignal.timeout(attemptTimeoutMs)])
    try {
      const date = await options.renew(attempt)
      const at = clock()
      confirmedAt = sentAt
      pause = intervalMs
      const service = serviceReading(date ?? undefined, sentAt, at)
      tell({ kind: 'renewed', sentAt, at, afterLapse: at >= validUntil, ...(service ? { service } : {}) })
    } catch (err) {
      if (signal.aborted) break
      if (isLeaseGone(err)) {
        const detectedAt = clock()
        tell({ kind: 'lost', sentAt, at: detectedAt, error: err })
        return {
          exclusiveUntil: confirmedAt,
          detectedAt,
          reason: `Azure says the lease is no longer ours (${describeStorageErrorBrief(err)})`,
        }
      }
      pause = retryMs
      tell({ kind: 'unknown', sentAt, at: clock(), error: err, lapsed })
    }
  }
  return undefined
}
