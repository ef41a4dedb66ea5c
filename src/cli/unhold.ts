// azure-mutex unhold <lock>: the unhold sub-action's work, with the same core
// calls and the same records: lifts a hold (a hold set by azure-mutex hold
// with no command, hold-no-command.ts, or by the hold sub-action).

import { describeBreak } from '../lock/break-record.ts'
import { UserError } from '../lock/errors.ts'
import { describeLetGo } from '../lock/queue/handover.ts'
import { describeHold } from '../lock/deploy/hold.ts'
import { LEASE_SECONDS } from '../lock/lease.ts'
import { describeEndedAlready, liftHold } from '../lock/deploy/lift-hold.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { readBoolean } from '../settings/boolean.ts'
import { readContainer } from '../settings/lock-spec.ts'
import { Option } from '../settings/option.ts'
import { readOptionalReason } from '../settings/reason.ts'
import { Flags } from './flags.ts'
import { cliHolder } from './holder.ts'
import { UsageError, envName, readerOf, type CommandLine } from './options.ts'
import { CLI_RETRY, lockNameOf, readTarget, signInTo, type Output, type Session } from './session.ts'
import { describeHolderSeen } from '../lock/holder-seen.ts'

/** unhold <lock> [--reason <why>] [--force]: lifts a hold, as the unhold sub-action does; its lease goes to the head of the queue. */
export async function runUnhold(
  line: CommandLine,
  out: Output,
  env: NodeJS.ProcessEnv,
  session: Session,
): Promise<number> {
  const read = readerOf(line, env)
  const lockName = lockNameOf(line, read)
  if (lockName === undefined)
    throw new UsageError("Missing the lock's name: azure-mutex unhold <lock> [--reason <why>].")
  const container = readContainer(read)
  const reason = readOptionalReason(read, 'lifted with azure-mutex unhold')
  const force = readBoolean(read, Option.Force, false)
  const access = readTarget(read, session)
  const spec: LockSpec = { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: LEASE_SECONDS.default }
  const location = lockLocation(spec)
  session.container = container
  const signedIn = await signInTo(access, out, session)
  const lock = openLock(signedIn.auth, spec, { retry: CLI_RETRY })
  const lifted = await liftHold(lock, { lifter: cliHolder(env), reason, force })
  switch (lifted.outcome) {
    case 'missing':
      throw new UserError(
        `Lock ${location} does not exist: nothing to lift. Check the lock's name and --${Flags.Container}.`,
      )
    case 'free':
      out.progress(`Lock ${location} is not held: nothing to lift.`)
      return 0
    case 'lifted':
      out.progress(`Lifted the hold on lock ${location}, ${describeHold(lifted.hold)}; ${describeLetGo(lifted.letGo)}.`)
      out.progress(`Wrote on the lock blob: ${describeBreak(lifted.note)}.`)
      return 0
    case 'left-alone':
      throw new UserError(
        lifted.seen.hold
          ? `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, but the lease does not answer to the id its record names ` +
              "(a record written beside another client's lease, or a hold that changed meanwhile): it was left alone. " +
              `To break that lease anyway, add --${Flags.Force}.`
          : `Lock ${location} is held by ${describeHolderSeen(lifted.seen)}, not by a hold: it was left alone. ` +
              `To break that lease anyway, add --${Flags.Force} (or set ${envName(Flags.Force)}=true).`,
      )
    case 'broken':
      out.progress(
        `warning: broke the lease on lock ${location}, held by ${describeHolderSeen(lifted.seen)} (--force).`,
      )
      return 0
    case 'gone':
      out.progress(`Lock ${location} is not held any more: nothing to lift.`)
      return 0
    case 'ended-already':
      // Just after the hold ended by itself: what was asked for is done.
      out.progress(describeEndedAlready(location, lifted))
      return 0
  }
}
