// A small stand-in for the GitHub runner, enough to run the built action the
// way a job does: INPUT_* env, fresh GITHUB_STATE, GITHUB_OUTPUT, GITHUB_ENV
// and GITHUB_STEP_SUMMARY files per step, STATE_* env for post, variables
// exported through GITHUB_ENV in the environment of every later step (post
// steps too), the summaries collected for the job, workflow commands parsed
// from stdout, the cancel sequence (SIGINT, 7.5 s, SIGTERM, 2.5 s, SIGKILL)
// and the orphan clean-up at job end that kills every process carrying
// RUNNER_TRACKING_ID. Sub-actions (release/, status/, break/) run as steps of
// the same job with inputs of their own, and the main action can be used
// more than once in a job, each use with its own inputs and state.

import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const MAIN = join(ROOT, 'dist', 'main', 'index.js')
export const POST = join(ROOT, 'dist', 'post', 'index.js')

/** The sub-actions, by folder. */
export type SubAction = 'release' | 'status' | 'break' | 'hold' | 'unhold'

/** The entry of a sub-action: dist/<name>/index.js, as its action.yml names it. */
export function subAction(name: SubAction): string {
  return join(ROOT, 'dist', name, 'index.js')
}

export interface JobOptions {
  inputs: Record<string, string>
  repository?: string
  workflow?: string
  job?: string
  runId?: string
  actor?: string
  /** Extra environment for every step. */
  env?: Record<string, string>
}

export interface StepOptions {
  /** The runner cancels the step this long after it starts. */
  cancelAfterMs?: number
  /** The runner cancels the step when this settles (for a cancel at a chosen moment, not after a fixed time). */
  cancelOn?: Promise<unknown>
  /** Main's parent is a worker stand-in the test can kill (killWorker), not the test process. */
  separateWorker?: boolean
  /** Main's parent exits at once, so main runs with parent pid 1; its exit code is then unknown (null). */
  orphaned?: boolean
  /** Called with the spawned process (the step itself, unless separateWorker or orphaned). */
  onSpawn?: (child: ChildProcess) => void
}

export interface StepResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** Process start to exit, in ms. */
  durationMs: number
  /** Date.now() just before the step's process was spawned, and when its exit was seen. */
  startedAt: number
  endedAt: number
  stdout: string
  stderr: string
  /** stdout lines that are not workflow commands, plus ::error/::warning text. */
  lines: string[]
  errors: string[]
  warnings: string[]
  masks: string[]
  /** ::notice:: texts. */
  notices: string[]
  /** ::debug:: texts (printed only when RUNNER_DEBUG=1). */
  debug: string[]
  outputs: Record<string, string>
  /** What the step wrote to its GITHUB_STEP_SUMMARY file. */
  summary: string
  /** What the step wrote to its GITHUB_ENV file. */
  exported: Record<string, string>
  /** For a cancelled step: which signal it obeyed, and how long it took after SIGINT. */
  cancel?: { endedBy: 'SIGINT' | 'SIGTERM' | 'SIGKILL'; afterMs: number }
}

/** A step may delete its own command files (rm -rf "$RUNNER_TEMP"/*): the runner then reads nothing from them. */
function readIfThere(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** Reads a GITHUB_STATE / GITHUB_OUTPUT file: `key<<DELIM` heredocs or `key=value` lines. Last write wins. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, key, delimiter] = heredoc
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]!)
      values[key!] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

function parseStdout(
  stdout: string,
): Pick<StepResult, 'lines' | 'errors' | 'warnings' | 'masks' | 'notices' | 'debug'> {
  const result = {
    lines: [] as string[],
    errors: [] as string[],
    warnings: [] as string[],
    masks: [] as string[],
    notices: [] as string[],
    debug: [] as string[],
  }
  for (const line of stdout.split('\n')) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (!command) {
      if (line) result.lines.push(line)
      continue
    }
    const [, name, message] = command
    const text = message!.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
    if (name === 'error') result.errors.push(text)
    else if (name === 'warning') result.warnings.push(text)
    else if (name === 'add-mask') result.masks.push(text)
    else if (name === 'notice') result.notices.push(text)
    else if (name === 'debug') result.debug.push(text)
  }
  return result
}

const jobs = new Set<Job>()

/** Ends every job this process started that has not completed: for a test's after() hook. */
export function completeAllJobs(): void {
  for (const job of jobs) job.complete()
}

/** One `uses:` of the main action in a job: its own inputs and its own state, as the runner keeps per action. */
export class ActionUse {
  readonly job: Job
  readonly inputs: Record<string, string>
  state: Record<string, string> = {}

  constructor(job: Job, inputs: Record<string, string>) {
    this.job = job
    this.inputs = inputs
  }

  /** Runs the main step; see StepOptions for cancelling it and for who its parent is. */
  async runMain(options: StepOptions = {}): Promise<StepResult> {
    const result = await this.job.runStep(MAIN, this.inputs, {}, options)
    Object.assign(this.state, result.state)
    return result
  }

