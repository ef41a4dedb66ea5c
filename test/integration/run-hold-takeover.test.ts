// Taking over a run's hold (lock/deploy/run-hold.ts) against Azurite, where
// several jobs of the run try at once: Azure's change of the hold's lease id
// lets exactly one in, through the store and through the waiter, which keeps
// the run's fencing token, and the others go on waiting; a job of another run
// never takes it over.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, afterEach, before, describe, it } from 'node:test'
import { runHoldRecord } from '../../src/lock/deploy/run-hold.ts'
import { LockTimeoutError } from '../../src/lock/errors.ts'
import type { LockBlob } from '../../src/lock/lock-blob.ts'
import { waitForLease, type Acquired, type WaitEvent } from '../../src/lock/waiter.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { holderFor, lockOn } from '../support/lock.ts'

const RUN = { ...holderFor('octo/app'), runId: '4242' }

describe("taking over a run's hold", () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  let leftovers = new AbortController()
  afterEach(() => {
    leftovers.abort()
    leftovers = new AbortController()
  })

  /** A lock that a job of RUN held with fencing token 7 and kept for the run's next job, as post leaves it. */
  async function keptForRun(): Promise<{ lock: LockBlob; holdLeaseId: string }> {
    const lock = lockOn(azurite)
    await lock.create()
    const holdLeaseId = randomUUID()
    assert.equal(await lock.acquire(holdLeaseId, 15), 'acquired')
    const holder = { ...RUN, job: 'plan', acquiredAt: new Date().toISOString() }
    await lock.writeHolder(holdLeaseId, holder)
    const spec = { endpoint: '', container: '', lockName: '', leaseDurationSeconds: 15, runHoldMs: 600_000 }
    const record = runHoldRecord(spec, RUN, { leaseId: holdLeaseId, fencingToken: 7 }, new Date())
    await lock.placeHold(holdLeaseId, holder, record)
    return { lock, holdLeaseId }
  }

  it('five takeovers at once: Azure lets exactly one in, under its own id', async () => {
    const { lock, holdLeaseId } = await keptForRun()
    const ids = Array.from({ length: 5 }, () => randomUUID())
    const outcomes = await Promise.all(ids.map((id) => lock.takeOverHold(holdLeaseId, id, 15)))
    assert.equal(outcomes.filter((o) => o === 'taken').length, 1, outcomes.join(', '))
    const winner = ids[outcomes.indexOf('taken')]!
    await lock.renew(winner)
    for (const id of ids.filter((id) => id !== winner)) await assert.rejects(lock.renew(id), `${id} holds nothing`)
    await lock.release(winner)
  })

  it('two waiting jobs of the run: one takes it over with the run token, the other waits on; another run never does', async () => {
    const { lock } = await keptForRun()
    const events: WaitEvent[] = []
    const waitAs = (job: string, runId = RUN.runId) =>
      waitForLease({
        lock,
        spec: { leaseDurationSeconds: 15, runHoldMs: 600_000 },
        holder: { ...RUN, runId, job },
        timeoutMs: 3_000,
        signal: leftovers.signal,
        onEvent: (e) => events.push(e),
      })
    const settled = await Promise.allSettled([waitAs('leg-1'), waitAs('leg-2'), waitAs('stranger', '9999')])
    const [first, second, stranger] = settled
    const taken = [first, second].filter((s): s is PromiseFulfilledResult<Acquired> => s.status === 'fulfilled')
    assert.equal(taken.length, 1, 'one of the two takes it over')
    const got = taken[0]!.value
    assert.equal(got.fencingToken, 7, "the run's fencing token, not a new one")
    assert.equal(got.tookOver?.scope, 'run')
    const refused = [first, second].find((s) => s.status === 'rejected')
    assert.ok(refused?.status === 'rejected' && refused.reason instanceof LockTimeoutError, 'the other waited on')
    assert.ok(stranger.status === 'rejected' && stranger.reason instanceof LockTimeoutError, 'another run does not')
    assert.equal(events.filter((e) => e.type === 'hold-taken-over').length, 1)
    const view = await lock.view()
    assert.equal(view.state === 'leased' && view.holder?.job, got.holder.job)
    assert.equal(view.state === 'leased' && view.hold, undefined, 'an ordinary lease now, with our record')
    await lock.renew(got.leaseId)
    assert.equal(await lock.release(got.leaseId), 'released')
  })
})
