// What the action reads from the lock blob, and what it is given as a lock
// name, is input from strangers. End to end, against Azurite: a hostile holder
// record reaches a waiter's log only as plain text, lock names that URLs would
// rewrite are refused before anything is leased, and metadata that others put
// on the blob survives a cycle.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { before, describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { DEV_KEY, type Azurite } from '../support/azurite.ts'
import { jobFor, lookAtLock, mustPass, untilQueued, withSuiteStorage } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { rendered } from '../support/summary.ts'
import { identityToMetadata } from '../../src/lock/holder.ts'
import { entryName, reservedNames } from '../../src/lock/reserved.ts'
import { showUntrusted } from '../../src/lock/untrusted-text.ts'
import { Job, type StepResult } from '../support/runner.ts'

/** Every control character but the line feed that ends a line, and the characters that reorder text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u

/** The commands the action itself prints: all others in its output were injected. */
const OWN_COMMANDS = new Set(['error', 'warning', 'add-mask', 'debug', 'group', 'endgroup'])

/**
 * A holder record as a stranger might write it on the blob: percent-encoded
 * payloads (the record's own encoding, decoded by every reader), raw ones
 * (plain ASCII as the header carries it, and a raw C1 byte), an 8 KB value,
 * and a run URL that is no run page.
 */
const HOSTILE_RECORD: Record<string, string> = {
  holder_repository: '%0A::error title=Security scan passed::All clear',
  holder_workflow: '%0D::add-mask::octo%0A::stop-commands::pwned',
  holder_job: `%1B[31mred%1B[0m%0A::warning::from the job${'A'.repeat(8 * 1024)}`,
  holder_run_id: '::stop-commands::raw-at-the-start',
  holder_run_attempt: 'x ##[error]the old command form ##[add-mask]octo',
  holder_actor: '\u009b31mC1 CSI, then %E2%80%AEtxt.exe',
  holder_run_url: 'https://evil.example/octo/api/actions/runs/1',
  holder_acquired_at: '%0A::set-output name=lease-id::stolen%0A%25%30A',
}

/** The step printed no workflow command but its own, no control character, and masked only our secret. */
function assertNothingInjected(step: StepResult, name: string): void {
  for (const [stream, text] of [
    ['stdout', step.stdout],
    ['stderr', step.stderr],
  ] as const) {
    const bad = CONTROL.exec(text)
    assert.equal(bad, null, `${name} ${stream} has U+${bad?.[0].codePointAt(0)?.toString(16)}`)
    for (const line of text.split('\n')) {
      assert.ok(!line.includes('##['), `${name} ${stream}: ${line.slice(0, 200)}`)
      // The runner trims leading white space before it looks for '::'.
      const command = /^[\s\u0085]*::([^:\s]*)/u.exec(line)
      if (!command) continue
      assert.ok(stream === 'stdout' && line.startsWith('::'), `${name} ${stream}: ${line.slice(0, 200)}`)
      assert.ok(OWN_COMMANDS.has(command[1]!), `${name} printed ::${command[1]}:: (${line.slice(0, 200)})`)
    }
  }
  // Main also masks its renewer's channel token, which it exports for release steps.
  const tokens = [...(step.exported.AZURE_MUTEX_HELD_LOCKS ?? '').matchAll(/"token":"([^"]+)"/g)].map((m) => m[1])
  assert.ok(
    step.masks.every((mask) => mask === DEV_KEY || tokens.includes(mask)),
    `${name} masked only the account key and its channel token: ${JSON.stringify(step.masks)}`,
  )
  for (const text of [...step.errors, ...step.warnings, ...Object.values(step.outputs)]) {
    assert.doesNotMatch(text, CONTROL, `${name}: ${JSON.stringify(text.slice(0, 200))}`)
  }
  assert.ok(!Object.values(step.outputs).includes('stolen'), `${name} outputs: ${JSON.stringify(step.outputs)}`)
}

