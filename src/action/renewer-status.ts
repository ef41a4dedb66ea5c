// The renewer's status file: how the detached renewer tells main that it is
// renewing, and tells post whether the lease was kept, released or lost.
// Written whole and renamed into place, so a reader never sees half a file.

import { readFileSync, renameSync, writeFileSync } from 'node:fs'

export interface RenewerStatus {
  pid: number
  state: 'starting' | 'renewing' | 'released' | 'lost' | 'failed'
  startedAt: string
  /** Start of the last successful renewal: the lease is ours until this plus the lease duration. */
  lastRenewedAt?: string
  renewals: number
  /** Failed attempts since the start (transient errors). */
  failures: number
  /** The longest time between two successful renewals, in ms. */
  longestGapMs: number
  /** When the lease was lost, if known: unset when Azure only said so at release. */
  lostAt?: string
  /** Why the lease was lost, or why the renewer failed or released. */
  reason?: string
  releasedAt?: string
}

export function writeStatus(path: string, status: RenewerStatus): void {
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(status), { mode: 0o600 })
  renameSync(tmp, path)
}

export function readStatus(path: string): RenewerStatus | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RenewerStatus
  } catch {
    return undefined
  }
}
