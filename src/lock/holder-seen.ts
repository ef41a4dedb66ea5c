// The holder as one look at the lock blob showed it, and the lines that name
// it: the record while its holder keeps it fresh, a hold when one stands
// (deploy/hold.ts), else an unknown holder. Every value is shown through
// showUntrusted (holder.ts, hold.ts).

import { describeHold, holdSetter, type HoldRecord } from './deploy/hold.ts'
import { briefHolder, describeHolder, holderKey, shownTime, type Freshness, type HolderRecord } from './holder.ts'

/** The holder as one look at the lock blob showed it. */
export interface HolderSeen {
  /** The record, when the blob carries one. */
  record: HolderRecord | undefined
  freshness: Freshness
  /** The lease never expires by itself. */
  infinite: boolean
  /** A hold stands (hold.ts): the lock is held by it, whatever the holder record says. */
  hold?: HoldRecord
}

/**
 * Who holds the lock, as believed: the record while its holder keeps it fresh,
 * else an unknown holder, naming the last recorded one and when it stopped.
 */
export function describeHolderSeen(seen: HolderSeen | undefined): string {
  if (seen?.hold) return describeHold(seen.hold)
  const record = seen?.record
  const who = !record
    ? describeHolder(undefined)
    : seen.freshness.kind === 'stale'
      ? `an unknown holder (the last recorded holder, ${briefHolder(record)}, stopped renewing at ` +
        `${seen.freshness.stoppedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')})`
      : describeHolder(record)
  return seen?.infinite ? `${who}, with an infinite lease that never expires by itself` : who
}

/** "org/api run 812 (holding since 10:02:11Z)", or the unknown holder, for a line of the queue. */
export function briefHolderSeen(seen: HolderSeen): string {
  if (seen.hold) {
    const until = seen.hold.until ? `until ${shownTime(seen.hold.until)}` : 'no end'
    return `a hold set by ${holdSetter(seen.hold)} (${until})`
  }
  const record = seen.record
  const infinite = seen.infinite ? '; infinite lease' : ''
  if (!record) return `an unknown holder (no holder record${infinite})`
  if (seen.freshness.kind === 'stale') {
    return `an unknown holder (the last recorded holder, ${briefHolder(record)}, stopped renewing at ${shownTime(seen.freshness.stoppedAt)}${infinite})`
  }
  return `${briefHolder(record)} (holding since ${shownTime(record.acquiredAt)}${infinite})`
}

/** What tells one sighting of the holder from another: the record (or its absence) and whether it is believed. */
export function holderSeenKey(seen: HolderSeen | undefined): string {
  if (!seen) return 'free'
  const hold = seen.hold ? `|hold ${seen.hold.leaseId} ${seen.hold.until}` : ''
  return `${holderKey(seen.record)}|${seen.freshness.kind}|${seen.infinite}${hold}`
}
