// Where the lock lives and how we sign in to it: endpoint plus credential,
// turned into a ContainerClient with retry settings that suit each caller.

import {
  AnonymousCredential,
  BlobServiceClient,
  ContainerClient,
  StorageSharedKeyCredential,
  newPipeline,
  type PipelineLike,
  type StorageRetryOptions,
} from '@azure/storage-blob'
import type { TokenCredential } from '@azure/core-auth'
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline'
import { monotonicNow } from './clock.ts'
import { UserError } from './errors.ts'

/** The credentials that are secrets in themselves: an account key or a SAS token. */
export type KeyAuth =
  { kind: 'shared-key'; accountName: string; accountKey: string } | { kind: 'sas'; sasToken: string }

/**
 * How requests are signed: with a key, a SAS, or an Entra ID token credential
 * that hands out short-lived access tokens (and refreshes them) on demand.
 */
export type StorageAuth = KeyAuth | { kind: 'token'; credential: TokenCredential }

/** The scope of an Entra ID access token for Azure Storage. */
export const STORAGE_SCOPE = 'https://storage.azure.com/.default'

export interface StorageTarget {
  /** Blob service endpoint without a query, e.g. https://acct.blob.core.windows.net */
  endpoint: string
  auth: StorageAuth
}

/** A target signed with a key or SAS: plain data that can be written down (it holds the secret itself). */
export interface KeyTarget extends StorageTarget {
  auth: KeyAuth
}

/** Why a piece of configuration is unusable. The message never contains the secret itself. */
export class StorageConfigError extends UserError {
  override name = 'StorageConfigError'
}

const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const DEV_ACCOUNT = 'devstoreaccount1'
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export function accountNameProblem(name: string): string | undefined {
  return ACCOUNT_NAME.test(name) ? undefined : 'expected 3 to 24 lowercase letters and digits'
}

export function accountKeyProblem(key: string): string | undefined {
  return BASE64.test(key) && key.length % 4 === 0 ? undefined : 'expected a base64 account key'
}

/** The token without a leading '?'; it must at least carry a signature. */
export function normalizeSasToken(token: string): string {
  const sas = token.trim().replace(/^\?/, '')
  if (!/(^|&)sig=[^&]+/.test(sas)) {
    throw new StorageConfigError("expected a SAS token such as 'sv=...&sp=...&sig=...' (it has no sig= part)")
  }
  return sas
}

/** An http(s) URL with no query or fragment, without a trailing slash. */
export function normalizeEndpoint(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    throw new StorageConfigError("expected an http(s) URL such as 'https://myaccount.blob.core.windows.net'")
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new StorageConfigError(`expected an http or https URL, not ${parsed.protocol}`)
  }
  if (parsed.search || parsed.hash || /[?#]/.test(url)) {
    throw new StorageConfigError('expected a URL without a query; give the SAS token on its own, not in the URL')
  }
  return parsed.toString().replace(/\/+$/, '')
}

export function defaultEndpoint(accountName: string, protocol = 'https', suffix = 'core.windows.net'): string {
  return `${protocol}://${accountName}.blob.${suffix}`
}

const CONNECTION_STRING_KEYS = new Set(
  [
    'DefaultEndpointsProtocol',
    'AccountName',
    'AccountKey',
    'SharedAccessSignature',
    'EndpointSuffix',
    'BlobEndpoint',
    'BlobSecondaryEndpoint',
    'QueueEndpoint',
    'TableEndpoint',
    'FileEndpoint',
    'UseDevelopmentStorage',
    'DevelopmentStorageProxyUri',
  ].map((key) => key.toLowerCase()),
)

/**
 * Reads an Azure Storage connection string: account key or SAS, with BlobEndpoint
 * or the endpoint built from AccountName, DefaultEndpointsProtocol and EndpointSuffix.
 */
