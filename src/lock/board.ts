// The board: every lock of a container (or one), who holds each, since when,
// with what lease, the last break and who waits. One set of columns serves
// every face that shows it: the status sub-action's job summary (HTML) and the
// azure-mutex command's table (plain text), each through its own Markup; and
// one JSON form serves scripts. Every value read from storage goes through
// showUntrusted (via describeHolderSeen, briefHolder, describeBreak or
// directly) before a Markup sees it, so each face only has to keep its own
// markup characters inert.

import { describeBreak } from './break-record.ts'
import type { HoldRecord } from './deploy/hold.ts'
import { briefHolder, type HolderIdentity, type HolderRecord } from './holder.ts'
import { describeHolderSeen } from './holder-seen.ts'
import type { LockStatus } from './lock-status.ts'
import type { Priority } from './queue/entry.ts'
import { describeSlotsHeld } from './queue/slots.ts'
import { shownRunUrl } from './run-page.ts'
import { showUntrusted } from './untrusted-text.ts'

/** How a face writes the few kinds of text a cell holds. Each gets text that is already one safe line. */
export interface Markup {
  /** Plain text, to be shown as it is (HTML escapes its markup characters; a terminal leaves it). */
  text: (shown: string) => string
  /** Text to stand out. */
  strong: (shown: string) => string
  /** A holder's run: a link where the face can make a safe one, else plain text. The record is as read. */
  run: (record: HolderRecord) => string
  /** Between the lines of one cell. */
  lineBreak: string
}

/** The holder's identity in a few words: repository, workflow, job and actor, each shown safely. */
function who(record: HolderRecord, markup: Markup): string {
  const show = (value: string): string => markup.text(showUntrusted(value))
  const parts = [
    show(record.repository) || 'unknown repository',
    record.workflow && `workflow “${show(record.workflow)}”`,
    record.job && `job ${show(record.job)}`,
    record.actor && `actor ${show(record.actor)}`,
  ]
  return parts.filter(Boolean).join(', ')
}

function waiterName(waiter: HolderIdentity | undefined, priority?: Priority): string {
  const name = waiter ? briefHolder(waiter) : 'a waiter that wrote no record'
  return priority === 'high' ? `${name} (high priority)` : name
}

/** The columns of the board, in order: a heading and how to write one lock's cell. */
export const BOARD_COLUMNS: ReadonlyArray<[string, (lock: LockStatus, markup: Markup) => string]> = [
  ['Lock', (lock, markup) => markup.text(showUntrusted(lock.name))],
  [
    'State',
    (lock) =>
      lock.held
        ? lock.leaseState === 'breaking'
          ? 'held (lease breaking)'
          : 'held'
        : // A hold whose end has come (hold.ts) holds nothing; the next job that comes ends it.
          lock.endedHold
          ? 'free (its hold has ended; the next job ends its lease)'
          : 'free',
  ],
  [
    'Holder',
    (lock, markup) =>
      !lock.held
        ? ''
        : // A hold (hold.ts) is told as one: its reason, who set it and until when.
          lock.seen?.hold
          ? markup.text(describeHolderSeen(lock.seen))
          : lock.holder
            ? `${who(lock.holder, markup)} ${markup.run(lock.holder)}`
            : lock.seen?.record
              ? markup.text(describeHolderSeen({ ...lock.seen, infinite: false }))
              : 'unknown: a client that writes no holder record',
  ],
  [
    'Since',
    (lock, markup) =>
      !lock.held
        ? ''
        : lock.holder
          ? markup.text(showUntrusted(lock.holder.acquiredAt))
          : // A hold keeps no fresh holder record: it stands since the hold was set.
            lock.seen?.hold
            ? markup.text(showUntrusted(lock.seen.hold.setAt))
            : '',
  ],
  [
    'Lease',
    (lock) => (!lock.held ? '' : lock.leaseKind === 'infinite' ? 'infinite (never expires)' : (lock.leaseKind ?? '')),
  ],
  ['Last break', (lock, markup) => (lock.lastBreak ? markup.text(describeBreak(lock.lastBreak)) : '')],
  [
    'Waiting',
    (lock, markup) =>
      (lock.queue === undefined
        ? 'not listed'
        : lock.queue
            .map((waiter, index) =>
              markup.text(`${placeOf(lock, index)}. ${waiterName(waiter, lock.priorities?.[index])}`),
            )
            .join(markup.lineBreak)) +
      (lock.squatters?.length
        ? `${lock.queue?.length ? markup.lineBreak : ''}${markup.strong('squatted')}: entry ${lock.squatters.join(', ')} ` +
          'holds an infinite lease (passed over; clear it with the break action)'
        : ''),
  ],
  [
    'Newest per key',
    (lock, markup) =>
      (lock.latest ?? []).map((record) => markup.text(describeLatestKey(record))).join(markup.lineBreak),
  ],
  // With slots, State and Holder are slot 1's (the lock blob): this says how many of the N are held, and by whom.
  ['Slots', (lock, markup) => (lock.slots ? markup.text(describeSlotsHeld(lock.slots)) : '')],
]

/** A waiter's place in line, as the wait lines count: the holder is 1st. */
function placeOf(lock: LockStatus, index: number): number {
  return index + (lock.held ? 2 : 1)
}

/** '"production": 812 (org/api run 812)', the highest sequence that held for one key; through showUntrusted. */
function describeLatestKey(record: HolderRecord): string {
  const run = record.runId ? ` run ${showUntrusted(record.runId, 40)}` : ''
  return (
    `"${showUntrusted(record.supersedeKey ?? '', 80)}": ${showUntrusted(record.sequence ?? '', 40)} ` +
    `(${showUntrusted(record.repository, 100)}${run})`
  )
}

