// The options that are durations: a number of seconds or 90s, 15m, 2h, never
// longer than a year, so that one too long for any date fails as it is read,
// before a lease is taken.

import { MAX_DURATION_MS, MAX_DURATION_TEXT, parseDuration } from '../lock/duration.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { Option, invalid, type InputReader, type OptionKey } from './option.ts'

/** What every duration option expects, after the value shown. */
export const DURATION_FORM = 'is not a duration; expected a number of seconds or a form like 90s, 15m or 2h'

/** A duration read from `option` (`text` as given, `ms` as parseDuration read it), refused when longer than a year. */
export function cappedDuration(option: OptionKey, text: string, ms: number): number {
  if (ms > MAX_DURATION_MS) {
    throw invalid(option, `'${showUntrusted(text, 40)}' is longer than a year; expected at most ${MAX_DURATION_TEXT}`)
  }
  return ms
}

/** An optional duration: undefined when empty. */
function readDuration(read: InputReader, option: OptionKey): number | undefined {
  const text = read(option)
  if (text === '') return undefined
  const ms = parseDuration(text)
  if (ms === undefined) throw invalid(option, `'${showUntrusted(text, 40)}' ${DURATION_FORM}`)
  return cappedDuration(option, text, ms)
}

/** 'timeout': how long to wait in line; undefined: as long as the job (or the shell) allows. */
export function readTimeout(read: InputReader): number | undefined {
  return readDuration(read, Option.Timeout)
}

/** When a long wait warns: a duration as the timeout takes it; undefined when empty (no warning). */
export function readWarnAfter(read: InputReader): number | undefined {
  return readDuration(read, Option.WarnAfter)
}
