// Signing in to storage with Entra ID, in the two ways a workflow can: a
// federated credential that trades GitHub's OIDC token for an access token, and
// whatever Azure credential the runner already has (the ambient chain).
//
// GitHub's OIDC token lives a few minutes, so the federated credential asks
// GitHub for a new one every time Entra ID needs an assertion. The request token
// that allows this is a secret: it reaches the renewer on stdin only, and no
// token of any kind is ever logged.

import type { TokenCredential } from '@azure/core-auth'
import type { ClientAssertionCredential } from '@azure/identity'
import { STORAGE_SCOPE, type StorageTarget } from '../lock/storage.ts'
import { Inputs } from './constants.ts'
import type { StorageAccess } from './inputs.ts'

/** Where and with what a step asks GitHub for an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN). */
export interface OidcRequest {
  url: string
  token: string
}

/**
 * @azure/identity is loaded only when a job signs in with Entra ID: it is a large
 * library, and jobs with a key or SAS (and their renewers) need none of it.
 */
const identity = (): Promise<typeof import('@azure/identity')> => import('@azure/identity')

/** A sign-in failure the user can act on; the message is one line and holds no token. */
export class EntraSignInError extends Error {
  override name = 'EntraSignInError'
}

/** GitHub did not hand out an OIDC token. Another try may succeed, so it carries no status code. */
export class OidcTokenError extends Error {
  override name = 'OidcTokenError'
}

export function oidcRequestFromEnv(env: NodeJS.ProcessEnv = process.env): OidcRequest {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!url || !token) {
    throw new EntraSignInError(
      `'${Inputs.ClientId}' and '${Inputs.TenantId}' sign in with GitHub's OIDC token, but this job may not request one: ` +
        "add 'permissions: id-token: write' to the job or the workflow. (Pull requests from forks never get one.)",
    )
  }
  return { url, token }
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
      throw new OidcTokenError(`GitHub answered ${response.statusCode} without an OIDC token`)
    }
    return token
  } catch (err) {
    if (err instanceof OidcTokenError) throw err
    const status = (err as { statusCode?: number }).statusCode
    throw new OidcTokenError(
      `GitHub did not issue an OIDC token (${status ? `HTTP ${status}` : ((err as Error).message ?? 'no answer')})`,
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

const KNOWN_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
])

/**
 * Entra ID's address: AZURE_AUTHORITY_HOST when set, else the public cloud.
 * A host that is not one of Microsoft's clouds (Azure Stack, or a local
 * stand-in) cannot be checked against Microsoft's instance list, so that
 * check is turned off for it: whoever sets the variable vouches for the host.
 */
export function authorityOptions(env: NodeJS.ProcessEnv): {
  authorityHost?: string
  disableInstanceDiscovery?: boolean
} {
  const host = env.AZURE_AUTHORITY_HOST
  if (!host) return {}
  let hostname: string
  try {
    hostname = new URL(host).hostname.toLowerCase()
  } catch {
    return {}
  }
  return { authorityHost: host, disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(hostname) }
}

export interface FederatedOptions {
  env?: NodeJS.ProcessEnv
  /** Called with every GitHub token fetched, e.g. to mask it. */
  onIdToken?: (token: string) => void
}

