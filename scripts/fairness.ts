// How fair a run of many contenders was (npm run soak): each turn at the lock
// is compared with the same turn under ideal first come, first served, with
// the same arrivals, the same holds, and every handoff as long as the run's
// median handoff (from one turn's release to the next one's acquisition).

/** One turn at the lock: when its job arrived (its main step started), took the lock and let go. */
export interface Turn {
  who: string
  /** Turns of clients that do not queue count as holds, but are not judged. */
  queued: boolean
  arrivedAt: number
  acquiredAt: number
  releasedAt: number
  /** The queue ticket it waited with (its holder record says); none when it took a free lock at once. */
  ticket?: number
  /** How its holder let go, as its renewer's log says (handed to a ticket, or released). */
  letGo?: string
}

export interface Fairness {
  /** The median gap between one turn's release and the next turn's acquisition, which the ideal pays too. */
  handoffMs: number
  /** The judged turn that waited longest, with its wait and its wait under ideal first come, first served. */
  longest: { who: string; waitedMs: number; idealMs: number } | undefined
  /** longest.waitedMs / longest.idealMs; Infinity when it would not have waited at all. */
  ratio: number
  /** The most turns that arrived later than a judged turn and took the lock before it. */
  mostOvertaken: number
  /** The same, counting only turns that waited in the queue. */
  mostOvertakenInQueue: number
  /** Turns that had a queue ticket. */
  ticketed: number
  /**
   * Pairs of those served against ticket order: a later ticket before an earlier one. Arrival, as the
   * soak counts it, starts with the main step's process, and a ticket is taken only once it has looked
   * at the queue; this counts the queue's own order alone, and is 0 when the queue is first come, first served.
   */
  outOfTicketOrder: number
  /**
   * Turns that a client that does not queue took from a job while a job was queued: the turn before it
   * was a job's, and its acquisition fell while a ticketed job waited (from JOIN_ALLOWANCE_MS after that
   * job's arrival, when it has surely joined, to its own acquisition). With handover this is 0: a job
   * hands the lease to the next queued job. A client that does not queue frees the lease when it lets
   * go, so its turn can be followed by another such client's: those are counted apart, below.
   */
  foreignWhileQueued: number
  /** Those turns, each with the job's turn just before it. */
  foreignWhileQueuedTurns: Array<{ before: Turn; foreign: Turn }>
  /** The same, for turns that followed another such client's turn: handover cannot prevent them. */
  foreignAfterForeignWhileQueued: number
}

/** From a job's arrival (its main step starts) to its entry in the queue: node, sign-in, a listing, a ticket. */
export const JOIN_ALLOWANCE_MS = 2_000

/** The median of the gaps between consecutive turns, in the order they held the lock. */
function medianHandoff(turns: Turn[]): number {
  const served = [...turns].sort((a, b) => a.acquiredAt - b.acquiredAt)
  const gaps = served.slice(1).map((turn, i) => Math.max(0, turn.acquiredAt - served[i]!.releasedAt))
  if (gaps.length === 0) return 0
  gaps.sort((a, b) => a - b)
  return gaps[Math.floor((gaps.length - 1) / 2)]!
}

export function fairness(turns: Turn[]): Fairness {
  const handoffMs = medianHandoff(turns)
  const byArrival = [...turns].sort((a, b) => a.arrivedAt - b.arrivedAt || a.acquiredAt - b.acquiredAt)
  // Ideal first come, first served: each turn starts when it arrives, or one handoff after the turn before it ends.
  const ideal = new Map<Turn, number>()
  let freeAt = -Infinity
  for (const turn of byArrival) {
    const start = Math.max(turn.arrivedAt, freeAt + handoffMs)
    ideal.set(turn, start - turn.arrivedAt)
    freeAt = start + (turn.releasedAt - turn.acquiredAt)
  }
  let longest: Fairness['longest']
  let mostOvertaken = 0
  let mostOvertakenInQueue = 0
  for (const turn of byArrival) {
    if (!turn.queued) continue
    const waitedMs = turn.acquiredAt - turn.arrivedAt
    if (!longest || waitedMs > longest.waitedMs) longest = { who: turn.who, waitedMs, idealMs: ideal.get(turn)! }
    const overtaking = turns.filter((t) => t.arrivedAt > turn.arrivedAt && t.acquiredAt < turn.acquiredAt)
    mostOvertaken = Math.max(mostOvertaken, overtaking.length)
    mostOvertakenInQueue = Math.max(mostOvertakenInQueue, overtaking.filter((t) => t.queued).length)
  }
  const ratio = !longest ? NaN : longest.idealMs > 0 ? longest.waitedMs / longest.idealMs : Infinity
  const ticketed = turns.filter((t) => t.ticket !== undefined).sort((a, b) => a.acquiredAt - b.acquiredAt)
  let outOfTicketOrder = 0
  ticketed.forEach((served, i) => {
    outOfTicketOrder += ticketed.slice(i + 1).filter((later) => later.ticket! < served.ticket!).length
  })
  const served = [...turns].sort((a, b) => a.acquiredAt - b.acquiredAt)
  const whileQueued = served.filter(
    (foreign, k) =>
      k > 0 &&
      !foreign.queued &&
      ticketed.some(
        (job) => job.arrivedAt + JOIN_ALLOWANCE_MS < foreign.acquiredAt && foreign.acquiredAt < job.acquiredAt,
      ),
  )
  const afterForeign = (turn: Turn): boolean => !served[served.indexOf(turn) - 1]!.queued
  const takenFromJobs = whileQueued.filter((turn) => !afterForeign(turn))
  const foreignWhileQueued = takenFromJobs.length
  const foreignAfterForeignWhileQueued = whileQueued.filter(afterForeign).length
  return {
    handoffMs,
    longest,
    ratio,
    mostOvertaken,
    mostOvertakenInQueue,
    ticketed: ticketed.length,
    outOfTicketOrder,
    foreignWhileQueued,
    foreignWhileQueuedTurns: takenFromJobs.map((foreign) => ({
      before: served[served.indexOf(foreign) - 1]!,
      foreign,
    })),
    foreignAfterForeignWhileQueued,
  }
}

/** One line for the soak's summary. */
export function describeFairness(f: Fairness): string {
  if (!f.longest) return 'no turns to judge'
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
  return (
    `the longest wait, ${s(f.longest.waitedMs)} (${f.longest.who}), against ${s(f.longest.idealMs)} under ideal ` +
    `first come, first served with ${(f.handoffMs / 1000).toFixed(2)} s handoffs: ` +
    `${Number.isFinite(f.ratio) ? f.ratio.toFixed(2) : 'no wait at all there'}; ` +
    `at most ${f.mostOvertaken} later arrivals served before a job, ${f.mostOvertakenInQueue} of them from the queue`
  )
}

/** One line for the soak's summary: the queue's own order, by ticket. */
export function describeTicketOrder(f: Fairness): string {
  return `${f.ticketed} jobs waited with a ticket; ${f.outOfTicketOrder} pairs served against ticket order`
}
