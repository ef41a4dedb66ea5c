// A hold: the lock taken without a renewer. Its lease is infinite, and a
// record beside the holder record says who set it, why, and until when (by
// the service's clock). A freeze is a hold that a person or a schedule sets
// (hold/); a run's hold keeps the lock between the jobs of one workflow run
// (scope: run). While a hold stands, everybody queues behind it as behind any
// holder. When its `until` passes, it holds nothing: whoever looks at the lock
// next ends it (the head of the queue, a job further back, a try-lock, a
// waiter whose credential may not list), and its lease goes to the first
// waiter in the order of the line, or is released when nobody waits, as a
// lifted hold's does (lift-hold.ts). Status only reads: it shows such a hold
// as ended, and ends nothing.
//
// The record names the lease id of the hold's lease. That is what makes
// ending an expired hold safe: whoever ends it proves itself with that id,
// conditional on the blob being exactly as it read it (If-Match on the ETag
// of the same read that showed the lease infinite and the record expired). A
// record forged on a blob that somebody else leased names an id that is not
// the lease's: Azure refuses the requests, and the lease stands. Publishing
// the id gives nothing away: a credential that may write to the blob may
// break its lease anyway.
//
// A record read from a blob is input from strangers: it is kept as read and
// shown only through describeHold, whose values pass through showUntrusted.

import type { BreakRecord } from '../break-record.ts'
import { formatDuration } from '../duration.ts'
import { shownTime, type HolderRecord } from '../holder.ts'
import { decodeValue, encodeValue } from '../metadata.ts'
import type { LockSpec } from '../spec.ts'
import type { RequestOptions } from '../request.ts'
import { showUntrusted } from '../untrusted-text.ts'

/** A freeze, set on purpose; or the hold of one workflow run between its jobs. */
export type HoldScope = 'freeze' | 'run'

export interface HoldRecord {
  scope: HoldScope
  /** Why the lock is held: the hold/ step's reason, or the run's own words for a run's hold. */
  reason: string
  /** Who set it: the actor of the run that set it. */
  setBy: string
  repository: string
  runId: string
  runUrl: string
  /** ISO 8601 UTC, by the service's clock. */
  setAt: string
  /** ISO 8601 UTC, by the service's clock; '' for a hold with no end (asked for explicitly). */
  until: string
  /** The id of the hold's infinite lease: whoever ends or takes over the hold proves it with this id. */
  leaseId: string
  /** The fencing token of the acquisition the hold keeps: the same for every job of a run's hold. */
  fencingToken: string
}

const FIELDS: ReadonlyArray<[keyof HoldRecord, string]> = [
  ['scope', 'hold_scope'],
  ['reason', 'hold_reason'],
  ['setBy', 'hold_set_by'],
  ['repository', 'hold_repository'],
  ['runId', 'hold_run_id'],
  ['runUrl', 'hold_run_url'],
  ['setAt', 'hold_set_at'],
  ['until', 'hold_until'],
  ['leaseId', 'hold_lease_id'],
  ['fencingToken', 'hold_fencing_token'],
]

/** The keys of the hold record on the lock blob. */
export const HOLD_KEYS: readonly string[] = FIELDS.map(([, key]) => key)

/** True for a metadata key of the hold record (metadata keys are case-insensitive). */
export function isHoldKey(key: string): boolean {
  return HOLD_KEYS.includes(key.toLowerCase())
}

export function holdToMetadata(record: HoldRecord): Record<string, string> {
  const metadata: Record<string, string> = {}
  for (const [field, key] of FIELDS) metadata[key] = encodeValue(record[field])
  return metadata
}

/** The hold record on a blob, or undefined when it carries none (or one without a lease id, which nobody could end). */
export function holdFromMetadata(metadata: Record<string, string> | undefined): HoldRecord | undefined {
  if (!metadata) return undefined
  const values = new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]))
  if (!values.get('hold_lease_id')) return undefined
  const record = {} as Record<keyof HoldRecord, string>
  for (const [field, key] of FIELDS) record[field] = decodeValue(values.get(key) ?? '')
  return { ...record, scope: record.scope === 'run' ? 'run' : 'freeze' }
}

/**
 * Whether a look at the lock shows a hold: an infinite lease (a hold never has
 * another kind) carrying a hold record. A record on a fixed lease is left over
 * from a run's hold that a later job of the run took over, or forged: no hold.
 */
export function standingHold(
  look: { state: string; infinite?: boolean },
  record: HoldRecord | undefined,
): HoldRecord | undefined {
  return look.state === 'leased' && look.infinite === true ? record : undefined
}

