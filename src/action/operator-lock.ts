// The lock an operator's step works on (break/, unhold/, and release/ ending
// its run's hold): named by the step's inputs and reached with the step's own
// credentials, with no renewer and no lease of its own.

import { LEASE_SECONDS } from '../lock/lease.ts'
import { openLock, type LockBlob } from '../lock/lock-blob.ts'
import type { LockSpec } from '../lock/spec.ts'
import { STEP_RETRY } from '../lock/storage.ts'
import type { StorageAccess } from '../sign-in/methods.ts'
import { readContainer, readLockName, readStorageTarget, type InputReader } from './inputs.ts'
import { requestLog } from './request-log.ts'
import { signInTo } from './step-sign-in.ts'

export interface OperatorLock {
  spec: LockSpec
  access: StorageAccess
}

/** The lock's name and container, and where the account is: `before` reads the step's own inputs in between. */
export function readOperatorLock(read: InputReader, before: () => void = () => undefined): OperatorLock {
  const lockName = readLockName(read)
  const container = readContainer(read)
  before()
  const access = readStorageTarget(read)
  return {
    spec: { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.default },
    access,
  }
}

/** Signs in with the step's credentials (a wrong Entra ID setup fails here) and opens the lock. */
export async function openOperatorLock(target: OperatorLock): Promise<LockBlob> {
  const { signedIn } = await signInTo(target.access, { check: true })
  return openLock(signedIn.auth, target.spec, { retry: STEP_RETRY, observe: requestLog() })
}
