// The detached renewer process. Main starts it while it waits for the lease,
// sends its configuration over the IPC pipe, and hands the lease over once it
// has one; the renewer renews it once to confirm, and main leaves.
//
// From then on it keeps the lease until one of these, and only these, ends it:
// - post asks it to stop, or a release step asks it to release (channel.ts);
// - the job's runner worker is gone (nothing else would ever stop it);
// - the lease is lost (Azure says so, or a whole lease went by unrenewed);
// - SIGTERM, which it answers by releasing and recording a loss, since the
//   job's steps may still be running.
// After a release or a loss it stays, idle, to tell post what happened, and
// exits once post has asked or the worker is gone. Its state moves only
// through advance() (lifecycle.ts); its status file and log are best effort.

import { setTimeout as delay } from 'node:timers/promises'
import { monotonicNow } from '../lock/clock.ts'
import { formatDuration } from '../lock/duration.ts'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { HeldLease, type HeldLeaseEvent, type HeldLeaseLoss } from '../lock/held-lease.ts'
import { describeLetGo, lookBeforeLettingGo, type LetGoOutcome } from '../lock/queue/handover.ts'
import { leaseValidUntil, renewalRetry, renewalSchedule } from '../lock/lease.ts'
import { openLock, type LockBlob } from '../lock/lock-blob.ts'
import { serviceTimeAt, type Bound } from '../lock/service-time.ts'
import { lockLocation } from '../lock/spec.ts'
import { RENEWER_USER_AGENT, describeRequest } from '../lock/storage.ts'
import { signIn } from '../sign-in/sign-in.ts'
import { serveChannel, type ChannelRequest, type ChannelServer, type RenewerAnswer } from './channel.ts'
import { advance, initialReport, type LifecycleEvent, type RenewerReport, type Requester } from './lifecycle.ts'
import { parseToRenewer, type FromRenewer, type Handover, type RenewerConfig, type ToRenewer } from './messages.ts'
import { isSocketFile, livenessOf } from './platform.ts'
import { RenewerRecords } from './status.ts'

/** The longest a release may take; post waits a little longer than this for the answer. */
const RELEASE_TIMEOUT_MS = 10_000
/** When the renewer looks at the queue once, ahead of letting go: after main has gone on with the job. */
const PREPARE_AFTER_MS = 1_000

/**
 * How often the renewer looks at its worker (one kill(pid, 0), and /proc where
 * there is one): a sixth of the lease, so 10 s for the default 60 s lease and
 * 2.5 s for a 15 s one. Each look wakes the process for about 0.6 ms of CPU, and
 * a renewal costs about 4 ms: looking every second would cost more than all the
 * renewals. A dead worker's lock is free within a sixth of the lease, well
 * before the lease itself would run out.
 */
function watchEveryMs(leaseDurationMs: number): number {
  return Math.floor(leaseDurationMs / 6)
}

/** The IPC pipe to main, as a queue of checked messages; 'gone' once main has disconnected. */
function messagesFromMain(): () => Promise<ToRenewer | 'gone'> {
  const queue: ToRenewer[] = []
  let gone = false
  let wake: () => void = () => undefined
  process.on('message', (value) => {
    const message = parseToRenewer(value)
    if (message) queue.push(message)
    wake()
  })
  process.once('disconnect', () => {
    gone = true
    wake()
  })
  return async () => {
    for (;;) {
      const next = queue.shift()
      if (next) return next
      if (gone) return 'gone'
      await new Promise<void>((resolve) => (wake = resolve))
    }
  }
}

function tellMain(message: FromRenewer): void {
  if (process.connected) process.send?.(message, undefined, {}, () => undefined)
}

class Renewer {
  private report: RenewerReport
  private readonly records: RenewerRecords
  private readonly config: RenewerConfig
  private readonly lock: LockBlob
  private held: HeldLease | undefined
  private lettingGo: Promise<void> | undefined
  /** Post made the lease a hold of the run: it is never released from here. */
  private keptAsHold = false
  /** Who asked to let go, for the log line as the handover or release is asked. */
  private letGoBy: Requester | undefined
  private server: ChannelServer | undefined
  private watch: NodeJS.Timeout | undefined
  private exit: (code: number) => void = () => undefined
  readonly exited = new Promise<number>((resolve) => (this.exit = resolve))

