// The command that `azure-mutex hold` runs must not outlive it. The CLI ends
// its command itself whenever it can (a signal, a lost lease, the command's
// end), but a CLI killed outright (SIGKILL, the OOM killer) runs no code: its
// lease lapses by itself, the next waiter holds the lock, and a command left
// running would be a second holder. So the command runs in a process group of
// its own, and a small detached process, the watchdog, watches the CLI:
//
// - The CLI holds the write end of the watchdog's stdin. However the CLI ends,
//   the kernel closes that end, and the watchdog reads end-of-file at once
//   (no polling, no /proc: a pipe's end is seen the same way on every OS).
// - The CLI writes `watch <pid>` once the command runs, and `done` once the
//   command and every process of its group have gone. End-of-file without
//   `done` means the CLI is gone while the command may run: the watchdog ends
//   the command's whole group (SIGTERM, then SIGKILL after GRACE_MS), well
//   before the lease can lapse (a third of the lease after the CLI's last
//   renewal at the earliest: 10 s for 15 s), and exits.
//
// On Windows, where process groups are not POSIX ones, the command is started
// as before and the watchdog ends it and its descendants with `taskkill /T /F`
// (a descendant whose parent has already exited is not found that way).
//
// The watchdog is this same command (the script node runs, process.argv[1])
// with WATCHDOG_ARG and the CLI's pid; it reads nothing else and holds no secret.

import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { setTimeout as delay } from 'node:timers/promises'

/** The hidden first argument that makes azure-mutex a watchdog (main.ts); the CLI's pid follows it. */
export const WATCHDOG_ARG = '--azure-mutex-watchdog'

/**
 * How long the command's group has between SIGTERM and SIGKILL, when the CLI
 * is gone or when the command left processes behind. The lease lapses at the
 * earliest two thirds of a lease after the CLI's last renewal (10 s for 15 s).
 */
export const GRACE_MS = 2_000

/** How often the group is looked at during the grace. */
const POLL_MS = 50

/** What ending a command needs from the operating system, given as values so that every branch can be tested anywhere. */
export interface ProcessControl {
  platform: NodeJS.Platform
  /** process.kill: a negative pid is a process group. */
  kill: (pid: number, signal: NodeJS.Signals | 0) => void
  /** Runs a program to its end (Windows: taskkill). */
  run: (file: string, args: string[]) => void
}

export const THIS_MACHINE: ProcessControl = {
  platform: process.platform,
  kill: (pid, signal) => process.kill(pid, signal),
  run: (file, args) => void spawnSync(file, args, { stdio: 'ignore', windowsHide: true, timeout: 10_000 }),
}

/** A pid that may be signalled, or lead a group that may be: never 0, 1 or negative (-1 is every process). */
function isCommandPid(pid: unknown): pid is number {
  return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 1
}

/**
 * How the command is started: on POSIX, detached, which makes it the leader of
 * a new process group (and session) whose id is its pid, so that it and every
 * process it starts can be signalled at once; its stdio still inherits the
 * CLI's. On Windows detached would give it a console of its own: it is
 * started as before.
 */
export function commandSpawnOptions(platform: NodeJS.Platform): Pick<SpawnOptions, 'detached'> {
  return platform === 'win32' ? {} : { detached: true }
}

/**
 * Passes a signal on to the command: on POSIX to its whole group (a terminal's
 * Ctrl-C reaches only the CLI's group now, so the CLI carries it to every
 * process of the command's, as the terminal would have); on Windows to the
 * process (which ends it: Windows has no signals to pass). Returns whether it was sent.
 */
export function signalCommand(
  child: Pick<ChildProcess, 'pid' | 'kill'>,
  signal: NodeJS.Signals,
  control: ProcessControl = THIS_MACHINE,
): boolean {
  if (!isCommandPid(child.pid)) return false
  if (control.platform === 'win32') return child.kill(signal)
  try {
    control.kill(-child.pid, signal)
    return true
  } catch {
    return false
  }
}

