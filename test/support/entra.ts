// A stand-in for Entra ID, as much as @azure/identity (MSAL) needs for the
// client-credentials flow: the OpenID discovery document and the token
// endpoint. It knows apps with a client secret, or with federated credentials
// that accept a GitHub OIDC token of a given issuer, subject and audience,
// as Entra ID does. Access tokens are unsigned JWTs with the issuer and
// audience Azurite accepts, and a lifetime the test chooses.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { text } from 'node:stream/consumers'
import { closeServer, jwtClaims, testCert, unsignedJwt } from './tls.ts'

export const STORAGE_SCOPE = 'https://storage.azure.com/.default'

export interface EntraApp {
  clientId: string
  secret?: string
  /** Federated credentials: a GitHub token with this issuer, subject and audience signs the app in. */
  federated?: Array<{ issuer: string; subject: string; audience: string }>
}

export interface Entra {
  /** For AZURE_AUTHORITY_HOST. */
  readonly authorityHost: string
  readonly tenantId: string
  addApp(app: EntraApp): void
  /** Access tokens issued, in order. */
  readonly issued: Array<{ token: string; at: number; clientId: string; via: 'secret' | 'assertion' }>
  /** Token requests refused, with Entra's error code. */
  readonly refusals: string[]
  /** Lifetime of the access tokens issued from now on. */
  tokenLifetimeSeconds: number
  stop(): Promise<void>
}

interface TokenAnswer {
  status: number
  body: Record<string, unknown>
}

function refuse(code: string, description: string): TokenAnswer {
  return { status: 400, body: { error: code, error_description: description, error_codes: [70021] } }
}

export async function startEntra(tenantId = randomUUID()): Promise<Entra> {
  const { cert, key } = testCert()
  const apps = new Map<string, EntraApp>()
  const issued: Entra['issued'] = []
  const refusals: string[] = []
  const entra = { tokenLifetimeSeconds: 3600 }
  let base = ''

  function token(form: URLSearchParams): TokenAnswer {
    const app = apps.get(form.get('client_id') ?? '')
    if (form.get('grant_type') !== 'client_credentials') return refuse('unsupported_grant_type', 'AADSTS70003')
    if (!app) return refuse('unauthorized_client', 'AADSTS700016: Application not found in the directory.')
    if (form.get('scope') !== STORAGE_SCOPE) return refuse('invalid_scope', 'AADSTS70011: The scope is not valid.')
    let via: 'secret' | 'assertion'
    const assertion = form.get('client_assertion')
    if (assertion) {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        return refuse('invalid_request', 'AADSTS50027: Invalid client assertion type.')
      }
      const claims = jwtClaims(assertion)
      if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
        return refuse('invalid_client', 'AADSTS700024: Client assertion is not within its valid time range.')
      }
      const match = app.federated?.some(
        (f) => f.issuer === claims.iss && f.subject === claims.sub && f.audience === claims.aud,
      )
      if (!match) {
        return refuse(
          'invalid_client',
          `AADSTS70021: No matching federated identity record found for presented assertion subject '${String(claims.sub)}'.`,
        )
      }
      via = 'assertion'
    } else if (app.secret !== undefined && form.get('client_secret') === app.secret) {
      via = 'secret'
    } else {
      return refuse('invalid_client', 'AADSTS7000215: Invalid client secret provided.')
    }
    const now = Math.floor(Date.now() / 1000)
    const accessToken = unsignedJwt({
      aud: 'https://storage.azure.com',
      iss: `https://sts.windows.net/${tenantId}/`,
      tid: tenantId,
      appid: app.clientId,
      oid: app.clientId,
      iat: now,
      nbf: now - 5,
      exp: now + entra.tokenLifetimeSeconds,
      uti: randomUUID(),
    })
    issued.push({ token: accessToken, at: Date.now(), clientId: app.clientId, via })
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: entra.tokenLifetimeSeconds,
        ext_expires_in: entra.tokenLifetimeSeconds,
        access_token: accessToken,
      },
    }
  }

  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', base)
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname)
    if (req.method === 'GET' && discovery) {
      const tenant = discovery[1]
      json(200, {
        issuer: `${base}/${tenant}/v2.0`,
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      })
      return
    }
    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname)
    if (req.method === 'POST' && tokenPath) {
      void text(req).then((body) => {
        const answer =
          tokenPath[1] === tenantId
            ? token(new URLSearchParams(body))
            : refuse('invalid_request', `AADSTS90002: Tenant '${tokenPath[1]}' not found.`)
        if (answer.status !== 200) refusals.push(String(answer.body.error_description))
        json(answer.status, answer.body)
      })
      return
    }
    json(404, { error: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(entra, {
    authorityHost: base,
    tenantId,
    issued,
    refusals,
    addApp: (app: EntraApp) => void apps.set(app.clientId, app),
    stop: () => closeServer(server),
  })
}
