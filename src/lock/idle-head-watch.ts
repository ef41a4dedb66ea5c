// Passing over a head that does not serve the lock: the first waiter ahead,
// when it leaves the lock free for longer than idleHeadMs (pacing.ts), seen
// free at two looks at least. Its job may hang while its entry lives on.
// Passing over is safe: it only lets the waiter behind it ask for the lease.

import { monotonicNow } from './clock.ts'
import type { Standing } from './standing.ts'
import type { LeaseView } from './store.ts'
import type { WaitEvent } from './wait-report.ts'

export class IdleHeadWatch {
  /** How long a head may leave the lock free (idleHeadMs). */
  private readonly boundMs: number
  private readonly emit: (event: WaitEvent) => void
  /** Heads that left the lock free for too long: no longer waited for. */
  readonly passedOver = new Set<number>()
  /** The first waiter ahead, while every look since `since` found the lock free. */
  private idleHead: { ticket: number; since: number; looks: number } | undefined
  /** When the waiter right behind the head looks at the lock next, to notice a head that does not take it. */
  private idleCheckAt = 0

  constructor(boundMs: number, emit: (event: WaitEvent) => void) {
    this.boundMs = boundMs
    this.emit = emit
  }

  /** Right behind the head: whether this listing looks at the lock too (every quarter of the bound, or while idle). */
  get dueForLook(): boolean {
    return monotonicNow() >= this.idleCheckAt || this.idleHead !== undefined
  }

  /**
   * A look at the lock: passes over the first waiter ahead (of `standing`)
   * when it has left the lock free for longer than the bound, and sends us
   * to list the queue again at once.
   */
  watch(lock: LeaseView, standing: Standing): void {
    const first = standing.lastAhead?.[0]
    this.idleCheckAt = monotonicNow() + this.boundMs / 4
    if (lock.state === 'leased' || !first) {
      this.idleHead = undefined
      return
    }
    const now = monotonicNow()
    if (this.idleHead?.ticket !== first.ticket) {
      this.idleHead = { ticket: first.ticket, since: now, looks: 1 }
      return
    }
    this.idleHead.looks += 1
    const idleMs = now - this.idleHead.since
    if (idleMs < this.boundMs || this.idleHead.looks < 2) return
    this.passedOver.add(first.ticket)
    this.idleHead = undefined
    standing.listAt = now // list again at once: we may be the head now
    this.emit({ type: 'passed-over', ticket: first.ticket, waiter: first.waiter, idleMs })
  }
}
