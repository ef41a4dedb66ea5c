// The order of the line. A waiter waits with a priority, normal or high, and
// writes it on its queue entry. A high-priority waiter goes ahead of every
// normal waiter that is not yet holding; it never goes ahead of a holder, nor
// of an earlier high-priority waiter: among waiters of one priority, ticket
// order stands. Every place that decides who is first (the waiter's place and
// whether it is the head, the holder's handover, the lines, the board) orders
// the entries with lineOrder or goesBefore below, so they all agree.
//
// The priority on an entry is untrusted: anyone who may write to the container
// can write an entry that says high. A value that is neither normal nor high
// counts as normal, and the waiters say so once per entry; an entry without
// one (an older version of this action) is normal.

import type { Priority, QueueEntry } from './entry.ts'

export const PRIORITIES: readonly Priority[] = ['normal', 'high']

/** The queue entry's metadata key for its waiter's priority. */
export const PRIORITY_KEY = 'azure_mutex_priority'

/** The longest malformed value kept to be shown; the rest is of no use to a reader. */
const MALFORMED_KEPT = 40

/** The entry metadata that says our priority. */
export function priorityToMetadata(priority: Priority): Record<string, string> {
  return { [PRIORITY_KEY]: priority }
}

/**
 * The priority an entry's metadata says: { priority } for normal or high,
 * { malformedPriority } for any other value (it counts as normal), nothing
 * when it says none. Keys are case-insensitive on the service.
 */
export function priorityFromMetadata(
  metadata: Record<string, string> | undefined,
): Pick<QueueEntry, 'priority' | 'malformedPriority'> {
  const value = Object.entries(metadata ?? {}).find(([key]) => key.toLowerCase() === PRIORITY_KEY)?.[1]
  if (value === undefined) return {}
  if (value === 'high' || value === 'normal') return { priority: value }
  return { malformedPriority: value.slice(0, MALFORMED_KEPT) }
}

/** The priority an entry counts with: high only when it says exactly high. */
export function priorityOf(entry: Pick<QueueEntry, 'priority'>): Priority {
  return entry.priority === 'high' ? 'high' : 'normal'
}

/** What ordering needs of an entry. */
export type Ranked = Pick<QueueEntry, 'ticket' | 'priority'>

/**
 * Tickets of entries whose waiter already holds the lock, or has been handed
 * it (the holder record's ticket, the handover mark): they are not waiting
 * any more, so nobody goes ahead of them, whatever their priority.
 */
export type Holding = ReadonlySet<number>

const NOBODY: Holding = new Set()

/** 0: holding; 1: high; 2: normal. */
function rank(entry: Ranked, holding: Holding): number {
  if (holding.has(entry.ticket)) return 0
  return priorityOf(entry) === 'high' ? 1 : 2
}

/** Whether `a` stands ahead of `b` in the line: by rank, then by ticket. */
export function goesBefore(a: Ranked, b: Ranked, holding: Holding = NOBODY): boolean {
  const ra = rank(a, holding)
  const rb = rank(b, holding)
  return ra !== rb ? ra < rb : a.ticket < b.ticket
}

/** The entries in the order of the line (a new array); the first is the head. */
export function lineOrder<T extends Ranked>(entries: readonly T[], holding: Holding = NOBODY): T[] {
  return [...entries].sort((a, b) => (goesBefore(a, b, holding) ? -1 : goesBefore(b, a, holding) ? 1 : 0))
}

/**
 * The entries ahead of the waiter of `ticket` that joined after it (a later
 * ticket): high-priority waiters that went ahead of it. Empty for a
 * high-priority waiter, as a later one never goes ahead of it.
 */
export function joinedAhead(ahead: readonly QueueEntry[], ticket: number): QueueEntry[] {
  return ahead.filter((entry) => entry.ticket > ticket && priorityOf(entry) === 'high')
}

/** 'normal' or 'high' from an input; undefined for anything else. */
export function parsePriority(text: string): Priority | undefined {
  return (PRIORITIES as readonly string[]).includes(text) ? (text as Priority) : undefined
}