/**
 * Whether the hold's end has come, by the service's clock in the same answer
 * that showed the record. A hold with no end never expires; neither does one
 * whose `until` does not parse (it is somebody's else's writing: it is left
 * for a person to lift, and the lines say it has no readable end).
 */
export function holdExpired(record: HoldRecord, serviceNow: Date | undefined): boolean {
  if (!serviceNow || record.until === '') return false
  const until = Date.parse(record.until)
  return !Number.isNaN(until) && serviceNow.getTime() >= until
}

/**
 * The hold that a look at the lock shows standing although its end has come
 * (holdExpired): it holds nothing, and whoever takes the lock next ends it.
 */
export function endedHold(
  look: { state: string; infinite?: boolean },
  record: HoldRecord | undefined,
  serviceNow: Date | undefined,
): HoldRecord | undefined {
  const hold = standingHold(look, record)
  return hold && holdExpired(hold, serviceNow) ? hold : undefined
}

/** The reason on the note (a break record) that whoever ends a hold at its end writes on the lock blob. */
export const HOLD_END_REASON = 'the hold reached its end'

/** Whether a break record is the note of a hold ended at its end (and not a lift or a break). */
export function isHoldEndNote(note: BreakRecord | undefined): note is BreakRecord {
  return note?.reason === HOLD_END_REASON
}

/**
 * 'the hold of octo/ops run 77 had reached its end; octo/app run 812 ended it
 * at 10:02:11Z (the storage service's clock)', from the note its ender wrote.
 * Every value is shown through showUntrusted: the note is read from storage.
 */
export function describeHoldEndNote(note: BreakRecord): string {
  const run = (repository: string, runId: string): string =>
    `${showUntrusted(repository, 100) || 'an unknown repository'}${runId ? ` run ${showUntrusted(runId, 40)}` : ''}`
  const hold = note.holderRepository ? `the hold of ${run(note.holderRepository, note.holderRunId)}` : 'the hold'
  return (
    `${hold} had reached its end; ${run(note.repository, note.runId)} ended it at ${shownTime(note.brokenAt)} ` +
    "(the storage service's clock)"
  )
}

/**
 * 'the hold set by mona (octo/ops run 77) for "incident 42" reached its end at
 * 10:02:11Z by the storage service's clock; its lease stands until ...': how
 * status tells a hold whose end has come, which holds nothing any more.
 */
export function describeHoldPastItsEnd(record: HoldRecord): string {
  return (
    `the hold set by ${holdSetter(record)} for "${showUntrusted(record.reason, 300)}" reached its end at ` +
    `${shownTime(record.until)} by the storage service's clock; its lease stands until the next job that comes ` +
    'for the lock ends it, at once'
  )
}

/** A hold has no end: `until` is empty. */
export function holdHasNoEnd(record: HoldRecord): boolean {
  return record.until === ''
}

/**
 * Who may take over a run's hold without waiting its turn: a job of the same
 * run (repository and run id, any attempt), before the hold ends, whether it
 * has just come or waits in the queue already. A freeze is never taken over.
 */
export function mayTakeOver(
  record: HoldRecord,
  job: { repository: string; runId: string },
  serviceNow: Date | undefined,
): boolean {
  return (
    record.scope === 'run' &&
    record.repository === job.repository &&
    record.runId === job.runId &&
    !holdExpired(record, serviceNow)
  )
}

/** "until 10:02:11Z", "with no end", or the unreadable until shown as text. */
function untilText(record: HoldRecord): string {
  if (record.until === '') return 'with no end (it stands until somebody lifts it)'
  return `until ${shownTime(record.until)}`
}

/** Who set it: "mona (octo/ops run 77)", every value through showUntrusted. */
export function holdSetter(record: HoldRecord): string {
  const actor = showUntrusted(record.setBy, 80) || 'a person'
  const repository = showUntrusted(record.repository, 100)
  const run = record.runId ? ` run ${showUntrusted(record.runId, 40)}` : ''
  return repository ? `${actor} (${repository}${run})` : actor
}

/**
 * 'a hold: "incident 42", set by mona (octo/ops run 77), until 10:02:11Z'.
 * Every value is shown through showUntrusted: safe to log whoever wrote it.
 */
export function describeHold(record: HoldRecord): string {
  const reason = showUntrusted(record.reason, 300)
  if (record.scope === 'run') {
    return `a hold of a workflow run's jobs: "${reason}", set by ${holdSetter(record)}, ${untilText(record)}`
  }
  return `a hold: "${reason}", set by ${holdSetter(record)}, ${untilText(record)}`
}

