import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
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
    const before = Date.now()
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
    const after = Date.now()
    assert.ok(loss, 'expected a loss')
    assert.equal(calls, 3)
    assert.match(loss.reason, /no longer ours/)
    assert.match(loss.reason, /409 LeaseIdMismatchWithLeaseOperation/)
    assert.ok(loss.detectedAt.getTime() >= before && loss.detectedAt.getTime() <= after)
    const renewed = outcomes.filter((outcome) => outcome.kind === 'renewed')
    assert.equal(
      loss.exclusiveUntil.getTime(),
      renewed.at(-1)!.sentAt.getTime(),
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

  test('ends as lost one lease duration after the start of the last successful renewal when failures persist', async () => {
    const leaseDurationMs = 400
    const starts: number[] = []
    const outcomes: RenewalOutcome[] = []
    const loss = await keepLease(
      {
        renew: async () => {
          starts.push(Date.now())
          await new Promise((resolve) => setTimeout(resolve, 15))
          if (starts.length > 2) throw unavailable()
        },
        leaseDurationMs,
        intervalMs: 60,
        retryMs: 20,
        attemptTimeoutMs: 100,
        onOutcome: (outcome) => outcomes.push(outcome),
      },
      untilLoss(),
    )
    const returnedAt = Date.now()
    assert.ok(loss, 'expected a loss')
    assertNear(loss.exclusiveUntil.getTime(), starts[1]!, 5, 'exclusive until the start of the last success')
    assert.ok(loss.detectedAt.getTime() >= starts[1]! + leaseDurationMs, 'found out once the lease ran out')
    assert.ok(returnedAt >= starts[1]! + leaseDurationMs, 'reported before the lease ran out')
    assert.ok(returnedAt - (starts[1]! + leaseDurationMs) < 100, 'reported long after the lease ran out')
    assert.match(loss.reason, /no renewal succeeded for 0\.4s/)
    assert.match(loss.reason, /last error: 503/)
    assert.deepEqual(
      outcomes.slice(0, 3).map((outcome) => outcome.kind),
      ['renewed', 'renewed', 'unknown'],
    )
    assert.ok(outcomes.slice(2).every((outcome) => outcome.kind === 'unknown'))
    assert.ok(outcomes.length >= 6, `expected several retries, got ${outcomes.length - 2}`)
  })

  test('counts a renewed lease from when the renewal was sent, not from when it was answered', async () => {
    // A renewal that takes 150 ms to answer: Azure may have renewed it at any moment in between, so
    // the lease is sure only until the sending time plus the lease duration.
    const leaseDurationMs = 600
    const starts: number[] = []
    const loss = await keepLease(
      {
        renew: async () => {
          starts.push(Date.now())
          if (starts.length > 1) throw unavailable()
          await new Promise((resolve) => setTimeout(resolve, 150))
        },
        leaseDurationMs,
        intervalMs: 100,
        retryMs: 20,
        attemptTimeoutMs: 300,
      },
      untilLoss(),
    )
    assert.ok(loss, 'expected a loss')
    assertNear(loss.exclusiveUntil.getTime(), starts[0]!, 20, 'exclusive until the renewal was sent')
    // keepLease notes the time just before it calls renew, starts[0] just after: a millisecond or two apart.
    assert.ok(loss.detectedAt.getTime() >= starts[0]! + leaseDurationMs - 5, 'found out when the lease ran out')
    assert.ok(loss.detectedAt.getTime() < starts[0]! + 150 + leaseDurationMs, 'not a lease after the answer')
  })

  test('honours the attempt timeout on a renewal that never answers and ends in loss after the lease duration', async () => {
    const leaseDurationMs = 500
    const attemptTimeoutMs = 120
    const confirmedAt = new Date()
    const attempts: Array<{ start: number; end: number; reason: unknown }> = []
    const loss = await keepLease(
      {
        renew: async (signal) => {
          const start = Date.now()
          try {
            await hang(signal)
          } catch (reason) {
            attempts.push({ start, end: Date.now(), reason })
            throw reason
          }
        },
        leaseDurationMs,
        confirmedAt,
        retryMs: 20,
        attemptTimeoutMs,
      },
      untilLoss(),
    )
    const returnedAt = Date.now()
    assert.ok(loss, 'expected a loss')
    const ranOut = confirmedAt.getTime() + leaseDurationMs
    assert.equal(loss.exclusiveUntil.getTime(), confirmedAt.getTime())
    assert.ok(loss.detectedAt.getTime() >= ranOut)
    assert.ok(returnedAt >= ranOut)
    assert.ok(returnedAt - ranOut < 100, `reported ${returnedAt - ranOut} ms after the lease ran out`)
    assert.match(loss.reason, /no renewal succeeded for 0\.5s/)
    assert.match(loss.reason, new RegExp(`ran out at ${new Date(ranOut).toISOString()}`))
    assert.ok(attempts.length >= 3 && attempts.length <= 6, `expected about 4 attempts, got ${attempts.length}`)
    for (const attempt of attempts) {
      assert.ok(
        attempt.end - attempt.start <= attemptTimeoutMs + 50,
        `an attempt took ${attempt.end - attempt.start} ms`,
      )
      assert.equal((attempt.reason as Error).name, 'TimeoutError')
    }
    const last = attempts[attempts.length - 1]
    assert.ok(last.end <= ranOut + 50, 'the last attempt was not cut short at the end of the lease')
  })

  test('describes SDK abort errors from timed-out attempts as a timeout in the loss reason', async () => {
    const loss = await keepLease(
      {
        renew: async (signal) => {
          await hang(signal).catch(() => {
            throw Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' })
          })
        },
        leaseDurationMs: 300,
        retryMs: 20,
        attemptTimeoutMs: 100,
      },
      untilLoss(),
    )
    assert.ok(loss)
    assert.match(loss.reason, /last error: timeout/)
  })

  test("describes a renewal rejected with its signal's TimeoutError as a timeout in the loss reason", async () => {
    const loss = await keepLease({ renew: hang, leaseDurationMs: 300, retryMs: 20, attemptTimeoutMs: 100 }, untilLoss())
    assert.ok(loss)
    assert.match(loss.reason, /last error: timeout/)
  })

  test('ends as lost without renewing when the lease was last held more than a lease duration ago', async () => {
    let calls = 0
    const confirmedAt = new Date(Date.now() - 1_000)
    const loss = await keepLease(
      {
        renew: async () => {
          calls++
        },
        leaseDurationMs: 600,
        confirmedAt,
      },
      untilLoss(),
    )
    assert.ok(loss)
    assert.equal(calls, 0)
    assert.equal(loss.exclusiveUntil.getTime(), confirmedAt.getTime())
    assert.doesNotMatch(loss.reason, /last error/)
  })
})
