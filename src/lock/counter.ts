// A counter kept in a blob's metadata and bumped with an If-Match condition on
// the ETag it was read with: two bumps that race both read n, one writes n+1,
// the other is refused (412) and reads again. Every bump therefore gets its
// own number, in the order the service accepted them. The queue's tickets and
// the fencing tokens are such counters.

import type { BlobClient } from '@azure/storage-blob'
import { setTimeout as delay } from 'node:timers/promises'
import { LockError, statusCode, storageErrorCode } from './errors.ts'
import { showUntrusted } from './untrusted-text.ts'

const VALUE_KEY = 'value'

/** What a bump learnt: the new value, and when the value before it was written. */
export interface Bumped {
  value: number
  /** When the previous value was written (the service's Last-Modified, 1 s resolution); absent for the first. */
  previousAt?: Date
  /** The service's clock when the previous value was read. */
  serviceNow?: Date
}

/** A counter blob holds something this action did not write there. */
export class CounterError extends LockError {
  override name = 'CounterError'
}

function isPreconditionFailure(err: unknown): boolean {
  return statusCode(err) === 412 || storageErrorCode(err) === 'ConditionNotMet'
}

function isMissing(err: unknown): boolean {
  return statusCode(err) === 404
}

/** The longest pause after a lost race: with dozens of bumps at once, pauses must spread them out. */
const MAX_BACKOFF_MS = 500

/**
 * Adds one to the counter and returns the new value. The first bump creates
 * the blob (If-None-Match: *) with the value 1. A lost race is tried again
 * after a random pause whose range doubles with each loss (25 ms, 50 ms, ...
 * up to 0.5 s), until the signal ends it.
 */
export async function bumpCounter(blob: BlobClient, abortSignal: AbortSignal): Promise<Bumped> {
  for (let losses = 0; ; losses++) {
    if (losses > 0) {
      const range = Math.min(MAX_BACKOFF_MS, 25 * 2 ** Math.min(losses - 1, 5))
      await delay(Math.random() * range, undefined, { signal: abortSignal })
    }
    let props
    try {
      props = await blob.getProperties({ abortSignal })
    } catch (err) {
      if (!isMissing(err)) throw err
    }
    if (!props) {
      try {
        await blob
          .getBlockBlobClient()
          .upload('', 0, { abortSignal, metadata: { [VALUE_KEY]: '1' }, conditions: { ifNoneMatch: '*' } })
        return { value: 1 }
      } catch (err) {
        // Someone else created it first (409 BlobAlreadyExists): read it and bump.
        if (statusCode(err) === 409 || isPreconditionFailure(err)) continue
        throw err
      }
    }
    const text = props.metadata?.[VALUE_KEY] ?? ''
    const current = /^\d{1,16}$/.test(text) ? Number(text) : NaN
    if (!Number.isSafeInteger(current) || current >= Number.MAX_SAFE_INTEGER) {
      throw new CounterError(
        `The counter blob ${blob.name} holds '${showUntrusted(text, 40)}', not a count that this action wrote; ` +
          'someone else changed it.',
      )
    }
    try {
      await blob.setMetadata({ [VALUE_KEY]: String(current + 1) }, { abortSignal, conditions: { ifMatch: props.etag } })
      return { value: current + 1, previousAt: props.lastModified, serviceNow: props.date }
    } catch (err) {
      if (!isPreconditionFailure(err) && !isMissing(err)) throw err
    }
  }
}
