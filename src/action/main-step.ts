// The main step: wait for the lease, hand it to the detached renewer, and
// leave in state everything post needs to give it back.

import { randomUUID } from 'node:crypto'
import * as core from '@actions/core'
import { formatDuration } from '../lock/duration.ts'
import { LockCancelledError, LockTimeoutError } from '../lock/errors.ts'
import { LockSupersededError } from '../lock/deploy/latest.ts'
import { CancelRunError, cancelRun, cancelTarget } from './cancel-run.ts'
import { openLock } from '../lock/lock-blob.ts'
import { serviceTimeAt } from '../lock/service-time.ts'
import { lockLocation } from '../lock/spec.ts'
import { STEP_RETRY, secretsOf } from '../lock/storage.ts'
import { waitForLease } from '../lock/waiter.ts'
import { SpawnedRenewer, newRenewerPlaces, workerOf } from '../renewer/control.ts'
import type { OidcRequest } from '../sign-in/github-oidc.ts'
import { usesEntra } from '../sign-in/methods.ts'
import { signIn } from '../sign-in/sign-in.ts'
import { Inputs, Outputs } from './constants.ts'
import { holderFromEnvironment, oidcRequestFromEnv } from './context.ts'
import { failStep } from './failure.ts'
import { publishHeld, refuseHeldTwice } from './held-locks.ts'
import { readSettings, type Settings } from './inputs.ts'
import { endPhase, startPhase } from './phases.ts'
import { requestLog } from './request-log.ts'
import * as state from './state.ts'
import { reportTurn, waitEventLogger } from './wait-lines.ts'
import { WaitWatch } from './wait-record.ts'

/** How long the renewer may take to start and confirm the lease, once main has it. */
const RENEWER_CONFIRM_MS = 20_000

