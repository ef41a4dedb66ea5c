// Latest wins through the azure-mutex command (dist-cli/) on Azurite:
// --supersede-key, --sequence and --on-superseded, and their AZURE_MUTEX_*
// variables, behave as the action's inputs do, in the same queue and with the
// same per-key record as the action's jobs, and end with the documented exit
// codes. Each command's critical section writes a file, so "did not run" is
// checked, not only said.

import assert from 'node:assert/strict'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { BoardLock } from '../../src/lock/board.ts'
import { reservedNames } from '../../src/lock/reserved.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { cliEnv, runCli, stopAllClis } from '../support/cli.ts'
import { jobFor, mustPass } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { completeAllJobs } from '../support/runner.ts'

const NODE = process.execPath

describe('azure-mutex hold with a supersede key', () => {
  let azurite: Azurite
  let dir: string
  before(async () => {
    azurite = await startAzurite()
    await containerOn(azurite, 'locks').createIfNotExists()
    dir = mkdtempSync(join(tmpdir(), 'cli-latest-'))
  })
  after(async () => {
    stopAllClis()
    completeAllJobs()
    await azurite.stop()
  })

  /** A command that leaves a file named `name` behind: proof that it ran. */
  const marking = (name: string): string[] => [
    NODE,
    '-e',
    `require('node:fs').writeFileSync(${JSON.stringify(join(dir, name))}, 'ran')`,
  ]
  const ran = (name: string): boolean => existsSync(join(dir, name))

  /** Resolves once `count` waiters stand in the lock's queue. */
  async function untilQueued(lockName: string, count: number): Promise<void> {
    const locks = containerOn(azurite, 'locks')
    const deadline = Date.now() + 15_000
    for (;;) {
      let entries = 0
      for await (const blob of locks.listBlobsFlat({ prefix: reservedNames(lockName).queuePrefix })) {
        if (blob.properties.leaseState === 'leased') entries++
      }
      if (entries >= count) return
      assert.ok(Date.now() < deadline, `${count} waiters did not join the queue of ${lockName}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it('an older run leaves the queue when a newer one of its key joins (122 with fail), and a run older than the last holder is stale (123, or 0 with skip)', async () => {
    const lockName = `cli-latest-${randomUUID().slice(0, 6)}`
    const env = cliEnv(azurite)
    // An action job holds the lock, so both commands wait in the one queue.
    const holder = jobFor(azurite, 'octo/holder', lockName)
    mustPass('holder main', await holder.runMain())

    const older = runCli(
      [
        'hold',
        lockName,
        '--supersede-key',
        'prod',
        '--sequence',
        '5',
        '--on-superseded',
        'fail',
        '--',
        ...marking('older'),
      ],
      env,
    )
    await untilQueued(lockName, 1)
    // The newer one gives its key and sequence in the environment, as a pipeline would.
    const newer = runCli(['hold', lockName, '--', ...marking('newer')], {
      ...env,
      AZURE_MUTEX_SUPERSEDE_KEY: 'prod',
      AZURE_MUTEX_SEQUENCE: '6',
    })
    const left = await older.exited
    assert.equal(left.code, 122, left.stderr)
    assert.match(
      left.stderr,
      /Superseded while waiting for lock devstoreaccount1\/locks\/cli-latest-\w+: .* waits with the same key and a newer sequence than ours \(5\)\. The command did not run \(--on-superseded fail\): exiting 122\./,
    )
    assert.ok(!ran('older'), 'the superseded command did not run')

    mustPass('holder post', await holder.runPost())
    const served = await newer.exited
    assert.equal(served.code, 0, served.stderr)
    assert.ok(ran('newer'), 'the newest run of the key ran')

    // Sequence 6 has held the lock for the key: 4 is stale.
    const stale = await runCli(
      [
        'hold',
        lockName,
        '--supersede-key',
        'prod',
        '--sequence',
        '4',
        '--on-superseded',
        'fail',
        '--',
        ...marking('stale'),
      ],
      env,
    ).exited
    assert.equal(stale.code, 123, stale.stderr)
    assert.match(stale.stderr, /Stale: a newer run of the same key has already held lock .*; our sequence is 4\./)
    assert.ok(!ran('stale'))

    // skip, the default as for the action: the same, but it exits 0.
    const skipped = await runCli(
      ['hold', lockName, '--supersede-key', 'prod', '--sequence', '3', '--', ...marking('skipped')],
      env,
    ).exited
    assert.equal(skipped.code, 0, skipped.stderr)
    assert.match(skipped.stderr, /Stale: .* The command did not run \(--on-superseded skip\): exiting 0\./)
    assert.ok(!ran('skipped'))

    // A re-run of the same sequence takes the lock, as the action's re-run does; another key is not concerned.
    const rerun = await runCli(
      ['hold', lockName, '--supersede-key', 'prod', '--sequence', '6', '--', ...marking('rerun')],
      env,
    ).exited
    assert.equal(rerun.code, 0, rerun.stderr)
    assert.ok(ran('rerun'))
    const staging = await runCli(
      ['hold', lockName, '--supersede-key', 'staging', '--sequence', '1', '--', ...marking('staging')],
      env,
    ).exited
    assert.equal(staging.code, 0, staging.stderr)
    assert.ok(ran('staging'))

    // The key's record is the action's too: after an action job of sequence 7 held the lock, 6 is stale here.
    const action = jobFor(azurite, 'octo/app', lockName, { 'supersede-key': 'prod', sequence: '7' })
    mustPass('keyed action main', await action.runMain())
    mustPass('keyed action post', await action.runPost())
    const behind = await runCli(
      ['hold', lockName, '--supersede-key', 'prod', '--sequence', '6', '--on-superseded', 'fail', '--', 'true'],
      env,
    ).exited
    assert.equal(behind.code, 123, behind.stderr)
    assert.match(behind.stderr, /Stale: a newer run of the same key has already held lock .*octo\/app/)
  })

  it('status shows the hold, the queue with places and keys, and the newest sequence per key, in JSON and the table', async () => {
    const lockName = `cli-board-${randomUUID().slice(0, 6)}`
    const env = cliEnv(azurite, { USER: 'mona' })
    const keyed = jobFor(azurite, 'octo/app', lockName, { 'supersede-key': 'prod', sequence: '7' })
    mustPass('keyed main', await keyed.runMain())
    mustPass('keyed post', await keyed.runPost())
    const frozen = await runCli(['hold', lockName, '--for', '1h', '--reason', 'change freeze'], env).exited
    assert.equal(frozen.code, 0, frozen.stderr)
    const waiter = runCli(['hold', lockName, '--supersede-key', 'prod', '--sequence', '8', '--', 'true'], env)
    await waiter.line(/2nd in line for locks\/cli-board-/)

    for (const args of [
      ['status', lockName, '--json'],
      ['status', '--all', '--json'],
    ]) {
      const json = await runCli(args, env).exited
      assert.equal(json.code, 0, json.stderr)
      const lock = (JSON.parse(json.stdout) as { locks: BoardLock[] }).locks.find((l) => l.name === lockName)!
      assert.equal(lock.leaseKind, 'infinite', args.join(' '))
      assert.equal(lock.hold?.reason, 'change freeze', args.join(' '))
      assert.equal(lock.hold?.scope, 'freeze')
      assert.equal(lock.hold?.setBy, 'mona')
      assert.ok(Date.parse(lock.hold!.until) > Date.now(), lock.hold?.until)
      assert.deepEqual(
        lock.queue?.map((w) => [w.place, w.waiter?.supersedeKey, w.waiter?.sequence]),
        [[2, 'prod', '8']],
        args.join(' '),
      )
      assert.deepEqual(
        lock.latest.map((l) => [l.key, l.sequence, l.holder.repository]),
        [['prod', '7', 'octo/app']],
        args.join(' '),
      )
    }
    const table = await runCli(['status', lockName], env).exited
    assert.equal(table.code, 0, table.stderr)
    const [head, row] = table.stdout.trimEnd().split('\n')
    assert.match(head!, /^LOCK +STATE +HOLDER +SINCE +LEASE +WAITING +NEWEST PER KEY$/)
    assert.match(
      row!,
      /held +a hold: "change freeze", set by mona .* \d{4}-\d\d-\d\dT[\d:.]+Z +infinite \(never expires\) +2\. .*\(key "prod", sequence 8\) +"prod": 7 \(octo\/app run \d+\)$/,
    )

    const lifted = await runCli(['unhold', lockName], env).exited
    assert.equal(lifted.code, 0, lifted.stderr)
    assert.equal((await waiter.exited).code, 0)
  })

  it('a supersede key without a sequence, a bad sequence, or a bad on-superseded is one line naming the flag (exit 2)', async () => {
    const env = cliEnv(azurite)
    const cases: Array<[string[], RegExp]> = [
      [['--supersede-key', 'prod'], /error: '--supersede-key' needs '--sequence' \(or AZURE_MUTEX_SEQUENCE\)/],
      [
        ['--supersede-key', 'prod', '--sequence', 'v12'],
        /error: Invalid input '--sequence': 'v12' is not a whole number/,
      ],
      [['--sequence', '3'], /error: Invalid input '--sequence': it is given without '--supersede-key'/],
      [
        ['--supersede-key', 'prod', '--sequence', '1', '--on-superseded', 'later'],
        /error: Invalid input '--on-superseded': 'later' is not one of skip or fail/,
      ],
    ]
    for (const [flags, message] of cases) {
      const result = await runCli(['hold', 'some-lock', ...flags, '--', 'true'], env).exited
      assert.equal(result.code, 2, `${flags.join(' ')}: ${result.stderr}`)
      assert.match(result.stderr, message)
      assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`)
    }
  })
})
