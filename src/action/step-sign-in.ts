// Signing in with a step's own credential inputs, for the steps that are not
// main: post (its own release, and reading a break record), status and break.
// Every secret is masked before anything can print it.

import * as core from '@actions/core'
import { secretsOf } from '../lock/storage.ts'
import type { AmbientSource } from '../sign-in/ambient.ts'
import type { StorageAccess } from '../sign-in/methods.ts'
import { signIn, type SignedIn } from '../sign-in/sign-in.ts'
import { oidcRequestFromEnv } from './context.ts'
import { readStorageTarget } from './inputs.ts'

export interface StepSignIn {
  access: StorageAccess
  signedIn: SignedIn
}

export interface StepSignInOptions {
  /** For ambient sign-in: the source main found, so that this step need not search again. */
  ambientSource?: AmbientSource
  /** Get a token before returning, so that a wrong Entra ID setup fails here with a clear message. */
  check?: boolean
}

/** Signs in with the step's credential inputs. */
export function signInWithInputs(options: StepSignInOptions = {}): Promise<StepSignIn> {
  return signInTo(
    readStorageTarget((name) => core.getInput(name)),
    options,
  )
}

/** Signs in to storage that the step's inputs named (read with readStorageTarget). */
export async function signInTo(access: StorageAccess, options: StepSignInOptions = {}): Promise<StepSignIn> {
  for (const secret of secretsOf(access.auth)) core.setSecret(secret)
  const oidcRequest = access.auth.kind === 'federated' ? oidcRequestFromEnv() : undefined
  if (oidcRequest) core.setSecret(oidcRequest.token)
  const signedIn = await signIn(access.auth, {
    oidcRequest,
    ambientSource: options.ambientSource,
    onIdToken: (token) => core.setSecret(token),
    check: options.check,
  })
  return { access, signedIn }
}
