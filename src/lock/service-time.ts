// The service's clock, as far as one request can tell it. Lease arithmetic
// runs on the monotonic clock (clock.ts), but a time shown to people as a
// claim about other machines ("exclusivity guaranteed until", "held since",
// when a loss was found) is better told on the service's clock: it is one
// clock for every client of the lock, where the runner's own may be minutes
// off or stepped mid-job.
//
// Azure's Date header has one-second resolution and is stamped somewhere
// between the moment the request left and the moment its answer came back.
// So one reading bounds the service's time at any monotonic instant t:
//   date + (t - answered)  <=  service time at t  <  date + 1 s + (t - sent)
// A claim that must never be later than the truth ("guaranteed until") takes
// the lower bound; one that must never be earlier ("the loss was found by")
// takes the upper one.

import { monotonicNow } from './clock.ts'

/** One Date header, and the monotonic readings around the request that carried it. */
export interface ServiceReading {
  /** The Date header, in ms since the epoch (a whole second). */
  date: number
  /** monotonicNow() just before the request left. */
  sentAt: number
  /** monotonicNow() once its answer was in. */
  answeredAt: number
}

export type Bound = 'no-later' | 'no-earlier'

/**
 * A time read from a response: its Date header, a blob's Last-Modified. The
 * service's clock is input like any other, and whatever stands between us and
 * it may mangle it: a proxy that adds a second Date header, which Node joins
 * to the first into one value that no date parser reads. A time that does not
 * parse is no time: undefined, as when the response had none, so that nothing
 * downstream does arithmetic on it or prints it.
 */
export function readTime(value: Date | undefined): Date | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined
}

/**
 * A queue entry's Last-Modified, where a listing must give one: a time that
 * does not parse counts as long ago (1970), so that only the entry's lease can
 * show it live (queue.ts isLive).
 */
export function entryTime(value: Date | undefined): Date {
  return readTime(value) ?? new Date(0)
}

/** A reading from a response's Date header; undefined when the response had none, or one that does not parse. */
export function serviceReading(date: Date | undefined, sentAt: number, answeredAt: number): ServiceReading | undefined {
  const read = readTime(date)
  return read && { date: read.getTime(), sentAt, answeredAt }
}

/** Whether a value read back (from state, a report) is a reading. */
export function isServiceReading(value: unknown): value is ServiceReading {
  const r = value as Record<string, unknown> | null
  const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n)
  return typeof r === 'object' && r !== null && isNumber(r.date) && isNumber(r.sentAt) && isNumber(r.answeredAt)
}

/**
 * The service's time at the monotonic instant t, on the side of the truth
 * that `bound` names. Without a reading, the runner's wall clock is all there
 * is: it is shown, for display only, as the best we know.
 */
export function serviceTimeAt(t: number, reading: ServiceReading | undefined, bound: Bound): Date {
  if (!reading) return new Date(Date.now() - (monotonicNow() - t))
  return bound === 'no-later'
    ? new Date(reading.date + (t - reading.answeredAt))
    : new Date(reading.date + 1_000 + (t - reading.sentAt))
}

/** The later of two readings (the one taken last bounds best what follows it). */
export function latestReading(
  a: ServiceReading | undefined,
  b: ServiceReading | undefined,
): ServiceReading | undefined {
  if (!a) return b
  if (!b) return a
  return b.answeredAt >= a.answeredAt ? b : a
}
