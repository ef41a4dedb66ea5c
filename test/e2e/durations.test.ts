// Durations and times too long for any date, end to end: every duration input
// of the action, its sub-actions and the azure-mutex command is capped at a
// year as it is read, with one error line that names the input, before any
// lease is taken. (A Date holds at most 8.64e15 ms from 1970: a hold of
// 2400000000h was read as given, took the lease, and failed as it wrote its
// record, "Unexpected error: Invalid time value", leaving the lease to lapse.)

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { cliEnv, runCli } from '../support/cli.ts'
import { jobFor, lookAtLock, withSuiteStorage, type SuiteStorage } from '../support/e2e.ts'
import type { Job, StepResult } from '../support/runner.ts'

const TOO_LONG = '2400000000h'

/** The error line of a duration input over a year, naming the input (or the flag). */
const tooLong = (input: string): RegExp =>
  new RegExp(
    `^Invalid input '${input}': '${TOO_LONG}' is longer than a year; expected at most 8784h \\(366 days\\)\\.$`,
  )

function assertOneErrorNoStack(step: StepResult, error: RegExp): void {
  assert.equal(step.exitCode, 1, step.stdout)
  assert.equal(step.errors.length, 1, step.stdout)
  assert.match(step.errors[0]!, error)
  assert.ok(!/^\s+at /m.test(step.lines.join('\n') + step.stderr), 'no stack trace is shown')
}

describe('durations too long for any date', () => {
  let storage: SuiteStorage
  withSuiteStorage((s) => (storage = s))

  const job = (lockName: string, inputs: Record<string, string> = {}): Job =>
    jobFor(storage.azurite, 'octo/ops', lockName, inputs)

  it(`the hold action refuses 'duration: ${TOO_LONG}' as it reads it: no lease, and the next job takes the lock at once`, async () => {
    const lockName = `huge-hold-${randomUUID().slice(0, 6)}`
    const ops = job(lockName)
    const hold = await ops.runAction('hold', { ...ops.options.inputs, reason: 'a typo', duration: TOO_LONG })
    assertOneErrorNoStack(hold, tooLong('duration'))
    assert.notEqual((await lookAtLock(storage.azurite, lockName)).leaseState, 'leased', 'no lease was left')
    const next = job(lockName, { timeout: '5' })
    const main = await next.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    assert.ok(Number(main.outputs['waited-seconds']) < 2, `the next job waited ${main.outputs['waited-seconds']} s`)
    assert.equal((await next.runPost()).exitCode, 0)
    ops.complete()
    next.complete()
  })

  it("the hold action refuses an 'until' more than a year away", async () => {
    const ops = job(`far-hold-${randomUUID().slice(0, 6)}`)
    const hold = await ops.runAction('hold', {
      ...ops.options.inputs,
      reason: 'a typo',
      until: '9999-12-31T00:00:00Z',
    })
    assertOneErrorNoStack(
      hold,
      /^Invalid input 'until': 9999-12-31T00:00:00\.000Z is more than a year away; expected a time within 8784h \(366 days\) from now\.$/,
    )
    ops.complete()
  })

  for (const [input, extra] of [
    ['timeout', {}],
    ['warn-after', {}],
    ['hold-for', { scope: 'run' }],
  ] as const) {
    it(`the main step refuses '${input}: ${TOO_LONG}' before it takes the lock`, async () => {
      const lockName = `huge-${input}-${randomUUID().slice(0, 6)}`
      const main = job(lockName, { ...extra, [input]: TOO_LONG })
      const step = await main.runMain()
      assertOneErrorNoStack(step, tooLong(input))
      assert.equal((await lookAtLock(storage.azurite, lockName)).exists, false, 'nothing was asked of storage')
      main.complete()
    })
  }

  it(`azure-mutex refuses '--for ${TOO_LONG}' and '--timeout ${TOO_LONG}' as bad input, leaving no lease`, async () => {
    const lockName = `huge-cli-${randomUUID().slice(0, 6)}`
    const env = cliEnv(storage.azurite)
    for (const args of [
      ['hold', lockName, '--for', TOO_LONG, '--reason', 'a typo'],
      ['hold', lockName, '--until', '9999-12-31T00:00:00Z', '--reason', 'a typo'],
      ['hold', lockName, '--timeout', TOO_LONG, '--', 'true'],
    ]) {
      const ran = await runCli(args, env).exited
      assert.equal(ran.code, 2, `${args.join(' ')}: ${ran.stderr}`)
      const lines = ran.stderr.trim().split('\n')
      assert.equal(lines.length, 1, ran.stderr)
      // The command's own words name the flag (its wording is the command's to choose): the cap is the readers'.
      assert.match(
        lines[0]!,
        /error: .*--(for|duration|until|timeout)\b.* (is longer than a year|is more than a year away)/,
      )
      assert.notEqual((await lookAtLock(storage.azurite, lockName)).leaseState, 'leased', 'no lease was left')
    }
  })
})
