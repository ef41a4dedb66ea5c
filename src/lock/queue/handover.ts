// Handing the lease straight to the head of the queue, instead of freeing it.
//
// Every waiter publishes, in its queue entry, the lease id it will hold the
// lock under. When a holder lets go and a live head has published an id, the
// holder marks the lock blob with the head's ticket and changes its lease to
// that id (Azure's Change Lease: the lease stays active and keeps its
// remaining time; our old id stops working at once). The lock is never free
// between two queued holders, so a client that does not queue cannot slip in.
// The head sees the mark at its next look, and its acquire with the same id
// (which Azure answers by renewing a lease already under that id) takes the
// lock as it does today. Nobody waiting, or nobody who published an id: the
// lease is released as before.
//
// Safety rests on the lease alone, as before: after the change only the head's
// id works, so the old holder cannot renew or write any more, and a head that
// died meanwhile leaves a lease that nobody renews, which lapses within one
// lease duration, exactly like a dead holder's.

import { monotonicNow } from '../clock.ts'
import { isTransient } from '../errors.ts'
import { lineOrder } from './priority.ts'
import { isLive, isSquatter } from './queue.ts'
import { HANDED_TO_KEY, NEXT_LEASE_KEY } from '../metadata.ts'
import type { QueueEntry, QueueLook } from './entry.ts'

/** Azure takes only a GUID as a proposed lease id. */
const LEASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TICKET = /^\d{1,16}$/

/** Reads one metadata key whatever its case: Azure keeps keys case-insensitively. */
function metadataValue(metadata: Record<string, string> | undefined, key: string): string | undefined {
  if (!metadata) return undefined
  for (const [name, value] of Object.entries(metadata)) if (name.toLowerCase() === key) return value
  return undefined
}

/** The entry metadata that publishes our lease id. */
export function publishLeaseId(leaseId: string): Record<string, string> {
  return { [NEXT_LEASE_KEY]: leaseId }
}

/**
 * The lease id an entry publishes, or undefined. The entry is untrusted: only
 * a GUID is taken, and it is never shown, only proposed to Azure.
 */
export function publishedLeaseId(metadata: Record<string, string> | undefined): string | undefined {
  const value = metadataValue(metadata, NEXT_LEASE_KEY)?.trim()
  return value && LEASE_ID.test(value) ? value.toLowerCase() : undefined
}

/** The mark the holder leaves on the lock blob as it hands the lease over. */
export function handedToMetadata(ticket: number): Record<string, string> {
  return { [HANDED_TO_KEY]: String(ticket) }
}

/** The ticket the lock blob says its lease was handed to, or undefined. */
export function handedToTicket(metadata: Record<string, string> | undefined): number | undefined {
  const value = metadataValue(metadata, HANDED_TO_KEY)?.trim()
  return value && TICKET.test(value) ? Number(value) : undefined
}

/** Who the lease goes to: the head's ticket and the id it published. */
export interface HandoverTarget {
  ticket: number
  leaseId: string
  waiter: QueueEntry['waiter']
}

/**
 * What a holder looks at before it lets go: the queue, and with slots the
 * tickets already served (slots.ts: servedTickets), which are not the head
 * for this purpose: each freed slot goes to its own waiter.
 */
export interface HandoverLook extends QueueLook {
  served?: ReadonlySet<number>
}

/**
 * The head of the queue, if the lease can be handed to it: the first live
 * entry in the order of the line (priority.ts: a high-priority waiter before
 * the normal ones) that is not a squatter, leased (its waiter renews it), and
 * publishing a lease id. Only the head: an entry further back is never handed
 * the lease, even when the head published nothing (an older version of this
 * action), as that would serve the queue out of order; the lease is released
 * instead. With slots, waiters already served (handed or holding another
 * slot) are passed by: the head is the first waiter still without a slot.
 *
 * `ownLeaseId` is the lease id of whoever lets go. An entry that publishes it
 * is the holder's own, still in the queue (taking the lock deletes it, see
 * attempt.ts, but an older version of this action took the lock even when
 * that delete failed): it is passed by too. Handed to it, the lease would stay
 * under the id of a holder that stops renewing, and lie idle until it lapsed.
 */
