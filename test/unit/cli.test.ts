// The azure-mutex command's pure parts: its command line, its messages, who it
// says it is, and the board as a terminal shows it.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { renderBoardText } from '../../src/lock/board.ts'
import { holdToMetadata, type HoldRecord } from '../../src/lock/deploy/hold.ts'
import { holderToMetadata } from '../../src/lock/holder.ts'
import { statusOf } from '../../src/lock/lock-status.ts'
import { cliHolder } from '../../src/cli/holder.ts'
import { runCli } from '../../src/cli/main.ts'
import {
  ExitCode,
  UsageError,
  asGivenFlag,
  envName,
  optionWording,
  parseCommandLine,
  readerOf,
} from '../../src/cli/options.ts'
import { readLeaseDuration } from '../../src/settings/lock-spec.ts'
import { Option, OptionError, spellOptionError } from '../../src/settings/option.ts'
import { lockNameOf } from '../../src/cli/session.ts'
import {
  commandSpawnOptions,
  endCommandGroup,
  runWatchdog,
  signalCommand,
  type ProcessControl,
} from '../../src/cli/watchdog.ts'

/** Runs the command in-process, with what it printed: stdout, and stderr (progress lines and the usage). */
async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, env, {
    result: (text) => (out += text),
    progress: (line) => (err += `${line}\n`),
    usage: (text) => (err += text),
  })
  return { code, out, err }
}

/** The one error line of a run that must fail on its input, without touching storage. */
async function badInput(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { code, out, err } = await run(args, env)
  assert.equal(code, ExitCode.BadInput, err)
  assert.equal(out, '')
  // A secret given as a flag is warned of first.
  const lines = err
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('warning: --'))
  assert.equal(lines.length, 1, err)
  assert.match(lines[0]!, /^error: /)
  return lines[0]!.slice('error: '.length)
}

const DEV = { AZURE_MUTEX_CONNECTION_STRING: 'UseDevelopmentStorage=true' }

