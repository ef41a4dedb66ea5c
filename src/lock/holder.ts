// The holder record: who holds the lease, written as blob metadata under the
// lease so that waiters can say who they are waiting for and since when.
// A record read from a blob is input from strangers: it is kept exactly as
// read (for comparisons) and shown only through describeHolder.

import { HANDED_TO_KEY, decodeValue, encodeValue } from './metadata.ts'
import { shownRunUrl } from './run-page.ts'
import { showUntrusted } from './untrusted-text.ts'

export interface HolderRecord {
  repository: string
  workflow: string
  job: string
  runId: string
  runAttempt: string
  actor: string
  runUrl: string
  /** ISO 8601 UTC time the lease was acquired. */
  acquiredAt: string
  /**
   * The lease duration in seconds. A holder that writes it refreshes its
   * record as it renews, so a waiter can tell a live record from one left by
   * a holder that is gone. Records of older versions lack it.
   */
  leaseSeconds?: string
  /** The queue ticket the holder waited with; absent when it took a free lock at once, and in older records. */
  ticket?: string
  /**
   * The supersede key and sequence of the job (latest.ts), as it gave them;
   * absent when it gave no key. Read from a blob, they are untrusted text.
   */
  supersedeKey?: string
  sequence?: string
}

/** Who a job is, without the times: what a waiter writes on its queue entry. */
export type HolderIdentity = Omit<HolderRecord, 'acquiredAt' | 'leaseSeconds' | 'ticket'>

const FIELDS: ReadonlyArray<[keyof HolderRecord, string]> = [
  ['repository', 'holder_repository'],
  ['workflow', 'holder_workflow'],
  ['job', 'holder_job'],
  ['runId', 'holder_run_id'],
  ['runAttempt', 'holder_run_attempt'],
  ['actor', 'holder_actor'],
  ['runUrl', 'holder_run_url'],
  ['acquiredAt', 'holder_acquired_at'],
  ['leaseSeconds', 'holder_lease_seconds'],
  ['ticket', 'holder_ticket'],
  ['supersedeKey', 'holder_supersede_key'],
  ['sequence', 'holder_sequence'],
]

/** Fields that older records lack: read back only when present. */
const OPTIONAL_FIELDS: ReadonlySet<keyof HolderRecord> = new Set(['leaseSeconds', 'ticket', 'supersedeKey', 'sequence'])

/** The fields that say who, not when: the ones a queue entry carries too (the supersede key and sequence when given). */
const IDENTITY_FIELDS = FIELDS.filter(
  ([field]) => field !== 'acquiredAt' && field !== 'leaseSeconds' && field !== 'ticket',
)

/** The keys of the record on the blob; other keys on it belong to others and are left alone. */
export const HOLDER_KEYS: readonly string[] = FIELDS.map(([, key]) => key)

/**
 * The last fencing token handed out for this lock, kept on the lock blob
 * beside the holder record and written under the holder's lease. It is not a
 * holder key: it stays when the record is cleared at release, so that a
 * fencing counter that was deleted (with the whole .azure-mutex/ folder, say)
 * starts again above it instead of at 1.
 */
export const FENCING_KEY = 'azure_mutex_fencing_token'

/** True for a metadata key of the holder record (metadata keys are case-insensitive). */
export function isHolderKey(key: string): boolean {
  // The handover mark (handover.ts) goes with the record: the next holder's record or a release clears it.
  return HOLDER_KEYS.includes(key.toLowerCase()) || key.toLowerCase() === HANDED_TO_KEY
}

export function holderToMetadata(record: HolderRecord): Record<string, string> {
  const metadata: Record<string, string> = {}
  for (const [field, key] of FIELDS) {
    const value = record[field]
    if (value !== undefined) metadata[key] = encodeValue(value)
  }
  return metadata
}

/** Keys are case-insensitive on the service; the SDK hands them over lower-cased, List Blobs as written. */
function lowerCased(metadata: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]))
}

/** The record on a blob, or undefined when the blob carries none (a lease taken by az CLI or go-azuremutex). */
export function holderFromMetadata(metadata: Record<string, string> | undefined): HolderRecord | undefined {
  if (!metadata) return undefined
  const values = lowerCased(metadata)
  if (values.get('holder_acquired_at') === undefined) return undefined
  const record = {} as HolderRecord
  for (const [field, key] of FIELDS) {
    const value = values.get(key)
    if (value !== undefined || !OPTIONAL_FIELDS.has(field)) record[field] = decodeValue(value ?? '')
  }
  return record
}

/** The metadata of a queue entry: who waits, in the holder record's own keys and encoding. */
export function identityToMetadata(identity: HolderIdentity): Record<string, string> {
  const metadata: Record<string, string> = {}
  for (const [field, key] of IDENTITY_FIELDS) {
    const value = identity[field as keyof HolderIdentity]
    if (value !== undefined || !OPTIONAL_FIELDS.has(field)) metadata[key] = encodeValue(value ?? '')
  }
  return metadata
}

