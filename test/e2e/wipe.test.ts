// What deleting the action's folder .azure-mutex/<lock>/ keeps and loses, end
// to end: the built action through the runner stand-in, against Azurite behind
// the fault proxy, whose log of every request (with the lease id it proposes
// or carries) proves that a stale job never asked for the lock's lease.
//
// Kept, on the lock blob, where deleting the folder does not reach: each key's
// highest sequence (the stale guard), the number of slots, the last fencing
// token (counters.test.ts). Kept on the leased slot blobs (a leased blob is not
// deleted without breaking its lease): the number its holders agreed on. Lost
// only when the lock blob has lost its metadata too (go-azuremutex uploads it
// again when it takes a free lock). And the blobs the lock owns that a stranger
// leases: one line naming the blob and the command, no lease, no token.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { holderToMetadata } from '../../src/lock/holder.ts'
import { latestName, reservedNames } from '../../src/lock/reserved.ts'
import type { Azurite } from '../support/azurite.ts'
import { jobFor, leasedCount, mustPass, slotLeasesOf, withProxiedStorage, type ProxiedStorage } from '../support/e2e.ts'
import type { FaultProxy } from '../support/fault-proxy.ts'
import type { Job, StepResult } from '../support/runner.ts'

function ignoreLeaseNotPresent(error: unknown): void {
  if ((error as { statusCode?: number }).statusCode !== 409) throw error
}

/** Every blob of the lock's own folder, leases broken, then deleted, as an operator's script would; their names. */
async function deleteFolder(locks: ContainerClient, lockName: string): Promise<string[]> {
  const { folder } = reservedNames(lockName)
  const deleted = []
  for await (const blob of locks.listBlobsFlat({ prefix: folder })) {
    const client = locks.getBlobClient(blob.name)
    await client.getBlobLeaseClient().breakLease(0).catch(ignoreLeaseNotPresent)
    await client.delete()
    deleted.push(blob.name.slice(folder.length))
  }
  return deleted.sort()
}

/** The blobs of the lock's own folder, by name within it. */
async function folderOf(locks: ContainerClient, lockName: string): Promise<string[]> {
  const { folder } = reservedNames(lockName)
  const names = []
  for await (const blob of locks.listBlobsFlat({ prefix: folder })) names.push(blob.name.slice(folder.length))
  return names.sort()
}