/** 'the hold set by mona (octo/ops run 77) for "incident 42" ended at 10:02:11Z'. */
export function describeEndedHold(record: HoldRecord, endedAt: Date): string {
  return (
    `the hold set by ${holdSetter(record)} for "${showUntrusted(record.reason, 300)}" ended at ` +
    `${shownTime(endedAt)}${record.until ? ` (its end was ${shownTime(record.until)})` : ''}`
  )
}

/**
 * 'a hold of a workflow run's jobs: …, without queueing', or '…, from the
 * queue after waiting 12s': a run's hold that a job of the run took over.
 */
export function describeTakeOver(took: { hold: HoldRecord; fromQueue: boolean; waitedMs: number }): string {
  const how = took.fromQueue ? `from the queue after waiting ${formatDuration(took.waitedMs)}` : 'without queueing'
  return `${describeHold(took.hold)}, ${how}`
}

/** When a hold ends, as its step was asked: after a time, at a time, or not by itself. */
export type HoldEnd = { kind: 'for'; ms: number } | { kind: 'until'; at: Date } | { kind: 'none' }

/** A freeze to set (hold/): which lock, why, and when it ends. Read from the inputs, handed to the core whole. */
export interface HoldSpec {
  lock: LockSpec
  reason: string
  end: HoldEnd
}

/** The hold's `until` as the record keeps it: counted from `heldFrom`, the service's clock when the lease was granted. */
export function holdUntil(end: HoldEnd, heldFrom: Date): string {
  switch (end.kind) {
    case 'none':
      return ''
    case 'until':
      return end.at.toISOString()
    case 'for':
      return new Date(heldFrom.getTime() + end.ms).toISOString()
  }
}

/** The record of a hold set by `who` on the lease `leaseId` that it took at `heldFrom` (service's clock). */
export function newHoldRecord(
  scope: HoldScope,
  who: { repository: string; runId: string; runUrl: string; actor: string },
  reason: string,
  end: HoldEnd,
  lease: { leaseId: string; heldFrom: Date; fencingToken: number },
): HoldRecord {
  return {
    scope,
    reason,
    setBy: who.actor,
    repository: who.repository,
    runId: who.runId,
    runUrl: who.runUrl,
    setAt: lease.heldFrom.toISOString(),
    until: holdUntil(end, lease.heldFrom),
    leaseId: lease.leaseId,
    fencingToken: String(lease.fencingToken),
  }
}

/** What turning a lease into a hold needs of the lock blob (LockBlob). */
export interface HoldStore {
  placeHold(
    leaseId: string,
    holder: HolderRecord,
    hold: HoldRecord,
    options?: RequestOptions,
  ): Promise<Date | undefined>
  release(leaseId: string, options?: RequestOptions): Promise<'released' | 'not-held'>
}

/**
 * Turns a lease just taken into a hold. The record is built here, inside the
 * give-back: if building it fails (an end no date can hold) or placing it
 * does, the lease is given back (it is a fixed one that nobody renews) and
 * the error is thrown: a hold step never leaves a lease behind that is not a
 * hold. Returns the record placed.
 */
export async function turnIntoHold(
  lock: HoldStore,
  taken: { leaseId: string; holder: HolderRecord; heldFrom: Date; fencingToken: number },
  record: () => HoldRecord,
): Promise<HoldRecord> {
  try {
    const placed = record()
    await lock.placeHold(taken.leaseId, taken.holder, placed)
    return placed
  } catch (err) {
    await lock.release(taken.leaseId, { timeoutMs: 5_000 }).catch(() => undefined)
    throw err
  }
}

/**
 * Sets a freeze on a lease just taken from the queue (the hold step, and
 * `azure-mutex hold` with no command): writes its record and makes the lease
 * infinite. Returns the record, whose `until` is counted from the grant by the
 * service's clock.
 */
export async function setFreeze(
  lock: HoldStore,
  who: { repository: string; runId: string; runUrl: string; actor: string },
  spec: HoldSpec,
  taken: { leaseId: string; holder: HolderRecord; acquiredAt: Date; fencingToken: number },
): Promise<HoldRecord> {
  return turnIntoHold(
    lock,
    { leaseId: taken.leaseId, holder: taken.holder, heldFrom: taken.acquiredAt, fencingToken: taken.fencingToken },
    () =>
      newHoldRecord('freeze', who, spec.reason, spec.end, {
        leaseId: taken.leaseId,
        heldFrom: taken.acquiredAt,
        fencingToken: taken.fencingToken,
      }),
  )
}
