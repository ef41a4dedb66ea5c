// The main step: wait for the lease, hand it to the detached renewer, and
// leave in state everything post needs to give it back.

import { randomUUID } from 'node:crypto'
import * as core from '@actions/core'
import { formatDuration } from '../lock/duration.ts'
import { describeHolder } from '../lock/holder.ts'
import { LockBlob } from '../lock/lock-blob.ts'
import { STEP_RETRY, containerClientFor, secretsOf } from '../lock/storage.ts'
import { waitForLease, type WaitEvent } from '../lock/waiter.ts'
import { LockCancelledError, describeStorageErrorBrief } from '../lock/errors.ts'
import { Outputs } from './constants.ts'
import { holderFromEnvironment } from './context.ts'
import { oidcRequestFromEnv, signIn, type OidcRequest } from './entra.ts'
import { failStep } from './failure.ts'
import { readSettings, usesEntra, type Settings } from './inputs.ts'
import { newStatusFile, startRenewer, workerOf } from './renewer-control.ts'
import { signalProcess } from './processes.ts'
import * as state from './state.ts'

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
    settings = readSettings((name) => core.getInput(name))
    for (const secret of secretsOf(settings.target)) core.setSecret(secret)
    await holdLock(settings, cancel.signal)
  } catch (err) {
    failStep(err, settings?.target.endpoint, {
      tokenAuth: settings !== undefined && usesEntra(settings.target),
      container: settings?.container,
    })
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

async function holdLock(settings: Settings, cancel: AbortSignal): Promise<void> {
  const { container, lockName, leaseDurationSeconds } = settings
  const access = settings.target
  let oidcRequest: OidcRequest | undefined
  if (access.auth.kind === 'federated') {
    oidcRequest = oidcRequestFromEnv()
    // The renewer gets this on stdin; mask it in case anything ever echoes it.
    core.setSecret(oidcRequest.token)
  }
  const signedIn = await signIn(access, { oidcRequest, onIdToken: (token) => core.setSecret(token), check: true })
  if (usesEntra(access)) core.info(`Signed in to ${signedIn.description}.`)
  const target = signedIn.target
  const lock = new LockBlob(containerClientFor(target, container, { retry: STEP_RETRY }), lockName)
  state.saveLockPlace({
    endpoint: target.endpoint,
    container,
    lockName,
    location: lock.location,
    leaseDurationSeconds,
    ambientSource: signedIn.ambientSource,
  })
  const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${formatDuration(settings.timeoutMs)}`
  core.info(`Taking lock ${lock.location} (lease ${leaseDurationSeconds}s, wait ${limit}).`)

  const leaseId = randomUUID()
  state.saveProposedLeaseId(leaseId)
  const acquired = await waitForLease({
    lock,
    leaseId,
    leaseDurationSeconds,
    holder: holderFromEnvironment(),
    timeoutMs: settings.timeoutMs,
    signal: cancel,
    onEvent: logWaitEvent,
  })
  state.saveLease(acquired.leaseId, acquired.acquiredAt)

  const statusFile = newStatusFile()
  state.saveStatusFile(statusFile)
  let renewerPid: number | undefined
  try {
    renewerPid = await startRenewer(
      {
        target: access,
        oidcRequest,
        ambientSource: signedIn.ambientSource,
        container,
        lockName,
        leaseId: acquired.leaseId,
        leaseDurationSeconds,
        heldSince: acquired.acquiredAt.toISOString(),
        worker: workerOf(process.ppid),
      },
      statusFile,
      { signal: cancel },
    )
    state.saveRenewerPid(renewerPid)
    if (cancel.aborted) throw new LockCancelledError('Cancelled just after taking the lock; it was released.')
  } catch (err) {
    // Without a renewer the lease would lapse mid-job: give it back now and fail.
    if (renewerPid !== undefined) signalProcess(renewerPid, 'SIGKILL')
    await lock.release(acquired.leaseId, AbortSignal.timeout(10_000)).catch(() => undefined)
    state.clearLease()
    throw err
  }

  core.setOutput(Outputs.LeaseId, acquired.leaseId)
  core.setOutput(Outputs.AcquiredAt, acquired.holder.acquiredAt)
  core.setOutput(Outputs.WaitedSeconds, (acquired.waitedMs / 1000).toFixed(1))
  core.info(
    `Holding lock ${lock.location} since ${acquired.holder.acquiredAt} after waiting ${formatDuration(acquired.waitedMs)}. ` +
      `Renewer pid ${renewerPid} renews the ${leaseDurationSeconds}s lease every ${formatDuration((leaseDurationSeconds * 1000) / 3)}.`,
  )
}

function logWaitEvent(event: WaitEvent): void {
  switch (event.type) {
    case 'waiting':
      core.info(`The lock is held by ${describeHolder(event.holder)}. Waiting.`)
      break
    case 'holder-changed':
      core.info(`The lock is now held by ${describeHolder(event.holder)} (waited ${formatDuration(event.waitedMs)}).`)
      break
    case 'still-waiting':
      core.info(`Still waiting after ${formatDuration(event.waitedMs)}; held by ${describeHolder(event.holder)}.`)
      break
    case 'created':
      core.info(event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.')
      break
    case 'storage-trouble':
      core.warning(`Storage is failing while waiting (${describeStorageErrorBrief(event.error)}); retrying.`)
      break
  }
}