  constructor(config: RenewerConfig, lock: LockBlob, records: RenewerRecords, report: RenewerReport) {
    this.config = config
    this.lock = lock
    this.records = records
    this.report = report
  }

  private update(event: LifecycleEvent): void {
    this.report = advance(this.report, event)
    this.records.writeStatus(this.report)
  }

  /** A monotonic reading shown on the service's clock, from the latest renewal's Date header. */
  private shown(t: number, bound: Bound): Date {
    return serviceTimeAt(t, this.report.service, bound)
  }

  private answer(): RenewerAnswer {
    return { report: this.report, log: this.records.recent() }
  }

  /** Opens the channel and starts watching the worker. */
  async listen(): Promise<void> {
    this.server = await serveChannel(this.config.channel, {
      handle: (request) => this.handle(request),
      answered: (request) => {
        if (request.op === 'stop' || request.op === 'keep') this.finish(0)
      },
    })
    const worker = this.config.worker
    const everyMs = watchEveryMs(this.config.lock.leaseDurationSeconds * 1000)
    if (!worker) {
      this.records.log("main's parent is pid 1 or unknown (a container job?): not watching the runner worker")
    } else {
      this.records.log(`watching runner worker pid ${worker.pid} every ${everyMs / 1000} s`)
    }
    // Nothing to look at: no worker, and a channel address that no clean-up can delete.
    if (!worker && !isSocketFile(this.config.channel.address)) return
    this.watch = setInterval(() => {
      void this.server?.keepListening()
      // 'unknown' is never 'gone': a probe that cannot tell must not end a held lease.
      if (worker && livenessOf(worker.pid, worker.startTime) === 'gone') {
        this.records.log(`the runner worker (pid ${worker.pid}) is gone`)
        void this.letGo('worker gone').then(() => this.finish(0))
      }
    }, everyMs)
  }

  private async handle(request: ChannelRequest): Promise<RenewerAnswer> {
    this.records.log(`${request.by} asks to ${request.op}`)
    if (request.op === 'keep') await this.keepAsHold()
    else if (request.op !== 'report') await this.letGo(request.by)
    return this.answer()
  }

  /** What the held lease tells, as the renewer's lifecycle and log. */
  private heard(event: HeldLeaseEvent, leaseDurationMs: number): void {
    switch (event.type) {
      case 'renewed':
        if (event.first) this.records.log('first renewal done: holding')
        this.update({
          type: 'renewed',
          sentAt: event.sentAt,
          at: event.at,
          service: event.service,
          ...(event.afterLapse ? { afterLapse: { leaseMs: leaseDurationMs } } : {}),
        })
        if (event.afterLapse) this.records.log('renewed after a lapse: nobody leased the blob meanwhile')
        return
      case 'renewal-failed': {
        this.update({ type: 'renewal-failed' })
        const lapsed = event.lapsed
          ? ' (a whole lease went by unconfirmed: the lease may have run out, but nobody may have taken it; ' +
            'a renewal that succeeds proves nobody did)'
          : ''
        this.records.log(`renewal failed, will retry${lapsed}: ${describeStorageErrorBrief(event.error)}`)
        return
      }
      case 'refresh-failed':
        this.records.log(`refreshing the holder record failed: ${describeStorageErrorBrief(event.error)}`)
        return
      case 'proving':
        this.records.log('a whole lease went by unconfirmed: one more renewal, to learn whether it is still ours')
        return
      case 'proven':
        this.update({
          type: 'renewed',
          sentAt: event.sentAt,
          at: event.at,
          service: event.service,
          afterLapse: { leaseMs: event.leaseMs },
        })
        this.records.log('renewed after a lapse: nobody leased the blob meanwhile')
        return
      case 'lost':
        this.lost(event.loss, leaseDurationMs)
        return
      case 'letting-go':
        // SIGTERM lets go without a word here: terminate() has said it.
        if (this.letGoBy) this.records.log(`${this.letGoBy}: releasing the lease`)
        return
    }
  }

