// Latest wins, end to end: the built action through the runner stand-in,
// against Azurite behind the fault proxy, whose log of every request (with the
// lease id it proposes or carries) proves that a superseded or stale job never
// asked for the lock's lease, not only that its outputs say so.

import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { identityToMetadata } from '../../src/lock/holder.ts'
import { entryName, latestName, reservedNames } from '../../src/lock/reserved.ts'
import type { Azurite } from '../support/azurite.ts'
import { mustPass, queueOf, stdoutLine, untilQueued, withProxiedStorage, type ProxiedStorage } from '../support/e2e.ts'
import type { FaultProxy } from '../support/fault-proxy.ts'
import type { Job, StepResult } from '../support/runner.ts'

describe('latest wins, end to end', () => {
  let azurite: Azurite
  let proxy: FaultProxy
  let locks: ContainerClient
  let proxied: ProxiedStorage['proxied']
  withProxiedStorage((storage) => ({ azurite, proxy, locks, proxied } = storage))

  /** A job whose every request goes through the proxy, with a supersede key (and a sequence, when given). */
  function keyed(repository: string, lock: string, key: string | undefined, inputs: Record<string, string> = {}): Job {
    return proxied(repository, lock, { ...(key === undefined ? {} : { 'supersede-key': key }), ...inputs })
  }

  async function holding(lock: string): Promise<Job> {
    const job = keyed('octo/holder', lock, undefined)
    mustPass('holder main', await job.runMain())
    return job
  }

  /**
   * The requests on the lock blob itself with this lease id that Azure
   * granted, or that were sent after `since` (once a newer job had come, not
   * even a refused acquire is allowed).
   */
  function lockRequestsWith(lock: string, leaseId: string | undefined, since = Infinity): string[] {
    assert.ok(leaseId, 'the job saved the lease id it would propose')
    return proxy.log
      .filter((r) => r.path === `/devstoreaccount1/locks/${lock}` && r.leaseId === leaseId)
      .filter((r) => (r.status !== undefined && r.status < 300) || r.at >= since)
      .map((r) => `${r.method} ${r.kind} -> ${r.status}`)
  }

  /** The lease ids that Azure granted on the lock blob, in order: the lease-id log of who held it. */
  function grantedLeases(lock: string): string[] {
    return proxy.log
      .filter((r) => r.path === `/devstoreaccount1/locks/${lock}` && r.kind === 'acquire' && r.status === 201)
      .map((r) => r.leaseId!)
  }

  /** A main step that ended without the lock because of a newer job: it succeeded, and never asked for the lease. */
  function assertLeft(
    step: string,
    job: Job,
    result: StepResult,
    outcome: 'superseded' | 'stale',
    lock: string,
    newerSince?: number,
  ): void {
    mustPass(step, result)
    assert.equal(result.outputs.acquired, 'false', step)
    assert.equal(result.outputs.outcome, outcome, step)
    const asked = lockRequestsWith(lock, job.state['proposed-lease-id'], newerSince ?? result.startedAt)
    assert.deepEqual(asked, [], `${step} held the lease, or asked for it after a newer job came`)
    assert.equal(result.outputs['lease-id'], undefined, step)
  }

  it('lets only the newest of A, B and C take the lock after the holder; A and B leave within 5 s of C joining', async () => {
    const lock = 'pile-up'
    const key = 'octo/app/refs/heads/main'
    const holder = await holding(lock)
    const a = keyed('octo/a', lock, key)
    const aRun = a.runMain()
    await untilQueued(azurite, lock, 'octo/a')
    const b = keyed('octo/b', lock, key)
    const bStarted = Date.now()
    const bRun = b.runMain()
    await untilQueued(azurite, lock, 'octo/b')
    const c = keyed('octo/c', lock, key)
    const cStarted = Date.now()
    const cRun = c.runMain()
    const cJoined = await untilQueued(azurite, lock, 'octo/c')
    const [aMain, bMain] = await Promise.all([aRun, bRun])
    for (const [step, job, main] of [
      ['A', a, aMain],
      ['B', b, bMain],
    ] as const) {
      assertLeft(step, job, main, 'superseded', lock, step === 'A' ? bStarted : cStarted)
      assert.ok(main.endedAt - cJoined < 5_000, `${step} ended ${main.endedAt - cJoined} ms after C joined`)
      const notice = main.notices.find((n) => n.startsWith('Superseded while waiting for lock'))
      assert.ok(notice, main.notices.join('\n'))
      // A may see B, newer than itself, before C joins; B can only be passed by C.
      const newer = step === 'A' ? 'octo\\/[bc]' : 'octo\\/c'
      assert.match(
        notice,
        new RegExp(
          `${newer} run \\d+ \\(key "octo\\/app\\/refs\\/heads\\/main", sequence \\d+\\) waits with the same key`,
        ),
      )
    }
    assert.deepEqual(
      (await queueOf(azurite, lock)).map((e) => e.repository),
      ['octo/c'],
      'A and B left the queue',
    )
    mustPass('holder post', await holder.runPost())
    const cMain = mustPass('C main', await cRun)
    assert.equal(cMain.outputs.outcome, 'acquired')
    assert.equal(cMain.outputs.acquired, 'true')
    // The lease-id log: the lock was granted to the holder, then to C, and to nobody else.
    assert.deepEqual(grantedLeases(lock), [holder.state['proposed-lease-id'], c.state['proposed-lease-id']])
    const record = await locks.getBlobClient(latestName(reservedNames(lock).latestPrefix, key)).getProperties()
    assert.equal(record.metadata?.holder_repository, 'octo/c', 'the key remembers C as the newest that held')
    mustPass('C post', await c.runPost())
    for (const job of [holder, a, b, c]) assert.deepEqual(job.complete(), [], 'no renewer is left behind')
  })

  it('lets the newest by sequence win when the runs join out of order (30, 10, 20)', async () => {
    const lock = 'out-of-order'
    const holder = await holding(lock)
    const [a, b, c] = (['30', '10', '20'] as const).map((sequence) =>
      keyed(`octo/seq-${sequence}`, lock, 'production', { sequence }),
    ) as [Job, Job, Job]
    const aRun = a.runMain()
    await untilQueued(azurite, lock, 'octo/seq-30')
    const [bMain, cMain] = await Promise.all([b.runMain(), c.runMain()])
    assertLeft('B (10)', b, bMain, 'superseded', lock)
    assertLeft('C (20)', c, cMain, 'superseded', lock)
    assert.match(bMain.notices.join('\n'), /octo\/seq-30 run \d+ \(key "production", sequence 30\)/)
    mustPass('holder post', await holder.runPost())
    const aMain = mustPass('A (30) main', await aRun)
    assert.equal(aMain.outputs.outcome, 'acquired')
    mustPass('A post', await a.runPost())
    for (const job of [holder, a, b, c]) assert.deepEqual(job.complete(), [])
  })

  it('lets a re-run with an equal sequence take the lock again, and refuses a lower one as stale, even after az CLI held it', async () => {
    const lock = 'stale'
    // A key that has never held: taken at once.
    const first = keyed('octo/deploy', lock, 'production', { sequence: '50' })
    const firstMain = mustPass('first main', await first.runMain())
    assert.equal(firstMain.outputs.outcome, 'acquired')
    mustPass('first post', await first.runPost())
    const rerun = keyed('octo/deploy', lock, 'production', { sequence: '50' })
    assert.equal(mustPass('re-run main', await rerun.runMain()).outputs.outcome, 'acquired')
    mustPass('re-run post', await rerun.runPost())
    // A client that does not queue takes the lock and gives it back in between.
    const cli = locks.getBlobClient(lock).getBlobLeaseClient()
    await cli.acquireLease(15)
    await cli.releaseLease()
    const older = keyed('octo/deploy', lock, 'production', { sequence: '49' })
    const olderMain = await older.runMain()
    assertLeft('older main', older, olderMain, 'stale', lock)
    assert.match(
      olderMain.notices.join('\n'),
      /^Stale: a newer run of the same key has already held lock devstoreaccount1\/locks\/stale: octo\/deploy run \d+ \(key "production", sequence 50\) at \S+; our sequence is 49\./,
    )
    assert.equal(mustPass('older post', await older.runPost()).errors.length, 0)
    const newer = keyed('octo/deploy', lock, 'production', { sequence: '51' })
    assert.equal(mustPass('newer main', await newer.runMain()).outputs.outcome, 'acquired')
    mustPass('newer post', await newer.runPost())
    // The status sub-action names, per key, the newest that held.
    const status = mustPass(
      'status',
      await newer.runAction('status', { 'connection-string': proxy.connectionString, 'lock-name': lock }),
    )
    assert.match(
      status.lines.join('\n'),
      /Newest that held, per supersede key: "production" sequence 51 \(octo\/deploy run \d+ at \S+\)\./,
    )
    for (const job of [first, rerun, older, newer]) assert.deepEqual(job.complete(), [])
  })

  it("fails the step in one line with 'on-superseded: fail'", async () => {
    const lock = 'fail-mode'
    const holder = await holding(lock)
    const old = keyed('octo/old', lock, 'production', { sequence: '1', 'on-superseded': 'fail' })
    const oldRun = old.runMain()
    await untilQueued(azurite, lock, 'octo/old')
    const fresh = keyed('octo/new', lock, 'production', { sequence: '2' })
    const freshStarted = Date.now()
    const freshRun = fresh.runMain()
    const oldMain = await oldRun
    assert.equal(oldMain.exitCode, 1)
    assert.equal(oldMain.outputs.outcome, 'superseded')
    assert.equal(oldMain.outputs.acquired, 'false')
    assert.equal(oldMain.errors.length, 1)
    assert.match(
      oldMain.errors[0]!,
      /^Superseded while waiting for lock \S+: octo\/new run \d+ .*newer sequence than ours \(1\)\.$/,
    )
    assert.deepEqual(lockRequestsWith(lock, old.state['proposed-lease-id'], freshStarted), [])
    mustPass('holder post', await holder.runPost())
    mustPass('new main', await freshRun)
    mustPass('new post', await fresh.runPost())
    for (const job of [holder, old, fresh]) assert.deepEqual(job.complete(), [])
  })

  it('keeps two keys on one lock apart: neither supersedes the other, and the queue order stays', async () => {
    const lock = 'two-keys'
    const holder = await holding(lock)
    const api = keyed('octo/api', lock, 'api', { sequence: '900' })
    const apiRun = api.runMain()
    await untilQueued(azurite, lock, 'octo/api')
    // Lower sequence, other key (and one that differs only in case and spaces from a third).
    const web = keyed('octo/web', lock, 'API ', { sequence: '1' })
    const webRun = web.runMain()
    await untilQueued(azurite, lock, 'octo/web')
    await delay(3_500) // more than one look at the queue for each
    assert.equal((await queueOf(azurite, lock)).length, 2, 'both still wait')
    mustPass('holder post', await holder.runPost())
    const apiMain = mustPass('api main', await apiRun)
    assert.equal(apiMain.outputs.outcome, 'acquired')
    mustPass('api post', await api.runPost())
    const webMain = mustPass('web main', await webRun)
    assert.equal(webMain.outputs.outcome, 'acquired')
    assert.ok(Date.parse(webMain.outputs['acquired-at']!) >= Date.parse(apiMain.outputs['acquired-at']!))
    mustPass('web post', await web.runPost())
    for (const job of [holder, api, web]) assert.deepEqual(job.complete(), [])
  })

  it('is moved only to leave by forged entries: a huge sequence, an injected key, a 7 KB key, malformed sequences', async () => {
    const lock = 'forged'
    const holder = await holding(lock)
    const waiter = keyed('octo/victim', lock, 'production', { sequence: '5' })
    let child: ChildProcess | undefined
    const run = waiter.runMain({ onSpawn: (spawned) => (child = spawned) })
    await untilQueued(azurite, lock, 'octo/victim')
    const forge = async (ticket: number, supersedeKey: string, sequence: string): Promise<void> => {
      const blob = locks.getBlockBlobClient(entryName(reservedNames(lock).queuePrefix, ticket))
      const who = {
        repository: 'evil/repo',
        workflow: 'w',
        job: 'j',
        runId: String(ticket),
        runAttempt: '1',
        actor: 'x',
      }
      await blob.upload('', 0, { metadata: identityToMetadata({ ...who, runUrl: '', supersedeKey, sequence }) })
      await blob.getBlobLeaseClient().acquireLease(60)
    }
    const warned = stdoutLine(child!, /is not a whole number: it is ignored/)
    const tooLarge = stdoutLine(child!, /entry 9005 has/)
    await forge(9001, 'production', 'abc')
    await forge(9002, 'production\n::error::pwned', '99')
    await forge(9003, 'p'.repeat(7_000), '99')
    await forge(9004, 'Production', '99')
    // Beyond an exact integer: too large, and ignored like 'abc'.
    await forge(9005, 'production', '99999999999999999999')
    assert.match(await warned, /entry 9001 has this job's supersede key with the sequence 'abc'/)
    // Digits beyond the bound: said to be too large, with the bound, not "not a whole number".
    assert.match(
      await tooLarge,
      /entry 9005 has this job's supersede key with the sequence '99999999999999999999', which is too large: a sequence is at most 9007199254740991: it is ignored\.$/,
    )
    await delay(3_500) // another look at the queue: still waiting
    assert.ok(
      (await queueOf(azurite, lock)).some((e) => e.repository === 'octo/victim'),
      'the victim still waits',
    )
    const forgedAt = Date.now()
    await forge(9006, 'production', String(Number.MAX_SAFE_INTEGER))
    const main = await run
    assertLeft('victim', waiter, main, 'superseded', lock, forgedAt)
    assert.ok(!main.stdout.includes('\n::error::pwned'), 'no injected command')
    assert.deepEqual(grantedLeases(lock), [holder.state['proposed-lease-id']], 'only the holder ever held')
    mustPass('holder post', await holder.runPost())
    for (const job of [holder, waiter]) assert.deepEqual(job.complete(), [])
  })

  it('takes a superseded waiter cancelled at the moment it leaves out of the queue, holding nothing', async () => {
    const lock = 'cancel-on-leave'
    const holder = await holding(lock)
    const old = keyed('octo/old', lock, 'production', { sequence: '1' })
    const fresh = keyed('octo/new', lock, 'production', { sequence: '2' })
    const oldRun = old.runMain({ cancelOn: untilQueued(azurite, lock, 'octo/new', 60_000) })
    await untilQueued(azurite, lock, 'octo/old')
    const freshStarted = Date.now()
    const freshRun = fresh.runMain()
    const oldMain = await oldRun
    assert.ok(['superseded', undefined].includes(oldMain.outputs.outcome), oldMain.stdout)
    assert.equal(oldMain.outputs.acquired, 'false')
    assert.deepEqual(lockRequestsWith(lock, old.state['proposed-lease-id'], freshStarted), [])
    assert.deepEqual(
      (await queueOf(azurite, lock)).map((e) => e.repository),
      ['octo/new'],
    )
    mustPass('holder post', await holder.runPost())
    mustPass('new main', await freshRun)
    mustPass('new post', await fresh.runPost())
    for (const job of [holder, old, fresh]) assert.deepEqual(job.complete(), [])
  })
})
