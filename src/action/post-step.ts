// The post step: ask the renewer to let go, make sure the lease is given
// back, and fail loudly if the lock was lost while the job's steps ran.

import * as core from '@actions/core'
import { formatDuration } from '../lock/duration.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { STEP_RETRY, secretsOf } from '../lock/storage.ts'
import { askToLetGo } from '../renewer/control.ts'
import { needsOwnRelease, verdict, type LossRecord, type OwnRelease } from '../renewer/lifecycle.ts'
import { readLogFile, readStatusFile } from '../renewer/status.ts'
import { signIn } from '../sign-in/sign-in.ts'
import { oidcRequestFromEnv } from './context.ts'
import { readStorageTarget } from './inputs.ts'
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
  const spec = state.lock()
  const lease = state.lease()
  if (!spec || !lease) {
    // Main may have been killed between Azure granting the lease and main
    // recording it: give back a lease under the id it proposed, if there is one.
    const proposed = state.proposedLeaseId()
    if (spec && proposed && (await releaseHere(spec, proposed, { quiet: true })) === 'released') {
      core.info('Released the lease that the main step took as it was stopped.')
      return
    }
    core.info('Nothing to release: the main step did not take the lock.')
    return
  }
  const location = lockLocation(spec)
  const places = state.renewer()

  const asked = places
    ? await askToLetGo(places.channel, { op: 'stop', by: 'post' }, { killIfStuck: true })
    : { answer: { kind: 'gone' as const }, log: [] }
  const statusFile = places && asked.answer.kind !== 'answered' ? readStatusFile(places.statusFile) : undefined
  const log = asked.log.length > 0 ? asked.log.join('\n') : places ? readLogFile(places.statusFile).trimEnd() : ''
  if (log) {
    core.startGroup('Renewer log')
    core.info(log)
    core.endGroup()
  }

  let ownRelease: OwnRelease | undefined
  // A release sent while the lease was still valid proves it was ours up to then.
  const releaseSentAt = new Date()
  if (needsOwnRelease(asked.answer, statusFile)) {
    // The renewer could not release (it is dead, stuck or failed): do it here with the step's credentials.
    ownRelease = await releaseHere(spec, lease.leaseId)
  }
  const { verdict: outcome, warnings } = verdict({
    answer: asked.answer,
    statusFile,
    ownRelease,
    confirmedAt: lease.confirmedAt,
    leaseDurationMs: spec.leaseDurationSeconds * 1000,
    now: releaseSentAt,
  })
  for (const warning of warnings) core.warning(warning)

  switch (outcome.kind) {
    case 'lost':
      reportLoss(location, outcome.loss)
      return
    case 'expires':
      // releaseHere has said why; the lease runs out by itself.
      return
    case 'released': {
      const held = `after holding it for ${formatDuration(Date.now() - lease.acquiredAt.getTime())}`
      const report = outcome.report
      const renewals = report
        ? ` (${report.renewals} renewals, longest gap ${formatDuration(report.longestGapMs)})`
        : ''
      if (outcome.early) {
        core.info(`Lock ${location} was released early by the ${outcome.early.by} at ${outcome.early.at}${renewals}.`)
      } else {
        core.info(`Released lock ${location} ${held}${renewals}.`)
      }
    }
  }
}

/** One annotation with a title; the step fails as setFailed would make it. */
function reportLoss(location: string, loss: LossRecord): void {
  core.error(
    `Lock ${location} was lost: exclusivity was guaranteed only until ${loss.exclusiveUntil}, ` +
      `and the loss was found at ${loss.detectedAt}: ${loss.reason}. ` +
      `Steps that ran under the lock after ${loss.exclusiveUntil} may have overlapped another holder.`,
    { title: 'Lock lost' },
  )
  process.exitCode = 1
}

/** Releases with the step's own credentials, read from the inputs again. */
async function releaseHere(spec: LockSpec, leaseId: string, options: { quiet?: boolean } = {}): Promise<OwnRelease> {
  const report = options.quiet ? core.debug : core.warning
  const expiry = `it expires by itself within ${spec.leaseDurationSeconds}s`
  let lock
  try {
    const { auth } = readStorageTarget((name) => core.getInput(name))
    for (const secret of secretsOf(auth)) core.setSecret(secret)
    const oidcRequest = auth.kind === 'federated' ? oidcRequestFromEnv() : undefined
    if (oidcRequest) core.setSecret(oidcRequest.token)
    const signedIn = await signIn(auth, {
      oidcRequest,
      ambientSource: state.ambientSource(),
      onIdToken: (token) => core.setSecret(token),
    })
    lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY })
  } catch (err) {
    report(`Cannot release the lease here (${(err as Error).message}); ${expiry}.`)
    return 'failed'
  }
  try {
    return await lock.release(leaseId, { timeoutMs: options.quiet ? 5_000 : 15_000 })
  } catch (err) {
    report(`Releasing the lease failed (${describeStorageErrorBrief(err)}); ${expiry}.`)
    return 'failed'
  }
}
