// The wait loop under what broke it (issue 16): storage that answers 503 to
// everything, a counter a stranger leased, a holder that writes no record, a
// squatted queue entry, lapsed entries in front of a try-lock, and a holder
// that left since the waiter last looked. Through the built action and the
// runner emulator (and, for the deadline, the azure-mutex command), against
// Azurite (or a local endpoint that is always busy).

import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import type { BlobLeaseClient, ContainerClient } from '@azure/storage-blob'
import { entryName, reservedNames, slotBlobName } from '../../src/lock/reserved.ts'
import { DEV_ACCOUNT, startAzurite, type Azurite } from '../support/azurite.ts'
import { BusyServer } from '../support/busy-server.ts'
import { runCli, stopAllClis } from '../support/cli.ts'
import { containerSas, jobFor, lookAtLock, mustPass, stdoutLine } from '../support/e2e.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { containerOn } from '../support/lock.ts'
import { completeAllJobs } from '../support/runner.ts'

describe('the wait loop, end to end', () => {
  let azurite: Azurite
  let busy: BusyServer
  let proxy: FaultProxy
  let locks: ContainerClient
  before(async () => {
    azurite = await startAzurite()
    busy = await new BusyServer().start()
    proxy = await new FaultProxy(azurite.port).start()
    locks = containerOn(azurite, 'locks')
    await locks.createIfNotExists()
  })
  after(async () => {
    completeAllJobs()
    stopAllClis()
    await proxy.stop()
    await busy.stop()
    await azurite.stop()
  })

  /** A blob that this action uses beside a lock (a counter, a queue entry), written as a stranger would. */
  async function plantBlob(name: string, metadata: Record<string, string> = {}): Promise<void> {
    await locks.getBlockBlobClient(name).upload('', 0, { metadata })
  }

  /** A stranger's entry in the queue of `lock` at `ticket`, leased for `seconds` (-1: for ever), with no record. */
  async function plantEntry(
    lock: string,
    ticket: number,
    seconds: number,
  ): Promise<{ entry: string; lease: BlobLeaseClient }> {
    const entry = entryName(reservedNames(lock).queuePrefix, ticket)
    await plantBlob(entry)
    const lease = locks.getBlobClient(entry).getBlobLeaseClient()
    await lease.acquireLease(seconds)
    return { entry, lease }
  }

  for (const timeout of ['5s', '0']) {
    it(`ends a wait with timeout ${timeout} in time when storage answers 503 ServerBusy to everything, naming the answer`, async () => {
      const job = jobFor(azurite, 'octo/throttled', 'busy', { 'connection-string': busy.connectionString, timeout })
      const before = busy.requests.length
      const main = await job.runMain()
      const seconds = main.durationMs / 1000
      console.log(
        `timeout ${timeout} against 503s: ended after ${seconds.toFixed(1)} s, ${busy.requests.length - before} requests`,
      )
      assert.equal(main.exitCode, 1, main.stdout)
      assert.ok(seconds <= 15, `ended after ${seconds} s`)
      assert.equal(main.errors.length, 1, main.stdout)
      assert.match(
        main.errors[0]!,
        new RegExp(
          `^Timed out after \\d+(\\.\\d)?s waiting for lock devstoreaccount1/locks/busy; storage answered 503 ServerBusy \\(throttled\\)\\.$`,
        ),
      )
      // The SDK tries each request 3 times: a loop that backs off stays far from the 340 a minute it made before.
      assert.ok(busy.requests.length - before <= 30, `${busy.requests.length - before} requests`)
      job.complete()
    })
  }

  // The later features take other paths to the lease (slots look at N blobs, latest wins reads the key's record,
  // priority orders the line): the deadline must hold on each of them as on the plain one.
  for (const [feature, inputs] of [
    ['slots: 3', { slots: '3' }],
    ['a supersede key', { 'supersede-key': 'production', sequence: '7' }],
    ['priority: high', { priority: 'high' }],
  ] as const) {
    it(`ends a wait with timeout 5s and ${feature} in time when storage answers 503 ServerBusy to everything`, async () => {
      const job = jobFor(azurite, 'octo/throttled', 'busy', {
        'connection-string': busy.connectionString,
        timeout: '5s',
        ...inputs,
      })
      const before = busy.requests.length
      const main = await job.runMain()
      const seconds = main.durationMs / 1000
      console.log(
        `timeout 5s with ${feature} against 503s: ended after ${seconds.toFixed(1)} s, ${busy.requests.length - before} requests`,
      )
      assert.equal(main.exitCode, 1, main.stdout)
      assert.ok(seconds <= 15, `ended after ${seconds} s`)
      assert.equal(main.errors.length, 1, main.stdout)
      assert.match(main.errors[0]!, /^Timed out after \d+(\.\d)?s waiting for lock .*; storage answered 503 ServerBusy/)
      assert.ok(busy.requests.length - before <= 30, `${busy.requests.length - before} requests`)
      job.complete()
    })
  }

  it("ends the azure-mutex command's wait with --timeout 5s in time when storage answers 503 to everything, running nothing", async () => {
    const ran = join(mkdtempSync(join(tmpdir(), 'azure-mutex-busy-')), 'ran')
    const command = [process.execPath, '-e', "require('node:fs').writeFileSync(process.env.RAN, 'ran')"]
    const started = Date.now()
    const cli = runCli(['hold', 'busy', '--timeout', '5s', '--', ...command], {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AZURE_MUTEX_CONNECTION_STRING: busy.connectionString,
      RAN: ran,
    })
    const ended = await cli.exited
    const seconds = (Date.now() - started) / 1000
    console.log(`azure-mutex hold --timeout 5s against 503s: exited ${ended.code} after ${seconds.toFixed(1)} s`)
    assert.equal(ended.code, 124, ended.stderr)
    assert.ok(seconds <= 15, `ended after ${seconds} s`)
    assert.match(ended.stderr, /Timed out after \d+(\.\d)?s waiting for lock .*; storage answered 503 ServerBusy/)
    assert.equal(existsSync(ran), false, 'the command did not run')
  })

  it('ends a wait with timeout 8 in time when a stranger holds a lease on the tickets counter', async () => {
    const lock = 'leased-tickets'
    await plantBlob(lock)
    const holder = locks.getBlobClient(lock).getBlobLeaseClient()
    await holder.acquireLease(60)
    const tickets = reservedNames(lock).tickets
    await plantBlob(tickets, { value: '3' })
    const stranger = locks.getBlobClient(tickets).getBlobLeaseClient()
    await stranger.acquireLease(-1)
    try {
      const job = jobFor(azurite, 'octo/ticketless', lock, { timeout: '8s' })
      const main = await job.runMain()
      console.log(`timeout 8s behind a leased tickets counter: ended after ${(main.durationMs / 1000).toFixed(1)} s`)
      assert.equal(main.exitCode, 1, main.stdout)
      assert.ok(main.durationMs <= 13_000, `ended after ${main.durationMs} ms`)
      assert.equal(main.errors.length, 1, main.stdout)
      // Either the counter's own one-line failure, or the deadline's: never "storage could not be reached".
      assert.match(
        main.errors[0]!,
        /its last attempt had not finished by the deadline|\.azure-mutex\/leased-tickets\/tickets/,
      )
      assert.equal((await lookAtLock(azurite, lock)).holder, undefined, 'it never wrote a record on the lock')
      job.complete()
    } finally {
      await stranger.breakLease(0)
      await holder.releaseLease()
    }
  })

  it('gives the lease back and fails with one line when the fencing counter cannot be bumped, never sitting on the lock', async () => {
    const lock = 'leased-fencing'
    const fencing = reservedNames(lock).fencing
    await plantBlob(fencing, { value: '-3' })
    const job = jobFor(azurite, 'octo/unfenced', lock, { timeout: '8s' })
    let main: ChildProcess | undefined
    const running = job.runMain({ onSpawn: (child) => (main = child) })
    // Sample the lock while the step runs: the lease must not stay with a job that cannot go on.
    let samples = 0
    let leased = 0
    while (main?.exitCode === null || main === undefined) {
      const look = await lookAtLock(azurite, lock)
      samples += 1
      if (look.leaseState === 'leased') leased += 1
      await delay(100)
    }
    const result = await running
    console.log(`fencing counter '-3': leased in ${leased} of ${samples} samples, ended after ${result.durationMs} ms`)
    assert.equal(result.exitCode, 1, result.stdout)
    assert.equal(result.errors.length, 1, result.stdout)
    assert.match(result.errors[0]!, /fencing/)
    assert.ok(leased <= 2, `the lock was leased in ${leased} of ${samples} samples`)
    assert.notEqual((await lookAtLock(azurite, lock)).leaseState, 'leased', 'the lease was given back')
    job.complete()
  })

  it('paces the head behind a holder that writes no record at most 12 requests a second', async () => {
    const lock = 'recordless'
    await plantBlob(lock)
    const sdk = locks.getBlobClient(lock).getBlobLeaseClient()
    await sdk.acquireLease(60)
    try {
      const job = jobFor(azurite, 'octo/head', lock, { 'connection-string': proxy.connectionString, timeout: '14s' })
      let waiting: Promise<string> | undefined
      const running = job.runMain({
        onSpawn: (child) => {
          waiting = stdoutLine(child, /^The lock is held by an unknown holder/)
        },
      })
      await waiting
      await delay(1_000)
      const from = Date.now()
      await delay(8_000)
      const count = proxy.log.filter((r) => r.at >= from && r.at < from + 8_000).length
      console.log(`head behind a record-less holder: ${count} requests in 8 s, ${(count / 8).toFixed(1)} a second`)
      assert.ok(count / 8 <= 12, `${count} requests in 8 s`)
      const main = await running
      assert.equal(main.exitCode, 1, main.stdout)
      job.complete()
    } finally {
      await sdk.releaseLease()
    }
  })

  // With slots, one look is a listing of the lock's folder (the queue and slots 2..N) and a HEAD of the lock blob:
  // two requests a look, so a waiter within N looks half as often as the head of a lock of one slot (slottedHeadMs),
  // and makes no more requests than it.
  it('paces the head behind two slots that clients without records hold: at most 12 requests a second, each look a listing and a HEAD', async () => {
    const lock = 'recordless-slots'
    const leases = []
    for (const name of [lock, slotBlobName(lock, 2)]) {
      await plantBlob(name)
      const lease = locks.getBlobClient(name).getBlobLeaseClient()
      await lease.acquireLease(60)
      leases.push(lease)
    }
    try {
      const job = jobFor(azurite, 'octo/head', lock, {
        'connection-string': proxy.connectionString,
        timeout: '14s',
        slots: '2',
      })
      let waiting: Promise<string> | undefined
      const running = job.runMain({
        onSpawn: (child) => {
          waiting = stdoutLine(child, /Waiting\.$/)
        },
      })
      await waiting
      await delay(1_000)
      const from = Date.now()
      await delay(8_000)
      const seen = proxy.log.filter((r) => r.at >= from && r.at < from + 8_000 && r.by === 'other')
      const lists = seen.filter((r) => r.kind === 'list').length
      const heads = seen.filter((r) => r.kind === 'head').length
      console.log(
        `head behind two record-less slots: ${seen.length} requests in 8 s, ${(seen.length / 8).toFixed(1)} a second ` +
          `(${lists} listings, ${heads} HEADs)`,
      )
      assert.ok(seen.length / 8 <= 12, `${seen.length} requests in 8 s: ${lists} listings and ${heads} HEADs`)
      assert.ok(Math.abs(lists - heads) <= 2, `each look a listing and a HEAD: ${lists} listings, ${heads} HEADs`)
      assert.ok(seen.length <= lists + heads + 8, `besides its looks, ${seen.length - lists - heads} requests in 8 s`)
      const main = await running
      assert.equal(main.exitCode, 1, main.stdout)
      job.complete()
    } finally {
      for (const lease of leases) await lease.releaseLease()
    }
  })

  it('passes over a queue entry with an infinite lease, says how to clear it, and status and break deal with it', async () => {
    const lock = 'squatted'
    await plantBlob(lock)
    const { entry: squat } = await plantEntry(lock, 1, -1)

    const job = jobFor(azurite, 'octo/after-squat', lock, { timeout: '10s' })
    const main = mustPass('main', await job.runMain())
    assert.ok(main.durationMs < 8_000, `took the free lock after ${main.durationMs} ms`)
    assert.equal(main.warnings.length, 1, main.stdout)
    assert.match(
      main.warnings[0]!,
      /^Entry 1 in the queue of locks\/squatted holds an infinite lease, which this action never takes: it is no waiter, so this job does not wait behind it\. .*az storage blob lease break .*--blob-name \.azure-mutex\/squatted\/queue\/0000000000000001 && az storage blob delete .*\(or run the break action with 'entry: 1'\)\.$/,
    )
    const post = mustPass('post', await job.runPost())
    assert.ok(!post.summary.includes('Nobody held the lock'), post.summary)
    assert.match(post.summary, /A queue entry ahead of this job did not serve the lock/)

    const inputs = { 'lock-name': lock, 'connection-string': azurite.connectionString }
    const status = mustPass('status', await job.runAction('status', inputs))
    assert.ok(
      status.lines.some((l) => /^Lock .*squatted: free\. Squatted: queue entry 1 holds an infinite lease/.test(l)),
      status.stdout,
    )
    assert.match(status.summary, /squatted<\/strong>: entry 1/)

    const refused = await job.runAction('break', { ...inputs, reason: 'x', entry: 'one' })
    assert.equal(refused.exitCode, 1)
    assert.match(refused.errors[0] ?? '', /^Invalid input 'entry': expected a ticket of the lock's queue/)
    const cleared = mustPass('break', await job.runAction('break', { ...inputs, reason: 'squatter', entry: '1' }))
    assert.ok(
      cleared.lines.some((l) => /^Cleared entry 1 from the queue of lock /.test(l)),
      cleared.stdout,
    )
    assert.equal(await locks.getBlobClient(squat).exists(), false, 'the entry is gone')
    const after = mustPass('status', await job.runAction('status', inputs))
    assert.ok(!after.stdout.includes('Squatted'), after.stdout)
    job.complete()
  })

  it('passes over a first waiter that keeps its entry alive but leaves the free lock untaken, warning once', async () => {
    const lock = 'idle-head'
    await plantBlob(lock)
    // A waiter that renews its entry as a live one does, and never takes the lock (a hung job, a buggy client).
    const { lease: stuck } = await plantEntry(lock, 1, 15)
    const renewing = setInterval(() => void stuck.renewLease().catch(() => undefined), 5_000)
    try {
      const job = jobFor(azurite, 'octo/behind-idle', lock, { timeout: '120s' })
      const main = mustPass('main', await job.runMain())
      console.log(
        `a first waiter that never takes the free lock: passed over after ${(main.durationMs / 1000).toFixed(1)} s`,
      )
      const passedOver = main.warnings.filter((w) =>
        /^The first waiter in the queue of locks\/idle-head \(an entry that wrote no record, entry 1\) left the lock free for .* without taking it: it is passed over\./.test(
          w,
        ),
      )
      assert.equal(passedOver.length, 1, main.stdout)
      assert.ok(main.durationMs < 100_000, `took the free lock after ${main.durationMs} ms`)
      assert.equal((await lookAtLock(azurite, lock)).leaseState, 'leased', 'it holds the lock')
      mustPass('post', await job.runPost())
      job.complete()
    } finally {
      clearInterval(renewing)
      await stuck.releaseLease().catch(() => undefined)
    }
  })

  it("break refuses to clear a live waiter's entry", async () => {
    const lock = 'live-entry'
    await plantBlob(lock)
    const { entry, lease } = await plantEntry(lock, 4, 15)
    const job = jobFor(azurite, 'octo/breaker', lock)
    const inputs = { 'lock-name': lock, 'connection-string': azurite.connectionString }
    const refused = await job.runAction('break', { ...inputs, reason: 'oops', entry: '4' })
    assert.equal(refused.exitCode, 1)
    assert.match(refused.errors[0] ?? '', /^Entry 4 in the queue of lock .* is a live waiter, and was left alone\./)
    assert.equal(await locks.getBlobClient(entry).exists(), true)
    await lease.releaseLease()
    job.complete()
  })

  it("says what break needs when its SAS may not delete a squatted entry ('entry') or list a lock's slots", async () => {
    const lock = 'squatted-rw'
    await plantBlob(lock)
    const { entry } = await plantEntry(lock, 1, -1)
    const job = jobFor(azurite, 'octo/ops', lock)
    const withSas = (permissions: string): Record<string, string> => ({
      'lock-name': lock,
      'account-name': DEV_ACCOUNT,
      'sas-token': containerSas(permissions),
      'blob-endpoint': azurite.blobEndpoint,
      reason: 'squatter',
    })
    // Read and write, as break/README.md said: the entry's lease breaks, but deleting it is refused.
    const refused = await job.runAction('break', { ...withSas('rw'), entry: '1' })
    assert.equal(refused.exitCode, 1, refused.stdout)
    assert.equal(refused.errors.length, 1, refused.stdout)
    assert.match(
      refused.errors[0]!,
      /^Azure refused access to \S+ \(403 AuthorizationPermissionMismatch\): the credential is valid but lacks permission\. It needs read, write and delete rights on the lock's queue entries to clear one \('entry'\): a SAS with the permissions 'rwd'\.$/,
    )
    assert.equal(await locks.getBlobClient(entry).exists(), true, 'the entry is still there')
    const cleared = mustPass('break', await job.runAction('break', { ...withSas('rwd'), entry: '1' }))
    assert.ok(
      cleared.lines.some((l) => l.startsWith('Cleared entry 1 from the queue of lock ')),
      cleared.stdout,
    )
    assert.equal(await locks.getBlobClient(entry).exists(), false, 'the entry is gone')

    // Breaking the lock with read only: the hint names what a break needs, list for the slots included.
    const holder = jobFor(azurite, 'octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    const readOnly = await job.runAction('break', withSas('r'))
    assert.equal(readOnly.exitCode, 1, readOnly.stdout)
    assert.match(
      readOnly.errors[0] ?? '',
      /\(403 AuthorizationPermissionMismatch\): the credential is valid but lacks permission\. It needs read and write rights on the lock blob to break its lease, and list rights to break every slot of a lock with slots: a SAS with the permissions 'rwl'\.$/,
    )
    // Read and write without list: the lease is broken, and the step says that only slot 1 could be.
    const broken = mustPass('break', await job.runAction('break', withSas('rw')))
    assert.ok(
      broken.lines.some((l) => /^The credential may not list: if lock .* has slots, only slot 1 was broken\.$/.test(l)),
      broken.stdout,
    )
    assert.ok(
      broken.lines.some((l) => l.startsWith('Broke the lease on lock ')),
      broken.stdout,
    )
    assert.equal((await holder.runPost()).exitCode, 1, 'the holder finds its lease broken')
    for (const done of [job, holder]) done.complete()
  })

  it('lets a try-lock take a free lock behind six lapsed entries, warning once when its SAS may not delete them', async () => {
    const lock = 'lapsed'
    await plantBlob(lock)
    const prefix = reservedNames(lock).queuePrefix
    for (let ticket = 1; ticket <= 6; ticket++) await plantBlob(entryName(prefix, ticket))
    await delay(7_000) // older than the join grace (5 s, 1 s resolution): lapsed
    const job = jobFor(azurite, 'octo/try', lock, {
      'connection-string': '',
      'account-name': DEV_ACCOUNT,
      'sas-token': containerSas('rwcl'),
      'blob-endpoint': azurite.blobEndpoint,
      timeout: '0',
    })
    const main = await job.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    assert.equal(main.outputs.acquired, 'true')
    const refused = main.warnings.filter((w) =>
      /^Removing a lapsed entry from the queue of locks\/lapsed was refused/.test(w),
    )
    assert.equal(refused.length, 1, main.stdout)
    mustPass('post', await job.runPost())
    job.complete()
  })

  it('names the holder of now in the timeout error, not one that released since the last look', async () => {
    const lock = 'moved-on'
    const first = jobFor(azurite, 'octo/first', lock)
    mustPass('first', await first.runMain())
    const second = jobFor(azurite, 'octo/second', lock)
    let secondWaits: Promise<string> | undefined
    const secondRun = second.runMain({
      onSpawn: (child) => {
        secondWaits = stdoutLine(child, /in line for/)
      },
    })
    await secondWaits
    const third = jobFor(azurite, 'octo/third', lock)
    let thirdWaits: Promise<string> | undefined
    const fourth = jobFor(azurite, 'octo/fourth', lock, { timeout: '9s' })
    const thirdRun = third.runMain({
      onSpawn: (child) => {
        thirdWaits = stdoutLine(child, /in line for/)
      },
    })
    await thirdWaits
    let fourthWaits: Promise<string> | undefined
    const fourthRun = fourth.runMain({
      onSpawn: (child) => {
        fourthWaits = stdoutLine(child, /in line for/)
      },
    })
    await fourthWaits
    await delay(6_000)
    mustPass('first post', await first.runPost())
    mustPass('second main', await secondRun)
    const timedOut = await fourthRun
    assert.equal(timedOut.exitCode, 1)
    assert.match(timedOut.errors[0] ?? '', /; it is held by octo\/second /)
    assert.ok(!/octo\/first/.test(timedOut.errors[0] ?? ''), timedOut.errors[0])
    mustPass('second post', await second.runPost())
    mustPass('third main', await thirdRun)
    mustPass('third post', await third.runPost())
    for (const job of [first, second, third, fourth]) job.complete()
  })
})
