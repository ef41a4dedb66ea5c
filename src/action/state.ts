// The only module that reads or writes step state. Post relies on nothing else
// from main: inputs are evaluated again for post, but not reliably, and secrets
// never go into state.

import * as core from '@actions/core'
import { State } from './constants.ts'
import type { AmbientSource } from './entra.ts'

/** Where the lock lives, without credentials. */
export interface LockPlace {
  endpoint: string
  container: string
  lockName: string
  /** account/container/blob, as the logs name the lock. */
  location: string
  leaseDurationSeconds: number
  /** For ambient Entra sign-in: the source main found, so post uses it without searching again. */
  ambientSource?: AmbientSource
}

export function saveLockPlace(place: LockPlace): void {
  core.saveState(State.Lock, JSON.stringify(place))
}

export function lockPlace(): LockPlace | undefined {
  const text = core.getState(State.Lock)
  return text ? (JSON.parse(text) as LockPlace) : undefined
}

export function saveProposedLeaseId(leaseId: string): void {
  core.saveState(State.ProposedLeaseId, leaseId)
}

export function proposedLeaseId(): string | undefined {
  return core.getState(State.ProposedLeaseId) || undefined
}

export function saveLease(leaseId: string, acquiredAt: Date): void {
  core.saveState(State.LeaseId, leaseId)
  core.saveState(State.AcquiredAt, acquiredAt.toISOString())
}

/** Main gave the lease back itself: post has nothing to release. */
export function clearLease(): void {
  core.saveState(State.LeaseId, '')
}

export function leaseId(): string | undefined {
  return core.getState(State.LeaseId) || undefined
}

export function acquiredAt(): Date | undefined {
  const text = core.getState(State.AcquiredAt)
  return text ? new Date(text) : undefined
}

export function saveStatusFile(path: string): void {
  core.saveState(State.StatusFile, path)
}

export function statusFile(): string | undefined {
  return core.getState(State.StatusFile) || undefined
}

export function saveRenewerPid(pid: number): void {
  core.saveState(State.RenewerPid, String(pid))
}

export function renewerPid(): number | undefined {
  const pid = Number(core.getState(State.RenewerPid))
  return Number.isSafeInteger(pid) && pid > 1 ? pid : undefined
}
