// The wait loop: wakes the waiter for one attempt at a time (attempt.ts),
// feeds what each attempt saw to the reporting (wait-report.ts), and owns the
// rest: the time limit, the cancel, the requests' deadlines, and riding out a
// storage service that fails for a while. Whatever ends the wait, the waiter
// leaves the queue before this returns.

import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { Attempt } from './attempt.ts'
import { DEFAULT_PACING, type Pacing } from './pacing.ts'
import { monotonicNow } from './clock.ts'
import {
  LockCancelledError,
  LockTimeoutError,
  RequestTimeoutError,
  describeStorageErrorBrief,
  isTransient,
  retryAfterMs,
  statusCode,
  storageErrorCode,
} from './errors.ts'
import { formatDuration } from './duration.ts'
import { freshnessOf, type HolderIdentity, type HolderRecord } from './holder.ts'
import type { HoldRecord } from './deploy/hold.ts'
import { LockSupersededError, type SupersedeSpec } from './deploy/latest.ts'
import { DEFAULT_REQUEST_TIMEOUT_MS } from './request.ts'
import type { LockSpec } from './spec.ts'
import type { LockStore } from './store.ts'
import { WaitReport, type WaitEvent } from './wait-report.ts'
import { describeHolderSeen, type HolderSeen } from './holder-seen.ts'
import type { RequestOptions } from './request.ts'

export type { WaitEvent, Place } from './wait-report.ts'

/**
 * What the wait takes from the job's LockSpec: the lease's length, the order
 * of the line (priority), when a long wait warns, and scope run (runHoldMs:
 * the hold its own run left on the lock is taken over at once, or at the next
 * look while it waits in line, run-hold.ts).
 */
export type WaitSpec = Pick<LockSpec, 'leaseDurationSeconds' | 'priority' | 'warnAfterMs' | 'runHoldMs'>

export interface WaitOptions {
  lock: LockStore
  /** The job's lock, as its face read it (src/settings/readLockSpec). */
  spec: WaitSpec
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
  /**
   * The job's supersede key and sequence (latest.ts): the wait ends with
   * LockSupersededError when a newer job of the key waits or has held.
   */
  supersede?: SupersedeSpec
  /** How long to try again while storage has not answered once (FIRST_CONTACT_MS; tests use shorter). */
  firstContactMs?: number
}

export interface Acquired {
  leaseId: string
  /** The start of the acquire request that Azure granted: the lease is ours until this plus its duration. */
  confirmedAt: Date
  /** The same moment on the monotonic clock (clock.ts), which the lease arithmetic runs on. */
  confirmedMono: number
  /** When the grant was answered, on the monotonic clock. */
  acquiredMono: number
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
  /** The slot held (slots.ts): 1..N, and 1, the lock blob, for a lock of one slot. */
  slot: number
  /** The run's hold this job took over (scope run): fencingToken is then the run's, from the hold's record. */
  tookOver?: HoldRecord
}

/**
 * How far past its deadline a wait may run, so that `timeout` holds within
 * about a second whether or not storage answers. A request sent before the
 * deadline has until REQUEST_GRACE_MS past it to be answered, by its own
 * deadline ("no answer within 2.4 s"); the attempt is cut at CUT_GRACE_MS past
 * it, after any such request has ended by its own; the timeout's last look at
 * the lock has until LAST_LOOK_GRACE_MS past it, and the tidy-up after it
 * (leaving the queue, passing on a lease that may be ours) the rest, up to
 * END_GRACE_MS (or the little that attempt.ts gives it at the least).
 * Measured with the network stalling mid-wait, `timeout: 5` ended the step
 * after 8.9-9.7 s before these (2 s of grace, then a 2 s last look and 2 s
 * each to leave and to pass on); see docs/measurements.md for after.
 */
const REQUEST_GRACE_MS = 500
const CUT_GRACE_MS = 700
const LAST_LOOK_GRACE_MS = 500
const END_GRACE_MS = 1_000

/**
 * A wait shorter than this (`timeout: 0` tries once) still gives its one try
 * this long: on a busy machine the first requests of a process can take a
 * second or more.
 */
const LEAST_TRY_MS = 2_000

