// An HTTP proxy between the action's processes and Azurite that injects the
// faults a real network and a busy storage service produce: dropped traffic
// (requests hang, unanswered), latency, reset connections, and a share of
// requests answered 500 or 503 ServerBusy the way Azure throttles. Loopback
// only; tests switch faults on and off while jobs wait or hold the lock.

import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { RENEWER_USER_AGENT } from '../../src/lock/storage.ts'
import { DEV_KEY } from './azurite.ts'

export interface Faults {
  /** Hold every request unanswered until this is switched off; then the held connections are cut. */
  drop?: boolean
  /** Delay before forwarding each request, in ms. */
  latencyMs?: number
  /** Cut each new connection, unanswered, as soon as its first request has come (logged with outcome 'reset'). */
  reset?: boolean
  /** Share of requests (0..1) answered with this status instead of being forwarded, at random. */
  errorRate?: number
  /** Answer every n-th request of each kind with this status: with 2, half of them, and never two in a row. */
  errorEvery?: number
  errorStatus?: 500 | 503
  /** Answer the requests this picks with errorStatus (503 unless set), as if storage refused them. */
  failIf?: (req: IncomingMessage) => boolean
  /** Hold (unanswered) the requests this picks, until release() is called. */
  hold?: (req: IncomingMessage) => boolean
  /**
   * Send each answer's Date header twice, as a proxy that adds its own does:
   * Node joins the two into one value that no date parser reads.
   */
  doubleDate?: boolean
}

export interface RequestLog {
  at: number
  method: string
  /** The lease action (acquire, renew, release, break) or the comp= of the request. */
  kind: string
  outcome: 'forwarded' | 'dropped' | 'reset' | 'injected' | 'held'
  /** Which process sent it, by its user agent: the renewer, or a step (main, post, a sub-action) or a test's client. */
  by: 'renewer' | 'other'
  status?: number
  /** When storage's answer (or the injected one) reached the proxy. */
  answeredAt?: number
  /** The request's path (which blob), without the query. */
  path?: string
  /** The lease id the request proposes or carries (x-ms-proposed-lease-id, else x-ms-lease-id): a lease-id log. */
  leaseId?: string
  /** The proposed lease id alone (x-ms-proposed-lease-id): the id an acquire or a change asks for. */
  proposedLeaseId?: string
}

export class FaultProxy {
  readonly log: RequestLog[] = []
  /** TCP connections opened to the proxy (also those that reset cuts). */
  connections = 0
  private faults: Faults = {}
  private server: Server | undefined
  private readonly hanging = new Set<Socket>()
  private readonly sockets = new Set<Socket>()
  private readonly held: Array<() => void> = []
  private readonly seenOfKind = new Map<string, number>()
  private targetPort: number
  port = 0

  constructor(targetPort: number) {
    this.targetPort = targetPort
  }

  /** A connection string for the dev account that goes through the proxy. */
  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=${this.blobEndpoint};`
  }

  /** Path-style endpoint of the dev account through the proxy. */
  get blobEndpoint(): string {
    return `http://127.0.0.1:${this.port}/devstoreaccount1`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.on('connection', (socket) => {
      this.connections++
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
      if (!this.faults.reset) return
      // Cut once the request's head has come, so that the log can say who sent it; the client gets no answer.
      socket.once('data', (head: Buffer) => {
        const text = head.toString('latin1')
        const by = sentBy(/^user-agent:[ \t]*(.*)$/im.exec(text)?.[1] ?? '')
        this.log.push({ at: Date.now(), method: text.split(' ', 1)[0]!, kind: 'cut', outcome: 'reset', by })
        socket.destroy()
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as { port: number }).port
    return this
  }

  /** Replaces the active faults. Switching drop off cuts the connections it held. */
  set(faults: Faults): void {
    const wasDropping = this.faults.drop
    this.faults = { ...faults }
    this.seenOfKind.clear()
    if (faults.reset) for (const socket of this.sockets) socket.destroy()
    if (wasDropping && !faults.drop) {
      for (const socket of this.hanging) socket.destroy()
      this.hanging.clear()
    }
  }

  /** Lets the requests held by `hold` through, in order. */
  release(): void {
    for (const forward of this.held.splice(0)) forward()
  }

  /** Points the proxy at another upstream port (an Azurite restarted elsewhere). */
  retarget(port: number): void {
    this.targetPort = port
  }

  count(kind: string, outcome?: RequestLog['outcome']): number {
    return this.log.filter((r) => r.kind === kind && (!outcome || r.outcome === outcome)).length
  }

  async stop(): Promise<void> {
    this.release()
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy')
    const kind = String(
      req.headers['x-ms-lease-action'] ?? url.searchParams.get('comp') ?? (req.method === 'HEAD' ? 'head' : req.method),
    )
    const by = sentBy(String(req.headers['user-agent'] ?? ''))
    const leaseId = req.headers['x-ms-proposed-lease-id'] ?? req.headers['x-ms-lease-id']
    const entry: RequestLog = {
      at: Date.now(),
      method: req.method ?? '',
      kind,
      outcome: 'forwarded',
      by,
      path: decodeURIComponent(url.pathname),
      ...(typeof leaseId === 'string' ? { leaseId } : {}),
      ...(typeof req.headers['x-ms-proposed-lease-id'] === 'string'
        ? { proposedLeaseId: req.headers['x-ms-proposed-lease-id'] }
        : {}),
    }
    this.log.push(entry)
    const faults = this.faults
    if (faults.drop) {
      entry.outcome = 'dropped'
      this.hanging.add(req.socket)
      req.resume()
      return
    }
    if (faults.hold?.(req)) {
      entry.outcome = 'held'
      const body = await collect(req)
      this.held.push(() => void this.forward(req, body, res, entry))
      return
    }
    const nth = (this.seenOfKind.get(kind) ?? 0) + 1
    this.seenOfKind.set(kind, nth)
    const pick = faults.errorEvery ? nth % faults.errorEvery === 1 % faults.errorEvery : false
    if (pick || faults.failIf?.(req) || (faults.errorRate && Math.random() < faults.errorRate)) {
      const status = faults.errorStatus ?? 503
      const code = status === 503 ? 'ServerBusy' : 'InternalError'
      entry.outcome = 'injected'
      entry.status = status
      entry.answeredAt = Date.now()
      req.resume()
      res.writeHead(status, { 'x-ms-error-code': code, 'content-type': 'application/xml' })
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>Injected by the fault proxy.</Message></Error>`,
      )
      return
    }
    const body = await collect(req)
    if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs))
    await this.forward(req, body, res, entry)
  }

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse, entry: RequestLog): Promise<void> {
    return new Promise((resolve) => {
      const upstream = request(
        { host: '127.0.0.1', port: this.targetPort, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          entry.status = answer.statusCode
          entry.answeredAt = Date.now()
          const headers = { ...answer.headers }
          if (this.faults.doubleDate && headers.date) {
            res.setHeader('date', [headers.date, headers.date])
            delete headers.date
          }
          res.writeHead(answer.statusCode ?? 502, headers)
          answer.pipe(res)
          answer.on('end', resolve)
        },
      )
      upstream.on('error', () => {
        req.socket.destroy()
        resolve()
      })
      upstream.end(body)
    })
  }
}

function collect(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sentBy(userAgent: string): RequestLog['by'] {
  return userAgent.startsWith(RENEWER_USER_AGENT) ? 'renewer' : 'other'
}