export async function runMain(): Promise<void> {
  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!cancel.signal.aborted) core.info(`Received ${signal}: cancelling.`)
    cancel.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  let settings: Settings | undefined
  try {
    // The supersede key is read untrimmed: keys are compared exactly.
    settings = readSettings((name) => core.getInput(name, { trimWhitespace: name !== Inputs.SupersedeKey }))
    for (const secret of secretsOf(settings.auth)) core.setSecret(secret)
    if (settings.githubToken) core.setSecret(settings.githubToken)
    // Before signing in or waiting: a lock this job holds already would be waited for until the job's end.
    refuseHeldTwice(lockLocation(settings.lock))
    await holdLock(settings, cancel.signal)
    core.setOutput(Outputs.Acquired, 'true')
    core.setOutput(Outputs.Outcome, 'acquired')
  } catch (err) {
    core.setOutput(Outputs.Acquired, 'false')
    if (err instanceof LockTimeoutError) core.setOutput(Outputs.Outcome, 'timed-out')
    if (err instanceof LockSupersededError) {
      core.setOutput(Outputs.Outcome, err.outcome)
      if (settings?.onSuperseded === 'skip') return goOnSuperseded(err)
      if (settings?.onSuperseded === 'cancel') return await cancelOnSuperseded(err, settings.githubToken ?? '')
    }
    if (err instanceof LockTimeoutError && settings?.failOnTimeout === false) return goOnWithoutLock(err)
    failStep(err, settings?.lock.endpoint, {
      tokenAuth: settings !== undefined && usesEntra(settings.auth),
      container: settings?.lock.container,
    })
  } finally {
    endPhase()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** Try-lock: with 'fail-on-timeout: false', a timeout ends the step successfully, holding nothing. */
function goOnWithoutLock(err: LockTimeoutError): void {
  endPhase()
  core.notice(`${err.message} Going on without it ('fail-on-timeout' is false): the output 'acquired' is 'false'.`)
}

/** With 'on-superseded: skip' (the default), a newer job of the key ends the step successfully, holding nothing. */
function goOnSuperseded(err: LockSupersededError): void {
  endPhase()
  core.notice(
    `${err.message} Going on without the lock ('${Inputs.OnSuperseded}' is skip): the output 'acquired' is 'false', ` +
      `'outcome' is '${err.outcome}'.`,
  )
}

/**
 * With 'on-superseded: cancel', a newer job of the key cancels this run through the GitHub API
 * (cancel-run.ts), so that it shows as cancelled; the step itself succeeds, holding nothing.
 * A cancel that GitHub refuses fails the step with one line that says what to change.
 */
async function cancelOnSuperseded(err: LockSupersededError, token: string): Promise<void> {
  endPhase()
  try {
    await cancelRun(cancelTarget(token))
  } catch (refused) {
    if (!(refused instanceof CancelRunError)) throw refused
    core.setFailed(`${err.message} ${refused.message}`)
    return
  }
  core.notice(
    `${err.message} Cancelling this run ('${Inputs.OnSuperseded}' is cancel): GitHub accepted the cancel; ` +
      `the output 'acquired' is 'false', 'outcome' is '${err.outcome}'.`,
  )
}

async function holdLock(settings: Settings, cancel: AbortSignal): Promise<void> {
  const spec = settings.lock
  startPhase('Sign in')
  let oidcRequest: OidcRequest | undefined
  if (settings.auth.kind === 'federated') {
    oidcRequest = oidcRequestFromEnv()
    // The renewer gets this over its private pipe; mask it in case anything ever echoes it.
    core.setSecret(oidcRequest.token)
  }
  const signedIn = await signIn(settings.auth, {
    oidcRequest,
    onIdToken: (token) => core.setSecret(token),
    check: true,
  })
  core.info(
    usesEntra(settings.auth)
      ? `Signed in to ${signedIn.description}.`
      : `Requests are signed with ${signedIn.description}.`,
  )
  const lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
  state.saveLock(spec)
  state.saveAmbientSource(signedIn.ambientSource)

  // The renewer, started as this process started (renewer/early.ts), gets its
  // configuration now and is ready while we wait: once the lease is ours,
  // handing it over costs one renewal, not a process start.
  const places = newRenewerPlaces()
  state.saveRenewer(places)
  const renewer = new SpawnedRenewer({
    lock: spec,
    auth: settings.auth,
    oidcRequest,
    ambientSource: signedIn.ambientSource,
    channel: places.channel,
    statusFile: places.statusFile,
    worker: workerOf(process.ppid),
  })
  // Post may end this process if it is stuck, and no other: its pid and start time, as spawned.
  state.saveRenewer({ ...places, renewer: renewer.identity })
  let handedOver = false
  try {
    const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${formatDuration(settings.timeoutMs)}`
    startPhase(`Wait for lock ${lockLocation(spec)}`)
    const priority = spec.priority === 'high' ? ', high priority' : ''
    core.info(`Taking lock ${lockLocation(spec)} (lease ${spec.leaseDurationSeconds}s, wait ${limit}${priority}).`)
    const leaseId = randomUUID()
    state.saveProposedLeaseId(leaseId)
    const watch = new WaitWatch(state.saveWait)
    const acquired = await watch.settle(
      waitForLease({
        lock,
        leaseId,
        spec,
        holder: holderFromEnvironment(),
        timeoutMs: settings.timeoutMs,
        signal: cancel,
        onEvent: watch.and(waitEventLogger(spec)),
        // With scope: run (spec.runHoldMs), a hold this run left on the lock is taken over, at once or from the
        // queue (the run already won any supersede decision when its first job took the lock).
        supersede: settings.supersede,
      }),
    )
    // The waiter dated the acquire on the monotonic clock too: the renewer counts the lease from that reading.
    const { confirmedMono, acquiredMono } = acquired
    state.saveLease({ ...acquired, confirmedMono })
    // With slots, the lease is on the slot's blob: post, release/ and status/ read the slot from the saved lock.
    if (acquired.slot > 1) {
      lock.useSlot(acquired.slot)
      state.saveLock({ ...spec, slot: acquired.slot })
    }
    endPhase()

    let heldSince = acquired.acquiredAt
    try {
      const report = await renewer.hold(
        {
          leaseId,
          confirmedAt: acquired.confirmedAt.toISOString(),
          confirmedMono,
          ...(acquired.slot > 1 ? { slot: acquired.slot } : {}),
        },
        { timeoutMs: RENEWER_CONFIRM_MS, signal: cancel },
      )
      // The renewer's first renewal read the service's clock: the hold's times are told on it from here on.
      heldSince = serviceTimeAt(acquiredMono, report.service, 'no-later')
      state.saveLease({
        leaseId,
        confirmedAt: report.confirmedAt ? new Date(report.confirmedAt) : acquired.confirmedAt,
        confirmedMono: report.confirmedMono ?? confirmedMono,
        acquiredAt: acquired.acquiredAt,
        heldSince,
        service: report.service,
      })
      handedOver = true
      if (cancel.aborted) throw new LockCancelledError('Cancelled just after taking the lock.')
    } catch (err) {
      // Without a renewer the lease would lapse mid-job: give it back now and fail.
      renewer.kill()
      handedOver = false
      await lock.release(leaseId).catch(() => undefined)
      state.clearLease()
      throw err instanceof LockCancelledError
        ? new LockCancelledError('Cancelled just after taking the lock; it was released.')
        : err
    }

    publishHeld({
      lockName: spec.lockName,
      location: lockLocation(spec),
      // The time the holder record, the output and the log give: one time for the take, wherever it is shown.
      acquiredAt: acquired.acquiredAt,
      channel: places.channel,
    })
    core.setOutput(Outputs.LeaseId, leaseId)
    core.setOutput(Outputs.AcquiredAt, acquired.holder.acquiredAt)
    core.setOutput(Outputs.WaitedSeconds, (acquired.waitedMs / 1000).toFixed(1))
    reportTurn(acquired, spec.slots)
    core.info(
      `Holding lock ${lockLocation(spec)} since ${acquired.holder.acquiredAt} after waiting ${formatDuration(acquired.waitedMs)}. ` +
        `Renewer pid ${renewer.pid} renews the ${spec.leaseDurationSeconds}s lease every ${formatDuration((spec.leaseDurationSeconds * 1000) / 3)}.`,
    )
  } finally {
    if (handedOver) renewer.detach()
    else renewer.dismiss()
  }
}
