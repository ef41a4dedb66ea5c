// What a waiter says once, each to its own: an entry with an infinite lease
// that is no waiter, a priority that is neither normal nor high, a
// high-priority waiter that went ahead of us, and a sweep that the credential
// may not do. The wording is wait-report.ts's; this only decides when.

import type { HolderIdentity } from './holder.ts'
import { joinedAhead } from './queue/priority.ts'
import { isSquatter } from './queue/queue.ts'
import type { QueueStore } from './store.ts'
import type { WaitEvent } from './wait-report.ts'
import type { Priority, QueueEntry } from './queue/entry.ts'

export class WaitNotices {
  private readonly emit: (event: WaitEvent) => void
  /** Squatters (entries with an infinite lease) already told of. */
  private readonly squattersTold = new Set<number>()
  /** Entries already told of: a high-priority waiter that joined ahead of us, a malformed priority. */
  private readonly jumpsTold = new Set<number>()
  private readonly malformedTold = new Set<number>()
  /** A sweep was refused (a credential without delete): said once. */
  private sweepRefusedTold = false

  constructor(emit: (event: WaitEvent) => void) {
    this.emit = emit
  }

  /** Says once, for each, that an entry with an infinite lease is no waiter, and how to clear it. */
  squatters(entries: QueueEntry[], queue: QueueStore): void {
    for (const entry of entries) {
      if (!isSquatter(entry) || this.squattersTold.has(entry.ticket)) continue
      this.squattersTold.add(entry.ticket)
      this.emit({
        type: 'squatter',
        ticket: entry.ticket,
        waiter: entry.waiter,
        clearCommands: queue.clearCommands(entry.ticket),
      })
    }
  }

  /**
   * Says once per entry: a high-priority waiter that joined after us (our
   * ticket `mine`) went ahead of us, and a priority that is neither normal
   * nor high (it counts as normal).
   */
  priorities(entries: QueueEntry[], ahead: QueueEntry[], mine: { ticket?: number; priority: Priority }): void {
    for (const entry of joinedAhead(ahead, mine.ticket ?? Infinity)) this.jump(entry.ticket, entry.waiter, mine)
    for (const entry of entries) {
      if (entry.malformedPriority === undefined || this.malformedTold.has(entry.ticket)) continue
      this.malformedTold.add(entry.ticket)
      this.emit({
        type: 'malformed-priority',
        ticket: entry.ticket,
        waiter: entry.waiter,
        value: entry.malformedPriority,
      })
    }
  }

  /** Says once that the waiter of `ticket`, which joined after us, went ahead of us: only a high-priority one can. */
  jump(ticket: number, waiter: HolderIdentity | undefined, mine: { ticket?: number; priority: Priority }): void {
    if (mine.priority === 'high' || mine.ticket === undefined || ticket <= mine.ticket || this.jumpsTold.has(ticket))
      return
    this.jumpsTold.add(ticket)
    this.emit({ type: 'high-priority-ahead', ticket, waiter })
  }

  /**
   * A sweep was refused (a credential that may not delete, a SAS without
   * 'd'): every sweep is refused quietly after, so it is said once, as lapsed
   * entries then pile up.
   */
  sweepRefused(error: unknown): void {
    if (this.sweepRefusedTold) return
    this.sweepRefusedTold = true
    this.emit({ type: 'sweep-refused', error })
  }
}
