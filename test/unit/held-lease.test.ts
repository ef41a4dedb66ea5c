// The held-lease handle's own logic, against a fake lease: what it tells, when
// it calls a lease lost, and what letting go asks of storage. Against Azurite:
// test/integration/held-lease.test.ts.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { HeldLease, type HeldLeaseEvent, type HeldLeaseLoss, type HeldLeaseStore } from '../../src/lock/held-lease.ts'
import type { HandoverTarget, LetGoOutcome } from '../../src/lock/queue/handover.ts'

function unavailable(): Error {
  return Object.assign(new Error('The server is busy.'), { statusCode: 503 })
}

function leaseMismatch(): Error {
  return Object.assign(new Error('The lease ID specified did not match the lease ID for the blob.'), {
    statusCode: 409,
    details: { errorCode: 'LeaseIdMismatchWithLeaseOperation' },
  })
}

type Answer = 'ok' | Error

/** A lease in memory: renewals answer from a script (then 'ok'), and every request is counted. */
class FakeLease implements HeldLeaseStore {
  renewals: Answer[] = []
  renewCalls = 0
  releaseCalls = 0
  refreshCalls = 0
  letGoCalls = 0
  letGoAnswer: LetGoOutcome | Error = { outcome: 'released' }
  readonly queue = {
    look: async () => ({ entries: [], serviceNow: new Date(), complete: true }),
  }

  async renew(_leaseId: string, options: { signal?: AbortSignal }): Promise<Date | undefined> {
    this.renewCalls++
    options.signal?.throwIfAborted()
    const answer = this.renewals.shift() ?? 'ok'
    if (answer !== 'ok') throw answer
    return new Date()
  }

  async release(): Promise<'released' | 'not-held'> {
    this.releaseCalls++
    return 'released'
  }

  async refreshHolder(): Promise<void> {
    this.refreshCalls++
  }

  async letGo(_leaseId: string, target: Promise<HandoverTarget | undefined>): Promise<LetGoOutcome> {
    this.letGoCalls++
    await target
    if (this.letGoAnswer instanceof Error) throw this.letGoAnswer
    return this.letGoAnswer
  }
}

/** A handle on a fake lease and a clock the test moves; renewals every 20 ms unless told otherwise. */
function holding(
  lease: FakeLease,
  options: { leaseDurationMs?: number; intervalMs?: number } = {},
): { held: HeldLease; events: HeldLeaseEvent[]; states: string[]; clock: { t: number } } {
  const clock = { t: 1_000 }
  const events: HeldLeaseEvent[] = []
  /** The handle's state as each event is told. */
  const states: string[] = []
  const held: HeldLease = new HeldLease(lease, {
    leaseId: 'lease-1',
    leaseDurationMs: options.leaseDurationMs ?? 15_000,
    confirmedMono: clock.t,
    onEvent: (event) => {
      events.push(event)
      states.push(held.state)
    },
    intervalMs: options.intervalMs ?? 20,
    retryMs: 10,
    attemptTimeoutMs: 1_000,
    now: () => clock.t,
  })
  return { held, events, states, clock }
}

const types = (events: HeldLeaseEvent[]): string[] => events.map((event) => event.type)
const losses = (events: HeldLeaseEvent[]): HeldLeaseLoss[] =>
  events.flatMap((event) => (event.type === 'lost' ? [event.loss] : []))

