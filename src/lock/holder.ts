// The holder record: who holds the lease, written as blob metadata under the
// lease so that waiters can say who they are waiting for and since when.

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

/**
 * Metadata travels in HTTP headers: ASCII only, and spaces at either end are
 * trimmed. Percent-encode everything else, '%' itself, and those spaces.
 */
function encodeValue(value: string): string {
  const ascii = value.replace(/[^\x20-\x24\x26-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch)
    } catch {
      return '%EF%BF%BD' // a lone surrogate: store U+FFFD instead
    }
  })
  return ascii.replace(/^ +| +$/g, (spaces) => '%20'.repeat(spaces.length))
}

function decodeValue(value: string): string {
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
  if (!metadata || metadata.holder_acquired_at === undefined) return undefined
  const record = {} as HolderRecord
  for (const [field, key] of FIELDS) record[field] = decodeValue(metadata[key] ?? '')
  return record
}

/** One line naming the holder, e.g. "octo/api run 42 (attempt 1, job deploy, actor mona) since 2026-11-26T05:00:00Z". */
export function describeHolder(record: HolderRecord | undefined): string {
  if (!record) return 'an unknown holder (a client that writes no holder record)'
  const who = [record.repository || 'unknown repository', record.workflow && `workflow "${record.workflow}"`]
    .filter(Boolean)
    .join(' ')
  const details = [
    record.runAttempt && `attempt ${record.runAttempt}`,
    record.job && `job ${record.job}`,
    record.actor && `actor ${record.actor}`,
  ]
    .filter(Boolean)
    .join(', ')
  const run = record.runId ? ` run ${record.runId}${details ? ` (${details})` : ''}` : ''
  const url = record.runUrl ? ` ${record.runUrl}` : ''
  return `${who}${run} since ${record.acquiredAt}${url}`
}

/** A stable identity for "has the holder changed?" comparisons. */
export function holderKey(record: HolderRecord | undefined): string {
  return record
    ? `${record.repository}|${record.runId}|${record.runAttempt}|${record.job}|${record.acquiredAt}`
    : 'unknown'
}
