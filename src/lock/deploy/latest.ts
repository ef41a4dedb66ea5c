// Latest wins: jobs that give a supersede key are ordered by their sequence,
// and only the newest of one key deploys.
//
// - Superseded: a waiter leaves the queue as soon as a look at it shows a
//   live entry of the same key with a larger sequence, wherever that entry
//   stands (behind it, or ahead of it). An older job that is already in line
//   behind the newer one therefore leaves too, at its next look, as
//   superseded: it does not wait to become stale.
// - Stale: the lock keeps, per key, the record of the job with the highest
//   sequence that held it (latest-blobs.ts, under the lock's reserved folder,
//   written under the lock's lease), and the sequence alone on the lock blob
//   too (latest-kept.ts), where deleting the folder does not reach it. A job
//   whose sequence is lower does not take the lock; an equal one (a re-run of
//   the same run) does. The holder checks the lock blob's sequence once more
//   under the lease, in the write of its holder record.
//
// Both are decided before any acquire, from a look taken just before it: a
// superseded or stale waiter never asks for the lease. Everything read here
// (other entries, the record) is written by anyone who may write the
// container: it is compared exactly, shown only through showUntrusted, and a
// sequence that is not a number is ignored. A forged entry can therefore at
// most make a waiter leave, which never makes two holders: only the lease lets
// a job in. A forged record with a huge sequence makes every job of its key
// stale until it is removed: a record far above the job's own sequence
// (isFarAbove) is warned of, with the command that deletes it.

import { LockError } from '../errors.ts'
import { briefHolder, type HolderIdentity, type HolderRecord } from '../holder.ts'
import { isLive, isSquatter } from '../queue/queue.ts'
import type { QueueEntry } from '../queue/entry.ts'
import type { LatestRead } from './latest-read.ts'
import type { RequestOptions } from '../request.ts'
import { showUntrusted } from '../untrusted-text.ts'

/** The job's own key and sequence, as its inputs gave them: trusted. */
export interface SupersedeSpec {
  /** Compared exactly with other entries' keys: no trimming, no case folding. */
  key: string
  /** A non-negative integer; larger is newer. */
  sequence: number
}

/**
 * The longest key a job may give. It travels in blob metadata (8 KB in all
 * per blob), beside the holder's identity, and percent-encoding can make it nine times longer.
 */
export const SUPERSEDE_KEY_MAX = 256

export function supersedeKeyProblem(key: string): string | undefined {
  if (key.length > SUPERSEDE_KEY_MAX) return `it is ${key.length} characters long; at most ${SUPERSEDE_KEY_MAX}`
  return undefined
}

/** A sequence as text: 1 to 16 digits, an exact integer; undefined for anything else. */
export function parseSequence(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,16}$/.test(text)) return undefined
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : undefined
}

/**
 * What is wrong with a sequence read from storage, as the warning says it:
 * 'not a whole number', or for digits beyond the bound 'too large' with the
 * bound (the largest exact integer, 16 digits); undefined for a good one.
 */
export function sequenceProblem(text: string): string | undefined {
  if (!/^\d+$/.test(text)) return 'not a whole number'
  if (parseSequence(text) === undefined) return `too large: a sequence is at most ${Number.MAX_SAFE_INTEGER}`
  return undefined
}

/**
 * A record this far above our own sequence is warned of (see isFarAbove):
 * more than FAR_ABOVE_TIMES times ours, and more than FAR_ABOVE_BY above it.
 */
export const FAR_ABOVE_TIMES = 10
export const FAR_ABOVE_BY = 1_000_000

/**
 * Whether a record's sequence is so far above ours that it is more likely
 * forged (or of another kind of sequence) than newer. Every kind a key uses
 * grows steadily: run ids (10 to 11 digits, a newer run a few thousand to a
 * few billion higher, never ten times), timestamps (ten times is centuries
 * away), build and release numbers (a million builds away). The largest value
 * a forger can write, 16 digits, is far above all of them. Only a warning:
 * the job is still stale, as no rule can tell a forged record from a real one.
 */
export function isFarAbove(sequence: number, own: number): boolean {
  return sequence > FAR_ABOVE_TIMES * own && sequence - own > FAR_ABOVE_BY
}

/** Checks a SupersedeSpec read back from state; undefined when it is not one. */
export function parseSupersedeSpec(value: unknown): SupersedeSpec | undefined {
  const spec = value as Partial<SupersedeSpec> | null
  if (typeof spec !== 'object' || spec === null) return undefined
  if (typeof spec.key !== 'string' || spec.key === '' || supersedeKeyProblem(spec.key)) return undefined
  if (typeof spec.sequence !== 'number' || !Number.isSafeInteger(spec.sequence) || spec.sequence < 0) return undefined
  return { key: spec.key, sequence: spec.sequence }
}

export type LatestOutcome = 'superseded' | 'stale'

/**
 * The wait ends without the lock because a newer job of the same key waits
 * (superseded) or has held it (stale). `newer` names that job, through
 * showUntrusted.
 */
export class LockSupersededError extends LockError {
  override name = 'LockSupersededError'
  readonly outcome: LatestOutcome
  readonly newer: string
  constructor(outcome: LatestOutcome, newer: string, message: string) {
    super(message)
    this.outcome = outcome
    this.newer = newer
  }
}

