// The inputs of the hold/ and unhold/ steps, read into one HoldSpec up front.
// Every problem is an InputError that names the input and the form expected.

import { MAX_DURATION_MS, MAX_DURATION_TEXT, parseDuration } from '../lock/duration.ts'
import type { HoldEnd, HoldSpec } from '../lock/deploy/hold.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { StorageAccess } from '../sign-in/methods.ts'
import { Inputs } from './constants.ts'
import {
  InputError,
  REASON_MAX_LENGTH,
  cappedDuration,
  readContainer,
  readLockName,
  readStorageTarget,
  readTimeout,
  type InputReader,
} from './inputs.ts'

/** The word that asks for a hold with no end, in 'duration'. */
export const NO_END = 'forever'

/** An ISO 8601 time with a zone: 2026-12-01T08:00:00Z or 2026-12-01T09:00:00+01:00. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export interface HoldSettings {
  hold: HoldSpec
  access: StorageAccess
  /** How long to wait in line for the lock; undefined: as long as the job may run. */
  timeoutMs: number | undefined
}

/** Why the lock is held: required, at most REASON_MAX_LENGTH characters. */
export function readHoldReason(read: InputReader): string {
  const reason = read(Inputs.Reason)
  if (reason === '') {
    throw new InputError(
      `Input '${Inputs.Reason}' is required: why the lock is held, e.g. 'incident 42: no deploys until it is over'. ` +
        'Every job that waits for the lock shows it.',
    )
  }
  if (reason.length > REASON_MAX_LENGTH) {
    throw new InputError(
      `Invalid input '${Inputs.Reason}': it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}.`,
    )
  }
  return reason
}

/** 'duration' or 'until', exactly one: a hold with no end only when asked for with 'duration: forever'. */
export function readHoldEnd(read: InputReader, now: Date = new Date()): HoldEnd {
  const duration = read(Inputs.Duration)
  const until = read(Inputs.Until)
  if (duration !== '' && until !== '') {
    throw new InputError(`Give '${Inputs.Duration}' or '${Inputs.Until}', not both.`)
  }
  if (duration === '' && until === '') {
    throw new InputError(
      `Input '${Inputs.Duration}' or '${Inputs.Until}' is required: how long the hold lasts (e.g. 2h), or when it ends ` +
        `(e.g. 2026-12-01T08:00:00Z). For a hold that stands until somebody lifts it, set '${Inputs.Duration}: ${NO_END}'.`,
    )
  }
  if (duration !== '') {
    if (duration.toLowerCase() === NO_END) return { kind: 'none' }
    const ms = parseDuration(duration)
    if (ms === undefined || ms <= 0) {
      throw new InputError(
        `Invalid input '${Inputs.Duration}': '${showUntrusted(duration, 40)}' is not a duration; expected a number ` +
          `of seconds or a form like 90s, 15m or 2h, or '${NO_END}'.`,
      )
    }
    return { kind: 'for', ms: cappedDuration(Inputs.Duration, duration, ms) }
  }
  const at = ISO_TIME.test(until) ? new Date(until) : undefined
  if (!at || Number.isNaN(at.getTime())) {
    throw new InputError(
      `Invalid input '${Inputs.Until}': '${showUntrusted(until, 40)}' is not a time; expected an ISO 8601 time ` +
        'with its zone, such as 2026-12-01T08:00:00Z.',
    )
  }
  if (at.getTime() <= now.getTime()) {
    throw new InputError(`Invalid input '${Inputs.Until}': ${at.toISOString()} is already past.`)
  }
  if (at.getTime() - now.getTime() > MAX_DURATION_MS) {
    throw new InputError(
      `Invalid input '${Inputs.Until}': ${at.toISOString()} is more than a year away; ` +
        `expected a time within ${MAX_DURATION_TEXT} from now.`,
    )
  }
  return { kind: 'until', at }
}

export function readHoldSettings(read: InputReader): HoldSettings {
  const lockName = readLockName(read)
  const container = readContainer(read)
  const reason = readHoldReason(read)
  const end = readHoldEnd(read)
  const timeoutMs = readTimeout(read)
  const access = readStorageTarget(read)
  return {
    hold: {
      lock: { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.min },
      reason,
      end,
    },
    access,
    timeoutMs,
  }
}
