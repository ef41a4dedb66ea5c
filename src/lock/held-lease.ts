// One handle for a lease we hold: keep it, prove it, report its loss, let it
// go. The renewer process (src/renewer/process.ts) and `azure-mutex hold`
// (src/cli/hold.ts) both hold their lease through it, so a safety rule of
// holding lands here once. It prints nothing: what happens is told through
// onEvent, and a loss also through the `lost` AbortSignal, for each face to
// word its own way.
//
// Its state, after DistributedLock's lease monitor:
//   held ──renewal──▶ renewed ◀──renewal──▶ unknown (a transient failure)
//     └──────────────────┴───────┬───────────┘
//                 lost (Azure says so, a lapse no renewal heals, not ours at let-go)
//                 let-go (handed over or released), stopped (left held, or given back)
// A transient failure is "unknown", never a loss: the lease may well still be
// ours, and a renewal that succeeds after its certain end proves nobody leased
// the blob since (keep-lease.ts). Lost is said once, whichever finds it.
//
// Every time here is a monotonic reading (clock.ts); times shown to people come
// from the service's clock (shown()), through the latest renewal's Date header.

import { monotonicNow } from './clock.ts'
import { describeStorageErrorBrief } from './errors.ts'
import { keepLease, type LeaseLoss } from './keep-lease.ts'
import { leaseValidUntil, renewalSchedule } from './lease.ts'
import { letGo, type HandoverStore, type HandoverTarget } from './queue/handover.ts'
import { serviceReading, serviceTimeAt, type Bound, type ServiceReading } from './service-time.ts'
import { isLeaseGone } from './lease-answers.ts'
import type { RequestOptions } from './request.ts'

/** What holding a lease needs from the lock blob (LockBlob implements it). */
export interface HeldLeaseStore extends HandoverStore {
  /** One renewal; throws when it fails (isLeaseGone: a definite loss). Returns the answer's Date header. */
  renew(leaseId: string, options: RequestOptions): Promise<Date | undefined | void>
  release(leaseId: string, options: RequestOptions): Promise<'released' | 'not-held'>
  /** Rewrites the holder record as it is, so that waiters see it alive. */
  refreshHolder(leaseId: string, options: RequestOptions): Promise<void>
}

export type HeldLeaseState = 'held' | 'renewed' | 'unknown' | 'lost' | 'let-go' | 'stopped'

/** Why a lease stopped being ours. */
export type LossCause =
  /** Azure said the lease id is not the blob's lease any more (a renewal, or the renewal that proves a lapse). */
  | 'gone'
  /** A whole lease went by unconfirmed, and the renewal tried before letting go could not say either. */
  | 'unproven'
  /** Letting go found the lease no longer ours. */
  | 'not-held'

export interface HeldLeaseLoss extends LeaseLoss {
  cause: LossCause
  /** What found it: a renewal of the keeping, the renewal that was to prove a lapse, or the letting go itself. */
  during: 'keeping' | 'proving' | 'letting-go'
  /** The storage error that told it, when one did. */
  error?: unknown
}

export type HeldLeaseEvent =
  /**
   * A renewal of the keeping succeeded. first: the first one since the lease was taken (it proves the
   * fencing token). afterLapse: it was answered past the lease's certain end; gapMs is the time since the
   * start of the request that confirmed it before (the lease went that long without proof).
   */
  | {
      type: 'renewed'
      sentAt: number
      at: number
      service?: ServiceReading
      first: boolean
      afterLapse?: { gapMs: number; leaseMs: number }
    }
  /** A renewal failed for a passing reason: retried soon. lapsed: past the lease's certain end. */
  | { type: 'renewal-failed'; error: unknown; lapsed: boolean }
  /** Rewriting the holder record after a renewal failed (best effort; the lease is not touched by it). */
  | { type: 'refresh-failed'; error: unknown }
  /** Before letting go: a whole lease went by unconfirmed, so one more renewal is tried, to prove it is ours. */
  | { type: 'proving' }
  /** That renewal succeeded: nobody leased the blob meanwhile. */
  | { type: 'proven'; sentAt: number; at: number; service?: ServiceReading; leaseMs: number }
  /** The lease is not ours (said once). */
  | { type: 'lost'; loss: HeldLeaseLoss }
  /** Proven ours up to now: the handover or release is about to be asked. */
  | { type: 'letting-go' }

