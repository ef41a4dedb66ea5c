// The steps' side of the renewer. Main starts it early, while it waits for the
// lease, and hands the lease over once it has one; post (or a release step)
// asks it to let go through its channel.
//
// Main talks to the renewer over Node's IPC pipe, which exists only between
// the two: the configuration, secrets included, never touches a command line,
// an environment variable or a file. The renewer's stdout and stderr go
// nowhere, so it cannot hold the step's output open.

import type { ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { monotonicNow } from '../lock/clock.ts'
import { UserError } from '../lock/errors.ts'
import { askRenewer, type ChannelRef, type ChannelRequest, type RenewerAnswer } from './channel.ts'
import type { RenewerReport, StopAnswer } from './lifecycle.ts'
import { parseFromRenewer, type FromRenewer, type Handover, type RenewerConfig, type ToRenewer } from './messages.ts'
import { spawnRenewer, takeEarlyRenewer } from './early.ts'
import { channelAddress, isSignallablePid, killProcess, livenessOf, startTimeOf } from './platform.ts'

export class RenewerStartError extends UserError {
  override name = 'RenewerStartError'
}

/** A fresh channel and status file for one renewer: the address is the renewer's, the token the key of its proofs. */
export function newRenewerPlaces(): { channel: ChannelRef; statusFile: string } {
  const id = randomUUID()
  return {
    channel: { address: channelAddress(id), token: randomBytes(24).toString('base64url') },
    statusFile: join(process.env.RUNNER_TEMP || tmpdir(), 'azure-mutex', `renewer-${id}.json`),
  }
}

/** The worker to watch: main's parent, unless that is init or a container's pid 1. */
export function workerOf(ppid: number): RenewerConfig['worker'] {
  return isSignallablePid(ppid) ? { pid: ppid, startTime: startTimeOf(ppid) } : undefined
}

/** A renewer that main has started and not yet let go of. */
export class SpawnedRenewer {
  private readonly child: ChildProcess
  private readonly messages: FromRenewer[] = []
  private wake: () => void = () => undefined
  private ended: string | undefined

  constructor(config: RenewerConfig) {
    // The one started as main's process started (early.ts), still loading its code or waiting for this config.
    this.child = takeEarlyRenewer() ?? spawnRenewer()
    this.child.on('message', (value: unknown) => {
      const message = parseFromRenewer(value)
      if (message) this.messages.push(message)
      this.wake()
    })
    this.child.once('exit', (code, signal) => {
      this.ended = signal ? `signal ${signal}` : `exit code ${code}`
      this.wake()
    })
    this.child.once('error', (err) => {
      this.ended = err.message
      this.wake()
    })
    this.send({ type: 'config', config })
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  /**
   * The process post may end if it is stuck: main spawned it, so this pid is
   * certainly the renewer now, and its start time (where the OS tells it)
   * tells a reused pid apart later.
   */
  get identity(): RenewerIdentity | undefined {
    const pid = this.child.pid
    if (!isSignallablePid(pid)) return undefined
    const startTime = startTimeOf(pid)
    return startTime === undefined ? { pid } : { pid, startTime }
  }

  private send(message: ToRenewer): void {
    if (this.child.connected) this.child.send(message, () => undefined)
  }

  /** The next message of the given type, or an error when the renewer ends, fails, or the time or signal runs out. */
  private async expect<T extends FromRenewer['type']>(
    type: T,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<Extract<FromRenewer, { type: T }>> {
    const deadline = monotonicNow() + timeoutMs
    for (;;) {
      const index = this.messages.findIndex((m) => m.type === type || m.type === 'failed')
      if (index >= 0) {
        const [message] = this.messages.splice(index, 1)
        if (message!.type === 'failed') {
          throw new RenewerStartError(`The renewer could not keep the lease: ${message!.error}.`)
        }
        return message as Extract<FromRenewer, { type: T }>
      }
      if (this.ended) throw new RenewerStartError(`The renewer exited before it confirmed the lease (${this.ended}).`)
      if (signal?.aborted) throw new RenewerStartError('Cancelled while the renewer was starting.')
      if (monotonicNow() >= deadline) {
        throw new RenewerStartError(`The renewer did not confirm the lease within ${timeoutMs / 1000} s.`)
      }
      const woken = new Promise<void>((resolve) => (this.wake = resolve))
      const onAbort = (): void => this.wake()
      signal?.addEventListener('abort', onAbort, { once: true })
      await Promise.race([woken, delay(Math.max(0, deadline - monotonicNow()), undefined, { ref: false })])
      signal?.removeEventListener('abort', onAbort)
    }
  }

  /**
   * Hands the lease over and waits until the renewer has renewed it once:
   * then it is known to reach storage with its own credentials. Throws
   * RenewerStartError otherwise; the caller still owns the lease then.
   */
  async hold(lease: Handover, options: { timeoutMs: number; signal?: AbortSignal }): Promise<RenewerReport> {
    await this.expect('ready', options.timeoutMs, options.signal)
    this.send({ type: 'hold', lease })
    const { report } = await this.expect('holding', options.timeoutMs, options.signal)
    return report
  }

  /** Lets a renewer that holds the lease run on alone. */
  detach(): void {
    if (this.child.connected) this.child.disconnect()
  }

  /** Before a hand-over: the renewer sees main go and exits, holding nothing. */
  dismiss(): void {
    this.detach()
  }

  /** After a failed hand-over: end it now. Main spawned it, so the pid is certainly this process. */
  kill(): void {
    if (this.ended === undefined && this.child.pid !== undefined) killProcess(this.child.pid)
    this.detach()
  }
}

// ---- Asking a running renewer ------------------------------------------------

/** The renewer main started, as main recorded it at spawn: the only process post may ever end. */
export interface RenewerIdentity {
  pid: number
  /** Where the OS tells it cheaply (/proc): a pid reused by another process has another start time. */
  startTime?: string
}

export interface AskOptions {
  /** How long the renewer may take to prove who it is. */
  helloTimeoutMs?: number
  /** How long it may take to do what was asked: its release is cut at 10 s, so 15 s leaves room. */
  answerTimeoutMs?: number
  /** The renewer main recorded: what answers must prove to be this pid. */
  expected?: RenewerIdentity
  /**
   * End the expected renewer if it proved who it is but gave no answer in time
   * (post does; a release step, which has no record of the spawn, does not).
   */
  killIfStuck?: boolean
}

/**
 * Whether post may end a stuck renewer: only the pid main recorded at spawn,
 * only once that very process has proven who it is on a connection that is
 * still open, and only while the pid still has the start time main recorded.
 * A pid that came over the channel is never enough by itself.
 */
export function mayEnd(
  provenPid: number,
  expected: RenewerIdentity | undefined,
  liveness: (pid: number, startTime: string | undefined) => string = livenessOf,
): expected is RenewerIdentity {
  if (!expected || !isSignallablePid(expected.pid) || provenPid !== expected.pid) return false
  return liveness(expected.pid, expected.startTime) === 'alive'
}

/** How long post waits for a renewer that answered "stop" to be gone, so nothing is left for the job-end clean-up. */
const EXIT_WAIT_MS = 2_000

/** Waits until the process is gone (only looks, never signals); false if it is still there at the limit. */
async function exited(pid: number, limitMs: number): Promise<boolean> {
  const deadline = monotonicNow() + limitMs
  while (livenessOf(pid, undefined) !== 'gone') {
    if (monotonicNow() >= deadline) return false
    await delay(10)
  }
  return true
}

/** What came of asking: how it went, and the renewer's latest log lines when it answered. */
export interface Asked {
  answer: StopAnswer
  log: string[]
}

/**
 * Asks the renewer behind a channel to stop or release, and waits for its
 * answer. What listens must first prove it is the renewer (and the one main
 * recorded, when known); one that fails is told nothing and left alone. A
 * renewer that proved itself but does not answer in time is ended when
 * killIfStuck is set, by the recorded pid only (mayEnd).
 */
export async function askToLetGo(ref: ChannelRef, request: ChannelRequest, options: AskOptions = {}): Promise<Asked> {
  const conversation = await askRenewer(ref, request, { expectedPid: options.expected?.pid })
  if (conversation === 'nothing listens') return { answer: { kind: 'gone' }, log: [] }
  try {
    const timeout = <T>(ms: number): Promise<T | 'timeout'> =>
      delay(ms, 'timeout' as const, { ref: false }) as Promise<'timeout'>
    const pid = await Promise.race([conversation.proven, timeout<number>(options.helloTimeoutMs ?? 5_000)])
    if (pid === 'impostor') return { answer: { kind: 'impostor' }, log: [] }
    if (pid === 'timeout' || pid === undefined) return { answer: { kind: 'silent' }, log: [] }
    const answer: RenewerAnswer | undefined | 'timeout' = await Promise.race([
      conversation.answer,
      timeout<RenewerAnswer>(options.answerTimeoutMs ?? 15_000),
    ])
    if (answer === 'timeout') {
      // Still connected after its proof, so the process is still there; end it only by main's record of it.
      if (!options.killIfStuck || !mayEnd(pid, options.expected)) return { answer: { kind: 'silent' }, log: [] }
      killProcess(options.expected.pid)
      return { answer: { kind: 'stopped', pid: options.expected.pid }, log: [] }
    }
    // The line closed without an answer: the renewer died while it worked.
    if (answer === undefined) return { answer: { kind: 'gone' }, log: [] }
    if (request.op === 'stop' || request.op === 'keep') await exited(pid, EXIT_WAIT_MS)
    return { answer: { kind: 'answered', report: answer.report }, log: answer.log }
  } finally {
    conversation.close()
  }
}
