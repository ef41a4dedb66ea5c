// The status step (uses: org/azure-mutex-action/status@v1): looks at one lock,
// or at every lock in the container, and says who holds each, since when and
// with what kind of lease, in the log and as a table in the job summary. It
// only reads: one HEAD request for a lock, one List Blobs request per 5,000
// blobs for a container. It takes no lease and writes nothing on a blob.

import * as core from '@actions/core'
import { describeBreak } from '../lock/break-record.ts'
import { describeHoldPastItsEnd } from '../lock/deploy/hold.ts'
import { briefHolder, describeHolder, type HolderRecord } from '../lock/holder.ts'
import { describeHolderSeen } from '../lock/holder-seen.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { openLock } from '../lock/lock-blob.ts'
import type { LockStatus } from '../lock/lock-status.ts'
import { describeSlotsHeld } from '../lock/queue/slots.ts'
import { accountNameOf, lockLocation, type LockSpec } from '../lock/spec.ts'
import { STEP_RETRY, containerClientFor } from '../lock/storage.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { usesEntra } from '../sign-in/methods.ts'
import { Inputs, Outputs } from './constants.ts'
import { failStep } from './failure.ts'
import { readContainer, readOptionalLockName, readStorageTarget } from './inputs.ts'
import { requestLog } from './request-log.ts'
import { signInTo } from './step-sign-in.ts'
import { appendSummary, renderStatusTable } from './summary.ts'
import { listLocks } from '../lock/lock-listing.ts'

export async function runStatus(): Promise<void> {
  let endpoint: string | undefined
  let container: string | undefined
  let tokenAuth = false
  try {
    const read = (name: string): string => core.getInput(name)
    // '*' (or no name) asks for the board of every lock in the container.
    const lockName = read(Inputs.LockName) === '*' ? undefined : readOptionalLockName(read)
    container = readContainer(read)
    const target = readStorageTarget(read)
    endpoint = target.endpoint
    tokenAuth = usesEntra(target.auth)
    const { signedIn } = await signInTo(target, { check: true })
    const options = { retry: STEP_RETRY, observe: requestLog() }
    const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com'
    if (lockName !== undefined) {
      const spec: LockSpec = { endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.default }
      const found = await openLock(signedIn.auth, spec, options).status()
      const status = found === 'missing' ? undefined : found
      core.info(`Lock ${lockLocation(spec)}: ${describeStatus(status)}`)
      core.setOutput(Outputs.Held, status?.held ? 'true' : 'false')
      core.setOutput(Outputs.Holder, holderOutput(status))
      const locks = [status ?? { name: lockName, held: false, leaseState: 'available' }]
      await appendSummary(renderStatusTable(`Lock ${lockLocation(spec)}`, locks, serverUrl))
      return
    }
    const place = `${accountNameOf(endpoint)}/${container}`
    const locks = await listLocks(containerClientFor({ endpoint, auth: signedIn.auth }, container, options))
    if (locks === 'missing') {
      core.info(`Container ${place} does not exist: no locks.`)
      await appendSummary(renderStatusTable(`Locks in ${place}`, [], serverUrl))
      return
    }
    const held = locks.filter((lock) => lock.held).length
    core.info(`Container ${place}: ${locks.length} ${locks.length === 1 ? 'lock' : 'locks'}, ${held} held.`)
    for (const lock of locks) core.info(`  ${showUntrusted(lock.name)}: ${describeStatus(lock)}`)
    await appendSummary(renderStatusTable(`Locks in ${place}`, locks, serverUrl))
  } catch (err) {
    failStep(err, endpoint, { tokenAuth, container })
  }
}