/** How letting go ended. */
export type LetGoResult =
  | { outcome: 'handed-over'; to: HandoverTarget }
  | { outcome: 'released' }
  /** The lease was lost (before, or found so now): nothing of anybody else's was touched. */
  | { outcome: 'lost'; loss: HeldLeaseLoss }
  /** Storage did not answer the release: the lease ends by itself within its duration. */
  | { outcome: 'failed'; error: unknown }
  /** The keeping was stopped before (stop() or giveBack()): nothing was asked. */
  | { outcome: 'stopped' }

export interface HeldLeaseOptions {
  leaseId: string
  leaseDurationMs: number
  /** The start of the request that confirmed the lease (the acquire), a monotonic reading. */
  confirmedMono: number
  /** Told of everything that happens; it must not throw (a throw is caught and ignored). */
  onEvent?: (event: HeldLeaseEvent) => void
  /** Overrides of the renewal schedule (tests use short ones). */
  intervalMs?: number
  retryMs?: number
  attemptTimeoutMs?: number
  /** The clock; the monotonic clock unless a test injects one. */
  now?: () => number
}

/** How long a give-back after a loss or an abandoned hold may take. */
const GIVE_BACK_TIMEOUT_MS = 5_000

export class HeldLease {
  readonly leaseId: string
  readonly leaseDurationMs: number
  private readonly store: HeldLeaseStore
  private readonly options: HeldLeaseOptions
  private readonly clock: () => number
  private readonly renewing = new AbortController()
  private readonly losing = new AbortController()
  private current: HeldLeaseState = 'held'
  private confirmed: number
  private reading: ServiceReading | undefined
  private lossFound: HeldLeaseLoss | undefined
  private kept: Promise<void> | undefined
  private refreshing: Promise<void> | undefined
  private stopping: Promise<void> | undefined
  private lettingGo: Promise<LetGoResult> | undefined
  private givingBack: Promise<void> | undefined
  private renewals = 0
  private firstSettled: (outcome: 'renewed' | 'lost') => void = () => undefined
  /** The first renewal, or the loss that came before it: a face starts its work only on 'renewed'. */
  readonly firstRenewal = new Promise<'renewed' | 'lost'>((resolve) => (this.firstSettled = resolve))

  constructor(store: HeldLeaseStore, options: HeldLeaseOptions) {
    this.store = store
    this.options = options
    this.leaseId = options.leaseId
    this.leaseDurationMs = options.leaseDurationMs
    this.confirmed = options.confirmedMono
    this.clock = options.now ?? monotonicNow
  }

  /** Aborted once the lease is known lost; its reason is the HeldLeaseLoss. */
  get lost(): AbortSignal {
    return this.losing.signal
  }

  get state(): HeldLeaseState {
    return this.current
  }

  get loss(): HeldLeaseLoss | undefined {
    return this.lossFound
  }

  /** The start of the last request Azure confirmed the lease with (monotonic). */
  get confirmedMono(): number {
    return this.confirmed
  }

  /** The lease is certainly ours until here (monotonic), unless someone breaks it. */
  get guaranteedUntil(): number {
    return leaseValidUntil(this.confirmed, this.leaseDurationMs)
  }

  /** The latest renewal's Date header, with its monotonic readings. */
  get service(): ServiceReading | undefined {
    return this.reading
  }

  /** A monotonic reading as a time on the service's clock (service-time.ts). */
  shown(t: number, bound: Bound): Date {
    return serviceTimeAt(t, this.reading, bound)
  }

  /** Whether a letting go has begun (then nothing else is asked of storage but it). */
  get lettingGoStarted(): boolean {
    return this.lettingGo !== undefined
  }

