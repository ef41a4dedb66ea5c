// Starting the renewer's process as the main step's process starts, before main
// loads its own code (src/entries.ts). The renewer loads the storage SDK, which
// takes about as long as main's own start; started only once main had signed in,
// it was still loading when main, on a free lock, had taken the lease and written
// its record, and main waited for it (the "50 ms step" of issue 19). Started here,
// it loads its code while main loads and signs in, and waits on its IPC pipe for
// the configuration, which main sends as before (control.ts).
//
// This module is in the bundle's first chunk: keep it to Node's own modules.

import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Environment variables that carry secrets or step inputs: the renewer gets none of them. */
const WITHHELD_ENV = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_TOKEN$|GITHUB_TOKEN$)/

function renewerScript(): string {
  // This code runs from a file in dist/bundle/ (npm run build), beside dist/renewer/index.js.
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'renewer', 'index.js')
}

/** Starts a renewer process: detached, its output going nowhere, talking to us only over IPC. */
export function spawnRenewer(): ChildProcess {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !WITHHELD_ENV.test(name)))
  const child = spawn(process.execPath, [renewerScript()], {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env,
    windowsHide: true,
  })
  child.unref()
  return child
}

/** The renewer started early and not yet taken by main. */
let early: ChildProcess | undefined

/** Starts the renewer now, for main to take once it has signed in. Never throws: main starts one itself if need be. */
export function startRenewerEarly(): void {
  try {
    early = spawnRenewer()
    // A spawn error (no such file, too many processes) shows as an exit: main then starts its own.
    early.once('error', () => (early = undefined))
  } catch {
    early = undefined
  }
}

/** The renewer started early, if it is still there; main owns it from here on. */
export function takeEarlyRenewer(): ChildProcess | undefined {
  const child = early
  early = undefined
  if (!child || child.exitCode !== null || child.signalCode !== null || !child.connected) return undefined
  return child
}

/**
 * Main ended without taking the renewer (bad inputs, a sign-in that failed, a
 * lock this job holds already): end it at once. It holds nothing, having had
 * no configuration, and main started it, so the pid is certainly that process.
 * (Left alone, it would leave by itself only once it had loaded its code and
 * seen main gone, which under load can be after the job's post step.)
 * Returns the process it ended, if there was one.
 */
export function dropEarlyRenewer(): ChildProcess | undefined {
  const child = takeEarlyRenewer()
  if (!child) return undefined
  child.kill('SIGKILL')
  if (child.connected) child.disconnect()
  return child
}