/** Where the per-key records live (latest-blobs.ts); a fake in unit tests. */
export interface LatestStore {
  read(key: string, options?: RequestOptions): Promise<LatestRead>
  /**
   * Writes the record over the one read with `etag` (none: there was none).
   * 'changed' when another write came between.
   */
  write(
    key: string,
    record: HolderRecord,
    etag: string | undefined,
    options?: RequestOptions,
  ): Promise<'written' | 'changed'>
  /**
   * The highest sequence of the key that the lock blob keeps (latest-kept.ts),
   * read when the key has no record: the folder may have been deleted.
   */
  readKept?(key: string, options?: RequestOptions): Promise<number | undefined>
  /** The error for a record's blob that a stranger leased: it names the blob and the command that clears it. */
  leasedError?(key: string): Error
  /** The az command that deletes the key's record, for a warning of a forged one. */
  deleteCommand?(key: string): string
}

/** A sequence read from an entry or a record that is not a number: said once per place, then ignored. */
export interface MalformedSequence {
  /** 'entry 12' or 'the record of the key'. */
  where: string
  value: string
  /** What is wrong with it (sequenceProblem): 'not a whole number', or 'too large: …' with the bound. */
  problem: string
}

/** A record of our key whose sequence is far above ours (isFarAbove): said once per place. */
export interface FarSequence {
  /** 'the record of the key' or 'the lock blob'. */
  where: 'the record of the key' | 'the lock blob'
  sequence: number
  own: number
}

/** The stale error for a sequence that only the lock blob keeps (latest-kept.ts): the key's record is gone. */
export function staleByKept(location: string, kept: number, own: number): LockSupersededError {
  const newer = `sequence ${kept}, as the lock blob keeps it`
  return new LockSupersededError(
    'stale',
    newer,
    `Stale: a newer run of the same key has already held lock ${location}: ${newer} (the key's record is gone); our sequence is ${own}.`,
  )
}

/**
 * The decisions, apart from storage: given what a look showed, is this job
 * superseded or stale? Each throws LockSupersededError, or returns.
 */
export class LatestGuard {
  readonly spec: SupersedeSpec
  private readonly location: string
  private readonly warn: (malformed: MalformedSequence) => void
  private readonly warnFar: (far: FarSequence) => void
  private readonly told = new Set<string>()

  constructor(
    spec: SupersedeSpec,
    location: string,
    warn: (malformed: MalformedSequence) => void,
    warnFar: (far: FarSequence) => void = () => undefined,
  ) {
    this.spec = spec
    this.location = location
    this.warn = warn
    this.warnFar = warnFar
  }

  /** Says once per place that a sequence of our key is far above ours (isFarAbove). */
  private tellFar(where: FarSequence['where'], sequence: number): void {
    if (!isFarAbove(sequence, this.spec.sequence) || this.told.has(`far ${where}`)) return
    this.told.add(`far ${where}`)
    this.warnFar({ where, sequence, own: this.spec.sequence })
  }

  /** The sequence an identity carries, when its key is exactly ours; malformed ones are said once and ignored. */
  private sequenceOf(who: HolderIdentity | undefined, where: string): number | undefined {
    if (who?.supersedeKey !== this.spec.key) return undefined
    const sequence = parseSequence(who.sequence)
    if (sequence === undefined && !this.told.has(where)) {
      this.told.add(where)
      const value = who.sequence ?? ''
      this.warn({ where, value, problem: sequenceProblem(value) ?? 'not a whole number' })
    }
    return sequence
  }

  /**
   * Throws 'superseded' when a live entry other than ours, of our key, has a
   * larger sequence. Lapsed entries (their waiter is gone) and squatters (no
   * waiter renews an infinite lease) do not count: the newer job they name
   * would never come.
   */
  checkQueue(entries: QueueEntry[], serviceNow: Date, ownTicket: number | undefined): void {
    let newest: { entry: QueueEntry; sequence: number } | undefined
    for (const entry of entries) {
      if (entry.ticket === ownTicket || !isLive(entry, serviceNow) || isSquatter(entry)) continue
      const sequence = this.sequenceOf(entry.waiter, `entry ${entry.ticket}`)
      if (sequence !== undefined && sequence > this.spec.sequence && sequence > (newest?.sequence ?? -1)) {
        newest = { entry, sequence }
      }
    }
    if (!newest) return
    const newer = newest.entry.waiter ? briefHolder(newest.entry.waiter) : `entry ${newest.entry.ticket}`
    throw new LockSupersededError(
      'superseded',
      newer,
      `Superseded while waiting for lock ${this.location}: ${newer} waits with the same key and a newer sequence than ours (${this.spec.sequence}).`,
    )
  }

  /** Throws 'stale' when the record of our key says a higher sequence has held the lock. */
  checkRecord(record: HolderRecord | undefined): void {
    if (!record) return
    const sequence = this.sequenceOf(record, 'the record of the key')
    if (sequence === undefined || sequence <= this.spec.sequence) return
    this.tellFar('the record of the key', sequence)
    const newer = `${briefHolder(record)} at ${showUntrusted(record.acquiredAt, 40)}`
    throw new LockSupersededError(
      'stale',
      newer,
      `Stale: a newer run of the same key has already held lock ${this.location}: ${newer}; our sequence is ${this.spec.sequence}.`,
    )
  }

  /**
   * Throws 'stale' when the lock blob keeps a higher sequence of our key
   * (latest-kept.ts): asked only when the key has no record, as after the
   * .azure-mutex/ folder was deleted.
   */
  checkKept(sequence: number | undefined): void {
    if (sequence === undefined || sequence <= this.spec.sequence) return
    this.tellFar('the lock blob', sequence)
    throw staleByKept(this.location, sequence, this.spec.sequence)
  }
}
