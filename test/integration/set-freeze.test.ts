// Setting a freeze against Azurite (lock/deploy/hold.ts): the hold's record is
// built where a failure gives the lease back, so a freeze that cannot be set
// leaves no lease behind, whatever stopped it.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { setFreeze, type HoldEnd } from '../../src/lock/deploy/hold.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor } from '../support/lock.ts'

const WHO = { repository: 'octo/ops', runId: '7', runUrl: '', actor: 'mona' }

describe('setting a freeze', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  async function freezeFor(end: HoldEnd): Promise<{ lock: LockBlob; set: Promise<unknown> }> {
    const lock = new LockBlob(containerOn(azurite), 'production-deploy')
    await lock.create()
    const leaseId = randomUUID()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    const holder = { ...holderFor('octo/ops'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(leaseId, holder)
    const spec = {
      lock: { endpoint: '', container: '', lockName: '', leaseDurationSeconds: 15 },
      reason: 'freeze',
      end,
    }
    return { lock, set: setFreeze(lock, WHO, spec, { leaseId, holder, acquiredAt: new Date(), fencingToken: 1 }) }
  }

  it('makes the lease an infinite one with the record, for an end an hour away', async () => {
    const { lock, set } = await freezeFor({ kind: 'for', ms: 3_600_000 })
    await set
    const view = await lock.view()
    assert.equal(view.state === 'leased' && view.infinite, true)
    assert.equal(view.state === 'leased' && view.hold?.reason, 'freeze')
  })

  it('gives the lease back when the record cannot be built (an end past any date), and throws', async () => {
    // The readers refuse such an end (a year at most); the core does not leave a lease behind either way.
    const { lock, set } = await freezeFor({ kind: 'for', ms: 8_640_000_000_000_000 })
    await assert.rejects(set, RangeError)
    assert.equal((await lock.view()).state, 'free', 'the lease was given back at once, not left to lapse')
  })
})
