// The renewer's bookkeeping on disk: a status file with its latest report,
// and a log. Both are for when the renewer cannot answer (it died) and for
// people; the lease never depends on them. Every write is best effort: a
// vanished folder is made again, a rename that another process blocks (as
// Windows does while a file is open) is tried again, and a write that still
// fails is skipped. Nothing here throws.

import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseRenewerReport, type RenewerReport } from './lifecycle.ts'

const RENAME_TRIES = 5
const RENAME_PAUSE_MS = 20
const LOG_LINES_KEPT = 200

export function logFileOf(statusFile: string): string {
  return statusFile.replace(/\.json$/, '') + '.log'
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Runs a write; on ENOENT makes the folder again and tries once more. Returns the error it gave up on. */
function withFolder(path: string, write: () => void): unknown {
  try {
    write()
    return undefined
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return err
  }
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    write()
    return undefined
  } catch (err) {
    return err
  }
}

export class RenewerRecords {
  readonly statusFile: string
  readonly logFile: string
  private readonly lines: string[] = []
  /** Writes that failed, for the log; they never stop the renewer. */
  private failedWrites = 0

  constructor(statusFile: string) {
    this.statusFile = statusFile
    this.logFile = logFileOf(statusFile)
  }

  /** Writes the report whole and renames it into place, so a reader never sees half a file. */
  writeStatus(report: RenewerReport): void {
    const tmp = `${this.statusFile}.${process.pid}.tmp`
    const err = withFolder(this.statusFile, () => {
      writeFileSync(tmp, JSON.stringify(report), { mode: 0o600 })
      for (let tries = 1; ; tries++) {
        try {
          renameSync(tmp, this.statusFile)
          return
        } catch (renameErr) {
          const code = (renameErr as NodeJS.ErrnoException).code
          if (tries >= RENAME_TRIES || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw renameErr
          pause(RENAME_PAUSE_MS)
        }
      }
    })
    if (err) this.noteFailure('status file', err)
  }

  /** Appends a line to the log file and keeps it in memory, to be sent to post with the final report. */
  log(line: string): void {
    const stamped = `${new Date().toISOString()} ${line}`
    this.lines.push(stamped)
    if (this.lines.length > LOG_LINES_KEPT) this.lines.splice(0, this.lines.length - LOG_LINES_KEPT)
    const err = withFolder(this.logFile, () => appendFileSync(this.logFile, `${stamped}\n`, { mode: 0o600 }))
    if (err) this.noteFailure('log file', err)
  }

  /** The latest log lines, newest last. */
  recent(): string[] {
    return [...this.lines]
  }

  private noteFailure(what: string, err: unknown): void {
    this.failedWrites += 1
    // Say so once in a while, in memory only: writing about a failed write would fail too.
    if (this.failedWrites === 1 || this.failedWrites % 100 === 0) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message
      this.lines.push(`${new Date().toISOString()} could not write the ${what} (${code}); renewing goes on`)
    }
  }
}

/** The report in a status file, if the file exists and holds one. */
export function readStatusFile(path: string): RenewerReport | undefined {
  try {
    return parseRenewerReport(JSON.parse(readFileSync(path, 'utf8')))
  } catch {
    return undefined
  }
}

/** The renewer's log file, or '' when there is none. */
export function readLogFile(statusFile: string): string {
  try {
    return readFileSync(logFileOf(statusFile), 'utf8')
  } catch {
    return ''
  }
}
