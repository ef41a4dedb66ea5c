// azure-mutex status: the status sub-action's work, with the same core calls,
// from a terminal or another CI system: one lock, or the board of every lock.

import { boardJson, renderBoardText } from '../lock/board.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { openLock } from '../lock/lock-blob.ts'
import type { LockStatus } from '../lock/lock-status.ts'
import { accountNameOf, type LockSpec } from '../lock/spec.ts'
import { containerClientFor } from '../lock/storage.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { readContainer } from '../settings/lock-spec.ts'
import { UsageError, readerOf, type CommandLine } from './options.ts'
import { CLI_RETRY, lockNameOf, readTarget, signInTo, type Output, type Session } from './session.ts'
import { listLocks } from '../lock/lock-listing.ts'

/** status [lock] [--all] [--json]: one lock, or the board of every lock in the container. */
export async function runStatus(
  line: CommandLine,
  out: Output,
  env: NodeJS.ProcessEnv,
  session: Session,
): Promise<number> {
  const read = readerOf(line, env)
  const named = lockNameOf(line, read)
  if (named !== undefined && line.flags.all === true) {
    throw new UsageError("Give a lock's name or --all, not both.")
  }
  // '*' names every lock, as the status sub-action's lock-name: '*' does.
  const lockName = named === '*' ? undefined : named
  const container = readContainer(read)
  const access = readTarget(read, session)
  session.container = container
  const signedIn = await signInTo(access, out, session)
  const place = `${accountNameOf(access.endpoint)}/${container}`
  let locks: LockStatus[]
  if (lockName !== undefined) {
    const spec: LockSpec = {
      endpoint: access.endpoint,
      container,
      lockName,
      leaseDurationSeconds: LEASE_SECONDS.default,
    }
    const found = await openLock(signedIn.auth, spec, { retry: CLI_RETRY }).status()
    locks = [found === 'missing' ? { name: lockName, held: false, leaseState: 'available' } : found]
  } else {
    const listed = await listLocks(
      containerClientFor({ endpoint: access.endpoint, auth: signedIn.auth }, container, { retry: CLI_RETRY }),
    )
    if (listed === 'missing') out.progress(`Container ${place} does not exist: no locks.`)
    locks = listed === 'missing' ? [] : listed
  }
  if (line.flags.json === true) {
    out.result(`${JSON.stringify({ container: showUntrusted(place), locks: locks.map(boardJson) }, null, 2)}\n`)
  } else {
    out.result(renderBoardText(locks))
  }
  return 0
}
