import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { monotonicNow } from '../../src/lock/clock.ts'
import { keepLease, type RenewalOutcome } from '../../src/lock/keep-lease.ts'

function unavailable(): Error {
  return Object.assign(new Error('The server is busy.'), { statusCode: 503 })
}

function connectionReset(): Error {
  return Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
}

function leaseMismatch(): Error {
  return Object.assign(new Error('The lease ID specified did not match the lease ID for the blob.'), {
    statusCode: 409,
    details: { errorCode: 'LeaseIdMismatchWithLeaseOperation' },
  })
}

/** A renewal request that never answers; it rejects with the signal's reason once the signal aborts. */
function hang(signal: AbortSignal): Promise<void> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

/**
 * The signal for a test that expects a loss: never aborted in a correct build, it
 * bounds the wait so that a build that renews for ever fails the test in 5 s
 * instead of keeping the test process alive.
 */
function untilLoss(): AbortSignal {
  return AbortSignal.timeout(5_000)
}

/** Asserts that actual is within tolerance ms of expected. */
function assertNear(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} ms of ${expected} (off by ${actual - expected})`,
  )
}

describe('keepLease', () => {
  test('renews repeatedly and returns undefined when the signal aborts', async () => {
    const controller = new AbortController()
    const outcomes: RenewalOutcome[] = []
    let calls = 0
    const started = Date.now()
    setTimeout(() => controller.abort(), 300)
    const loss = await keepLease(
      {
        renew: async (signal) => {
          calls++
          assert.equal(signal.aborted, false)
        },
        leaseDurationMs: 600,
        intervalMs: 50,
        retryMs: 20,
        attemptTimeoutMs: 100,
        onOutcome: (outcome) => outcomes.push(outcome),
      },
      controller.signal,
    )
    const elapsed = Date.now() - started
    assert.equal(loss, undefined)
    assert.ok(calls >= 4 && calls <= 8, `expected about 6 renewals in 300 ms, got ${calls}`)
    assert.equal(outcomes.length, calls)
    assert.ok(outcomes.every((outcome) => outcome.kind === 'renewed'))
    assert.ok(elapsed < 450, `returned ${elapsed} ms after start, long after the abort at 300 ms`)
  })

  test('renews at once and then every intervalMs', async () => {
    const controller = new AbortController()
    const calls: number[] = []
    const started = Date.now()
    const loss = await keepLease(
      {
        renew: async () => {
          calls.push(Date.now())
          if (calls.length === 3) controller.abort()
        },
        leaseDurationMs: 900,
        intervalMs: 120,
        retryMs: 20,
        attemptTimeoutMs: 200,
      },
      controller.signal,
    )
    assert.equal(loss, undefined)
    assert.equal(calls.length, 3)
    assertNear(calls[0] - started, 0, 30, 'first renewal')
    assertNear(calls[1] - calls[0], 120, 40, 'pause after a renewal')
    assertNear(calls[2] - calls[1], 120, 40, 'pause after a renewal')
  })

  test('uses a third of the lease as the interval when none is given', async () => {
    const controller = new AbortController()
    const calls: number[] = []
    await keepLease(
      {
        renew: async () => {
          calls.push(Date.now())
          if (calls.length === 3) controller.abort()
        },
        leaseDurationMs: 600,
      },
      controller.signal,
    )
    assert.equal(calls.length, 3)
    assertNear(calls[1] - calls[0], 200, 40, 'default interval')
    assertNear(calls[2] - calls[1], 200, 40, 'default interval')
  })

  test('returns undefined promptly when the signal aborts during the pause', async () => {
    const controller = new AbortController()
    let calls = 0
    const started = Date.now()
    setTimeout(() => controller.abort(), 50)
    const loss = await keepLease(
      {
        renew: async () => {
          calls++
        },
        leaseDurationMs: 60_000,
        intervalMs: 20_000,
      },
      controller.signal,
    )
    assert.equal(loss, undefined)
    assert.equal(calls, 1)
    assert.ok(Date.now() - started < 300)
  })

  test('returns undefined, not a loss, when the signal aborts during a renewal', async () => {
    const controller = new AbortController()
    const outcomes: RenewalOutcome[] = []
    const started = Date.now()
    setTimeout(() => controller.abort(), 50)
    const loss = await keepLease(
      { renew: hang, leaseDurationMs: 900, attemptTimeoutMs: 800, onOutcome: (outcome) => outcomes.push(outcome) },
      controller.signal,
    )
    assert.equal(loss, undefined)
    assert.deepEqual(outcomes, [])
    assert.ok(Date.now() - started < 300)
  })

  test('returns at once without renewing when the signal is already aborted', async () => {
    let calls = 0
    const loss = await keepLease(
      {
        renew: async () => {
          calls++
        },
        leaseDurationMs: 600,
      },
      AbortSignal.abort(),
    )
    assert.equal(loss, undefined)
    assert.equal(calls, 0)
  })

  test('keeps the lease through transient errors followed by a success', async () => {
    const controller = new AbortController()
    const failures = [unavailable(), new Error('socket hang up'), connectionReset()]
    const outcomes: RenewalOutcome[] = []
    const started = Date.now()
    const loss = await keepLease(
      {
        renew: async () => {
          const failure = failures.shift()
          if (failure) throw failure
        },
        leaseDurationMs: 900,
        intervalMs: 5_000,
        retryMs: 20,
        attemptTimeoutMs: 100,
        onOutcome: (outcome) => {
          outcomes.push(outcome)
          if (outcome.kind === 'renewed') controller.abort()
        },
      },
      controller.signal,
    )
    assert.equal(loss, undefined)
    assert.deepEqual(
      outcomes.map((outcome) => outcome.kind),
      ['unknown', 'unknown', 'unknown', 'renewed'],
    )
    const errors = outcomes.map((outcome) => (outcome.kind === 'renewed' ? undefined : outcome.error))
    assert.equal((errors[0] as { statusCode?: number }).statusCode, 503)
    assert.equal((errors[1] as Error).message, 'socket hang up')
    assert.ok(Date.now() - started < 400, 'retries after retryMs, not after intervalMs')
  })

  test('ends at once as lost when Azure says the lease id no longer matches', async () => {
    const outcomes: RenewalOutcome[] = []
    let calls = 0
    const before = monotonicNow()
    const loss = await keepLease(
      {
        renew: async () => {
          calls++
          if (calls > 2) throw leaseMismatch()
        },
        leaseDurationMs: 900,
        intervalMs: 30,
        retryMs: 20,
        attemptTimeoutMs: 100,
        onOutcome: (outcome) => outcomes.push(outcome),
      },
      untilLoss(),
    )
    const after = monotonicNow()
    assert.ok(loss, 'expected a loss')
    assert.equal(calls, 3)
    assert.match(loss.reason, /no longer ours/)
    assert.match(loss.reason, /409 LeaseIdMismatchWithLeaseOperation/)
    assert.ok(loss.detectedAt >= before && loss.detectedAt <= after)
    const renewed = outcomes.filter((outcome) => outcome.kind === 'renewed')
    assert.equal(
      loss.exclusiveUntil,
      renewed.at(-1)!.sentAt,
      'exclusive until the start of the last renewal Azure confirmed',
    )
    assert.ok(after - before < 300, 'does not wait for the lease to run out')
    assert.deepEqual(
      outcomes.map((outcome) => outcome.kind),
      ['renewed', 'renewed', 'lost'],
    )
  })

  test('ends at once as lost when the blob is gone', async () => {
    let calls = 0
    const loss = await keepLease(
      {
        renew: async () => {
          calls++
          throw Object.assign(new Error('gone'), { statusCode: 404, details: { errorCode: 'BlobNotFound' } })
        },
        leaseDurationMs: 900,
        retryMs: 20,
      },
      untilLoss(),
    )
    assert.ok(loss)
    assert.equal(calls, 1, 'no retry: a missing blob is a definite loss')
    assert.match(loss.reason, /^Azure says the lease is no longer ours \(404 BlobNotFound\)$/)
  })

  test('keeps trying past the lease duration when failures persist, and never calls that a loss by itself', async () => {
    // Only Azure's answer ends a lease: after a lapse the lease may still be ours, and nobody may have taken it.
    const controller = new AbortController()
    const outcomes: RenewalOutcome[] = []
    const loss = await keepLease(
      {
        renew: async () => {
          if (outcomes.length >= 1) throw unavailable()
        },
        leaseDurationMs: 200,
        intervalMs: 60,
        retryMs: 20,
        attemptTimeoutMs: 100,
        onOutcome: (outcome) => {
          outcomes.push(outcome)
          if (
            outcome.kind === 'unknown' &&
            outcome.lapsed &&
            outcomes.filter((o) => o.kind === 'unknown' && o.lapsed).length >= 3
          )
            controller.abort()
        },
      },
      AbortSignal.any([controller.signal, AbortSignal.timeout(5_000)]),
    )
    assert.equal(loss, undefined, 'a lapse with only transient failures is not a loss')
    assert.equal(controller.signal.aborted, true, 'went on trying after the lease duration')
    const unknown = outcomes.filter((outcome) => outcome.kind === 'unknown')
    assert.ok(
      unknown.some((outcome) => !outcome.lapsed),
      'failures within the lease are not lapsed',
    )
    assert.ok(unknown.at(-1)!.lapsed, 'failures past the lease duration say so')
  })

  test('a renewal that succeeds after a lapse heals it: the lease goes on, and the outcome says it came after a lapse', async () => {
    const controller = new AbortController()
    const outcomes: RenewalOutcome[] = []
    let calls = 0
    const loss = await keepLease(
      {
        renew: async () => {
          calls++
          if (calls >= 2 && calls <= 8) throw connectionReset()
        },
        leaseDurationMs: 100,
        intervalMs: 30,
        retryMs: 20,
        attemptTimeoutMs: 50,
        onOutcome: (outcome) => {
          outcomes.push(outcome)
          if (outcome.kind === 'renewed' && calls > 8) controller.abort()
        },
      },
      AbortSignal.any([controller.signal, AbortSignal.timeout(5_000)]),
    )
    assert.equal(loss, undefined)
    const last = outcomes.at(-1)!
    assert.equal(last.kind, 'renewed')
    assert.equal(last.kind === 'renewed' && last.afterLapse, true)
    assert.equal(outcomes[0]!.kind === 'renewed' && outcomes[0]!.afterLapse, false)
  })

  test('counts a renewal sent before the lease ran out but answered after it as after a lapse', async () => {
    // Its SDK tries may have left late (a cut connection, tried again inside the request): the lease may have run
    // out before a try reached Azure, and the renewal's success is what proves nobody leased the blob since.
    let now = 1_000
    const outcomes: RenewalOutcome[] = []
    const stop = new AbortController()
    let calls = 0
    await keepLease(
      {
        renew: async () => {
          calls++
          // The first is answered at once; the second leaves at 1200, before 1000 + 600, and is answered at 1700.
          if (calls === 2) now += 500
          else now += 10
        },
        leaseDurationMs: 600,
        intervalMs: 190,
        retryMs: 20,
        attemptTimeoutMs: 600,
        now: () => now,
        onOutcome: (outcome) => {
          outcomes.push(outcome)
          now += 190 // the pause, on the injected clock
          if (outcomes.length === 2) stop.abort()
        },
      },
      AbortSignal.any([stop.signal, AbortSignal.timeout(5_000)]),
    )
    const second = outcomes[1]!
    assert.equal(second.kind, 'renewed')
    assert.ok(second.sentAt < 1_000 + 600 && second.at > 1_000 + 600, JSON.stringify(second))
    assert.equal(second.kind === 'renewed' && second.afterLapse, true, 'answered past 1000 + 600: after a lapse')
    assert.equal(outcomes[0]!.kind === 'renewed' && outcomes[0]!.afterLapse, false)
  })

  test('counts a renewed lease from when the renewal was sent, not from when it was answered', async () => {
    // A renewal answered 150 ms after it left: the lease is sure only until the sending time plus its duration.
    let now = 1_000
    const outcomes: RenewalOutcome[] = []
    let calls = 0
    await keepLease(
      {
        renew: async () => {
          calls++
          if (calls === 1) now += 150
          else now += 460 // the second, failing, is answered at 1610: the third leaves past 1000 + 600
          if (calls === 2) throw unavailable()
        },
        leaseDurationMs: 600,
        intervalMs: 30,
        retryMs: 20,
        attemptTimeoutMs: 300,
        now: () => now,
        onOutcome: (outcome) => outcomes.push(outcome),
      },
      AbortSignal.timeout(300),
    )
    assert.equal(outcomes[0]!.sentAt, 1_000)
    assert.equal(outcomes[0]!.at, 1_150)
    const third = outcomes[2]!
    assert.equal(third.kind, 'renewed')
    assert.equal(third.kind === 'renewed' && third.afterLapse, true, 'sent past 1000 + 600: after a lapse')
  })

  test('runs on the monotonic clock unless told otherwise: outcomes carry its readings, not the wall time', async () => {
    const controller = new AbortController()
    const outcomes: RenewalOutcome[] = []
    const before = monotonicNow()
    await keepLease(
      {
        renew: async () => new Date('2026-11-26T10:00:00Z'),
        leaseDurationMs: 600,
        onOutcome: (outcome) => {
          outcomes.push(outcome)
          controller.abort()
        },
      },
      controller.signal,
    )
    const after = monotonicNow()
    const first = outcomes[0]!
    assert.ok(
      first.sentAt >= before && first.at <= after,
      `${first.sentAt} is not a monotonic reading in [${before}, ${after}]`,
    )
    assert.deepEqual(first.kind === 'renewed' && first.service, {
      date: Date.parse('2026-11-26T10:00:00Z'),
      sentAt: first.sentAt,
      answeredAt: first.at,
    })
  })

  test('a wall clock that steps forward a minute (an injected clock here) ends nothing: renewals go on and none is lost', async () => {
    // What an NTP step does to a clock that lease arithmetic must not run on.
    let now = 0
    const controller = new AbortController()
    const outcomes: RenewalOutcome[] = []
    const loss = await keepLease(
      {
        renew: async () => {
          if (outcomes.length === 1) now += 60_000
          now += 5
        },
        leaseDurationMs: 15_000,
        intervalMs: 10,
        retryMs: 10,
        attemptTimeoutMs: 100,
        now: () => now,
        onOutcome: (outcome) => {
          outcomes.push(outcome)
          if (outcomes.length === 4) controller.abort()
        },
      },
      AbortSignal.any([controller.signal, AbortSignal.timeout(5_000)]),
    )
    assert.equal(loss, undefined)
    assert.deepEqual(
      outcomes.map((outcome) => outcome.kind),
      ['renewed', 'renewed', 'renewed', 'renewed'],
    )
  })

  test('renews at once a lease last confirmed more than a lease duration ago, instead of giving it up', async () => {
    const controller = new AbortController()
    const outcomes: RenewalOutcome[] = []
    const loss = await keepLease(
      {
        renew: async () => undefined,
        leaseDurationMs: 600,
        confirmedAt: monotonicNow() - 1_000,
        onOutcome: (outcome) => {
          outcomes.push(outcome)
          controller.abort()
        },
      },
      AbortSignal.any([controller.signal, AbortSignal.timeout(5_000)]),
    )
    assert.equal(loss, undefined)
    assert.equal(outcomes[0]!.kind === 'renewed' && outcomes[0]!.afterLapse, true)
  })

  test('honours the attempt timeout on a renewal that never answers, and keeps trying', async () => {
    const attemptTimeoutMs = 80
    const attempts: Array<{ start: number; end: number; reason: unknown }> = []
    const loss = await keepLease(
      {
        renew: async (signal) => {
          const start = monotonicNow()
          try {
            await hang(signal)
          } catch (reason) {
            attempts.push({ start, end: monotonicNow(), reason })
            throw reason
          }
        },
        leaseDurationMs: 200,
        retryMs: 20,
        attemptTimeoutMs,
      },
      AbortSignal.timeout(600),
    )
    assert.equal(loss, undefined)
    assert.ok(attempts.length >= 3, `expected several attempts, got ${attempts.length}`)
    for (const attempt of attempts.slice(0, -1)) {
      assert.ok(
        attempt.end - attempt.start <= attemptTimeoutMs + 50,
        `an attempt took ${attempt.end - attempt.start} ms`,
      )
      assert.equal((attempt.reason as Error).name, 'TimeoutError')
    }
  })
})
