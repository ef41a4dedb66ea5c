// A waiter of a lock with slots that a holder handed its slot to, but whose
// wait then ends without the lock (here: cancelled), passes that slot on at
// once to the next waiter, whichever slot it is. Without it, a slot 2..N
// handed to a waiter that left sat idle under that waiter's id until the lease
// lapsed (one lease duration), and the next waiter could not take it.
// In-process waiters against Azurite, with the first waiter's looks slowed so
// that it is cancelled before it has seen the slot it was handed.

import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { after, afterEach, before, describe, it } from 'node:test'
import { DEFAULT_PACING } from '../../src/lock/pacing.ts'
import { LockCancelledError } from '../../src/lock/errors.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { letGo } from '../../src/lock/queue/handover.ts'
import { waitForLease, type WaitOptions } from '../../src/lock/waiter.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor } from '../support/lock.ts'

const LEASE_SECONDS = 15

describe('a waiter handed a slot that leaves without it', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  let leftovers = new AbortController()
  afterEach(() => {
    leftovers.abort()
    leftovers = new AbortController()
  })

  async function queued(lock: LockBlob, count: number): Promise<number[]> {
    const deadline = Date.now() + 10_000
    for (;;) {
      const look = await lock.queue.look({})
      const tickets = look.entries.filter((e) => e.leased).map((e) => e.ticket)
      if (tickets.length >= count) return tickets
      assert.ok(Date.now() < deadline, `${tickets.length} of ${count} waiters queued`)
      await delay(50)
    }
  }

  it('passes a handed slot 2 on to the next waiter at once, not after the lease lapses, with never more than 2 holders', async () => {
    const container = containerOn(azurite)
    const name = 'slots-pass-on'
    const lock = new LockBlob(container, name, { slots: 2 })
    const wait = (repository: string, more: Partial<WaitOptions> = {}) =>
      waitForLease({
        lock,
        spec: { leaseDurationSeconds: LEASE_SECONDS },
        holder: holderFor(repository),
        signal: leftovers.signal,
        ...more,
      })
    const first = await wait('octo/first')
    const second = await wait('octo/second')
    assert.deepEqual([first.slot, second.slot].sort(), [1, 2], 'the two holders hold both slots')
    const onSlot2 = first.slot === 2 ? first : second
    const onSlot1 = first.slot === 2 ? second : first

    // The head looks once a minute: it is cancelled before it looks again, so it never sees the slot it is handed.
    const cancel = new AbortController()
    const head = wait('octo/head', {
      signal: AbortSignal.any([cancel.signal, leftovers.signal]),
      pacing: { ...DEFAULT_PACING, headPollMs: [60_000, 60_000], onDeckPollMs: [60_000, 60_000] },
    })
    const [headTicket] = await queued(lock, 1)
    const next = wait('octo/next')
    await queued(lock, 2)

    const slot2 = new LockBlob(container, name, { slots: 2, slot: 2 })
    const handed = await letGo(slot2, onSlot2.leaseId)
    assert.equal(handed.outcome, 'handed-over')
    assert.equal(handed.outcome === 'handed-over' && handed.to.ticket, headTicket, 'slot 2 went to the head')
    assert.equal((await slot2.view()).state, 'leased', 'never free')

    const cancelledAt = Date.now()
    cancel.abort()
    await assert.rejects(head, LockCancelledError)
    const got = await next
    const idleMs = Date.now() - cancelledAt
    assert.equal(got.slot, 2, 'the next waiter holds the slot the head was handed')
    assert.ok(idleMs < 5_000, `the next waiter held slot 2 ${idleMs} ms after the head left (a lapse takes 15 s)`)
    // Two holders, not three: slot 1's holder still renews, and the head holds nothing.
    await lock.renew(onSlot1.leaseId)
    await assert.rejects(slot2.renew(onSlot2.leaseId), 'the first holder of slot 2 lost it at the change')
    const slots = await lock.slotted!.look({})
    assert.deepEqual(
      slots.slots.map((s) => s.state),
      ['leased', 'leased'],
    )
    await slot2.release(got.leaseId)
    await lock.release(onSlot1.leaseId)
  })
})