  /** Runs the post step with STATE_* from main; inputs are evaluated again, as the runner does. */
  async runPost(options: { inputs?: Record<string, string> } = {}): Promise<StepResult> {
    const stateEnv = Object.fromEntries(Object.entries(this.state).map(([key, value]) => [`STATE_${key}`, value]))
    return this.job.runStep(POST, { ...this.inputs, ...options.inputs }, stateEnv)
  }
}

export class Job {
  readonly temp: string
  readonly trackingId = `github_${randomUUID()}`
  readonly options: JobOptions
  /** The first use of the main action, with the job's inputs. */
  readonly main: ActionUse
  /** Variables the steps exported through GITHUB_ENV so far: every later step gets them. */
  readonly exported: Record<string, string> = {}
  /** Each step's summary, in the order the steps ran. */
  readonly summaries: Array<{ step: string; text: string }> = []
  private steps = 0
  private worker: ChildProcess | undefined

  constructor(options: JobOptions) {
    this.options = options
    this.temp = mkdtempSync(join(tmpdir(), 'job-'))
    this.main = new ActionUse(this, options.inputs)
    jobs.add(this)
  }

  /** The main action's state (its first use). */
  get state(): Record<string, string> {
    return this.main.state
  }

  /** The job summary as GitHub shows it: every step's summary, in order. */
  get summary(): string {
    return this.summaries.map((s) => s.text).join('')
  }

  /** Another `uses:` of the main action in this job, with inputs of its own (another lock, say). */
  uses(inputs: Record<string, string>): ActionUse {
    return new ActionUse(this, inputs)
  }

