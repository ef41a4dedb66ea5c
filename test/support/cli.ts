// The azure-mutex command as the e2e tests run it: the built bundle
// (dist-cli/, from `npm run build`), in a process of its own, against Azurite.

import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { Azurite } from './azurite.ts'
import { ROOT } from './runner.ts'

export const CLI = join(ROOT, 'dist-cli', 'azure-mutex.js')

export interface CliRun {
  child: ChildProcess
  /** Everything written so far. */
  stdout: () => string
  stderr: () => string
  /** Resolves once a stderr (or stdout) line matches. */
  line: (pattern: RegExp, stream?: 'stderr' | 'stdout') => Promise<string>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

/** The environment that points the command at Azurite, with a 15 s lease, as the action's e2e jobs use. */
export function cliEnv(azurite: Azurite, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AZURE_MUTEX_CONNECTION_STRING: azurite.connectionString,
    AZURE_MUTEX_LEASE_DURATION: '15',
    ...extra,
  }
}

const running = new Set<ChildProcess>()

/** Ends every command a test left running (one that failed halfway), so the suite can end. */
export function stopAllClis(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

/** Starts `azure-mutex <args>` with exactly `env` (nothing of the test's own environment leaks in). */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.on('exit', () => running.delete(child))
  let stdout = ''
  let stderr = ''
  const waiting: Array<{ pattern: RegExp; stream: 'stderr' | 'stdout'; resolve: (line: string) => void }> = []
  const check = (): void => {
    for (const wait of [...waiting]) {
      const text = wait.stream === 'stderr' ? stderr : stdout
      const found = text.split('\n').find((line) => wait.pattern.test(line))
      if (found !== undefined) {
        waiting.splice(waiting.indexOf(wait), 1)
        wait.resolve(found)
      }
    }
  }
  child.stdout!.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), check()))
  child.stderr!.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), check()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  )
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    line: (pattern, stream = 'stderr') =>
      new Promise((resolve, reject) => {
        waiting.push({ pattern, stream, resolve })
        check()
        void exited.then(() =>
          reject(new Error(`azure-mutex exited before printing ${pattern}:\n${stdout}\n${stderr}`)),
        )
      }),
    exited,
  }
}
