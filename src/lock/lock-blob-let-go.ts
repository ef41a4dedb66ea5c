// Letting go of a held lease (handover.ts): to the head of the queue, else
// released, asking again for a few seconds what storage refuses for a moment.

import { setTimeout as delay } from 'node:timers/promises'
import type { BlobAccess } from './blob-access.ts'
import { monotonicNow } from './clock.ts'
import { isTransient, statusCode, storageErrorCode } from './errors.ts'
import { isLeaseGone } from './lease-answers.ts'
import { handedToMetadata, type HandoverTarget, type LetGoOutcome } from './queue/handover.ts'
import type { RequestOptions } from './request.ts'

/**
 * Lets go under our lease (handover.ts): clears our record, and when
 * `target` names the head of the queue, marks the blob with its ticket and
 * changes the lease to the head's id instead of releasing it. A change that
 * fails for any other reason than a lost lease falls back to a release.
 */
export async function letGo(
  lock: BlobAccess,
  leaseId: string,
  target: Promise<HandoverTarget | undefined>,
  options: RequestOptions = {},
): Promise<LetGoOutcome> {
  let to: HandoverTarget | undefined
  /** A change whose answer never came (a network failure): it may have taken effect. */
  let changeUnanswered = false
  const until = monotonicNow() + LET_GO_AGAIN_WITHIN_MS
  try {
    return await lock.request(options, async (abortSignal): Promise<LetGoOutcome> => {
      const mark = target.then((found) => {
        to = found
        return found ? handedToMetadata(found.ticket) : undefined
      })
      await againWhileTransient(abortSignal, until, () => lock.updateHolderKeys(leaseId, mark, abortSignal))
      const lease = lock.blob.getBlobLeaseClient(leaseId)
      if (to) {
        const proposed = to.leaseId
        try {
          // A change asked again after one whose answer was lost succeeds too: the lease is already under that id.
          await againWhileTransient(
            abortSignal,
            until,
            () => lease.changeLease(proposed, { abortSignal }),
            (err) => (changeUnanswered ||= statusCode(err) === undefined),
          )
          return { outcome: 'handed-over', to }
        } catch (err) {
          if (isLeaseGone(err) || abortSignal.aborted) throw err
          changeUnanswered ||= statusCode(err) === undefined
        }
      }
      await againWhileTransient(abortSignal, until, () => lease.releaseLease({ abortSignal }))
      return { outcome: 'released' }
    })
  } catch (err) {
    if (!isLeaseGone(err) && statusCode(err) !== 412) throw err
    // Our id stopped working right after a change whose answer was lost: that change took effect.
    if (changeUnanswered && to && storageErrorCode(err) === 'LeaseIdMismatchWithLeaseOperation')
      return { outcome: 'handed-over', to }
    return { outcome: 'not-held' }
  }
}

/** The pause before letting go asks again what storage refused for a moment (the SDK's own tries came first). */
const LET_GO_PAUSE_MS = 500

/** How long letting go keeps asking again: long enough for a blip, short enough that an outage ends post soon. */
const LET_GO_AGAIN_WITHIN_MS = 5_000

/**
 * Runs `call` again while it fails for a passing reason (throttled, a server
 * error, a cut connection), until `until` (monotonic) or `signal` (letting
 * go's deadline). Letting go must not give up at the first refusal: a holder
 * that gives up leaves its lease to lapse, one whose change gives up releases
 * instead, and either way the lock stands free while jobs wait in line.
 */
async function againWhileTransient<T>(
  signal: AbortSignal,
  until: number,
  call: () => Promise<T>,
  failed?: (err: unknown) => void,
): Promise<T> {
  for (;;) {
    try {
      return await call()
    } catch (err) {
      if (!isTransient(err) || signal.aborted || monotonicNow() + LET_GO_PAUSE_MS >= until) throw err
      failed?.(err)
      await delay(LET_GO_PAUSE_MS, undefined, { signal }).catch(() => Promise.reject(err))
    }
  }
}
