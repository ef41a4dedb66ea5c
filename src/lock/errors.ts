// How the lock core reads failures from storage: the error code Azure gave,
// whether another try may succeed, and a plain sentence for people.

import { showUntrusted } from './untrusted-text.ts'

/**
 * A failure the user can act on. Its message is one line that says what is
 * wrong and what to do, and it is shown as is, without a stack. Every error
 * meant for people extends it, so the action layer checks one type.
 */
export class UserError extends Error {
  override name = 'UserError'
}

/** A failure of the lock itself: a timeout, a cancel, a lease that could not be kept. */
export class LockError extends UserError {
  override name = 'LockError'
}

/** Raised when the wait for the lease passes its limit. */
export class LockTimeoutError extends LockError {
  override name = 'LockTimeoutError'
}

/** Raised when the wait is abandoned because the step is being cancelled. */
export class LockCancelledError extends LockError {
  override name = 'LockCancelledError'
}

interface StorageErrorShape {
  statusCode?: number
  code?: string
  name?: string
  details?: { errorCode?: string }
}

/** Azure's error code (from the body, or the x-ms-error-code header on HEAD), or a Node network code. */
export function storageErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const e = err as StorageErrorShape
  const code = e.details?.errorCode ?? e.code
  // DOMExceptions (an aborted signal's reason) carry a legacy numeric code: not an Azure code.
  return typeof code === 'string' ? code : undefined
}

export function statusCode(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  return (err as StorageErrorShape).statusCode
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
  'REQUEST_SEND_ERROR',
])

/**
 * A request that got no answer within its client-side deadline. The SDK's own
 * tryTimeoutInMs only asks the service to give up; a stalled connection is cut
 * only by an abort signal, and this says which deadline it was.
 */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError'
  readonly code = 'ETIMEDOUT'
  readonly timeoutMs: number
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs / 1000} s`)
    this.timeoutMs = timeoutMs
  }
}

export function isAbort(err: unknown): boolean {
  const name = typeof err === 'object' && err !== null ? (err as StorageErrorShape).name : undefined
  return name === 'AbortError' || name === 'TimeoutError'
}

/**
 * Failures another try may cure: throttling (408, 429), server errors (5xx),
 * a lost or refused connection, and our own request deadline. Nothing else:
 * an answer such as 409 or 412, our own errors (a counter that holds garbage,
 * a queue full of strangers' entries) and an error of unknown kind would fail
 * the same way again, so the wait ends on them with one line instead of
 * looping on them until its timeout.
 */
export function isTransient(err: unknown): boolean {
  // Our own errors say what is wrong; another try would only say it again.
  if (err instanceof UserError) return false
  const status = statusCode(err)
  if (status !== undefined && (status === 408 || status === 429 || status >= 500)) return true
  if (status !== undefined && status > 0) return false
  if (err instanceof RequestTimeoutError || isAbort(err)) return true
  const code = storageErrorCode(err)
  return code !== undefined && NETWORK_CODES.has(code)
}

/** Storage asks clients to slow down: 503 ServerBusy (Azure's throttling), or 429 from whatever fronts it. */
export function isThrottled(err: unknown): boolean {
  return statusCode(err) === 429 || storageErrorCode(err) === 'ServerBusy'
}

/** The longest Retry-After we honour: a wait's own deadline and the loop's back-off cap bound it anyway. */
const MAX_RETRY_AFTER_MS = 60_000

/**
 * The Retry-After of a storage answer, in ms (seconds, or an HTTP date
 * measured against the same answer's Date header); undefined when there is none.
 */
export function retryAfterMs(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined
  if (!value) return undefined
  let ms: number
  if (/^\d{1,6}$/.test(value.trim())) ms = Number(value.trim()) * 1000
  else {
    const at = Date.parse(value)
    const now = Date.parse(headers?.get?.('date') ?? '')
    if (Number.isNaN(at) || Number.isNaN(now)) return undefined
    ms = at - now
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms))
}

/** What taking a lock needs of a credential: what a 403 for a missing permission names, unless the step says otherwise. */
const NEEDED_RIGHTS =
  'read, write and lease rights on the lock blob, and create rights on the container if it does not exist yet'

const FORBIDDEN_HINTS: Record<string, string> = {
  AuthenticationFailed:
    'the credentials were not accepted. Check the account key, SAS token or connection string, and that a SAS has not expired.',
  AuthorizationFailure:
    'the request was not authorized. Check the account key (Azurite answers a wrong key this way), ' +
    "the SAS token's permissions, and the account's network rules.",
  AuthorizationResourceTypeMismatch:
    'the SAS does not cover this kind of resource. An account SAS needs the resource types container and object ' +
    '(srt=co: object for the lock blob, container to create the container); a service SAS must be made for the ' +
    'lock container (sr=c), not for a single blob.',
  AuthorizationPermissionMismatch: `the credential is valid but lacks permission. It needs ${NEEDED_RIGHTS}.`,
  KeyBasedAuthenticationNotPermitted:
    'the storage account does not allow shared key access. Use a SAS or Entra ID instead of an account key.',
}

/**
 * What breaking a lock needs of a credential, as a 403 for a missing
 * permission names it: clearing a queue entry deletes it, and breaking every
 * slot of a lock with slots lists them. `entryOption` is how the face names
 * the entry's option ('entry', '--entry').
 */
export function breakRights(clearingEntry: boolean, entryOption: string): string {
  if (clearingEntry) {
    return `read, write and delete rights on the lock's queue entries to clear one (${entryOption}): a SAS with the permissions 'rwd'`
  }
  return "read and write rights on the lock blob to break its lease, and list rights to break every slot of a lock with slots: a SAS with the permissions 'rwl'"
}

