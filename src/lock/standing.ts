import type { QueueEntry } from './queue/entry.ts'
// Where a waiter stands in line, as its last look showed it: shared by the
// attempt of a lock of one slot (attempt.ts) and of a lock with slots
// (slotted-attempt.ts), as either may join the queue for the other, and by
// the watch of an idle head (idle-head-watch.ts), which may send it to list
// again at once.

export interface Standing {
  /** No live entry ahead of ours: we look at the lock often, and take it when it is free. */
  head: boolean
  /** When the queue is listed next (monotonic). */
  listAt: number
  /** The live waiters ahead at the last listing; undefined before one. */
  lastAhead: QueueEntry[] | undefined
}
