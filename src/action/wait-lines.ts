// The main step's lines while it waits, and what it says of its turn once the
// lock is its own: the wording of the waiter's events (lock/wait-report.ts).
// Every value read from storage reaches a line through describeHolderSeen,
// briefHolderSeen or briefHolder, which show it through showUntrusted.

import * as core from '@actions/core'
import { noAnswerYetText, type Acquired } from '../lock/waiter.ts'
import { formatDuration } from '../lock/duration.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import {
  describeEndedHold,
  describeHold,
  describeTakeOver,
  holdHasNoEnd,
  type HoldRecord,
} from '../lock/deploy/hold.ts'
import { briefHolder } from '../lock/holder.ts'
import { farSequenceText } from '../lock/deploy/latest-seen.ts'
import { ordinal } from '../lock/queue/queue.ts'
import { describeSlotsHeld } from '../lock/queue/slots.ts'
import type { LockSpec } from '../lock/spec.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { WaitEvent } from '../lock/wait-report.ts'
import { Inputs, Outputs } from './constants.ts'
import { highPriorityAheadText, longWaitText, malformedPriorityText, placeLine } from '../settings/wait-words.ts'
import * as state from './state.ts'
import { PAST_WARN_AFTER } from './wait-record.ts'
import { describeHolderSeen } from '../lock/holder-seen.ts'

export { placeLine }

export interface Line {
  level: 'info' | 'warning'
  text: string
}

