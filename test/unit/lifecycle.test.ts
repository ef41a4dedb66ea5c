import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  advance,
  healedLapseWarning,
  initialReport,
  isFinal,
  needsOwnRelease,
  parseRenewerReport,
  verdict,
  type RenewerReport,
  type StopAnswer,
  type VerdictInput,
} from '../../src/renewer/lifecycle.ts'

const T0 = new Date('2026-11-26T10:00:00.000Z')
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000)
/** The monotonic reading at the same moment: decisions run on these. */
const m = (seconds: number): number => 5_000 + seconds * 1000
/** The service's Date header said T0 for a request sent and answered at m(0): the service's clock, exactly. */
const SERVICE = { date: T0.getTime(), sentAt: m(0), answeredAt: m(0) }

function holding(): RenewerReport {
  let report = initialReport(4242, T0)
  report = advance(report, { type: 'hold', confirmedAt: at(0), confirmedMono: m(0) })
  return advance(report, { type: 'renewed', sentAt: m(1), at: m(1.1), service: SERVICE })
}

describe('advance', () => {
  test('starts, holds on the first renewal, and counts renewals, failures and the longest gap', () => {
    let report = initialReport(4242, T0)
    assert.equal(report.phase, 'starting')
    report = advance(report, { type: 'hold', confirmedAt: at(0), confirmedMono: m(0) })
    assert.equal(report.phase, 'starting', 'handing the lease over is not holding it yet')
    report = advance(report, { type: 'renewed', sentAt: m(0.1), at: m(0.2), service: SERVICE })
    assert.equal(report.phase, 'holding')
    report = advance(report, { type: 'renewal-failed' })
    report = advance(report, { type: 'renewed', sentAt: m(20), at: m(21.2) })
    assert.deepEqual(
      { renewals: report.renewals, failures: report.failures, longestGapMs: report.longestGapMs },
      { renewals: 2, failures: 1, longestGapMs: 21_000 },
    )
    assert.equal(report.confirmedAt, at(20).toISOString(), 'confirmed from the start of the request')
    assert.equal(report.renewedAt, at(21.2).toISOString())
    assert.equal(report.confirmedMono, m(20), 'the lease is counted from the monotonic reading')
  })

  test("shows times on the service's clock, whatever the runner's wall clock says", () => {
    // The service said 10:00:00 for a request sent at m(0) and answered at m(0.4): shown times never run ahead.
    let report = advance(initialReport(1, T0), { type: 'hold', confirmedAt: at(0), confirmedMono: m(0) })
    const service = { date: T0.getTime(), sentAt: m(0), answeredAt: m(0.4) }
    report = advance(report, { type: 'renewed', sentAt: m(0), at: m(0.4), service })
    report = advance(report, { type: 'renewed', sentAt: m(30), at: m(30.1) })
    assert.equal(report.confirmedAt, at(29.6).toISOString(), 'no later than the service says, less the round trip')
    assert.deepEqual(report.service, service, 'the last reading is kept')
  })

  test('records a loss with its bounds', () => {
    const report = advance(holding(), {
      type: 'lost',
      exclusiveUntil: at(1),
      detectedAt: at(21),
      reason: 'Azure says the lease is no longer ours (409 LeaseIdMismatchWithLeaseOperation)',
    })
    assert.equal(report.phase, 'lost')
    assert.deepEqual(report.loss, {
      exclusiveUntil: at(1).toISOString(),
      detectedAt: at(21).toISOString(),
      reason: 'Azure says the lease is no longer ours (409 LeaseIdMismatchWithLeaseOperation)',
    })
  })

  test('turns a release that finds the lease gone into a loss dated from the last confirmation', () => {
    const report = advance(holding(), { type: 'found-lost', at: at(30) })
    assert.equal(report.phase, 'lost')
    assert.equal(report.loss?.exclusiveUntil, at(1).toISOString())
    assert.equal(report.loss?.detectedAt, at(30).toISOString())
  })

  test('records who released, and a failed release as unreleased', () => {
    assert.deepEqual(advance(holding(), { type: 'released', at: at(5), by: 'release step' }).released, {
      at: at(5).toISOString(),
      by: 'release step',
    })
    const unreleased = advance(holding(), { type: 'release-failed', error: 'no answer within 10 s' })
    assert.equal(unreleased.phase, 'unreleased')
    assert.equal(unreleased.error, 'no answer within 10 s')
  })

  test('never leaves a final phase', () => {
    const released = advance(holding(), { type: 'released', at: at(5), by: 'post' })
    assert.ok(isFinal(released.phase))
    for (const event of [
      { type: 'renewed', sentAt: m(6), at: m(6) },
      { type: 'lost', exclusiveUntil: at(6), detectedAt: at(6), reason: 'x' },
      { type: 'found-lost', at: at(6) },
      { type: 'release-failed', error: 'x' },
    ] as const) {
      assert.deepEqual(advance(released, event), released, `${event.type} after a release`)
    }
  })

  test('releases and found-lost apply only to a lease that is held; a start can fail only while starting', () => {
    const starting = initialReport(1, T0)
    assert.equal(advance(starting, { type: 'released', at: at(1), by: 'post' }).phase, 'starting')
    assert.equal(advance(starting, { type: 'found-lost', at: at(1) }).phase, 'starting')
    assert.equal(advance(starting, { type: 'failed', error: 'cannot sign in' }).phase, 'failed')
    assert.equal(advance(holding(), { type: 'failed', error: 'x' }).phase, 'holding')
  })
})