export function parseConnectionString(text: string): KeyTarget {
  const fields = new Map<string, string>()
  for (const segment of text.trim().split(';')) {
    if (segment.trim() === '') continue
    const eq = segment.indexOf('=')
    if (eq <= 0) {
      throw new StorageConfigError("expected 'Key=Value' pairs separated by ';' (a part has no '=')")
    }
    const key = segment.slice(0, eq).trim().toLowerCase()
    // An unknown key is often a pasted secret: say so without echoing it.
    if (!CONNECTION_STRING_KEYS.has(key)) {
      throw new StorageConfigError(
        "expected 'Key=Value' pairs separated by ';' such as AccountName=...;AccountKey=... (a part is not a known setting)",
      )
    }
    fields.set(key, segment.slice(eq + 1).trim())
  }
  // Azure documents it as an HTTP proxy for the emulator's requests (the JavaScript SDK reads it so, older .NET
  // SDKs as the emulator's host). Ignoring it would talk to 127.0.0.1:10000 instead: refuse it. Not echoed: a
  // proxy URL can carry a password.
  if (fields.has('developmentstorageproxyuri')) {
    throw new StorageConfigError(
      "DevelopmentStorageProxyUri is not supported; give the emulator's address instead, as in " +
        `BlobEndpoint=http://<host>:10000/${DEV_ACCOUNT};AccountName=${DEV_ACCOUNT};AccountKey=...`,
    )
  }
  if (fields.get('usedevelopmentstorage')?.toLowerCase() === 'true') {
    return {
      endpoint: `http://127.0.0.1:10000/${DEV_ACCOUNT}`,
      auth: { kind: 'shared-key', accountName: DEV_ACCOUNT, accountKey: DEV_KEY },
    }
  }
  const accountName = fields.get('accountname')
  const accountKey = fields.get('accountkey')
  const sas = fields.get('sharedaccesssignature')
  const blobEndpoint = fields.get('blobendpoint')
  if (accountName !== undefined && accountNameProblem(accountName)) {
    throw new StorageConfigError(`AccountName is not a storage account name (${accountNameProblem(accountName)})`)
  }
  if (accountKey !== undefined && sas !== undefined) {
    throw new StorageConfigError('it has both AccountKey and SharedAccessSignature; keep one of them')
  }

  let endpoint: string
  if (blobEndpoint) {
    endpoint = normalizeEndpoint(blobEndpoint)
  } else if (accountName) {
    const protocol = (fields.get('defaultendpointsprotocol') ?? 'https').toLowerCase()
    if (protocol !== 'https' && protocol !== 'http') {
      throw new StorageConfigError('expected DefaultEndpointsProtocol=https or http')
    }
    endpoint = defaultEndpoint(accountName, protocol, fields.get('endpointsuffix') ?? 'core.windows.net')
  } else {
    throw new StorageConfigError('expected AccountName=... or BlobEndpoint=... in the connection string')
  }

  if (accountKey !== undefined) {
    if (!accountName) throw new StorageConfigError('AccountKey is given without AccountName')
    if (accountKeyProblem(accountKey)) throw new StorageConfigError('AccountKey is not a base64 key')
    return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } }
  }
  if (sas !== undefined) return { endpoint, auth: { kind: 'sas', sasToken: normalizeSasToken(sas) } }
  throw new StorageConfigError('expected AccountKey=... or SharedAccessSignature=... in the connection string')
}

/** The secret parts of a credential, to be masked in logs. */
export function secretsOf(credential: { kind: string; accountKey?: string; sasToken?: string }): string[] {
  if (credential.kind === 'shared-key' && credential.accountKey) return [credential.accountKey]
  if (credential.kind === 'sas' && credential.sasToken) return [credential.sasToken]
  // A token credential holds no long-lived secret; the tokens it fetches are short-lived and never logged.
  return []
}

/** The user agent prefix of the steps' requests. */
export const STEP_USER_AGENT = 'azure-mutex-action'
/** The user agent prefix of the renewer's requests. */
export const RENEWER_USER_AGENT = 'azure-mutex-action-renewer'

export interface ClientOptions {
  retry?: StorageRetryOptions
  /** The start of the User-Agent header, before the SDK's own; STEP_USER_AGENT when not given. */
  userAgent?: string
  /** Told of every try of every request (the debug log listens here). It must not throw; a throw is ignored. */
  observe?: RequestObserver
}

/** One try of one storage request, as an observer sees it. It holds no secret: no query but the operation's. */
export interface ObservedRequest {
  method: string
  /** The URL with its query cut down to the parameters that name the operation (comp, restype): no SAS. */
  url: string
  /** What a lease request does (acquire, renew, release, break), from its x-ms-lease-action header. */
  leaseAction?: string
  /** 1 for the first try of a request, 2 for the SDK's first retry of it, and so on. */
  attempt: number
  /** The HTTP status, when the service answered. */
  status?: number
  /** The service's x-ms-request-id, which Azure support asks for. */
  requestId?: string
  /** The service's x-ms-error-code, or the network error when there was no answer. */
  error?: string
  durationMs: number
}

export type RequestObserver = (request: ObservedRequest) => void

/** Query parameters that say which operation a request is; every other one (a SAS: sv, sig, se...) is left out. */
const OPERATION_PARAMETERS = new Set(['comp', 'restype'])

