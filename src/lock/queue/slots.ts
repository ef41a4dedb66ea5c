// Slots: a lock that lets up to N holders in at once. Each slot is a blob
// that is leased as the lock blob is: slot 1 is the lock blob itself (so a
// client that does not know of slots, go-azuremutex among them, holds one
// slot), slots 2..N are reserved blobs beside it (reserved.ts). The lease on
// each slot blob still lets exactly one holder in, so N blobs let in at most
// N, whatever the waiters believe.
//
// The queue stays one queue. A waiter looks at the queue and every slot in one
// listing of the lock's folder (plus one look at the lock blob), and may take
// a slot when fewer waiters stand ahead of it than there are free slots: the
// first k waiters of the line take the k free slots, the i-th of them the
// i-th free slot, so that they do not race each other for one.
//
// Everyone must agree on N: the number is kept on the lock's fencing counter
// (SLOTS_KEY), set by the job that creates the counter, and a job that asks
// for another number fails before it takes any lease (slotted jobs check
// before their first acquire; a job with one slot, which must not pay a
// request for it, learns it when it takes its fencing token, and gives the
// lease it took back: its lease is on the lock blob, which is slot 1, so even
// then no more than N hold).
//
// The counter lives in .azure-mutex/, which may be deleted. So every holder
// also writes the number it agreed on, once its token came, beside the token
// on the blob it holds (the lock blob for slot 1, with 1 for a lock of one
// slot; its slot blob for the others). A counter created again takes the
// number from there (keptSlots): from the leased slot blobs (their holders
// hold now, and a leased blob cannot be deleted without breaking its lease),
// else from the lock blob, which keeps it after release as it keeps the last
// token. A job that asks for another number is then refused as it would be by
// the counter, so no job takes the lock blob while slot blobs 2..N are held
// under another number. Changing N means draining the lock and writing the
// new number on the counter (the README's Slots section gives the commands);
// the lock blob takes it from the first job that holds it after.

import { LockError } from '../errors.ts'
import { briefHolder, shownTime, type HolderRecord } from '../holder.ts'
import { showUntrusted } from '../untrusted-text.ts'

/** The most slots a lock may have: each waiter's look lists them all, and each is a blob. */
export const MAX_SLOTS = 100

/** The fencing counter's metadata key for the lock's number of slots; absent means 1. */
export const SLOTS_KEY = 'azure_mutex_slots'

/** Why a text is not a number of slots, or undefined when it is one. */
export function slotsProblem(text: string): string | undefined {
  if (!/^\d{1,3}$/.test(text)) return 'not a whole number'
  const value = Number(text)
  return value >= 1 && value <= MAX_SLOTS ? undefined : `not from 1 to ${MAX_SLOTS}`
}

/**
 * The number of slots the counter's metadata keeps: 1 when it keeps none (a
 * lock that never had slots, or a counter written by an older version), and
 * 'malformed' for a value this action did not write, which is never trusted.
 */
export function storedSlots(metadata: Record<string, string> | undefined): number | 'malformed' {
  let text: string | undefined
  for (const [key, value] of Object.entries(metadata ?? {})) if (key.toLowerCase() === SLOTS_KEY) text = value
  if (text === undefined) return 1
  return slotsProblem(text) === undefined ? Number(text) : 'malformed'
}

/** The number a blob's SLOTS_KEY says, when it says one (absent and malformed: undefined). */
function explicitSlots(metadata: Record<string, string> | undefined): number | undefined {
  let text: string | undefined
  for (const [key, value] of Object.entries(metadata ?? {})) if (key.toLowerCase() === SLOTS_KEY) text = value
  return text !== undefined && slotsProblem(text) === undefined ? Number(text) : undefined
}

/** A slot blob 2..N as a look at the folder showed it, for keptSlots. */
export interface SlotBlobSeen {
  slot: number
  leased: boolean
  metadata?: Record<string, string>
}

/**
 * The lock's number of slots as kept outside its fencing counter, for a
 * counter created again (the .azure-mutex/ folder was deleted): the number the
 * holders of leased slot blobs wrote (they hold now), else the one the lock
 * blob keeps (its holders write it, 1 included, and it stays after release);
 * never less than the highest slot that is leased. Undefined when nothing
 * keeps one: a new lock, or one whose lock blob lost its metadata to a client
 * that uploads it again (go-azuremutex). A number this action did not write is
 * not trusted: it is left out, as if absent.
 */
export function keptSlots(
  lock: Record<string, string> | undefined,
  slots: readonly SlotBlobSeen[],
): number | undefined {
  const leased = slots.filter((s) => s.leased)
  const held = leased.flatMap((s) => {
    const count = explicitSlots(s.metadata)
    return count === undefined ? [] : [count]
  })
  const count = held.length > 0 ? Math.max(...held) : explicitSlots(lock)
  const highest = Math.max(0, ...leased.map((s) => s.slot))
  return highest > 0 ? Math.max(count ?? highest, highest) : count
}

/** A job asked for another number of slots than the lock keeps. */
export class SlotsMismatchError extends LockError {
  override name = 'SlotsMismatchError'
  /** The number the lock keeps, when it keeps a number (not a malformed one). */
  readonly stored: number | undefined

