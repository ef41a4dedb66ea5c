// What every way of signing in with Entra ID shares: loading @azure/identity
// only when it is needed, the authority host, the first token, and the errors.

import type { TokenCredential } from '@azure/core-auth'
import { UserError } from '../lock/errors.ts'
import { STORAGE_SCOPE } from '../lock/storage.ts'

/**
 * @azure/identity is loaded only when a job signs in with Entra ID: it is a large
 * library, and jobs with a key or SAS (and their renewers) need none of it.
 */
export const identity = (): Promise<typeof import('@azure/identity')> => import('@azure/identity')

/** A sign-in failure the user can act on; the message is one line and holds no token. */
export class SignInError extends UserError {
  override name = 'SignInError'
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

/** The first line of an SDK message, short enough for a list. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text
  return line.length > 200 ? `${line.slice(0, 197)}...` : line.trim()
}

/** Gets one storage token within the time, so that a wrong setup fails early with its own message. */
export async function firstToken(credential: TokenCredential, timeoutMs: number): Promise<void> {
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