  /** A loss the held lease found: recorded, dated on the service's clock. */
  private lost(loss: HeldLeaseLoss, leaseDurationMs: number): void {
    // Found at the release: letGo records it (found-lost), as the release's outcome.
    if (loss.during === 'letting-go') return
    if (loss.during === 'keeping') {
      const exclusiveUntil = this.shown(loss.exclusiveUntil, 'no-later')
      this.update({
        type: 'lost',
        exclusiveUntil,
        detectedAt: this.shown(loss.detectedAt, 'no-earlier'),
        reason: loss.reason,
      })
      this.records.log(`LEASE LOST; exclusive until ${exclusiveUntil.toISOString()}: ${loss.reason}`)
      return
    }
    // The renewal that was to prove a lapse before letting go did not.
    const reason =
      loss.cause === 'gone'
        ? loss.reason
        : `no renewal succeeded for ${formatDuration(loss.detectedAt - loss.exclusiveUntil)}, more than the whole lease ` +
          `duration, and the last try failed too (${describeStorageErrorBrief(loss.error)}): the lease may have run out at ` +
          `${this.shown(leaseValidUntil(loss.exclusiveUntil, leaseDurationMs), 'no-later').toISOString()}, and exclusivity ` +
          'cannot be proven after the last renewal'
    this.update({
      type: 'lost',
      exclusiveUntil: this.shown(loss.exclusiveUntil, 'no-later'),
      detectedAt: this.shown(loss.detectedAt, 'no-earlier'),
      reason,
    })
    this.records.log(`LEASE LOST: ${reason}`)
  }

  /** Takes the lease over and renews it once; resolves with the first outcome, so main can go. */
  async hold(lease: Handover): Promise<'holding' | string> {
    this.update({ type: 'hold', confirmedAt: new Date(lease.confirmedAt), confirmedMono: lease.confirmedMono })
    const leaseDurationMs = this.config.lock.leaseDurationSeconds * 1000
    this.records.log(
      `renewer ${process.pid} keeps lease ${lease.leaseId} on ${lockLocation(this.config.lock)} ` +
        `(lease ${this.config.lock.leaseDurationSeconds}s)`,
    )
    const held = new HeldLease(this.lock, {
      leaseId: lease.leaseId,
      leaseDurationMs,
      confirmedMono: lease.confirmedMono,
      onEvent: (event) => this.heard(event, leaseDurationMs),
    })
    this.held = held
    held.keep()
    const first = await held.firstRenewal
    return first === 'renewed' ? 'holding' : `the lease was lost (${held.loss?.reason ?? 'no reason given'})`
  }

  /**
   * One look at the queue, as letting go makes, a second into the hold. A
   * process's first listing is slow: the code that reads its answer is not
   * compiled yet, and letting go is on the path of every handoff to the next
   * job (the gap before its mark: a median of 14 ms without this, 7 with it, on
   * Azurite; docs/measurements.md). One listing a job; what it shows is not used.
   */
  prepareToLetGo(): void {
    const timer = setTimeout(() => {
      if (this.lettingGo || this.held?.lettingGoStarted) return
      void lookBeforeLettingGo(this.lock, { timeoutMs: 5_000 }).catch(() => undefined)
    }, PREPARE_AFTER_MS)
    timer.unref()
  }

  /**
   * Stops renewing and releases the lease, once, whoever asks first. A late
   * request gets the same outcome. Never throws.
   */
  letGo(by: Requester): Promise<void> {
    this.lettingGo ??= this.release(by)
    return this.lettingGo
  }

  private async release(by: Requester): Promise<void> {
    const held = this.held
    if (this.keptAsHold || !held) return
    await held.stop() // no renewal in flight from here on
    if (this.report.phase !== 'holding') return
    this.letGoBy = by
    // Proven first when a whole lease went by unconfirmed; not proven, what may be left is given back, and the loss stands.
    const result = await held.letGo({ timeoutMs: RELEASE_TIMEOUT_MS })
    if (result.outcome === 'lost' && result.loss.during !== 'letting-go') return
    if (result.outcome === 'stopped') return
    const at = this.shown(monotonicNow(), 'no-earlier')
    if (result.outcome === 'failed') {
      this.update({ type: 'release-failed', error: describeStorageErrorBrief(result.error) })
    } else {
      const outcome: LetGoOutcome = result.outcome === 'lost' ? { outcome: 'not-held' } : result
      this.records.log(describeLetGo(outcome))
      this.update(outcome.outcome !== 'not-held' ? { type: 'released', at, by } : { type: 'found-lost', at })
    }
    this.records.log(`${this.report.phase}${this.report.error ? `: ${this.report.error}` : ''}`)
  }

