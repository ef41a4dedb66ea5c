// The job summary ($GITHUB_STEP_SUMMARY): post writes one section per lock,
// and the status step a table of locks. GitHub renders the summary as
// Markdown with HTML, so text that others wrote (holder and break records)
// could add links, images, headings or table cells of its own. Every such
// value is first shown through showUntrusted (one line, no controls), then
// written with each character that Markdown or HTML could read as markup
// replaced by its numeric character reference, which renders as the character
// itself. Links are made only to GitHub run pages on this job's own server.

import * as core from '@actions/core'
import { boardRows, type Markup } from '../lock/board.ts'
import { describeBreak, type BreakRecord } from '../lock/break-record.ts'
import { formatDuration } from '../lock/duration.ts'
import { ordinal } from '../lock/queue/queue.ts'
import type { LockStatus } from '../lock/lock-status.ts'
import type { Priority } from '../lock/queue/entry.ts'
import { safeRunLink } from '../lock/run-page.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { HealedLapse, LossRecord, Requester } from '../renewer/lifecycle.ts'
import type { Turn } from './state.ts'
import { SHOWN, type SeenHolder, type WaitRecord } from './wait-record.ts'

/**
 * Characters that start or end markup in Markdown (emphasis, code, links,
 * images, tables, autolinks (the ':' of a URL), mentions, headings, math,
 * escapes) or in HTML (tags, entities, attribute quotes).
 */
