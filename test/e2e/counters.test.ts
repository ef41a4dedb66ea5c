// The counters beside a lock, a lock taken twice in one job, and lock names
// that carry workflow commands, end to end: the built action through the
// runner stand-in, against Azurite, with 15 s leases.
//
// A counter that a stranger leased, or that holds a value this action did not
// write, fails the job at once with one line naming the blob and the command
// that clears it, and the job never sits on the lock. A counter that is
// deleted starts again above every number it handed out.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { FENCING_KEY } from '../../src/lock/holder.ts'
import { reservedNames } from '../../src/lock/reserved.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import {
  isAlive,
  jobFor,
  lookAtLock,
  mustPass,
  queueOf,
  renewerPid,
  servedInTurn,
  untilQueued,
  withSuiteStorage,
} from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { Job, completeAllJobs, type StepResult } from '../support/runner.ts'

/** A run step that records its critical section: enter, 100 ms of work, exit. */
const CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 100)`

/**
 * Samples the lock blob's lease state every 50 ms for `windowMs` from the
 * start of `step` (and until it ends, if later): how often it was leased. A
 * job that sat on the lock, as before, shows it leased in nearly every sample.
 */
async function sampled(
  locks: ContainerClient,
  lockName: string,
  step: Promise<StepResult>,
  windowMs = 5_000,
): Promise<{ result: StepResult; samples: number; leased: number }> {
  let done = false
  const result = step.finally(() => (done = true))
  const until = Date.now() + windowMs
  let samples = 0
  let leased = 0
  while (!done || Date.now() < until) {
    const props = await locks
      .getBlobClient(lockName)
      .getProperties()
      .catch(() => undefined)
    samples++
    if (props?.leaseState === 'leased') leased++
    await delay(50)
  }
  return { result: await result, samples, leased }
}

function ignoreLeaseNotPresent(error: unknown): void {
  if ((error as { statusCode?: number }).statusCode !== 409) throw error
}

/** Every blob of the action's own folder for a lock: leases broken, then deleted, as an operator's script would. */
async function deleteFolder(locks: ContainerClient, lockName: string): Promise<string[]> {
  const folder = reservedNames(lockName).tickets.replace(/tickets$/, '')
  const deleted = []
  for await (const blob of locks.listBlobsFlat({ prefix: folder })) {
    const client = locks.getBlobClient(blob.name)
    // The listing is a moment old: a waiter may lease its entry after it, so break and delete until the delete is let through.
    for (let attempt = 1; ; attempt++) {
      await client.getBlobLeaseClient().breakLease(0).catch(ignoreLeaseNotPresent)
      const result = await client.delete().then(
        () => 'deleted',
        (error: unknown) => {
          if (attempt < 5 && (error as { statusCode?: number }).statusCode === 412) return 'leased again'
          throw error
        },
      )
      if (result === 'deleted') break
    }
    deleted.push(blob.name.slice(folder.length))
  }
  return deleted
}

describe('counters, end to end', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  async function cycle(repository: string, lockName: string): Promise<number> {
    const job = jobFor(azurite, repository, lockName)
    const main = mustPass(`${repository} main`, await job.runMain())
    mustPass(`${repository} post`, await job.runPost())
    job.complete()
    return Number(main.outputs['fencing-token'])
  }

  it('fails at once, naming the blob and the command, when a stranger leases the fencing counter, and never sits on the lock', async () => {
    const lockName = 'fencing-leased'
    assert.equal(await cycle('octo/first', lockName), 1)
    const counter = reservedNames(lockName).fencing
    const stranger = locks.getBlobClient(counter).getBlobLeaseClient(randomUUID())
    await stranger.acquireLease(-1)

    const job = jobFor(azurite, 'octo/stuck', lockName, { timeout: '60s' })
    const { result: main, samples, leased } = await sampled(locks, lockName, job.runMain())
    console.log(
      `fencing counter leased: main ended in ${main.durationMs} ms; lock leased in ${leased} of ${samples} samples`,
    )
    assert.equal(main.exitCode, 1, main.stdout)
    assert.deepEqual(main.errors, [
      `The counter blob locks/${counter} is leased by another client (Azure answered 412 LeaseIdMissing); ` +
        'this action never leases it, so it cannot count. Break that lease: az storage blob lease break ' +
        `--account-name devstoreaccount1 --container-name locks --blob-name ${counter}`,
    ])
    assert.ok(main.durationMs < 10_000, `main failed after ${main.durationMs} ms, not at once`)
    // It holds the lease only between the grant and the refused bump (a few requests), never while waiting.
    assert.ok(leased <= samples * 0.2, `the lock was leased in ${leased} of ${samples} samples`)
    assert.equal((await lookAtLock(azurite, lockName)).leaseState, 'available', 'main gave the lease back')
    mustPass('post', await job.runPost())
    job.complete()

    await stranger.breakLease(0)
    assert.equal(await cycle('octo/after', lockName), 2, 'once the lease is broken, tokens go on')
  })

  it('fails at once, naming the blob and the command, when a stranger leases the tickets counter, and leaves the holder alone', async () => {
    const lockName = 'tickets-leased'
    const holder = jobFor(azurite, 'octo/holder', lockName)
    mustPass('holder main', await holder.runMain())
    const counter = reservedNames(lockName).tickets
    await locks.getBlockBlobClient(counter).upload('', 0, { metadata: { value: '7' } })
    await locks.getBlobClient(counter).getBlobLeaseClient(randomUUID()).acquireLease(-1)

    const job = jobFor(azurite, 'octo/waiter', lockName, { timeout: '60s' })
    const main = await job.runMain()
    console.log(`tickets counter leased: main ended in ${main.durationMs} ms`)
    assert.equal(main.exitCode, 1, main.stdout)
    assert.deepEqual(main.errors, [
      `The counter blob locks/${counter} is leased by another client (Azure answered 412 LeaseIdMissing); ` +
        'this action never leases it, so it cannot count. Break that lease: az storage blob lease break ' +
        `--account-name devstoreaccount1 --container-name locks --blob-name ${counter}`,
    ])
    assert.ok(main.durationMs < 10_000, `main failed after ${main.durationMs} ms, not at once`)
    assert.deepEqual(await queueOf(azurite, lockName), [], 'it left no entry behind')
    const look = await lookAtLock(azurite, lockName)
    assert.equal(look.leaseState, 'leased')
    assert.equal(look.holder?.repository, 'octo/holder', 'the holder keeps the lock')
    mustPass('waiter post', await job.runPost())
    mustPass('holder post', await holder.runPost())
    assert.equal((await lookAtLock(azurite, lockName)).leaseState, 'available')
    holder.complete()
    job.complete()
  })

  it('fails at once when the fencing counter holds -3, and goes on above the last token once it is deleted', async () => {
    const lockName = 'fencing-garbled'
    assert.equal(await cycle('octo/first', lockName), 1)
    assert.equal(await cycle('octo/second', lockName), 2)
    const counter = reservedNames(lockName).fencing
    await locks.getBlockBlobClient(counter).upload('', 0, { metadata: { value: '-3' } })

    const job = jobFor(azurite, 'octo/stuck', lockName, { timeout: '60s' })
    const { result: main, samples, leased } = await sampled(locks, lockName, job.runMain())
    console.log(
      `fencing counter -3: main ended in ${main.durationMs} ms; lock leased in ${leased} of ${samples} samples`,
    )
    assert.equal(main.exitCode, 1, main.stdout)
    const deleteCommand = `az storage blob delete --account-name devstoreaccount1 --container-name locks --name ${counter}`
    assert.deepEqual(main.errors, [
      `The counter blob locks/${counter} holds '-3', not a count that this action wrote. ` +
        `Delete it, and the action starts it again above every number it handed out: ${deleteCommand}`,
    ])
    assert.ok(main.durationMs < 10_000, `main failed after ${main.durationMs} ms, not at once`)
    assert.ok(leased <= samples * 0.2, `the lock was leased in ${leased} of ${samples} samples`)
    assert.equal((await lookAtLock(azurite, lockName)).leaseState, 'available', 'main gave the lease back')
    mustPass('post', await job.runPost())
    job.complete()

    await locks.getBlobClient(counter).delete() // what the message says to run
    assert.equal(await cycle('octo/after', lockName), 3, 'the counter starts again above the last token, 2')
  })

  /** Jobs that each wait for the lock, run the critical section and release; started one after another. */
  function queueJobs(lockName: string, repositories: string[], spans: string): Array<Promise<StepResult>> {
    return repositories.map(async (repository) => {
      const job = jobFor(azurite, repository, lockName, { timeout: '120s' })
      const main = mustPass(`${repository} main`, await job.runMain())
      mustPass(`${repository} step`, await job.runScript(CRITICAL, { SPANS: spans }))
      mustPass(`${repository} post`, await job.runPost())
      job.complete()
      return main
    })
  }

  it('keeps the order of the queue and rising tokens when only the tickets counter is deleted mid-queue', async () => {
    const lockName = 'tickets-deleted'
    const spans = join(mkdtempSync(join(tmpdir(), 'spans-')), 'spans')
    const holder = jobFor(azurite, 'octo/holder', lockName)
    const held = mustPass('holder main', await holder.runMain())
    const waiting: Array<Promise<StepResult>> = []
    for (const repository of ['octo/w1', 'octo/w2']) {
      waiting.push(...queueJobs(lockName, [repository], spans))
      await untilQueued(azurite, lockName, repository)
    }
    await locks.getBlobClient(reservedNames(lockName).tickets).delete()
    waiting.push(...queueJobs(lockName, ['octo/newcomer'], spans))
    await untilQueued(azurite, lockName, 'octo/newcomer')
    mustPass('holder post', await holder.runPost())
    const served = await Promise.all(waiting)
    assert.deepEqual(servedInTurn(spans), ['octo/w1', 'octo/w2', 'octo/newcomer'], 'the newcomer did not jump the line')
    const tokens = [held, ...served].map((main) => Number(main.outputs['fencing-token']))
    assert.deepEqual(tokens, [1, 2, 3, 4])
    holder.complete()
  })

  it('keeps tokens rising, one holder at a time, when the whole .azure-mutex/ folder is deleted mid-queue', async () => {
    const lockName = 'folder-deleted'
    const spans = join(mkdtempSync(join(tmpdir(), 'spans-')), 'spans')
    const before = [await cycle('octo/a', lockName), await cycle('octo/b', lockName)]
    const holder = jobFor(azurite, 'octo/holder', lockName)
    const held = mustPass('holder main', await holder.runMain())
    const waiting: Array<Promise<StepResult>> = []
    for (const repository of ['octo/w1', 'octo/w2']) {
      waiting.push(...queueJobs(lockName, [repository], spans))
      await untilQueued(azurite, lockName, repository)
    }
    const deleted = await deleteFolder(locks, lockName)
    assert.deepEqual(deleted.sort(), ['fencing', 'queue/0000000000000001', 'queue/0000000000000002', 'tickets'])
    waiting.push(...queueJobs(lockName, ['octo/newcomer'], spans))
    // Long enough for the waiters to find their entries gone (a renewal is due every 5 s) and join again.
    await delay(7_000)
    mustPass('holder post', await holder.runPost())
    const served = await Promise.all(waiting)
    const order = servedInTurn(spans) // also: never two holders at once
    console.log(`folder deleted mid-queue: served ${order.join(', ')}`)
    assert.deepEqual([...order].sort(), ['octo/newcomer', 'octo/w1', 'octo/w2'])
    const tokens = [...before, Number(held.outputs['fencing-token'])]
    const byRepository = new Map(served.map((main, i) => [['octo/w1', 'octo/w2', 'octo/newcomer'][i]!, main]))
    for (const repository of order) tokens.push(Number(byRepository.get(repository)!.outputs['fencing-token']))
    assert.deepEqual(tokens, [1, 2, 3, 4, 5, 6], 'tokens never went back, in the order served')
    const props = await locks.getBlobClient(lockName).getProperties()
    assert.equal(props.metadata?.[FENCING_KEY], '6', 'the last token is kept on the lock blob')
    holder.complete()
  })
})

describe('a lock taken twice in one job, end to end', () => {
  let azurite: Azurite
  before(async () => {
    azurite = await startAzurite()
    await containerOn(azurite, 'locks').createIfNotExists()
  })
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  it('fails the second take at once with one line; the first hold goes on and post releases it; another lock still works', async () => {
    const inputs = {
      'lock-name': 'twice',
      'connection-string': azurite.connectionString,
      'lease-duration': '15',
      timeout: '60s',
    }
    const job = new Job({ repository: 'octo/twice', runId: '4242', inputs })
    const first = mustPass('first main', await job.runMain())
    const before = await lookAtLock(azurite, 'twice')
    const renewer = renewerPid(job)

    const again = job.uses(inputs)
    const second = await again.runMain()
    console.log(`second take of a held lock: main ended in ${second.durationMs} ms`)
    assert.equal(second.exitCode, 1, second.stdout)
    assert.equal(second.errors.length, 1)
    assert.match(
      second.errors[0]!,
      /^This job already holds lock devstoreaccount1\/locks\/twice since \d{4}-\d\d-\d\dT[\d:.]+Z: a second take would wait for the job itself\. Release it first \(uses: org\/azure-mutex-action\/release@v1\), or use another 'lock-name'\.$/,
    )
    assert.ok(second.errors[0]!.includes(first.outputs['acquired-at']!), 'since the first take')
    // Well under the 60 s timeout: it refused, it did not wait (a step takes seconds to start on a loaded machine).
    assert.ok(second.durationMs < 15_000, `the second take failed after ${second.durationMs} ms`)
    assert.ok(!second.lines.some((line) => /in line|Taking lock/.test(line)), 'it never waited')

    const other = job.uses({ ...inputs, 'lock-name': 'twice-other' })
    mustPass('another lock', await other.runMain())
    assert.equal((await lookAtLock(azurite, 'twice-other')).leaseState, 'leased')

    mustPass("the refused take's post", await again.runPost())
    const during = await lookAtLock(azurite, 'twice')
    assert.equal(during.leaseState, 'leased', 'the first hold is untouched')
    assert.deepEqual(during.holder, before.holder)
    assert.ok(isAlive(renewer), 'its renewer still runs')

    mustPass('the other lock post', await other.runPost())
    const post = mustPass('first post', await job.runPost())
    assert.deepEqual(post.warnings, [])
    assert.equal((await lookAtLock(azurite, 'twice')).leaseState, 'available')
    assert.equal((await lookAtLock(azurite, 'twice-other')).leaseState, 'available')
    assert.deepEqual(job.complete(), [])
  })
})

describe('lock names that carry workflow commands, end to end', () => {
  let azurite: Azurite
  let hostile: ContainerClient
  before(async () => {
    azurite = await startAzurite()
    await containerOn(azurite, 'locks').createIfNotExists()
    hostile = containerOn(azurite, 'hostile')
    await hostile.createIfNotExists()
  })
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  /** The commands the action itself prints: all others in its output were injected. */
  const OWN_COMMANDS = new Set(['error', 'warning', 'notice', 'add-mask', 'debug', 'group', 'endgroup'])

  function assertClean(step: StepResult, name: string): void {
    for (const [stream, text] of [
      ['stdout', step.stdout],
      ['stderr', step.stderr],
    ] as const) {
      for (const line of text.split('\n')) {
        assert.ok(!line.includes('##['), `${name} ${stream}: ${line}`)
        const command = /^\s*::([^:\s]*)/u.exec(line)
        if (command) assert.ok(OWN_COMMANDS.has(command[1]!), `${name} ${stream} printed ::${command[1]}:: (${line})`)
      }
    }
    for (const text of [...step.errors, ...step.warnings, ...step.notices]) {
      assert.ok(!text.includes('##[') && !/^\s*::/.test(text), `${name}: ${text}`)
    }
  }

  function assertSummaryClean(job: Job, name: string): void {
    assert.ok(!/^\s*::/mu.test(job.summary) && !job.summary.includes('##['), `${name} summary: ${job.summary}`)
  }

  for (const [name, opener] of [
    ['##[error]x', "'##' followed by '\\['"],
    ['::warning::x', "'::'"],
  ] as const) {
    it(`refuses lock-name ${JSON.stringify(name)} in main, release/, status/ and break/, and post and the summary stay clean`, async () => {
      const credentials = { 'connection-string': azurite.connectionString }
      const refused = new RegExp(
        `^Invalid input 'lock-name': it contains ${opener}, which the runner reads as the start of a workflow command; expected a blob name of 1 to 1024 characters\\.$`,
      )
      // A job that holds an ordinary lock, so that release/ has something it could wrongly let go.
      const job = jobFor(azurite, 'octo/api', 'ordinary')
      mustPass('ordinary main', await job.runMain())

      const use = job.uses({ ...credentials, 'lock-name': name })
      const main = await use.runMain()
      assert.equal(main.exitCode, 1)
      assert.equal(main.errors.length, 1)
      assert.match(main.errors[0]!, refused)
      assertClean(main, 'main')

      for (const [step, inputs] of [
        ['release', { 'lock-name': name }],
        ['status', { ...credentials, 'lock-name': name }],
        ['break', { ...credentials, 'lock-name': name, reason: 'tidy up' }],
      ] as const) {
        const result = await job.runAction(step, inputs)
        assert.equal(result.exitCode, 1, `${step}: ${result.stdout}`)
        assert.equal(result.errors.length, 1, step)
        assert.match(result.errors[0]!, refused, step)
        assertClean(result, step)
      }
      assert.equal((await lookAtLock(azurite, 'ordinary')).leaseState, 'leased', 'release/ let go of nothing')

      const post = mustPass('post of the refused use', await use.runPost())
      assertClean(post, 'post')
      const ordinaryPost = mustPass('ordinary post', await job.runPost())
      assertClean(ordinaryPost, 'ordinary post')
      assertSummaryClean(job, 'job')
      assert.equal((await lookAtLock(azurite, 'ordinary')).leaseState, 'available')
      job.complete()
    })
  }

  it('shows blobs that strangers named with workflow commands only as plain text in status/ and its summary', async () => {
    for (const name of ['##[error]x', '::warning::x']) {
      await hostile.getBlockBlobClient(name).upload('', 0)
      await hostile.getBlobClient(name).getBlobLeaseClient(randomUUID()).acquireLease(-1)
    }
    const job = jobFor(azurite, 'octo/ops', 'unused')
    const status = await job.runAction('status', {
      'connection-string': azurite.connectionString,
      container: 'hostile',
    })
    assert.equal(status.exitCode, 0, status.stdout)
    assertClean(status, 'status')
    assertSummaryClean(job, 'status')
    assert.ok(status.summary.includes('x'), status.summary)
    job.complete()
  })
})
