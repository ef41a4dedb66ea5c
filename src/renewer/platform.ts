// What the renewer's lifecycle needs from the operating system, given the
// platform as a value so that every branch can be tested on any machine:
// where the control channel listens, whether a process is alive, and how to
// end one. Nothing here spawns a process or reads another's command line, and
// nothing signals pid 0, 1, a negative pid or a process group.

import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Platform {
  os: NodeJS.Platform
  /** The folder for a socket file where the OS has no socket namespace of its own (macOS, BSD). */
  tmpdir: string
  /** Where /proc is, or undefined where there is none (macOS, Windows). */
  procDir: string | undefined
}

function procDirOf(os: NodeJS.Platform): string | undefined {
  if (os !== 'linux') return undefined
  try {
    readFileSync('/proc/self/stat')
    return '/proc'
  } catch {
    return undefined
  }
}

export const thisPlatform: Platform = {
  os: process.platform,
  tmpdir: tmpdir(),
  procDir: procDirOf(process.platform),
}

/**
 * Where the renewer with this id listens, chosen so that no later step can
 * take it away by emptying $RUNNER_TEMP:
 * - Linux: an abstract socket, which has no file at all;
 * - Windows: a named pipe, which lives in the pipe namespace, not on disk;
 * - elsewhere (macOS): a socket file in the user's temp folder ($TMPDIR, not
 *   $RUNNER_TEMP), short enough for the 104-byte limit on socket paths; the
 *   renewer listens again if the file disappears.
 */
export function channelAddress(id: string, platform: Platform = thisPlatform): string {
  if (platform.os === 'linux') return `\0azure-mutex-${id}`
  if (platform.os === 'win32') return `\\\\.\\pipe\\azure-mutex-${id}`
  return join(platform.tmpdir, `azmx-${id.slice(0, 16)}.sock`)
}

/** True when the address is a file on disk that a clean-up could delete. */
export function isSocketFile(address: string): boolean {
  return !address.startsWith('\0') && !address.startsWith('\\\\.\\pipe\\')
}

/** A pid we may ever signal: a positive integer above 1. */
export function isSignallablePid(pid: unknown): pid is number {
  return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 1
}

/** The fields of /proc/<pid>/stat after "(comm)": state is [0], start time [19]. */
function procStat(pid: number, procDir: string): string[] | undefined {
  try {
    const stat = readFileSync(`${procDir}/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

/** An opaque token that changes when the pid is reused, where it is cheap to read (/proc); else undefined. */
export function startTimeOf(pid: number, platform: Platform = thisPlatform): string | undefined {
  if (!isSignallablePid(pid) || !platform.procDir) return undefined
  return procStat(pid, platform.procDir)?.[19]
}

export type Liveness = 'alive' | 'gone' | 'unknown'

/**
 * Whether a process runs, from `kill(pid, 0)` (which works on every OS,
 * Windows included): ESRCH means gone, EPERM means it exists but is not
 * ours. With /proc, a zombie or a different start time also means gone (the
 * pid was reused). Anything that cannot be read is 'unknown', never 'gone'.
 */
export function livenessOf(
  pid: number,
  expectedStartTime: string | undefined,
  platform: Platform = thisPlatform,
  probe: (pid: number) => void = (p) => process.kill(p, 0),
): Liveness {
  if (!isSignallablePid(pid)) return 'unknown'
  try {
    probe(pid)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ESRCH') return 'gone'
    if (code !== 'EPERM') return 'unknown'
  }
  if (!platform.procDir) return 'alive'
  const stat = procStat(pid, platform.procDir)
  if (!stat) return 'unknown'
  if (stat[0] === 'Z' || stat[0] === 'X') return 'gone'
  if (expectedStartTime !== undefined && stat[19] !== expectedStartTime) return 'gone'
  return 'alive'
}

/**
 * Ends one process at once (SIGKILL; TerminateProcess on Windows), never a
 * group; refuses unsafe pids. Callers must have proven the pid is the process
 * they mean. Returns whether the signal was sent.
 */
export function killProcess(pid: number): boolean {
  if (!isSignallablePid(pid)) return false
  try {
    process.kill(pid, 'SIGKILL')
    return true
  } catch {
    return false
  }
}
