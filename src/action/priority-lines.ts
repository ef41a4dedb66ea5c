// The words for the order of the line and for a long wait (lock/queue/priority.ts,
// lock/wait-report.ts), shared by the main step's lines and the job summary.
// Every value read from storage reaches a line through briefHolder or
// briefHolderSeen, or showUntrusted itself.

import { formatDuration } from '../lock/duration.ts'
import { briefHolder, type HolderIdentity } from '../lock/holder.ts'
import { briefHolderSeen } from '../lock/holder-seen.ts'
import { ordinal } from '../lock/queue/queue.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { WaitEvent } from '../lock/wait-report.ts'
import { Inputs } from './constants.ts'

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
 * "waited 10m, past 'warn-after' (10m); held by org/api run 5 (holding since
 * 10:02:11Z) for 25m; 3rd in line".
 */
export function longWaitFact(event: Event<'long-wait'>): string {
  const { place } = event
  const holder = place.holder
    ? `held by ${briefHolderSeen(place.holder)}` +
      (event.heldMs === undefined ? '' : ` for ${formatDuration(event.heldMs)}`)
    : 'free at the last look'
  const where = place.queued ? `${ordinal(place.position)} in line` : 'waiting outside the queue'
  return `waited ${formatDuration(event.waitedMs)}, past '${Inputs.WarnAfter}' (${formatDuration(event.warnAfterMs)}); ${holder}; ${where}`
}

/** The warning: "Lock locks/deploy: waited 10m, past 'warn-after' (10m); ...; 3rd in line. Still waiting." */
export function longWaitText(event: Event<'long-wait'>, name: string): string {
  return `Lock ${name}: ${longWaitFact(event)}. Still waiting.`
}
