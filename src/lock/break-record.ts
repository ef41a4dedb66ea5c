// The break record: who broke a lock's lease, why and when, written on the
// blob as metadata beside the holder record and others' keys. The holder whose
// lease was broken finds it there when its post step reports the loss. Like
// the holder record, a record read from a blob is input from strangers: it is
// kept exactly as read and shown only through describeBreak.

import type { HolderRecord } from './holder.ts'
import { decodeValue, encodeValue } from './metadata.ts'
import { shownRunUrl } from './run-page.ts'
import { showUntrusted } from './untrusted-text.ts'

export interface BreakRecord {
  /** Who broke it: the breaking run's repository, run id, run URL and actor. */
  repository: string
  runId: string
  runUrl: string
  actor: string
  reason: string
  /** ISO 8601 UTC time the lease was broken. */
  brokenAt: string
  /** The hold that was broken, as its holder record named it; '' when the lease carried no record. */
  holderRepository: string
  holderRunId: string
  holderAcquiredAt: string
}

const FIELDS: ReadonlyArray<[keyof BreakRecord, string]> = [
  ['repository', 'break_repository'],
  ['runId', 'break_run_id'],
  ['runUrl', 'break_run_url'],
  ['actor', 'break_actor'],
  ['reason', 'break_reason'],
  ['brokenAt', 'break_at'],
  ['holderRepository', 'break_holder_repository'],
  ['holderRunId', 'break_holder_run_id'],
  ['holderAcquiredAt', 'break_holder_acquired_at'],
]

/** The keys of the break record; the next break replaces them, and nothing else removes them. */
export const BREAK_KEYS: readonly string[] = FIELDS.map(([, key]) => key)

export function isBreakKey(key: string): boolean {
  return BREAK_KEYS.includes(key.toLowerCase())
}

/** The record for breaking the lease of `holder` (undefined: a lease without a holder record). */
export function newBreakRecord(
  breaker: Pick<HolderRecord, 'repository' | 'runId' | 'runUrl' | 'actor'>,
  reason: string,
  brokenAt: Date,
  holder: HolderRecord | undefined,
): BreakRecord {
  return {
    repository: breaker.repository,
    runId: breaker.runId,
    runUrl: breaker.runUrl,
    actor: breaker.actor,
    reason,
    brokenAt: brokenAt.toISOString(),
    holderRepository: holder?.repository ?? '',
    holderRunId: holder?.runId ?? '',
    holderAcquiredAt: holder?.acquiredAt ?? '',
  }
}

export function breakToMetadata(record: BreakRecord): Record<string, string> {
  const metadata: Record<string, string> = {}
  for (const [field, key] of FIELDS) metadata[key] = encodeValue(record[field])
  return metadata
}

/** The break record on a blob, or undefined when it carries none. */
export function breakFromMetadata(metadata: Record<string, string> | undefined): BreakRecord | undefined {
  if (!metadata) return undefined
  const values = new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]))
  if (values.get('break_at') === undefined) return undefined
  const record = {} as BreakRecord
  for (const [field, key] of FIELDS) record[field] = decodeValue(values.get(key) ?? '')
  return record
}

/**
 * Whether a break record is about this hold, and not an older break (or one
 * of another holder's leases) left on the blob, nor a forged one. Two tests,
 * both needed:
 * - Its date must fall within the hold, by the service's clock: no earlier
 *   than the lease was acquired (heldFrom) and no later than the moment the
 *   loss was found (lossFoundAt). A break cannot come after its loss was
 *   seen, so a record dated later (2099, say) is stale or forged, whatever it
 *   names. The caller passes the widest honest window: heldFrom a bound that
 *   is never later than the truth, lossFoundAt one never earlier.
 * - A record that names the hold it broke must name this one: the time it was
 *   taken, to the millisecond, and its run.
 */
export function breakApplies(
  record: BreakRecord,
  hold: { acquiredAt: string; runId: string; heldFrom: Date; lossFoundAt: Date },
): boolean {
  const brokenAt = Date.parse(record.brokenAt)
  if (Number.isNaN(brokenAt) || brokenAt < hold.heldFrom.getTime() || brokenAt > hold.lossFoundAt.getTime()) {
    return false
  }
  if (record.holderAcquiredAt === '') return true
  return record.holderAcquiredAt === hold.acquiredAt && (record.holderRunId === '' || record.holderRunId === hold.runId)
}

/**
 * One line, e.g. 'broken at 2026-11-26T05:00:00.000Z by octo/ops run 77
 * (actor mona) https://…: "runner vm died"'. Every value is shown through
 * showUntrusted, so the line is safe to log whoever wrote the record.
 */
export function describeBreak(record: BreakRecord): string {
  const show = (field: keyof BreakRecord): string => showUntrusted(record[field])
  const run = record.runId ? ` run ${show('runId')}` : ''
  const actor = record.actor ? ` (actor ${show('actor')})` : ''
  // A run URL only when it is a run page of this job's server (run-page.ts): it is a link in the log.
  const runUrl = shownRunUrl(record.runUrl)
  const url = runUrl ? ` ${showUntrusted(runUrl)}` : ''
  return `broken at ${show('brokenAt')} by ${show('repository') || 'an unknown repository'}${run}${actor}${url}: "${show('reason')}"`
}