/**
 * Until storage has answered once, a request that gets no answer may mean a
 * wrong endpoint, or a machine or network too busy to answer yet: a hundred
 * jobs that start at once on a loaded machine, a runner whose network comes up
 * late. Such failures are tried again, with a warning, for up to this long
 * (or the wait's timeout, when that is shorter); then the last of them ends
 * the wait, naming the endpoint. Before, the first one ended it: 31 of 100
 * jobs started together failed at once with "no answer within 10 s".
 * Failures that say nobody is there end it at once, after the SDK's own
 * tries, as before: see saysNobodyIsThere.
 */
export const FIRST_CONTACT_MS = 60_000

/**
 * A failure without an answer that says the endpoint is not there: nothing
 * listens at that address (ECONNREFUSED), its name does not exist (ENOTFOUND),
 * or whatever is there cuts the connection (ECONNRESET). A busy machine or
 * network does not answer that way; a wrong endpoint, or a proxy or firewall
 * that refuses it, does. Anything else without an answer (no answer within
 * the request's deadline, a name server that does not answer, a network not
 * up yet) is tried again until the first contact's time is up.
 */
export function saysNobodyIsThere(err: unknown): boolean {
  const code = storageErrorCode(err)
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET'
}

/**
 * The warning while storage has not answered yet: what failed, how long the
 * wait goes on trying, and what may be the cause. `where` names the storage:
 * "at https://acct.blob.core.windows.net".
 */
export function noAnswerYetText(event: { error: unknown; triesForMs: number }, where: string): string {
  return (
    `Storage has not answered yet ${where} (${describeStorageErrorBrief(event.error)}); trying again for up to ` +
    `${formatDuration(event.triesForMs)}: the machine or the network may be busy, or the endpoint may be wrong.`
  )
}

/** The shortest deadline a request gets, however little of the wait is left. */
const LEAST_REQUEST_MS = 500

/**
 * A request's own deadline when `leftMs` of the wait is left: the default,
 * or less, so that it ends REQUEST_GRACE_MS after the wait's deadline at the
 * latest; in tenths of a second, so that a message about it reads "no answer
 * within 2.4 s".
 */
export function requestTimeoutMs(leftMs: number): number {
  const ms = Math.ceil((leftMs + REQUEST_GRACE_MS) / 100) * 100
  return Math.min(DEFAULT_REQUEST_TIMEOUT_MS, Math.max(LEAST_REQUEST_MS, ms))
}

/**
 * After a failed attempt the loop waits 0.5-1 s, then twice as long after
 * each failure in a row, up to 8-16 s: a throttled account is not hammered,
 * and storage that comes back is seen again within 16 s. A Retry-After that
 * asks for longer is honoured (the wait's deadline still ends it).
 */
const BACKOFF_FIRST_MS = 500
const BACKOFF_MAX_MS = 8_000

/**
 * A take (token, record, leaving the queue) that fails for a passing reason
 * keeps the lease through the back-off, twice in a row at most (0.5-1 s, then
 * 1-2 s): the third failure in a row gives it back, and the loop waits
 * without it.
 */
const GIVE_BACK_AFTER_FAILED_TAKES = 3

/** The pause after `failures` failed attempts in a row (1 or more), with its jitter. */
export function backoffMs(failures: number, err: unknown): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1))
  return Math.max(retryAfterMs(err) ?? 0, base + Math.random() * base)
}

/**
 * When the lease began, as the holder record and the outputs say. It is a
 * claim about the service (other jobs compare it with their own times), so
 * it comes from the service's clock: its Date header, of 1 s resolution.
 * When our clock agrees with it within that resolution (the acquire was
 * stamped between our send and our answer), our own reading is kept for its
 * milliseconds; a runner whose clock is off gets the service's time instead.
 */
export function grantTime(sentAt: Date, answeredAt: Date, serviceNow: Date | undefined): Date {
  if (!serviceNow) return answeredAt
  const agrees = answeredAt.getTime() >= serviceNow.getTime() && sentAt.getTime() < serviceNow.getTime() + 1_000
  return agrees ? answeredAt : serviceNow
}

