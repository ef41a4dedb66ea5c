// Which lock and how it is taken: the one LockSpec both faces build, from the
// lock's name, the container, the lease's length, a run's hold, the slots and
// the order of the line.

import { parseDuration } from '../lock/duration.ts'
import { LEASE_SECONDS, leaseSecondsProblem } from '../lock/lease.ts'
import { containerNameProblem, lockNameProblem } from '../lock/names.ts'
import { MAX_SLOTS, slotsProblem } from '../lock/queue/slots.ts'
import type { LockSpec } from '../lock/spec.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { DURATION_FORM, cappedDuration } from './durations.ts'
import { Option, invalid, setTo, stated, the, words, type InputReader } from './option.ts'
import { readQueueing } from './queueing.ts'

/** The container when none is given. */
export const DEFAULT_CONTAINER = 'locks'

export function readLockName(read: InputReader): string {
  const name = read(Option.LockName)
  if (name === '') {
    throw stated(
      Option.LockName,
      words`Input ${the(Option.LockName)} is required: the name of the lock, e.g. 'production-deploy'.`,
    )
  }
  const problem = lockNameProblem(name)
  if (problem) throw invalid(Option.LockName, `${problem}; expected a blob name of 1 to 1024 characters`)
  return name
}

/** The lock name where it may be left out: undefined when it is. */
export function readOptionalLockName(read: InputReader): string | undefined {
  return read(Option.LockName) === '' ? undefined : readLockName(read)
}

export function readContainer(read: InputReader): string {
  const container = read(Option.Container) || DEFAULT_CONTAINER
  const problem = containerNameProblem(container)
  if (problem) {
    throw invalid(Option.Container, `'${showUntrusted(container, 80)}' is not a valid container name: ${problem}`)
  }
  return container
}

export function readLeaseDuration(read: InputReader): number {
  const text = read(Option.LeaseDuration)
  if (text === '') return LEASE_SECONDS.default
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN
  if (leaseSecondsProblem(seconds)) {
    throw invalid(
      Option.LeaseDuration,
      `'${showUntrusted(text, 40)}' is not a whole number of seconds from ${LEASE_SECONDS.min} to ${LEASE_SECONDS.max}`,
    )
  }
  return seconds
}

/** 'slots': how many jobs may hold the lock at once; 1 when not given. */
export function readSlots(read: InputReader): number {
  const text = read(Option.Slots)
  if (text === '') return 1
  if (slotsProblem(text)) {
    throw invalid(Option.Slots, `'${showUntrusted(text, 40)}' is not a whole number from 1 to ${MAX_SLOTS}`)
  }
  return Number(text)
}

/**
 * A hold (scope: run) or latest wins is one lease on the lock blob: with slots,
 * the other slots would stay open, so either with slots is refused.
 */
export function refuseSlotsWith(slots: number, uses: { runHold: boolean; supersede: boolean }): void {
  if (slots > 1 && uses.runHold) {
    throw invalid(
      Option.Slots,
      words`${slots} slots cannot be held for a run (${setTo(Option.Scope, 'run')}); use one or the other`,
    )
  }
  if (slots > 1 && uses.supersede) {
    throw invalid(
      Option.Slots,
      words`${slots} slots cannot be used with ${the(Option.SupersedeKey)}; use one or the other`,
    )
  }
}

/** The scope and how long the run's hold stands: how long the run's hold may stand (scope run), undefined for scope job. */
export function readRunHold(read: InputReader): number | undefined {
  const scope = read(Option.Scope) || 'job'
  if (scope !== 'job' && scope !== 'run') {
    throw invalid(Option.Scope, `'${showUntrusted(scope, 40)}' is not a scope; expected job or run`)
  }
  if (scope === 'job') return undefined
  const text = read(Option.HoldFor) || '1h'
  const ms = parseDuration(text)
  if (ms === undefined || ms <= 0) throw invalid(Option.HoldFor, `'${showUntrusted(text, 40)}' ${DURATION_FORM}`)
  return cappedDuration(Option.HoldFor, text, ms)
}

/**
 * The LockSpec of a job that takes the lock, but for the endpoint (each face
 * reads where the account is at its own time): the container, the lease's
 * length, the run's hold (where the face has scope run, `runHold` reads it),
 * the slots and the order of the line, in that order. Slots with a run's hold
 * are refused.
 */
export function readLockSpec(
  read: InputReader,
  lockName: string,
  runHold?: (read: InputReader) => number | undefined,
): Omit<LockSpec, 'endpoint'> {
  const container = readContainer(read)
  const leaseDurationSeconds = readLeaseDuration(read)
  const runHoldMs = runHold?.(read)
  const slots = readSlots(read)
  refuseSlotsWith(slots, { runHold: runHoldMs !== undefined, supersede: false })
  return {
    container,
    lockName,
    leaseDurationSeconds,
    ...(runHoldMs !== undefined ? { runHoldMs } : {}),
    ...(slots > 1 ? { slots } : {}),
    ...readQueueing(read),
  }
}