/** Who a queue entry says waits, or undefined when it says nothing (not written by this action). */
export function identityFromMetadata(metadata: Record<string, string> | undefined): HolderIdentity | undefined {
  if (!metadata) return undefined
  const values = lowerCased(metadata)
  if (!IDENTITY_FIELDS.some(([field, key]) => !OPTIONAL_FIELDS.has(field) && values.has(key))) return undefined
  const identity = {} as HolderIdentity
  for (const [field, key] of IDENTITY_FIELDS) {
    const value = values.get(key)
    if (value !== undefined || !OPTIONAL_FIELDS.has(field))
      identity[field as keyof HolderIdentity] = decodeValue(value ?? '')
  }
  return identity
}

/**
 * How far a record read from the lock blob can be believed. A holder that
 * writes its lease duration rewrites its record at every renewal, so the
 * blob's Last-Modified is never older than one lease duration while it lives.
 * Both times are the service's, with one-second resolution: 'stale' only when
 * Last-Modified is older than the lease duration plus two seconds.
 */
export type Freshness =
  | { kind: 'fresh' }
  /** A record of an older version, which never refreshes it: believed while the blob is leased. */
  | { kind: 'unknown-age' }
  /** Not refreshed for longer than its lease: its holder stopped renewing at `stoppedAt`. */
  | { kind: 'stale'; stoppedAt: Date }

const CLOCK_RESOLUTION_MS = 2_000

export function freshnessOf(
  record: HolderRecord,
  modifiedAt: Date | undefined,
  serviceNow: Date | undefined,
): Freshness {
  const seconds = /^\d{1,3}$/.test(record.leaseSeconds ?? '') ? Number(record.leaseSeconds) : NaN
  if (!(seconds >= 1) || !modifiedAt || !serviceNow) return { kind: 'unknown-age' }
  const age = serviceNow.getTime() - modifiedAt.getTime()
  return age > seconds * 1000 + CLOCK_RESOLUTION_MS ? { kind: 'stale', stoppedAt: modifiedAt } : { kind: 'fresh' }
}

/**
 * One line naming the holder, e.g. "octo/api run 42 (attempt 1, job deploy,
 * actor mona) since 2026-11-26T05:00:00Z". Every value in it is shown through
 * showUntrusted: the line is safe to log whoever wrote the record.
 */
export function describeHolder(record: HolderRecord | undefined): string {
  if (!record) return 'an unknown holder (a client that writes no holder record)'
  const show = (field: keyof HolderRecord): string => showUntrusted(record[field] ?? '')
  const who = [show('repository') || 'unknown repository', record.workflow && `workflow "${show('workflow')}"`]
    .filter(Boolean)
    .join(' ')
  const details = [
    record.runAttempt && `attempt ${show('runAttempt')}`,
    record.job && `job ${show('job')}`,
    record.actor && `actor ${show('actor')}`,
  ]
    .filter(Boolean)
    .join(', ')
  const run = record.runId ? ` run ${show('runId')}${details ? ` (${details})` : ''}` : ''
  // A run URL only when it is a run page of this job's server (run-page.ts): it is a link in the log.
  const runUrl = shownRunUrl(record.runUrl)
  const url = runUrl ? ` ${showUntrusted(runUrl)}` : ''
  return `${who}${run} since ${show('acquiredAt')}${url}`
}

/** A short name for a job in a line of the queue: "org/api run 812", every value through showUntrusted. */
export function briefHolder(identity: HolderIdentity): string {
  const repository = showUntrusted(identity.repository, 100) || 'unknown repository'
  const who = identity.runId ? `${repository} run ${showUntrusted(identity.runId, 40)}` : repository
  return `${who}${describeSupersede(identity)}`
}

/** ' (key "production", sequence 30)' for a job that gave a supersede key, else ''; through showUntrusted. */
export function describeSupersede(identity: Pick<HolderIdentity, 'supersedeKey' | 'sequence'>): string {
  if (identity.supersedeKey === undefined) return ''
  return ` (key "${showUntrusted(identity.supersedeKey, 80)}", sequence ${showUntrusted(identity.sequence ?? '', 40) || 'none'})`
}

/** A time read from storage, as a short UTC time of day ("10:02:11Z") on the day of `today`, else in full. */
export function shownTime(value: string | Date, today: Date = new Date()): string {
  const time = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(time.getTime())) return showUntrusted(String(value), 40)
  const iso = time.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return iso.slice(0, 10) === today.toISOString().slice(0, 10) ? iso.slice(11) : iso
}

/** A stable identity for "has the holder changed?" comparisons. */
export function holderKey(record: HolderRecord | undefined): string {
  return record
    ? `${record.repository}|${record.runId}|${record.runAttempt}|${record.job}|${record.acquiredAt}`
    : 'unknown'
}
