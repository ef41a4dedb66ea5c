// A small forward proxy, as a corporate network puts between runners and the
// internet: HTTP requests in absolute form (GET http://host/path) are
// forwarded, and CONNECT opens a tunnel for https. It resolves the names it is
// given itself (`hosts`), so a test can use an endpoint name that nothing but
// the proxy can reach: a request that does not go through it fails.

import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { connect, type Socket } from 'node:net'

export interface ProxiedRequest {
  method: string
  /** host:port as the client asked for it. */
  target: string
  path: string
  /** The lease action of a lease request (acquire, renew, release, break), else the comp= parameter or ''. */
  kind: string
  status?: number
}

export class ForwardProxy {
  readonly log: ProxiedRequest[] = []
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()
  private readonly hosts: Record<string, string>
  port = 0

  /** `hosts` maps host:port as clients name it to the host:port the proxy connects to. */
  constructor(hosts: Record<string, string>) {
    this.hosts = hosts
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.forward(req, res))
    this.server.on('connect', (req, client: Socket, head: Buffer) => this.tunnel(req, client, head))
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as { port: number }).port
    return this
  }

  count(kind: string): number {
    return this.log.filter((r) => r.kind === kind).length
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private resolve(target: string): { host: string; port: number } | undefined {
    const mapped = this.hosts[target] ?? target
    const colon = mapped.lastIndexOf(':')
    if (colon < 0) return undefined
    return { host: mapped.slice(0, colon), port: Number(mapped.slice(colon + 1)) }
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    let url: URL
    try {
      url = new URL(req.url ?? '')
    } catch {
      // Not a proxy request (a path, not an absolute URL): a client that talks to the proxy as if it were the server.
      res.writeHead(400).end('absolute URL expected')
      return
    }
    const target = `${url.hostname}:${url.port || 80}`
    const entry: ProxiedRequest = {
      method: req.method ?? '',
      target,
      path: url.pathname,
      kind: String(req.headers['x-ms-lease-action'] ?? url.searchParams.get('comp') ?? ''),
    }
    this.log.push(entry)
    const upstream = this.resolve(target)
    if (!upstream) {
      res.writeHead(502).end()
      return
    }
    // Azurite reads the account from a Host that is a name (azurite.test -> account 'azurite'): give it the address.
    const headers: IncomingHttpHeaders = { ...req.headers, host: `${upstream.host}:${upstream.port}` }
    delete headers['proxy-connection']
    delete headers['proxy-authorization']
    const outgoing = request(
      { host: upstream.host, port: upstream.port, method: req.method, path: url.pathname + url.search, headers },
      (answer) => {
        entry.status = answer.statusCode
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    outgoing.on('error', () => res.destroy())
    req.pipe(outgoing)
  }

  private tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
    const target = req.url ?? ''
    this.log.push({ method: 'CONNECT', target, path: '', kind: 'connect' })
    const upstream = this.resolve(target)
    if (!upstream) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const server = connect(upstream.port, upstream.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) server.write(head)
      server.pipe(client)
      client.pipe(server)
    })
    server.on('error', () => client.destroy())
    client.on('error', () => server.destroy())
  }
}
