// One place that turns any failure into the single error line a user sees.

import * as core from '@actions/core'
import { LockError, describeStorageError, statusCode, storageErrorCode, type ErrorContext } from '../lock/errors.ts'
import { StorageConfigError } from '../lock/storage.ts'
import { EntraSignInError, OidcTokenError, describeIdentityError, isIdentityError } from './entra.ts'
import { InputError } from './inputs.ts'
import { RenewerStartError } from './renewer-control.ts'

/** The message for a failure: ours as written, storage errors in plain words, anything else marked unexpected. */
export function messageFor(err: unknown, endpoint: string | undefined, context: ErrorContext = {}): string {
  if (err instanceof InputError || err instanceof LockError || err instanceof StorageConfigError) return err.message
  if (err instanceof RenewerStartError || err instanceof EntraSignInError) return err.message
  if (err instanceof OidcTokenError) return `${err.message}.`
  // Before the status check: an identity error carries Entra's HTTP status, not storage's.
  if (isIdentityError(err)) return describeIdentityError(err)
  if (statusCode(err) !== undefined || storageErrorCode(err) !== undefined) {
    return describeStorageError(err, endpoint ?? 'the blob endpoint', context)
  }
  return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`
}

/** Fails the step with one line; the stack goes to the debug log only. */
export function failStep(err: unknown, endpoint: string | undefined, context: ErrorContext = {}): void {
  if (err instanceof Error && err.stack) core.debug(err.stack)
  core.setFailed(messageFor(err, endpoint, context))
}