/** What the caller knows about the request that failed, for a more precise hint. */
export interface ErrorContext {
  /** The request was signed with an Entra ID token (not a key or SAS). */
  tokenAuth?: boolean
  /** The container of the lock: the narrowest scope a role can be assigned on. */
  container?: string
  /**
   * What the step needs of a credential, when it is not what taking a lock
   * needs: "delete rights on …" for the break step clearing a queue entry.
   * A 403 for a missing permission names it.
   */
  needs?: string
}

/**
 * With an Entra ID token, a 403 means the identity is known but has no data
 * role: management roles such as Owner or Contributor do not grant blob access.
 */
function roleHint(container: string | undefined): string {
  const scope = container
    ? `the container '${container}' (scope .../storageAccounts/<account>/blobServices/default/containers/${container}) or the storage account`
    : 'the storage account or the lock container'
  return (
    `the identity signed in but has no data access. Assign it the role Storage Blob Data Contributor on ${scope}; ` +
    'Owner and Contributor do not grant access to blob data. A new role assignment can take a few minutes to apply.'
  )
}

/** What to check when the endpoint cannot be reached at all. */
const CHECK_REACH =
  'check the endpoint (the connection string, the account name or the blob endpoint), and the network, proxy and firewall on the way'

/**
 * Turns a storage failure into one sentence that names the endpoint (when the
 * caller knows it) and says what to check, without echoing request URLs (they
 * may carry a SAS token).
 */
export function describeStorageError(err: unknown, endpoint: string | undefined, context: ErrorContext = {}): string {
  const status = statusCode(err)
  const code = storageErrorCode(err)
  // The code comes from whoever answers at the endpoint: shown, like any text we did not write, through showUntrusted.
  const shownCode = code === undefined ? undefined : showUntrusted(code, 80)
  // "the blob endpoint http://127.0.0.1:10000/devstoreaccount1", or just "the blob endpoint" when it is not known.
  const named = endpoint === undefined ? '' : ` ${endpoint}`
  const at = endpoint ?? 'the blob endpoint'
  if (
    status === 403 &&
    context.tokenAuth &&
    (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationFailure')
  ) {
    return `Azure refused access to ${at} (403 ${code}): ${roleHint(context.container)}`
  }
  if (status === 403) {
    const hint =
      code === 'AuthorizationPermissionMismatch' && context.needs
        ? `the credential is valid but lacks permission. It needs ${context.needs}.`
        : (code !== undefined && Object.hasOwn(FORBIDDEN_HINTS, code) && FORBIDDEN_HINTS[code]) || undefined
    return `Azure refused access to ${at} (403 ${shownCode ?? 'Forbidden'}): ${hint ?? FORBIDDEN_HINTS.AuthenticationFailed}`
  }
  if (status === 404 && code === 'ResourceNotFound') {
    return `The storage account at ${at} was not found (404 ResourceNotFound): check the account name and the blob endpoint.`
  }
  if (status !== undefined && status > 0) {
    return `Azure answered ${[status, shownCode].filter(Boolean).join(' ')} from ${at}.`
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Cannot resolve the blob endpoint${named} (${code}): check the account name and the blob endpoint.`
  }
  if (err instanceof RequestTimeoutError) {
    return `Cannot reach the blob endpoint${named} (no answer within ${err.timeoutMs / 1000} s): ${CHECK_REACH}.`
  }
  if (isAbort(err)) return `The request to ${at} timed out: ${CHECK_REACH}.`
  if (code === 'ECONNREFUSED') {
    return (
      `Cannot reach the blob endpoint${named} (ECONNREFUSED): nothing listens there. ` +
      'Check the endpoint (the connection string, the account name or the blob endpoint); for Azurite, that it runs.'
    )
  }
  return `Cannot reach the blob endpoint${named} (${shownCode ?? 'network error'}): ${CHECK_REACH}.`
}

/** "409 LeaseIdMismatchWithLeaseOperation", "ECONNREFUSED", "timeout": short enough for a status line. */
export function describeStorageErrorBrief(err: unknown): string {
  if (err instanceof RequestTimeoutError) return err.message
  if (isAbort(err)) return 'timeout'
  const status = statusCode(err)
  const code = storageErrorCode(err)
  const brief =
    [status || undefined, code].filter(Boolean).join(' ') || (err instanceof Error ? err.message : String(err))
  return showUntrusted(brief, 120) + (isThrottled(err) ? ' (throttled)' : '')
}
