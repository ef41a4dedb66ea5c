// Which lock, in one value: the account's endpoint, the container, the lock's
// name and the lease length. The steps read it from inputs, keep it in step
// state and hand it to the renewer; wherever it is read back, it is checked.

import { leaseSecondsProblem } from './lease.ts'
import { containerNameProblem, lockNameProblem } from './names.ts'
import { MAX_SLOTS } from './queue/slots.ts'
import { parsePriority } from './queue/priority.ts'
import type { Priority } from './queue/entry.ts'

export interface LockSpec {
  /** Blob service endpoint without a query, e.g. https://acct.blob.core.windows.net */
  endpoint: string
  container: string
  /** The blob that is leased, as go-azuremutex names it. */
  lockName: string
  leaseDurationSeconds: number
  /**
   * scope: run. When set, the job does not release the lock at its end: post
   * turns the lease into a hold for the workflow run (hold.ts), lasting at most
   * this many ms, and a later job of the same run takes it over without
   * queueing. Absent: the lock lives and dies with the job.
   */
  runHoldMs?: number
  /**
   * How many holders the lock allows at once (slots.ts); absent means 1, the
   * lock blob alone, as go-azuremutex uses it.
   */
  slots?: number
  /** The slot this job holds, 1..slots, once it holds one; absent means 1 (the lock blob). */
  slot?: number
  /**
   * The waiter's place in the order of the line (priority.ts): high goes
   * ahead of every normal waiter not yet holding. Absent: normal.
   */
  priority?: Priority
  /** How long the wait may last before one warning names the holder and the place in line; absent: no warning. */
  warnAfterMs?: number
}

/** A value read back from state, a file or a pipe that is not what was written there. */
export class MalformedError extends Error {
  override name = 'MalformedError'
}

/** The account name: the first path segment of a path-style endpoint (Azurite, IP), else the first label of the host. */
export function accountNameOf(endpoint: string): string {
  const url = new URL(endpoint)
  const pathStyle = url.port !== '' || /^[\d.]+$|^\[|^localhost$/i.test(url.hostname)
  return (pathStyle ? url.pathname.split('/')[1] : url.hostname.split('.')[0]) ?? ''
}

/** account/container/blob: how the logs name a lock. Holds no credentials. */
export function lockLocation(spec: LockSpec): string {
  return `${accountNameOf(spec.endpoint)}/${spec.container}/${spec.lockName}`
}

/** Checks that a value read back is a LockSpec that names a valid lock; throws MalformedError if not. */
export function parseLockSpec(value: unknown): LockSpec {
  const spec = value as Partial<LockSpec> | null
  const problem =
    typeof spec !== 'object' || spec === null
      ? 'not an object'
      : typeof spec.endpoint !== 'string' || !/^https?:\/\/[^?#]+$/.test(spec.endpoint)
        ? 'endpoint'
        : typeof spec.container !== 'string' || containerNameProblem(spec.container)
          ? 'container'
          : typeof spec.lockName !== 'string' || lockNameProblem(spec.lockName)
            ? 'lockName'
            : typeof spec.leaseDurationSeconds !== 'number' || leaseSecondsProblem(spec.leaseDurationSeconds)
              ? 'leaseDurationSeconds'
              : spec.runHoldMs !== undefined && !(Number.isSafeInteger(spec.runHoldMs) && spec.runHoldMs > 0)
                ? 'runHoldMs'
                : spec.slots !== undefined &&
                    !(Number.isSafeInteger(spec.slots) && spec.slots >= 1 && spec.slots <= MAX_SLOTS)
                  ? 'slots'
                  : spec.slot !== undefined &&
                      !(Number.isSafeInteger(spec.slot) && spec.slot >= 1 && spec.slot <= (spec.slots ?? 1))
                    ? 'slot'
                    : spec.priority !== undefined && parsePriority(String(spec.priority)) === undefined
                      ? 'priority'
                      : spec.warnAfterMs !== undefined &&
                          !(Number.isSafeInteger(spec.warnAfterMs) && spec.warnAfterMs >= 0)
                        ? 'warnAfterMs'
                        : undefined
  if (problem) throw new MalformedError(`not a lock description (${problem})`)
  const { endpoint, container, lockName, leaseDurationSeconds, runHoldMs, slots, slot, priority, warnAfterMs } =
    spec as LockSpec
  return {
    endpoint,
    container,
    lockName,
    leaseDurationSeconds,
    ...(runHoldMs !== undefined ? { runHoldMs } : {}),
    ...(slots !== undefined ? { slots } : {}),
    ...(slot !== undefined ? { slot } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(warnAfterMs !== undefined ? { warnAfterMs } : {}),
  }
}
