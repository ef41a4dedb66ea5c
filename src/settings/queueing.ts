// The order of the line and a long wait: the priority, and when a long wait warns.

import { parsePriority } from '../lock/queue/priority.ts'
import type { LockSpec } from '../lock/spec.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { readWarnAfter } from './durations.ts'
import { Option, invalid, type InputReader } from './option.ts'
import type { Priority } from '../lock/queue/entry.ts'

/** 'priority': normal (the default) or high. */
export function readPriority(read: InputReader): Priority {
  const text = read(Option.Priority)
  if (text === '') return 'normal'
  const priority = parsePriority(text)
  if (priority === undefined) {
    throw invalid(Option.Priority, `'${showUntrusted(text, 40)}' is not a priority; expected normal or high`)
  }
  return priority
}

/** The LockSpec's fields for the order of the line and a long wait: a normal priority is left out, as is no warning. */
export function readQueueing(read: InputReader): Pick<LockSpec, 'priority' | 'warnAfterMs'> {
  const priority = readPriority(read)
  const warnAfterMs = readWarnAfter(read)
  return { ...(priority === 'high' ? { priority } : {}), ...(warnAfterMs !== undefined ? { warnAfterMs } : {}) }
}
