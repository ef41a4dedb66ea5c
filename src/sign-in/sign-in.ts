// From a sign-in method to the credential that signs storage requests: a key
// or SAS as it is, or an Entra ID token credential that fetches (and renews)
// short-lived tokens on demand. Knows nothing of the steps that ask for it.

import type { StorageAuth } from '../lock/storage.ts'
import { ambientCredential, ambientLabel, findAmbientCredential, type AmbientSource } from './ambient.ts'
import { SignInError, firstLine, firstToken } from './entra-id.ts'
import { OidcTokenError, federatedCredential, type OidcRequest } from './github-oidc.ts'
import type { FederatedAuth, SignInMethod } from './methods.ts'

export interface SignedIn {
  auth: StorageAuth
  /** For the log: which credential signs the requests. */
  description: string
  /** For ambient sign-in, the source that worked, so later processes skip the search. */
  ambientSource?: AmbientSource
}

export interface SignInOptions {
  env?: NodeJS.ProcessEnv
  /** How to ask GitHub for OIDC tokens: needed for federated sign-in. */
  oidcRequest?: OidcRequest
  onIdToken?: (token: string) => void
  /** For ambient sign-in: use this source instead of searching the chain. */
  ambientSource?: AmbientSource
  /** Get one token before returning, so that a wrong setup fails here with a clear message. */
  check?: boolean
}

export async function signIn(method: SignInMethod, options: SignInOptions = {}): Promise<SignedIn> {
  const env = options.env ?? process.env
  if (method.kind === 'shared-key' || method.kind === 'sas') {
    return { auth: method, description: method.kind === 'sas' ? 'a SAS token' : 'the account key' }
  }
  if (method.kind === 'federated') {
    if (!options.oidcRequest) throw new SignInError("Signing in with GitHub's OIDC token needs a token request.")
    const credential = await federatedCredential(method, options.oidcRequest, { env, onIdToken: options.onIdToken })
    if (options.check) {
      try {
        await firstToken(credential, 60_000)
      } catch (err) {
        throw federatedFailure(err, method, credential.lastSubject())
      }
    }
    return {
      auth: { kind: 'token', credential },
      description: `Entra ID through GitHub's OIDC token (client id ${method.clientId}, tenant ${method.tenantId})`,
    }
  }
  if (options.ambientSource) {
    return {
      auth: { kind: 'token', credential: await ambientCredential(options.ambientSource, env) },
      description: `Entra ID with ${ambientLabel(options.ambientSource)}`,
      ambientSource: options.ambientSource,
    }
  }
  const found = await findAmbientCredential(env)
  return {
    auth: { kind: 'token', credential: found.credential },
    description: `Entra ID with ${found.label}`,
    ambientSource: found.source,
  }
}

function federatedFailure(err: unknown, auth: FederatedAuth, subject: string | undefined): SignInError {
  if (err instanceof SignInError) return err
  if (err instanceof OidcTokenError) return new SignInError(err.message)
  const cause = firstLine(err)
  const match = subject
    ? ` The GitHub token's subject was '${subject}': the app's federated credential must name exactly this subject, with audience '${auth.audience}'.`
    : ''
  return new SignInError(
    `Entra ID did not sign in client id ${auth.clientId} in tenant ${auth.tenantId} with GitHub's OIDC token: ${cause}.${match}`,
  )
}
