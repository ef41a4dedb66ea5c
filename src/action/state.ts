// The only module that reads or writes step state. Post relies on nothing else
// from main: inputs are evaluated again for post, but not reliably, and secrets
// never go into state. What is read back is checked, not trusted.
//
// The runner hands post its state as environment variables, STATE_<key>, and
// Linux refuses to start a process with one variable over 128 KiB, or with
// all of them and the command line over about 2 MiB (E2BIG): too much state,
// and post never starts, so nothing releases the lease. Every key but the wait
// record holds only the action's own values and its inputs, each bounded (the
// lock's description is the job's own inputs, which reached main the same
// way); the wait record, mostly text that others wrote, is fitted to what the
// total leaves it (wait-record.ts).

import * as core from '@actions/core'
import { parseLockSpec, type LockSpec } from '../lock/spec.ts'
import type { AmbientSource } from '../sign-in/ambient.ts'
import { isServiceReading, type ServiceReading } from '../lock/service-time.ts'
import type { ChannelRef } from '../renewer/channel.ts'
import type { RenewerIdentity } from '../renewer/control.ts'
import { State } from './constants.ts'
import { parseJson } from './shape.ts'
import { MAX_WAIT_RECORD_BYTES, fitWaitRecord, waitRecordShape, type WaitRecord } from './wait-record.ts'

/** The most bytes of state one step saves, all keys together: far below what a process may be started with. */
export const MAX_STATE_BYTES = 64 * 1024

/** Room kept for what main saves after the wait (the lease, the turn, the lock again with its slot). */
const SAVED_AFTER_WAIT_BYTES = 2 * 1024

/** The size of each key's value as this step last saved it. */
const savedBytes = new Map<string, number>()

/** Saves one key, and notes its size for the total. */
function save(key: string, value: string): void {
  core.saveState(key, value)
  savedBytes.set(key, Buffer.byteLength(key) + Buffer.byteLength(value))
}

/** The bytes this step has saved under every key but `except`. */
function bytesSavedBesides(except: string): number {
  let total = 0
  for (const [key, bytes] of savedBytes) if (key !== except) total += bytes
  return total
}

