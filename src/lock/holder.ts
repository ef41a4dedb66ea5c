// The holder record: who holds the lease, written as blob metadata under the
// lease so that waiters can say who they are waiting for and since when.
// A record read from a blob is input from strangers: it is kept exactly as
// read (for comparisons) and shown only through describeHolder.

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
}

const FIELDS: ReadonlyArray<[keyof HolderRecord, string]> = [
  ['repository', 'holder_repository'],
  ['workflow', 'holder_workflow'],
  ['job', 'holder_job'],
  ['runId', 'holder_run_id'],
  ['runAttempt', 'holder_run_attempt'],
  ['actor', 'holder_actor'],
  ['runUrl', 'holder_run_url'],
  ['acquiredAt', 'holder_acquired_at'],
]

/** The keys of the record on the blob; other keys on it belong to others and are left alone. */
export const HOLDER_KEYS: readonly string[] = FIELDS.map(([, key]) => key)

/** True for a metadata key of the holder record (metadata keys are case-insensitive). */
export function isHolderKey(key: string): boolean {
  return HOLDER_KEYS.includes(key.toLowerCase())
}

/**
 * Metadata travels in HTTP headers: ASCII only, and white space at either end
 * is trimmed (runs of it may be folded by whatever relays the header).
 * Percent-encode everything else, '%' itself, and every space that is not a
 * single space between two other characters, so that the value reads back
 * exactly. A lone surrogate, which no runner variable can hold, is stored as
 * U+FFFD.
 */
export function encodeValue(value: string): string {
  const ascii = value.replace(/[^\x20-\x24\x26-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch)
    } catch {
      return '%EF%BF%BD' // a lone surrogate: store U+FFFD instead
    }
  })
  return ascii.replace(/ +/g, (spaces, at: number) =>
    spaces.length === 1 && at > 0 && at + 1 < ascii.length ? ' ' : '%20'.repeat(spaces.length),
  )
}

/** A metadata value as encodeValue wrote it, decoded; a value it cannot decode is kept as it is. */
export function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function holderToMetadata(record: HolderRecord): Record<string, string> {
  const metadata: Record<string, string> = {}
  for (const [field, key] of FIELDS) metadata[key] = encodeValue(record[field])
  return metadata
}

/** The record on a blob, or undefined when the blob carries none (a lease taken by az CLI or go-azuremutex). */
export function holderFromMetadata(metadata: Record<string, string> | undefined): HolderRecord | undefined {
  if (!metadata) return undefined
  // Keys are case-insensitive on the service; the SDK hands them over lower-cased, List Blobs as written.
  const values = new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]))
  if (values.get('holder_acquired_at') === undefined) return undefined
  const record = {} as HolderRecord
  for (const [field, key] of FIELDS) record[field] = decodeValue(values.get(key) ?? '')
  return record
}

/**
 * One line naming the holder, e.g. "octo/api run 42 (attempt 1, job deploy,
 * actor mona) since 2026-11-26T05:00:00Z". Every value in it is shown through
 * showUntrusted: the line is safe to log whoever wrote the record.
 */
export function describeHolder(record: HolderRecord | undefined): string {
  if (!record) return 'an unknown holder (a client that writes no holder record)'
  const show = (field: keyof HolderRecord): string => showUntrusted(record[field])
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
  const url = record.runUrl ? ` ${show('runUrl')}` : ''
  return `${who}${run} since ${show('acquiredAt')}${url}`
}

/** A stable identity for "has the holder changed?" comparisons. */
export function holderKey(record: HolderRecord | undefined): string {
  return record
    ? `${record.repository}|${record.runId}|${record.runAttempt}|${record.job}|${record.acquiredAt}`
    : 'unknown'
}