/** A credential that fetches a fresh GitHub OIDC token whenever Entra ID needs an assertion. */
export async function federatedCredential(
  auth: Extract<StorageAccess['auth'], { kind: 'federated' }>,
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

// ---- The ambient chain ----------------------------------------------------

export type AmbientSource = 'environment' | 'workload-identity' | 'managed-identity' | 'azure-cli'

export interface AmbientCandidate {
  source: AmbientSource
  /** How the log line names it. */
  label: string
  /** What to do so that this one works. */
  fix: string
  /** Why it cannot work here without trying, or undefined to try it. */
  missing: (env: NodeJS.ProcessEnv) => string | undefined
  create: (env: NodeJS.ProcessEnv) => Promise<TokenCredential>
  /** The longest a first token may take before we move on. */
  timeoutMs: number
}

const AMBIENT_CHAIN: AmbientCandidate[] = [
  {
    source: 'environment',
    label:
      'environment variables (a service principal in AZURE_TENANT_ID, AZURE_CLIENT_ID and a secret or certificate)',
    fix: 'set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)',
    missing: (env) =>
      !env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID
        ? 'AZURE_TENANT_ID and AZURE_CLIENT_ID are not both set'
        : !env.AZURE_CLIENT_SECRET && !env.AZURE_CLIENT_CERTIFICATE_PATH
          ? 'neither AZURE_CLIENT_SECRET nor AZURE_CLIENT_CERTIFICATE_PATH is set'
          : undefined,
    create: async (env) => new (await identity()).EnvironmentCredential(authorityOptions(env)),
    timeoutMs: 20_000,
  },
  {
    source: 'workload-identity',
    label: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
    fix: "on Kubernetes, enable workload identity for the runner pod's service account",
    missing: (env) =>
      !env.AZURE_FEDERATED_TOKEN_FILE || !env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID
        ? 'AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID and AZURE_CLIENT_ID are not all set'
        : undefined,
    create: async (env) =>
      new (await identity()).WorkloadIdentityCredential({
        tenantId: env.AZURE_TENANT_ID,
        clientId: env.AZURE_CLIENT_ID,
        tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
        ...authorityOptions(env),
      }),
    timeoutMs: 20_000,
  },
  {
    source: 'managed-identity',
    label: 'the managed identity of this machine',
    fix: 'on a self-hosted runner in Azure, give the VM a managed identity (and set AZURE_CLIENT_ID for a user-assigned one)',
    missing: () => undefined,
    create: async (env) =>
      new (await identity()).ManagedIdentityCredential(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
    // Off Azure the metadata endpoint may never answer: do not wait long for it.
    timeoutMs: 5_000,
  },
  {
    source: 'azure-cli',
    label: 'the Azure CLI session (az login, or azure/login earlier in the job)',
    fix: "run azure/login earlier in the job (its OIDC session lasts about 5 minutes; prefer 'client-id' and 'tenant-id' for long jobs)",
    missing: () => undefined,
    create: async (env) =>
      new (await identity()).AzureCliCredential({
        processTimeoutInMs: 15_000,
        tenantId: env.AZURE_TENANT_ID || undefined,
      }),
    timeoutMs: 20_000,
  },
]

export function ambientLabel(source: AmbientSource): string {
  return AMBIENT_CHAIN.find((candidate) => candidate.source === source)?.label ?? source
}

/** The credential of one ambient source, without trying it (the renewer uses what main found). */
export async function ambientCredential(
  source: AmbientSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TokenCredential> {
  const candidate = AMBIENT_CHAIN.find((c) => c.source === source)
  if (!candidate) throw new EntraSignInError(`Unknown Azure credential source '${source}'.`)
  return candidate.create(env)
}

/** The first line of an SDK message, short enough for a list. */
function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text
  return line.length > 200 ? `${line.slice(0, 197)}...` : line.trim()
}

async function firstToken(credential: TokenCredential, timeoutMs: number): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no token within ${timeoutMs / 1000} s`)), timeoutMs)
  })
  try {
    const token = await Promise.race([credential.getToken(STORAGE_SCOPE, { abortSignal: signal }), timeout])
    if (!token) throw new Error('no token returned')
  } finally {
    clearTimeout(timer)
  }
}

export interface AmbientFound {
  source: AmbientSource
  label: string
  credential: TokenCredential
}

/**
 * Tries the ambient sources in order and returns the first that yields a
 * storage token. When none does, the error lists each one, why it failed,
 * and how to make it work.
 */
export async function findAmbientCredential(
  env: NodeJS.ProcessEnv = process.env,
  chain: AmbientCandidate[] = AMBIENT_CHAIN,
): Promise<AmbientFound> {
  const tried: string[] = []
  for (const candidate of chain) {
    const missing = candidate.missing(env)
    if (missing) {
      tried.push(`${candidate.source}: ${missing}; to use it, ${candidate.fix}`)
      continue
    }
    const credential = await candidate.create(env)
    try {
      await firstToken(credential, candidate.timeoutMs)
      return { source: candidate.source, label: candidate.label, credential }
    } catch (err) {
      tried.push(`${candidate.source}: ${firstLine(err)}; to use it, ${candidate.fix}`)
    }
  }
  throw new EntraSignInError(
    `No Azure credential found for '${Inputs.AccountName}' without a key, SAS or '${Inputs.ClientId}'. ` +
      `Tried, in order: ${tried.map((t, i) => `(${i + 1}) ${t}`).join('; ')}. ` +
      `Or sign in with GitHub's OIDC token: set '${Inputs.ClientId}' and '${Inputs.TenantId}' and 'permissions: id-token: write'.`,
  )
}