describe('a lapse that a later renewal heals', () => {
  /** Held since m(1), then storage gone: the renewal answered at m(28.2) (27.2 s later, past the 15 s lease) succeeded. */
  function healedAfter27s(): RenewerReport {
    let report = holding()
    report = advance(report, { type: 'renewal-failed' })
    return advance(report, { type: 'renewed', sentAt: m(28), at: m(28.2), afterLapse: { leaseMs: 15_000 } })
  }

  test('is recorded with its gap, when the lease may have run out, and the renewal that healed it', () => {
    const report = healedAfter27s()
    assert.equal(report.phase, 'holding')
    assert.deepEqual(report.healedLapse, {
      count: 1,
      gapMs: 27_200,
      leaseMs: 15_000,
      lapsedAt: at(16).toISOString(),
      renewedAt: at(28.2).toISOString(),
    })
    assert.equal(advance(holding(), { type: 'renewed', sentAt: m(6), at: m(6.1) }).healedLapse, undefined)
  })

  test('keeps the longest of several, and counts them', () => {
    let report = healedAfter27s()
    report = advance(report, { type: 'renewed', sentAt: m(45), at: m(45.1), afterLapse: { leaseMs: 15_000 } })
    assert.equal(report.healedLapse?.count, 2)
    assert.equal(report.healedLapse?.gapMs, 27_200, 'the 17 s one is counted, the 27 s one kept')
    assert.match(healedLapseWarning(report.healedLapse!), / It lapsed 2 times; this was the longest\.$/)
  })

  test('is a warning in post, with the gap and why it is safe, and the lease is released as usual', () => {
    const report = advance(healedAfter27s(), { type: 'released', at: at(40), by: 'post' })
    const { verdict: v, warnings } = verdict({
      answer: { kind: 'answered', report },
      statusFile: undefined,
      ownRelease: undefined,
      confirmedMono: m(0),
      service: SERVICE,
      leaseDurationMs: 15_000,
      now: m(40),
    })
    assert.equal(v.kind, 'released')
    assert.deepEqual(warnings, [
      'The lease went unrenewed for 27s, longer than its 15s duration (storage or the network was gone): it may ' +
        'have run out at 2026-11-26T10:00:16.000Z, but a renewal answered at 2026-11-26T10:00:28.200Z succeeded. ' +
        'Azure renews a lapsed lease only if nobody leased the lock since, so nobody else held it.',
    ])
  })

  test('survives the status file, and a malformed one is refused', () => {
    const report = healedAfter27s()
    assert.deepEqual(parseRenewerReport(JSON.parse(JSON.stringify(report))), report)
    assert.equal(parseRenewerReport({ ...report, healedLapse: { ...report.healedLapse, lapsedAt: 'soon' } }), undefined)
  })
})