  /** The environment of a step: the runner's variables, the job's env, what earlier steps exported, then the step's. */
  env(extra: Record<string, string> = {}, inputs: Record<string, string> = this.options.inputs): NodeJS.ProcessEnv {
    const { repository = 'octo/app', workflow = 'deploy', job = 'deploy', runId = '1', actor = 'mona' } = this.options
    const base: NodeJS.ProcessEnv = {}
    // Like the runner: a clean environment plus the job's variables, nothing of the test process.
    for (const name of ['PATH', 'HOME', 'LANG', 'TZ']) if (process.env[name]) base[name] = process.env[name]
    Object.assign(base, {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: this.temp,
      RUNNER_TRACKING_ID: this.trackingId,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: repository,
      GITHUB_WORKFLOW: workflow,
      GITHUB_JOB: job,
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: actor,
    })
    for (const [name, value] of Object.entries(inputs)) {
      base[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    }
    return { ...base, ...this.options.env, ...this.exported, ...extra }
  }

  /** Runs the main step of the first use of the main action. */
  runMain(options: StepOptions = {}): Promise<StepResult> {
    return this.main.runMain(options)
  }

  /** Runs the post step of the first use of the main action. */
  runPost(options: { inputs?: Record<string, string> } = {}): Promise<StepResult> {
    return this.main.runPost(options)
  }

  /** A sub-action's step (uses: org/azure-mutex-action/<name>@v1) with its own inputs, in this job. */
  runAction(name: SubAction, inputs: Record<string, string> = {}, options: StepOptions = {}): Promise<StepResult> {
    return this.runStep(subAction(name), inputs, {}, options)
  }

  /** A `run:` step of the job: a node script with the job's environment. */
  async runScript(
    script: string,
    extraEnv: Record<string, string> = {},
    options: StepOptions = {},
  ): Promise<StepResult> {
    return this.runStep('-e', this.options.inputs, extraEnv, options, [script])
  }

  /** Runs one step: its command files are fresh, and what it exported applies to the steps after it. */
  async runStep(
    entry: string,
    inputs: Record<string, string>,
    extraEnv: Record<string, string>,
    options: StepOptions = {},
    extraArgs: string[] = [],
  ): Promise<StepResult & { state: Record<string, string> }> {
    const name =
      entry === MAIN ? 'main' : entry === POST ? 'post' : entry === '-e' ? 'script' : basename(dirname(entry))
    const step = `${++this.steps}-${name}`
    const files = Object.fromEntries(
      (['state', 'output', 'env', 'summary'] as const).map((kind) => [kind, join(this.temp, `${kind}-${step}`)]),
    ) as Record<'state' | 'output' | 'env' | 'summary', string>
    for (const file of Object.values(files)) writeFileSync(file, '')
    const env = this.env(
      {
        ...extraEnv,
        GITHUB_STATE: files.state,
        GITHUB_OUTPUT: files.output,
        GITHUB_ENV: files.env,
        GITHUB_STEP_SUMMARY: files.summary,
      },
      inputs,
    )
    const started = Date.now()
    let child: ChildProcess
    let exitMarker: Promise<number> | undefined
    if (options.separateWorker) {
      // A node process stands in for Runner.Worker: it runs main, reports main's exit code, and
      // stays alive until the test kills it. (Not sh: dash drops INPUT_LOCK-NAME and other
      // variables whose names have hyphens.)
      const worker = `
        const { spawn } = require('node:child_process')
        const main = spawn(process.execPath, [process.argv[1]], { stdio: 'inherit' })
        main.on('exit', (code) => { process.stderr.write('::main-exit::' + code + '\\n'); setInterval(() => {}, 60000) })`
      child = spawn(process.execPath, ['-e', worker, entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      this.worker = child
      exitMarker = new Promise((resolveExit) => {
        let err = ''
        child.stderr?.on('data', (chunk: Buffer) => {
          err += chunk.toString()
          const match = /::main-exit::(\d+)/.exec(err)
          if (match) resolveExit(Number(match[1]))
        })
      })
    } else if (options.orphaned) {
      // The step's process is started by a parent that exits at once, so its parent becomes pid 1.
      const launcher = `
        const { spawn } = require('node:child_process')
        spawn(process.execPath, [process.argv[1]], { detached: true, stdio: 'inherit' }).unref()`
      child = spawn(process.execPath, ['-e', launcher, entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    } else {
      child = spawn(process.execPath, [entry, ...extraArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    }
    options.onSpawn?.(child)
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))

    let cancel: StepResult['cancel']
    let cancelling: Promise<void> | undefined
    let exited = false
    const startCancel = (): void => {
      if (exited || cancelling) return
      cancelling = this.cancel(child).then((c) => void (cancel = c))
    }
    const timer = options.cancelAfterMs === undefined ? undefined : setTimeout(startCancel, options.cancelAfterMs)
    options.cancelOn?.then(startCancel, startCancel)

    let exitCode: number | null
    let signal: NodeJS.Signals | null = null
    if (exitMarker) {
      exitCode = await exitMarker
    } else {
      ;[exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolveClose) =>
        child.once('close', (code, sig) => resolveClose([code, sig])),
      )
      if (options.orphaned) exitCode = null
    }
    const endedAt = Date.now()
    exited = true
    clearTimeout(timer)
    await cancelling
    // Like the runner: read the step's files when it ends, and keep what they say.
    const exported = parseCommandFile(readIfThere(files.env))
    Object.assign(this.exported, exported)
    const summary = readIfThere(files.summary)
    if (summary) this.summaries.push({ step, text: summary })
    return {
      exitCode,
      signal,
      durationMs: endedAt - started,
      startedAt: started,
      endedAt,
      stdout,
      stderr,
      ...parseStdout(stdout),
      outputs: parseCommandFile(readIfThere(files.output)),
      summary,
      exported,
      state: parseCommandFile(readIfThere(files.state)),
      cancel,
    }
  }

  /** The runner's cancel: SIGINT to the step's pid, then SIGTERM after 7.5 s, then SIGKILL after 2.5 s more. */
  private async cancel(child: ChildProcess): Promise<NonNullable<StepResult['cancel']>> {
    const started = Date.now()
    const exited = new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) done()
      else child.once('exit', () => done())
    })
    const sequence: Array<['SIGINT' | 'SIGTERM' | 'SIGKILL', number]> = [
      ['SIGINT', 7_500],
      ['SIGTERM', 2_500],
      ['SIGKILL', 5_000],
    ]
    for (const [sig, waitMs] of sequence) {
      child.kill(sig)
      const gone = await Promise.race([exited.then(() => true), delay(waitMs).then(() => false)])
      if (gone) return { endedBy: sig, afterMs: Date.now() - started }
    }
    return { endedBy: 'SIGKILL', afterMs: Date.now() - started }
  }

  /** The machine dies: SIGKILL the worker stand-in (only with separateWorker). */
  killWorker(): void {
    this.worker?.kill('SIGKILL')
  }

  /** Pids of live processes whose environment carries this job's RUNNER_TRACKING_ID. */
  trackedProcesses(): number[] {
    const needle = `RUNNER_TRACKING_ID=${this.trackingId}\0`
    const pids: number[] = []
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
      try {
        const environ = readFileSync(`/proc/${entry}/environ`, 'utf8')
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        if (environ.includes(needle) && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z') pids.push(Number(entry))
      } catch {
        // gone meanwhile, or not ours to read
      }
    }
    return pids
  }

  /**
   * Waits up to `limitMs` for the job's processes to end by themselves (a renewer that main
   * dismissed, or that post asked to stop, exits within moments), and returns those still there.
   */
  async settled(limitMs = 5_000): Promise<number[]> {
    const deadline = Date.now() + limitMs
    while (this.trackedProcesses().length > 0 && Date.now() < deadline) await delay(50)
    return this.trackedProcesses()
  }

  /** "Complete job": kill every process left with the tracking id, then remove the job's temp folder. */
  complete(): number[] {
    const orphans = this.trackedProcesses()
    for (const pid of orphans) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    this.worker?.kill('SIGKILL')
    rmSync(this.temp, { recursive: true, force: true })
    jobs.delete(this)
    return orphans
  }
}
