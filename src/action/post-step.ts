// The post step: stop the renewer, make sure the lease is given back, and
// fail loudly if the lock was lost while the job's steps were running.

import * as core from '@actions/core'
import { formatDuration } from '../lock/duration.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { LockBlob } from '../lock/lock-blob.ts'
import { STEP_RETRY, containerClientFor, secretsOf } from '../lock/storage.ts'
import { oidcRequestFromEnv, signIn } from './entra.ts'
import { readStorageTarget } from './inputs.ts'
import { renewerLog, stopRenewer } from './renewer-control.ts'
import type { RenewerStatus } from './renewer-status.ts'
import * as state from './state.ts'

export async function runPost(): Promise<void> {
  try {
    await releaseLock()
  } catch (err) {
    // Clean-up trouble is a warning: the lease expires by itself.
    core.warning(`Could not finish releasing the lock: ${err instanceof Error ? err.message : String(err)}`)
  }
}

async function releaseLock(): Promise<void> {
  const place = state.lockPlace()
  const leaseId = state.leaseId()
  if (!place || !leaseId) {
    // Main may have been killed between Azure granting the lease and main
    // recording it: give back a lease under the id it proposed, if there is one.
    const proposed = state.proposedLeaseId()
    if (place && proposed && (await releaseHere(place, proposed, { quiet: true })) === 'released') {
      core.info('Released the lease that the main step took as it was stopped.')
      return
    }
    core.info('Nothing to release: the main step did not take the lock.')
    return
  }
  const location = place.location
  const leaseMs = place.leaseDurationSeconds * 1000
  const acquiredAt = state.acquiredAt()
  const statusFile = state.statusFile()

  let status: RenewerStatus | undefined
  let renewerRan = false
  if (statusFile) {
    const stopped = await stopRenewer(state.renewerPid(), statusFile)
    status = stopped.status
    renewerRan = stopped.kind !== 'not-running'
    const log = renewerLog(statusFile)
    if (log) {
      core.startGroup('Renewer log')
      core.info(log.trimEnd())
      core.endGroup()
    }
    if (stopped.kind === 'killed') core.warning('The renewer did not stop in time and was killed.')
  }

  // The lease was lost while held: the steps after the lock may have overlapped another holder's.
  let loss: { when: string; reason: string } | undefined =
    status?.state === 'lost'
      ? {
          when: status.lostAt
            ? `at ${status.lostAt}`
            : `at an unknown time after ${status.lastRenewedAt ?? status.startedAt}`,
          reason: status.reason ?? 'unknown',
        }
      : undefined
  if (!loss && !renewerRan && status?.state === 'renewing') {
    // The renewer died without a word. The lease lasted until its last renewal plus the lease duration.
    const lapsedAt = Date.parse(status.lastRenewedAt ?? status.startedAt) + leaseMs
    core.warning(
      `The renewer (pid ${status.pid}) stopped unexpectedly; its last renewal was at ${status.lastRenewedAt}.`,
    )
    if (lapsedAt < Date.now()) {
      loss = { when: `at ${new Date(lapsedAt).toISOString()}`, reason: 'the renewer had stopped and the lease expired' }
    }
  }

  let released = status?.state === 'released'
  if (!released) {
    // The renewer could not release (dead, lost, or failed): do it here with the step's credentials.
    const outcome = await releaseHere(place, leaseId)
    released = outcome === 'released'
    if (outcome === 'not-held' && !loss) {
      const since = status?.lastRenewedAt ?? acquiredAt?.toISOString()
      loss = {
        when: since ? `at an unknown time after ${since}` : 'at an unknown time',
        reason: 'at release, Azure said the lease was no longer ours',
      }
    }
  }

  if (loss) {
    const message =
      `Lock ${location} was lost ${loss.when}: ${loss.reason}. ` +
      'Exclusivity was not guaranteed after that time: steps that ran under the lock may have overlapped another holder.'
    // One annotation with a title; the step fails as setFailed would make it.
    core.error(message, { title: 'Lock lost' })
    process.exitCode = 1
    return
  }
  // Not released and not lost: releaseHere has warned that the lease expires by itself.
  if (!released) return
  const held = acquiredAt ? ` after holding it for ${formatDuration(Date.now() - acquiredAt.getTime())}` : ''
  const renewals = status ? ` (${status.renewals} renewals, longest gap ${formatDuration(status.longestGapMs)})` : ''
  core.info(`Released lock ${location}${held}${renewals}.`)
}

async function releaseHere(
  place: NonNullable<ReturnType<typeof state.lockPlace>>,
  leaseId: string,
  options: { quiet?: boolean } = {},
): Promise<'released' | 'not-held' | 'failed'> {
  const report = options.quiet ? core.debug : core.warning
  const expiry = `it expires by itself within ${place.leaseDurationSeconds}s`
  let target
  try {
    const access = { ...readStorageTarget((name) => core.getInput(name)), endpoint: place.endpoint }
    for (const secret of secretsOf(access)) core.setSecret(secret)
    const oidcRequest = access.auth.kind === 'federated' ? oidcRequestFromEnv() : undefined
    if (oidcRequest) core.setSecret(oidcRequest.token)
    target = (
      await signIn(access, {
        oidcRequest,
        ambientSource: place.ambientSource,
        onIdToken: (token) => core.setSecret(token),
      })
    ).target
  } catch (err) {
    report(`Cannot release the lease here (${(err as Error).message}); ${expiry}.`)
    return 'failed'
  }
  const lock = new LockBlob(containerClientFor(target, place.container, { retry: STEP_RETRY }), place.lockName)
  try {
    return await lock.release(leaseId, AbortSignal.timeout(options.quiet ? 5_000 : 15_000))
  } catch (err) {
    report(`Releasing the lease failed (${describeStorageErrorBrief(err)}); ${expiry}.`)
    return 'failed'
  }
}