function readJson(key: string): unknown {
  const text = core.getState(key)
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''
const isTime = (value: unknown): value is string => isText(value) && !Number.isNaN(Date.parse(value))

export function saveLock(spec: LockSpec): void {
  save(State.Lock, JSON.stringify(spec))
}

/** The lock main worked on; undefined when main saved none. Throws MalformedError when state holds something else. */
export function lock(): LockSpec | undefined {
  const value = readJson(State.Lock)
  return value === undefined ? undefined : parseLockSpec(value)
}

export function saveAmbientSource(source: AmbientSource | undefined): void {
  if (source) save(State.AmbientSource, source)
}

export function ambientSource(): AmbientSource | undefined {
  const source = core.getState(State.AmbientSource)
  const known: string[] = ['environment', 'workload-identity', 'managed-identity', 'azure-cli']
  return known.includes(source) ? (source as AmbientSource) : undefined
}

export function saveProposedLeaseId(leaseId: string): void {
  save(State.ProposedLeaseId, leaseId)
}

export function proposedLeaseId(): string | undefined {
  return core.getState(State.ProposedLeaseId) || undefined
}

/** The lease this job holds. */
export interface HeldLease {
  leaseId: string
  /** The start of the latest request Azure confirmed the lease with that main knew of (for display). */
  confirmedAt: Date
  /** The same moment on the monotonic clock: the lease is certainly ours until this plus its duration. */
  confirmedMono: number
  /** When the grant was answered, as the holder record and the outputs say (the runner's clock). */
  acquiredAt: Date
  /** The same moment on the service's clock, once the renewer has read it: what post shows. */
  heldSince?: Date
  /** The service's clock as the renewer's first renewal read it: how post shows times when the renewer cannot. */
  service?: ServiceReading
}

export function saveLease(lease: HeldLease): void {
  save(
    State.Lease,
    JSON.stringify({
      leaseId: lease.leaseId,
      confirmedAt: lease.confirmedAt.toISOString(),
      confirmedMono: lease.confirmedMono,
      acquiredAt: lease.acquiredAt.toISOString(),
      ...(lease.heldSince ? { heldSince: lease.heldSince.toISOString() } : {}),
      ...(lease.service ? { service: lease.service } : {}),
    }),
  )
}

/** Main gave the lease back itself: post has nothing to release. */
export function clearLease(): void {
  save(State.Lease, '')
}

export function lease(): HeldLease | undefined {
  const value = readJson(State.Lease) as Record<string, unknown> | undefined
  if (!value || !isText(value.leaseId) || !isTime(value.confirmedAt) || !isTime(value.acquiredAt)) return undefined
  if (typeof value.confirmedMono !== 'number' || !Number.isFinite(value.confirmedMono)) return undefined
  return {
    leaseId: value.leaseId,
    confirmedAt: new Date(value.confirmedAt),
    confirmedMono: value.confirmedMono,
    acquiredAt: new Date(value.acquiredAt),
    ...(isTime(value.heldSince) ? { heldSince: new Date(value.heldSince) } : {}),
    ...(isServiceReading(value.service) ? { service: value.service } : {}),
  }
}

/** Where the renewer is: its channel and its status file, and the process main started (once it has). */
export interface RenewerPlaces {
  channel: ChannelRef
  statusFile: string
  /** The renewer's pid and start time as main recorded them at spawn: the only process post may end. */
  renewer?: RenewerIdentity
}

export function saveRenewer(places: RenewerPlaces): void {
  // The channel's key is masked in main (publishHeld); state is never shown.
  save(State.RenewerChannel, JSON.stringify({ ...places.channel, renewer: places.renewer }))
  save(State.StatusFile, places.statusFile)
}

export function renewer(): RenewerPlaces | undefined {
  const channel = readJson(State.RenewerChannel) as Record<string, unknown> | undefined
  const statusFile = core.getState(State.StatusFile)
  if (!channel || !isText(channel.address) || !isText(channel.token) || !statusFile) return undefined
  const spawned = channel.renewer as Record<string, unknown> | undefined
  const identity =
    typeof spawned === 'object' &&
    spawned !== null &&
    typeof spawned.pid === 'number' &&
    Number.isSafeInteger(spawned.pid) &&
    spawned.pid > 1 &&
    (spawned.startTime === undefined || isText(spawned.startTime))
      ? { pid: spawned.pid, ...(spawned.startTime !== undefined ? { startTime: spawned.startTime as string } : {}) }
      : undefined
  return { channel: { address: channel.address, token: channel.token }, statusFile, renewer: identity }
}

/** What main saw while it waited; saved when the wait ends, however it ends, within what the total leaves it. */
export function saveWait(record: WaitRecord): void {
  const room = Math.min(MAX_WAIT_RECORD_BYTES, MAX_STATE_BYTES - SAVED_AFTER_WAIT_BYTES - bytesSavedBesides(State.Wait))
  save(State.Wait, JSON.stringify(fitWaitRecord(record, room)))
}

export function wait(): WaitRecord | undefined {
  return parseJson(core.getState(State.Wait), waitRecordShape)
}

/** This job's turn at the lock: what the job summary shows beside the lease. */
export interface Turn {
  /** The fencing token of this acquisition (the output fencing-token). */
  fencingToken: number
  /** The place in line on arrival, the holder counted first: 1 when the lock was taken at once. */
  arrivalPosition: number
  /** With slots: the slot held, and how many the lock has (slots.ts); absent for a lock of one slot. */
  slot?: { slot: number; of: number }
}

export function saveTurn(turn: Turn): void {
  save(
    State.Turn,
    JSON.stringify({
      fencingToken: turn.fencingToken,
      arrivalPosition: turn.arrivalPosition,
      ...(turn.slot ? { slot: turn.slot } : {}),
    }),
  )
}

/** The turn main saved; undefined when there is none or state holds something else. */
export function turn(): Turn | undefined {
  const value = readJson(State.Turn) as Record<string, unknown> | undefined
  const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1
  if (!value || !isCount(value.fencingToken) || !isCount(value.arrivalPosition)) return undefined
  const slot = value.slot as Record<string, unknown> | undefined
  const slotOk = slot && isCount(slot.slot) && isCount(slot.of) && slot.slot <= slot.of
  return {
    fencingToken: value.fencingToken,
    arrivalPosition: value.arrivalPosition,
    ...(slotOk ? { slot: { slot: slot.slot as number, of: slot.of as number } } : {}),
  }
}
