// Critical sections ("spans") recorded by contending jobs, and one sweep over
// them that finds every overlapping pair, every touching pair (one span ends in
// the very millisecond the next begins, which millisecond clocks cannot order),
// and the gap before each span that began with nobody inside.

import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Span {
  who: string
  enter: number
  exit: number
}

export interface Gap {
  from: Span
  to: Span
  ms: number
}

export interface SpanReport {
  /** Pairs of spans that share more than one instant: two holders at once. */
  overlaps: Array<[Span, Span]>
  /** Pairs where one ends in the same millisecond as the other begins. */
  touching: Array<[Span, Span]>
  /** For each span entered while no other was inside: the time since the last exit. */
  gaps: Gap[]
  /** Spans whose exit comes before their entry (a broken record). */
  malformed: Span[]
}

/**
 * Sweeps the spans in time order. At one instant, exits are taken before entries,
 * so a touching pair is reported as touching, not as an overlap.
 */
export function sweep(spans: readonly Span[]): SpanReport {
  const report: SpanReport = { overlaps: [], touching: [], gaps: [], malformed: [] }
  const events: Array<{ at: number; enter: boolean; span: Span }> = []
  for (const span of spans) {
    if (span.exit < span.enter) {
      report.malformed.push(span)
      continue
    }
    events.push({ at: span.enter, enter: true, span })
    // A span of 0 ms is one instant: its entry stands for it (see below).
    if (span.exit > span.enter) events.push({ at: span.exit, enter: false, span })
  }
  events.sort((a, b) => a.at - b.at || Number(a.enter) - Number(b.enter))
  const inside = new Set<Span>()
  let last: Span | undefined // the span that exited last
  let exitedNow: Span[] = [] // spans that exited at the current instant
  let now = -Infinity
  for (const event of events) {
    if (event.at !== now) {
      now = event.at
      exitedNow = []
    }
    if (!event.enter) {
      inside.delete(event.span)
      exitedNow.push(event.span)
      if (!last || event.span.exit >= last.exit) last = event.span
      continue
    }
    for (const other of inside) report.overlaps.push([other, event.span])
    for (const other of exitedNow) report.touching.push([other, event.span])
    if (inside.size === 0 && last) report.gaps.push({ from: last, to: event.span, ms: event.at - last.exit })
    if (event.span.exit > event.span.enter) {
      inside.add(event.span)
    } else {
      exitedNow.push(event.span)
      if (!last || event.span.exit >= last.exit) last = event.span
    }
  }
  return report
}

/** A new, empty spans file, in a fresh folder of the temporary directory whose name starts with `prefix`. */
export function newSpanFile(prefix: string): string {
  const path = join(mkdtempSync(join(tmpdir(), prefix)), 'spans.log')
  appendFileSync(path, '')
  return path
}

/**
 * The most spans inside at one instant (an exit at the instant of an entry
 * counts first), and how many entries brought the number inside above `limit`.
 */
export function mostAtOnce(spans: readonly Span[], limit = Infinity): { most: number; over: number } {
  const events = spans.flatMap((s) => [
    { at: s.enter, step: 1 },
    { at: s.exit, step: -1 },
  ])
  events.sort((a, b) => a.at - b.at || a.step - b.step)
  let inside = 0
  let most = 0
  let over = 0
  for (const { step } of events) {
    inside += step
    most = Math.max(most, inside)
    if (step > 0 && inside > limit) over++
  }
  return { most, over }
}

/** Reads `enter WHO MS` / `exit WHO MS` lines; each holder's own lines are in order. */
export function readSpanFile(path: string): { spans: Span[]; unmatched: string[] } {
  const open = new Map<string, number>()
  const spans: Span[] = []
  const unmatched: string[] = []
  for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
    const [kind, who, at] = line.split(' ')
    if (!kind || !who || !at || !/^\d+$/.test(at)) {
      unmatched.push(`malformed line: ${line}`)
    } else if (kind === 'enter') {
      if (open.has(who)) unmatched.push(`${who} entered at ${open.get(who)} and never left`)
      open.set(who, Number(at))
    } else if (kind === 'exit' && open.has(who)) {
      spans.push({ who, enter: open.get(who)!, exit: Number(at) })
      open.delete(who)
    } else {
      unmatched.push(`${who} left at ${at} without entering`)
    }
  }
  for (const [who, at] of open) unmatched.push(`${who} entered at ${at} and never left`)
  return { spans, unmatched }
}

export function describePair([a, b]: [Span, Span]): string {
  return `${b.who} (${b.enter}..${b.exit}) and ${a.who} (${a.enter}..${a.exit})`
}
