// Slots, end to end: the built action through the runner emulator, against
// Azurite, with 15 s leases. A lock of N slots lets up to N jobs hold it at
// once, never more, in the order they arrived; a client that does not know of
// slots holds the lock blob, which is one of them; and a job that asks for
// another N than the lock keeps fails before it takes any lease.

import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { reservedNames } from '../../src/lock/reserved.ts'
import type { Azurite } from '../support/azurite.ts'
import { containerOn } from '../support/lock.ts'
import { cliEnv, runCli } from '../support/cli.ts'
import { jobFor, leasedCount, mustPass, slotLeasesOf, untilQueued, withSuiteStorage } from '../support/e2e.ts'
import { mostAtOnce, newSpanFile, readSpanFile } from '../support/spans.ts'
import { Job, type StepResult } from '../support/runner.ts'

/** A run step that records its critical section: enter, HOLD_MS of work, exit. */
const CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), Number(process.env.HOLD_MS))`

/** Two slots taken in one look start within this much of each other: their order is the service's, not the line's. */
const SAME_LOOK_MS = 400

describe('slots, end to end', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  /** The lease state of the lock blob and of every slot blob of a lock, by name. */
  const leasesOf = (lockName: string): Promise<Map<string, string>> => slotLeasesOf(locks, lockName)

  async function entriesOf(lockName: string): Promise<string[]> {
    const names = []
    for await (const blob of locks.listBlobsFlat({ prefix: reservedNames(lockName).queuePrefix })) names.push(blob.name)
    return names
  }

  /** Whether a job's main step has joined the queue: its entry names its repository. */
  async function queued(lockName: string, repository: string): Promise<boolean> {
    for await (const blob of locks.listBlobsFlat({
      prefix: reservedNames(lockName).queuePrefix,
      includeMetadata: true,
    })) {
      if (blob.metadata?.holder_repository === repository) return true
    }
    return false
  }

  async function until(what: string, check: () => Promise<boolean>, limitMs = 15_000): Promise<void> {
    const deadline = Date.now() + limitMs
    while (!(await check())) {
      assert.ok(Date.now() < deadline, `${what} within ${limitMs} ms`)
      await delay(50)
    }
  }

  it('serves 8 jobs through 3 slots: never more than 3 at once, in the order they arrived, with rising fencing tokens', async () => {
    const lock = 'three-slots'
    const spans = newSpanFile('slots-')
    const repositories = Array.from({ length: 8 }, (_, i) => `org-${i}/service`)
    // Every 100 ms, the lease states: how many slots are leased at once.
    let sampling = true
    let mostLeased = 0
    const sampler = (async () => {
      while (sampling) {
        const states = await leasesOf(lock)
        mostLeased = Math.max(mostLeased, leasedCount(states))
        assert.ok(
          [...states.keys()].every((name) => name === lock || /\/slots\/[23]$/.test(name)),
          [...states.keys()].join(),
        )
        await delay(100)
      }
    })()
    const runs: Array<Promise<{ main: StepResult; post: StepResult; job: Job }>> = []
    for (const repository of repositories) {
      const job = jobFor(azurite, repository, lock, { slots: '3' })
      let mainDone = false
      runs.push(
        (async () => {
          const main = mustPass(`${repository} main`, await job.runMain())
          mainDone = true
          const holdMs = String(3_000 + Math.floor(Math.random() * 2_000))
          mustPass(`${repository} step`, await job.runScript(CRITICAL, { SPANS: spans, HOLD_MS: holdMs }))
          const post = mustPass(`${repository} post`, await job.runPost())
          return { main, post, job }
        })(),
      )
      // In sequence: the next job arrives once this one holds a slot or stands in the queue.
      await until(`${repository} holds or waits`, async () => mainDone || (await queued(lock, repository)))
    }
    const served = await Promise.all(runs)
    sampling = false
    await sampler

    const { spans: held, unmatched } = readSpanFile(spans)
    assert.deepEqual(unmatched, [])
    assert.equal(held.length, 8)
    const { most } = mostAtOnce(held)
    assert.ok(most <= 3, `at most 3 held at once by their own spans (${most})`)
    assert.equal(most, 3, 'three held at once: the slots are used in parallel')
    assert.ok(mostLeased <= 3, `at most 3 slots leased at once (${mostLeased})`)
    // In the order they arrived: a job never starts after one that arrived later, unless both took a slot in one look.
    const enterOf = new Map(held.map((s) => [s.who, s.enter]))
    for (let i = 0; i < repositories.length; i++) {
      for (let j = i + 1; j < repositories.length; j++) {
        const early = enterOf.get(repositories[i]!)!
        const late = enterOf.get(repositories[j]!)!
        assert.ok(
          early <= late + SAME_LOOK_MS,
          `${repositories[i]} (arrived first) started at ${early}, after ${repositories[j]} at ${late}`,
        )
      }
    }
    const tokens = served.map(({ main }) => Number(main.outputs['fencing-token']))
    assert.equal(new Set(tokens).size, 8, `distinct tokens ${tokens.join(', ')}`)
    const byStart = [...served.keys()].sort((a, b) => enterOf.get(repositories[a]!)! - enterOf.get(repositories[b]!)!)
    for (let k = 1; k < byStart.length; k++) {
      const [a, b] = [byStart[k - 1]!, byStart[k]!]
      const apart = enterOf.get(repositories[b]!)! - enterOf.get(repositories[a]!)!
      if (apart > SAME_LOOK_MS) assert.ok(tokens[b]! > tokens[a]!, `tokens rise with the start: ${tokens.join(', ')}`)
    }
    const slots = served.map(({ main }) => Number(main.outputs.slot))
    assert.ok(
      slots.every((s) => s >= 1 && s <= 3),
      `slots ${slots.join(', ')}`,
    )
    // The waiters said who held the slots.
    const lines = served.flatMap(({ main }) => main.lines)
    assert.ok(
      lines.some((l) => /3 of 3 slots held: org-\d\/service run \d+ \(since /.test(l)),
      lines.join('\n'),
    )
    // The job summaries say which slot, and what the slots were when the job came.
    for (const { main, post } of served) {
      assert.ok(post.summary.includes(`<th align="left">Slot</th><td>${main.outputs.slot} of 3</td>`), post.summary)
    }
    assert.ok(
      served.some(({ post }) =>
        /Slots when it came<\/th><td>3 of 3 slots held&#58; org-\d\/service run/.test(post.summary),
      ),
      served.map(({ post }) => post.summary).join('\n'),
    )
    assert.deepEqual(await entriesOf(lock), [], 'no entry is left in the queue')
    const left = await leasesOf(lock)
    assert.equal(leasedCount(left), 0, `every slot is free again: ${JSON.stringify([...left])}`)
    for (const { job } of served) job.complete()
  })

  it('counts a client that does not know of slots, leasing the lock blob, as one of the 3', async () => {
    const lock = 'with-a-stranger'
    const blob = locks.getBlockBlobClient(lock)
    // As go-azuremutex does: upload the blob, and lease it.
    await blob.upload('', 0)
    const stranger = blob.getBlobLeaseClient()
    await stranger.acquireLease(15)
    const first = jobFor(azurite, 'octo/first', lock, { slots: '3' })
    const second = jobFor(azurite, 'octo/second', lock, { slots: '3' })
    const third = jobFor(azurite, 'octo/third', lock, { slots: '3' })
    const mains = [mustPass('first main', await first.runMain()), mustPass('second main', await second.runMain())]
    assert.deepEqual(mains.map((m) => m.outputs.slot).sort(), ['2', '3'], 'the stranger holds slot 1')
    let thirdDone = false
    const thirdRun = third.runMain().then((main) => ((thirdDone = true), main))
    await until('the third job joins the queue', () => queued(lock, 'octo/third'))
    // Renew the stranger's lease while the third waits: it must not get a slot.
    await delay(2_000)
    await stranger.renewLease()
    assert.equal(thirdDone, false, 'the third job waits while the stranger and two jobs hold the 3 slots')
    assert.equal(leasedCount(await leasesOf(lock)), 3)
    // The status step shows the slots and their holders.
    const status = mustPass(
      'status',
      await first.runAction('status', { 'lock-name': lock, 'connection-string': azurite.connectionString }),
    )
    assert.ok(
      status.lines.some((l) =>
        /: slot 1 \(the lock blob\) is held by an unknown holder.* Waiting: 1 \(octo\/third run \d+\)\. 3 of 3 slots held: an unknown holder \(no holder record\), octo\/(first|second)\/?.* run \d+ \(since [\d:]+Z\), octo\/(first|second).* run \d+ \(since [\d:]+Z\)\.$/.test(
          l,
        ),
      ),
      status.lines.join('\n'),
    )
    await stranger.releaseLease()
    const main = mustPass('third main', await thirdRun)
    assert.equal(main.outputs.slot, '1', 'the third takes the lock blob the stranger let go')
    for (const [name, job] of Object.entries({ first, second, third })) mustPass(`${name} post`, await job.runPost())
    assert.equal(leasedCount(await leasesOf(lock)), 0)
    for (const job of [first, second, third]) job.complete()
  })

  it('gives the next free slot to a high-priority job that joined behind three normal ones, never more than 2 holding', async () => {
    const lock = 'slots-priority'
    const inputs = { slots: '2' }
    const [h1, h2] = ['octo/h1', 'octo/h2'].map((repository) => jobFor(azurite, repository, lock, inputs)) as [Job, Job]
    const held = [mustPass('h1 main', await h1.runMain()), mustPass('h2 main', await h2.runMain())]
    const done: string[] = []
    const waiting = new Map<string, { job: Job; run: Promise<StepResult> }>()
    for (const [repository, extra] of [
      ['octo/n1', {}],
      ['octo/n2', {}],
      ['octo/n3', {}],
      ['octo/hi', { priority: 'high' }],
    ] as const) {
      const job = jobFor(azurite, repository, lock, { ...inputs, ...extra })
      const run = job.runMain().then((main) => (done.push(repository), main))
      waiting.set(repository, { job, run })
      await untilQueued(azurite, lock, repository)
    }
    const take = async (repository: string): Promise<StepResult> => {
      const main = mustPass(`${repository} main`, await waiting.get(repository)!.run)
      assert.ok(leasedCount(await leasesOf(lock)) <= 2, 'never more than 2 slots leased')
      return main
    }
    mustPass('h1 post', await h1.runPost())
    // Whichever takes the freed slot first: a normal job that does fails here, rather than hanging the test.
    await Promise.race(['octo/hi', 'octo/n1'].map((repository) => waiting.get(repository)!.run))
    assert.deepEqual(done, ['octo/hi'], 'the high-priority job took the freed slot; the normal ones still wait')
    const hi = await take('octo/hi')
    mustPass('h2 post', await h2.runPost())
    const n1 = await take('octo/n1')
    mustPass('hi post', await waiting.get('octo/hi')!.job.runPost())
    const n2 = await take('octo/n2')
    mustPass('n1 post', await waiting.get('octo/n1')!.job.runPost())
    const n3 = await take('octo/n3')
    assert.deepEqual(done, ['octo/hi', 'octo/n1', 'octo/n2', 'octo/n3'], 'the normal ones kept their order')
    const tokens = [...held, hi, n1, n2, n3].map((main) => Number(main.outputs['fencing-token']))
    assert.deepEqual(
      tokens,
      [...tokens].sort((a, b) => a - b),
      'fencing tokens rise in the order the slots were taken',
    )
    assert.equal(new Set(tokens).size, tokens.length)
    for (const repository of ['octo/n2', 'octo/n3'])
      mustPass(`${repository} post`, await waiting.get(repository)!.job.runPost())
    assert.equal(leasedCount(await leasesOf(lock)), 0)
    for (const job of [h1, h2, ...[...waiting.values()].map((w) => w.job)]) job.complete()
  })

  it('fails a job that asks for 2 slots on a lock set up with 3, in one line, before it takes any lease', async () => {
    const lock = 'agreed'
    const setUp = jobFor(azurite, 'octo/first', lock, { slots: '3' })
    mustPass('set-up main', await setUp.runMain())
    const holding = await leasesOf(lock)
    const other = jobFor(azurite, 'octo/other', lock, { slots: '2' })
    const main = await other.runMain()
    assert.notEqual(main.exitCode, 0)
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(
      main.errors[0]!,
      /^Lock devstoreaccount1\/locks\/agreed is set up with 3 slots, but this job asks for 2 slots \('slots: 2'\); it takes no lease\. .*drain.*write the new number on the counter blob that keeps it, locks\/\.azure-mutex\/agreed\/fencing, /,
    )
    assert.equal(main.outputs.acquired, 'false')
    // Only the set-up job's slot is leased, as before; the other never joined the queue.
    assert.deepEqual(await leasesOf(lock), holding)
    assert.equal(leasedCount(holding), 1)
    assert.deepEqual(await entriesOf(lock), [])
    // A job of one slot (the default) learns it when it takes its token, and gives back the lock blob.
    mustPass('set-up post', await setUp.runPost())
    // The hold sub-action is refused: a hold is one lease on the lock blob, and would freeze one slot only.
    const hold = await other.runAction('hold', { ...other.options.inputs, reason: 'freeze', duration: '1m' })
    assert.notEqual(hold.exitCode, 0)
    assert.equal(hold.errors.length, 1, hold.stdout)
    assert.match(
      hold.errors[0]!,
      /^Lock devstoreaccount1\/locks\/agreed has 3 slots, and a hold is one lease on its lock blob: it would freeze slot 1 only, while the other 2 slots stayed open to every job, so a hold is refused on a lock with slots; the lease it took was given back, and no hold was set\.$/,
    )
    assert.equal(leasedCount(await leasesOf(lock)), 0, 'the hold left no lease')
    // So is the command's hold with no command to run.
    const freeze = await runCli(['hold', lock, '--for', '1m', '--reason', 'freeze'], cliEnv(azurite)).exited
    assert.notEqual(freeze.code, 0)
    assert.match(freeze.stderr, /has 3 slots, and a hold is one lease on its lock blob: .* no hold was set\./)
    assert.equal(leasedCount(await leasesOf(lock)), 0, "the command's hold left no lease")
    const single = jobFor(azurite, 'octo/single', lock)
    const singleMain = await single.runMain()
    assert.notEqual(singleMain.exitCode, 0)
    assert.equal(singleMain.errors.length, 1, singleMain.stdout)
    assert.match(
      singleMain.errors[0]!,
      /set up with 3 slots, but this job asks for 1 slot \('slots: 1'\); it gives back the lease it took\./,
    )
    await single.runPost()
    assert.equal(leasedCount(await leasesOf(lock)), 0, 'no lease is left')
    for (const job of [setUp, other, single]) job.complete()
  })

  it("breaks every slot's lease, says how many, and a broken slot's holder learns who broke it", async () => {
    const lock = 'slots-broken'
    const holders = ['octo/a', 'octo/b', 'octo/c'].map((repository) =>
      jobFor(azurite, repository, lock, { slots: '3' }),
    )
    const slots = []
    for (const job of holders) slots.push(mustPass(`${job.options.repository} main`, await job.runMain()).outputs.slot)
    assert.deepEqual(slots, ['1', '2', '3'])
    const ops = new Job({ repository: 'octo/ops', runId: '9100', actor: 'hubot', inputs: {} })
    const reason = 'all three hung; approved by on-call'
    const broke = await ops.runAction('break', {
      'connection-string': azurite.connectionString,
      'lock-name': lock,
      reason,
    })
    assert.equal(broke.exitCode, 0, broke.stdout + broke.stderr)
    assert.deepEqual([...broke.errors, ...broke.warnings], [])
    assert.match(
      broke.lines[0]!,
      /^Broke the leases on 3 of the 3 slots of lock devstoreaccount1\/locks\/slots-broken: slot 1 held by octo\/a .*, slot 2 held by octo\/b .*, slot 3 held by octo\/c .*\.$/,
    )
    assert.match(
      broke.lines[1]!,
      /^Wrote on each broken slot's blob: broken at \S+ by octo\/ops run 9100 .*"all three hung; approved by on-call"\.$/,
    )
    assert.equal(leasedCount(await leasesOf(lock)), 0, 'no slot is leased after the break')
    // The holder of slot 3 reads the record on its own slot's blob.
    await delay(6_000) // its renewer renews every 5 s on a 15 s lease, and finds the lease gone
    const post = await holders[2]!.runPost()
    assert.equal(post.exitCode, 1, post.stdout)
    assert.match(post.errors.join('\n'), /was lost: .*all three hung; approved by on-call/)
    for (const job of [...holders, ops]) job.complete()
  })

  it('shows "2 of 3 slots held" for a lock with slots in the status of every lock, and the command breaks both', async () => {
    const container = 'slots-board'
    const lock = 'shared-staging'
    const holders = ['octo/api', 'octo/web'].map((repository) =>
      jobFor(azurite, repository, lock, { slots: '3', container }),
    )
    for (const job of holders) mustPass(`${job.options.repository} main`, await job.runMain())
    const status = await holders[0]!.runAction('status', {
      'connection-string': azurite.connectionString,
      container,
      'lock-name': '*',
    })
    assert.equal(status.exitCode, 0, status.stdout)
    assert.match(status.lines.join('\n'), /shared-staging: .* 2 of 3 slots held: octo\/api .*, octo\/web .*\./)
    const env = cliEnv(azurite, { AZURE_MUTEX_CONTAINER: container })
    const table = await runCli(['status', '--all'], env).exited
    assert.equal(table.code, 0, table.stderr)
    assert.match(table.stdout, /2 of 3 slots held: octo\/api/)
    const json = await runCli(['status', '--all', '--json'], env).exited
    const shown = JSON.parse(json.stdout) as { locks: Array<{ name: string; slots: string | null }> }
    assert.match(shown.locks.find((l) => l.name === lock)?.slots ?? '', /^2 of 3 slots held: octo\/api .*, octo\/web /)
    const broke = await runCli(['break', lock, '--reason', 'drain for a new number of slots'], env).exited
    assert.equal(broke.code, 0, broke.stderr)
    assert.match(
      broke.stderr,
      /Broke the leases on 2 of the 3 slots of lock devstoreaccount1\/slots-board\/shared-staging: slot 1 held by octo\/api .*, slot 2 held by octo\/web /,
    )
    const board = containerOn(azurite, container)
    for (const name of [lock, `${reservedNames(lock).slotsPrefix}2`]) {
      const props = await board.getBlobClient(name).getProperties()
      assert.notEqual(props.leaseState, 'leased', `${name} is no longer leased`)
    }
    for (const job of holders) job.complete()
  })
})
