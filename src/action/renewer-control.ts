// Main starts the renewer; post stops it. The renewer runs detached with no
// stdout or stderr to hold the step open; its secrets arrive on stdin, never
// on its command line or in its environment.

import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { AmbientSource, OidcRequest } from './entra.ts'
import type { StorageAccess } from './inputs.ts'
import { commandLineOf, isRunning, signalProcess, startTimeOf, isSignallablePid } from './processes.ts'
import { readStatus, type RenewerStatus } from './renewer-status.ts'

/** Everything the renewer needs, sent as JSON on its stdin. */
export interface RenewerConfig {
  target: StorageAccess
  /** For federated sign-in: how to ask GitHub for fresh OIDC tokens for as long as the lease is held. */
  oidcRequest?: OidcRequest
  /** For ambient sign-in: the source main found. */
  ambientSource?: AmbientSource
  container: string
  lockName: string
  leaseId: string
  leaseDurationSeconds: number
  /** When the lease was last known to be ours. */
  heldSince: string
  /** The runner worker that runs this job: when it is gone, the renewer releases and exits. */
  worker: { pid: number; startTime: string | undefined } | undefined
}

/** Environment variables that carry secrets or step inputs: the renewer gets none of them. */
const WITHHELD_ENV = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_TOKEN$|GITHUB_TOKEN$)/

/** A fresh path for the renewer's status file, under the runner's temp folder. */
export function newStatusFile(): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'azure-mutex')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return join(dir, `renewer-${randomUUID()}.json`)
}

export function logFileOf(statusFile: string): string {
  return statusFile.replace(/\.json$/, '.log')
}

/** The worker to watch: main's parent, unless that is init or a container's pid 1. */
export function workerOf(ppid: number): RenewerConfig['worker'] {
  return isSignallablePid(ppid) ? { pid: ppid, startTime: startTimeOf(ppid) } : undefined
}

function renewerScript(): string {
  // This code runs from a file in dist/bundle/ (npm run build), beside dist/renewer/index.js.
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'renewer', 'index.js')
}

export class RenewerStartError extends Error {
  override name = 'RenewerStartError'
}

/**
 * Spawns the renewer and waits until it has renewed the lease once. Throws
 * RenewerStartError if it exits, fails, or does not confirm within the time.
 * The caller still owns the lease on failure and must release it.
 */
export async function startRenewer(
  config: RenewerConfig,
  statusFile: string,
  options: { readyTimeoutMs?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !WITHHELD_ENV.test(name)))
  const child = spawn(process.execPath, [renewerScript(), statusFile], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env,
  })
  let exited: string | undefined
  child.once('exit', (code, signal) => (exited = signal ? `signal ${signal}` : `exit code ${code}`))
  child.once('error', (err) => (exited = err.message))
  child.stdin?.on('error', () => undefined)
  child.stdin?.end(JSON.stringify(config))
  child.unref()
  const pid = child.pid
  if (pid === undefined) throw new RenewerStartError('The renewer process could not be started.')

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000)
  for (;;) {
    const status = readStatus(statusFile)
    if (status?.state === 'renewing') return pid
    if (status && status.state !== 'starting') {
      throw new RenewerStartError(
        `The renewer stopped before it confirmed the lease (${status.state}: ${status.reason ?? 'no reason given'}).`,
      )
    }
    if (exited) throw new RenewerStartError(`The renewer exited before it confirmed the lease (${exited}).`)
    if (options.signal?.aborted) {
      signalProcess(pid, 'SIGKILL')
      throw new RenewerStartError('Cancelled while the renewer was starting.')
    }
    if (Date.now() > deadline) {
      signalProcess(pid, 'SIGKILL')
      throw new RenewerStartError('The renewer did not confirm the lease within 20 s.')
    }
    await delay(25)
  }
}

/** True when pid is alive and is the renewer that writes this status file. */
export function isOurRenewer(pid: number, statusFile: string): boolean {
  return isRunning(pid) && (commandLineOf(pid)?.includes(statusFile) ?? false)
}

export type StopResult =
  | { kind: 'stopped'; status: RenewerStatus | undefined }
  | { kind: 'not-running'; status: RenewerStatus | undefined }
  | { kind: 'killed'; status: RenewerStatus | undefined }

/**
 * Asks the renewer to release the lease and exit (SIGTERM), and waits for it.
 * A renewer that does not exit in time is killed. A pid that is no longer our
 * renewer is left alone.
 */
export async function stopRenewer(
  pid: number | undefined,
  statusFile: string,
  timeoutMs = 15_000,
): Promise<StopResult> {
  const renewerPid = pid ?? readStatus(statusFile)?.pid
  if (renewerPid === undefined || !isOurRenewer(renewerPid, statusFile)) {
    return { kind: 'not-running', status: readStatus(statusFile) }
  }
  signalProcess(renewerPid, 'SIGTERM')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isRunning(renewerPid)) return { kind: 'stopped', status: readStatus(statusFile) }
    await delay(25)
  }
  if (isOurRenewer(renewerPid, statusFile)) signalProcess(renewerPid, 'SIGKILL')
  return { kind: 'killed', status: readStatus(statusFile) }
}

/** The renewer's log, for post to show; empty when there is none. */
export function renewerLog(statusFile: string): string {
  try {
    return readFileSync(logFileOf(statusFile), 'utf8')
  } catch {
    return ''
  }
}