  private tell(event: HeldLeaseEvent): void {
    try {
      this.options.onEvent?.(event)
    } catch {
      // Telling must never stop the keeping.
    }
  }

  /** Renews at once, then on the schedule (keep-lease.ts), until stopped, let go or lost. Once. */
  keep(): void {
    if (this.kept || this.renewing.signal.aborted) return
    const leaseMs = this.leaseDurationMs
    let goneError: unknown
    this.kept = keepLease(
      {
        renew: (signal) => this.store.renew(this.leaseId, { signal }),
        leaseDurationMs: leaseMs,
        confirmedAt: this.confirmed,
        ...(this.options.intervalMs !== undefined ? { intervalMs: this.options.intervalMs } : {}),
        ...(this.options.retryMs !== undefined ? { retryMs: this.options.retryMs } : {}),
        ...(this.options.attemptTimeoutMs !== undefined ? { attemptTimeoutMs: this.options.attemptTimeoutMs } : {}),
        now: this.clock,
        onOutcome: (outcome) => {
          if (outcome.kind === 'renewed') {
            const previous = this.confirmed
            this.confirmed = outcome.sentAt
            if (outcome.service) this.reading = outcome.service
            if (this.current === 'held' || this.current === 'renewed' || this.current === 'unknown')
              this.current = 'renewed'
            const first = this.renewals++ === 0
            this.tell({
              type: 'renewed',
              sentAt: outcome.sentAt,
              at: outcome.at,
              ...(outcome.service ? { service: outcome.service } : {}),
              first,
              ...(outcome.afterLapse ? { afterLapse: { gapMs: outcome.at - previous, leaseMs } } : {}),
            })
            if (first) this.firstSettled('renewed')
            // The acquire wrote the record just before the first renewal; after the later ones, show waiters it is alive.
            else this.refreshRecord()
          } else if (outcome.kind === 'unknown') {
            if (this.current === 'held' || this.current === 'renewed') this.current = 'unknown'
            this.tell({ type: 'renewal-failed', error: outcome.error, lapsed: outcome.lapsed })
          } else {
            goneError = outcome.error
          }
        },
      },
      this.renewing.signal,
    ).then(async (loss) => {
      if (loss) await this.found({ ...loss, cause: 'gone', during: 'keeping', error: goneError })
    })
  }

  /**
   * Rewrites the holder record as it is, so that its Last-Modified is recent:
   * waiters believe a record only while its holder keeps it fresh. Best
   * effort: a failure costs nothing but a record that may look stale.
   */
  private refreshRecord(): void {
    if (this.refreshing) return
    this.refreshing = this.store
      .refreshHolder(this.leaseId, {
        signal: this.renewing.signal,
        timeoutMs: Math.floor(this.leaseDurationMs / 3),
      })
      .catch((err: unknown) => {
        if (!this.renewing.signal.aborted) this.tell({ type: 'refresh-failed', error: err })
      })
      .finally(() => (this.refreshing = undefined))
  }

  /** A loss, said once: the signal aborts, the face hears it, and whatever may be left is given back. */
  private async found(loss: HeldLeaseLoss): Promise<void> {
    if (this.lossFound) return
    this.lossFound = loss
    this.current = 'lost'
    this.tell({ type: 'lost', loss })
    this.losing.abort(loss)
    this.firstSettled('lost')
    // After a loss this finds nothing of ours, or frees a lapsed lease early.
    await this.releaseQuietly()
  }

  private releaseQuietly(): Promise<void> {
    this.givingBack ??= this.store
      .release(this.leaseId, { timeoutMs: GIVE_BACK_TIMEOUT_MS })
      .then(() => undefined)
      .catch(() => undefined)
    return this.givingBack
  }

  /**
   * Stops renewing; resolves once no renewal or record refresh is in flight
   * (a loss found meanwhile is given back first). The lease is left as it is.
   */
  stop(): Promise<void> {
    this.renewing.abort()
    this.stopping ??= (async () => {
      await this.kept
      await this.refreshing
    })()
    return this.stopping
  }

