// The storage contract: what the waiter, letting go and the slots rely on
// from a LockStore, as cases that run against every implementation
// (test/integration/store-contract.test.ts runs them on FakeStore and on
// LockBlob over Azurite), so that the fake the unit tests use cannot drift
// from what storage does.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { BreakRecord } from '../../src/lock/break-record.ts'
import type { HoldRecord } from '../../src/lock/deploy/hold.ts'
import { LockSupersededError } from '../../src/lock/deploy/latest.ts'
import { FENCING_KEY, type HolderIdentity, type HolderRecord } from '../../src/lock/holder.ts'
import { letGo, type HandoverTarget, type LetGoOutcome } from '../../src/lock/queue/handover.ts'
import { SLOTS_KEY, SlotsMismatchError } from '../../src/lock/queue/slots.ts'
import type { LeaseView, LockStore } from '../../src/lock/store.ts'

/** One lock of the implementation under test, on storage of its own. */
export interface ContractLock {
  /** A client of the lock, as one job opens it; `slots` as that job asks. */
  open(options?: { slots?: number }): LockStore
  /** Turns the lease `leaseId` into a hold, as the hold step does (LockBlob.placeHold). */
  placeHold(store: LockStore, leaseId: string, holder: HolderRecord, hold: HoldRecord): Promise<void>
  /** Breaks the lease on a queue entry at once, as a waiter's that stopped renewing ends. */
  breakEntry(ticket: number): Promise<void>
  /** Lets `ms` pass for every lease (the fake moves its leases' ends; storage is waited for). */
  elapse(ms: number): Promise<void>
}

export interface ContractCase {
  name: string
  run(lock: ContractLock): Promise<void>
}

export function who(repository: string, extra: Partial<HolderIdentity> = {}): HolderIdentity {
  return {
    repository,
    workflow: 'deploy',
    job: 'deploy',
    runId: '7',
    runAttempt: '1',
    actor: 'mona',
    runUrl: `https://github.com/${repository}/actions/runs/7`,
    ...extra,
  }
}

function record(repository: string, extra: Partial<HolderRecord> = {}): HolderRecord {
  return { ...who(repository), acquiredAt: '2026-12-08T02:00:00.000Z', leaseSeconds: '15', ...extra }
}

function holdOf(leaseId: string, until: string): HoldRecord {
  return {
    scope: 'freeze',
    reason: 'release freeze',
    setBy: 'mona',
    repository: 'octo/api',
    runId: '7',
    runUrl: 'https://github.com/octo/api/actions/runs/7',
    setAt: '2026-12-08T01:00:00.000Z',
    until,
    leaseId,
    fencingToken: '3',
  }
}

const NOTE: BreakRecord = {
  repository: 'octo/next',
  runId: '8',
  runUrl: 'https://github.com/octo/next/actions/runs/8',
  actor: 'mona',
  reason: 'the hold reached its end',
  brokenAt: '2026-12-08T02:00:00.000Z',
  holderRepository: 'octo/api',
  holderRunId: '7',
  holderAcquiredAt: '2026-12-08T01:00:00.000Z',
}

function leased(view: LeaseView): Extract<LeaseView, { state: 'leased' }> {
  assert.equal(view.state, 'leased', `the lock is leased (it is ${view.state})`)
  return view as Extract<LeaseView, { state: 'leased' }>
}

/** Lets go as the renewer and the command do (handover.ts letGo): the look at the queue, then the store's letGo. */
function lettingGo(store: LockStore, leaseId: string): Promise<LetGoOutcome> {
  assert.ok(store.letGo, 'the store lets go')
  const handoverLook = store.handoverLook?.bind(store)
  return letGo(
    { queue: store.queue, ...(handoverLook ? { handoverLook } : {}), letGo: store.letGo.bind(store) },
    leaseId,
  )
}

/** A created lock whose lease `store` holds under a new id, with a holder record. */
async function held(store: LockStore, repository = 'octo/api'): Promise<string> {
  await store.create()
  const leaseId = randomUUID()
  assert.equal(await store.acquire(leaseId, 15), 'acquired')
  await store.writeHolder(leaseId, record(repository))
  return leaseId
}