/** The board's rows: one per lock, one cell per column, written with the face's markup. */
export function boardRows(locks: readonly LockStatus[], markup: Markup): { head: string[]; rows: string[][] } {
  return {
    head: BOARD_COLUMNS.map(([head]) => head),
    rows: locks.map((lock) => BOARD_COLUMNS.map(([, cell]) => cell(lock, markup))),
  }
}

/** Plain text: what a terminal shows. Values are already one line without controls. */
export const PLAIN_TEXT: Markup = {
  text: (shown) => shown,
  strong: (shown) => shown.toUpperCase(),
  run: (record) => {
    const run = record.runId ? `run ${showUntrusted(record.runId, 40)}` : ''
    const runUrl = shownRunUrl(record.runUrl)
    const url = runUrl ? showUntrusted(runUrl) : ''
    return [run, url].filter(Boolean).join(' ')
  },
  lineBreak: '; ',
}

/**
 * The board as a plain-text table for a terminal: a heading row, then one row
 * per lock, columns padded to their widest cell. Columns that are empty for
 * every lock are left out, so a board of free locks stays narrow.
 */
export function renderBoardText(locks: readonly LockStatus[]): string {
  if (locks.length === 0) return 'No locks.\n'
  const { head, rows } = boardRows(locks, PLAIN_TEXT)
  const used = head.map((_, column) => rows.some((row) => row[column] !== ''))
  const keep = <T>(cells: T[]): T[] => cells.filter((_, column) => used[column])
  const table = [keep(head).map((cell) => cell.toUpperCase()), ...rows.map(keep)]
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)))
  return (
    table
      .map((row) =>
        row
          .map((cell, column) => cell.trim().padEnd(widths[column]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  )
}

/** One waiter in the board's JSON: its place in line (a holder counts 1st, as the wait lines count) and who it is. */
export interface BoardWaiter {
  place: number
  /** Who waits, shown safely; null for an entry that says nothing readable. */
  waiter: HolderIdentity | null
  /** Its priority (priority.ts): the queue is listed in the order of the line. */
  priority: Priority
  // The waiter's supersede key and sequence, when it gave them, are fields of `waiter`.
}

/** One lock in the board's JSON: the same facts as the columns, every value from storage shown safely. */
export interface BoardLock {
  name: string
  held: boolean
  leaseState: string
  leaseKind: string | null
  /** The holder record as believed (null when free or unknown), every value shown safely. */
  holder: HolderRecord | null
  /** For a held lock: the holder in one line, as the table shows it (stale and missing records included). */
  holderDescription: string | null
  lastBreak: string | null
  /** null when the queue could not be listed. */
  queue: BoardWaiter[] | null
  squatters: number[]
  /** The hold that holds the lock (a freeze or a run's hold), every value shown safely; null when none stands. */
  hold: BoardHold | null
  /** A hold whose end has come, its lease not yet ended (the lock is free: `held` is false); null when none. */
  endedHold: BoardHold | null
  /** Per supersede key, the highest sequence that held the lock, and who; [] when none (or not listed). */
  latest: BoardLatest[]
  /** With slots: "2 of 3 slots held: …", as the table says it; null for a lock of one slot. */
  slots: string | null
}

export interface BoardHold {
  scope: string
  reason: string
  setBy: string
  repository: string
  runId: string
  setAt: string
  /** '' for a hold with no end. */
  until: string
}

export interface BoardLatest {
  key: string
  sequence: string
  holder: HolderRecord
}

function shownRecord<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).map(([field, value]) => [field, typeof value === 'string' ? showUntrusted(value) : value]),
  ) as T
}

/** A lock as JSON for scripts. */
export function boardJson(lock: LockStatus): BoardLock {
  return {
    name: showUntrusted(lock.name),
    held: lock.held,
    leaseState: showUntrusted(lock.leaseState, 40),
    leaseKind: lock.held ? (lock.leaseKind ?? null) : null,
    holder: lock.held && lock.holder ? shownRecord(lock.holder) : null,
    // As the table's Holder column and the status action's log say it: the lease kind is a field of its own.
    holderDescription: lock.held ? describeHolderSeen(lock.seen && { ...lock.seen, infinite: false }) : null,
    lastBreak: lock.lastBreak ? describeBreak(lock.lastBreak) : null,
    queue:
      lock.queue?.map((waiter, index) => ({
        place: placeOf(lock, index),
        waiter: waiter ? shownRecord(waiter) : null,
        priority: lock.priorities?.[index] ?? 'normal',
      })) ?? null,
    squatters: lock.squatters ?? [],
    hold: lock.held && lock.seen?.hold ? boardHold(lock.seen.hold) : null,
    endedHold: lock.endedHold ? boardHold(lock.endedHold) : null,
    latest: (lock.latest ?? []).map((record) => ({
      key: showUntrusted(record.supersedeKey ?? '', 300),
      sequence: showUntrusted(record.sequence ?? '', 40),
      holder: shownRecord(record),
    })),
    slots: lock.slots ? describeSlotsHeld(lock.slots) : null,
  }
}

function boardHold(hold: HoldRecord): BoardHold {
  const { scope, reason, setBy, repository, runId, setAt, until } = hold
  return shownRecord({ scope, reason, setBy, repository, runId, setAt, until })
}