const MARKUP = /[&<>"'`|*_~[\]()\\@:#!$]/g

/**
 * Text that is already one line the log may show (the action's own, or what
 * showUntrusted or describeHolder made of others'), with its markup
 * characters replaced by references, and any line break by a space.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(MARKUP, (ch) => `&#${ch.codePointAt(0)};`)
}

/** Text that others wrote, for the summary: one line, no controls, no markup; it renders as the log shows it. */
export function summaryText(untrusted: string, maxLength?: number): string {
  return escapeMarkup(showUntrusted(untrusted, maxLength))
}

/** A cell that links a holder's run when its URL is safe, and shows it as plain text otherwise. */
function runCell(record: { runId: string; runUrl: string }, serverUrl: string): string {
  const label = record.runId ? `run ${summaryText(record.runId, SHOWN.runId)}` : 'run'
  const href = safeRunLink(record.runUrl, serverUrl)
  // The href passed safeRunLink: https, this server, and a path of letters, digits and . _ - / only.
  if (href) return `<a href="${href}">${label}</a>`
  return record.runUrl ? `${label} (${summaryText(record.runUrl)})` : record.runId ? label : ''
}

function who(record: SeenHolder): string {
  const parts = [
    summaryText(record.repository) || 'unknown repository',
    record.workflow && `workflow “${summaryText(record.workflow)}”`,
    record.job && `job ${summaryText(record.job)}`,
    record.actor && `actor ${summaryText(record.actor)}`,
    record.supersedeKey !== undefined && keySequence(record),
  ]
  return parts.filter(Boolean).join(', ')
}

/** 'key “production”, sequence 812': a supersede key and sequence, as others wrote them. */
function keySequence(record: { supersedeKey?: string; sequence?: string }): string {
  return `key “${summaryText(record.supersedeKey ?? '', SHOWN.supersedeKey)}”, sequence ${summaryText(record.sequence ?? '', SHOWN.sequence) || 'none'}`
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((cell) => `<th align="left">${cell}</th>`).join('')
  const trs = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')
  return `<table><tr>${th}</tr>${trs}</table>`
}

// ---- Post: one section per lock -------------------------------------------

/** What post knows of one lock at the end of the job. */
export interface LockSummary {
  location: string
  /** What main saw while it waited; undefined when main never started waiting. */
  wait: WaitRecord | undefined
  /** Its place in line on arrival and its fencing token, when main took the lock. */
  turn?: Turn
  /** The priority the job waited with (lock/queue/priority.ts); undefined: normal. */
  priority?: Priority
  /** The hold, when main took the lock. */
  hold?: {
    acquiredAt: Date
    /** When the lease was given back or found lost; when post looked, if neither is known. */
    endedAt: Date
    /** kept: scope run, the lease stays as a hold of the run for its next job. */
    outcome: 'released' | 'lost' | 'expires' | 'kept'
    releasedBy?: Requester
    renewals?: number
    longestGapMs?: number
    /** A lapse that a later renewal healed (the longest): the lease went unrenewed for longer than its duration. */
    healedLapse?: HealedLapse
    loss?: LossRecord
    brokenBy?: BreakRecord
  }
}

function resultOf(summary: LockSummary): string {
  const hold = summary.hold
  if (hold?.outcome === 'lost') return '<strong>Lost while held</strong>: see below'
  if (hold?.outcome === 'expires') return 'Held; not released, the lease expires by itself'
  if (hold?.outcome === 'kept') return 'Held, and kept as a hold of the workflow run for its next job'
  if (hold) {
    if (hold.releasedBy === 'release step') return 'Held, and released early by a release step'
    if (hold.releasedBy === 'worker gone') return 'Held, and released when the runner worker was gone'
    return 'Held, and released by post'
  }
  switch (summary.wait?.outcome) {
    case 'acquired':
      // Main gave it back (its renewer could not start), or post could not finish.
      return 'Taken, but not held through the job: see the main and post steps’ logs'
    case 'timed-out':
      return 'Not taken: the wait timed out'
    case 'cancelled':
      return 'Not taken: the step was cancelled'
    case 'failed':
      return 'Not taken: the step failed'
    case 'superseded':
      return 'Not taken: superseded by a newer run of the same supersede key'
    case 'stale':
      return 'Not taken: stale, a newer run of the same supersede key has already held it'
    default:
      return 'Not taken'
  }
}

/** A time from state, written again by the action: digits, '-', ':', '.', 'T' and 'Z' only. */
const at = (iso: string): string => new Date(Date.parse(iso)).toISOString()
/** '1m 30s': digits, letters and spaces only. */
const span = (fromMs: number, toMs: number): string => formatDuration(toMs - fromMs)

/** The summary's words for a healed lapse: digits, letters, spaces and the ISO times written again. */
function healedText(lapse: HealedLapse): string {
  const times = lapse.count > 1 ? `${lapse.count} times, the longest ` : ''
  return (
    `<strong>the lease lapsed</strong> ${times}for ${formatDuration(lapse.gapMs)}, longer than its ` +
    `${formatDuration(lapse.leaseMs)} duration, from ${at(lapse.lapsedAt)}, and a later renewal ` +
    `(${at(lapse.renewedAt)}) healed it: Azure renews a lapsed lease only if nobody leased the lock since, so ` +
    'nobody else held it'
  )
}

/**
 * The facts of a section, one row each, in order; a row whose value is
 * undefined is left out. A new fact is one more row here.
 */
const FACTS: ReadonlyArray<[string, (summary: LockSummary) => string | undefined]> = [
  ['Result', (s) => resultOf(s)],
  [
    'Waited',
    ({ wait }) =>
      wait &&
      `${span(Date.parse(wait.startedAt), Date.parse(wait.endedAt))}, from ${at(wait.startedAt)} to ${at(wait.endedAt)}`,
  ],
  [
    'Held',
    ({ hold }) =>
      hold &&
      `${span(hold.acquiredAt.getTime(), hold.endedAt.getTime())}, from ${at(hold.acquiredAt.toISOString())} to ${at(hold.endedAt.toISOString())}`,
  ],
  [
    'Renewals',
    ({ hold }) =>
      hold?.renewals === undefined
        ? undefined
        : `${hold.renewals}${hold.longestGapMs ? `, longest gap ${formatDuration(hold.longestGapMs)}` : ''}` +
          (hold.healedLapse ? `; ${healedText(hold.healedLapse)}` : ''),
  ],
  [
    'Lost',
    ({ hold }) =>
      !hold
        ? undefined
        : hold.loss
          ? `<strong>Yes</strong>: exclusivity was guaranteed only until ${at(hold.loss.exclusiveUntil)}; ` +
            `found at ${at(hold.loss.detectedAt)}: ${escapeMarkup(hold.loss.reason)}`
          : 'No',
  ],
  ['Broken by', ({ hold }) => hold?.brokenBy && escapeMarkup(describeBreak(hold.brokenBy))],
  [
    'Place in line',
    ({ turn }) =>
      turn && (turn.arrivalPosition === 1 ? 'first: the lock was free' : `${ordinal(turn.arrivalPosition)} on arrival`),
  ],
  ['Fencing token', ({ turn }) => turn && String(turn.fencingToken)],
  ['Slot', ({ turn }) => turn?.slot && `${turn.slot.slot} of ${turn.slot.of}`],
  ['Slots when it came', ({ wait }) => wait?.slotsSeen && escapeMarkup(wait.slotsSeen)],
  ['Hold ended', ({ wait }) => wait?.holdEnded && escapeMarkup(`This job ended it: ${wait.holdEnded}`)],
  [
    'Hold taken over',
    ({ wait }) =>
      wait?.holdTakenOver &&
      escapeMarkup(`This job took over its run's hold, keeping the run's fencing token: ${wait.holdTakenOver}`),
  ],
  [
    'Priority',
    ({ wait, priority }) =>
      wait &&
      (priority === 'high'
        ? 'high: ahead of every normal waiter not yet holding'
        : 'normal' +
          (wait.highPriorityAhead
            ? `; ${wait.highPriorityAhead === 1 ? 'a high-priority waiter' : `${wait.highPriorityAhead} high-priority waiters`} joined ahead of this job`
            : '')),
  ],
  ['Long wait', ({ wait }) => wait?.longWait && `<strong>Warned</strong>: ${escapeMarkup(wait.longWait)}`],
]

/** The section post writes for one lock, as Markdown with HTML. */
export function renderLockSummary(summary: LockSummary, serverUrl: string): string {
  const rows = FACTS.flatMap(([label, value]) => {
    const shown = value(summary)
    return shown === undefined ? [] : [[label, shown]]
  })
  const facts = `<table>${rows.map(([label, value]) => `<tr><th align="left">${label}</th><td>${value}</td></tr>`).join('')}</table>`
  const parts = [`### Lock ${escapeMarkup(summary.location)}`, '', facts, '']
  const wait = summary.wait
  if (wait) {
    const seen = wait.holders.map((holder) => [who(holder), runCell(holder, serverUrl), summaryText(holder.acquiredAt)])
    if (wait.unknownHolderSeen) seen.push(['a client that writes no holder record (az CLI, go-azuremutex…)', '', ''])
    // Entries that held the queue without serving it: the wait was not on a holder, and the summary says so.
    const passed = wait.passedOver
      ? `${wait.passedOver === 1 ? 'A queue entry' : `${wait.passedOver} queue entries`} ahead of this job ` +
        'did not serve the lock (an infinite lease, or a head that left it free) and ' +
        `${wait.passedOver === 1 ? 'was' : 'were'} passed over; see the main step’s warnings.`
      : undefined
    if (seen.length === 0) {
      parts.push(
        passed
          ? `No job held the lock while this job waited for it. ${passed}`
          : 'Nobody held the lock while this job waited for it.',
        '',
      )
    } else {
      if (passed) parts.push(passed, '')
      parts.push('Holders seen while waiting:', '', table(['Holder', 'Run', 'Since'], seen), '')
      if (wait.holdersLeftOut > 0) parts.push(`… and ${wait.holdersLeftOut} more.`, '')
    }
    // Latest wins: who waited with a key, and for each key the last sequence that held, with its run.
    if (wait.keyedWaiters && wait.keyedWaiters.length > 0) {
      const rows = wait.keyedWaiters.map((waiter) => [
        summaryText(waiter.repository) || 'unknown repository',
        runCell(waiter, serverUrl),
        summaryText(waiter.supersedeKey, SHOWN.supersedeKey),
        summaryText(waiter.sequence ?? '', SHOWN.sequence) || 'none',
      ])
      parts.push('Waiters seen with a supersede key:', '', table(['Waiter', 'Run', 'Key', 'Sequence'], rows), '')
      if (wait.keyedWaitersLeftOut) parts.push(`… and ${wait.keyedWaitersLeftOut} more.`, '')
    }
    if (wait.lastHeld && wait.lastHeld.length > 0) {
      const rows = wait.lastHeld.map((record) => [
        summaryText(record.supersedeKey ?? '', SHOWN.supersedeKey),
        summaryText(record.sequence ?? '', SHOWN.sequence) || 'none',
        summaryText(record.repository) || 'unknown repository',
        runCell(record, serverUrl),
        summaryText(record.acquiredAt),
      ])
      parts.push(
        'Last sequence that held, per supersede key:',
        '',
        table(['Key', 'Sequence', 'Holder', 'Run', 'Since'], rows),
        '',
      )
      if (wait.lastHeldLeftOut) parts.push(`… and ${wait.lastHeldLeftOut} more.`, '')
    }
  }
  return parts.join('\n')
}

/** Appends to the step's summary file; says why in the debug log when there is none or it cannot be written. */
export async function appendSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No job summary: GITHUB_STEP_SUMMARY is not set (an older runner, or a run outside GitHub Actions).')
    return
  }
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (err) {
    core.debug(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    core.summary.emptyBuffer()
  }
}

// ---- Status: a table of locks ----------------------------------------------

/** The board in the summary: HTML that renders every value as the log shows it, and links only safe run pages. */
function summaryMarkup(serverUrl: string): Markup {
  return {
    text: escapeMarkup,
    strong: (shown) => `<strong>${shown}</strong>`,
    run: (record) => runCell(record, serverUrl),
    lineBreak: '<br>',
  }
}

/** The status step's section: a heading and one row per lock. */
export function renderStatusTable(title: string, locks: LockStatus[], serverUrl: string): string {
  const { head, rows } = boardRows(locks, summaryMarkup(serverUrl))
  const body = locks.length === 0 ? 'No locks.' : table(head, rows)
  return [`### ${escapeMarkup(title)}`, '', body, ''].join('\n')
}
