// A lease that lapses while storage is out of reach and is healed by a later
// renewal, end to end. Azure renews a lapsed lease only if nobody leased the
// blob since, so the hold was exclusive throughout: it is no loss. But the job
// ran for a while without proof of that, and its log and summary say so: post
// warns with the gap and why it is safe, and the summary's renewals row says
// the same. (Before, only the renewer's log group said it, and the summary
// said "longest gap 27s" on a 15 s lease with no warning.)

import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { after, describe, it } from 'node:test'
import { readStatusFile } from '../../src/renewer/status.ts'
import { runCli, stopAllClis } from '../support/cli.ts'
import { lookAtLock, withProxiedStorage, type ProxiedStorage } from '../support/e2e.ts'
import { rendered } from '../support/summary.ts'

const HEALED =
  /^The lease went unrenewed for (\d+)s, longer than its 15s duration \(storage or the network was gone\): it may have run out at (\S+), but a renewal answered at (\S+) succeeded\. Azure renews a lapsed lease only if nobody leased the lock since, so nobody else held it\.$/

describe('a lapse that a later renewal heals', () => {
  let storage: ProxiedStorage
  withProxiedStorage((s) => (storage = s))
  after(() => stopAllClis())

  // Failure semantics: "Network gone for longer than the lease, and back before anybody takes the lock".

  it('is a warning in post, with the gap and why it is safe, and in the summary; the step passes', async () => {
    const { proxy, proxied, azurite } = storage
    const job = proxied('octo/outage', 'healed-lapse')
    assert.equal((await job.runMain()).exitCode, 0)
    await delay(500)
    const statusFile = job.state['renewer-status-file']!
    const renewals = readStatusFile(statusFile)?.renewals ?? 0
    const droppedAt = Date.now()
    proxy.set({ drop: true })
    await delay(20_000) // past the 15 s lease; nobody else comes for the lock
    proxy.set({})
    const renewedBy = Date.now() + 10_000
    while ((readStatusFile(statusFile)?.renewals ?? 0) <= renewals && Date.now() < renewedBy) await delay(250)
    assert.ok((readStatusFile(statusFile)?.renewals ?? 0) > renewals, 'a renewal after the drop went through')
    assert.equal(readStatusFile(statusFile)?.phase, 'holding', 'a lapse that a renewal healed is no loss')

    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.deepEqual(post.errors, [])
    assert.equal(post.warnings.length, 1, post.stdout)
    const warned = HEALED.exec(post.warnings[0]!)
    assert.ok(warned, post.warnings[0])
    assert.ok(Number(warned[1]) >= 20, `a gap of ${warned[1]} s, for a drop of 20 s`)
    assert.ok(Date.parse(warned[2]!) > droppedAt, 'the lease lapsed after the drop began')
    assert.ok(Date.parse(warned[3]!) > Date.parse(warned[2]!), 'and was renewed after that')
    assert.ok(
      post.lines.some((l) => /^Released lock \S+ after holding it for/.test(l)),
      post.stdout,
    )
    assert.match(
      rendered(post.summary),
      /Renewals\s+\d+, longest gap \d+s;\s+the lease lapsed\s+for \d+s, longer than its 15s duration, .* healed it: Azure renews a lapsed lease only if nobody leased the lock since, so nobody else held it/,
    )
    assert.match(rendered(post.summary), /Lost\s+No/)
    assert.equal((await lookAtLock(azurite, 'healed-lapse')).leaseState, 'available')
    job.complete()
  })

  it('is a warning from azure-mutex hold as soon as the renewal that heals it comes, and the command exits 0', async () => {
    const { proxy, azurite } = storage
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AZURE_MUTEX_CONNECTION_STRING: proxy.connectionString,
      AZURE_MUTEX_LEASE_DURATION: '15',
    }
    const cli = runCli(['hold', 'healed-lapse-cli', '--', process.execPath, '-e', 'setTimeout(() => {}, 32000)'], env)
    await cli.line(/^azure-mutex: Holding lock /)
    proxy.set({ drop: true })
    await delay(20_000) // past the 15 s lease; nobody else comes for the lock
    proxy.set({})
    const healed = await cli.line(/^azure-mutex: warning: the lease went unrenewed for /)
    const gap =
      /^azure-mutex: warning: the lease went unrenewed for (\d+)s, longer than its 15s duration \(storage or the network was gone\), and a renewal then succeeded\. Azure renews a lapsed lease only if nobody leased the lock since, so nobody else held it\.$/.exec(
        healed,
      )
    assert.ok(gap, healed)
    assert.ok(Number(gap[1]) >= 20, `a gap of ${gap[1]} s, for a drop of 20 s`)
    const { code, stderr } = await cli.exited
    assert.equal(code, 0, stderr)
    assert.equal(
      stderr.split('\n').filter((l) => l.startsWith('azure-mutex: warning: the lease went unrenewed')).length,
      1,
      stderr,
    )
    assert.ok(!/LOST/.test(stderr), stderr)
    assert.match(stderr, /^azure-mutex: Released lock \S+/m)
    assert.equal((await lookAtLock(azurite, 'healed-lapse-cli')).leaseState, 'available')
  })
})
