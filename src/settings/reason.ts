// 'reason': why an operator breaks a lease, holds a lock or lifts a hold.

import { Option, invalid, stated, the, words, type InputReader } from './option.ts'

/** The longest reason a break record keeps: metadata is sent in HTTP headers, 8 KiB for all of it. */
export const REASON_MAX_LENGTH = 300

function refuseLong(reason: string): string {
  if (reason.length > REASON_MAX_LENGTH) {
    throw invalid(Option.Reason, `it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}`)
  }
  return reason
}

/** Why an operator breaks a lease: required, one line, at most REASON_MAX_LENGTH characters. */
export function readReason(read: InputReader): string {
  const reason = read(Option.Reason)
  if (reason === '') {
    throw stated(
      Option.Reason,
      words`Input ${the(Option.Reason)} is required: why the lease is broken, e.g. 'deploy run 812 hung; approved by on-call'. It is written on the lock blob, and the former holder's post step shows it.`,
    )
  }
  return refuseLong(reason)
}

/** Why a hold is lifted: optional (`fallback` when empty), at most REASON_MAX_LENGTH characters. */
export function readOptionalReason(read: InputReader, fallback: string): string {
  return refuseLong(read(Option.Reason) || fallback)
}

/** Why the lock is held: required, at most REASON_MAX_LENGTH characters. */
export function readHoldReason(read: InputReader): string {
  const reason = read(Option.Reason)
  if (reason === '') {
    throw stated(
      Option.Reason,
      words`Input ${the(Option.Reason)} is required: why the lock is held, e.g. 'incident 42: no deploys until it is over'. Every job that waits for the lock shows it.`,
    )
  }
  return refuseLong(reason)
}