describe('verdict', () => {
  const lease = { confirmedMono: m(0), service: SERVICE, leaseDurationMs: 15_000 }
  const input = (answer: StopAnswer, rest: Partial<VerdictInput> = {}): VerdictInput => ({
    answer,
    statusFile: undefined,
    ownRelease: undefined,
    now: m(10),
    ...lease,
    ...rest,
  })

  test('takes a release the renewer answered with', () => {
    const report = advance(holding(), { type: 'released', at: at(10), by: 'post' })
    const { verdict: v, warnings } = verdict(input({ kind: 'answered', report }))
    assert.equal(v.kind, 'released')
    assert.equal(v.kind === 'released' && v.early, undefined)
    assert.deepEqual(warnings, [])
    assert.equal(needsOwnRelease({ kind: 'answered', report }, undefined), false)
  })

  test('says when a release step let the lock go early', () => {
    const report = advance(holding(), { type: 'released', at: at(4), by: 'release step' })
    const { verdict: v } = verdict(input({ kind: 'answered', report }))
    assert.deepEqual(v.kind === 'released' && v.early, { at: at(4).toISOString(), by: 'release step' })
  })

  test('a release because the worker looked gone is a loss when post runs: the worker was there after all', () => {
    const report = advance(holding(), { type: 'released', at: at(4), by: 'worker gone' })
    const { verdict: v } = verdict(input({ kind: 'gone' }, { statusFile: report }))
    assert.equal(v.kind, 'lost')
    assert.equal(v.kind === 'lost' && v.loss.exclusiveUntil, at(4).toISOString())
    assert.match(v.kind === 'lost' ? v.loss.reason : '', /took the runner worker for gone/)
  })

  test('passes on a loss the renewer recorded, even when post could release', () => {
    const report = advance(holding(), { type: 'lost', exclusiveUntil: at(1), detectedAt: at(6), reason: 'broken' })
    assert.equal(needsOwnRelease({ kind: 'answered', report }, undefined), false)
    const { verdict: v } = verdict(input({ kind: 'answered', report }, { ownRelease: 'released' }))
    assert.equal(v.kind, 'lost')
    assert.equal(v.kind === 'lost' && v.loss.exclusiveUntil, at(1).toISOString())
  })

  test('reads a loss from the status file when the renewer is gone', () => {
    const report = advance(holding(), { type: 'lost', exclusiveUntil: at(1), detectedAt: at(6), reason: 'broken' })
    assert.equal(needsOwnRelease({ kind: 'gone' }, report), false)
    assert.equal(verdict(input({ kind: 'gone' }, { statusFile: report })).verdict.kind, 'lost')
  })

  test('a dead renewer whose lease is still valid: post released it, with a warning', () => {
    const { verdict: v, warnings } = verdict(input({ kind: 'gone' }, { statusFile: holding(), ownRelease: 'released' }))
    assert.equal(v.kind, 'released')
    assert.deepEqual(warnings, [`The renewer stopped unexpectedly; it last renewed at ${at(1).toISOString()}.`])
  })

  test('a dead renewer whose lease lapsed, and whose renewal by post failed too: lost, dated from the last confirmation', () => {
    const { verdict: v } = verdict(
      input(
        { kind: 'gone' },
        {
          statusFile: holding(),
          ownRenewal: { sentAt: m(16.5), outcome: 'failed' },
          ownRelease: 'released',
          now: m(16.5),
        },
      ),
    )
    assert.equal(v.kind, 'lost')
    assert.equal(v.kind === 'lost' && v.loss.exclusiveUntil, at(1).toISOString())
    assert.match(v.kind === 'lost' ? v.loss.reason : '', /may have run out at 2026-11-26T10:00:16\.000Z/)
  })

  test("a dead renewer whose lease lapsed, but post's own renewal succeeded: nobody took it, so released", () => {
    const { verdict: v } = verdict(
      input(
        { kind: 'gone' },
        {
          statusFile: holding(),
          ownRenewal: { sentAt: m(16.5), outcome: 'renewed' },
          ownRelease: 'released',
          now: m(16.5),
        },
      ),
    )
    assert.equal(v.kind, 'released')
  })

  test("a lapse is judged on the monotonic clock: a report's wall times do not count", () => {
    // The renewer's ISO times say it confirmed the lease an hour ago (a stepped wall clock); its readings say 1 s.
    const report = { ...holding(), confirmedAt: at(-3600).toISOString() }
    const { verdict: v } = verdict(input({ kind: 'gone' }, { statusFile: report, ownRelease: 'released', now: m(10) }))
    assert.equal(v.kind, 'released')
  })

  test('without a status file, dates a lapse from the acquire in step state', () => {
    const { verdict: v } = verdict(input({ kind: 'gone' }, { ownRelease: 'not-held', now: m(40) }))
    assert.equal(v.kind === 'lost' && v.loss.exclusiveUntil, at(0).toISOString())
  })

  test('an impostor at the address is warned about, and post releases itself', () => {
    assert.equal(needsOwnRelease({ kind: 'impostor' }, undefined), true)
    const { verdict: v, warnings } = verdict(input({ kind: 'impostor' }, { ownRelease: 'released' }))
    assert.equal(v.kind, 'released')
    assert.match(warnings[0]!, /could not prove who it is/)
  })

  test('a release that Azure answers "not ours" within the lease is a loss', () => {
    const { verdict: v } = verdict(input({ kind: 'gone' }, { statusFile: holding(), ownRelease: 'not-held' }))
    assert.equal(v.kind, 'lost')
    assert.equal(v.kind === 'lost' && v.loss.reason, 'at release, Azure said the lease was no longer ours')
  })

  test('neither released nor known lost: it expires by itself', () => {
    const { verdict: v } = verdict(input({ kind: 'gone' }, { statusFile: holding(), ownRelease: 'failed' }))
    assert.equal(v.kind, 'expires')
  })

  test('warns about a renewer that was stopped, or left alone, and about a release it could not make', () => {
    assert.match(verdict(input({ kind: 'stopped', pid: 77 }, { ownRelease: 'released' })).warnings[0]!, /pid 77/)
    assert.match(verdict(input({ kind: 'silent' }, { ownRelease: 'released' })).warnings[0]!, /left for the job-end/)
    const unreleased = advance(holding(), { type: 'release-failed', error: 'no answer within 10 s' })
    assert.equal(needsOwnRelease({ kind: 'answered', report: unreleased }, undefined), true)
    const { verdict: v, warnings } = verdict(
      input({ kind: 'answered', report: unreleased }, { ownRelease: 'released' }),
    )
    assert.equal(v.kind, 'released')
    assert.match(warnings[0]!, /could not release the lease \(no answer within 10 s\)/)
  })
})

describe('parseRenewerReport', () => {
  test('accepts what the renewer writes', () => {
    const report = advance(holding(), { type: 'lost', exclusiveUntil: at(1), detectedAt: at(6), reason: 'broken' })
    assert.deepEqual(parseRenewerReport(JSON.parse(JSON.stringify(report))), report)
  })

  test('refuses anything else', () => {
    const good = holding()
    for (const bad of [
      null,
      'holding',
      { ...good, phase: 'renewing' },
      { ...good, pid: '1' },
      { ...good, startedAt: 'yesterday' },
      { ...good, loss: { exclusiveUntil: 'x', detectedAt: at(1).toISOString(), reason: 'r' } },
      { ...good, released: { at: at(1).toISOString(), by: 'someone' } },
    ]) {
      assert.equal(parseRenewerReport(bad), undefined, JSON.stringify(bad))
    }
  })
})
