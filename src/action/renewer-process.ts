// The detached renewer process. It reads its configuration from stdin, keeps
// the lease alive, and ends in one of three ways, each written to its status
// file: asked to stop (it releases the lease), the job's worker is gone (it
// releases the lease: nothing else would ever stop it), or the lease is lost
// (it records when and why for post to report).

import { appendFileSync } from 'node:fs'
import { text } from 'node:stream/consumers'
import { describeStorageErrorBrief } from '../lock/errors.ts'
import { LockBlob } from '../lock/lock-blob.ts'
import { keepLease, renewerRetry, type RenewalOutcome } from '../lock/renewer.ts'
import { containerClientFor } from '../lock/storage.ts'
import { signIn } from './entra.ts'
import { isRunning, startTimeOf } from './processes.ts'
import { logFileOf, type RenewerConfig } from './renewer-control.ts'
import { writeStatus, type RenewerStatus } from './renewer-status.ts'

const WORKER_CHECK_MS = 1_000

export async function runRenewer(statusFile: string | undefined): Promise<number> {
  if (!statusFile) return 2
  const logFile = logFileOf(statusFile)
  const log = (line: string): void => {
    try {
      appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`)
    } catch {
      // A full or vanished temp folder must not stop the renewals.
    }
  }
  const status: RenewerStatus = {
    pid: process.pid,
    state: 'starting',
    startedAt: new Date().toISOString(),
    renewals: 0,
    failures: 0,
    longestGapMs: 0,
  }
  const save = (): void => writeStatus(statusFile, status)
  save()

  let config: RenewerConfig
  try {
    config = JSON.parse(await text(process.stdin)) as RenewerConfig
  } catch (err) {
    status.state = 'failed'
    status.reason = `unreadable configuration on stdin (${(err as Error).message})`
    save()
    return 1
  }

  const stop = new AbortController()
  let stopReason = 'asked to stop'
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopReason = `asked to stop (${signal})`
      stop.abort()
    })
  }
  const workerWatch = watchWorker(config.worker, log, (reason) => {
    stopReason = reason
    stop.abort()
  })

  const leaseDurationMs = config.leaseDurationSeconds * 1000
  let lock: LockBlob
  try {
    // No token yet: the first renewal fetches one, and keepLease retries if that fails.
    const { target } = await signIn(config.target, {
      oidcRequest: config.oidcRequest,
      ambientSource: config.ambientSource,
    })
    lock = new LockBlob(
      containerClientFor(target, config.container, { retry: renewerRetry(leaseDurationMs) }),
      config.lockName,
    )
  } catch (err) {
    clearInterval(workerWatch)
    status.state = 'failed'
    status.reason = `cannot sign in (${err instanceof Error ? err.message : String(err)})`
    save()
    return 1
  }
  log(
    `renewer ${process.pid} keeps lease ${config.leaseId} on ${lock.location} (lease ${config.leaseDurationSeconds}s)`,
  )

  let lastRenewal = Date.parse(config.heldSince)
  const onOutcome = (outcome: RenewalOutcome): void => {
    if (outcome.kind === 'renewed') {
      const now = outcome.at.getTime()
      status.longestGapMs = Math.max(status.longestGapMs, now - lastRenewal)
      lastRenewal = now
      status.renewals += 1
      status.lastRenewedAt = outcome.at.toISOString()
      if (status.state === 'starting') log('first renewal done: renewing')
      status.state = 'renewing'
    } else {
      status.failures += 1
      log(`renewal failed (${outcome.kind}): ${describeStorageErrorBrief(outcome.error)}`)
    }
    save()
  }

  const loss = await keepLease(
    {
      renew: (signal) => lock.renew(config.leaseId, signal),
      leaseDurationMs,
      heldSince: new Date(config.heldSince),
      onOutcome,
    },
    stop.signal,
  )
  clearInterval(workerWatch)

  if (loss) {
    status.state = 'lost'
    status.lostAt = loss.at.toISOString()
    status.reason = loss.reason
    save()
    log(`LEASE LOST at ${status.lostAt}: ${loss.reason}`)
    // Give back whatever is left of it; after a loss this finds nothing of ours, or frees an expired lease early.
    await lock.release(config.leaseId, AbortSignal.timeout(5_000)).catch(() => undefined)
    return 0
  }

  log(`${stopReason}: releasing the lease`)
  try {
    const outcome = await lock.release(config.leaseId, AbortSignal.timeout(10_000))
    if (outcome === 'not-held') {
      // Lost at some moment since the last renewal: lostAt stays unset, post says so.
      status.state = 'lost'
      status.reason = 'at release, Azure said the lease was no longer ours'
    } else {
      status.state = 'released'
      status.releasedAt = new Date().toISOString()
      status.reason = stopReason
    }
  } catch (err) {
    // The lease stays ours until it expires; post tries again.
    status.reason = `release failed: ${describeStorageErrorBrief(err)}`
  }
  save()
  log(`${status.state}: ${status.reason}`)
  return 0
}

/** Polls the worker's pid; when it is gone (or reused), calls onGone once. */
function watchWorker(
  worker: RenewerConfig['worker'],
  log: (line: string) => void,
  onGone: (reason: string) => void,
): NodeJS.Timeout | undefined {
  if (!worker) {
    log("debug: main's parent is pid 1 or unknown (a container job?): not watching the runner worker")
    return undefined
  }
  log(`watching runner worker pid ${worker.pid}`)
  const timer = setInterval(() => {
    const gone =
      !isRunning(worker.pid) || (worker.startTime !== undefined && startTimeOf(worker.pid) !== worker.startTime)
    if (gone) {
      clearInterval(timer)
      onGone(`the runner worker (pid ${worker.pid}) is gone`)
    }
  }, WORKER_CHECK_MS)
  return timer
}
