// The renewer's control channel: how post, and a release step later in the
// job, ask the detached renewer to let the lease go and hear how that went.
//
// Why a local socket (a named pipe on Windows) rather than signals or a
// request file:
// - It works the same on Linux, macOS and Windows, where a signal cannot be
//   caught (process.kill is TerminateProcess there) and has no answer.
// - It answers at once: no polling, so a handoff costs no poll interval and
//   an idle renewer no CPU.
// - A live connection proves who answers. The renewer checks the caller's
//   token, then says its pid; while that connection stays open the process
//   cannot have exited, so its pid cannot have been reused. That is the one
//   moment a stuck renewer may be killed by pid, and no command line is read.
// - It survives a later step emptying $RUNNER_TEMP (see channelAddress).
// - Any number of clients may ask, one after another: post, release steps.
//
// The protocol is one JSON line each way and a last one back: the caller
// sends {token, op, by}; the renewer answers {type: 'hello', pid}, does what
// was asked, answers {type: 'report', report, log} and closes.

import { timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { dirname } from 'node:path'
import { parseRenewerReport, type RenewerReport, type Requester } from './lifecycle.ts'
import { isSocketFile } from './platform.ts'

/** stop: release if still held, answer, and exit. release: release, answer, stay to answer post. report: just answer. */
export type ChannelOp = 'stop' | 'release' | 'report'

export interface ChannelRequest {
  op: ChannelOp
  by: Requester
}

export interface RenewerAnswer {
  report: RenewerReport
  /** The renewer's latest log lines: post shows them even when the log file is gone. */
  log: string[]
}

/** Where a renewer listens and the token it obeys; kept in step state and given to release steps. */
export interface ChannelRef {
  address: string
  token: string
}

const MAX_REQUEST_BYTES = 4_096

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function parseRequest(line: string): (ChannelRequest & { token: unknown }) | undefined {
  try {
    const value = JSON.parse(line) as Record<string, unknown>
    const ops: unknown[] = ['stop', 'release', 'report']
    const requesters: unknown[] = ['post', 'release step']
    if (!ops.includes(value.op) || !requesters.includes(value.by)) return undefined
    return value as unknown as ChannelRequest & { token: unknown }
  } catch {
    return undefined
  }
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

/** Listens for requests that carry the token. */
export async function serveChannel(ref: ChannelRef, options: ServeOptions): Promise<ChannelServer> {
  let server = createServer()
  const onConnection = (socket: Socket): void => {
    socket.on('error', () => undefined)
    let asked = false
    onLines(socket, MAX_REQUEST_BYTES, (line) => {
      if (asked) return
      asked = true
      const request = parseRequest(line)
      if (!request || !sameToken(request.token, ref.token)) {
        socket.end(`${JSON.stringify({ type: 'refused' })}\n`)
        return
      }
      socket.write(`${JSON.stringify({ type: 'hello', pid: process.pid })}\n`)
      const { op, by } = request
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
  /** The renewer's pid once it has accepted the token; undefined if it refused or the line closed first. */
  hello: Promise<number | undefined>
  /** The final answer; undefined if the line closed without one. */
  answer: Promise<RenewerAnswer | undefined>
  close(): void
}

/** Connects and sends the request; 'nothing listens' when no renewer is there (it exited or died). */
export function askRenewer(
  ref: ChannelRef,
  request: ChannelRequest,
  connectTimeoutMs = 2_000,
): Promise<Conversation | 'nothing listens'> {
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
      let onHello: (pid: number | undefined) => void = () => undefined
      let onAnswer: (answer: RenewerAnswer | undefined) => void = () => undefined
      const hello = new Promise<number | undefined>((done) => (onHello = done))
      const answer = new Promise<RenewerAnswer | undefined>((done) => (onAnswer = done))
      onLines(socket, 1_000_000, (line) => {
        let message: Record<string, unknown>
        try {
          message = JSON.parse(line) as Record<string, unknown>
        } catch {
          return
        }
        if (message.type === 'hello' && typeof message.pid === 'number') onHello(message.pid)
        if (message.type === 'report') {
          const report = parseRenewerReport(message.report)
          const log = Array.isArray(message.log) ? message.log.filter((l) => typeof l === 'string') : []
          onAnswer(report ? { report, log } : undefined)
        }
      })
      socket.once('close', () => {
        onHello(undefined)
        onAnswer(undefined)
      })
      socket.write(`${JSON.stringify({ token: ref.token, ...request })}\n`)
      resolve({ hello, answer, close: () => socket.destroy() })
    })
  })
}