/** The lines an event makes; none for an event that needs no line. */
export function linesFor(event: WaitEvent, spec: LockSpec): Line[] {
  const name = `${spec.container}/${spec.lockName}`
  const info = (text: string): Line => ({ level: 'info', text })
  switch (event.type) {
    case 'waiting':
      return [
        ...(event.place.queued ? [info(placeLine(event.place, name))] : []),
        ...(event.place.slots
          ? [info(`${capitalized(describeSlotsHeld(event.place.slots))}. Waiting.`)]
          : event.place.holder
            ? [info(`The lock is held by ${describeHolderSeen(event.place.holder)}. Waiting.`)]
            : []),
      ]
    case 'moved':
      if (!event.place.queued) return []
      return [info(`${placeLine(event.place, name)} (waited ${formatDuration(event.waitedMs)})`)]
    case 'holder-changed':
      if (event.place.slots) {
        return [info(`Now ${describeSlotsHeld(event.place.slots)} (waited ${formatDuration(event.waitedMs)}).`)]
      }
      return [
        info(
          `The lock is now held by ${describeHolderSeen(event.place.holder)} (waited ${formatDuration(event.waitedMs)}).`,
        ),
      ]
    case 'still-waiting': {
      const where = event.place.queued
        ? placeLine(event.place, name)
        : `held by ${describeHolderSeen(event.place.holder)}`
      return [info(`Still waiting after ${formatDuration(event.waitedMs)}; ${where}`)]
    }
    case 'infinite-lease':
      if (event.holder.hold) return [holdWaitLine(event.holder.hold, name)]
      return [
        {
          level: 'warning',
          text:
            `Lock ${name} is held by ${describeHolderSeen(event.holder)}. With no '${Inputs.Timeout}' this step ` +
            `may wait for as long as the job may run: set '${Inputs.Timeout}' (for example 30m) to bound the wait, ` +
            `or break the lease: ${event.breakCommand}`,
        },
      ]
    case 'rejoined':
      return [
        {
          level: 'warning',
          text:
            `This job's entry in the queue of ${name} lapsed (it could not be renewed in time), ` +
            `so it joined the queue again, at the back (waited ${formatDuration(event.waitedMs)}).`,
        },
      ]
    case 'outside-queue':
      return [
        {
          level: 'warning',
          text:
            `The credential may not list the blobs of container ${spec.container} ` +
            `(${describeStorageErrorBrief(event.error)}), so this job cannot wait in the queue of ${name}: ` +
            'it gets the lock only by winning a race when the lock is free, like a client that does not queue. ' +
            "To wait in turn, let it also list and delete blobs (a SAS with the permissions 'rwcdl').",
        },
      ]
    case 'created':
      if (event.slot) return [info(`Created the blob of slot ${event.slot}.`)]
      return [info(event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.')]
    case 'squatter':
      return [
        {
          level: 'warning',
          text:
            `Entry ${event.ticket} in the queue of ${name}${event.waiter ? ` (${briefHolder(event.waiter)})` : ''} ` +
            'holds an infinite lease, which this action never takes: it is no waiter, so this job does not wait ' +
            `behind it. It stays until someone breaks its lease and deletes it: ${event.clearCommands} ` +
            `(or run the break action with 'entry: ${event.ticket}').`,
        },
      ]
    case 'passed-over':
      return [
        {
          level: 'warning',
          text:
            `The first waiter in the queue of ${name} ` +
            `(${event.waiter ? briefHolder(event.waiter) : 'an entry that wrote no record'}, entry ${event.ticket}) ` +
            `left the lock free for ${formatDuration(event.idleMs)} without taking it: it is passed over. ` +
            'The lease still lets only one job in.',
        },
      ]
    case 'sweep-refused':
      return [
        {
          level: 'warning',
          text:
            `Removing a lapsed entry from the queue of ${name} was refused ` +
            `(${describeStorageErrorBrief(event.error)}): the credential may not delete blobs. Lapsed entries ` +
            "then stay, and slow every first look at the queue; give it the permission 'd' (a SAS with 'rwcdl').",
        },
      ]
    case 'hold-ended':
      return [info(`Ended the hold on ${name}: ${describeEndedHold(event.hold, event.endedAt)}.`)]
    case 'hold-taken-over':
      return [info(`Took over ${describeTakeOver(event)}.`)]
    case 'storage-trouble':
      return [
        {
          level: 'warning',
          text: `Storage is failing while waiting (${describeStorageErrorBrief(event.error)}); retrying.`,
        },
      ]
    case 'no-answer-yet':
      return [{ level: 'warning', text: noAnswerYetText(event, `at ${spec.endpoint}`) }]
    case 'high-priority-ahead':
      return [info(highPriorityAheadText(event, name))]
    case 'malformed-priority':
      return [{ level: 'warning', text: malformedPriorityText(event, name) }]
    case 'long-wait':
      // One warning annotation, visible on the run page; the wait goes on.
      return [{ level: 'warning', text: longWaitText(event, name, PAST_WARN_AFTER) }]
    case 'malformed-sequence':
      return [
        {
          level: 'warning',
          text:
            `In the queue of ${name}, ${event.where} has this job's supersede key with the sequence ` +
            `'${showUntrusted(event.value, 40)}', which is ${event.problem}: it is ignored.`,
        },
      ]
    case 'far-sequence':
      return [{ level: 'warning', text: farSequenceText(event, name, 'job') }]
  }
}

/** Once, for a waiter without a time limit behind a hold: when the hold ends, or that it has no end. */
function holdWaitLine(hold: HoldRecord, name: string): Line {
  if (holdHasNoEnd(hold)) {
    return {
      level: 'warning',
      text:
        `Lock ${name} is held by ${describeHold(hold)}. It has no end: with no '${Inputs.Timeout}' this step ` +
        'waits until somebody lifts it (the unhold action), or for as long as the job may run.',
    }
  }
  return {
    level: 'info',
    text:
      `Lock ${name} is held by ${describeHold(hold)}. With no '${Inputs.Timeout}' this step waits until the ` +
      `hold ends at ${showUntrusted(hold.until, 40)} by the storage service's clock, or is lifted earlier.`,
  }
}

/** The main step's handler of the waiter's events. */
export function waitEventLogger(spec: LockSpec): (event: WaitEvent) => void {
  return (event) => {
    for (const line of linesFor(event, spec)) {
      if (line.level === 'warning') core.warning(line.text)
      else core.info(line.text)
    }
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Once the lease is confirmed: the fencing token as an output, and the turn in state for the job summary. */
export function reportTurn(acquired: Acquired, slots = 1): void {
  core.setOutput(Outputs.FencingToken, String(acquired.fencingToken))
  core.setOutput(Outputs.Slot, String(acquired.slot))
  state.saveTurn({
    fencingToken: acquired.fencingToken,
    arrivalPosition: acquired.arrivalPosition,
    ...(slots > 1 ? { slot: { slot: acquired.slot, of: slots } } : {}),
  })
  core.info(
    `Fencing token ${acquired.fencingToken} (${ordinal(acquired.arrivalPosition)} in line on arrival): ` +
      'pass it to what this job changes, so that it can refuse writes from an earlier holder.',
  )
}
