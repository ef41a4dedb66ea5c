// A stand-in for the runner's OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL):
// it checks the bearer request token, mints a GitHub-style OIDC token for the
// audience asked for, and counts and remembers what it handed out.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { closeServer, testCert, unsignedJwt } from './tls.ts'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export interface GitHubOidc {
  /** ACTIONS_ID_TOKEN_REQUEST_URL, with a query as GitHub's has. */
  readonly requestUrl: string
  /** Lets the holder of requestToken get tokens whose subject is `subject`; returns the request token. */
  grant(subject: string): string
  /** Tokens issued so far, in order, with when. */
  readonly issued: Array<{ token: string; at: number; subject: string; audience: string }>
  /** Requests refused for a missing or unknown request token. */
  refused: number
  /** Lifetime of the tokens minted from now on. */
  lifetimeSeconds: number
  stop(): Promise<void>
}

export async function startGitHubOidc(): Promise<GitHubOidc> {
  const { cert, key } = testCert()
  const grants = new Map<string, string>()
  const issued: GitHubOidc['issued'] = []
  const oidc = { refused: 0, lifetimeSeconds: 300 }
  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    const auth = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')
    const subject = auth ? grants.get(auth[1]!) : undefined
    if (req.method !== 'GET' || url.pathname !== '/idtoken') {
      res.writeHead(404).end()
      return
    }
    if (!subject) {
      oidc.refused++
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}')
      return
    }
    const audience = url.searchParams.get('audience') ?? 'https://github.com/octo'
    const now = Math.floor(Date.now() / 1000)
    const token = unsignedJwt({
      iss: GITHUB_ISSUER,
      aud: audience,
      sub: subject,
      jti: randomUUID(),
      iat: now,
      nbf: now - 5,
      exp: now + oidc.lifetimeSeconds,
    })
    issued.push({ token, at: Date.now(), subject, audience })
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: token, count: 1 }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(oidc, {
    requestUrl: `https://127.0.0.1:${port}/idtoken?api-version=2.0`,
    issued,
    grant(subject: string): string {
      const requestToken = `req-${randomUUID()}`
      grants.set(requestToken, subject)
      return requestToken
    },
    stop: () => closeServer(server),
  })
}
