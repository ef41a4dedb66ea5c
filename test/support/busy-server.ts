// A storage endpoint that is throttled for good: every request of every method
// is answered 503 ServerBusy, as Azure answers a throttled account (the
// x-ms-error-code header, and an XML error body except for HEAD). It counts
// what it was sent, so tests can tell how hard a client pressed it.

import { createServer, type Server } from 'node:http'
import { DEV_KEY } from './azurite.ts'

export class BusyServer {
  /** When each request came (Date.now()), in order. */
  readonly requests: number[] = []
  /** Sent as Retry-After (seconds) when set. */
  retryAfterSeconds: number | undefined
  private server: Server | undefined
  port = 0

  get blobEndpoint(): string {
    return `http://127.0.0.1:${this.port}/devstoreaccount1`
  }

  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=${this.blobEndpoint};`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(Date.now())
      req.resume()
      const headers: Record<string, string> = {
        'x-ms-error-code': 'ServerBusy',
        'content-type': 'application/xml',
        date: new Date().toUTCString(),
      }
      if (this.retryAfterSeconds !== undefined) headers['retry-after'] = String(this.retryAfterSeconds)
      res.writeHead(503, 'The server is busy.', headers)
      if (req.method === 'HEAD') res.end()
      else
        res.end(
          '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code>' +
            '<Message>The server is busy.</Message></Error>',
        )
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as { port: number }).port
    return this
  }

  /** Requests that came between two times (Date.now() values). */
  countBetween(from: number, to: number): number {
    return this.requests.filter((at) => at >= from && at <= to).length
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
