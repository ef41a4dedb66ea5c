// The wait loop: wakes the waiter for one attempt at a time (attempt.ts),
// feeds what each attempt saw to the reporting (wait-report.ts), and owns the
// rest: the time limit, the cancel, the requests' deadlines, and riding out a
// storage service that fails for a while. Whatever ends the wait, the waiter
// leaves the queue before this returns.

import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { DEFAULT_PACING, Waiter, type Pacing } from './attempt.ts'
import { LockCancelledError, LockTimeoutError, isTransient, statusCode } from './errors.ts'
import { formatDuration } from './duration.ts'
import { describeHolderSeen, type HolderIdentity, type HolderRecord } from './holder.ts'
import { DEFAULT_REQUEST_TIMEOUT_MS } from './lock-blob.ts'
import type { LockStore, RequestOptions } from './store.ts'
import { WaitReport, type WaitEvent } from './wait-report.ts'

export type { WaitEvent, Place } from './wait-report.ts'

export interface WaitOptions {
  lock: LockStore
  leaseDurationSeconds: number
  /** The lease id to propose; a fresh UUID when not given. */
  leaseId?: string
  /** Who we are: written on our queue entry while we wait, and as the holder record once the lease is ours. */
  holder: HolderIdentity
  /** The longest wait in ms; undefined waits without a limit. */
  timeoutMs?: number
  /** Aborting it cancels the wait; a lease taken meanwhile is released. */
  signal?: AbortSignal
  onEvent?: (event: WaitEvent) => void
  /** How often to look at the lock and the queue (tests and the bench use others). */
  pacing?: Pacing
  /** How often to repeat "still waiting" while nothing changes. */
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
  /**
   * This acquisition's fencing token: larger than every earlier one of this
   * lock. It is proven once the lease is confirmed after it (the renewer's
   * first renewal): a later holder can only take the lease after that.
   */
  fencingToken: number
  /** The place in line on arrival, the holder counted first: 1 when the lock was taken at once. */
  arrivalPosition: number
}

/** A request may outlive the wait's deadline by this much, so `timeout` holds within a few seconds. */
const DEADLINE_GRACE_MS = 2_000

/**
 * Waits until the lease is ours, in turn, then writes our holder record and
 * takes a fencing token. Throws LockTimeoutError when the time runs out,
 * LockCancelledError on cancel, and the storage error when one is not
 * transient (bad credentials, for instance).
 */
export async function waitForLease(options: WaitOptions): Promise<Acquired> {
  const { lock, signal } = options
  const started = Date.now()
  const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs
  const progressEveryMs = options.progressEveryMs ?? 30_000
  const graceMs = options.cancelGraceMs ?? 1_000
  const leaseId = options.leaseId ?? randomUUID()
  const emit = (event: WaitEvent): void => options.onEvent?.(event)
  const waitedMs = (): number => Date.now() - started
  const report = new WaitReport({
    progressEveryMs,
    noTimeLimit: options.timeoutMs === undefined,
    breakCommand: lock.breakCommand,
  })

  // Requests get a short grace after a cancel: an acquire that is in flight is
  // better finished and released than abandoned half way.
  const requests = new AbortController()
  // Every request ends by its own deadline, and by the wait's deadline plus a little grace.
  // Whole seconds, so that a message about a missed deadline reads "no answer within 7 s".
  const call = (): RequestOptions => ({
    signal: requests.signal,
    timeoutMs: Math.max(
      1_000,
      Math.min(DEFAULT_REQUEST_TIMEOUT_MS, Math.ceil((deadline - Date.now() + DEADLINE_GRACE_MS) / 1_000) * 1_000),
    ),
  })
  const onCancel = (): void => void delay(graceMs, undefined, { ref: false }).then(() => requests.abort())
  signal?.addEventListener('abort', onCancel, { once: true })

  const waiter = new Waiter({
    store: lock,
    leaseId,
    leaseSeconds: options.leaseDurationSeconds,
    who: options.holder,
    willWait: deadline > started,
    pacing: options.pacing ?? DEFAULT_PACING,
    emit,
    waitedMs,
    signal,
  })
  let tried = false // the lock was tried for, or seen held: a timeout of 0 still tries once
  let contacted = false
  let lastTroubleReport = -Infinity

  try {
    for (;;) {
      if (signal?.aborted) throw new LockCancelledError(`Cancelled while waiting for lock ${lock.location}.`)
      if (Date.now() >= deadline && tried) throw timedOut(lock, started, report)
      let wakeAt = Date.now()
      try {
        const outcome = await waiter.attempt(call, (aheadCount) => report.wantsHolder(aheadCount, Date.now()))
        contacted = true
        tried ||= outcome.kind === 'acquired' || outcome.tried !== false
        if (outcome.kind === 'acquired') {
          if (signal?.aborted) throw new LockCancelledError(`Cancelled while taking lock ${lock.location}.`)
          const acquiredAt = new Date()
          const { record: holder, fencingToken } = await waiter.take(
            {
              ...options.holder,
              acquiredAt: acquiredAt.toISOString(),
              leaseSeconds: String(options.leaseDurationSeconds),
            },
            call,
          )
          if (signal?.aborted) throw new LockCancelledError(`Cancelled while taking lock ${lock.location}.`)
          return {
            leaseId,
            confirmedAt: outcome.sentAt,
            acquiredAt,
            waitedMs: acquiredAt.getTime() - started,
            holder,
            fencingToken,
            arrivalPosition: report.arrivalPosition ?? 1,
          }
        }
        for (const event of report.see(outcome.sighting, waitedMs(), Date.now())) emit(event)
        wakeAt = outcome.wakeAt
      } catch (err) {
        if (err instanceof LockCancelledError) throw err
        if (signal?.aborted) continue
        contacted ||= waiter.answered
        // Until the service has answered once, a network failure is about the
        // setup (a wrong or unreachable endpoint) and the SDK has retried it.
        // Throttling and server errors are answers: they are waited out.
        if (!isTransient(err) || (!contacted && statusCode(err) === undefined)) throw err
        if (Date.now() - lastTroubleReport >= progressEveryMs) {
          emit({ type: 'storage-trouble', error: err, waitedMs: waitedMs() })
          lastTroubleReport = Date.now()
        }
        wakeAt = Date.now() + 500 + Math.random() * 500
      }
      const pause = Math.min(wakeAt, deadline) - Date.now()
      if (pause > 0) await delay(pause, undefined, { signal }).catch(() => {})
    }
  } catch (err) {
    // Whatever ends the wait without success: out of the queue, and a lease we may have taken goes back.
    await waiter.abandon()
    throw err
  } finally {
    signal?.removeEventListener('abort', onCancel)
  }
}

function timedOut(lock: LockStore, started: number, report: WaitReport): LockTimeoutError {
  const holder = report.holder
  const breakIt = holder?.infinite ? `; break its lease with: ${lock.breakCommand}` : ''
  return new LockTimeoutError(
    `Timed out after ${formatDuration(Date.now() - started)} waiting for lock ${lock.location}; ` +
      `it is held by ${describeHolderSeen(holder)}${breakIt}.`,
  )
}
