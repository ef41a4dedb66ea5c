// Careful handling of other processes by pid: pids come from state files and
// get reused, so nothing here signals 0, 1, a negative pid or a process group,
// and callers check a process's identity before they signal it.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** A pid we may ever signal: a positive integer above 1. */
export function isSignallablePid(pid: unknown): pid is number {
  return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 1
}

function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after "(comm)": state is field 3, starttime field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

const hasProc = ((): boolean => {
  try {
    readFileSync('/proc/self/stat')
    return true
  } catch {
    return false
  }
})()

/** True while the process exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  if (!isSignallablePid(pid)) return false
  try {
    process.kill(pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (hasProc) {
    const stat = procStat(pid)
    return stat !== undefined && stat[0] !== 'Z'
  }
  return true
}

/** An opaque token that changes when the pid is reused by another process. */
export function startTimeOf(pid: number): string | undefined {
  if (!isSignallablePid(pid)) return undefined
  if (hasProc) return procStat(pid)?.[19]
  return runPs(pid, 'lstart=')
}

/** The process's command line, arguments joined by spaces. */
export function commandLineOf(pid: number): string | undefined {
  if (!isSignallablePid(pid)) return undefined
  if (hasProc) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    } catch {
      return undefined
    }
  }
  return runPs(pid, 'command=')
}

function runPs(pid: number, format: string): string | undefined {
  if (process.platform === 'win32') return undefined
  try {
    return (
      execFileSync('ps', ['-o', format, '-p', String(pid)], { encoding: 'utf8', timeout: 5_000 }).trim() || undefined
    )
  } catch {
    return undefined
  }
}

/** Signals one process, never a group; refuses unsafe pids. Returns whether the signal was sent. */
export function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  if (!isSignallablePid(pid)) return false
  try {
    process.kill(pid, signal)
    return true
  } catch {
    return false
  }
}
