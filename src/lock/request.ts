// One request to storage, bounded on the client side. The lock blob and the
// queue (lock-blob.ts, queue-blobs.ts) both send their requests through here.

import { RequestTimeoutError } from './errors.ts'

/** How one call may be cut short: the caller's signal, and a deadline of its own. */
export interface RequestOptions {
  signal?: AbortSignal
  /** The longest the call may take, SDK retries included; the store's default when not given. */
  timeoutMs?: number
}

/**
 * Every request gets a client-side deadline. The SDK's tryTimeoutInMs only asks
 * the service to give up; a connection whose packets are dropped would
 * otherwise be waited on for ever.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/** Runs one call under the caller's signal and a deadline; a missed deadline is a RequestTimeoutError. */
export async function withDeadline<T>(
  options: RequestOptions,
  defaultTimeoutMs: number,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const deadline = AbortSignal.timeout(timeoutMs)
  try {
    return await call(options.signal ? AbortSignal.any([options.signal, deadline]) : deadline)
  } catch (err) {
    if (deadline.aborted && !options.signal?.aborted) throw new RequestTimeoutError(timeoutMs)
    throw err
  }
}
