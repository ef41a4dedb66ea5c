// The waiter: watches the lock blob cheaply (one HEAD per poll), tries to take
// the lease only when it looks free, and reports who holds it while it waits.

import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { LockCancelledError, LockTimeoutError, isTransient, statusCode } from './errors.ts'
import { formatDuration } from './duration.ts'
import { describeHolder, holderKey, type HolderRecord } from './holder.ts'
import { DEFAULT_REQUEST_TIMEOUT_MS, type LockBlob } from './lock-blob.ts'

export type WaitEvent =
  | { type: 'waiting'; holder: HolderRecord | undefined; waitedMs: number }
  | { type: 'holder-changed'; holder: HolderRecord | undefined; waitedMs: number }
  | { type: 'still-waiting'; holder: HolderRecord | undefined; waitedMs: number }
  | { type: 'created'; what: 'blob' | 'container' }
  | { type: 'storage-trouble'; error: unknown; waitedMs: number }

export interface WaitOptions {
  lock: LockBlob
  leaseDurationSeconds: number
  /** The lease id to propose; a fresh UUID when not given. */
  leaseId?: string
  /** Who we are, written on the blob once the lease is ours; acquiredAt is filled in then. */
  holder: Omit<HolderRecord, 'acquiredAt'>
  /** The longest wait in ms; undefined waits without a limit. */
  timeoutMs?: number
  /** Aborting it cancels the wait; a lease taken meanwhile is released. */
  signal?: AbortSignal
  onEvent?: (event: WaitEvent) => void
  /** Pause between polls, drawn at random from this range so waiters do not march in step. */
  pollMs?: readonly [number, number]
  /** How often to repeat "still waiting" while the holder stays the same. */
  progressEveryMs?: number
  /** How long in-flight requests may finish after a cancel before they are abandoned. */
  cancelGraceMs?: number
}

export interface Acquired {
  leaseId: string
  /** The start of the acquire request that Azure granted: the lease is ours until this plus its duration. */
  confirmedAt: Date
  /** When the grant was answered, as the holder record and the outputs say. */
  acquiredAt: Date
  waitedMs: number
  holder: HolderRecord
}

const DEFAULT_POLL_MS = [250, 750] as const
/** A request may outlive the wait's deadline by this much, so `timeout` holds within a few seconds. */
const DEADLINE_GRACE_MS = 2_000

/**
 * Waits until the lease is ours, then writes our holder record. Throws
 * LockTimeoutError when the time runs out, LockCancelledError on cancel, and
 * the storage error when one is not transient (bad credentials, for instance).
 */