/** A last look at the lock with less time than this left is not sent: the timeout error names the holder last seen. */
const LEAST_LAST_LOOK_MS = 250

/** A look at the lock this recent is taken as the state of now; an older one is looked at again. */
const FRESH_LOOK_MS = 1_000

/**
 * Waits until the lease is ours, in turn, then writes our holder record and
 * takes a fencing token. Throws LockTimeoutError when the time runs out,
 * LockCancelledError on cancel, and the storage error when one is not
 * transient (bad credentials, for instance).
 *
 * Time runs on the monotonic clock: a runner whose wall clock steps does not
 * end a wait early, or make it last for ever.
 */
export async function waitForLease(options: WaitOptions): Promise<Acquired> {
  const { lock, signal } = options
  const started = monotonicNow()
  const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs
  // Where the requests' deadlines and the attempt's cut are counted from: the deadline, or the least one try gets.
  const end = Math.max(deadline, started + LEAST_TRY_MS)
  // Until storage answers once, failures without an answer are tried again up to here: a minute, or the timeout.
  const firstContactUntil = Math.min(deadline, started + (options.firstContactMs ?? FIRST_CONTACT_MS))
  const progressEveryMs = options.progressEveryMs ?? 30_000
  const graceMs = options.cancelGraceMs ?? 1_000
  const leaseId = options.leaseId ?? randomUUID()
  const pacing = options.pacing ?? DEFAULT_PACING
  const floorMs = pacing.floorMs ?? DEFAULT_PACING.floorMs!
  const emit = (event: WaitEvent): void => options.onEvent?.(event)
  const waitedMs = (): number => monotonicNow() - started
  const report = new WaitReport({
    progressEveryMs,
    noTimeLimit: options.timeoutMs === undefined,
    breakCommand: lock.breakCommand,
    ...(options.supersede ? { ownKey: options.supersede.key } : {}),
    warnAfterMs: options.spec.warnAfterMs,
    startedAt: started,
  })

  // Requests get a short grace after a cancel: an acquire that is in flight is
  // better finished and released than abandoned half way.
  const requests = new AbortController()
  // An attempt is several requests, and the SDK retries inside each: the whole
  // attempt is cut at the wait's deadline plus a little grace, so that the
  // deadline is checked in time whether or not the attempt comes back. The
  // cut comes after the own deadline of a request sent before the wait's
  // deadline: a single request that gets no answer ends by its own deadline
  // first, and says so ("no answer within 2.4 s").
  let attemptCut: AbortSignal = requests.signal
  // Every request ends by its own deadline, and by the wait's deadline plus a little grace.
  const call = (): RequestOptions => ({
    signal: attemptCut,
    timeoutMs: requestTimeoutMs(end - monotonicNow()),
  })
  const onCancel = (): void => void delay(graceMs, undefined, { ref: false }).then(() => requests.abort())
  signal?.addEventListener('abort', onCancel, { once: true })

  // The key and sequence go on our queue entry and our holder record, for the others to read.
  const who = options.supersede
    ? { ...options.holder, supersedeKey: options.supersede.key, sequence: String(options.supersede.sequence) }
    : options.holder
  const waiter = new Attempt({
    store: lock,
    leaseId,
    leaseSeconds: options.spec.leaseDurationSeconds,
    who,
    supersede: options.supersede,
    priority: options.spec.priority,
    takeOverRunHold: options.spec.runHoldMs !== undefined,
    willWait: deadline > started,
    pacing,
    emit,
    waitedMs,
    signal,
  })
  let tried = false // the lock was tried for, or seen held: a timeout of 0 still tries once
  let contacted = false
  let lastTroubleReport = -Infinity
  /** The error of the last attempt, while attempts fail in a row; undefined once one comes back. */
  let failure: unknown
  let failures = 0

  try {
    for (;;) {
      if (signal?.aborted) throw new LockCancelledError(`Cancelled while waiting for lock ${lock.location}.`)
      // Storage never answered, and the first contact's time (a minute, or the timeout) is up: the last failure
      // ends the wait, and names the endpoint.
      if (!contacted && noAnswer(failure) && monotonicNow() >= firstContactUntil) throw failure
      // Checked whether or not the last attempt came back: one that failed counts as a try.
      if (monotonicNow() >= deadline && (tried || failures > 0)) {
        throw await timedOut(lock, started, report, failure, waiter, end + LAST_LOOK_GRACE_MS)
      }
      let wakeAt = monotonicNow()
      const cut =
        deadline === Infinity
          ? undefined
          : AbortSignal.timeout(Math.ceil(Math.max(0, end - monotonicNow()) + CUT_GRACE_MS))
      attemptCut = cut ? AbortSignal.any([requests.signal, cut]) : requests.signal
      try {
        const outcome = await waiter.attempt(call, (aheadCount) => report.wantsHolder(aheadCount, monotonicNow()))
        contacted = true
        tried ||= outcome.kind === 'acquired' || outcome.tried !== false
        if (outcome.kind === 'acquired') {
          if (signal?.aborted) throw new LockCancelledError(`Cancelled while taking lock ${lock.location}.`)
          const acquiredMono = monotonicNow()
          const acquiredAt = grantTime(outcome.sentAt, new Date(), outcome.serviceNow)
          let taken
          try {
            const record = {
              ...who,
              acquiredAt: acquiredAt.toISOString(),
              leaseSeconds: String(options.spec.leaseDurationSeconds),
            }
            // A run's hold taken over keeps the run's fencing token, and writes no key's record.
            taken = outcome.tookOver ? await waiter.takeOver(record, call) : await waiter.take(record, call)
          } catch (err) {
            // Storage failing for a moment (throttled, a server error, a cut) keeps the lease ours, under our
            // id: the next attempt asks for it again first (an acquire under our own id renews it) and takes
            // it. Given back, the lock would stand free while we back off, and a client that does not queue
            // would take it from the line. Any other failure, or one that goes on, gives it back first: a
            // job that cannot start must not keep the lock from clients that could.
            if (!isTransient(err) || failures + 1 >= GIVE_BACK_AFTER_FAILED_TAKES) await waiter.giveBack()
            throw err
          }
          if (signal?.aborted) throw new LockCancelledError(`Cancelled while taking lock ${lock.location}.`)
          return {
            leaseId,
            confirmedAt: outcome.sentAt,
            confirmedMono: outcome.sentMono,
            acquiredAt,
            acquiredMono,
            waitedMs: waitedMs(),
            holder: taken.record,
            fencingToken: taken.fencingToken,
            arrivalPosition: report.arrivalPosition ?? 1,
            slot: waiter.slot,
            ...(outcome.tookOver ? { tookOver: outcome.tookOver.hold } : {}),
          }
        }
        failure = undefined
        failures = 0
        // The keys' records come from the waiter's listings: the lines show the last sequence that held per key.
        const sighting = { ...outcome.sighting, records: waiter.recordsSeen }
        for (const event of report.see(sighting, waitedMs(), monotonicNow())) emit(event)
        wakeAt = outcome.wakeAt
      } catch (err) {
        if (err instanceof LockCancelledError || err instanceof LockSupersededError) throw err
        if (signal?.aborted) continue
        // A refusal with a status (a 503 the SDK gave up on) is an answer too: storage is there.
        contacted ||= waiter.answered || statusCode(err) !== undefined
        if (!isTransient(err)) throw err
        // Until the service has answered once, a failure without an answer may be
        // the setup (a wrong endpoint) or a busy machine or network: tried again
        // for up to the first contact's time, unless it says nobody is there (the
        // SDK has tried that three times). Throttling and server errors are
        // answers: they are waited out.
        const unanswered = !contacted && noAnswer(err) && !cut?.aborted
        if (unanswered && (saysNobodyIsThere(err) || monotonicNow() >= firstContactUntil)) throw err
        failures += 1
        // Our own cut at the deadline is not news from storage: keep what storage said last, if it said anything.
        // Nor is a request's own deadline, cut short by the wait's, after storage answered (the SDK was still
        // asking again after a 503): the answer says more than "no answer within 0.6 s".
        if (cut?.aborted) failure ??= new AttemptCutError()
        else if (!(isCutShort(err, deadline) && statusCode(failure) !== undefined)) failure = err
        if (monotonicNow() - lastTroubleReport >= progressEveryMs) {
          const triesForMs = firstContactUntil - monotonicNow()
          emit(
            unanswered
              ? { type: 'no-answer-yet', error: err, waitedMs: waitedMs(), triesForMs }
              : { type: 'storage-trouble', error: err, waitedMs: waitedMs() },
          )
          lastTroubleReport = monotonicNow()
        }
        wakeAt = monotonicNow() + backoffMs(failures, err)
        // The first contact's time ends the wait: no back-off past it.
        if (unanswered) wakeAt = Math.min(wakeAt, firstContactUntil)
      }
      // Every path sleeps at least the pacing floor: a wake-up time in the past must not make a busy loop.
      const pause = Math.max(floorMs, Math.min(wakeAt, deadline) - monotonicNow())
      await delay(pause, undefined, { signal }).catch(() => {})
    }
  } catch (err) {
    // Whatever ends the wait without success: out of the queue, and a lease we may have taken goes back.
    // Past the deadline, within what is left of the wait's grace: a stalled network must not stretch `timeout`.
    await waiter.abandon(monotonicNow() >= deadline ? end + END_GRACE_MS : undefined)
    throw err
  } finally {
    signal?.removeEventListener('abort', onCancel)
  }
}

