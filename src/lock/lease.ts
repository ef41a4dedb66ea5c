// Lease arithmetic, in one place: the lengths Azure accepts, how long a lease
// is certainly ours, and the renewal schedule that keeps it so.

import type { StorageRetryOptions } from '@azure/storage-blob'

/** Azure grants leases of 15 to 60 seconds (or infinite ones, which a lock never takes). */
export const LEASE_SECONDS = { min: 15, max: 60, default: 60 } as const

/** Why a lease length is not one Azure grants, or undefined when it is. */
export function leaseSecondsProblem(seconds: number): string | undefined {
  if (Number.isInteger(seconds) && seconds >= LEASE_SECONDS.min && seconds <= LEASE_SECONDS.max) return undefined
  return `expected a whole number of seconds from ${LEASE_SECONDS.min} to ${LEASE_SECONDS.max}`
}

/**
 * The moment until which a lease granted (or renewed) by a request sent at
 * sentAt is certainly ours, unless someone breaks it: Azure started the lease's
 * clock no earlier than the moment the request left. Counting from the answer
 * instead would overstate the lease by one request's latency.
 * Both are readings of the monotonic clock (clock.ts), never of the wall
 * clock, which an NTP step or a resumed VM can move by minutes.
 */
export function leaseValidUntil(sentAt: number, leaseDurationMs: number): number {
  return sentAt + leaseDurationMs
}

export interface RenewalSchedule {
  /** The pause after a successful renewal. */
  intervalMs: number
  /** The pause after a failed attempt. */
  retryMs: number
  /** The longest one attempt may take, SDK retries included. */
  attemptTimeoutMs: number
  /** The longest one SDK try of an attempt may take. */
  tryTimeoutMs: number
}

/**
 * A renewal every third of the lease leaves two more chances before it lapses.
 * Each SDK try may take a quarter of the lease, so a slow but working network
 * still renews, and one attempt, retries included, at most half of it.
 */
export function renewalSchedule(leaseDurationMs: number): RenewalSchedule {
  const intervalMs = Math.floor(leaseDurationMs / 3)
  return {
    intervalMs,
    retryMs: Math.min(2_000, intervalMs),
    attemptTimeoutMs: Math.floor(leaseDurationMs / 2),
    tryTimeoutMs: Math.min(10_000, Math.floor(leaseDurationMs / 4)),
  }
}

/** SDK retry settings for renewal requests: three tries that fit in one attempt of the schedule. */
export function renewalRetry(leaseDurationMs: number): StorageRetryOptions {
  return {
    maxTries: 3,
    tryTimeoutInMs: renewalSchedule(leaseDurationMs).tryTimeoutMs,
    retryDelayInMs: 300,
    maxRetryDelayInMs: 1_000,
  }
}
