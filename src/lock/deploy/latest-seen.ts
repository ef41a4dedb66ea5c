// What the waiting lines and the job summary show of latest wins: for each
// supersede key in sight (our own, the holder's, the waiters' ahead), the
// record of the highest sequence that held the lock, with its run. The
// records are read in the waiter's own listings of the queue (queue-blobs.ts
// reads the lock's whole folder for a waiter with a key), so showing them
// costs no request. They are untrusted: shown only through showUntrusted.

import type { HolderRecord } from '../holder.ts'
import { FAR_ABOVE_BY, FAR_ABOVE_TIMES } from './latest.ts'
import { showUntrusted } from '../untrusted-text.ts'

/** The most keys a line names; the rest are counted. */
export const LAST_HELD_SHOWN = 5

/**
 * The records of the given keys, in the order the keys come (each once),
 * compared exactly. Records without a key, and keys without a record, are
 * left out.
 */
export function lastHeldFor(records: readonly HolderRecord[], keys: ReadonlyArray<string | undefined>): HolderRecord[] {
  const byKey = new Map<string, HolderRecord>()
  for (const record of records) if (record.supersedeKey !== undefined) byKey.set(record.supersedeKey, record)
  const shown: HolderRecord[] = []
  const seen = new Set<string>()
  for (const key of keys) {
    if (key === undefined || seen.has(key)) continue
    seen.add(key)
    const record = byKey.get(key)
    if (record) shown.push(record)
  }
  return shown
}

/** 'key "production": sequence 812, org/api run 812'; through showUntrusted. */
export function describeLastHeldOne(record: HolderRecord): string {
  const repository = showUntrusted(record.repository, 100) || 'unknown repository'
  const run = record.runId ? `${repository} run ${showUntrusted(record.runId, 40)}` : repository
  return `key "${showUntrusted(record.supersedeKey ?? '', 80)}": sequence ${showUntrusted(record.sequence ?? '', 40) || 'none'}, ${run}`
}

/** 'last held, per key: key "production": sequence 812, org/api run 812; …', or '' for none. */
export function describeLastHeld(records: readonly HolderRecord[] | undefined): string {
  if (!records || records.length === 0) return ''
  const shown = records.slice(0, LAST_HELD_SHOWN).map(describeLastHeldOne)
  const more = records.length > shown.length ? `; and ${records.length - shown.length} more` : ''
  return `last held, per key: ${shown.join('; ')}${more}`
}

/**
 * The warning for a record of our key far above our own sequence (latest.ts
 * isFarAbove): 'job' for the action, 'command' for azure-mutex. The numbers
 * are parsed digits; nothing from storage is shown as text.
 */
export function farSequenceText(
  event: { where: 'the record of the key' | 'the lock blob'; sequence: number; own: number; clearCommand?: string },
  name: string,
  whose: 'job' | 'command',
): string {
  const place =
    event.where === 'the lock blob'
      ? `The lock blob of ${name} keeps, for this ${whose}'s supersede key, the sequence ${event.sequence}`
      : `The record of this ${whose}'s supersede key on ${name} has the sequence ${event.sequence}`
  const fix =
    event.where === 'the lock blob'
      ? ' (the README says how to remove it: Only the newest deploy, forged entries and records)'
      : event.clearCommand
        ? `: ${event.clearCommand}`
        : ''
  return (
    `${place}, far above ours (${event.own}): more than ${FAR_ABOVE_TIMES} times ` +
    `ours and over ${FAR_ABOVE_BY.toLocaleString('en-US')} more. If no run of the key had it, it was forged, and ` +
    `every job of the key is stale until it is removed${fix}.`
  )
}
