// The runner's wall clock is not the lock's clock (issue 16, defects 1 and 10).
// A holder whose wall clock steps forward mid-hold (an NTP step, a resumed VM)
// must keep the lock: lease arithmetic runs on the monotonic clock. And a
// holder whose clock is minutes fast must tell the times it claims about
// others ("exclusivity guaranteed until", the summary's) by the service's
// clock. Azurite runs on this test's own, true, clock.

import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { jobFor, lookAtLock } from '../support/e2e.ts'
import { FakeWallClock, libfaketime } from '../support/faketime.ts'
import { completeAllJobs } from '../support/runner.ts'
import { containerOn } from '../support/lock.ts'

const faketime = libfaketime()
const skip = 'skip' in faketime ? faketime.skip : false
const library = 'path' in faketime ? faketime.path : ''

const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g

describe('the holder’s wall clock, end to end', { skip }, () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  it('keeps the lock when the holder’s wall clock steps +60 s mid-hold: never two holders, and post reports success', async (t) => {
    const clock = new FakeWallClock(library, '+0')
    const holder = jobFor(azurite, 'octo/stepped', 'clock-step', {}, { env: clock.env })
    const main = await holder.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    const heldFrom = Date.now() // the holder's steps run from here (this test's clock is not stepped)

    const waiter = jobFor(azurite, 'octo/next', 'clock-step')
    const waiting = waiter.runMain()
    await delay(2_000)
    clock.set('+60s') // the holder's renewer and steps now read a wall clock a minute ahead

    // The holder's steps run for 20 s more: past a whole 15 s lease counted on the stepped clock.
    const looks: string[] = []
    const stepsEnd = Date.now() + 20_000
    while (Date.now() < stepsEnd) {
      const look = await lookAtLock(azurite, 'clock-step')
      looks.push(`${look.leaseState}:${look.holder?.repository ?? '-'}`)
      await delay(1_000)
    }
    const postStart = Date.now()
    const post = await holder.runPost()
    const waited = await waiting
    assert.equal(waited.exitCode, 0, waited.stdout)
    // The waiter's main step ends just after it took the lock: a generous (early) bound of when it got in.
    const waiterIn = waited.endedAt
    const overlapMs = Math.max(0, postStart - waiterIn)
    t.diagnostic(`two holders for ${(overlapMs / 1000).toFixed(1)} s (held from ${heldFrom}, post at ${postStart})`)
    assert.equal(overlapMs, 0, `the waiter got in ${overlapMs} ms before the holder's post began`)
    assert.deepEqual(
      looks.filter((look) => look !== 'leased:octo/stepped'),
      [],
      'the lock blob was leased by the holder throughout its steps',
    )
    assert.equal(post.exitCode, 0, post.stdout)
    assert.deepEqual(post.errors, [])
    assert.match(post.stdout, /Released lock devstoreaccount1\/locks\/clock-step after holding it for/)
    assert.doesNotMatch(post.stdout, /lost|no renewal succeeded/i)
    await waiter.runPost()
  })

  it('tells "exclusivity guaranteed until" and the summary’s times by the service’s clock when the holder’s is 10 minutes fast', async () => {
    const clock = new FakeWallClock(library, '+600s')
    const holder = jobFor(azurite, 'octo/fast', 'clock-fast', {}, { env: clock.env })
    const main = await holder.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    const heldFrom = Date.now()
    await delay(6_000) // past a renewal: the renewer has read the service's clock more than once

    // Another client breaks the lease and takes the lock (a break/ step or `az`).
    const blob = containerOn(azurite, 'locks').getBlobClient('clock-fast')
    const brokenAt = Date.now()
    await blob.getBlobLeaseClient().breakLease(0)
    await blob.getBlobLeaseClient().acquireLease(15)
    await delay(6_000) // the holder's renewer finds the loss at its next renewal

    const post = await holder.runPost()
    const postEnd = Date.now()
    assert.equal(post.exitCode, 1, 'a lost lock fails post')
    const [loss] = post.errors
    assert.ok(loss, post.stdout)
    const match = /exclusivity was guaranteed only until (\S+), and the loss was found at (\S+):/.exec(loss)
    assert.ok(match, loss)
    const guaranteedUntil = Date.parse(match[1]!)
    const foundAt = Date.parse(match[2]!)
    assert.ok(
      guaranteedUntil <= brokenAt,
      `guaranteed until ${match[1]}, after the true break at ${new Date(brokenAt).toISOString()}`,
    )
    assert.ok(guaranteedUntil >= heldFrom - 2_000, `guaranteed until ${match[1]}, long before the hold began`)
    assert.ok(foundAt >= brokenAt && foundAt <= postEnd + 2_000, `found at ${match[2]}: not on the service's clock`)

    // Every time the summary shows lies within the true span of the job, not ten minutes ahead of it.
    const times = (holder.summary.match(ISO) ?? []).map((iso) => Date.parse(iso))
    assert.ok(times.length >= 3, holder.summary)
    for (const time of times) {
      assert.ok(
        time >= heldFrom - 60_000 && time <= postEnd + 2_000,
        `the summary shows ${new Date(time).toISOString()}, outside the job (${new Date(heldFrom).toISOString()} to ${new Date(postEnd).toISOString()}):\n${holder.summary}`,
      )
    }
    await blob.getBlobLeaseClient().breakLease(0)
  })
})
