// The queue's rules, apart from storage: which entries are alive, where a
// waiter stands, and when it is at the head. Order is by priority, then by
// ticket (priority.ts), and tickets come from one counter in the service's
// order, so no two waiters share one.

import { goesBefore, lineOrder, type Holding } from './priority.ts'
import type { Priority } from './entry.ts'
import type { QueueEntry, QueueLook, TicketClaim } from './entry.ts'

/**
 * An entry is written first and leased just after: one without a lease is
 * believed to be joining while it is younger than this (by the service's
 * clock, 1 s resolution), and left behind after.
 */
export const JOIN_GRACE_MS = 5_000

/**
 * A ticket handed out within this time before ours may not have its entry
 * yet (its waiter writes it one request later). Until that entry shows, the
 * lock shows that waiter holding it, or this time has passed, the waiter
 * behind it does not take the head.
 */
export const CLAIM_GRACE_MS = 2_000

export function isLive(entry: QueueEntry, serviceNow: Date): boolean {
  return entry.leased || serviceNow.getTime() - entry.modifiedAt.getTime() <= JOIN_GRACE_MS
}

/**
 * An entry with an infinite lease: this action never takes one on an entry,
 * and nobody renews it, so it would hold its place for ever. It is not waited
 * for (it is not a waiter), and cannot be swept (Azure refuses to delete a
 * leased blob): people break its lease and delete it.
 */
export function isSquatter(entry: QueueEntry): boolean {
  return entry.leased && entry.infinite === true
}

/**
 * Where a ticket stands in a listing: the live entries ahead of it in the
 * order of the line (priority.ts), the lapsed ones and squatters among the
 * earlier tickets, and its own entry. Entries in `passedOver` (heads that
 * left the lock free for too long) are not waited for either. `priority` is
 * the waiter's own, for when the listing does not show its entry yet;
 * `holding` names entries whose waiters hold the lock or were handed it.
 */
export interface Standing {
  ahead: QueueEntry[]
  lapsed: QueueEntry[]
  squatters: QueueEntry[]
  mine: QueueEntry | undefined
}

export function standingOf(
  look: QueueLook,
  ticket: number,
  passedOver: ReadonlySet<number> = new Set(),
  { priority, holding }: { priority?: Priority; holding?: Holding } = {},
): Standing {
  const before = look.entries.filter((entry) => entry.ticket < ticket)
  const mine = look.entries.find((entry) => entry.ticket === ticket)
  const me = { ticket, priority: priority ?? mine?.priority }
  const waiting = look.entries.filter(
    (entry) =>
      entry.ticket !== ticket &&
      isLive(entry, look.serviceNow) &&
      !isSquatter(entry) &&
      !passedOver.has(entry.ticket) &&
      goesBefore(entry, me, holding),
  )
  return {
    ahead: lineOrder(waiting, holding),
    lapsed: before.filter((entry) => !isLive(entry, look.serviceNow)),
    squatters: before.filter(isSquatter),
    mine,
  }
}

/**
 * The ticket just before ours, when it was handed out so recently that its
 * entry may still be on its way: `until` is the local time after which it is
 * no longer waited for.
 */
export interface RecentPredecessor {
  ticket: number
  until: number
}

export function recentPredecessor(claim: TicketClaim, now: number): RecentPredecessor | undefined {
  if (!claim.previousAt || !claim.serviceNow) return undefined
  // The service's own clock on both sides, so the runners' clocks do not matter; +1 s for its resolution.
  const age = claim.serviceNow.getTime() - claim.previousAt.getTime()
  const left = CLAIM_GRACE_MS + 1_000 - age
  return left > 0 ? { ticket: claim.ticket - 1, until: now + left } : undefined
}

/** Whether a look at the queue or the lock shows that the waiter of `predecessor` has joined (or been served). */
export function predecessorShown(
  predecessor: RecentPredecessor,
  look: { entries?: QueueEntry[]; holderTicket?: string },
): boolean {
  if (look.entries?.some((entry) => entry.ticket === predecessor.ticket)) return true
  const held = /^\d{1,16}$/.test(look.holderTicket ?? '') ? Number(look.holderTicket) : NaN
  return held >= predecessor.ticket
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st. */
export function ordinal(n: number): string {
  const tens = n % 100
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'
  return `${n}${suffix}`
}
