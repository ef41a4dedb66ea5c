// Where the action keeps its own blobs beside a lock, in the lock's container:
//
//   .azure-mutex/<lock>/queue/<ticket>   one entry per waiter, in ticket order
//   .azure-mutex/<lock>/tickets          the counter that hands out tickets
//   .azure-mutex/<lock>/fencing          the counter of fencing tokens
//   .azure-mutex/<lock>/latest/<sha256>  per supersede key, the job with the
//                                        highest sequence that held the lock
//                                        (the sequence is on the lock blob too)
//   .azure-mutex/<lock>/slots/<k>        with slots: N > 1, the lease blobs of
//                                        slots 2..N (slot 1 is the lock blob)
//
// <lock> is the lock name as ONE path segment (encodeURIComponent turns '/'
// into '%2F'), so the folders of 'a/b' and 'a/b/queue' cannot overlap. Lock
// names may not start with RESERVED_SEGMENT (names.ts), so no lock is ever one
// of these blobs, and anything that lists the container skips RESERVED_PREFIX.
//
// Any of them may be deleted, the whole folder included, and the lock stays
// safe: what its safety depends on is kept on the lock blob as well, as
// metadata that every write to the lock blob carries forward. A missing
// counter starts again above the numbers still in use (counter.ts): the
// tickets above the highest entry, the fencing tokens above the last one
// (FENCING_KEY in holder.ts), and the fencing counter with the lock's number
// of slots (SLOTS_KEY on the lock blob and the leased slot blobs, slots.ts).
// Each key's highest sequence is on the lock blob too (latest-kept.ts), for
// the 32 keys that held most recently. Deleting the folder loses the queue's
// order (waiters join again at the back), the runs that held each key (the
// lock blob keeps the sequence alone), the guard of keys beyond those 32, and
// the slot blobs nobody holds. A lock blob whose metadata is gone too (
// go-azuremutex uploads it again when it takes a free lock) loses the rest:
// docs/queue-and-fencing.md, "Deleting .azure-mutex/", says what then.

import { createHash } from 'node:crypto'
import { RESERVED_SEGMENT } from './names.ts'

/** The folder of the action's own blobs: whatever lists a container leaves it out. */
export const RESERVED_PREFIX = `${RESERVED_SEGMENT}/`

/** A ticket is written with this many digits, so that names sort as numbers (2^53 has 16 digits). */
const TICKET_DIGITS = 16

/**
 * The longest encoded lock name kept readable. Azure allows 1,024 characters
 * in a blob name, and percent-encoding can make a name up to nine times longer
 * (a non-ASCII letter is three UTF-8 bytes): longer ones become a hash.
 */
const READABLE_SEGMENT_MAX = 900

/**
 * The lock's own folder segment: the percent-encoded name, or for a very long
 * one 'sha256=<hex>', which no encoded name can equal ('=' is always encoded).
 */
function lockSegment(lockName: string): string {
  const encoded = encodeURIComponent(lockName)
  if (encoded.length <= READABLE_SEGMENT_MAX) return encoded
  return `sha256=${createHash('sha256').update(lockName, 'utf8').digest('hex')}`
}

/** The names of the blobs the action keeps for one lock. */
export interface ReservedNames {
  /** The prefix of the queue's entries; listing it lists the queue. */
  queuePrefix: string
  /** The blob that counts tickets. */
  tickets: string
  /** The blob that counts fencing tokens. */
  fencing: string
  /** The prefix of the per-key records of the highest sequence that held (latest.ts). */
  latestPrefix: string
  /** The lock's own folder: one listing of it shows the queue and the slots 2..N (slots.ts). */
  folder: string
  /** The prefix of the slot blobs 2..N. */
  slotsPrefix: string
}

export function reservedNames(lockName: string): ReservedNames {
  const folder = `${RESERVED_PREFIX}${lockSegment(lockName)}/`
  return {
    queuePrefix: `${folder}queue/`,
    tickets: `${folder}tickets`,
    fencing: `${folder}fencing`,
    latestPrefix: `${folder}latest/`,
    folder,
    slotsPrefix: `${folder}slots/`,
  }
}

/** The blob that slot `slot` leases: the lock blob itself for slot 1, a reserved blob for the others. */
export function slotBlobName(lockName: string, slot: number): string {
  return slot <= 1 ? lockName : `${reservedNames(lockName).slotsPrefix}${slot}`
}

/** The slot a reserved blob's name is, or undefined for a name that is not a slot's (2..max). */
export function slotOf(slotsPrefix: string, name: string, max: number): number | undefined {
  if (!name.startsWith(slotsPrefix)) return undefined
  const digits = name.slice(slotsPrefix.length)
  if (!/^[1-9]\d{0,2}$/.test(digits)) return undefined
  const slot = Number(digits)
  return slot >= 2 && slot <= max ? slot : undefined
}

/** The record of one supersede key: named by the key's SHA-256, so that any key makes a valid blob name. */
export function latestName(latestPrefix: string, key: string): string {
  return `${latestPrefix}${createHash('sha256').update(key, 'utf8').digest('hex')}`
}

/** The name of a queue entry: the prefix and the zero-padded ticket. */
export function entryName(queuePrefix: string, ticket: number): string {
  return `${queuePrefix}${String(ticket).padStart(TICKET_DIGITS, '0')}`
}

/** The ticket an entry's name carries, or undefined for a name that is not an entry's. */
export function ticketOf(queuePrefix: string, name: string): number | undefined {
  if (!name.startsWith(queuePrefix)) return undefined
  const digits = name.slice(queuePrefix.length)
  if (!/^\d{16}$/.test(digits)) return undefined
  const ticket = Number(digits)
  return Number.isSafeInteger(ticket) && ticket > 0 ? ticket : undefined
}