/** Whether any process of the command's group is left (POSIX); false on Windows, where there is no group to look at. */
export function groupAlive(pid: number, control: ProcessControl = THIS_MACHINE): boolean {
  if (!isCommandPid(pid) || control.platform === 'win32') return false
  try {
    control.kill(-pid, 0)
    return true
  } catch (err) {
    // EPERM: a process of the group that is not ours (setuid); it is there all the same.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Ends the command and what it started: on POSIX SIGTERM to its group, then
 * SIGKILL once graceMs have passed with any of it left; on Windows
 * `taskkill /T /F` on its tree. Resolves once that is done.
 */
export async function endCommandGroup(
  pid: number,
  control: ProcessControl = THIS_MACHINE,
  graceMs = GRACE_MS,
): Promise<void> {
  if (!isCommandPid(pid)) return
  if (control.platform === 'win32') {
    control.run('taskkill', ['/PID', String(pid), '/T', '/F'])
    return
  }
  try {
    control.kill(-pid, 'SIGTERM')
  } catch {
    return // the group is gone
  }
  for (let waited = 0; waited < graceMs; waited += POLL_MS) {
    if (!groupAlive(pid, control)) return
    await delay(POLL_MS)
  }
  try {
    control.kill(-pid, 'SIGKILL')
  } catch {
    // gone in the last moment
  }
}

/**
 * The watchdog's own work, in its process: read `watch <pid>` and `done`
 * lines until end-of-file; at end-of-file without `done`, end the group.
 */
export async function runWatchdog(
  input: NodeJS.ReadableStream = process.stdin,
  control: ProcessControl = THIS_MACHINE,
  graceMs = GRACE_MS,
): Promise<void> {
  let watched: number | undefined
  let done = false
  let text = ''
  try {
    for await (const chunk of input) {
      text += String(chunk)
      const lines = text.split('\n')
      text = lines.pop()!
      for (const line of lines) {
        const watch = /^watch (\d{1,10})$/.exec(line)
        if (watch) watched = Number(watch[1])
        else if (line === 'done') done = true
      }
    }
  } catch {
    // A read that fails is the CLI gone too.
  }
  if (!done && watched !== undefined) await endCommandGroup(watched, control, graceMs)
}

/** The CLI's side of a watchdog: tell it the command's pid, and that the command is done. */
export interface Watchdog {
  readonly process: ChildProcess
  /** Set by done(): an exit of the watchdog after it is expected. */
  readonly finished: boolean
  watch(pid: number): void
  /** The command and its group are gone: the watchdog leaves without doing anything. */
  done(): void
}

/**
 * Starts a watchdog for this CLI: the same script with WATCHDOG_ARG, detached
 * (its own group, so a Ctrl-C or a kill of the CLI's group does not take it
 * along), its stdin a pipe from us, its output nowhere, and an environment
 * without the secrets this command was given. It does not keep the CLI alive.
 */
export function startWatchdog(env: NodeJS.ProcessEnv, script: string | undefined = process.argv[1]): Watchdog {
  if (!script) throw new Error('the script of azure-mutex is not known (process.argv[1]): no watchdog can be started')
  const child = spawn(process.execPath, [script, WATCHDOG_ARG, String(process.pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env,
    windowsHide: true,
  })
  child.unref()
  const stdin = child.stdin!
  // A watchdog that died takes its pipe with it: the CLI goes on (see hold.ts), it must not crash on EPIPE.
  stdin.on('error', () => undefined)
  ;(stdin as unknown as { unref?: () => void }).unref?.()
  const watchdog = {
    process: child,
    finished: false,
    watch: (pid: number) => void stdin.write(`watch ${pid}\n`),
    done: () => {
      watchdog.finished = true
      stdin.end('done\n')
    },
  }
  return watchdog
}
