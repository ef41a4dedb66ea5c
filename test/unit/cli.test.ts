// The azure-mutex command's pure parts: its command line, its messages, who it
// says it is, and the board as a terminal shows it.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderBoardText } from '../../src/lock/board.ts'
import { holdToMetadata, type HoldRecord } from '../../src/lock/deploy/hold.ts'
import { holderToMetadata } from '../../src/lock/holder.ts'
import { statusOf } from '../../src/lock/lock-status.ts'
import { cliHolder } from '../../src/cli/holder.ts'
import { runCli } from '../../src/cli/main.ts'
import { ExitCode, UsageError, asFlags, envName, parseCommandLine, readerOf } from '../../src/cli/options.ts'

/** Runs the command in-process, with what it printed. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, env, { result: (text) => (out += text), progress: (line) => (err += `${line}\n`) })
  return { code, out, err }
}

describe('the azure-mutex command line', () => {
  test('names each option after the action input, as a flag and as AZURE_MUTEX_*', () => {
    assert.equal(envName('lock-name'), 'AZURE_MUTEX_LOCK_NAME')
    assert.equal(envName('connection-string'), 'AZURE_MUTEX_CONNECTION_STRING')
  })

  test('reads a flag before its environment variable, trimmed, and the command after --', () => {
    const line = parseCommandLine('hold', ['deploy', '--timeout', ' 15m ', '--', 'sh', '-c', 'echo --timeout'])
    const read = readerOf(line, { AZURE_MUTEX_TIMEOUT: '1h', AZURE_MUTEX_CONTAINER: 'ops' })
    assert.equal(read('timeout'), '15m')
    assert.equal(read('container'), 'ops')
    assert.equal(read('lease-duration'), '')
    assert.deepEqual(line.positionals, ['deploy'])
    assert.deepEqual(line.command, ['sh', '-c', 'echo --timeout'])
  })

  test('warns of a secret given as a flag, naming the variable to use instead', () => {
    const line = parseCommandLine('status', ['--account-name', 'a', '--sas-token', 'sv=1'])
    assert.deepEqual(line.warnings, [
      'warning: --sas-token on the command line is visible to other users of this machine and stays in shell history; ' +
        'set AZURE_MUTEX_SAS_TOKEN instead.',
    ])
    assert.deepEqual(parseCommandLine('status', ['--account-name', 'a']).warnings, [])
  })

  test('refuses an unknown option in one line that names it', () => {
    assert.throws(
      () => parseCommandLine('hold', ['x', '--lease', '3', '--', 'true']),
      (err: unknown) => {
        assert.ok(err instanceof UsageError)
        assert.equal(err.message, "Unknown option '--lease'. See 'azure-mutex hold --help'.")
        return true
      },
    )
  })

  test("names flags where the action's messages name inputs", () => {
    assert.equal(
      asFlags("Invalid input 'lease-duration': '5' is not a whole number"),
      "Invalid input '--lease-duration': '5' is not a whole number",
    )
  })

  test('exits 2 with one line for bad input, and prints no stack', async () => {
    const bad = await run(['hold', 'deploy', '--lease-duration', '5', '--', 'true'], {
      AZURE_MUTEX_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    })
    assert.equal(bad.code, ExitCode.BadInput)
    assert.equal(bad.err.trim().split('\n').length, 1, bad.err)
    assert.match(
      bad.err,
      /^error: Invalid input '--lease-duration': '5' is not a whole number of seconds from 15 to 60/,
    )
    const none = await run(['status', '--all'])
    assert.equal(none.code, ExitCode.BadInput)
    assert.match(none.err, /^error: No storage account given: set AZURE_MUTEX_CONNECTION_STRING;/)
    const missing = await run(['hold', 'deploy'], { AZURE_MUTEX_CONNECTION_STRING: 'UseDevelopmentStorage=true' })
    assert.equal(missing.code, ExitCode.BadInput)
    assert.match(missing.err, /Missing the command to run while holding the lock/)
  })

  test('has help for every subcommand, each with an example, on stdout', async () => {
    for (const command of ['hold', 'status', 'break']) {
      const help = await run([command, '--help'])
      assert.equal(help.code, 0)
      assert.match(help.out, new RegExp(`^Usage: azure-mutex ${command} `))
      assert.match(help.out, /\nExample:\n {2}\S/)
      assert.equal(help.err, '')
    }
    assert.equal((await run(['--help'])).code, 0)
    assert.equal((await run(['lock'])).code, ExitCode.BadInput)
  })
})

describe('who the command says it is', () => {
  test('an Azure Pipelines run names its repository, pipeline, build and its page', () => {
    const who = cliHolder({
      TF_BUILD: 'True',
      BUILD_REPOSITORY_NAME: 'platform/api',
      BUILD_DEFINITIONNAME: 'api-deploy',
      SYSTEM_JOBDISPLAYNAME: 'Deploy',
      BUILD_BUILDID: '812',
      BUILD_REQUESTEDFOR: 'Mona',
      SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
      SYSTEM_TEAMPROJECT: 'Platform Team',
    })
    assert.deepEqual(who, {
      repository: 'platform/api',
      workflow: 'api-deploy',
      job: 'Deploy',
      runId: '812',
      runAttempt: '',
      actor: 'Mona',
      runUrl: 'https://dev.azure.com/contoso/Platform%20Team/_build/results?buildId=812',
    })
  })

  test('a GitLab job names its project, pipeline and user', () => {
    const who = cliHolder({
      GITLAB_CI: 'true',
      CI_PROJECT_PATH: 'group/app',
      CI_JOB_NAME: 'deploy',
      CI_PIPELINE_ID: '77',
      GITLAB_USER_LOGIN: 'mona',
      CI_PIPELINE_URL: 'https://gitlab.com/group/app/-/pipelines/77',
    })
    assert.equal(who.repository, 'group/app')
    assert.equal(who.runId, '77')
    assert.equal(who.runUrl, 'https://gitlab.com/group/app/-/pipelines/77')
  })

  test('a terminal names the user and the machine', () => {
    const who = cliHolder({ USER: 'mona' })
    assert.match(who.repository, /^mona@\S+$/)
    assert.equal(who.actor, 'mona')
    assert.equal(who.runId, String(process.pid))
  })
})

describe('the board in a terminal', () => {
  test('one row per lock, columns aligned, empty columns left out, hostile text on one line', () => {
    const text = renderBoardText([
      { name: 'api', held: false, leaseState: 'available', queue: [] },
      {
        name: 'web\n\u001b[31mred',
        held: true,
        leaseState: 'leased',
        leaseKind: 'fixed',
        holder: {
          repository: 'octo/web',
          workflow: 'deploy',
          job: 'prod',
          runId: '9',
          runAttempt: '1',
          actor: 'mona',
          runUrl: 'https://github.com/octo/web/actions/runs/9',
          acquiredAt: '2026-11-30T10:00:00Z',
        },
        queue: [{ repository: 'octo/api', workflow: '', job: '', runId: '3', runAttempt: '', actor: '', runUrl: '' }],
      },
    ])
    const rows = text.trimEnd().split('\n')
    assert.equal(rows.length, 3)
    assert.match(rows[0]!, /^LOCK +STATE +HOLDER +SINCE +LEASE +WAITING$/)
    assert.match(rows[1]!, /^api +free/)
    assert.ok(rows[2]!.startsWith('web\\n\\x1b[31mred  held'), rows[2])
    assert.match(
      rows[2]!,
      /octo\/web, workflow “deploy”, job prod, actor mona run 9 https:\/\/github.com\/octo\/web\/actions\/runs\/9/,
    )
    assert.match(rows[2]!, /fixed +2\. octo\/api run 3$/)
    assert.equal(rows[0]!.indexOf('STATE'), rows[1]!.indexOf('free'))
  })

  test('a hold is named as a hold: its reason, who set it and its end, not as the job that set it', () => {
    const hold: HoldRecord = {
      scope: 'freeze',
      reason: 'incident 42: no deploys',
      setBy: 'mona',
      repository: 'octo/ops',
      runId: '77',
      runUrl: 'https://github.com/octo/ops/actions/runs/77',
      setAt: '2026-11-30T10:00:00.000Z',
      until: '2026-11-30T12:00:00.000Z',
      leaseId: '6f1c2a36-8f1e-4a8e-9a57-0d6d3f1e6b11',
      fencingToken: '12',
    }
    const holder = {
      repository: 'octo/ops',
      workflow: 'freeze',
      job: 'hold',
      runId: '77',
      runAttempt: '1',
      actor: 'mona',
      runUrl: 'https://github.com/octo/ops/actions/runs/77',
      acquiredAt: '2026-11-30T10:00:00Z',
    }
    const lock = statusOf('deploy', {
      leaseState: 'leased',
      leaseDuration: 'infinite',
      metadata: { ...holderToMetadata(holder), ...holdToMetadata(hold) },
      lastModified: new Date('2026-11-30T10:00:00Z'),
      serviceNow: new Date('2026-11-30T11:00:00Z'),
    })
    const row = renderBoardText([lock]).trimEnd().split('\n')[1]!
    assert.match(row, /a hold: "incident 42: no deploys"/, row)
    assert.match(row, /set by mona/)
    assert.doesNotMatch(row, /workflow “freeze”/)
  })
})
