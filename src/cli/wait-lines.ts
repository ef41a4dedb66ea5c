// What `azure-mutex hold` says on stderr while it waits: the waiter's events
// (lock/wait-report.ts) in the command's words. Every value read from storage
// reaches a line through briefHolder, briefHolderSeen or describeHolderSeen,
// which show it through showUntrusted.

import { formatDuration } from '../lock/duration.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { describeEndedHold, holdHasNoEnd } from '../lock/deploy/hold.ts'
import { farSequenceText } from '../lock/deploy/latest-seen.ts'
import { briefHolder } from '../lock/holder.ts'
import { briefHolderSeen, describeHolderSeen } from '../lock/holder-seen.ts'
import { ordinal } from '../lock/queue/queue.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { describeSlotsHeld } from '../lock/queue/slots.ts'
import type { Place, WaitEvent } from '../lock/wait-report.ts'
import { noAnswerYetText } from '../lock/waiter.ts'
import { highPriorityAheadText, longWaitText, malformedPriorityText } from '../action/priority-lines.ts'
import { asFlag, inUserTerms, type OptionName } from './options.ts'

/** "2nd in line for locks/deploy; ahead: org/api run 812 (holding since 10:02:11Z)". */
export function placeLine(place: Place, name: string): string {
  const ahead = [
    ...(place.holder && !place.slots ? [briefHolderSeen(place.holder)] : []),
    ...place.ahead.map((who) => (who ? briefHolder(who) : 'a waiter that wrote no record')),
  ]
  const shown = ahead.slice(0, 5)
  if (ahead.length > shown.length) shown.push(`and ${ahead.length - shown.length} more`)
  const slots = place.slots ? `; ${describeSlotsHeld(place.slots)}` : ''
  const line = `${ordinal(place.position)} in line for ${name}${slots}`
  return shown.length > 0 ? `${line}; ahead: ${shown.join(', ')}` : `${line}; nobody ahead`
}

/**
 * The line an event makes, or undefined for an event that needs none; `named`
 * says how to name an option (as the user gave it: options.ts optionNamer).
 */
export function waitLine(
  event: WaitEvent,
  name: string,
  named: (input: string) => OptionName | undefined = asFlag,
): string | undefined {
  switch (event.type) {
    case 'waiting':
      return event.place.queued
        ? placeLine(event.place, name)
        : event.place.holder
          ? `${name} is held by ${describeHolderSeen(event.place.holder)}. Waiting.`
          : undefined
    case 'moved':
      return event.place.queued
        ? `${placeLine(event.place, name)} (waited ${formatDuration(event.waitedMs)})`
        : undefined
    case 'holder-changed':
      return `${name} is now held by ${describeHolderSeen(event.place.holder)} (waited ${formatDuration(event.waitedMs)}).`
    case 'still-waiting':
      return (
        `Still waiting after ${formatDuration(event.waitedMs)}; ` +
        (event.place.queued ? placeLine(event.place, name) : `held by ${describeHolderSeen(event.place.holder)}`)
      )
    case 'infinite-lease':
      // A hold (hold.ts) ends by itself at its end, and the first waiter ends it: only one with no end waits for ever.
      if (event.holder.hold && !holdHasNoEnd(event.holder.hold))
        return `${name} is held by ${describeHolderSeen(event.holder)}. This waits until the hold ends or is lifted.`
      return (
        `warning: ${name} is held by ${describeHolderSeen(event.holder)}. Without --timeout this waits for ever: ` +
        `set --timeout (for example 30m), or break the lease: ${event.breakCommand}`
      )
    case 'outside-queue':
      return (
        `warning: the credential may not list the container (${describeStorageErrorBrief(event.error)}), ` +
        `so this waits outside the queue of ${name} and gets the lock only by winning a race when it is free.`
      )
    case 'rejoined':
      return `warning: the queue entry lapsed, so it joined the queue of ${name} again, at the back.`
    case 'created':
      if (event.slot) return `Created the blob of slot ${event.slot}.`
      return event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.'
    case 'squatter':
      return (
        `warning: entry ${event.ticket} in the queue of ${name} holds an infinite lease: it is no waiter and is ` +
        `passed over. Clear it: ${event.clearCommands}`
      )
    case 'passed-over':
      return (
        `warning: the first waiter of ${name} (entry ${event.ticket}) left the lock free for ` +
        `${formatDuration(event.idleMs)} without taking it: it is passed over.`
      )
    case 'sweep-refused':
      return `warning: removing a lapsed queue entry was refused (${describeStorageErrorBrief(event.error)}).`
    case 'hold-ended':
      return `Ended the hold on ${name}: ${describeEndedHold(event.hold, event.endedAt)}.`
    case 'hold-taken-over':
      // The command has no scope run: it never takes a run's hold over.
      return undefined
    case 'malformed-sequence':
      return (
        `warning: in the queue of ${name}, ${event.where} has this command's supersede key with the sequence ` +
        `'${showUntrusted(event.value, 40)}', which is ${event.problem}: it is ignored.`
      )
    case 'far-sequence':
      return `warning: ${farSequenceText(event, name, 'command')}`
    case 'storage-trouble':
      return `warning: storage is failing while waiting (${describeStorageErrorBrief(event.error)}); retrying.`
    case 'no-answer-yet':
      return `warning: ${noAnswerYetText(event, `for ${name}`).replace(/^S/, 's')}`
    case 'high-priority-ahead':
      return highPriorityAheadText(event, name)
    case 'malformed-priority':
      return `warning: ${malformedPriorityText(event, name)}`
    case 'long-wait':
      // The command's option is --warn-after (or AZURE_MUTEX_WARN_AFTER): the line names it as it was given.
      return `warning: ${inUserTerms(longWaitText(event, name), named)}`
  }
}
