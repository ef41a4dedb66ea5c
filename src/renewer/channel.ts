// The renewer's control channel: how post, and a release step later in the
// job, ask the detached renewer to let the lease go and hear how that went.
//
// Why a local socket (a named pipe on Windows) rather than signals or a
// request file:
// - It works the same on Linux, macOS and Windows, where a signal cannot be
//   caught (process.kill is TerminateProcess there) and has no answer.
// - It answers at once: no polling, so a handoff costs no poll interval and
//   an idle renewer no CPU.
// - Both ends prove who they are (proof.ts): the renewer first, because once
//   it has died anyone on the machine can listen at its address. The caller
//   sends nothing secret until the listener has proven it holds the key.
//   While a proven connection stays open the renewer cannot have exited, so
//   its pid cannot have been reused: that is the one moment post may end a
//   stuck renewer, and only by the pid main recorded when it started it.
// - It survives a later step emptying $RUNNER_TEMP (see channelAddress).
// - Any number of clients may ask, one after another: post, release steps.
// - Any local user can connect to it (an abstract socket is visible in
//   /proc/net/unix), so a connection costs the renewer little until it has
//   made a proven request: one that has not within HANDSHAKE_MS is closed,
//   and past MAX_UNPROVEN open ones a new connection closes the oldest that
//   has sent nothing (else the oldest). Idle connections cannot take the
//   descriptors the renewer needs to renew (20,000 of them once did), nor keep
//   out a caller, which sends its challenge as soon as it is connected.
//
// The protocol is JSON lines, two each way (proof.ts has the exchange): the
// caller's challenge, the renewer's proof, the caller's request with its own
// proof, then the renewer does what was asked, answers {type: 'report',
// report, log} and closes.

import { existsSync, mkdirSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { dirname } from 'node:path'
import { parseRenewerReport, type RenewerReport, type Requester } from './lifecycle.ts'
import { isSocketFile } from './platform.ts'
import { callerProof, isNonce, newNonce, renewerProof, sameProof } from './proof.ts'

/**
 * stop: release if still held, answer, and exit. release: release, answer, stay to answer post. report: just answer.
 * keep: stop renewing without releasing, answer, and exit (post made the lease a hold of the run: scope run).
 */
export type ChannelOp = 'stop' | 'release' | 'report' | 'keep'

export interface ChannelRequest {
  op: ChannelOp
  by: Requester
}

export interface RenewerAnswer {
  report: RenewerReport
  /** The renewer's latest log lines: post shows them even when the log file is gone. */
  log: string[]
}

/**
 * Where a renewer listens, and the key both ends prove themselves with; kept
 * in step state and given to release steps. The key never crosses the channel.
 */
export interface ChannelRef {
  address: string
  token: string
}

const MAX_REQUEST_BYTES = 4_096

/**
 * How long a connection may take, from connect, to make its proven request.
 * A caller sends its challenge at once and its request as soon as the proof
 * is in: milliseconds, even on a loaded runner.
 */
export const HANDSHAKE_MS = 5_000

/** The most connections open at once that have not made a proven request; a new one closes one of them. */
export const MAX_UNPROVEN = 32

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(line) as unknown
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function parseRequest(line: string): (ChannelRequest & { mac: unknown }) | undefined {
  const value = parseLine(line)
  const ops: unknown[] = ['stop', 'release', 'report', 'keep']
  const requesters: unknown[] = ['post', 'release step']
  if (!value || !ops.includes(value.op) || !requesters.includes(value.by)) return undefined
  return { op: value.op as ChannelOp, by: value.by as Requester, mac: value.mac }
}

/** Reads newline-delimited JSON from a socket, one line at a time, refusing a flood. */
function onLines(socket: Socket, limit: number, onLine: (line: string) => void): void {
  let buffered = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => {
    buffered += chunk
    if (buffered.length > limit) {
      socket.destroy()
      return
    }
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
      onLine(line)
    }
  })
}

export interface ChannelServer {
  readonly address: string
  /** Where the address is a socket file: listens again if a clean-up deleted it. Cheap: one stat. */
  keepListening(): Promise<void>
  close(): Promise<void>
}

export interface ServeOptions {
  /** Does what the request asks and returns the renewer's answer. */
  handle: (request: ChannelRequest) => Promise<RenewerAnswer>
  /** Called once an answer has been written out. */
  answered?: (request: ChannelRequest) => void
  /** For tests: HANDSHAKE_MS and MAX_UNPROVEN. */
  handshakeMs?: number
  maxUnproven?: number
}

