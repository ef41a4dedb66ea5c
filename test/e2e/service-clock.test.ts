// The service's clock is input like any other, end to end. A proxy that adds
// a Date header of its own to every answer makes Node join the two into one
// value that does not parse; the SDK hands that on as an Invalid Date. The
// main step used it as the lease's start and failed with "Unexpected error:
// Invalid time value", as did every step after it that dated something. A
// time that does not parse is now treated as missing: the runner's clock
// stands in where a time is shown, and nothing decides on it.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import { cliEnv, runCli } from '../support/cli.ts'
import { lookAtLock, mustPass, withProxiedStorage, type ProxiedStorage } from '../support/e2e.ts'
import type { StepResult } from '../support/runner.ts'

/** Nothing a step printed says it met a time it could not handle. */
function assertNoTimeError(step: StepResult, name: string): void {
  const text = [...step.lines, ...step.errors, ...step.warnings, step.stderr].join('\n')
  assert.ok(!/Invalid time value|Unexpected error|^\s+at /m.test(text), `${name}: ${text}`)
}

describe('a Date header that does not parse (a proxy that sends it twice)', () => {
  let storage: ProxiedStorage
  withProxiedStorage((s) => (storage = s))

  // Failure semantics: "A proxy sends the `Date` header of every answer twice".

  it('is treated as missing: a job holds, a waiter names it and times out, post releases, status, hold and unhold work', async () => {
    const { proxy, proxied, azurite } = storage
    const lockName = `two-dates-${randomUUID().slice(0, 6)}`
    proxy.set({ doubleDate: true })
    try {
      const holder = proxied('octo/holder', lockName)
      const main = mustPass('main', await holder.runMain())
      assertNoTimeError(main, 'main')
      assert.ok(!Number.isNaN(Date.parse(main.outputs['acquired-at']!)), `acquired-at: ${main.outputs['acquired-at']}`)
      assert.ok(
        proxy.log.some((r) => r.kind === 'acquire' && r.status === 201),
        'the lease was granted through the proxy',
      )

      const waiter = proxied('octo/waiter', lockName, { timeout: '3' })
      const waited = await waiter.runMain()
      assert.equal(waited.exitCode, 1, waited.stdout)
      assert.equal(waited.errors.length, 1, waited.stdout)
      assert.match(waited.errors[0]!, /^Timed out after \S+ waiting for lock .*; it is held by octo\/holder /)
      assertNoTimeError(waited, 'the waiter')

      await delay(5_500) // a renewal or two through the proxy: the renewer reads the same Date header
      const post = mustPass('post', await holder.runPost())
      assertNoTimeError(post, 'post')
      assert.deepEqual(post.warnings, [])
      assert.ok(
        post.lines.some((l) => /^Released lock \S+ after holding it for/.test(l)),
        post.stdout,
      )
      assert.equal((await lookAtLock(azurite, lockName)).leaseState, 'available')

      const status = mustPass('status', await holder.runAction('status', { ...holder.options.inputs }))
      assertNoTimeError(status, 'status')
      const hold = mustPass(
        'hold',
        await holder.runAction('hold', { ...holder.options.inputs, reason: 'two dates', duration: '1h' }),
      )
      assertNoTimeError(hold, 'hold')
      assert.ok(!Number.isNaN(Date.parse(hold.outputs['held-until']!)), `held-until: ${hold.outputs['held-until']}`)
      const unhold = mustPass('unhold', await holder.runAction('unhold', { ...holder.options.inputs }))
      assertNoTimeError(unhold, 'unhold')
      assert.equal((await lookAtLock(azurite, lockName)).leaseState, 'available')
      holder.complete()
      waiter.complete()

      // The command over the same lock core.
      const env = cliEnv(azurite, { AZURE_MUTEX_CONNECTION_STRING: proxy.connectionString })
      const ran = await runCli(['hold', lockName, '--', 'true'], env).exited
      assert.equal(ran.code, 0, ran.stderr)
      assert.ok(!/Invalid time value|Unexpected error/.test(ran.stderr), ran.stderr)
    } finally {
      proxy.set({})
    }
  })
})
