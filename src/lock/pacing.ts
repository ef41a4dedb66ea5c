// How often a waiter looks at the lock and the queue, by where it stands
// (attempt.ts), and how long a head may leave the lock free before the waiter
// behind it passes it over.

export interface Pacing {
  /** Pause between looks at the lock at the head of the queue. */
  headPollMs: readonly [number, number]
  /** Pause between looks at the lock for a waiter that cannot use the queue (its credential may not list). */
  outsidePollMs: readonly [number, number]
  /** Pause between looks at the queue for the waiter right behind the head, which is next. */
  onDeckPollMs: readonly [number, number]
  /** Pause between looks at the queue further back. */
  queuePollMs: readonly [number, number]
  /** How often the head lists the queue again (it cannot move up, so only to notice the unexpected). */
  headListMs: number
  /**
   * The least pause between two attempts, whatever the attempt asked for: a
   * wake-up time that is already past must not turn the wait into a busy loop.
   */
  floorMs?: number
  /**
   * How long the first waiter ahead may leave the lock free before it is
   * passed over (see idleHeadMs); tests use a shorter one.
   */
  idleHeadMs?: number
  /**
   * Pause between looks at the queue for a waiter with a supersede key,
   * wherever it stands (the head included): a newer job of its key is seen
   * within one such pause. Default LATEST_LIST_MS.
   */
  latestListMs?: readonly [number, number]
}

/**
 * A waiter with a supersede key lists the queue every 2-3 s, so that it
 * leaves within about that long after a newer job of its key joins. Further
 * back it listed every 4-5 s anyway; the head, every 30 s.
 */
export const LATEST_LIST_MS: readonly [number, number] = [2_000, 3_000]

/**
 * At the head: a look at the lock every 90-140 ms, so a release is seen
 * about 60 ms after it on average (about 530 requests a minute with the
 * entry's renewals, under 600). Right behind the head: a listing every 1-1.5 s,
 * so that it takes the head soon after the head takes the lock; a hold
 * shorter than that leaves the lock idle for the rest (about 60 requests a
 * minute with a 15 s lease, 50 with 60 s). Further back: a listing every
 * 4-5 s, which with the entry's renewals (12 a minute for a 15 s lease, 3 for
 * 60 s) and a look at the holder for the line every 30 s stays under 30
 * requests a minute.
 */
export const DEFAULT_PACING: Pacing = {
  headPollMs: [90, 140],
  outsidePollMs: [250, 750],
  onDeckPollMs: [1_000, 1_500],
  queuePollMs: [4_000, 5_000],
  headListMs: 30_000,
  floorMs: 50,
}

/**
 * The pause between looks for a waiter within N of a lock with slots. Its look
 * is two requests (the folder's listing and slot 1's HEAD), so it looks half
 * as often as the head of a lock of one slot: about the same requests a
 * minute, under 600 (about 530 with the entry's renewals).
 */
export function slottedHeadMs(pacing: Pacing): number {
  return 2 * between(pacing.headPollMs)
}

/**
 * A head that leaves the lock free this long is passed over by the waiter
 * behind it. A live head looks at the lock every 90-140 ms and takes it within
 * a second; even while storage throttles it, its back-off tries again within
 * 16 s. Two lease durations (30 s at least) is therefore far more than a live
 * head needs, and about what a waiter whose job hangs (SIGSTOP, a swapped-out
 * runner) keeps its entry alive without serving. Passing over is safe: it only
 * lets the next waiter ask for the lease, and the lease still lets one holder in.
 */
export function idleHeadMs(leaseSeconds: number, pacing: Pacing): number {
  return pacing.idleHeadMs ?? Math.max(30_000, 2 * leaseSeconds * 1000)
}

/** A pause drawn at random within [min, max], so that waiters do not look in step. */
export const between = ([min, max]: readonly [number, number]): number => min + Math.random() * (max - min)