function listenOn(server: Server, address: string): Promise<void> {
  if (isSocketFile(address)) mkdirSync(dirname(address), { recursive: true, mode: 0o700 })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(address, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** Listens for callers that prove they hold the key, after proving it holds it too. */
export async function serveChannel(ref: ChannelRef, options: ServeOptions): Promise<ChannelServer> {
  let server = createServer()
  const handshakeMs = options.handshakeMs ?? HANDSHAKE_MS
  const maxUnproven = options.maxUnproven ?? MAX_UNPROVEN
  /** Connections that have not made a proven request yet, oldest first, and whether each has sent its challenge. */
  const unproven = new Map<Socket, { challenged: boolean }>()
  const onConnection = (socket: Socket): void => {
    socket.on('error', () => undefined)
    if (unproven.size >= maxUnproven) {
      // The oldest that has said nothing: a caller sends its challenge at once. Else the oldest.
      const silent = [...unproven].find(([, state]) => !state.challenged)?.[0]
      const dropped = silent ?? unproven.keys().next().value!
      unproven.delete(dropped)
      dropped.destroy()
    }
    const state = { challenged: false }
    unproven.set(socket, state)
    const tooSlow = setTimeout(() => socket.destroy(), handshakeMs)
    tooSlow.unref()
    const settled = (): void => {
      clearTimeout(tooSlow)
      unproven.delete(socket)
    }
    socket.once('close', settled)
    let challenge: { caller: string; renewer: string } | undefined
    let asked = false
    const refuse = (): void => void socket.end(`${JSON.stringify({ type: 'refused' })}\n`)
    onLines(socket, MAX_REQUEST_BYTES, (line) => {
      if (asked) return
      if (!challenge) {
        const value = parseLine(line)
        if (value?.type !== 'challenge' || !isNonce(value.nonce)) {
          asked = true
          refuse()
          return
        }
        state.challenged = true
        challenge = { caller: value.nonce, renewer: newNonce() }
        const mac = renewerProof(ref.token, challenge.caller, challenge.renewer, process.pid)
        socket.write(`${JSON.stringify({ type: 'proof', pid: process.pid, nonce: challenge.renewer, mac })}\n`)
        return
      }
      asked = true
      const request = parseRequest(line)
      if (
        !request ||
        !sameProof(request.mac, callerProof(ref.token, challenge.renewer, challenge.caller, request.op, request.by))
      ) {
        refuse()
        return
      }
      const { op, by } = request
      settled()
      options.handle({ op, by }).then(
        (answer) =>
          socket.end(`${JSON.stringify({ type: 'report', ...answer })}\n`, () => options.answered?.({ op, by })),
        () => socket.destroy(),
      )
    })
  }
  server.on('connection', onConnection)
  await listenOn(server, ref.address)
  return {
    address: ref.address,
    async keepListening() {
      if (!isSocketFile(ref.address) || existsSync(ref.address)) return
      server.close()
      server = createServer()
      server.on('connection', onConnection)
      await listenOn(server, ref.address).catch(() => undefined)
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

// ---- The caller's side ------------------------------------------------------

export interface Conversation {
  /**
   * The renewer's pid once it has proven who it is (and the request has gone
   * out); 'impostor' when what listens failed the proof (it was told nothing,
   * and the line is closed); undefined if the line closed first.
   */
  proven: Promise<number | 'impostor' | undefined>
  /** The final answer; undefined if the line closed without one. */
  answer: Promise<RenewerAnswer | undefined>
  close(): void
}

/**
 * Connects and challenges what listens; sends the request only once it has
 * proven to be the renewer (and, when expectedPid is given, the renewer main
 * started). 'nothing listens' when no renewer is there (it exited or died).
 */
export function askRenewer(
  ref: ChannelRef,
  request: ChannelRequest,
  options: { connectTimeoutMs?: number; expectedPid?: number } = {},
): Promise<Conversation | 'nothing listens'> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 2_000
  return new Promise((resolve) => {
    const socket = createConnection(ref.address)
    const timer = setTimeout(() => {
      socket.destroy()
      resolve('nothing listens')
    }, connectTimeoutMs)
    socket.once('error', () => {
      clearTimeout(timer)
      resolve('nothing listens')
    })
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeAllListeners('error')
      socket.on('error', () => undefined)
      let onProven: (pid: number | 'impostor' | undefined) => void = () => undefined
      let onAnswer: (answer: RenewerAnswer | undefined) => void = () => undefined
      const proven = new Promise<number | 'impostor' | undefined>((done) => (onProven = done))
      const answer = new Promise<RenewerAnswer | undefined>((done) => (onAnswer = done))
      const callerNonce = newNonce()
      let trusted = false
      onLines(socket, 1_000_000, (line) => {
        const message = parseLine(line)
        if (!message) return
        if (!trusted) {
          // Until the proof checks out, whatever listens is a stranger: the first line must be a proof.
          const { pid, nonce, mac } = message
          const valid =
            message.type === 'proof' &&
            typeof pid === 'number' &&
            Number.isSafeInteger(pid) &&
            isNonce(nonce) &&
            sameProof(mac, renewerProof(ref.token, callerNonce, nonce, pid)) &&
            (options.expectedPid === undefined || pid === options.expectedPid)
          if (!valid) {
            onProven('impostor')
            onAnswer(undefined)
            socket.destroy()
            return
          }
          trusted = true
          const mac2 = callerProof(ref.token, nonce, callerNonce, request.op, request.by)
          socket.write(`${JSON.stringify({ op: request.op, by: request.by, mac: mac2 })}\n`)
          onProven(pid)
          return
        }
        if (message.type === 'report') {
          const report = parseRenewerReport(message.report)
          const log = Array.isArray(message.log) ? message.log.filter((l) => typeof l === 'string') : []
          onAnswer(report ? { report, log } : undefined)
        }
      })
      socket.once('close', () => {
        onProven(undefined)
        onAnswer(undefined)
      })
      socket.write(`${JSON.stringify({ type: 'challenge', nonce: callerNonce })}\n`)
      resolve({ proven, answer, close: () => socket.destroy() })
    })
  })
}