export async function waitForLease(options: WaitOptions): Promise<Acquired> {
  const { lock, signal } = options
  const [pollMin, pollMax] = options.pollMs ?? DEFAULT_POLL_MS
  const progressEveryMs = options.progressEveryMs ?? 30_000
  const graceMs = options.cancelGraceMs ?? 1_000
  const started = Date.now()
  const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs
  const leaseId = options.leaseId ?? randomUUID()
  const emit = (event: WaitEvent): void => options.onEvent?.(event)

  // Requests get a short grace after a cancel: an acquire that is in flight is
  // better finished and released than abandoned half way.
  const requests = new AbortController()
  // Every request ends by its own deadline, and by the wait's deadline plus a little grace.
  // Whole seconds, so that a message about a missed deadline reads "no answer within 7 s".
  const call = (): { signal: AbortSignal; timeoutMs: number } => ({
    signal: requests.signal,
    timeoutMs: Math.max(
      1_000,
      Math.min(DEFAULT_REQUEST_TIMEOUT_MS, Math.ceil((deadline - Date.now() + DEADLINE_GRACE_MS) / 1_000) * 1_000),
    ),
  })
  const onCancel = (): void => void delay(graceMs, undefined, { ref: false }).then(() => requests.abort())
  signal?.addEventListener('abort', onCancel, { once: true })

  let acquireTried = false
  let acquired = false // the lease is ours but the holder record is not written yet
  let contacted = false
  let tried = false // the lease was tried for, or seen held
  let lastHolder: string | undefined
  let unknownOnce = false
  let lastReport = started
  let lastTroubleReport = -Infinity
  let seen: HolderRecord | undefined
  const stale = new Set<string>()

  try {
    for (;;) {
      if (signal?.aborted) throw new LockCancelledError(`Cancelled while waiting for lock ${lock.location}.`)
      const now = Date.now()
      // The lock is always tried once, so a timeout of 0 means "try once".
      if (now >= deadline && tried) {
        throw new LockTimeoutError(
          `Timed out after ${formatDuration(now - started)} waiting for lock ${lock.location}; ` +
            `it is held by ${describeHolder(seen)}.`,
        )
      }
      try {
        const view = acquired ? undefined : await lock.view(call())
        contacted = true
        if (view?.state === 'missing') {
          const created = await lock.create(call())
          if (created !== 'nothing') emit({ type: 'created', what: created })
          continue
        }
        if (view === undefined || view.state === 'free') {
          // A record on a free blob belongs to a holder whose lease lapsed; if a
          // record-less client leases the blob next, that record is not theirs.
          if (view?.staleHolder) stale.add(holderKey(view.staleHolder))
          unknownOnce = false
          if (signal?.aborted) continue
          acquireTried = true
          tried = true
          // With our own id this is idempotent: it also re-confirms a lease we
          // took on a try whose holder record could not be written.
          const sentAt = new Date()
          const outcome = await lock.acquire(leaseId, options.leaseDurationSeconds, call())
          if (outcome === 'missing') continue
          if (outcome === 'acquired') {
            acquired = true
            const acquiredAt = new Date()
            const holder: HolderRecord = { ...options.holder, acquiredAt: acquiredAt.toISOString() }
            await lock.writeHolder(leaseId, holder, call())
            if (signal?.aborted) throw new LockCancelledError(`Cancelled while taking lock ${lock.location}.`)
            return { leaseId, confirmedAt: sentAt, acquiredAt, waitedMs: acquiredAt.getTime() - started, holder }
          }
          acquired = false
        } else {
          const holder = view.holder && !stale.has(holderKey(view.holder)) ? view.holder : undefined
          const key = holderKey(holder)
          const waitedMs = Date.now() - started
          // A lease without a record is also what a handoff looks like for a few
          // ms (the new holder writes its record just after taking the lease), so
          // an unknown holder is believed only when two polls in a row see it.
          const settled = holder !== undefined || unknownOnce
          unknownOnce = holder === undefined
          tried = true
          if (settled) {
            const event =
              lastHolder === undefined
                ? ('waiting' as const)
                : key !== lastHolder
                  ? ('holder-changed' as const)
                  : Date.now() - lastReport >= progressEveryMs
                    ? ('still-waiting' as const)
                    : undefined
            if (event) {
              emit({ type: event, holder, waitedMs })
              lastReport = Date.now()
            }
            lastHolder = key
            seen = holder
          }
        }
      } catch (err) {
        if (err instanceof LockCancelledError) throw err
        if (signal?.aborted) continue
        // Until the service has answered once, a network failure is about the
        // setup (a wrong or unreachable endpoint) and the SDK has retried it.
        // Throttling and server errors are answers: they are waited out.
        if (!isTransient(err) || (!contacted && statusCode(err) === undefined)) throw err
        if (Date.now() - lastTroubleReport >= progressEveryMs) {
          emit({ type: 'storage-trouble', error: err, waitedMs: Date.now() - started })
          lastTroubleReport = Date.now()
        }
      }
      const pause = pollMin + Math.random() * (pollMax - pollMin)
      await delay(Math.max(0, Math.min(pause, deadline - Date.now())), undefined, { signal }).catch(() => {})
    }
  } catch (err) {
    // Whatever ends the wait without success, a lease we may have taken goes back.
    if (acquireTried) await releaseQuietly(lock, leaseId)
    throw err
  } finally {
    signal?.removeEventListener('abort', onCancel)
  }
}

/** Best effort, bounded: give back a lease we may hold. 'not-held' and errors are both fine here. */
async function releaseQuietly(lock: LockBlob, leaseId: string): Promise<void> {
  await lock.release(leaseId, { timeoutMs: 2_000 }).catch(() => undefined)
}
