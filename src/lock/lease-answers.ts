// What Azure's refusals on a lock blob mean, for the lease core
// (lock-blob.ts) and the operations beside it (holds, break, letting go,
// status): a lease that is definitely not ours any more, and a blob or
// container that is not there.

import { storageErrorCode, statusCode } from './errors.ts'

const LEASE_GONE = new Set([
  'LeaseIdMismatchWithLeaseOperation',
  'LeaseIsBrokenAndCannotBeRenewed',
  'LeaseNotPresentWithLeaseOperation',
  'LeaseLost',
  'LeaseNotPresentWithBlobOperation',
  'LeaseIdMismatchWithBlobOperation',
  'BlobNotFound',
  'ContainerNotFound',
])

/** True when Azure says the lease id is no longer the blob's lease: the lock is definitely not ours. */
export function isLeaseGone(err: unknown): boolean {
  const code = storageErrorCode(err)
  return code !== undefined && LEASE_GONE.has(code)
}

/** The blob or its container does not exist (a 404 that names either, or names nothing). */
export function isMissing(err: unknown): boolean {
  const code = storageErrorCode(err)
  return statusCode(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined)
}
