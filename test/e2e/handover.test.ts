// Handover, end to end: a holder that lets go while jobs are queued changes
// its lease to the head's published id instead of releasing it, so the lock is
// never free between two queued holders. Proven two ways: a lease-id log of
// every request through a proxy (each handover is a change to the id the next
// holder then acquires with, and the only release is the last job's), and a
// look at the lease state every few milliseconds from outside. The built
// action through the runner emulator, against Azurite, with 15 s leases.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { ChildProcess } from 'node:child_process'
import type { ContainerClient } from '@azure/storage-blob'
import { NEXT_LEASE_KEY } from '../../src/lock/metadata.ts'
import { reservedNames } from '../../src/lock/reserved.ts'
import type { Azurite } from '../support/azurite.ts'
import {
  CRITICAL,
  grantedOnLock,
  jobFor,
  mustPass,
  servedInTurn,
  untilWaiting,
  withProxiedStorage,
  type ProxiedStorage,
} from '../support/e2e.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { newSpanFile } from '../support/spans.ts'
import type { Job, StepResult } from '../support/runner.ts'

const LEASE_MS = 15_000

describe('handing the lease to the head of the queue', () => {
  let azurite: Azurite
  let proxy: FaultProxy
  let locks: ContainerClient
  let proxied: ProxiedStorage['proxied']
  withProxiedStorage((storage) => ({ azurite, proxy, locks, proxied } = storage))

  /** Jobs that each wait, run the critical step and post; started one after another, each once the last has queued. */
  async function queueUp(
    lockName: string,
    repositories: string[],
    spans: string,
    make: (repository: string) => Job,
    onSpawn?: (repository: string, child: ChildProcess) => void,
  ): Promise<Array<Promise<{ main: StepResult; post: StepResult | undefined }>>> {
    const runs = []
    for (const repository of repositories) {
      const job = make(repository)
      runs.push(
        (async () => {
          const main = await job.runMain({ onSpawn: (child) => onSpawn?.(repository, child) })
          if (main.exitCode !== 0) return { main, post: undefined }
          mustPass(`${repository} step`, await job.runScript(CRITICAL, { SPANS: spans }))
          const post = mustPass(`${repository} post`, await job.runPost())
          return { main, post }
        })(),
      )
      await untilWaiting(azurite, lockName, repository)
    }
    return runs
  }

  /** Looks at the lease state every few ms from outside until stopped: every state seen, with when. */
  function watchLease(lockName: string): { stop: () => Promise<Array<{ at: number; state: string | undefined }>> } {
    const seen: Array<{ at: number; state: string | undefined }> = []
    let running = true
    const blob = locks.getBlobClient(lockName)
    const loop = (async () => {
      while (running) {
        const props = await blob.getProperties().catch(() => undefined)
        seen.push({ at: Date.now(), state: props?.leaseState })
        await delay(5)
      }
    })()
    return {
      stop: async () => {
        running = false
        await loop
        return seen
      },
    }
  }

  /**
   * A holder through the proxy, and queued behind it (in this order, through the
   * proxy) a head that the test will kill, org-dies/service, and the next job,
   * org-next/service; with the head's main step process, to kill.
   */
  async function holderWithDoomedHead(lock: string) {
    const spans = newSpanFile('handover-')
    const holder = proxied('octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    const children = new Map<string, ChildProcess>()
    const runs = await queueUp(
      lock,
      ['org-dies/service', 'org-next/service'],
      spans,
      (repository) => proxied(repository, lock),
      (repository, child) => children.set(repository, child),
    )
    return { spans, holder, runs, head: children.get('org-dies/service')! }
  }

  it('hands the lease from a holder through three queued jobs by changes, never leaving the lock free between them', async () => {
    const lock = 'handed-along'
    const spans = newSpanFile('handover-')
    const holder = proxied('octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    const repositories = ['org-a/service', 'org-b/service', 'org-c/service']
    const runs = await queueUp(lock, repositories, spans, (repository) => proxied(repository, lock))
    const watch = watchLease(lock)
    const holderPost = mustPass('holder post', await holder.runPost())
    const served = await Promise.all(runs)
    const seen = await watch.stop()

    assert.deepEqual(servedInTurn(spans), repositories, 'served in the order they arrived, one at a time')

    // The lease-id log: acquire by the holder, then for each queued job a change to the id it then acquires with.
    const granted = grantedOnLock(proxy, lock).filter((r) => r.kind !== 'acquire' || r.at >= holderPost.startedAt)
    const changes = granted.filter((r) => r.kind === 'change')
    const releases = granted.filter((r) => r.kind === 'release')
    assert.equal(changes.length, 3, `every handover is a change: ${granted.map((r) => r.kind).join(', ')}`)
    assert.equal(releases.length, 1, 'one release: the last job, with nobody waiting')
    assert.ok(releases[0]!.at > changes.at(-1)!.at, 'the release comes after the last handover')
    for (const [i, change] of changes.entries()) {
      // The next holder's acquire names the id the lease was changed to: it already held the lease.
      const taken = granted.find((r) => r.kind === 'acquire' && r.at > change.at)
      assert.ok(taken, `a job took the lease after handover ${i + 1}`)
      assert.equal(
        taken.proposedLeaseId,
        change.proposedLeaseId,
        `handover ${i + 1} went to the job that took the lock`,
      )
      assert.ok(!granted.some((r) => r.kind === 'release' && r.at > change.at && r.at < taken.at))
    }

    // From outside: from the holder's post until the last job's post, the lease was never anything but leased.
    const lastPost = served.at(-1)!.post!
    const between = seen.filter((s) => s.at > holderPost.startedAt && s.at < lastPost.startedAt)
    assert.ok(between.length > 50, `the lease was looked at ${between.length} times`)
    const free = between.filter((s) => s.state !== 'leased')
    assert.deepEqual(free, [], 'the lock was never free between queued holders')
    for (const [i, { main }] of served.entries()) mustPass(`${repositories[i]} main`, main)
  })

  // A process's first listing is slow (its answer's code is cold), and letting go lists the queue on the path of
  // every handoff: the renewer makes that listing once, early, and only once.
  it("has the holder's renewer list the queue once, a second into the hold, and not again before letting go", async () => {
    const holder = proxied('octo/early-look', 'renewer-looks-once')
    const main = mustPass('holder main', await holder.runMain())
    await delay(4_000)
    const listings = proxy.log.filter((r) => r.by === 'renewer' && r.kind === 'list' && r.at >= main.endedAt)
    assert.equal(listings.length, 1, listings.map((r) => `${r.at - main.endedAt} ms`).join(', '))
    const afterMs = listings[0]!.at - main.endedAt
    assert.ok(afterMs >= 500 && afterMs <= 3_000, `listed ${afterMs} ms after main ended`)
    mustPass('holder post', await holder.runPost())
    holder.complete()
  })

  it('gives a client that does not queue, polling every 20 ms, no turn while jobs are queued, and the lock once the queue is empty', async () => {
    const lock = 'outsider'
    const spans = newSpanFile('handover-')
    const holder = jobFor(azurite, 'octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    const repositories = Array.from({ length: 5 }, (_, i) => `org-${i}/service`)
    const runs = await queueUp(lock, repositories, spans, (repository) => jobFor(azurite, repository, lock))

    // The foreign client: acquire with its own id every 20 ms; on success hold 50 ms, release, and go on.
    const turns: Array<{ from: number; to: number }> = []
    let polling = true
    const lease = locks.getBlobClient(lock).getBlobLeaseClient(randomUUID())
    const foreign = (async () => {
      while (polling) {
        const from = Date.now()
        const got = await lease.acquireLease(15).then(
          () => true,
          () => false,
        )
        if (got) {
          await delay(50)
          await lease.releaseLease()
          turns.push({ from, to: Date.now() })
        }
        await delay(20)
      }
    })()

    mustPass('holder post', await holder.runPost())
    const served = await Promise.all(runs)
    const lastPostEnd = served.at(-1)!.post!.endedAt
    const deadline = Date.now() + 5_000
    while (!turns.some((t) => t.from >= lastPostEnd - 1_000) && Date.now() < deadline) await delay(20)
    polling = false
    await foreign

    assert.deepEqual(servedInTurn(spans), repositories, 'the queued jobs were served in turn')
    const lastPostStart = served.at(-1)!.post!.startedAt
    const early = turns.filter((t) => t.to <= lastPostStart)
    assert.deepEqual(early, [], 'the foreign client got no turn while a job was queued or holding')
    assert.ok(turns.length >= 1, 'the foreign client got the lock once the queue was empty')
  })

  it('hands the lease to a head that was killed just before: the lock is free again within one lease duration, and the next job gets it', async () => {
    const lock = 'dead-head'
    const { spans, holder, runs, head } = await holderWithDoomedHead(lock)
    // The head dies: its entry's lease lives on until it lapses, and the holder hands the lease to its id.
    head.kill('SIGKILL')
    const holderPost = mustPass('holder post', await holder.runPost())
    const [dead, next] = await Promise.all(runs)
    assert.notEqual(dead!.main.exitCode, 0, 'the killed head took no turn')
    mustPass('next main', next!.main)

    const granted = grantedOnLock(proxy, lock).filter((r) => r.at >= holderPost.startedAt)
    const change = granted.find((r) => r.kind === 'change')
    assert.ok(change, 'the holder handed the lease over')
    const taken = granted.find((r) => r.kind === 'acquire' && r.at > change.at)!
    assert.ok(taken.proposedLeaseId && change.proposedLeaseId)
    assert.notEqual(taken.proposedLeaseId, change.proposedLeaseId, 'the next job took the lock under its own id')
    const freeAfterMs = taken.at - change.at
    assert.ok(freeAfterMs <= LEASE_MS + 5_000, `the next job got the lock ${freeAfterMs} ms after the handover`)
    assert.deepEqual(servedInTurn(spans), ['org-next/service'], 'one holder at a time')
    // The holder let go honestly: its post passed, and says it released.
    assert.ok(
      holderPost.lines.some((l) => /released/i.test(l)),
      holderPost.stdout,
    )
  })

  it('hands the lease to a head that dies just after, before its acquire reaches storage: never two holders, and the lock is free again within one lease duration', async () => {
    const lock = 'head-dies-after'
    const { spans, holder, runs, head } = await holderWithDoomedHead(lock)
    // The head's published id, from its entry: its acquire with that id is held at the proxy, unanswered.
    let headId: string | undefined
    for await (const blob of locks.listBlobsFlat({ prefix: reservedNames(lock).queuePrefix, includeMetadata: true })) {
      if (blob.metadata?.holder_repository === 'org-dies/service') headId = blob.metadata[NEXT_LEASE_KEY]
    }
    assert.ok(headId, 'the head published its id')
    proxy.set({
      hold: (req) => req.headers['x-ms-lease-action'] === 'acquire' && req.headers['x-ms-proposed-lease-id'] === headId,
    })
    try {
      const post = holder.runPost()
      // The head dies once the lease is its own: just after the handover.
      const deadline = Date.now() + 20_000
      while (!proxy.log.some((r) => r.kind === 'change' && r.proposedLeaseId === headId && r.status === 200)) {
        assert.ok(Date.now() < deadline, 'the holder handed the lease to the head')
        await delay(5)
      }
      const handedAt = Date.now()
      head.kill('SIGKILL')
      mustPass('holder post', await post)
      const [dead, next] = await Promise.all(runs)
      assert.notEqual(dead!.main.exitCode, 0, 'the killed head took no turn')
      mustPass('next main', next!.main)
      const freeAfterMs = next!.main.endedAt - handedAt
      assert.ok(freeAfterMs <= LEASE_MS + 5_000, `the next job held the lock ${freeAfterMs} ms after the handover`)
      assert.deepEqual(servedInTurn(spans), ['org-next/service'], 'one holder at a time')
    } finally {
      proxy.set({})
    }
  })

  it("hands the lease over while the head's network is stalled: it takes the lock once the network is back, the lock never free and never held twice", async () => {
    const lock = 'head-stalls'
    const spans = newSpanFile('handover-')
    const headProxy = await new FaultProxy(azurite.port).start()
    try {
      const holder = proxied('octo/holder', lock)
      mustPass('holder main', await holder.runMain())
      const runs = await queueUp(lock, ['org-stalls/service'], spans, (repository) =>
        jobFor(azurite, repository, lock, { 'connection-string': headProxy.connectionString }),
      )
      const watch = watchLease(lock)
      headProxy.set({ drop: true })
      const holderPost = mustPass('holder post', await holder.runPost())
      assert.ok(
        grantedOnLock(proxy, lock).some((r) => r.kind === 'change' && r.at >= holderPost.startedAt),
        'the holder handed the lease over while the head could not be reached',
      )
      await delay(3_000)
      headProxy.set({})
      const [head] = await Promise.all(runs)
      mustPass('head main', head!.main)
      const seen = await watch.stop()
      const between = seen.filter((s) => s.at > holderPost.startedAt && s.at < head!.post!.startedAt)
      assert.deepEqual(
        between.filter((s) => s.state !== 'leased'),
        [],
        'the lock was never free between the holders',
      )
      assert.deepEqual(servedInTurn(spans), ['org-stalls/service'])
      // Both posts report honestly: the holder released, the head held and released without a loss.
      assert.deepEqual(head!.post!.errors, [])
    } finally {
      await headProxy.stop()
    }
  })
})
