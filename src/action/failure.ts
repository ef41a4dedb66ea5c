// One place that turns any failure into the single error line a user sees.

import * as core from '@actions/core'
import { UserError, describeStorageError, statusCode, storageErrorCode, type ErrorContext } from '../lock/errors.ts'
import { NoAmbientCredentialError } from '../sign-in/ambient.ts'
import { describeIdentityError, isIdentityError } from '../sign-in/entra-id.ts'
import { Inputs } from './constants.ts'
import { endPhase } from './phases.ts'

/** The message for a failure: ours as written, storage errors in plain words, anything else marked unexpected. */
export function messageFor(err: unknown, endpoint: string | undefined, context: ErrorContext = {}): string {
  if (err instanceof NoAmbientCredentialError) {
    return (
      `${err.message} Or sign in with GitHub's OIDC token: ` +
      `set '${Inputs.ClientId}' and '${Inputs.TenantId}' and 'permissions: id-token: write'.`
    )
  }
  if (err instanceof UserError) return err.message
  // Before the status check: an identity error carries Entra's HTTP status, not storage's.
  if (isIdentityError(err)) return describeIdentityError(err)
  if (statusCode(err) !== undefined || storageErrorCode(err) !== undefined) {
    return describeStorageError(err, endpoint, context)
  }
  return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`
}

/** Fails the step with one line, outside any log group; the stack goes to the debug log only. */
export function failStep(err: unknown, endpoint: string | undefined, context: ErrorContext = {}): void {
  endPhase()
  if (err instanceof Error && err.stack) core.debug(err.stack)
  core.setFailed(messageFor(err, endpoint, context))
}