  constructor(message: string, stored?: number) {
    super(message)
    this.stored = stored
  }
}

/**
 * A hold (a freeze) on a lock of several slots: it would be one lease on the
 * lock blob, slot 1, and freeze that slot alone while the others stay open, so
 * it is refused once its lease shows the lock's number, and the lease goes back.
 * Other errors pass through as they are.
 */
export function refuseHoldOnSlots(err: unknown, location: string): unknown {
  if (!(err instanceof SlotsMismatchError) || err.stored === undefined || err.stored <= 1) return err
  const others = err.stored - 1
  return new SlotsMismatchError(
    `Lock ${location} has ${err.stored} slots, and a hold is one lease on its lock blob: it would freeze slot 1 ` +
      `only, while the other ${others} slot${others === 1 ? '' : 's'} stayed open to every job, so a hold is refused ` +
      'on a lock with slots; the lease it took was given back, and no hold was set.',
    err.stored,
  )
}

/** The one line of a job whose number of slots is not the lock's. */
export function slotsMismatchMessage(
  location: string,
  stored: number,
  asked: number,
  counter: string,
  { gaveBack = false } = {},
): string {
  const slots = (n: number): string => `${n} slot${n === 1 ? '' : 's'}`
  return (
    `Lock ${location} is set up with ${slots(stored)}, but this job asks for ${slots(asked)} ('slots: ${asked}'); ` +
    `${gaveBack ? 'it gives back the lease it took' : 'it takes no lease'}. Every job of a lock must ask for the same number. To change it safely, change 'slots' in every ` +
    `workflow that uses the lock, let the lock drain (no holder, nobody waiting), then write the new number on ` +
    `the counter blob that keeps it, ${counter}, as the README's Slots section shows (deleting the counter does ` +
    `not change the number: the lock blob keeps it too).`
  )
}

/** The one line for a number of slots on the counter that this action did not write. */
export function slotsMalformedMessage(location: string, text: string, deleteCommand: string): string {
  return (
    `Lock ${location} keeps '${showUntrusted(text, 40)}' as its number of slots, which this action did not write; ` +
    `it is not trusted, and no lease is taken. Let the lock drain, then delete the counter blob: it is made again ` +
    `with the number the lock blob keeps, or else the next job's: ${deleteCommand}`
  )
}

/** One slot as a look showed it. */
export interface SlotView {
  /** 1..N; 1 is the lock blob. */
  slot: number
  /** 'missing': the slot's blob does not exist yet, and is free to be created and taken. */
  state: 'missing' | 'free' | 'leased'
  /** The holder record on a leased slot, if its holder wrote one (untrusted). */
  holder?: HolderRecord
  /** The ticket the slot's last holder handed its lease to (handover.ts). */
  handedTo?: number
  infinite?: boolean
}

/**
 * The slot a waiter may take now, or undefined: a slot handed to its ticket,
 * else, when fewer than the free slots stand ahead of it (`ahead` counts the
 * live waiters ahead that are not served yet (servedTickets), and a ticket
 * just before ours whose entry may be on its way), the free slot at its own
 * place among them.
 */
export function slotToTake(slots: readonly SlotView[], ahead: number, ticket?: number): SlotView | undefined {
  const handed = ticket === undefined ? undefined : slots.find((s) => s.state === 'leased' && s.handedTo === ticket)
  if (handed) return handed
  const free = slots.filter((s) => s.state !== 'leased')
  return ahead < free.length ? free[ahead] : undefined
}

/**
 * The tickets a look shows served already: handed a slot by its last holder
 * (handover.ts), or holding one (its holder record names its ticket, which it
 * writes before it leaves the queue). A holder that lets go hands its slot to
 * the first waiter in line that is not among them, and a waiter counts only
 * the waiters ahead that are not among them, so that when several slots free
 * up together, each goes to its own waiter instead of all to the head.
 */
export function servedTickets(slots: readonly SlotView[]): Set<number> {
  const served = new Set<number>()
  for (const s of slots) {
    if (s.state !== 'leased') continue
    if (s.handedTo !== undefined) served.add(s.handedTo)
    const ticket = s.holder?.ticket
    if (ticket !== undefined && /^\d{1,16}$/.test(ticket)) served.add(Number(ticket))
  }
  return served
}

/** The slots held in a look, and by whom. */
export interface SlotsHeld {
  count: number
  held: Array<{ slot: number; holder: HolderRecord | undefined }>
}

export function slotsHeld(slots: readonly SlotView[]): SlotsHeld {
  return {
    count: slots.length,
    held: slots.filter((s) => s.state === 'leased').map((s) => ({ slot: s.slot, holder: s.holder })),
  }
}

/**
 * "2 of 3 slots held: org/api run 812 (since 10:02:11Z), org/web run 9 (since
 * 10:03:40Z)". Every value from storage goes through showUntrusted.
 */
export function describeSlotsHeld(seen: SlotsHeld, now: Date = new Date()): string {
  const who = seen.held.map(({ holder }) =>
    holder
      ? `${briefHolder(holder)} (since ${shownTime(holder.acquiredAt, now)})`
      : 'an unknown holder (no holder record)',
  )
  return `${seen.held.length} of ${seen.count} slots held${who.length > 0 ? `: ${who.join(', ')}` : ''}`
}