describe('deleting .azure-mutex/, end to end', () => {
  let azurite: Azurite
  let proxy: FaultProxy
  let locks: ContainerClient
  let proxied: ProxiedStorage['proxied']
  withProxiedStorage((storage) => ({ azurite, proxy, locks, proxied } = storage))

  /** A job whose every request goes through the proxy, with the supersede key 'production' and a sequence. */
  const keyed = (lock: string, sequence: number, inputs: Record<string, string> = {}): Job =>
    proxied('octo/deploy', lock, { 'supersede-key': 'production', sequence: String(sequence), ...inputs })

  /** The lease requests on the lock blob with this job's lease id: a stale job must have made none. */
  function lockLeaseRequests(lock: string, job: Job): string[] {
    const leaseId = job.state['proposed-lease-id']
    assert.ok(leaseId, 'the job saved the lease id it would propose')
    return proxy.log
      .filter((r) => r.path === `/devstoreaccount1/locks/${lock}` && r.leaseId === leaseId)
      .map((r) => `${r.method} ${r.kind} -> ${r.status}`)
  }

  async function holds(lock: string, sequence: number): Promise<StepResult> {
    const job = keyed(lock, sequence)
    const main = mustPass(`run ${sequence} main`, await job.runMain())
    assert.equal(main.outputs.outcome, 'acquired', `run ${sequence} took the lock`)
    mustPass(`run ${sequence} post`, await job.runPost())
    assert.deepEqual(job.complete(), [])
    return main
  }

  async function isStale(lock: string, sequence: number, newer: RegExp): Promise<StepResult> {
    const job = keyed(lock, sequence)
    const main = mustPass(`run ${sequence} main`, await job.runMain())
    assert.equal(main.outputs.outcome, 'stale', `run ${sequence}: ${main.stdout}`)
    assert.equal(main.outputs.acquired, 'false')
    assert.match(main.notices.join('\n'), newer)
    assert.deepEqual(lockLeaseRequests(lock, job), [], `run ${sequence} asked for the lease`)
    mustPass(`run ${sequence} post`, await job.runPost())
    assert.deepEqual(job.complete(), [])
    return main
  }

  it('keeps the stale guard: run 20 holds, the folder is deleted, and run 10 is stale twice without asking for the lease', async () => {
    const lock = 'wiped-keyed'
    await holds(lock, 20)
    assert.deepEqual(await deleteFolder(locks, lock), ['fencing', `latest/${latestName('', 'production')}`])
    const kept =
      /^Stale: a newer run of the same key has already held lock devstoreaccount1\/locks\/wiped-keyed: sequence 20, as the lock blob keeps it \(the key's record is gone\); our sequence is 10\. Going on without the lock /
    await isStale(lock, 10, kept)
    await isStale(lock, 10, kept)
    // A re-run of 20 and a newer run still deploy; the newer one's record is in the folder again.
    await holds(lock, 20)
    await holds(lock, 21)
    assert.deepEqual(await folderOf(locks, lock), ['fencing', `latest/${latestName('', 'production')}`])
    await isStale(lock, 20, /sequence 21\)/)
  })

  it('keeps the guard in the folder when a client that uploads the lock blob again (go-azuremutex) wiped its metadata, and loses it only when both are gone', async () => {
    const lock = 'wiped-both'
    await holds(lock, 20)
    // As go-azuremutex takes a free lock: upload the blob again, without metadata, then lease it and let go.
    const blob = locks.getBlockBlobClient(lock)
    await blob.upload('', 0)
    const go = blob.getBlobLeaseClient()
    await go.acquireLease(15)
    await go.releaseLease()
    await isStale(lock, 10, /octo\/deploy run \d+ \(key "production", sequence 20\)/)
    // Both places gone: what the docs say deleting the folder then loses.
    await deleteFolder(locks, lock)
    const job = keyed(lock, 10)
    assert.equal(mustPass('run 10 main', await job.runMain()).outputs.outcome, 'acquired')
    mustPass('run 10 post', await job.runPost())
    job.complete()
  })

  it('warns of a forged record far above the sequence of the job it makes stale, with the command that deletes it', async () => {
    const lock = 'forged-record'
    await holds(lock, 812)
    const record = locks.getBlockBlobClient(latestName(reservedNames(lock).latestPrefix, 'production'))
    await record.upload('', 0, {
      metadata: holderToMetadata({
        repository: 'evil/repo',
        workflow: 'w',
        job: 'j',
        runId: '1',
        runAttempt: '1',
        actor: 'x',
        runUrl: '',
        acquiredAt: '2026-12-01T00:00:00Z',
        supersedeKey: 'production',
        sequence: String(Number.MAX_SAFE_INTEGER),
      }),
    })
    const main = await isStale(lock, 813, /evil\/repo run 1 \(key "production", sequence 9007199254740991\)/)
    assert.deepEqual(main.warnings, [
      `The record of this job's supersede key on locks/${lock} has the sequence 9007199254740991, far above ours ` +
        '(813): more than 10 times ours and over 1,000,000 more. If no run of the key had it, it was forged, and ' +
        'every job of the key is stale until it is removed: az storage blob delete --account-name devstoreaccount1 ' +
        `--container-name locks --name ${record.name}.`,
    ])
    // An ordinary newer run ahead makes no warning.
    await holds('newer-record', 21)
    const plain = await isStale('newer-record', 15, /sequence 21\)/)
    assert.deepEqual(plain.warnings, [])
  })

  it("fails a keyed job at once in one line when a stranger leases the key's record, asking for no lease and using up no token", async () => {
    const lock = 'record-leased'
    const first = await holds(lock, 1)
    const name = latestName(reservedNames(lock).latestPrefix, 'production')
    const stranger = locks.getBlobClient(name).getBlobLeaseClient(randomUUID())
    await stranger.acquireLease(-1)
    for (let run = 0; run < 2; run++) {
      const job = keyed(lock, 2)
      const main = await job.runMain()
      assert.equal(main.exitCode, 1, main.stdout)
      assert.deepEqual(main.errors, [
        `The record blob locks/${name} of the supersede key "production" is leased by another client; this action ` +
          "never leases it, so it cannot keep the key's newest sequence. Break that lease: az storage blob lease " +
          `break --account-name devstoreaccount1 --container-name locks --blob-name ${name}`,
      ])
      assert.ok(main.durationMs < 10_000, `main failed after ${main.durationMs} ms, not at once`)
      assert.deepEqual(lockLeaseRequests(lock, job), [], 'it never asked for the lease')
      mustPass('post', await job.runPost())
      job.complete()
    }
    const counter = await locks.getBlobClient(reservedNames(lock).fencing).getProperties()
    assert.equal(counter.metadata?.value, first.outputs['fencing-token'], 'no token was used up')
    await stranger.breakLease(0)
    const after = await holds(lock, 2)
    assert.equal(Number(after.outputs['fencing-token']), Number(first.outputs['fencing-token']) + 1)
  })

  it('keeps the number of slots: with slots 2 and 3 held and the counter deleted, a job of one slot gives the lock blob back, and 3-slot jobs go on', async () => {
    const lock = 'wiped-slots'
    const three = (repository: string): Job => jobFor(azurite, repository, lock, { slots: '3' })
    const [a, b, c] = [three('octo/a'), three('octo/b'), three('octo/c')]
    const slots = []
    for (const job of [a, b, c]) slots.push(mustPass('main', await job.runMain()).outputs.slot)
    assert.deepEqual(slots, ['1', '2', '3'])
    mustPass('slot 1 post', await a.runPost())
    await locks.getBlobClient(reservedNames(lock).fencing).delete()
    // Every 50 ms, how many of the lock's blobs are leased: never more than 3.
    let sampling = true
    let most = 0
    const sampler = (async () => {
      while (sampling) {
        most = Math.max(most, leasedCount(await slotLeasesOf(locks, lock)))
        await delay(50)
      }
    })()
    const single = jobFor(azurite, 'octo/single', lock)
    const main = await single.runMain()
    assert.equal(main.exitCode, 1, main.stdout)
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(
      main.errors[0]!,
      /^Lock devstoreaccount1\/locks\/wiped-slots is set up with 3 slots, but this job asks for 1 slot \('slots: 1'\); it gives back the lease it took\. /,
    )
    mustPass('single post', await single.runPost())
    single.complete()
    const counter = await locks.getBlobClient(reservedNames(lock).fencing).getProperties()
    assert.equal(counter.metadata?.azure_mutex_slots, '3', 'the counter was made again with 3 slots')
    // A correctly set-up job takes slot 1 beside the two holders.
    const d = three('octo/d')
    assert.equal(mustPass('d main', await d.runMain()).outputs.slot, '1')
    sampling = false
    await sampler
    assert.ok(most <= 3, `at most 3 of the lock's blobs leased at once (${most})`)
    for (const job of [b, c, d]) mustPass('post', await job.runPost())
    for (const job of [a, b, c, d]) job.complete()
  })

  it('keeps one slot: with a job holding a lock of one slot and the counter deleted, a job of 3 slots takes none', async () => {
    const lock = 'wiped-single'
    const single = jobFor(azurite, 'octo/single', lock)
    mustPass('single main', await single.runMain())
    await locks.getBlobClient(reservedNames(lock).fencing).delete()
    const three = jobFor(azurite, 'octo/three', lock, { slots: '3' })
    const refused = await three.runMain()
    assert.equal(refused.exitCode, 1, refused.stdout)
    assert.match(
      refused.errors.join('\n'),
      /is set up with 1 slot, but this job asks for 3 slots \('slots: 3'\); it takes no lease\./,
    )
    const leases = await slotLeasesOf(locks, lock)
    assert.equal(leasedCount(leases), 1, `only the holder's lease: ${JSON.stringify([...leases])}`)
    mustPass('three post', await three.runPost())
    mustPass('single post', await single.runPost())
    for (const job of [single, three]) job.complete()
  })

  it('keeps the number of slots on the lock blob when the whole folder is deleted while the lock is idle', async () => {
    const lock = 'wiped-idle-slots'
    const job = jobFor(azurite, 'octo/first', lock, { slots: '3' })
    assert.equal(mustPass('first main', await job.runMain()).outputs.slot, '1')
    mustPass('first post', await job.runPost())
    job.complete()
    assert.ok((await deleteFolder(locks, lock)).includes('fencing'), 'the counter that kept the number is gone')
    const props = await locks.getBlobClient(lock).getProperties()
    assert.equal(props.metadata?.azure_mutex_slots, '3', 'the lock blob keeps the number')
    const two = jobFor(azurite, 'octo/two', lock, { slots: '2' })
    const refused = await two.runMain()
    assert.equal(refused.exitCode, 1, refused.stdout)
    assert.match(
      refused.errors.join('\n'),
      /is set up with 3 slots, but this job asks for 2 slots \('slots: 2'\); it takes no lease\./,
    )
    mustPass('two post', await two.runPost())
    two.complete()
    const again = jobFor(azurite, 'octo/again', lock, { slots: '3' })
    mustPass('again main', await again.runMain())
    mustPass('again post', await again.runPost())
    again.complete()
    assert.equal(
      (await locks.getBlobClient(reservedNames(lock).fencing).getProperties()).metadata?.azure_mutex_slots,
      '3',
    )
  })
})
