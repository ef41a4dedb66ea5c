// Who a holder hands the lease to, from a listing of the queue: pure logic.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { handedToTicket, handoverTarget, publishLeaseId, publishedLeaseId } from '../../src/lock/queue/handover.ts'
import { NEXT_LEASE_KEY } from '../../src/lock/metadata.ts'
import type { QueueEntry } from '../../src/lock/queue/entry.ts'

const NOW = new Date('2026-11-30T12:00:00Z')
const ID = (n: number): string => `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`

function entry(ticket: number, fields: Partial<QueueEntry> = {}): QueueEntry {
  return { ticket, leased: true, modifiedAt: NOW, waiter: undefined, nextLeaseId: ID(ticket), ...fields }
}

describe('the handover target', () => {
  it('is the head of the queue, with the id it published', () => {
    const target = handoverTarget({ entries: [entry(3), entry(4)], serviceNow: NOW, complete: true })
    assert.deepEqual(target && { ticket: target.ticket, leaseId: target.leaseId }, { ticket: 3, leaseId: ID(3) })
  })

  it('steps over lapsed entries and squatters, which are no waiters', () => {
    const lapsed = entry(1, { leased: false, modifiedAt: new Date(NOW.getTime() - 60_000) })
    const squatter = entry(2, { infinite: true })
    const target = handoverTarget({ entries: [lapsed, squatter, entry(5)], serviceNow: NOW, complete: true })
    assert.equal(target?.ticket, 5)
  })

  it('is nobody when the head published no id: the entry behind it is never served out of turn', () => {
    const older = entry(3, { nextLeaseId: undefined })
    assert.equal(handoverTarget({ entries: [older, entry(4)], serviceNow: NOW, complete: true }), undefined)
  })

  it("steps over the holder's own entry, left over when its delete failed: the lease would stay under its own id", () => {
    const look = { entries: [entry(3), entry(4)], serviceNow: NOW, complete: true }
    assert.equal(handoverTarget(look, ID(3))?.ticket, 4)
    assert.equal(handoverTarget(look, ID(3).toUpperCase())?.ticket, 4, 'whatever the case of the id')
    assert.equal(handoverTarget({ ...look, entries: [entry(3)] }, ID(3)), undefined, 'nobody else waits: released')
    assert.equal(handoverTarget(look, ID(9))?.ticket, 3, 'another id changes nothing')
  })

  it('is nobody when the head is still joining (its entry has no lease yet), or nobody waits', () => {
    const joining = entry(3, { leased: false })
    assert.equal(handoverTarget({ entries: [joining, entry(4)], serviceNow: NOW, complete: true }), undefined)
    assert.equal(handoverTarget({ entries: [], serviceNow: NOW, complete: true }), undefined)
  })
})

describe('the published id and the handover mark', () => {
  it('reads back the id an entry publishes, whatever the key case', () => {
    assert.equal(publishedLeaseId(publishLeaseId(ID(1))), ID(1))
    assert.equal(publishedLeaseId({ [NEXT_LEASE_KEY.toUpperCase()]: ID(2).toUpperCase() }), ID(2))
  })

  it('takes only a GUID from an entry: anything else is untrusted text, never proposed to Azure', () => {
    assert.equal(publishedLeaseId({ [NEXT_LEASE_KEY]: 'not-a-lease-id' }), undefined)
    assert.equal(publishedLeaseId({ [NEXT_LEASE_KEY]: `${ID(1)}\n::error::x` }), undefined)
    assert.equal(publishedLeaseId(undefined), undefined)
  })

  it('reads the ticket of the mark only when it is a whole number', () => {
    assert.equal(handedToTicket({ azure_mutex_handed_to: '42' }), 42)
    assert.equal(handedToTicket({ azure_mutex_handed_to: '4x' }), undefined)
    assert.equal(handedToTicket({}), undefined)
  })
})
