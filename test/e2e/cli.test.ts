// The azure-mutex command end to end: the built bundle (dist-cli/) against
// Azurite, beside action jobs run through the runner stand-in, with 15 s
// leases. Where a test waits, it waits for a line or an entry in the queue,
// not for a fixed time.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import type { BoardLock } from '../../src/lock/board.ts'
import type { Azurite } from '../support/azurite.ts'
import { cliEnv, runCli } from '../support/cli.ts'
import {
  containerSas,
  jobFor,
  lookAtLock,
  mustPass,
  queueOf,
  servedInTurn,
  untilQueued,
  withSuiteStorage,
} from '../support/e2e.ts'
import { DEV_KEY } from '../support/azurite.ts'
import { entryName, reservedNames } from '../../src/lock/reserved.ts'
import { containerOn } from '../support/lock.ts'
import { describePair, readSpanFile, sweep } from '../support/spans.ts'
import type { Job } from '../support/runner.ts'

const NODE = process.execPath

/** Characters that must never reach a terminal or a summary from a record: controls, bidi overrides, line separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u

/** A holder record as a stranger might write it: encoded line breaks and escapes, a raw C1 byte, a bidi override, 8 KB. */
const HOSTILE_RECORD: Record<string, string> = {
  holder_repository: '%0A::error title=Security scan passed::All clear',
  holder_workflow: '%0D::add-mask::octo%0A::stop-commands::pwned',
  holder_job: '%1B[31mred%1B[0m%0A::warning::from the job',
  holder_run_id: '<img src=x onerror=alert(1)>|cell|',
  holder_actor: '\u009b31mC1 CSI, then %E2%80%AEtxt.exe',
  holder_run_url: 'A'.repeat(8 * 1024),
  holder_acquired_at: '%0A::set-output name=lease-id::stolen%0A%25%30A',
}

/** A node script for `hold --`: records its critical section (and fencing token), then exits 3. */
const CLI_CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.WHO
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  fs.appendFileSync(process.env.TOKENS, who + ' ' + process.env.AZURE_MUTEX_FENCING_TOKEN + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 100)`

/** The same for an action job's run step; the test passes main's fencing-token output as TOKEN. */
const ACTION_CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  fs.appendFileSync(process.env.TOKENS, who + ' ' + process.env.TOKEN + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 100)`

/** A command that says it is ready, then waits; on `signal` it writes the signal's name to OUT and exits `code`. */
const waitForSignal = (signal: string, code: number): string[] => [
  NODE,
  '-e',
  `process.on('${signal}', () => { require('node:fs').writeFileSync(process.env.OUT, '${signal}'); process.exit(${code}) })
   console.log('ready'); setInterval(() => {}, 1000)`,
]