/** "free", or "held by … (fixed lease)", and the last break; every value from the blob shown through showUntrusted. */
function describeStatus(status: LockStatus | undefined): string {
  if (!status) return 'free (its blob does not exist yet).'
  const lastBreak =
    (status.lastBreak ? ` Last ${describeBreak(status.lastBreak)}.` : '') +
    describeQueue(status.queue, status.priorities) +
    describeSquatters(status.squatters) +
    describeLatest(status.latest) +
    (status.slots ? ` ${describeSlotsHeld(status.slots)}.` : '')
  // With slots, the lock blob is slot 1.
  const blob = status.slots ? 'slot 1 (the lock blob) is ' : ''
  // A hold whose end has come holds nothing: the next job ends it. Status only reads, so the hold stays until then.
  if (!status.held && status.endedHold) return `${blob}free: ${describeHoldPastItsEnd(status.endedHold)}.${lastBreak}`
  if (!status.held) return `${blob}free.${lastBreak}`
  const lease = status.seen?.hold
    ? 'an infinite lease, which the first job in the queue ends when the hold ends'
    : status.leaseKind === 'infinite'
      ? 'an infinite lease, which never expires; this action never takes one'
      : status.leaseKind === 'fixed'
        ? 'a fixed lease'
        : 'a lease'
  const breaking = status.leaseState === 'breaking' ? ', being broken' : ''
  // The lease kind is said below; describeHolderSeen would say "infinite" a second time.
  const who = status.seen ? describeHolderSeen({ ...status.seen, infinite: false }) : describeHolder(status.holder)
  return `${blob}held by ${who}, with ${lease}${breaking}.${lastBreak}`
}

/** " Waiting: 2 (org/api run 812, org/web run 77)." or nothing when nobody waits or the queue could not be listed. */
function describeQueue(queue: LockStatus['queue'], priorities: LockStatus['priorities']): string {
  if (!queue || queue.length === 0) return ''
  const shown = queue
    .slice(0, 10)
    .map(
      (who, index) =>
        (who ? briefHolder(who) : 'a waiter that wrote no record') +
        (priorities?.[index] === 'high' ? ' (high priority)' : ''),
    )
  const more = queue.length > shown.length ? `, and ${queue.length - shown.length} more` : ''
  return ` Waiting: ${queue.length} (${shown.join(', ')}${more}).`
}

/**
 * ' Newest that held, per supersede key: "production" sequence 812 (org/api run 812 at …).'
 * or nothing; every value read from storage through showUntrusted.
 */
function describeLatest(latest: LockStatus['latest']): string {
  if (!latest || latest.length === 0) return ''
  const shown = latest
    .slice(0, 10)
    .map(
      (record) =>
        `"${showUntrusted(record.supersedeKey ?? '', 80)}" sequence ${showUntrusted(record.sequence ?? '', 40)} ` +
        `(${showUntrusted(record.repository, 100)} run ${showUntrusted(record.runId, 40)} at ${showUntrusted(record.acquiredAt, 40)})`,
    )
  const more = latest.length > shown.length ? `, and ${latest.length - shown.length} more` : ''
  return ` Newest that held, per supersede key: ${shown.join(', ')}${more}.`
}

/**
 * " Squatted: queue entry 1 holds an infinite lease ..." or nothing: such an
 * entry is no waiter, and stays until someone clears it.
 */
function describeSquatters(squatters: LockStatus['squatters']): string {
  if (!squatters || squatters.length === 0) return ''
  const which =
    squatters.length === 1 ? `queue entry ${squatters[0]} holds` : `queue entries ${squatters.join(', ')} hold`
  return (
    ` Squatted: ${which} an infinite lease, which this action never takes; waiters pass ` +
    `${squatters.length === 1 ? 'it' : 'them'} over. Clear one with the break action and 'entry: ${squatters[0]}'.`
  )
}

/** The holder output: the record with every value as the log shows it; {} for a holder without one; null when free. */
function holderOutput(status: LockStatus | undefined): string {
  if (!status?.held) return 'null'
  if (!status.holder) return '{}'
  const record = status.holder
  const shown = Object.fromEntries(
    (Object.keys(record) as Array<keyof HolderRecord>).map((field) => [field, showUntrusted(record[field] ?? '')]),
  )
  return JSON.stringify(shown)
}
