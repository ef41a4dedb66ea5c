// What the post step does with its own storage client: only when the renewer
// could not let go itself (it is dead, stuck or failed), when a loss needs the
// break record, or for scope run. post-step.ts imports this module lazily, so
// that the usual post step, where the already running renewer hands the lease
// over or releases it, loads no storage SDK before the lease moves (loading
// it cost post about 60 ms of CPU; see docs/measurements.md).

import * as core from '@actions/core'
import { breakApplies, type BreakRecord } from '../lock/break-record.ts'
import { monotonicNow } from '../lock/clock.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { renewalSchedule } from '../lock/lease.ts'
import { openLock } from '../lock/lock-blob.ts'
import { describeLetGo, letGo } from '../lock/queue/handover.ts'
import type { LockSpec } from '../lock/spec.ts'
import { STEP_RETRY } from '../lock/storage.ts'
import type { OwnRelease, VerdictInput } from '../renewer/lifecycle.ts'
import { requestLog } from './request-log.ts'
import * as state from './state.ts'
import { signInWithInputs } from './step-sign-in.ts'
import { isLeaseGone } from '../lock/lease-answers.ts'

export { keepForRun } from './run-hold-step.ts'

/** Post's own renewal, and what came of it. */
export type OwnRenewal = NonNullable<VerdictInput['ownRenewal']>

/**
 * The break record on the lock blob, when a break step broke this hold (and
 * not an earlier one, nor a forged one): read with the step's credentials.
 * Undefined when there is none, it cannot be read, or it is dated outside
 * the hold (see breakApplies).
 */
export async function breakRecordFor(
  spec: LockSpec,
  acquiredAt: Date,
  heldFrom: Date,
  lossFoundAt: Date,
): Promise<BreakRecord | undefined> {
  try {
    const { signedIn } = await signInWithInputs({ ambientSource: state.ambientSource() })
    const status = await openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() }).status({
      timeoutMs: 5_000,
    })
    const record = status === 'missing' ? undefined : status.lastBreak
    const hold = {
      acquiredAt: acquiredAt.toISOString(),
      runId: process.env.GITHUB_RUN_ID ?? '',
      heldFrom,
      lossFoundAt,
    }
    return record && breakApplies(record, hold) ? record : undefined
  } catch (err) {
    core.debug(`Could not read the lock blob for a break record: ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  }
}

/**
 * One renewal with the step's own credentials, for a lease that went a whole
 * duration unconfirmed: Azure renews it only if nobody leased the blob since.
 */
export async function renewHere(spec: LockSpec, leaseId: string): Promise<OwnRenewal> {
  const sentAt = monotonicNow()
  try {
    const { signedIn } = await signInWithInputs({ ambientSource: state.ambientSource() })
    const lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
    await lock.renew(leaseId, { timeoutMs: renewalSchedule(spec.leaseDurationSeconds * 1000).attemptTimeoutMs })
    return { sentAt, outcome: 'renewed' }
  } catch (err) {
    core.debug(`The renewal before releasing failed: ${err instanceof Error ? err.message : String(err)}`)
    return { sentAt, outcome: isLeaseGone(err) ? 'gone' : 'failed' }
  }
}

/** Releases with the step's own credentials, read from the inputs again. */
export async function releaseHere(
  spec: LockSpec,
  leaseId: string,
  options: { quiet?: boolean } = {},
): Promise<OwnRelease> {
  const report = options.quiet ? core.debug : core.warning
  const expiry = `it expires by itself within ${spec.leaseDurationSeconds}s`
  let lock
  try {
    const { signedIn } = await signInWithInputs({ ambientSource: state.ambientSource() })
    lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
  } catch (err) {
    report(`Cannot release the lease here (${(err as Error).message}); ${expiry}.`)
    return 'failed'
  }
  try {
    if (options.quiet) {
      // A lease main may have been granted without hearing so: almost always there is none, so one plain
      // release, and no look at the queue for a handover.
      return await lock.release(leaseId, { timeoutMs: 5_000 })
    }
    // Handed to the head of the queue when one waits (handover.ts), else released.
    const outcome = await letGo(lock, leaseId, { timeoutMs: 15_000 })
    core.debug(`Post ${describeLetGo(outcome)}.`)
    return outcome.outcome === 'not-held' ? 'not-held' : 'released'
  } catch (err) {
    report(`Releasing the lease failed (${describeStorageErrorBrief(err)}); ${expiry}.`)
    return 'failed'
  }
}