  /**
   * Gives the lease back without handing it over (a hold abandoned before its
   * work began): stops renewing and releases, best effort. After it, letGo
   * asks nothing.
   */
  async giveBack(): Promise<void> {
    await this.stop()
    if (this.current !== 'lost') this.current = 'stopped'
    await this.releaseQuietly()
  }

  /**
   * Stops renewing and lets go: proves the lease first when a whole lease
   * went by unconfirmed (prove: false skips that), then hands it to the head
   * of the queue, or releases it (handover.ts, which asks again for 5 s while
   * storage refuses for a moment). Once: a later call gets the same result.
   * Never throws.
   */
  letGo(options: { timeoutMs: number; prove?: boolean }): Promise<LetGoResult> {
    this.lettingGo ??= this.stop().then(() => this.letGoNow(options))
    return this.lettingGo
  }

  private async letGoNow(options: { timeoutMs: number; prove?: boolean }): Promise<LetGoResult> {
    if (this.lossFound) return { outcome: 'lost', loss: this.lossFound }
    if (this.givingBack || this.current === 'stopped') return { outcome: 'stopped' }
    if (options.prove !== false) {
      const unproven = await this.proveHeld()
      if (unproven) return { outcome: 'lost', loss: unproven }
    }
    this.tell({ type: 'letting-go' })
    try {
      // Handed to the head of the queue when one waits: our exclusivity ends at the change, as at a release.
      const outcome = await letGo(this.store, this.leaseId, { timeoutMs: options.timeoutMs })
      if (outcome.outcome === 'not-held') {
        const loss: HeldLeaseLoss = {
          exclusiveUntil: this.confirmed,
          detectedAt: this.clock(),
          reason: 'at release the lease was no longer ours',
          cause: 'not-held',
          during: 'letting-go',
        }
        this.lossFound = loss
        this.current = 'lost'
        this.tell({ type: 'lost', loss })
        this.losing.abort(loss)
        return { outcome: 'lost', loss }
      }
      this.current = 'let-go'
      return outcome
    } catch (err) {
      this.current = 'stopped'
      return { outcome: 'failed', error: err }
    }
  }

  /**
   * Whether the lease is proven ours up to now; the loss when it is not. When
   * a whole lease duration went by with only transient failures, it may have
   * run out, and a release that finds it still there proves nothing of the
   * gap. One more renewal does: Azure renews a lapsed lease only if nobody
   * leased the blob since. If that renewal cannot say either, the lapse is a
   * loss, honestly dated: exclusivity cannot be proven past the last
   * confirmation.
   */
  private async proveHeld(): Promise<HeldLeaseLoss | undefined> {
    const leaseMs = this.leaseDurationMs
    const confirmed = this.confirmed
    if (this.clock() < leaseValidUntil(confirmed, leaseMs)) return undefined
    this.tell({ type: 'proving' })
    const sentAt = this.clock()
    try {
      const date = await this.store.renew(this.leaseId, { timeoutMs: renewalSchedule(leaseMs).attemptTimeoutMs })
      const at = this.clock()
      const service = serviceReading(date ?? undefined, sentAt, at)
      this.confirmed = sentAt
      if (service) this.reading = service
      this.tell({ type: 'proven', sentAt, at, ...(service ? { service } : {}), leaseMs })
      return undefined
    } catch (err) {
      const gone = isLeaseGone(err)
      const loss: HeldLeaseLoss = {
        exclusiveUntil: confirmed,
        detectedAt: this.clock(),
        reason: gone
          ? `Azure says the lease is no longer ours (${describeStorageErrorBrief(err)})`
          : `a whole lease went by unconfirmed and a last renewal could not say (${describeStorageErrorBrief(err)})`,
        cause: gone ? 'gone' : 'unproven',
        during: 'proving',
        error: err,
      }
      await this.found(loss)
      return loss
    }
  }
}
