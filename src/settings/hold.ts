// A hold with no process behind it (lock/deploy/hold.ts): when it ends, and
// the HoldSpec of the hold sub-action and of azure-mutex hold with no command.

import { MAX_DURATION_MS, MAX_DURATION_TEXT, parseDuration } from '../lock/duration.ts'
import type { HoldEnd, HoldSpec } from '../lock/deploy/hold.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { StorageAccess } from '../sign-in/methods.ts'
import { cappedDuration, readTimeout } from './durations.ts'
import { readContainer } from './lock-spec.ts'
import { Option, invalid, setTo, stated, the, words, type InputReader } from './option.ts'
import { readHoldReason } from './reason.ts'
import { readStorageTarget } from './storage-target.ts'

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

/** 'duration' or 'until', exactly one: a hold with no end only when asked for with 'duration: forever'. */
export function readHoldEnd(read: InputReader, now: Date = new Date()): HoldEnd {
  const duration = read(Option.Duration)
  const until = read(Option.Until)
  if (duration !== '' && until !== '') {
    throw stated(Option.Duration, words`Give ${the(Option.Duration)} or ${the(Option.Until)}, not both.`)
  }
  if (duration === '' && until === '') {
    throw stated(
      Option.Duration,
      words`Input ${the(Option.Duration)} or ${the(Option.Until)} is required: how long the hold lasts (e.g. 2h), or when it ends (e.g. 2026-12-01T08:00:00Z). For a hold that stands until somebody lifts it, set ${setTo(Option.Duration, NO_END)}.`,
    )
  }
  if (duration !== '') {
    if (duration.toLowerCase() === NO_END) return { kind: 'none' }
    const ms = parseDuration(duration)
    if (ms === undefined || ms <= 0) {
      throw invalid(
        Option.Duration,
        `'${showUntrusted(duration, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h, or '${NO_END}'`,
      )
    }
    return { kind: 'for', ms: cappedDuration(Option.Duration, duration, ms) }
  }
  const at = ISO_TIME.test(until) ? new Date(until) : undefined
  if (!at || Number.isNaN(at.getTime())) {
    throw invalid(
      Option.Until,
      `'${showUntrusted(until, 40)}' is not a time; expected an ISO 8601 time with its zone, such as 2026-12-01T08:00:00Z`,
    )
  }
  if (at.getTime() <= now.getTime()) throw invalid(Option.Until, `${at.toISOString()} is already past`)
  if (at.getTime() - now.getTime() > MAX_DURATION_MS) {
    throw invalid(
      Option.Until,
      `${at.toISOString()} is more than a year away; expected a time within ${MAX_DURATION_TEXT} from now`,
    )
  }
  return { kind: 'until', at }
}

/** The hold sub-action's settings: the wait's lease is the shortest, as nobody renews it between the grant and the hold. */
export function readHoldSettings(
  read: InputReader,
  lockName: string,
  target: (read: InputReader) => StorageAccess = readStorageTarget,
): HoldSettings {
  const container = readContainer(read)
  const reason = readHoldReason(read)
  const end = readHoldEnd(read)
  const timeoutMs = readTimeout(read)
  const access = target(read)
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