describe('HeldLease', () => {
  test('is renewed at once and on its schedule; the holder record is refreshed after every renewal but the first', async () => {
    const lease = new FakeLease()
    const { held, events } = holding(lease)
    assert.equal(held.state, 'held')
    held.keep()
    assert.equal(await held.firstRenewal, 'renewed')
    assert.equal(held.state, 'renewed')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await held.stop()
    const renewed = events.filter((event) => event.type === 'renewed')
    assert.ok(renewed.length >= 3, `${renewed.length} renewals`)
    assert.deepEqual(
      renewed.map((event) => event.first),
      [true, ...renewed.slice(1).map(() => false)],
    )
    assert.equal(lease.refreshCalls, renewed.length - 1)
    assert.equal(held.lost.aborted, false)
    assert.equal(lease.releaseCalls, 0, 'stop leaves the lease as it is')
  })

  test('a transient failure is unknown, never a loss, and the next renewal makes it renewed again', async () => {
    const lease = new FakeLease()
    lease.renewals = ['ok', unavailable(), unavailable()]
    const { held, events, states } = holding(lease, { intervalMs: 40 })
    held.keep()
    await held.firstRenewal
    for (let waited = 0; events.length < 4 && waited < 2_000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await held.stop()
    assert.deepEqual(types(events).slice(0, 4), ['renewed', 'renewal-failed', 'renewal-failed', 'renewed'])
    assert.deepEqual(states.slice(0, 4), ['renewed', 'unknown', 'unknown', 'renewed'])
    assert.equal(held.lost.aborted, false)
  })

  test('a renewal that Azure refuses is a loss: told once, the signal aborts with it, and what may be left is given back', async () => {
    const lease = new FakeLease()
    lease.renewals = ['ok', leaseMismatch()]
    const { held, events, clock } = holding(lease)
    held.keep()
    await held.firstRenewal
    const confirmed = held.confirmedMono
    clock.t += 500
    // Bounded: a build that never calls it lost fails here instead of hanging.
    for (let waited = 0; losses(events).length === 0 && waited < 2_000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    assert.equal(held.lost.aborted, true, 'the lost signal aborts')
    const loss = held.lost.reason as HeldLeaseLoss
    assert.equal(loss.cause, 'gone')
    assert.equal(loss.during, 'keeping')
    assert.equal(loss.exclusiveUntil, confirmed, 'exclusive until the start of the last confirming request')
    assert.equal(loss.detectedAt, clock.t)
    assert.match(loss.reason, /^Azure says the lease is no longer ours/)
    assert.equal(held.state, 'lost')
    const result = await held.letGo({ timeoutMs: 1_000 })
    assert.deepEqual(result, { outcome: 'lost', loss })
    assert.equal(losses(events).length, 1, 'LOST is told once')
    assert.equal(lease.letGoCalls, 0, 'a lost lease is never handed over or released as ours')
    assert.equal(lease.releaseCalls, 1)
  })

  test('a loss before the first renewal settles firstRenewal as lost', async () => {
    const lease = new FakeLease()
    lease.renewals = [leaseMismatch()]
    const { held } = holding(lease)
    held.keep()
    assert.equal(await held.firstRenewal, 'lost')
    assert.equal(held.lost.aborted, true)
  })

  test('letting go a proven lease asks for the handover or release once, whoever asks', async () => {
    const lease = new FakeLease()
    const { held, events } = holding(lease, { intervalMs: 10_000 })
    held.keep()
    await held.firstRenewal
    const [a, b] = await Promise.all([held.letGo({ timeoutMs: 1_000 }), held.letGo({ timeoutMs: 1_000 })])
    assert.deepEqual(a, { outcome: 'released' })
    assert.equal(a, b)
    assert.equal(lease.letGoCalls, 1)
    assert.deepEqual(types(events), ['renewed', 'letting-go'])
    assert.equal(held.state, 'let-go')
    const renewals = lease.renewCalls
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(lease.renewCalls, renewals, 'no renewal after letting go')
  })

  test('after a whole lease unconfirmed, letting go renews once first, and goes on only when that succeeds', async () => {
    const lease = new FakeLease()
    const { held, events, clock } = holding(lease, { leaseDurationMs: 1_000, intervalMs: 10_000 })
    held.keep()
    await held.firstRenewal
    clock.t += 1_000
    const result = await held.letGo({ timeoutMs: 1_000 })
    assert.deepEqual(result, { outcome: 'released' })
    assert.deepEqual(types(events), ['renewed', 'proving', 'proven', 'letting-go'])
    assert.equal(held.confirmedMono, clock.t, 'the proving renewal confirms the lease')
  })

  test('a lapse that the last renewal cannot prove is a loss dated at the last confirmation, and nothing is let go', async () => {
    const lease = new FakeLease()
    const { held, events, clock } = holding(lease, { leaseDurationMs: 1_000, intervalMs: 10_000 })
    held.keep()
    await held.firstRenewal
    const confirmed = held.confirmedMono
    clock.t += 1_000
    lease.renewals = [unavailable()]
    const result = await held.letGo({ timeoutMs: 1_000 })
    assert.equal(result.outcome, 'lost')
    const loss = result.outcome === 'lost' ? result.loss : undefined
    assert.equal(loss?.cause, 'unproven')
    assert.equal(loss?.during, 'proving')
    assert.equal(loss?.exclusiveUntil, confirmed)
    assert.match(loss?.reason ?? '', /a whole lease went by unconfirmed and a last renewal could not say/)
    assert.deepEqual(types(events), ['renewed', 'proving', 'lost'])
    assert.equal(lease.letGoCalls, 0)
    assert.equal(lease.releaseCalls, 1, 'what may be left is given back')
    assert.equal(held.lost.aborted, true)
  })

  test('letting go that finds the lease no longer ours is a loss, not a release', async () => {
    const lease = new FakeLease()
    lease.letGoAnswer = { outcome: 'not-held' }
    const { held, events } = holding(lease, { intervalMs: 10_000 })
    held.keep()
    await held.firstRenewal
    const result = await held.letGo({ timeoutMs: 1_000 })
    assert.equal(result.outcome, 'lost')
    assert.equal(result.outcome === 'lost' && result.loss.cause, 'not-held')
    assert.equal(result.outcome === 'lost' && result.loss.during, 'letting-go')
    assert.equal(losses(events).length, 1)
    assert.equal(held.lost.aborted, true)
    assert.equal(held.state, 'lost')
  })

  test('letting go that storage does not answer fails, and is not a loss', async () => {
    const lease = new FakeLease()
    lease.letGoAnswer = unavailable()
    const { held } = holding(lease, { intervalMs: 10_000 })
    held.keep()
    await held.firstRenewal
    const result = await held.letGo({ timeoutMs: 1_000 })
    assert.equal(result.outcome, 'failed')
    assert.equal(held.lost.aborted, false)
  })

  test('a lease given back is released once, and letting go afterwards asks nothing', async () => {
    const lease = new FakeLease()
    const { held } = holding(lease, { intervalMs: 10_000 })
    held.keep()
    await held.firstRenewal
    await held.giveBack()
    await held.giveBack()
    assert.equal(lease.releaseCalls, 1)
    assert.deepEqual(await held.letGo({ timeoutMs: 1_000 }), { outcome: 'stopped' })
    assert.equal(lease.letGoCalls, 0)
  })

  test('prove: false lets go at once, whatever went by', async () => {
    const lease = new FakeLease()
    const { held, events, clock } = holding(lease, { leaseDurationMs: 1_000, intervalMs: 10_000 })
    held.keep()
    await held.firstRenewal
    clock.t += 5_000
    assert.deepEqual(await held.letGo({ timeoutMs: 1_000, prove: false }), { outcome: 'released' })
    assert.deepEqual(types(events), ['renewed', 'letting-go'])
  })
})
