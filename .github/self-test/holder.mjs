// Plays a job from another repository on the runner's own machine, with the
// action's built steps: its main step takes the lock, it holds the lock for
// the given seconds (past a lease duration), then its post step releases it.
// The workflow's own job waits for the same lock with `uses: ./` meanwhile.
// Usage: node holder.mjs <lock-name> <hold-seconds> <result.json>
// It starts in the background and writes what happened to result.json.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

const [lockName, holdSeconds, resultFile] = process.argv.slice(2)
const root = resolve(import.meta.dirname, '..', '..')
const temp = mkdtempSync(join(tmpdir(), 'self-test-holder-'))

/** key=value and key<<DELIM heredoc lines, as the runner's command files hold them. */
function readCommandFile(path) {
  const values = {}
  const lines = readFileSync(path, 'utf8').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const body = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i])
      values[heredoc[1]] = body.join('\n')
    } else if (lines[i].includes('=')) {
      values[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1)
    }
  }
  return values
}

function step(entry, name, extraEnv) {
  const state = join(temp, `state-${name}`)
  const output = join(temp, `output-${name}`)
  writeFileSync(state, '')
  writeFileSync(output, '')
  const env = {
    ...process.env,
    RUNNER_TEMP: temp,
    GITHUB_REPOSITORY: 'self-test/holder',
    GITHUB_RUN_ID: '1',
    GITHUB_STATE: state,
    GITHUB_OUTPUT: output,
    'INPUT_LOCK-NAME': lockName,
    'INPUT_CONNECTION-STRING': 'UseDevelopmentStorage=true',
    'INPUT_LEASE-DURATION': '15',
    ...extraEnv,
  }
  return new Promise((done) => {
    const startedAt = Date.now()
    const child = spawn(process.execPath, [join(root, 'dist', entry, 'index.js')], { env, windowsHide: true })
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stdout += chunk))
    child.on('close', (code) =>
      done({
        code,
        startedAt,
        endedAt: Date.now(),
        stdout,
        state: readCommandFile(state),
        outputs: readCommandFile(output),
      }),
    )
  })
}

const main = await step('main', 'main', {})
const heldFrom = Date.now()
await delay(Number(holdSeconds) * 1000)
const stateEnv = Object.fromEntries(Object.entries(main.state).map(([key, value]) => [`STATE_${key}`, value]))
const post = await step('post', 'post', stateEnv)
writeFileSync(
  resultFile,
  JSON.stringify(
    { main, heldFrom, post: { code: post.code, startedAt: post.startedAt, stdout: post.stdout } },
    null,
    2,
  ),
)
