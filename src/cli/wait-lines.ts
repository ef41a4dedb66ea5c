// What `azure-mutex hold` says on stderr while it waits: the waiter's events
// (lock/wait-report.ts) in the command's words. Every value read from storage
// reaches a line through briefHolder, briefHolderSeen or describeHolderSeen,
// which show it through showUntrusted.

import { formatDuration } from '../lock/duration.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { describeEndedHold, holdHasNoEnd } from '../lock/deploy/hold.ts'
import { farSequenceText } from '../lock/deploy/latest-seen.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { WaitEvent } from '../lock/wait-report.ts'
import { noAnswerYetText } from '../lock/waiter.ts'
import { highPriorityAheadText, longWaitText, malformedPriorityText, placeLine } from '../settings/wait-words.ts'
import { Flags } from './flags.ts'
import { asGivenFlag, type OptionName } from './options.ts'
import { describeHolderSeen } from '../lock/holder-seen.ts'

/**
 * The line an event makes, or undefined for an event that needs none; `named`
 * says how to name an option (as the user gave it: options.ts optionNamer).
 */
export function waitLine(
  event: WaitEvent,
  name: string,
  named: (flag: string) => OptionName | undefined = asGivenFlag,
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
      return `warning: ${longWaitText(event, name, `past ${optionOf(named(Flags.WarnAfter) ?? asGivenFlag(Flags.WarnAfter))}`)}`
  }
}

/** An option inside a line: as the user gave it (the lock's name, given as the argument, never reaches here). */
function optionOf(named: OptionName): string {
  return 'option' in named ? named.option : named.argument
}
