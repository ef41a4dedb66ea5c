// Lifting a hold (hold.ts) before its end: the unhold step, `azure-mutex
// unhold`, and the release step of a job of the run that set a run's hold.
//
// A lifted hold's lease goes to the head of the queue as a holder's does when
// it lets go (handover.ts): the lock is never free between the hold and the
// next queued job, so a client that does not queue cannot slip in. Nobody
// waiting: the lease is released. The lift proves itself with the lease id the
// hold's record names, conditional on the blob being as the same read showed
// it, so a record forged beside somebody else's lease lifts nothing.
//
// A lease that is not a hold (a running job's, a foreign client's) is left
// alone unless the caller says `force`: then it is broken, as break/ does.
//
// A hold that ended by itself a moment before (hold.ts: whoever came for the
// lock ended it at its end) is not the caller's to lift any more: the lift
// says when it ended, by the note on the lock blob, and leaves alone whoever
// holds the lock now.

import { newBreakRecord, type BreakRecord } from '../break-record.ts'
import { headToHandTo, type LetGoOutcome } from '../queue/handover.ts'
import { describeHoldEndNote, isHoldEndNote, type HoldRecord } from './hold.ts'
import { freshnessOf, type HolderIdentity } from '../holder.ts'
import { describeHolderSeen, type HolderSeen } from '../holder-seen.ts'
import type { LockBlob } from '../lock-blob.ts'
import type { RequestOptions } from '../request.ts'

/** Reads of the blob to try, when it changes between the read and the conditional lift. */
const TRIES = 3

export interface LiftOptions {
  /** Who lifts it, for the note on the lock blob. */
  lifter: Pick<HolderIdentity, 'repository' | 'runId' | 'runUrl' | 'actor'>
  reason: string
  /** Break a lease that is not a hold, too (or a hold that `accept` refuses). */
  force: boolean
  /** Which holds this caller may lift (release/ lifts only its own run's); every hold when absent. */
  accept?: (hold: HoldRecord) => boolean
  request?: RequestOptions
}

export type LiftOutcome =
  | { outcome: 'missing' }
  /** Nobody holds the lock: nothing to lift. */
  | { outcome: 'free' }
  /** The hold is lifted; `letGo` says whether its lease went to the head of the queue or was released. */
  | { outcome: 'lifted'; hold: HoldRecord; note: BreakRecord; letGo: LetGoOutcome }
  /** Held by somebody else (not a hold, or a hold `accept` refuses), and not forced: left alone. */
  | { outcome: 'left-alone'; seen: HolderSeen }
  /** Forced: the lease that was not a hold was broken (or was gone by then). */
  | { outcome: 'broken' | 'gone'; seen: HolderSeen }
  /**
   * No hold stands, and the last note on the lock blob is that of a hold ended
   * at its end: nothing to lift. `seen` is who holds the lock now (left alone),
   * absent when it is free. Not with `force`, which breaks such a lease.
   */
  | { outcome: 'ended-already'; note: BreakRecord; seen?: HolderSeen }

/**
 * The outcome when no hold stands on the lock and its last note (one more
 * read, only then) says a hold ended at its end; undefined otherwise, or when
 * the read fails (the outcome is then as it was without it).
 */
async function endedAlready(
  lock: LockBlob,
  options: LiftOptions,
  seen?: HolderSeen,
): Promise<Extract<LiftOutcome, { outcome: 'ended-already' }> | undefined> {
  const status = await lock.status(options.request).catch(() => undefined)
  const note = status && status !== 'missing' ? status.lastBreak : undefined
  if (!isHoldEndNote(note)) return undefined
  return { outcome: 'ended-already', note, ...(seen ? { seen } : {}) }
}

/**
 * 'No hold stands on lock …: the hold of octo/ops run 77 had reached its end;
 * octo/app run 812 ended it at 10:02:11Z (the storage service's clock). It is
 * held by …, whose lease was left alone.' Every value read from storage is
 * shown through showUntrusted.
 */
export function describeEndedAlready(
  location: string,
  ended: Extract<LiftOutcome, { outcome: 'ended-already' }>,
): string {
  const now = ended.seen
    ? ` It is held by ${describeHolderSeen(ended.seen)}, whose lease was left alone.`
    : ' It is free.'
  return `No hold stands on lock ${location}: ${describeHoldEndNote(ended.note)}.${now}`
}

/** Lifts the hold on the lock, handing its lease to the head of the queue; see LiftOutcome. */
export async function liftHold(lock: LockBlob, options: LiftOptions): Promise<LiftOutcome> {
  for (let attempt = 1; ; attempt++) {
    const look = await lock.view(options.request)
    if (look.state === 'missing') return { outcome: 'missing' }
    if (look.state === 'free') return (await endedAlready(lock, options)) ?? { outcome: 'free' }
    const hold = look.hold
    if (hold && (options.accept?.(hold) ?? true)) {
      const note = newBreakRecord(options.lifter, options.reason, look.serviceNow ?? new Date(), look.holder)
      // The head is looked up beside the lift's first request, as a holder's letting go does (handover.ts).
      const target = headToHandTo(lock, options.request ?? {}, hold.leaseId)
      const lifted = await lock.liftHold(look, note, target, options.request)
      if (lifted.outcome !== 'refused' && lifted.outcome !== 'not-held') {
        return { outcome: 'lifted', hold, note, letGo: lifted }
      }
      if (attempt < TRIES) continue
    }
    const seen: HolderSeen = {
      record: look.holder,
      freshness: look.holder
        ? freshnessOf(look.holder, look.modifiedAt, look.serviceNow)
        : ({ kind: 'unknown-age' } as const),
      infinite: look.infinite,
      ...(hold ? { hold } : {}),
    }
    if (!options.force) return (!hold && (await endedAlready(lock, options, seen))) || { outcome: 'left-alone', seen }
    const broken = await lock.breakLease((holder, brokenAt) =>
      newBreakRecord(options.lifter, options.reason, brokenAt ?? new Date(), holder),
    )
    return { outcome: broken.outcome === 'broken' ? 'broken' : 'gone', seen }
  }
}