  /**
   * Post turned the lease into a hold of the run (scope run): stop renewing,
   * and leave the lease as it is. Nothing releases it from here on, not even a
   * runner worker that goes away: the hold is meant to outlive the job.
   */
  private async keepAsHold(): Promise<void> {
    this.keptAsHold = true
    await this.held?.stop()
    this.records.log('the lease is a hold of the run now: stopped renewing, and left it held')
  }

  /** SIGTERM: give the lease back now, and record it as a loss, because the job may still be running. */
  async terminate(): Promise<void> {
    const held = this.held
    await held?.stop()
    if (held && this.report.phase === 'holding' && !this.keptAsHold) {
      const now = this.shown(monotonicNow(), 'no-earlier')
      this.update({
        type: 'lost',
        exclusiveUntil: now,
        detectedAt: now,
        reason: 'the renewer was ended by SIGTERM and released the lease while the job may still have been running',
      })
      this.records.log('SIGTERM: releasing the lease')
      await held.letGo({ timeoutMs: 5_000, prove: false })
    }
    this.finish(0)
  }

  finish(code: number): void {
    clearInterval(this.watch)
    void this.server?.close()
    this.exit(code)
  }

  get snapshot(): RenewerReport {
    return this.report
  }
}

export async function runRenewer(): Promise<number> {
  if (!process.send) return 2 // only main starts a renewer, over an IPC pipe
  let report = initialReport(process.pid, new Date())
  const next = messagesFromMain()
  const first = await next()
  if (first === 'gone' || first.type !== 'config') return 1
  const config = first.config
  const records = new RenewerRecords(config.statusFile)
  records.writeStatus(report)
  process.on('uncaughtException', (err) => {
    records.log(`unexpected error, exiting: ${err.stack ?? err.message}`)
    process.exit(1)
  })

  let lock: LockBlob
  try {
    // No token yet: the first renewal fetches one, and keepLease retries if that fails.
    const signedIn = await signIn(config.auth, { oidcRequest: config.oidcRequest, ambientSource: config.ambientSource })
    const leaseDurationMs = config.lock.leaseDurationSeconds * 1000
    lock = openLock(signedIn.auth, config.lock, {
      retry: renewalRetry(leaseDurationMs),
      requestTimeoutMs: renewalSchedule(leaseDurationMs).attemptTimeoutMs,
      // Storage's own logs, and the tests' proxy, tell the renewer's requests from the steps' by this.
      userAgent: RENEWER_USER_AGENT,
      // With the job's debug logging on, its requests go to its log, which post shows.
      observe: process.env.RUNNER_DEBUG === '1' ? (request) => records.log(describeRequest(request)) : undefined,
    })
  } catch (err) {
    const error = `cannot sign in (${err instanceof Error ? err.message : String(err)})`
    report = advance(report, { type: 'failed', error })
    records.writeStatus(report)
    tellMain({ type: 'failed', error })
    return 1
  }
  const renewer = new Renewer(config, lock, records, report)
  try {
    await renewer.listen()
  } catch (err) {
    tellMain({ type: 'failed', error: `cannot open its control channel (${(err as Error).message})` })
    return 1
  }
  tellMain({ type: 'ready' })
  // One look at the lock while main waits: the first request of a process is slow (its code paths
  // are cold), and the renewal that confirms the lease is on the path of every handoff.
  void lock.view({ timeoutMs: 5_000 }).catch(() => undefined)

  const hold = await next()
  if (hold === 'gone' || hold.type !== 'hold') {
    // Main left without a lease to hand over (it failed, timed out or was cancelled).
    renewer.finish(0)
    return renewer.exited
  }
  // With slots, the lease is on the blob of the slot main took: renewals, handover and release go there.
  const slot = hold.lease.slot ?? 1
  if (slot > (config.lock.slots ?? 1)) {
    renewer.finish(1)
    return renewer.exited
  }
  lock.useSlot(slot)
  process.on('SIGTERM', () => void renewer.terminate())
  for (const signal of ['SIGINT', 'SIGHUP'] as const) process.on(signal, () => undefined)
  const outcome = await Promise.race([renewer.hold(hold.lease), renewer.exited.then(() => 'exited')])
  tellMain(outcome === 'holding' ? { type: 'holding', report: renewer.snapshot } : { type: 'failed', error: outcome })
  if (outcome === 'holding') renewer.prepareToLetGo()
  const code = await renewer.exited
  // Let the last status write and answer drain.
  await delay(10)
  return code
}