describe('the azure-mutex command, end to end', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  async function holding(lockName: string, repository = 'octo/holder'): Promise<Job> {
    const job = jobFor(azurite, repository, lockName)
    mustPass('holder main', await job.runMain())
    return job
  }

  it("exits with the command's exit code, gives it the lock's variables, and leaves the lock free", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'env.txt')
    const run = runCli(
      [
        'hold',
        'exit-code',
        '--',
        'sh',
        '-c',
        'echo "$AZURE_MUTEX_FENCING_TOKEN $AZURE_MUTEX_LEASE_ID $AZURE_MUTEX_LOCK" > "$OUT"; exit 3',
      ],
      cliEnv(azurite, { OUT: out }),
    )
    const { code, stderr } = await run.exited
    assert.equal(code, 3, stderr)
    const [token, leaseId, lock] = readFileSync(out, 'utf8').trim().split(' ')
    assert.match(token!, /^\d+$/)
    assert.match(leaseId!, /^[0-9a-f-]{36}$/)
    assert.equal(lock, 'devstoreaccount1/locks/exit-code')
    assert.match(stderr, /Holding lock devstoreaccount1\/locks\/exit-code .*fencing token \d+/)
    assert.match(stderr, /Released lock devstoreaccount1\/locks\/exit-code\./)
    const look = await lookAtLock(azurite, 'exit-code')
    assert.equal(look.leaseState, 'available')
    assert.equal(look.holder, undefined, 'the holder record is cleared')
  })

  it("keeps the command's own credentials from the command it runs, unless --pass-credentials", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    const sas = containerSas('rwcdl')
    /** The environment of a command signed in without a connection string. */
    const signedInBy = (extra: Record<string, string>): Record<string, string> => {
      const env = cliEnv(azurite, extra)
      delete env.AZURE_MUTEX_CONNECTION_STRING
      return env
    }
    const byKey = {
      AZURE_MUTEX_ACCOUNT_NAME: 'devstoreaccount1',
      AZURE_MUTEX_ACCOUNT_KEY: DEV_KEY,
      AZURE_MUTEX_BLOB_ENDPOINT: azurite.blobEndpoint,
    }
    const bySas = {
      AZURE_MUTEX_ACCOUNT_NAME: 'devstoreaccount1',
      AZURE_MUTEX_SAS_TOKEN: sas,
      AZURE_MUTEX_BLOB_ENDPOINT: azurite.blobEndpoint,
    }
    const envOfCommand = async (name: string, env: Record<string, string>, flags: string[] = []): Promise<string> => {
      const out = join(dir, `${name}.env`)
      const run = runCli(['hold', 'child-env', ...flags, '--', 'sh', '-c', 'env > "$OUT"'], { ...env, OUT: out })
      const { code, stderr } = await run.exited
      assert.equal(code, 0, stderr)
      return readFileSync(out, 'utf8')
    }
    const secrets = /^AZURE_MUTEX_(CONNECTION_STRING|ACCOUNT_KEY|SAS_TOKEN)=/m
    const withString = await envOfCommand('string', cliEnv(azurite))
    assert.doesNotMatch(withString, secrets)
    assert.match(withString, /^AZURE_MUTEX_FENCING_TOKEN=\d+$/m)
    assert.match(withString, /^AZURE_MUTEX_LEASE_DURATION=15$/m, 'settings that are no secret stay')
    const withKey = await envOfCommand('key', signedInBy(byKey))
    assert.doesNotMatch(withKey, secrets)
    assert.match(withKey, /^AZURE_MUTEX_ACCOUNT_NAME=devstoreaccount1$/m)
    const withSas = await envOfCommand('sas', signedInBy(bySas))
    assert.doesNotMatch(withSas, secrets)
    // Asked for: a command that is itself an azure-mutex hold of a second lock needs them.
    const passed = await envOfCommand('passed', cliEnv(azurite), ['--pass-credentials'])
    assert.ok(passed.includes(`AZURE_MUTEX_CONNECTION_STRING=${azurite.connectionString}\n`), passed)
    const byVariable = await envOfCommand('by-variable', signedInBy({ ...bySas, AZURE_MUTEX_PASS_CREDENTIALS: 'true' }))
    assert.ok(byVariable.includes(`AZURE_MUTEX_SAS_TOKEN=${sas}\n`), byVariable)
  })

  it("reads 'prod ' as the lock prod, the action's: a name with a stray space waits for the same lock", async () => {
    const holder = await holding('trimmed')
    const run = runCli(['hold', 'trimmed ', '--timeout', '1', '--', 'true'], cliEnv(azurite))
    const { code, stderr } = await run.exited
    assert.equal(code, 124, stderr)
    assert.match(stderr, /Taking lock devstoreaccount1\/locks\/trimmed \(lease/)
    assert.match(stderr, /held by octo\/holder/)
    assert.equal((await lookAtLock(azurite, 'trimmed ')).exists, false, "no blob 'trimmed ' was made")
    mustPass('holder post', await holder.runPost())
  })

  it('with no arguments prints the usage on stderr and exits 2; --version prints the version', async () => {
    const none = await runCli([], cliEnv(azurite)).exited
    assert.equal(none.code, 2)
    assert.equal(none.stdout, '')
    assert.match(none.stderr, /^azure-mutex: the lock of azure-mutex-action, outside GitHub Actions\.\n\nUsage:\n/)
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string
    }
    const shown = await runCli(['--version'], cliEnv(azurite)).exited
    assert.deepEqual([shown.code, shown.stdout, shown.stderr], [0, `${version}\n`, ''])
    const help = await runCli(['help', 'status'], cliEnv(azurite)).exited
    assert.equal(help.code, 0)
    assert.match(help.stdout, /^Usage: azure-mutex status /)
  })

  it('names the endpoint it could not reach: UseDevelopmentStorage=true is 127.0.0.1:10000', async () => {
    const { code, stderr } = await runCli(
      ['status', 'x'],
      cliEnv(azurite, { AZURE_MUTEX_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
    ).exited
    assert.equal(code, 1, stderr)
    assert.match(
      stderr,
      /^azure-mutex: error: Cannot reach the blob endpoint http:\/\/127\.0\.0\.1:10000\/devstoreaccount1 \(/,
    )
    assert.doesNotMatch(stderr, /the blob endpoint the blob endpoint/)
  })

  it('on SIGINT while waiting, leaves the queue, takes no lease, and does not run the command', async () => {
    const holder = await holding('interrupted-wait')
    const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'ran.txt')
    const run = runCli(
      ['hold', 'interrupted-wait', '--', 'sh', '-c', 'echo ran > "$OUT"'],
      cliEnv(azurite, { OUT: out }),
    )
    await run.line(/2nd in line for locks\/interrupted-wait; ahead: octo\/holder run /)
    assert.equal((await queueOf(azurite, 'interrupted-wait')).length, 1)
    run.child.kill('SIGINT')
    const { code, stderr } = await run.exited
    assert.equal(code, 130, stderr)
    assert.match(stderr, /Received SIGINT while waiting: left the queue; the command did not run\./)
    assert.deepEqual(await queueOf(azurite, 'interrupted-wait'), [], 'no entry is left')
    assert.throws(() => readFileSync(out), 'the command did not run')
    const look = await lookAtLock(azurite, 'interrupted-wait')
    assert.equal(look.holder?.repository, 'octo/holder', 'the lease is still the holder job’s')
    mustPass('holder post', await holder.runPost())
  })

  it('on SIGINT while holding, signals the command, then releases and exits with its code', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'signal.txt')
    const run = runCli(['hold', 'interrupted-hold', '--', ...waitForSignal('SIGINT', 7)], cliEnv(azurite, { OUT: out }))
    await run.line(/^ready$/, 'stdout')
    assert.equal((await lookAtLock(azurite, 'interrupted-hold')).leaseState, 'leased')
    run.child.kill('SIGINT')
    const { code, stderr } = await run.exited
    assert.equal(code, 7, stderr)
    assert.equal(readFileSync(out, 'utf8'), 'SIGINT', 'the command got the signal')
    assert.match(stderr, /Released lock devstoreaccount1\/locks\/interrupted-hold\./)
    assert.equal((await lookAtLock(azurite, 'interrupted-hold')).leaseState, 'available')
  })

  it('reports a lease broken by a foreign client while holding once, signals the command with SIGTERM, and exits 125', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'signal.txt')
    const run = runCli(['hold', 'broken-hold', '--', ...waitForSignal('SIGTERM', 0)], cliEnv(azurite, { OUT: out }))
    await run.line(/^ready$/, 'stdout')
    // A foreign client (the az CLI, say): a plain Break Lease, no record.
    await locks.getBlobClient('broken-hold').getBlobLeaseClient().breakLease(0)
    const { code, stderr } = await run.exited
    assert.equal(code, 125, stderr)
    assert.equal(readFileSync(out, 'utf8'), 'SIGTERM', 'the command got SIGTERM')
    assert.match(
      stderr,
      /LOST lock devstoreaccount1\/locks\/broken-hold while holding it: Azure says the lease is no longer ours .*Sending SIGTERM to the command\./,
    )
    assert.match(stderr, /exiting 125/)
    const lost = stderr.split('\n').filter((line) => /\bLOST\b/.test(line))
    assert.equal(lost.length, 1, `the loss is told once:\n${stderr}`)
  })

  it("break writes the reason on the blob, and the action job's post step names it", async () => {
    const holder = await holding('broken-by-cli', 'octo/victim')
    const run = runCli(['break', 'broken-by-cli', '--reason', 'hung deploy; approved by on-call'], cliEnv(azurite))
    const { code, stderr } = await run.exited
    assert.equal(code, 0, stderr)
    assert.match(
      stderr,
      /Broke the lease on lock devstoreaccount1\/locks\/broken-by-cli, held by octo\/victim workflow "deploy" run /,
    )
    assert.match(stderr, /Wrote on the lock blob: broken at .* "hung deploy; approved by on-call"/)
    const post = await holder.runPost()
    assert.notEqual(post.exitCode, 0)
    assert.match(post.errors.join('\n'), /hung deploy; approved by on-call/)
  })

  it("break --entry with a SAS that may not delete names what it needs, '--entry' and 'rwd', as the break step does", async () => {
    const lock = 'squatted-cli'
    await locks.getBlockBlobClient(lock).upload('', 0)
    const entry = entryName(reservedNames(lock).queuePrefix, 1)
    await locks.getBlockBlobClient(entry).upload('', 0)
    await locks.getBlobClient(entry).getBlobLeaseClient().acquireLease(-1)
    const withSas = (permissions: string): Record<string, string> => {
      const env = cliEnv(azurite, {
        AZURE_MUTEX_ACCOUNT_NAME: 'devstoreaccount1',
        AZURE_MUTEX_SAS_TOKEN: containerSas(permissions),
        AZURE_MUTEX_BLOB_ENDPOINT: azurite.blobEndpoint,
      })
      delete env.AZURE_MUTEX_CONNECTION_STRING
      return env
    }
    const args = ['break', lock, '--reason', 'squatter', '--entry', '1']
    const refused = await runCli(args, withSas('rw')).exited
    assert.equal(refused.code, 1, refused.stderr)
    assert.match(
      refused.stderr,
      /\(403 AuthorizationPermissionMismatch\): the credential is valid but lacks permission\. It needs read, write and delete rights on the lock's queue entries to clear one \(--entry\): a SAS with the permissions 'rwd'\./,
    )
    assert.equal(await locks.getBlobClient(entry).exists(), true, 'the entry is still there')
    const cleared = await runCli(args, withSas('rwd')).exited
    assert.equal(cleared.code, 0, cleared.stderr)
    assert.match(cleared.stderr, /Cleared entry 1 from the queue of lock /)
    assert.equal(await locks.getBlobClient(entry).exists(), false, 'the entry is gone')
  })

  it('serves the command and action jobs from one queue in the order they arrived', async () => {
    const lock = 'mixed-order'
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    const spans = join(dir, 'spans.log')
    const tokens = join(dir, 'tokens.log')
    appendFileSync(spans, '')
    const holder = await holding(lock)
    const arrivals = ['cli-1', 'octo/action-1', 'cli-2', 'octo/action-2']
    const done: Array<Promise<unknown>> = []
    for (const [i, who] of arrivals.entries()) {
      if (who.startsWith('cli')) {
        const run = runCli(
          ['hold', lock, '--', NODE, '-e', CLI_CRITICAL],
          cliEnv(azurite, { WHO: who, SPANS: spans, TOKENS: tokens }),
        )
        done.push(run.exited.then(({ code, stderr }) => assert.equal(code, 0, stderr)))
      } else {
        const job = jobFor(azurite, who, lock)
        done.push(
          (async () => {
            const main = mustPass(`${who} main`, await job.runMain())
            const token = main.outputs['fencing-token'] ?? ''
            mustPass(
              `${who} step`,
              await job.runScript(ACTION_CRITICAL, { SPANS: spans, TOKENS: tokens, TOKEN: token }),
            )
            mustPass(`${who} post`, await job.runPost())
          })(),
        )
      }
      await untilQueued(azurite, lock, i + 1)
      await delay(300)
    }
    mustPass('holder post', await holder.runPost())
    await Promise.all(done)
    assert.deepEqual(servedInTurn(spans), arrivals, 'served in the order they arrived')
    assert.deepEqual(await queueOf(azurite, lock), [], 'no entry is left in the queue')
  })

  it('contends with action jobs for 18 turns: no two inside at once, and fencing tokens rise across both', async () => {
    const lock = 'contended'
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    const spans = join(dir, 'spans.log')
    const tokens = join(dir, 'tokens.log')
    appendFileSync(spans, '')
    appendFileSync(tokens, '')
    const TURNS = 6 // each of three loops; the soak runs the long version
    const cliLoop = async (who: string): Promise<void> => {
      for (let turn = 0; turn < TURNS; turn++) {
        const run = runCli(
          ['hold', lock, '--', NODE, '-e', CLI_CRITICAL],
          cliEnv(azurite, { WHO: who, SPANS: spans, TOKENS: tokens }),
        )
        const { code, stderr } = await run.exited
        assert.equal(code, 0, stderr)
      }
    }
    const actionLoop = async (who: string): Promise<void> => {
      for (let turn = 0; turn < TURNS; turn++) {
        const job = jobFor(azurite, who, lock)
        const main = mustPass(`${who} main`, await job.runMain())
        const token = main.outputs['fencing-token'] ?? ''
        mustPass(`${who} step`, await job.runScript(ACTION_CRITICAL, { SPANS: spans, TOKENS: tokens, TOKEN: token }))
        mustPass(`${who} post`, await job.runPost())
        job.complete()
      }
    }
    await Promise.all([cliLoop('cli-a'), cliLoop('cli-b'), actionLoop('octo/action')])

    const { spans: found, unmatched } = readSpanFile(spans)
    assert.deepEqual(unmatched, [])
    assert.equal(found.length, 3 * TURNS)
    const report = sweep(found)
    assert.deepEqual(report.overlaps.map(describePair), [], 'no two critical sections overlap')
    const served = readFileSync(tokens, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .sort((a, b) => Number(a[2]) - Number(b[2]))
    assert.ok(served.some(([who]) => who!.startsWith('cli')) && served.some(([who]) => who === 'octo/action'))
    const inOrder = served.map(([, token]) => Number(token))
    for (let i = 1; i < inOrder.length; i++) {
      assert.ok(
        inOrder[i]! > inOrder[i - 1]!,
        `fencing token ${inOrder[i]} (${served[i]![0]}) follows ${inOrder[i - 1]}`,
      )
    }
  })

  it('status --all --json says what the status action says of 3 locks, and shows a hostile record sanitised in table and JSON alike', async () => {
    const board = containerOn(azurite, 'board')
    await board.createIfNotExists()
    // Free: the blob exists, unleased.
    await board.getBlockBlobClient('a-free').upload('', 0)
    // Held by a foreign client that wrote a hostile holder record.
    const hostile = board.getBlobClient('b-hostile')
    await hostile.getBlockBlobClient().upload('', 0)
    const hostileLease = randomUUID()
    await hostile.getBlobLeaseClient(hostileLease).acquireLease(-1)
    await hostile.setMetadata(HOSTILE_RECORD, { conditions: { leaseId: hostileLease } })
    // Held by an action job, with the command waiting in its queue.
    const holder = jobFor(azurite, 'octo/holder', 'c-queued', { container: 'board' })
    mustPass('holder main', await holder.runMain())
    const waiter = runCli(['hold', 'c-queued', '--', 'true'], cliEnv(azurite, { AZURE_MUTEX_CONTAINER: 'board' }))
    await waiter.line(/2nd in line for board\/c-queued/)

    const env = cliEnv(azurite, { AZURE_MUTEX_CONTAINER: 'board' })
    const json = await runCli(['status', '--all', '--json'], env).exited
    assert.equal(json.code, 0, json.stderr)
    const table = await runCli(['status', '--all'], env).exited
    assert.equal(table.code, 0, table.stderr)
    const action = await holder.runAction('status', {
      'connection-string': azurite.connectionString,
      container: 'board',
      'lock-name': '*',
    })
    assert.equal(action.exitCode, 0, action.stdout)

    const shown = JSON.parse(json.stdout) as { container: string; locks: BoardLock[] }
    assert.equal(shown.container, 'devstoreaccount1/board')
    assert.deepEqual(
      shown.locks.map((lock) => [lock.name, lock.held, lock.leaseKind, lock.queue?.length]),
      [
        ['a-free', false, null, 0],
        ['b-hostile', true, 'infinite', 0],
        ['c-queued', true, 'fixed', 1],
      ],
    )
    const queued = shown.locks[2]!
    assert.equal(queued.holder?.repository, 'octo/holder')
    assert.deepEqual(
      queued.queue?.map((waiting) => waiting.place),
      [2],
    )
    assert.match(queued.queue?.[0]?.waiter?.repository ?? '', /@/, 'the command names its user and machine')
    // The action's log says the same of each lock: free, or held by the same holder.
    assert.ok(action.lines.includes('  a-free: free.'), action.lines.join('\n'))
    for (const lock of shown.locks.filter((lock) => lock.held)) {
      const line = action.lines.find((l) => l.startsWith(`  ${lock.name}: held by `))
      assert.ok(line?.includes(lock.holderDescription!), `${line} names ${lock.holderDescription}`)
    }
    assert.match(action.lines.join('\n'), /c-queued: held by octo\/holder .* Waiting: 1 \(/)

    // Sanitised alike: no control character, one line per lock in the table, no line break in any JSON value.
    assert.doesNotMatch(json.stdout, CONTROL)
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : []
    for (const text of strings(shown)) assert.doesNotMatch(text, CONTROL, JSON.stringify(text.slice(0, 100)))
    assert.ok(
      strings(shown.locks[1]).some((text) => text.includes('\\x1b[31mred')),
      'the escape is shown, inert',
    )
    assert.doesNotMatch(table.stdout, CONTROL)
    const rows = table.stdout.trimEnd().split('\n')
    assert.equal(rows.length, 4, table.stdout)
    assert.match(rows[2]!, /^b-hostile\s+held\s+/)
    assert.ok(rows[2]!.length < 2_000, 'the 8 KB value is cut short')
    assert.doesNotMatch(action.summary, CONTROL)

    waiter.child.kill('SIGINT')
    await waiter.exited
    mustPass('holder post', await holder.runPost())
  })
})