/** The job summary so far (post writes it) holds nothing injected either. */
function assertSummaryClean(job: Job, name: string): void {
  const summary = job.summary
  assert.doesNotMatch(summary, CONTROL, `${name} summary`)
  assert.ok(!/^\s*::/mu.test(summary) && !summary.includes('##['), `${name} summary: ${summary.slice(0, 200)}`)
}

describe('untrusted input, end to end', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  /** A blob leased for ever by a foreign client with the hostile record on it; returns its lease id. */
  async function hostileHolder(lockName: string): Promise<string> {
    const blob = locks.getBlobClient(lockName)
    await blob.getBlockBlobClient().upload('', 0)
    const leaseId = randomUUID()
    await blob.getBlobLeaseClient(leaseId).acquireLease(-1)
    await blob.setMetadata(HOSTILE_RECORD, { conditions: { leaseId } })
    return leaseId
  }

  it('shows a hostile holder record to a waiter that times out only as plain text', async () => {
    await hostileHolder('hostile-timeout')
    const waiter = jobFor(azurite, 'octo/waiter', 'hostile-timeout', { timeout: '3s' })
    const main = await waiter.runMain()
    assert.equal(main.exitCode, 1, main.stdout)
    assertNothingInjected(main, 'main')
    assertSummaryClean(waiter, 'main')

    assert.equal(main.errors.length, 1, main.stdout)
    const error = main.errors[0]!
    assert.match(
      error,
      /^Timed out after 3(\.\d)?s waiting for lock devstoreaccount1\/locks\/hostile-timeout; it is held by /,
    )
    assert.ok(error.includes('\\n::error title=Security scan passed::All clear workflow "\\r::add-mask::octo'), error)
    assert.ok(/A{150}…/.test(error) && !error.includes('A'.repeat(200)), 'the 8 KB value is cut')
    assert.ok(!main.stdout.includes('evil.example'), 'a run URL that is no run page of this server is never shown')
    assert.ok(error.length < 2_000, `the error is ${error.length} characters long`)
    assert.deepEqual(main.warnings, [])

    const waiting = main.lines.find((line) => line.startsWith('The lock is held by '))
    assert.ok(waiting, main.stdout)
    for (const shown of [
      'run \\x3a:stop-commands::raw-at-the-start',
      'attempt x ##\\x5berror]the old command form ##\\x5badd-mask]octo',
      'job \\x1b[31mred\\x1b[0m\\n::warning::from the job',
      'actor \\x9b31mC1 CSI, then \\u202etxt.exe',
      'since \\n::set-output name=lease-id::stolen\\n%0A',
    ]) {
      assert.ok(waiting.includes(shown), `the waiting line shows ${shown}: ${waiting.slice(0, 400)}`)
    }

    const post = await waiter.runPost()
    assertNothingInjected(post, 'post')
    assert.match(waiter.summary, /Not taken: the wait timed out/, 'post wrote the summary from what main saw')
    assertSummaryClean(waiter, 'post')
    assert.deepEqual(waiter.complete(), [])
  })

  it('shows a hostile holder record only as plain text to a waiter that gets the lock once it is broken', async () => {
    const theirs = await hostileHolder('hostile-handoff')
    const waiter = jobFor(azurite, 'octo/waiter', 'hostile-handoff', { timeout: '30s' })
    const running = waiter.runMain()
    // Released once the waiter has looked at the lock and joined the queue, however slow its start on a loaded machine.
    await untilQueued(azurite, 'hostile-handoff', 'octo/waiter')
    await locks.getBlobClient('hostile-handoff').getBlobLeaseClient(theirs).releaseLease()
    const main = await running
    assert.equal(main.exitCode, 0, main.stdout)
    assertNothingInjected(main, 'main')
    assertSummaryClean(waiter, 'main')
    assert.ok(
      main.lines.some((line) => line.startsWith('The lock is held by \\n::error title=Security scan passed')),
      main.stdout,
    )
    assert.equal(main.outputs['lease-id'], JSON.parse(waiter.state.lease ?? '{}').leaseId)
    assert.match(main.outputs['acquired-at'] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

    const held = await lookAtLock(azurite, 'hostile-handoff')
    assert.equal(held.holder?.repository, 'octo/waiter', 'our record replaced the hostile one')
    const post = await waiter.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assertNothingInjected(post, 'post')
    assert.match(waiter.summary, /Holders seen while waiting/, 'post wrote the summary from what main saw')
    assertSummaryClean(waiter, 'post')
    // Only the last fencing token and the number of slots stay, so that a deleted counter starts above the one, with the other.
    assert.deepEqual((await locks.getBlobClient('hostile-handoff').getProperties()).metadata, {
      azure_mutex_fencing_token: '1',
      // The number of slots the holder agreed on, kept after release beside the token.
      azure_mutex_slots: '1',
    })
    assert.deepEqual(waiter.complete(), [])
  })

  it("names the holder's run URL in a waiter's lines only when it is a run page of the waiter's own server", async () => {
    const holder = jobFor(azurite, 'octo/holder', 'run-urls')
    mustPass('holder main', await holder.runMain())
    const runPage = `https://github.com/octo/holder/actions/runs/${holder.options.runId}`
    const here = jobFor(azurite, 'octo/here', 'run-urls', { timeout: '2s' })
    const hereMain = await here.runMain()
    assert.equal(hereMain.exitCode, 1, hereMain.stdout)
    assert.ok(hereMain.errors[0]?.endsWith(`${runPage}.`), hereMain.errors[0])
    assert.ok(
      hereMain.lines.some((line) => line.includes(runPage)),
      hereMain.stdout,
    )
    // A job on GitHub Enterprise Server: a github.com URL there is no run page of its own server.
    const elsewhere = jobFor(
      azurite,
      'octo/elsewhere',
      'run-urls',
      { timeout: '2s' },
      {
        env: { GITHUB_SERVER_URL: 'https://ghes.example.com' },
      },
    )
    const elsewhereMain = await elsewhere.runMain()
    assert.equal(elsewhereMain.exitCode, 1, elsewhereMain.stdout)
    assert.match(elsewhereMain.errors[0] ?? '', /held by octo\/holder workflow "deploy" run \d+ \(.*\) since \S+Z\.$/)
    assert.ok(!elsewhereMain.stdout.includes('https://github.com/'), elsewhereMain.stdout)
    for (const job of [here, elsewhere]) mustPass('waiter post', await job.runPost())
    mustPass('holder post', await holder.runPost())
    for (const job of [holder, here, elsewhere]) assert.deepEqual(job.complete(), [])
  })

  it("writes a workflow name with a newline exactly and shows it to another repository's waiter as plain text", async () => {
    const workflow = 'Deploy\n::error title=Injected::from a workflow name\r\u001b[31m ##[add-mask]octo  %0A '
    const holder = jobFor(azurite, 'octo/holder', 'hostile-workflow', {}, { workflow })
    const held = await holder.runMain()
    assert.equal(held.exitCode, 0, held.stdout)
    assertNothingInjected(held, 'holder main')
    assert.equal((await lookAtLock(azurite, 'hostile-workflow')).holder?.workflow, workflow, 'the record round-trips')

    const waiter = jobFor(azurite, 'other/waiter', 'hostile-workflow', { timeout: '2s' })
    const main = await waiter.runMain()
    assert.equal(main.exitCode, 1, main.stdout)
    assertNothingInjected(main, 'waiter main')
    assertSummaryClean(waiter, 'waiter main')
    const shown =
      'workflow "Deploy\\n::error title=Injected::from a workflow name\\r\\x1b[31m ##\\x5badd-mask]octo  %0A "'
    assert.ok(main.errors[0]?.includes(`held by octo/holder ${shown} run `), main.errors[0])
    assert.ok(
      main.lines.some((line) => line.includes(shown)),
      main.stdout,
    )

    assert.equal((await holder.runPost()).exitCode, 0)
    assert.equal((await waiter.runPost()).exitCode, 0)
    assertSummaryClean(waiter, 'waiter post')
    holder.complete()
    waiter.complete()
  })

  // The runner hands post its state as STATE_* environment variables, and Linux takes at most 128 KiB in one
  // (MAX_ARG_STRLEN): a state past that, and the post step cannot start (E2BIG), so nothing releases the lease.
  it('starts post and releases after 20 forged queue entries with 8 KB of metadata each', async (t) => {
    const lock = 'forged-state'
    const names = reservedNames(lock)
    const holder = jobFor(azurite, 'octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    // A stranger writes 20 entries at the next tickets, and moves the ticket counter past them as a waiter would.
    const tickets = locks.getBlockBlobClient(names.tickets)
    const base = Number((await tickets.getProperties().catch(() => undefined))?.metadata?.value ?? 0)
    // Each value percent-encodes control characters ('%01'), which JSON writes back as '\u0001', six bytes each.
    const controls = (n: number): string => '\u0001'.repeat(n)
    const forgedAt = Date.now()
    for (let ticket = base + 1; ticket <= base + 20; ticket++) {
      const metadata = identityToMetadata({
        repository: `evil/${ticket}${controls(800)}`,
        workflow: 'w',
        job: 'j',
        runId: `${ticket}${controls(400)}`,
        runAttempt: '1',
        actor: 'x',
        runUrl: `https://evil.example/${ticket}${controls(800)}`,
        supersedeKey: `key-${ticket}${controls(500)}`,
        sequence: '1',
      })
      const bytes = Object.entries(metadata).reduce((sum, [key, value]) => sum + key.length + value.length, 0)
      assert.ok(bytes < 8 * 1024, `entry ${ticket} carries ${bytes} bytes of metadata, under Azure's 8 KiB`)
      const entry = locks.getBlockBlobClient(entryName(names.queuePrefix, ticket))
      await entry.upload('', 0, { metadata })
      // A fixed lease that nobody renews: the entries lapse after 15 s.
      await entry.getBlobLeaseClient().acquireLease(15)
    }
    await tickets.upload('', 0, { metadata: { value: String(base + 20) } })

    const job = jobFor(azurite, 'octo/victim', lock, { timeout: '2m' })
    const running = job.runMain()
    await untilQueued(azurite, lock, 'octo/victim')
    // The holder lets go once the forged entries have lapsed, and the lease goes to the victim.
    await delay(Math.max(0, forgedAt + 16_000 - Date.now()))
    mustPass('holder post', await holder.runPost())
    const main = mustPass('victim main', await running)
    assert.equal(main.outputs.acquired, 'true')
    const wait = job.state.wait ?? ''
    const stateBytes = Object.entries(job.state).reduce(
      (sum, [key, value]) => sum + Buffer.byteLength(`STATE_${key}=${value}`),
      0,
    )
    t.diagnostic(`state: the wait record ${Buffer.byteLength(wait)} bytes, every key ${stateBytes} bytes`)
    // Before the state was capped, the runner could not start post (spawn E2BIG): nothing released the lease.
    const post = mustPass('victim post', await job.runPost())
    const saved = JSON.parse(wait) as { keyedWaiters?: unknown[]; keyedWaitersLeftOut?: number }
    const leftOut = saved.keyedWaitersLeftOut ?? 0
    assert.equal((saved.keyedWaiters?.length ?? 0) + leftOut, 20, 'every forged waiter is kept or counted')
    assert.ok(Buffer.byteLength(wait) <= 32 * 1024, `the wait record is ${Buffer.byteLength(wait)} bytes`)
    assert.ok(stateBytes <= 64 * 1024, `the state is ${stateBytes} bytes`)
    assert.ok(
      post.lines.some((line) => line.startsWith(`Released lock devstoreaccount1/locks/${lock} after holding it`)),
      post.stdout,
    )
    assert.equal((await lookAtLock(azurite, lock)).leaseState, 'available', 'post released the lease')
    assertNothingInjected(post, 'post')
    assert.match(job.summary, /Waiters seen with a supersede key/, 'post wrote the summary')
    if (leftOut > 0) assert.ok(job.summary.includes(`… and ${leftOut} more.`), 'the summary counts those left out')
    // As before the cut: each value as the log shows it, 200 characters with the ellipsis.
    const shown = showUntrusted(`evil/${base + 1}${controls(800)}`)
    assert.ok(shown.endsWith('\\x01…') && rendered(job.summary).includes(shown), 'each value is shown as before')
    assertSummaryClean(job, 'post')
    for (const done of [holder, job]) assert.deepEqual(done.complete(), [])
  })

  describe('lock names that a URL would rewrite', () => {
    // Each name, and the blob it leased before it was refused (Azurite, @azure/storage-blob 12.34).
    const names: Array<[string, string]> = [
      ['team-b/../prod', 'names/prod'],
      ['../other/prod', 'other/prod'],
      ['a/./b', 'names/a/b'],
      ['a/../b', 'names/b'],
      ['../escape', '(400 from Azure)'],
      ['a//b', 'names/a//b'],
      ['/a', 'names//a'],
      ['a./b', "names/a./b (on Azure, 'a/b')"],
    ]
    const existing = ['prod', 'a/b', 'b', 'a//b', '/a', 'a./b']

    before(async () => {
      // The blobs those names reached exist and are free, so a lease taken on any of them would show.
      const names = containerOn(azurite, 'names')
      await names.createIfNotExists()
      for (const blob of existing) await names.getBlobClient(blob).getBlockBlobClient().upload('', 0)
      const other = containerOn(azurite, 'other')
      await other.createIfNotExists()
      await other.getBlobClient('prod').getBlockBlobClient().upload('', 0)
    })

    for (const [name, reached] of names) {
      it(`refuses ${JSON.stringify(name)} (it reached ${reached}) with one line naming lock-name`, async () => {
        const job = jobFor(azurite, 'octo/names', name, { container: 'names' })
        const main = await job.runMain()
        assert.equal(main.exitCode, 1, main.stdout)
        assert.equal(main.errors.length, 1, main.stdout)
        assert.match(main.errors[0]!, /^Invalid input 'lock-name': .+; expected a blob name of 1 to 1024 characters\.$/)
        assert.ok(!main.errors[0]!.includes('\n'))
        assert.equal(job.state.lease ?? '', '', 'no lease was taken')
        assert.deepEqual((await job.runPost()).lines, ['Nothing to release: the main step did not take the lock.'])
        assert.deepEqual(job.complete(), [], 'no process was left')
      })
    }

    it('left every blob those names reached unleased', async () => {
      const leased: string[] = []
      for (const container of ['names', 'other']) {
        for await (const blob of containerOn(azurite, container).listBlobsFlat()) {
          if (blob.properties.leaseState !== 'available') leased.push(`${container}/${blob.name}`)
        }
      }
      assert.deepEqual(leased, [])
    })
  })

  it("keeps others' metadata (owner=platform-team) through a whole cycle", async () => {
    const blob = locks.getBlobClient('shared-with-platform')
    await blob.getBlockBlobClient().upload('', 0, { metadata: { owner: 'platform-team', purpose: 'prod deploys' } })
    const job = jobFor(azurite, 'octo/api', 'shared-with-platform')
    const main = await job.runMain()
    assert.equal(main.exitCode, 0, main.stdout)
    const held = (await blob.getProperties()).metadata ?? {}
    assert.equal(held.owner, 'platform-team')
    assert.equal(held.purpose, 'prod deploys')
    assert.equal(held.holder_repository, 'octo/api')
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    const after = await blob.getProperties()
    assert.equal(after.leaseState, 'available')
    assert.deepEqual(after.metadata, {
      owner: 'platform-team',
      purpose: 'prod deploys',
      azure_mutex_fencing_token: '1',
      // The number of slots the holder agreed on, kept after release beside the token.
      azure_mutex_slots: '1',
    })
    assert.deepEqual(job.complete(), [])
  })
})