/** An entry of `ticket` for a waiter that will hold the lock under `nextLeaseId`. */
async function entered(store: LockStore, repository: string, nextLeaseId: string, priority?: 'high') {
  const { ticket } = await store.queue.claimTicket()
  const leaseId = randomUUID()
  assert.equal(await store.queue.enter(ticket, who(repository), leaseId, 15, {}, nextLeaseId, priority), 'entered')
  return { ticket, leaseId, nextLeaseId }
}

export const CONTRACT: ContractCase[] = [
  {
    name: 'a lock that was never created is missing; create makes its container and blob once, and it is then free',
    async run(lock) {
      const store = lock.open()
      assert.deepEqual(await store.view(), { state: 'missing' })
      assert.equal(await store.acquire(randomUUID(), 15), 'missing', 'no lease on a missing blob')
      assert.equal(await store.create(), 'container')
      assert.equal(await store.create(), 'nothing', 'creating again changes nothing')
      assert.deepEqual(await store.view(), { state: 'free', staleHolder: undefined })
    },
  },
  {
    name: 'create makes the blob alone when its container exists (another slot made it), and no entry goes in without one',
    async run(lock) {
      const store = lock.open({ slots: 2 })
      assert.equal(await store.queue.enter(1, who('octo/api'), randomUUID(), 15), 'missing', 'no container: no entry')
      assert.equal(await store.create(), 'container')
      const two = store.slotted!.open(2)
      assert.deepEqual(await two.view(), { state: 'missing' })
      assert.equal(await two.create(), 'blob')
      assert.equal(await two.create(), 'nothing')
      assert.deepEqual(await two.view(), { state: 'free', staleHolder: undefined })
    },
  },
  {
    name: 'one lease at a time: acquired, held by another, and our own id acquires again',
    async run(lock) {
      const store = lock.open()
      const other = lock.open()
      await store.create()
      const first = randomUUID()
      assert.equal(await store.acquire(first, 15), 'acquired')
      assert.equal(await other.acquire(randomUUID(), 15), 'held-by-other')
      assert.equal(await other.acquire(first, 15), 'acquired', 'the same id is the same lease')
      assert.ok(store.grantedAt instanceof Date, 'the grant is dated by the service')
      const view = leased(await store.view())
      assert.equal(view.holder, undefined, 'no record yet')
      assert.equal(view.infinite, false)
      assert.equal(view.handedTo, undefined)
      assert.equal(view.hold, undefined)
      assert.ok(view.serviceNow instanceof Date && view.modifiedAt instanceof Date)
    },
  },
  {
    name: 'an infinite lease shows as infinite, and a record on it that is no hold shows no hold',
    async run(lock) {
      const store = lock.open()
      await store.create()
      const id = randomUUID()
      assert.equal(await store.acquire(id, -1), 'acquired')
      await store.writeHolder(id, record('octo/forever'))
      const view = leased(await store.view())
      assert.equal(view.infinite, true)
      assert.equal(view.holder?.repository, 'octo/forever')
      assert.equal(view.hold, undefined)
    },
  },
  {
    name: 'writeHolder writes the record under our lease, and the view reads it back as written',
    async run(lock) {
      const store = lock.open()
      const id = await held(store)
      const view = leased(await store.view())
      assert.deepEqual(view.holder, record('octo/api'))
      const odd = record('octo/ünïcode  spaced ', { ticket: '12', supersedeKey: 'prod', sequence: '40' })
      await store.writeHolder(id, odd)
      assert.deepEqual(leased(await store.view()).holder, odd, 'any text reads back exactly')
    },
  },
  {
    name: 'writeHolder under an id that is not the lease refuses, and the holder record stays',
    async run(lock) {
      const store = lock.open()
      await held(store)
      await assert.rejects(store.writeHolder(randomUUID(), record('octo/thief')), (err: unknown) => {
        assert.equal((err as { statusCode?: number }).statusCode, 412)
        return true
      })
      assert.equal(leased(await store.view()).holder?.repository, 'octo/api')
      const free = lock.open()
      await assert.rejects(free.writeHolder(randomUUID(), record('octo/thief')), 'no lease at all refuses too')
    },
  },
  {
    name: 'writeHolder with a fencing token waits for it, and writes even when the token fails',
    async run(lock) {
      const store = lock.open()
      await store.create()
      const id = randomUUID()
      await store.acquire(id, 15)
      let resolve!: (token: number) => void
      const token = new Promise<number>((r) => (resolve = r))
      let written = false
      const writing = store.writeHolder(id, record('octo/api'), {}, token).then(() => (written = true))
      await new Promise((r) => setTimeout(r, 50))
      assert.equal(written, false, 'the write waits for the token')
      resolve(await store.nextFencingToken())
      await writing
      assert.equal(leased(await store.view()).holder?.repository, 'octo/api')
      const failed = Promise.reject(new Error('counter busy'))
      failed.catch(() => undefined) // as the waiter's take awaits it beside the write
      await store.writeHolder(id, record('octo/web'), {}, failed)
      assert.equal(
        leased(await store.view()).holder?.repository,
        'octo/web',
        'a failed token writes the record all the same',
      )
    },
  },
  {
    name: 'writeHolder with a supersede key says it checked, and refuses a sequence below the one the lock keeps',
    async run(lock) {
      const store = lock.open()
      const id = await held(store)
      let checks = 0
      await store.writeHolder(
        id,
        record('octo/app', { supersedeKey: 'prod', sequence: '20' }),
        {},
        undefined,
        () => checks++,
      )
      assert.equal(checks, 1, 'checked once, before the write')
      await store.release(id)
      const next = randomUUID()
      assert.equal(await store.acquire(next, 15), 'acquired')
      let late = 0
      await assert.rejects(
        store.writeHolder(
          next,
          record('octo/app', { supersedeKey: 'prod', sequence: '10' }),
          {},
          undefined,
          () => late++,
        ),
        (err) => err instanceof LockSupersededError && err.outcome === 'stale',
      )
      assert.equal(late, 0, 'a stale write is refused before the check passes')
      assert.equal(leased(await store.view()).holder, undefined, 'nothing was written')
      await store.writeHolder(next, record('octo/app', { supersedeKey: 'other', sequence: '1' }))
      assert.equal(leased(await store.view()).holder?.supersedeKey, 'other', 'another key is not held back')
    },
  },
  {
    name: 'a lease that lapses leaves the lock free with its stale record: the next takes it, and the old id writes nothing',
    async run(lock) {
      const store = lock.open()
      const old = await held(store)
      const entry = randomUUID()
      await store.queue.enter(1, who('octo/waiting'), entry, 15)
      await lock.elapse(16_000)
      const view = await store.view()
      assert.equal(view.state, 'free')
      assert.equal(view.state === 'free' && view.staleHolder?.repository, 'octo/api', 'the record stays, stale')
      assert.equal((await store.queue.look({})).entries[0]?.leased, false, "the entry's lease lapsed too")
      assert.equal(await store.queue.renewEntry(1, entry), 'renewed', 'nobody leased it since: renewed')
      const next = lock.open()
      const id = randomUUID()
      assert.equal(await next.acquire(id, 15), 'acquired')
      await assert.rejects(store.writeHolder(old, record('octo/late')), 'the old id writes nothing')
      assert.equal(await store.release(old), 'not-held')
      assert.equal(leased(await next.view()).holder?.repository, 'octo/api', "the next holder's to replace")
    },
  },
  {
    name: 'release lets go of our own lease only, and clears our record',
    async run(lock) {
      const store = lock.open()
      const id = await held(store)
      assert.equal(await store.release(randomUUID()), 'not-held', 'a foreign id releases nothing')
      assert.equal(leased(await store.view()).holder?.repository, 'octo/api')
      assert.equal(await store.release(id), 'released')
      assert.deepEqual(await store.view(), { state: 'free', staleHolder: undefined })
      assert.equal(await store.release(id), 'not-held', 'a second release finds nothing of ours')
      const other = lock.open()
      assert.equal(await other.acquire(randomUUID(), 15), 'acquired', 'the lock is free for the next')
    },
  },
  {
    name: 'fencing tokens go up by one per call, across clients, never handed out twice',
    async run(lock) {
      const a = lock.open()
      const b = lock.open()
      await a.create()
      const first = await a.nextFencingToken()
      const second = await b.nextFencingToken()
      const both = await Promise.all([a.nextFencingToken(), b.nextFencingToken()])
      assert.equal(second, first + 1)
      assert.deepEqual(
        both.sort((x, y) => x - y),
        [first + 2, first + 3],
      )
    },
  },
  {
    name: 'the fencing counter keeps the number of slots: a job that asks for another gets no token',
    async run(lock) {
      const slotted = lock.open({ slots: 3 })
      await slotted.create()
      const first = await slotted.nextFencingToken()
      await assert.rejects(lock.open().nextFencingToken(), SlotsMismatchError, 'one slot asked, three kept')
      await assert.rejects(lock.open({ slots: 2 }).nextFencingToken(), SlotsMismatchError)
      assert.equal(await lock.open({ slots: 3 }).nextFencingToken(), first + 1, 'a refused job took no token')
    },
  },
  {
    name: 'tickets come in order across clients, each once, and say when the one before was handed out',
    async run(lock) {
      const a = lock.open()
      const b = lock.open()
      await a.create()
      const one = await a.queue.claimTicket()
      const two = await b.queue.claimTicket()
      // The first ticket creates the counter: nothing came before it, and the answer that created it has no time.
      assert.equal(one.previousAt, undefined, 'the first ticket has none before it')
      assert.equal(one.serviceNow, undefined)
      assert.equal(two.ticket, one.ticket + 1)
      assert.ok(two.previousAt instanceof Date, 'the second knows when the first was handed out')
      assert.ok(two.serviceNow instanceof Date && two.serviceNow >= two.previousAt)
      const more = await Promise.all([a.queue.claimTicket(), b.queue.claimTicket(), a.queue.claimTicket()])
      assert.deepEqual(
        more.map((c) => c.ticket).sort((x, y) => x - y),
        [two.ticket + 1, two.ticket + 2, two.ticket + 3],
      )
    },
  },
  {
    name: 'entries list in ticket order with who waits, the lease id they publish and their priority',
    async run(lock) {
      const store = lock.open()
      await store.create()
      const next = [randomUUID(), randomUUID(), randomUUID()]
      await store.queue.enter(3, who('octo/third'), randomUUID(), 15, {}, next[2], 'high')
      await store.queue.enter(
        1,
        who('octo/first', { supersedeKey: 'prod', sequence: '5' }),
        randomUUID(),
        15,
        {},
        next[0],
      )
      await store.queue.enter(2, who('octo/second'), randomUUID(), 15)
      const look = await store.queue.look({})
      assert.equal(look.complete, true)
      assert.ok(look.serviceNow instanceof Date)
      assert.deepEqual(
        look.entries.map((e) => e.ticket),
        [1, 2, 3],
      )
      const [first, second, third] = look.entries
      assert.deepEqual(first!.waiter, who('octo/first', { supersedeKey: 'prod', sequence: '5' }))
      assert.equal(first!.nextLeaseId, next[0])
      assert.equal(first!.priority, undefined, 'no priority given: none said')
      assert.equal(second!.nextLeaseId, undefined, 'none published')
      assert.equal(third!.priority, 'high')
      assert.equal(third!.nextLeaseId, next[2])
      for (const entry of look.entries) {
        assert.equal(entry.leased, true)
        assert.equal(entry.infinite, false)
        assert.ok(entry.modifiedAt instanceof Date)
      }
    },
  },
  {
    name: 'a look with a limit stops there and says it is not complete',
    async run(lock) {
      const store = lock.open()
      await store.create()
      for (const ticket of [1, 2, 3]) await store.queue.enter(ticket, who(`octo/w${ticket}`), randomUUID(), 15)
      const part = await store.queue.look({ limit: 2 })
      assert.deepEqual(
        part.entries.map((e) => e.ticket),
        [1, 2],
      )
      assert.equal(part.complete, false)
      const all = await store.queue.look({ limit: 5 })
      assert.equal(all.complete, true)
      assert.equal(all.entries.length, 3)
      const upTo = await store.queue.look({ upTo: 2 })
      assert.ok(
        upTo.entries.some((e) => e.ticket === 2) && upTo.entries.every((e, i) => e.ticket === i + 1),
        'up to a ticket: that one and every one before it, in order',
      )
    },
  },
  {
    name: 'an entry is ours by its lease: taken when leased by another, renewed by us, gone once its lease is broken',
    async run(lock) {
      const store = lock.open()
      await store.create()
      const mine = randomUUID()
      assert.equal(await store.queue.enter(1, who('octo/me'), mine, 15), 'entered')
      assert.equal(
        await store.queue.enter(1, who('octo/me'), mine, 15),
        'entered',
        'entering again with our id is harmless',
      )
      assert.equal(await store.queue.enter(1, who('octo/other'), randomUUID(), 15), 'taken')
      assert.equal(await store.queue.renewEntry(1, mine), 'renewed')
      assert.equal(await store.queue.renewEntry(1, randomUUID()), 'gone', 'another id renews nothing')
      assert.equal(await store.queue.renewEntry(2, mine), 'gone', 'no such entry')
      await lock.breakEntry(1)
      assert.equal(await store.queue.renewEntry(1, mine), 'gone', 'a broken lease is not renewed')
      const look = await store.queue.look({})
      assert.equal(look.entries[0]?.leased, false)
      assert.equal(look.entries[0]?.waiter?.repository, 'octo/me', 'the entry is still there, unleased')
    },
  },
  {
    name: 'an unleased entry entered again is leased by the newcomer, and keeps what it said',
    async run(lock) {
      const store = lock.open()
      await store.create()
      await store.queue.enter(1, who('octo/before'), randomUUID(), 15)
      await lock.breakEntry(1)
      const mine = randomUUID()
      assert.equal(await store.queue.enter(1, who('octo/after'), mine, 15), 'entered')
      const [entry] = (await store.queue.look({})).entries
      assert.equal(entry?.leased, true)
      assert.equal(entry?.waiter?.repository, 'octo/before', 'storage keeps the entry it had: it is never overwritten')
      assert.equal(await store.queue.renewEntry(1, mine), 'renewed')
    },
  },
  {
    name: 'sweep removes an entry without a lease and never a leased one; leave removes our own',
    async run(lock) {
      const store = lock.open()
      await store.create()
      const live = randomUUID()
      const lapsing = randomUUID()
      await store.queue.enter(1, who('octo/live'), live, 15)
      await store.queue.enter(2, who('octo/gone'), lapsing, 15)
      await lock.breakEntry(2)
      await store.queue.sweep(1)
      await store.queue.sweep(2)
      await store.queue.sweep(9)
      assert.deepEqual(
        (await store.queue.look({})).entries.map((e) => e.ticket),
        [1],
      )
      await store.queue.enter(3, who('octo/third'), randomUUID(), 15)
      await assert.rejects(store.queue.leave(3, randomUUID()), "leaving with another's id is refused")
      assert.deepEqual(
        (await store.queue.look({})).entries.map((e) => e.ticket),
        [1, 3],
        'and the entry stays',
      )
      await store.queue.leave(1, live)
      await store.queue.leave(1, live)
      assert.deepEqual(
        (await store.queue.look({})).entries.map((e) => e.ticket),
        [3],
      )
      await store.queue.enter(4, who('octo/fourth'), lapsing, 15)
      await lock.breakEntry(4)
      await store.queue.leave(4, lapsing)
      assert.deepEqual(
        (await store.queue.look({})).entries.map((e) => e.ticket),
        [3],
        'our entry whose lease lapsed is removed by its ticket',
      )
    },
  },
  {
    name: 'letting go hands the lease to the head of the queue: the head holds it, the old id no longer works',
    async run(lock) {
      const holder = lock.open()
      const id = await held(holder)
      const head = await entered(holder, 'octo/head', randomUUID())
      await entered(holder, 'octo/behind', randomUUID())
      const outcome = await lettingGo(holder, id)
      assert.equal(outcome.outcome, 'handed-over')
      assert.equal(outcome.outcome === 'handed-over' && outcome.to.ticket, head.ticket)
      assert.equal(outcome.outcome === 'handed-over' && outcome.to.leaseId, head.nextLeaseId)
      const view = leased(await holder.view())
      assert.equal(view.holder, undefined, 'our record is cleared')
      assert.equal(view.handedTo, head.ticket, 'the blob is marked with the head ticket')
      assert.equal(view.infinite, false)
      assert.equal(await holder.release(id), 'not-held', 'our id stopped working')
      assert.equal(await holder.acquire(randomUUID(), 15), 'held-by-other', 'nobody else can take it')
      const next = lock.open()
      assert.equal(await next.acquire(head.nextLeaseId, 15), 'acquired', "the head's acquire takes it")
      await next.writeHolder(head.nextLeaseId, record('octo/head', { ticket: String(head.ticket) }))
      const taken = leased(await next.view())
      assert.equal(taken.handedTo, undefined, 'the head record replaces the mark')
      assert.equal(taken.holder?.ticket, String(head.ticket))
    },
  },
  {
    name: 'letting go passes a high-priority waiter first, and releases when nobody waits or the lease is not ours',
    async run(lock) {
      const holder = lock.open()
      const id = await held(holder)
      await entered(holder, 'octo/normal', randomUUID())
      const high = await entered(holder, 'octo/hotfix', randomUUID(), 'high')
      const outcome = await lettingGo(holder, id)
      assert.equal(outcome.outcome === 'handed-over' && outcome.to.ticket, high.ticket, 'priority goes first')
      const after = lock.open()
      assert.equal((await lettingGo(after, id)).outcome, 'not-held', 'a lease no longer ours is not touched')
      assert.equal(leased(await after.view()).handedTo, high.ticket)
      await after.acquire(high.nextLeaseId, 15)
      for (const e of (await after.queue.look({})).entries) await lock.breakEntry(e.ticket)
      assert.equal((await lettingGo(after, high.nextLeaseId)).outcome, 'released', 'no live waiter: released')
      assert.deepEqual(await after.view(), { state: 'free', staleHolder: undefined })
    },
  },
  {
    name: 'store letGo with no target releases, and with a target that is gone hands over all the same',
    async run(lock) {
      const holder = lock.open()
      const id = await held(holder)
      assert.ok(holder.letGo, 'the store lets go')
      assert.deepEqual(await holder.letGo!(id, Promise.resolve(undefined), {}), { outcome: 'released' })
      assert.deepEqual(await holder.view(), { state: 'free', staleHolder: undefined })
      const again = await held(holder)
      const to: HandoverTarget = { ticket: 42, leaseId: randomUUID(), waiter: who('octo/ghost') }
      assert.deepEqual(await holder.letGo!(again, Promise.resolve(to), {}), { outcome: 'handed-over', to })
      assert.equal(leased(await holder.view()).handedTo, 42)
      assert.deepEqual(await holder.letGo!(again, Promise.resolve(to), {}), { outcome: 'not-held' })
    },
  },
  {
    name: 'handoverLook without slots is the queue, with nothing served',
    async run(lock) {
      const store = lock.open()
      await store.create()
      const head = await entered(store, 'octo/head', randomUUID())
      assert.ok(store.handoverLook, 'the store has a look for letting go')
      const look = await store.handoverLook!({})
      assert.deepEqual(
        look.entries.map((e) => e.ticket),
        [head.ticket],
      )
      assert.equal(look.served, undefined)
      assert.equal(store.slotted, undefined, 'one slot: the lock blob is the lock')
    },
  },
  {
    name: 'a hold shows with its record, ETag and metadata, and a job of the run takes it over under its own id',
    async run(lock) {
      const store = lock.open()
      const holdId = await held(store)
      await lock.placeHold(store, holdId, record('octo/api'), holdOf(holdId, '2099-01-01T00:00:00.000Z'))
      const view = leased(await store.view())
      assert.equal(view.infinite, true)
      assert.equal(view.hold?.leaseId, holdId)
      assert.equal(view.hold?.reason, 'release freeze')
      assert.ok(view.etag, 'the ETag of the read comes with a hold')
      assert.equal(view.metadata?.hold_lease_id, holdId)
      assert.equal(view.holder?.leaseSeconds, undefined, "a hold's record has no lease duration")
      const job = lock.open()
      const mine = randomUUID()
      assert.equal(await job.takeOverHold(randomUUID(), mine, 15), 'refused', 'another id is not the hold')
      assert.equal(await job.takeOverHold(holdId, mine, 15), 'taken')
      const taken = leased(await job.view())
      assert.equal(taken.infinite, false, 'a taken-over hold lapses by itself')
      assert.equal(taken.hold, undefined, 'a record on a fixed lease is no hold')
      assert.equal(await job.release(holdId), 'not-held', "the hold's id no longer works")
      assert.equal(await job.takeOverHold(holdId, randomUUID(), 15), 'refused', 'of two jobs, one takes it over')
      assert.equal(await job.acquire(mine, 15), 'acquired', 'the lease is under our id')
    },
  },
  {
    name: 'takeOverHold on a lock nobody holds takes its lease: the id is proposed to a free blob',
    async run(lock) {
      const store = lock.open()
      await store.create()
      assert.equal(await store.takeOverHold(randomUUID(), randomUUID(), 15), 'taken')
      assert.equal((await store.view()).state, 'leased')
    },
  },
  {
    name: 'an expired hold ends once, to the head of the queue; a look that is out of date is refused',
    async run(lock) {
      const store = lock.open()
      const holdId = await held(store)
      await lock.placeHold(store, holdId, record('octo/api'), holdOf(holdId, '2026-01-01T00:00:00.000Z'))
      const look = leased(await store.view())
      const head = await entered(store, 'octo/head', randomUUID())
      const target = Promise.resolve({ ticket: head.ticket, leaseId: head.nextLeaseId, waiter: who('octo/head') })
      const forged = { ...look, hold: { ...look.hold!, leaseId: randomUUID() } }
      assert.deepEqual(await store.endHold(forged, NOTE, target), { outcome: 'refused' }, 'a forged id ends nothing')
      const stale = { ...look, etag: '"0x8DD000000000000"' }
      assert.deepEqual(await store.endHold(stale, NOTE, target), { outcome: 'refused' }, 'a changed blob ends nothing')
      assert.equal(leased(await store.view()).infinite, true, 'the hold still stands')
      const ended = await store.endHold(look, NOTE, target)
      assert.equal(ended.outcome, 'handed-over')
      const after = leased(await store.view())
      assert.equal(after.hold, undefined)
      assert.equal(after.handedTo, head.ticket)
      assert.equal(after.infinite, false, 'the lease lapses by itself if the head never comes')
      assert.deepEqual(await lock.open().endHold(look, NOTE, target), { outcome: 'refused' }, 'ended once')
    },
  },
  {
    name: 'an expired hold with nobody waiting is released',
    async run(lock) {
      const store = lock.open()
      const holdId = await held(store)
      await lock.placeHold(store, holdId, record('octo/api'), holdOf(holdId, '2026-01-01T00:00:00.000Z'))
      const look = leased(await store.view())
      assert.deepEqual(await store.endHold(look, NOTE, Promise.resolve(undefined)), { outcome: 'released' })
      const view = await store.view()
      assert.equal(view.state, 'free')
      assert.equal(view.state === 'free' && view.staleHolder, undefined)
      assert.equal(await store.acquire(randomUUID(), 15), 'acquired')
    },
  },
  {
    name: 'slots: a lock of three agrees on its number once, and a job that asks for another is refused',
    async run(lock) {
      const store = lock.open({ slots: 3 })
      assert.ok(store.slotted, 'more than one slot: the store is slotted')
      assert.equal(store.slotted!.count, 3)
      await store.create()
      await store.slotted!.agree({})
      await lock.open({ slots: 3 }).slotted!.agree({})
      await assert.rejects(lock.open({ slots: 2 }).slotted!.agree({}), SlotsMismatchError)
    },
  },
  {
    name: 'slots: a lock first used with one slot keeps one, and the token it took goes on the blob with the record',
    async run(lock) {
      const single = lock.open()
      await single.create()
      const id = randomUUID()
      await single.acquire(id, 15)
      const token = single.nextFencingToken()
      await single.writeHolder(id, record('octo/api'), {}, token)
      await assert.rejects(lock.open({ slots: 3 }).slotted!.agree({}), SlotsMismatchError, 'the counter keeps one')
      await lock.placeHold(single, id, record('octo/api'), holdOf(id, ''))
      const view = leased(await single.view())
      assert.equal(view.metadata?.[FENCING_KEY], String(await token), 'the token is kept on the lock blob')
      assert.equal(view.metadata?.[SLOTS_KEY], '1', 'and the number of slots beside it')
    },
  },
  {
    name: 'slots: one look shows every slot and the queue; a slot is leased on its own blob',
    async run(lock) {
      const store = lock.open({ slots: 3 })
      await store.create()
      await store.slotted!.agree({})
      const first = await store.slotted!.look({})
      assert.equal(first.lockSeen, true)
      assert.deepEqual(
        first.slots.map((s) => [s.slot, s.state]),
        [
          [1, 'free'],
          [2, 'missing'],
          [3, 'missing'],
        ],
      )
      const two = store.slotted!.open(2)
      await two.create()
      const id = randomUUID()
      assert.equal(await two.acquire(id, 15), 'acquired')
      await two.writeHolder(id, record('octo/two', { ticket: '5' }))
      assert.equal(await store.acquire(randomUUID(), 15), 'acquired', 'slot 1 is another blob, free')
      const head = await entered(store, 'octo/head', randomUUID())
      const look = await store.slotted!.look({})
      assert.deepEqual(
        look.slots.map((s) => [s.slot, s.state]),
        [
          [1, 'leased'],
          [2, 'leased'],
          [3, 'missing'],
        ],
      )
      assert.equal(look.slots[1]!.holder?.repository, 'octo/two')
      assert.equal(look.slots[1]!.infinite, false)
      assert.deepEqual(
        look.queue.entries.map((e) => [e.ticket, e.nextLeaseId]),
        [[head.ticket, head.nextLeaseId]],
      )
      assert.equal(await two.release(id), 'released')
      const listed = await store.slotted!.look({}, { lock: false })
      assert.equal(listed.lockSeen, false)
      assert.equal(listed.slots[0]!.state, 'leased', 'slot 1 as the last full look showed it')
      assert.equal(listed.slots[1]!.state, 'free')
    },
  },
  {
    name: 'slots: letting go of a slot hands it to the first waiter not yet served, and handoverLook says who is',
    async run(lock) {
      const store = lock.open({ slots: 2 })
      await store.create()
      await store.slotted!.agree({})
      const head = await entered(store, 'octo/head', randomUUID())
      const second = await entered(store, 'octo/second', randomUUID())
      // Slot 1 was handed to the head already; slot 2's holder lets go.
      const one = randomUUID()
      await store.acquire(one, 15)
      await store.letGo!(one, Promise.resolve({ ticket: head.ticket, leaseId: randomUUID(), waiter: undefined }), {})
      const slot = store.slotted!.open(2)
      const id = await held(slot, 'octo/slot2')
      const look = await slot.handoverLook!({})
      assert.deepEqual([...(look.served ?? [])], [head.ticket], 'the head is served by slot 1')
      assert.deepEqual(
        look.entries.map((e) => e.ticket),
        [head.ticket, second.ticket],
      )
      const outcome = await lettingGo(slot, id)
      assert.equal(outcome.outcome === 'handed-over' && outcome.to.ticket, second.ticket, 'the next not yet served')
      const after = await store.slotted!.look({})
      assert.equal(after.slots[1]!.handedTo, second.ticket)
      assert.equal(after.slots[1]!.holder, undefined)
      assert.equal(after.slots[0]!.handedTo, head.ticket)
    },
  },
]
