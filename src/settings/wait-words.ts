// The words for the order of the line and for a long wait (lock/queue/priority.ts,
// lock/wait-report.ts), shared by both faces: the main step's lines and the
// job summary, and azure-mutex hold's lines. Each face names its option.
// Every value read from storage reaches a line through briefHolder or
// briefHolderSeen, or showUntrusted itself.

import { describeLastHeld } from '../lock/deploy/latest-seen.ts'
import { formatDuration } from '../lock/duration.ts'
import { briefHolder, type HolderIdentity } from '../lock/holder.ts'
import { ordinal } from '../lock/queue/queue.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { describeSlotsHeld } from '../lock/queue/slots.ts'
import type { Place, WaitEvent } from '../lock/wait-report.ts'
import { briefHolderSeen } from '../lock/holder-seen.ts'

type Event<T extends WaitEvent['type']> = Extract<WaitEvent, { type: T }>

const whoWaits = (waiter: HolderIdentity | undefined): string =>
  waiter ? briefHolder(waiter) : 'a waiter that wrote no record'

/** "A high-priority waiter joined ahead of you in the queue of locks/deploy: org/hotfix run 9 (entry 12)." */
export function highPriorityAheadText(event: Event<'high-priority-ahead'>, name: string): string {
  return `A high-priority waiter joined ahead of you in the queue of ${name}: ${whoWaits(event.waiter)} (entry ${event.ticket}).`
}

/** A priority that is neither normal nor high: it counts as normal. */
export function malformedPriorityText(event: Event<'malformed-priority'>, name: string): string {
  return (
    `Entry ${event.ticket} in the queue of ${name} (${whoWaits(event.waiter)}) gives the priority ` +
    `'${showUntrusted(event.value, 40)}', which is neither normal nor high: it counts as normal.`
  )
}

/**
 * What a long wait found, without the lock's name (the summary is per lock):
 * "waited 10m, past <the option, as the face names it> (10m); held by org/api
 * run 5 (holding since 10:02:11Z) for 25m; 3rd in line" (`pastWarnAfter` is
 * "past <the option>").
 */
export function longWaitFact(event: Event<'long-wait'>, pastWarnAfter: string): string {
  const { place } = event
  const holder = place.holder
    ? `held by ${briefHolderSeen(place.holder)}` +
      (event.heldMs === undefined ? '' : ` for ${formatDuration(event.heldMs)}`)
    : 'free at the last look'
  const where = place.queued ? `${ordinal(place.position)} in line` : 'waiting outside the queue'
  return `waited ${formatDuration(event.waitedMs)}, ${pastWarnAfter} (${formatDuration(event.warnAfterMs)}); ${holder}; ${where}`
}

/**
 * The warning: "Lock locks/deploy: waited 10m, past <the option> (10m); ...;
 * 3rd in line. Still waiting."; `pastWarnAfter` is "past <the option>", the option as the face names it.
 */
export function longWaitText(event: Event<'long-wait'>, name: string, pastWarnAfter: string): string {
  return `Lock ${name}: ${longWaitFact(event, pastWarnAfter)}. Still waiting.`
}

/** How many of those ahead a place line names; the rest are counted. */
const SHOWN_AHEAD = 5

/** "3rd in line for locks/production-deploy; ahead: org/api run 812 (holding since 10:02:11Z), org/web run 77". */
export function placeLine(place: Place, lockName: string): string {
  const ahead = [
    ...(place.holder && !place.slots ? [briefHolderSeen(place.holder)] : []),
    ...place.ahead.map((who) => (who ? briefHolder(who) : 'a waiter that wrote no record')),
  ]
  const shown = ahead.slice(0, SHOWN_AHEAD)
  if (ahead.length > shown.length) shown.push(`and ${ahead.length - shown.length} more`)
  // Free at the last look, with waiters ahead: say so, rather than leave the reader to guess who holds it.
  const free = place.slots
    ? `; ${describeSlotsHeld(place.slots)}`
    : !place.holder && place.ahead.length > 0
      ? ` (free, ${place.ahead.length} ahead)`
      : ''
  const line = `${ordinal(place.position)} in line for ${lockName}${free}`
  const placed = shown.length > 0 ? `${line}; ahead: ${shown.join(', ')}` : `${line}; nobody ahead`
  // Latest wins: for each key in sight, the last sequence that held, with its run (through showUntrusted).
  const lastHeld = describeLastHeld(place.lastHeld)
  return lastHeld ? `${placed}; ${lastHeld}` : placed
}