export function handoverTarget(look: HandoverLook, ownLeaseId?: string): HandoverTarget | undefined {
  const served = look.served
  const own = ownLeaseId?.toLowerCase()
  const head = lineOrder(look.entries).find(
    (entry) =>
      isLive(entry, look.serviceNow) &&
      !isSquatter(entry) &&
      !served?.has(entry.ticket) &&
      (own === undefined || entry.nextLeaseId !== own),
  )
  if (!head || !head.leased || !head.nextLeaseId) return undefined
  return { ticket: head.ticket, leaseId: head.nextLeaseId, waiter: head.waiter }
}

/** How a holder let go: handed to the head, released, or found no longer ours. */
export type LetGoOutcome =
  { outcome: 'handed-over'; to: HandoverTarget } | { outcome: 'released' } | { outcome: 'not-held' }

/** What letting go needs from the lock blob (LockBlob implements it). */
export interface HandoverStore {
  /** The queue's entries, in ticket order. */
  readonly queue: { look(options: { signal?: AbortSignal; timeoutMs?: number }): Promise<QueueLook> }
  /**
   * With slots, what letting go looks at instead of the queue alone: the queue
   * and the tickets already served, from one listing of the lock's folder and
   * a look at the lock blob, side by side.
   */
  handoverLook?(options: { signal?: AbortSignal; timeoutMs?: number }): Promise<HandoverLook>
  /**
   * Clears our record; with a target, marks the blob with its ticket and
   * changes the lease to its id, else releases.
   */
  letGo(
    leaseId: string,
    target: Promise<HandoverTarget | undefined>,
    options: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<LetGoOutcome>
}

/** The longest the look before letting go may take, a second try included. */
const LOOK_BUDGET_MS = 5_000

/** A second look is tried only with this much of the budget left: less would be cut before it is answered. */
const SECOND_LOOK_MIN_MS = 500

/**
 * Lets go of the lock: hands the lease to the head of the queue when one has
 * published its id, else releases it. The look at the queue runs beside the
 * first request of the release (the read of the holder record), so a holder
 * with nobody waiting pays no extra round trip. A queue that cannot be read
 * (a credential that may not list, a slow listing) means releasing as before.
 */
export async function letGo(
  store: HandoverStore,
  leaseId: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<LetGoOutcome> {
  // The look ends with the letting go: a release that fails leaves no listing running behind it.
  const looking = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, looking.signal]) : looking.signal
  const target = headToHandTo(store, { signal, timeoutMs: options.timeoutMs }, leaseId)
  try {
    return await store.letGo(leaseId, target, options)
  } finally {
    looking.abort()
  }
}

/**
 * Who the lease goes to when the holder of `ownLeaseId` lets go
 * (handoverTarget), or undefined for a release. The look is tried once more
 * when storage failed it for a passing reason (every try the SDK made
 * answered 503, say), within the same budget: a failed look means a release,
 * and a released lock is free for a client that does not queue while jobs
 * wait in line. Anything else (a credential that may not list) would fail the
 * same way again: released at once.
 */
export async function headToHandTo(
  store: Pick<HandoverStore, 'queue' | 'handoverLook'>,
  options: { signal?: AbortSignal; timeoutMs?: number },
  ownLeaseId: string,
): Promise<HandoverTarget | undefined> {
  const timeoutMs = Math.min(options.timeoutMs ?? LOOK_BUDGET_MS, LOOK_BUDGET_MS)
  const until = monotonicNow() + timeoutMs
  const look = (ms: number) => lookBeforeLettingGo(store, { signal: options.signal, timeoutMs: ms })
  try {
    return handoverTarget(
      await look(timeoutMs).catch((err: unknown) => {
        const left = Math.floor(until - monotonicNow())
        if (!isTransient(err) || options.signal?.aborted || left < SECOND_LOOK_MIN_MS) throw err
        return look(left)
      }),
      ownLeaseId,
    )
  } catch {
    return undefined
  }
}

/**
 * What letting go looks at: the whole queue (one request up to 100 entries: a
 * high-priority waiter far back is the head), and with slots the slots too.
 */
export function lookBeforeLettingGo(
  store: Pick<HandoverStore, 'queue' | 'handoverLook'>,
  look: { signal?: AbortSignal; timeoutMs?: number },
): Promise<HandoverLook> {
  return store.handoverLook ? store.handoverLook(look) : store.queue.look(look)
}

/** One line for the logs: to whom the lease went. */
export function describeLetGo(outcome: LetGoOutcome): string {
  if (outcome.outcome === 'handed-over')
    return `handed the lease to the head of the queue (ticket ${outcome.to.ticket})`
  if (outcome.outcome === 'released') return 'released the lease'
  return 'the lease was no longer ours'
}