/** A failure that carries no answer of storage's (a network error, a request's own deadline), and is not our cut. */
function noAnswer(err: unknown): boolean {
  return err !== undefined && statusCode(err) === undefined && !(err instanceof AttemptCutError)
}

/** A request that ran out of its own deadline once the wait's had passed: cut short by the wait, as likely as not. */
function isCutShort(err: unknown, deadline: number): boolean {
  return err instanceof RequestTimeoutError && monotonicNow() >= deadline
}

/** Our own cut of an attempt at the wait's deadline: not news from storage. */
class AttemptCutError extends Error {
  override name = 'AttemptCutError'
}

/**
 * The timeout error. After failed attempts it says what storage answered
 * last; otherwise it looks at the lock once more, so that it names the
 * holder of now, not one that left since the last line. The look ends by
 * `lookUntil` (monotonic): the error is due now, and with no answer by then
 * it names the holder it saw last.
 */
async function timedOut(
  lock: LockStore,
  started: number,
  report: WaitReport,
  failure: unknown,
  waiter: Attempt,
  lookUntil: number,
): Promise<LockTimeoutError> {
  const head = `Timed out after ${formatDuration(monotonicNow() - started)} waiting for lock ${lock.location}`
  if (failure !== undefined) {
    const said =
      failure instanceof AttemptCutError
        ? 'its last attempt had not finished by the deadline (storage was slow, or a request kept being retried)'
        : statusCode(failure) !== undefined
          ? `storage answered ${describeStorageErrorBrief(failure)}`
          : `storage could not be reached (${describeStorageErrorBrief(failure)})`
    return new LockTimeoutError(`${head}; ${said}.`)
  }
  const ahead = waiter.aheadCount ?? 0
  const free = `${head}; it is free, ${ahead} ahead in the queue.`
  let holder: HolderSeen | undefined
  const last = report.lastLook
  if (last && monotonicNow() - last.at <= FRESH_LOOK_MS) {
    if (!last.holder) return new LockTimeoutError(free)
    holder = last.holder
  } else {
    const left = Math.floor(lookUntil - monotonicNow())
    const view = left >= LEAST_LAST_LOOK_MS ? await lock.view({ timeoutMs: left }).catch(() => undefined) : undefined
    if (view && view.state !== 'leased') return new LockTimeoutError(free)
    holder =
      view?.state === 'leased'
        ? {
            record: view.holder,
            freshness: view.holder
              ? freshnessOf(view.holder, view.modifiedAt, view.serviceNow)
              : { kind: 'unknown-age' },
            infinite: view.infinite,
            ...(view.hold ? { hold: view.hold } : {}),
          }
        : report.holder
  }
  // A hold ends by itself, or is lifted on purpose: no command to break it.
  const breakIt = holder?.infinite && !holder.hold ? `; break its lease with: ${lock.breakCommand}` : ''
  return new LockTimeoutError(`${head}; it is held by ${describeHolderSeen(holder)}${breakIt}.`)
}