// ---- From inputs to a signed-in target ------------------------------------

export interface SignedIn {
  target: StorageTarget
  /** For the log: which credential signs the requests. */
  description: string
  /** For ambient sign-in, the source that worked, so later processes skip the search. */
  ambientSource?: AmbientSource
}

export interface SignInOptions {
  env?: NodeJS.ProcessEnv
  /** Needed for federated sign-in; read from the environment when not given. */
  oidcRequest?: OidcRequest
  onIdToken?: (token: string) => void
  /** For ambient sign-in: use this source instead of searching the chain. */
  ambientSource?: AmbientSource
  /** Get one token before returning, so that a wrong setup fails here with a clear message. */
  check?: boolean
}

export async function signIn(access: StorageAccess, options: SignInOptions = {}): Promise<SignedIn> {
  const env = options.env ?? process.env
  const { auth, endpoint } = access
  if (auth.kind === 'shared-key' || auth.kind === 'sas') {
    return { target: { endpoint, auth }, description: auth.kind === 'sas' ? 'a SAS token' : 'the account key' }
  }
  if (auth.kind === 'federated') {
    const request = options.oidcRequest ?? oidcRequestFromEnv(env)
    const credential = await federatedCredential(auth, request, { env, onIdToken: options.onIdToken })
    if (options.check) {
      try {
        await firstToken(credential, 60_000)
      } catch (err) {
        throw federatedFailure(err, auth, credential.lastSubject())
      }
    }
    return {
      target: { endpoint, auth: { kind: 'token', credential } },
      description: `Entra ID through GitHub's OIDC token (client id ${auth.clientId}, tenant ${auth.tenantId})`,
    }
  }
  if (options.ambientSource) {
    return {
      target: { endpoint, auth: { kind: 'token', credential: await ambientCredential(options.ambientSource, env) } },
      description: `Entra ID with ${ambientLabel(options.ambientSource)}`,
      ambientSource: options.ambientSource,
    }
  }
  const found = await findAmbientCredential(env)
  return {
    target: { endpoint, auth: { kind: 'token', credential: found.credential } },
    description: `Entra ID with ${found.label}`,
    ambientSource: found.source,
  }
}

function federatedFailure(
  err: unknown,
  auth: Extract<StorageAccess['auth'], { kind: 'federated' }>,
  subject: string | undefined,
): EntraSignInError {
  if (err instanceof EntraSignInError) return err
  if (err instanceof OidcTokenError) return new EntraSignInError(`${err.message}.`)
  const cause = firstLine(err)
  const match = subject
    ? ` The GitHub token's subject was '${subject}': the app's federated credential must name exactly this subject, with audience '${auth.audience}'.`
    : ''
  return new EntraSignInError(
    `Entra ID did not sign in client id ${auth.clientId} in tenant ${auth.tenantId} with GitHub's OIDC token: ${cause}.${match}`,
  )
}

/** True for the errors @azure/identity raises when it cannot get a token. */
export function isIdentityError(err: unknown): boolean {
  const name = typeof err === 'object' && err !== null ? (err as { name?: string }).name : undefined
  return (
    name === 'AuthenticationError' ||
    name === 'CredentialUnavailableError' ||
    name === 'AggregateAuthenticationError' ||
    name === 'AuthenticationRequiredError'
  )
}

/** One line for an identity error that surfaced from a storage request. */
export function describeIdentityError(err: unknown): string {
  return `Entra ID sign-in failed: ${firstLine(err)}`
}