describe('the azure-mutex command line', () => {
  test('names each option after the action input, as a flag and as AZURE_MUTEX_*', () => {
    assert.equal(envName('lock-name'), 'AZURE_MUTEX_LOCK_NAME')
    assert.equal(envName('connection-string'), 'AZURE_MUTEX_CONNECTION_STRING')
  })

  test('reads a flag before its environment variable, trimmed, and the command after --', () => {
    const line = parseCommandLine('hold', ['deploy', '--timeout', ' 15m ', '--', 'sh', '-c', 'echo --timeout'])
    const read = readerOf(line, { AZURE_MUTEX_TIMEOUT: '1h', AZURE_MUTEX_CONTAINER: 'ops' })
    assert.equal(read(Option.Timeout), '15m')
    assert.equal(read(Option.Container), 'ops')
    assert.equal(read(Option.LeaseDuration), '')
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

  test('words a bad option with its flag, where the action names its input', () => {
    const read = readerOf(parseCommandLine('hold', ['x', '--lease-duration', '5', '--', 'true']), {})
    assert.throws(
      () => readLeaseDuration(read),
      (err: unknown) =>
        err instanceof OptionError &&
        spellOptionError(err, optionWording(asGivenFlag)) ===
          "Invalid input '--lease-duration': '5' is not a whole number of seconds from 15 to 60.",
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

  test('has help for every subcommand, each with an example, on stdout, as <command> --help and as help <command>', async () => {
    for (const command of ['hold', 'status', 'break', 'unhold']) {
      const help = await run([command, '--help'])
      assert.equal(help.code, 0)
      assert.match(help.out, new RegExp(`^Usage: azure-mutex ${command} `))
      assert.match(help.out, /\nExample:\n {2}\S/)
      assert.equal(help.err, '')
      assert.deepEqual(await run(['help', command]), help, `help ${command} is ${command} --help`)
    }
    const main = await run(['--help'])
    assert.equal(main.code, 0)
    assert.match(main.out, /^azure-mutex: the lock of azure-mutex-action/)
    assert.deepEqual(await run(['help']), main)
    assert.deepEqual(await run(['-h']), main)
    assert.equal((await run(['lock'])).code, ExitCode.BadInput)
    assert.match(await badInput(['help', 'lock']), /^Unknown command 'lock': expected hold, status, break or unhold/)
  })

  test('with no arguments, prints the usage on stderr and exits 2', async () => {
    const none = await run([])
    assert.equal(none.code, ExitCode.BadInput)
    assert.equal(none.out, '', 'nothing on stdout')
    assert.match(none.err, /^azure-mutex: the lock of azure-mutex-action, outside GitHub Actions\.\n\nUsage:\n/)
  })

  test('--version and -V print the version of the package', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string
    }
    for (const flag of ['--version', '-V']) {
      assert.deepEqual(await run([flag]), { code: 0, out: `${version}\n`, err: '' })
    }
  })

  test('reads the lock name the same way from the argument, --lock-name and AZURE_MUTEX_LOCK_NAME: trimmed, as the action trims it', () => {
    const named = (args: string[], env: NodeJS.ProcessEnv = {}): string | undefined => {
      const line = parseCommandLine('hold', [...args, '--', 'true'])
      return lockNameOf(line, readerOf(line, env))
    }
    assert.equal(named(['prod ']), 'prod')
    assert.equal(named([' prod']), 'prod')
    assert.equal(named(['--lock-name', ' prod ']), 'prod')
    assert.equal(named([], { AZURE_MUTEX_LOCK_NAME: ' prod ' }), 'prod')
    assert.equal(named(['prod'], { AZURE_MUTEX_LOCK_NAME: 'other' }), 'prod', 'the argument wins over the variable')
    assert.equal(named([], { AZURE_MUTEX_LOCK_NAME: '  ' }), undefined)
  })

  test('refuses a lock name of spaces, and checks every lock name as the action checks its lock-name', async () => {
    assert.match(
      await badInput(['hold', ' ', '--', 'true'], DEV),
      /^The lock's name is empty: the argument is only spaces\./,
    )
    assert.match(await badInput(['status', '   '], DEV), /^The lock's name is empty/)
    assert.match(await badInput(['hold', '--lock-name', ' ', '--', 'true'], DEV), /^Missing the lock's name/)
    // The action's own check (action/inputs.ts readLockName), naming where the name came from.
    const problem = "it has a '..' path segment, which URLs resolve away"
    assert.equal(
      await badInput(['hold', 'a/../b ', '--', 'true'], DEV),
      `Invalid lock name 'a/../b': ${problem} ('a/../b' would lock 'b'); expected a blob name of 1 to 1024 characters.`,
    )
    assert.match(
      await badInput(['break', '--lock-name', 'a/../b', '--reason', 'r'], DEV),
      /^Invalid input '--lock-name': it has a '\.\.' path segment/,
    )
    assert.match(
      await badInput(['unhold'], { ...DEV, AZURE_MUTEX_LOCK_NAME: 'a/../b' }),
      /^Invalid input 'AZURE_MUTEX_LOCK_NAME': it has a '\.\.' path segment/,
    )
    assert.match(
      await badInput(['hold', 'x.', '--for', '1h', '--reason', 'r'], DEV),
      /^Invalid lock name 'x\.': it ends with '\.' or '\/'/,
    )
  })

  test('a value in two words is named as the option it belongs to, not as a second lock name', async () => {
    assert.equal(
      await badInput(['hold', 'deploy', '--timeout', '5', 'minutes', '--', 'true'], DEV),
      "Unexpected argument 'minutes' after --timeout 5: an option takes one value; write it as one word " +
        "(--timeout 5m) or quote it. See 'azure-mutex hold --help'.",
    )
    assert.equal(
      await badInput(['status', 'deploy', '--container', 'my', 'locks'], DEV),
      "Unexpected argument 'locks' after --container my: an option takes one value; write it as one word or quote it. " +
        "See 'azure-mutex status --help'.",
    )
    assert.equal(
      await badInput(['hold', 'deploy', './deploy.sh'], DEV),
      "Unexpected argument './deploy.sh': azure-mutex hold takes one lock name ('deploy'). " +
        "The command to run goes after '--': azure-mutex hold deploy -- ./deploy.sh. See 'azure-mutex hold --help'.",
    )
  })

  test('names each option as the user gave it: the flag, or the variable', async () => {
    assert.match(
      await badInput(['hold', 'x', '--for', '2days', '--reason', 'r'], DEV),
      /^Invalid input '--for': '2days' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h, or 'forever'\.$/,
    )
    assert.match(
      await badInput(['hold', 'x', '--duration', '2days', '--reason', 'r'], DEV),
      /^Invalid input '--duration': '2days' is not a duration/,
    )
    assert.match(
      await badInput(['hold', 'x', '--for', '1h', '--until', '2030-01-01T00:00:00Z', '--reason', 'r'], DEV),
      /^Give '--for' or '--until', not both\.$/,
    )
    const byKey = { AZURE_MUTEX_ACCOUNT_NAME: 'mylocks', AZURE_MUTEX_ACCOUNT_KEY: 'abc' }
    assert.equal(
      await badInput(['status', 'x'], byKey),
      "Invalid input 'AZURE_MUTEX_ACCOUNT_KEY': expected a base64 account key.",
    )
    assert.equal(
      await badInput(['status', 'x', '--account-key', 'abc'], { AZURE_MUTEX_ACCOUNT_NAME: 'mylocks' }).then(
        (line) => line,
      ),
      "Invalid input '--account-key': expected a base64 account key.",
    )
    assert.equal(
      await badInput(['status', 'x'], { ...DEV, AZURE_MUTEX_SAS_TOKEN: 'sv=1&sig=x' }),
      "Give exactly one kind of credential, not 'AZURE_MUTEX_CONNECTION_STRING' and 'AZURE_MUTEX_SAS_TOKEN'.",
    )
    assert.equal(
      await badInput(['status', 'x', '--sas-token', 'sv=1&sig=x'], { AZURE_MUTEX_ACCOUNT_KEY: 'abc' }),
      "Give exactly one kind of credential, not 'AZURE_MUTEX_ACCOUNT_KEY' and '--sas-token'.",
    )
    assert.equal(
      await badInput(['status', 'x'], { AZURE_MUTEX_SAS_TOKEN: 'sv=1&sig=x' }),
      "Input '--account-name' (or AZURE_MUTEX_ACCOUNT_NAME) is required with 'AZURE_MUTEX_SAS_TOKEN'.",
    )
    assert.match(
      await badInput(['hold', 'x', '--', 'true'], { ...DEV, AZURE_MUTEX_LEASE_DURATION: '5' }),
      /^Invalid input 'AZURE_MUTEX_LEASE_DURATION': '5' is not a whole number of seconds from 15 to 60/,
    )
    assert.match(
      await badInput(['hold', 'x', '--', 'true'], { ...DEV, AZURE_MUTEX_ON_LOST: 'SIGFOO' }),
      /^Invalid input 'AZURE_MUTEX_ON_LOST': 'SIGFOO' is not one of SIGTERM, SIGINT, SIGHUP, SIGKILL, none\.$/,
    )
    assert.match(
      await badInput(['hold', 'x', '--on-lost', 'SIGFOO', '--', 'true'], DEV),
      /^Invalid input '--on-lost': 'SIGFOO'/,
    )
    assert.match(
      await badInput(['hold', 'x', '--', 'true'], { ...DEV, AZURE_MUTEX_SUPERSEDE_KEY: 'prod' }),
      /^'AZURE_MUTEX_SUPERSEDE_KEY' needs '--sequence' \(or AZURE_MUTEX_SEQUENCE\): a whole number/,
    )
    assert.match(
      await badInput(['hold', 'x', '--supersede-key', 'prod', '--', 'true'], DEV),
      /^'--supersede-key' needs '--sequence' \(or AZURE_MUTEX_SEQUENCE\)/,
    )
    assert.match(
      await badInput(['hold', 'x', '--', 'true'], { ...DEV, AZURE_MUTEX_PASS_CREDENTIALS: 'yes' }),
      /^Invalid input 'AZURE_MUTEX_PASS_CREDENTIALS': 'yes' is not a boolean; expected true or false\.$/,
    )
    assert.match(
      await badInput(
        ['hold', 'x', '--supersede-key', 'k', '--sequence', '1', '--on-superseded', 'timeout', '--', 'true'],
        DEV,
      ),
      /^Invalid input '--on-superseded': 'timeout' is not one of skip or fail\.$/,
      "a value is not renamed, even when it is an option's name",
    )
    assert.match(
      await badInput(['break', 'x', '--reason', 'r'], { ...DEV, AZURE_MUTEX_ENTRY: 'three' }),
      /^Invalid input 'AZURE_MUTEX_ENTRY': expected a ticket of the lock's queue/,
    )
  })

  test("reads no variable for an option the subcommand does not have (the action's client-id, say)", () => {
    const read = readerOf(parseCommandLine('status', ['x']), { AZURE_MUTEX_CLIENT_ID: 'id', AZURE_MUTEX_REASON: 'r' })
    assert.equal(read(Option.ClientId), '')
    assert.equal(read(Option.Reason), '', 'status takes no reason')
    assert.equal(readerOf(parseCommandLine('break', ['x']), { AZURE_MUTEX_REASON: 'r' })(Option.Reason), 'r')
    for (const option of [Option.ClientId, Option.TenantId, Option.Audience]) {
      const env = { AZURE_MUTEX_CLIENT_ID: 'id', AZURE_MUTEX_TENANT_ID: 't', AZURE_MUTEX_AUDIENCE: 'a' }
      assert.equal(readerOf(parseCommandLine('hold', ['x', '--', 'true']), env)(option), '', option)
    }
  })

  test('refuses --pass-credentials on a hold with no command', async () => {
    assert.match(
      await badInput(['hold', 'x', '--for', '1h', '--reason', 'r', '--pass-credentials'], DEV),
      /^--pass-credentials applies to a hold with a command/,
    )
  })

  test('names the endpoint it could not reach, with what to check, once', async () => {
    const refused = await run(['status', 'x'], {
      AZURE_MUTEX_CONNECTION_STRING:
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' +
        'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
        'BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;',
    })
    assert.equal(refused.code, ExitCode.Failed, refused.err)
    assert.equal(
      refused.err,
      'error: Cannot reach the blob endpoint http://127.0.0.1:9/devstoreaccount1 (ECONNREFUSED): nothing listens there. ' +
        'Check the endpoint (the connection string, the account name or the blob endpoint); for Azurite, that it runs.\n',
    )
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

describe("the watchdog of a hold's command, on each platform", () => {
  /** A ProcessControl that records what it is asked, with the group alive for `aliveFor` looks. */
  function recording(platform: NodeJS.Platform, aliveFor = Infinity) {
    const calls: string[] = []
    let looks = 0
    const control: ProcessControl = {
      platform,
      kill: (pid, signal) => {
        calls.push(`kill ${pid} ${signal}`)
        if (signal === 0 && ++looks > aliveFor) throw Object.assign(new Error('no such group'), { code: 'ESRCH' })
      },
      run: (file, args) => void calls.push([file, ...args].join(' ')),
    }
    return { calls, control }
  }

  test('starts the command in a group of its own on POSIX, and as before on Windows', () => {
    assert.deepEqual(commandSpawnOptions('linux'), { detached: true })
    assert.deepEqual(commandSpawnOptions('darwin'), { detached: true })
    assert.deepEqual(commandSpawnOptions('win32'), {})
  })

  test('passes a signal to the whole group on POSIX, to the process on Windows, and never to pid 0, 1 or none', () => {
    const posix = recording('linux')
    const killed: string[] = []
    const child = { pid: 4242, kill: (signal?: NodeJS.Signals | number) => (killed.push(String(signal)), true) }
    assert.equal(signalCommand(child, 'SIGINT', posix.control), true)
    assert.deepEqual(posix.calls, ['kill -4242 SIGINT'])
    assert.deepEqual(killed, [])
    const windows = recording('win32')
    assert.equal(signalCommand(child, 'SIGTERM', windows.control), true)
    assert.deepEqual(windows.calls, [])
    assert.deepEqual(killed, ['SIGTERM'])
    for (const pid of [undefined, 0, 1, -5]) {
      assert.equal(signalCommand({ ...child, pid }, 'SIGTERM', posix.control), false)
    }
    assert.deepEqual(posix.calls, ['kill -4242 SIGINT'], 'nothing more was signalled')
  })

  test('ends the group with SIGTERM, then SIGKILL only if some of it is left after the grace', async () => {
    const stubborn = recording('linux')
    await endCommandGroup(4242, stubborn.control, 120)
    assert.equal(stubborn.calls[0], 'kill -4242 SIGTERM')
    assert.equal(stubborn.calls.at(-1), 'kill -4242 SIGKILL')
    assert.ok(
      stubborn.calls.slice(1, -1).every((call) => call === 'kill -4242 0'),
      stubborn.calls.join(', '),
    )
    const obliging = recording('linux', 1)
    await endCommandGroup(4242, obliging.control, 10_000)
    assert.deepEqual(
      obliging.calls,
      ['kill -4242 SIGTERM', 'kill -4242 0', 'kill -4242 0'],
      'no SIGKILL once it is gone',
    )
    const windows = recording('win32')
    await endCommandGroup(4242, windows.control)
    assert.deepEqual(windows.calls, ['taskkill /PID 4242 /T /F'])
    const none = recording('linux')
    await endCommandGroup(1, none.control)
    assert.deepEqual(none.calls, [], 'never pid 1, whose group is init')
  })

  test('ends the group at end-of-file without done, and does nothing after done', async () => {
    const gone = recording('linux', 0)
    await runWatchdog(Readable.from(['wat', 'ch 4242\n']), gone.control, 100)
    assert.deepEqual(gone.calls.slice(0, 2), ['kill -4242 SIGTERM', 'kill -4242 0'], 'the CLI went: the group is ended')
    const finished = recording('linux')
    await runWatchdog(Readable.from(['watch 4242\n', 'done\n']), finished.control, 100)
    assert.deepEqual(finished.calls, [], 'the command was done')
    const never = recording('linux')
    await runWatchdog(Readable.from([]), never.control, 100)
    assert.deepEqual(never.calls, [], 'no command was started')
    const garbled = recording('linux')
    await runWatchdog(Readable.from(['watch -1\nwatch 0x10\n']), garbled.control, 100)
    assert.deepEqual(garbled.calls, [], 'only a pid it was given')
    const windows = recording('win32')
    await runWatchdog(Readable.from(['watch 4242\n']), windows.control, 100)
    assert.deepEqual(windows.calls, ['taskkill /PID 4242 /T /F'])
  })
})
