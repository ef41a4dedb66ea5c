// A head that has just been handed the lease but whose wait then ends without
// the lock (here: it turns out stale) passes the lease on at once, to the next
// head, instead of leaving the lock idle until the handed lease lapses. The
// built action through the runner stand-in, against Azurite behind the fault
// proxy, whose lease-id log shows where the lease went; 15 s leases.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { LatestBlobs } from '../../src/lock/deploy/latest-blobs.ts'
import type { Azurite } from '../support/azurite.ts'
import {
  CRITICAL,
  grantedOnLock,
  mustPass,
  servedInTurn,
  untilWaiting,
  withProxiedStorage,
  type ProxiedStorage,
} from '../support/e2e.ts'
import type { FaultProxy } from '../support/fault-proxy.ts'
import { holderFor } from '../support/lock.ts'
import { newSpanFile } from '../support/spans.ts'

const LEASE_MS = 15_000

describe('a head handed the lease that then leaves without the lock', () => {
  let azurite: Azurite
  let proxy: FaultProxy
  let locks: ContainerClient
  let proxied: ProxiedStorage['proxied']
  withProxiedStorage((storage) => ({ azurite, proxy, locks, proxied } = storage))

  it('hands a lease it was just handed, as a stale head, straight to the next head: no overlap, no idle lease', async () => {
    const lock = 'handed-then-stale'
    const key = 'octo/app/production'
    const spans = newSpanFile('handover-gaps-')

    const holder = proxied('octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    // The head: a job of the key with sequence 10. Behind it, a job without a key.
    const stale = proxied('octo/stale', lock, { 'supersede-key': key, sequence: '10' })
    const staleRun = stale.runMain()
    await untilWaiting(azurite, lock, 'octo/stale')
    const next = proxied('octo/next', lock)
    const nextRun = next.runMain()
    await untilWaiting(azurite, lock, 'octo/next')
    // Meanwhile a newer run of the key (sequence 20) has held the lock: its record says so.
    // The head reads the record only just before it takes the lock, which is after the handover.
    const record = {
      ...holderFor('octo/newer'),
      acquiredAt: new Date().toISOString(),
      supersedeKey: key,
      sequence: '20',
    }
    assert.equal(await new LatestBlobs(locks, lock, 5_000).write(key, record, undefined), 'written')

    mustPass('holder step', await holder.runScript(CRITICAL, { SPANS: spans }))
    const holderPost = mustPass('holder post', await holder.runPost())
    const staleMain = mustPass('stale main', await staleRun)
    assert.equal(staleMain.outputs.outcome, 'stale', staleMain.stdout)
    assert.equal(staleMain.outputs.acquired, 'false')
    const nextMain = mustPass('next main', await nextRun)
    mustPass('next step', await next.runScript(CRITICAL, { SPANS: spans }))
    mustPass('next post', await next.runPost())

    assert.deepEqual(servedInTurn(spans), ['octo/holder', 'octo/next'], 'one at a time')
    // Where the lease went: the holder changed it to the stale head's id, which never acquired it,
    // and the stale head changed it on to the next job's id, which then acquired with it.
    const staleId = stale.state['proposed-lease-id']
    const nextId = next.state['proposed-lease-id']
    assert.ok(staleId && nextId, 'both jobs saved the lease id they would propose')
    const granted = grantedOnLock(proxy, lock, holderPost.startedAt).map((r) =>
      `${r.kind} ${r.proposedLeaseId ?? ''}`.trim(),
    )
    assert.deepEqual(
      granted.slice(0, 3),
      [`change ${staleId}`, `change ${nextId}`, `acquire ${nextId}`],
      granted.join('\n'),
    )
    // Not idle until the handed lease lapsed: the next job held well within one lease duration of the holder's post.
    const idleMs = nextMain.endedAt - holderPost.endedAt
    assert.ok(idleMs < LEASE_MS / 2, `the next job held ${idleMs} ms after the holder let go`)
  })

  // A job whose queue entry's delete storage refuses (every try) as it takes the lock must not hold with its entry
  // left behind: still leased, the entry looks like the head of the line, and a later holder would hand it the
  // lease, where nobody takes it, leaving the lock idle until the lease lapses.
  it("hands the lease on in line when a job's entry delete was refused as it took the lock: never to that entry", async () => {
    const lock = 'entry-left-behind'
    const spans = newSpanFile('handover-gaps-')
    const holder = proxied('octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    const jobs = ['octo/b', 'octo/c', 'octo/d'].map((repository) => ({ repository, job: proxied(repository, lock) }))
    const mains = []
    for (const { repository, job } of jobs) {
      mains.push(job.runMain())
      await untilWaiting(azurite, lock, repository)
    }
    // The first entry delete from now on is b's, as it takes the lock: every try of it is refused (3 a request).
    let refused = 0
    const entryDelete = (method?: string, url = ''): boolean => method === 'DELETE' && url.includes('/queue/')
    proxy.set({
      failIf: (req) => entryDelete(req.method, decodeURIComponent(req.url ?? '')) && refused < 3 && ++refused > 0,
    })

    const posts = []
    let holderPost
    try {
      mustPass('holder step', await holder.runScript(CRITICAL, { SPANS: spans }))
      holderPost = mustPass('holder post', await holder.runPost())
      for (const [i, { repository, job }] of jobs.entries()) {
        mustPass(`${repository} main`, await mains[i]!)
        mustPass(`${repository} step`, await job.runScript(CRITICAL, { SPANS: spans }))
        posts.push(mustPass(`${repository} post`, await job.runPost()))
      }
    } finally {
      proxy.set({})
    }
    assert.equal(refused, 3, "every try of b's entry delete was refused")
    assert.deepEqual(servedInTurn(spans), ['octo/holder', 'octo/b', 'octo/c', 'octo/d'], 'one at a time, in line')
    const ids = jobs.map(({ job }) => job.state['proposed-lease-id'])
    const granted = grantedOnLock(proxy, lock, holderPost.startedAt).map((r) =>
      `${r.kind} ${r.proposedLeaseId ?? ''}`.trim(),
    )
    // Each job is handed the lease once and takes it; then the last one releases. Never a second change to b.
    assert.deepEqual(
      granted.filter((g) => g.startsWith('change')),
      ids.map((id) => `change ${id}`),
      granted.join('\n'),
    )
    const idleMs = (await mains[2]!).endedAt - posts[1]!.startedAt
    assert.ok(idleMs < LEASE_MS / 2, `d held ${idleMs} ms after c's post began`)
  })
})
