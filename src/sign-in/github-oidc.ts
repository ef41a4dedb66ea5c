// Entra ID through GitHub's OIDC token: a federated credential trades the
// job's OIDC token for storage tokens. GitHub's token lives a few minutes, so
// the credential asks GitHub for a new one every time Entra ID needs an
// assertion. The request token that allows this is a secret: it reaches the
// renewer through its private pipe only, and no token is ever logged.

import type { ClientAssertionCredential } from '@azure/identity'
import { UserError } from '../lock/errors.ts'
import { authorityOptions, identity } from './entra-id.ts'
import type { FederatedAuth } from './methods.ts'

/** Where and with what a step asks GitHub for an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN). */
export interface OidcRequest {
  url: string
  token: string
}

/** GitHub did not hand out an OIDC token. Another try may succeed, so it carries no status code. */
export class OidcTokenError extends UserError {
  override name = 'OidcTokenError'
}

/** One fresh GitHub OIDC token for the audience. Never logged; the caller may mask it. */
export async function fetchGitHubIdToken(request: OidcRequest, audience: string): Promise<string> {
  // Loaded here, not at start-up: the client brings undici, which jobs with a key or SAS never need.
  const [{ HttpClient }, { BearerCredentialHandler }] = await Promise.all([
    import('@actions/http-client'),
    import('@actions/http-client/lib/auth'),
  ])
  const client = new HttpClient('azure-mutex-action', [new BearerCredentialHandler(request.token)], {
    allowRetries: true,
    maxRetries: 3,
    socketTimeout: 10_000,
  })
  const url = `${request.url}${request.url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`
  try {
    const response = await client.getJson<{ value?: unknown }>(url)
    const token = response.result?.value
    if (typeof token !== 'string' || token === '') {
      throw new OidcTokenError(`GitHub answered ${response.statusCode} without an OIDC token.`)
    }
    return token
  } catch (err) {
    if (err instanceof OidcTokenError) throw err
    const status = (err as { statusCode?: number }).statusCode
    throw new OidcTokenError(
      `GitHub did not issue an OIDC token (${status ? `HTTP ${status}` : ((err as Error).message ?? 'no answer')}).`,
    )
  } finally {
    client.dispose()
  }
}

/** The claims of a JWT that help a user match a federated credential; the token itself is never shown. */
export function claimsOf(jwt: string): { sub?: string; iss?: string; aud?: string | string[] } {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string }
  } catch {
    return {}
  }
}

export interface FederatedOptions {
  env?: NodeJS.ProcessEnv
  /** Called with every GitHub token fetched, e.g. to mask it. */
  onIdToken?: (token: string) => void
}

/** A credential that fetches a fresh GitHub OIDC token whenever Entra ID needs an assertion. */
export async function federatedCredential(
  auth: FederatedAuth,
  request: OidcRequest,
  options: FederatedOptions = {},
): Promise<ClientAssertionCredential & { lastSubject: () => string | undefined }> {
  let subject: string | undefined
  const { ClientAssertionCredential } = await identity()
  const credential = new ClientAssertionCredential(
    auth.tenantId,
    auth.clientId,
    async () => {
      const token = await fetchGitHubIdToken(request, auth.audience)
      options.onIdToken?.(token)
      subject = claimsOf(token).sub
      return token
    },
    authorityOptions(options.env ?? process.env),
  )
  return Object.assign(credential, { lastSubject: () => subject })
}