/** The URL as the debug log shows it: no user info, and no query parameter but comp and restype. */
export function redactedUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '(unparsable URL)'
  }
  const kept = [...parsed.searchParams].filter(([name]) => OPERATION_PARAMETERS.has(name.toLowerCase()))
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : ''
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`
}

/** "HEAD http://…/locks/deploy -> 200 (request id …, 12 ms)", for the debug log. */
export function describeRequest(request: ObservedRequest): string {
  const what = request.leaseAction ? ` (${request.leaseAction} lease)` : ''
  const retry = request.attempt > 1 ? `, retry ${request.attempt - 1}` : ''
  const outcome = [request.status, request.error].filter((part) => part !== undefined).join(' ') || 'no answer'
  const id = request.requestId ? `request id ${request.requestId}, ` : ''
  return `storage: ${request.method} ${request.url}${what} -> ${outcome} (${id}${request.durationMs} ms${retry})`
}

/**
 * A pipeline policy that runs after the SDK's retry policy, so it sees each
 * try: the SDK retries the same request object, which is how tries are counted.
 */
function observerPolicy(observe: RequestObserver): PipelinePolicy {
  const tries = new WeakMap<PipelineRequest, number>()
  const tell = (request: ObservedRequest): void => {
    try {
      observe(request)
    } catch {
      // Watching must never change what a request does.
    }
  }
  return {
    name: 'azureMutexRequestObserver',
    async sendRequest(request, next) {
      const attempt = (tries.get(request) ?? 0) + 1
      tries.set(request, attempt)
      const started = monotonicNow()
      const seen = {
        method: request.method,
        url: redactedUrl(request.url),
        leaseAction: request.headers.get('x-ms-lease-action') ?? undefined,
        attempt,
      }
      try {
        const response = await next(request)
        tell({
          ...seen,
          status: response.status,
          requestId: response.headers.get('x-ms-request-id') ?? undefined,
          error: response.headers.get('x-ms-error-code') ?? undefined,
          durationMs: Math.round(monotonicNow() - started),
        })
        return response
      } catch (err) {
        const failure = err as { code?: unknown; name?: unknown }
        tell({
          ...seen,
          error: typeof failure.code === 'string' ? failure.code : String(failure.name ?? 'error'),
          durationMs: Math.round(monotonicNow() - started),
        })
        throw err
      }
    },
  }
}

/**
 * A container client whose requests an observer sees. The SDK keeps one HTTP
 * pipeline per Pipeline object and shares it with the blob clients made from
 * this one, so the policy added here sees their requests too.
 */
class ObservedContainerClient extends ContainerClient {
  constructor(url: string, pipeline: PipelineLike, observe: RequestObserver) {
    super(url, pipeline)
    this.storageClientContext.pipeline.addPolicy(observerPolicy(observe), { afterPhase: 'Retry' })
  }
}

export function containerClientFor(
  target: StorageTarget,
  container: string,
  options: ClientOptions = {},
): ContainerClient {
  const { auth } = target
  if (auth.kind === 'token' && !target.endpoint.startsWith('https://')) {
    throw new StorageConfigError(
      `Entra ID tokens are sent only over https, and the blob endpoint ${target.endpoint} is http`,
    )
  }
  const credential =
    auth.kind === 'shared-key'
      ? new StorageSharedKeyCredential(auth.accountName, auth.accountKey)
      : auth.kind === 'token'
        ? auth.credential
        : new AnonymousCredential()
  const url = auth.kind === 'sas' ? `${target.endpoint}?${auth.sasToken}` : target.endpoint
  // The SDK reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment here (its proxy policy).
  const pipeline = newPipeline(credential, {
    retryOptions: options.retry,
    userAgentOptions: { userAgentPrefix: options.userAgent ?? STEP_USER_AGENT },
  })
  const client = new BlobServiceClient(url, pipeline).getContainerClient(container)
  return options.observe ? new ObservedContainerClient(client.url, pipeline, options.observe) : client
}

/**
 * SDK retry settings for the steps (main's waiter, post's own release): three
 * quick tries, so that a refused connection is reported within seconds
 * instead of the SDK's default minute. A stalled one is cut by the lock's
 * request deadline (lock-blob.ts), which covers all three.
 */
export const STEP_RETRY: StorageRetryOptions = {
  maxTries: 3,
  tryTimeoutInMs: 8_000,
  retryDelayInMs: 500,
  maxRetryDelayInMs: 2_000,
}
