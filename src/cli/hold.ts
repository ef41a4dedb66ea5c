// azure-mutex hold <lock> -- <command>: wait in the lock's queue (the same
// queue as the action's jobs), run the command while holding the lease,
// renewing it in this process, then release it.
//
// The order matters for "never two holders": the command starts only after a
// renewal has confirmed the lease (that also proves the fencing token: no
// later holder can have taken the lease before it), and the lease is released
// only after the command has exited. Signals go to the command; the lease is
// released once it is gone, whatever ended it.

import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { constants } from 'node:os'
import { setTimeout as delay } from 'node:timers/promises'
import { describeBreak } from '../lock/break-record.ts'
import { monotonicNow } from '../lock/clock.ts'
import { formatDuration } from '../lock/duration.ts'
import { LockCancelledError, LockError, LockTimeoutError, describeStorageErrorBrief } from '../lock/errors.ts'
import { describeLetGo } from '../lock/queue/handover.ts'
import { HeldLease, type HeldLeaseLoss } from '../lock/held-lease.ts'
import { LockSupersededError, type SupersedeSpec } from '../lock/deploy/latest.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { StorageAccess } from '../sign-in/methods.ts'
import { waitForLease, type Acquired } from '../lock/waiter.ts'
import { notBoolean, parseBoolean } from '../settings/boolean.ts'
import { readTimeout } from '../settings/durations.ts'
import { readLockSpec, refuseSlotsWith } from '../settings/lock-spec.ts'
import { readOnSuperseded, readSupersede } from '../settings/supersede.ts'
import { Flags } from './flags.ts'
import { cliHolder } from './holder.ts'
import { runFreeze } from './hold-no-command.ts'
import {
  ExitCode,
  PASS_CREDENTIALS,
  SECRET_INPUTS,
  UsageError,
  envName,
  flagReader,
  readerOf,
  type CommandLine,
  type OptionName,
} from './options.ts'
import { CLI_RETRY, lockNameOf, readTarget, signInTo, type Output, type Session } from './session.ts'
import { waitLine } from './wait-lines.ts'
import {
  GRACE_MS,
  commandSpawnOptions,
  endCommandGroup,
  groupAlive,
  signalCommand,
  startWatchdog,
  type Watchdog,
} from './watchdog.ts'

/** How long the first renewal may take once the lease is ours; the command does not start without it. */
const CONFIRM_MS = 20_000

/** The signals passed on to the command. */
const PASSED_ON: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** What --on-lost accepts: the signal the command gets when the lease is lost, or none. */
const ON_LOST: readonly string[] = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGKILL', 'none']
const ON_LOST_OPTION = 'on-lost'

/** The variables the command finds in its environment. */
export const HoldEnv = {
  FencingToken: 'AZURE_MUTEX_FENCING_TOKEN',
  LeaseId: 'AZURE_MUTEX_LEASE_ID',
  Lock: 'AZURE_MUTEX_LOCK',
} as const

/**
 * The command's environment: this one, with the lock's variables, and without
 * the secrets that signed this command in (AZURE_MUTEX_CONNECTION_STRING,
 * _ACCOUNT_KEY, _SAS_TOKEN) unless `passCredentials` says to keep them. What
 * the machine's own Azure credential reads (AZURE_CLIENT_SECRET, say) is the
 * machine's, not this command's, and stays.
 */
export function commandEnv(
  env: NodeJS.ProcessEnv,
  passCredentials: boolean,
  lock: { fencingToken: number; leaseId: string; location: string },
): NodeJS.ProcessEnv {
  return {
    ...(passCredentials ? env : withoutSecrets(env)),
    [HoldEnv.FencingToken]: String(lock.fencingToken),
    [HoldEnv.LeaseId]: lock.leaseId,
    [HoldEnv.Lock]: lock.location,
  }
}

/** The environment without the secrets that signed this command in. */
function withoutSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !SECRET_INPUTS.some((input) => envName(input) === name)),
  )
}

interface HoldSettings {
  /** Where the account is and how to sign in. */
  access: StorageAccess
  lock: LockSpec
  /** Latest wins (lock/deploy/latest.ts): the key and sequence, when --supersede-key is given. */
  supersede: SupersedeSpec | undefined
  onSuperseded: 'skip' | 'fail'
  timeoutMs: number | undefined
  onLost: NodeJS.Signals | 'none'
  /** --pass-credentials: the command keeps the secrets this command was given in its environment. */
  passCredentials: boolean
  command: string[]
}

/** The exit code of a process ended by a signal, as shells give it: 128 + its number. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0)
}

function readHoldSettings(line: CommandLine, env: NodeJS.ProcessEnv, session: Session): HoldSettings {
  const read = readerOf(line, env)
  const readFlag = flagReader(line, env)
  const lockName = lockNameOf(line, read)
  if (lockName === undefined) {
    throw new UsageError("Missing the lock's name: azure-mutex hold <lock> -- <command> [args...].")
  }
  const freezing = FREEZE_FLAGS.filter((flag) => line.flags[flag] !== undefined)
  if (freezing.length > 0) {
    throw new UsageError(
      `--${freezing[0]} sets a hold with no command, and a command was given: ` +
        `azure-mutex hold ${lockName} --for <duration> --reason <why>, or azure-mutex hold ${lockName} -- <command>.`,
    )
  }
  const onLost = readFlag(ON_LOST_OPTION) || 'SIGTERM'
  if (!ON_LOST.includes(onLost)) {
    throw new UsageError(
      `Invalid input '${ON_LOST_OPTION}': '${showUntrusted(onLost, 20)}' is not one of ${ON_LOST.join(', ')}.`,
    )
  }
  const access = readTarget(read, session)
  // A terminal has no run id to trust (a shell's is a process id): a key needs its --sequence.
  const supersede = readSupersede(read, undefined)
  const lock = { endpoint: access.endpoint, ...readLockSpec(read, lockName) }
  refuseSlotsWith(lock.slots ?? 1, { runHold: false, supersede: supersede !== undefined })
  session.container = lock.container
  return {
    access,
    lock,
    supersede,
    // Cancelling the run is the action's: the command skips or fails.
    onSuperseded: readOnSuperseded(read, ['fail'] as const),
    timeoutMs: readTimeout(read),
    onLost: onLost as HoldSettings['onLost'],
    passCredentials: readPassCredentials(readFlag(PASS_CREDENTIALS), session.name),
    command: line.command,
  }
}

/** --pass-credentials (or AZURE_MUTEX_PASS_CREDENTIALS=true): yes/no, as the action reads its booleans. */
function readPassCredentials(text: string, name: ((flag: string) => OptionName | undefined) | undefined): boolean {
  if (text === '') return false
  const value = parseBoolean(text)
  if (value !== undefined) return value
  const named = name?.(PASS_CREDENTIALS)
  const option = named && 'option' in named ? named.option : `'--${PASS_CREDENTIALS}'`
  throw new UsageError(`Invalid input ${option}: ${notBoolean(text)}.`)
}

/** The flags of a hold with no command (hold-no-command.ts): refused beside a command. */
const FREEZE_FLAGS: readonly string[] = [Flags.For, Flags.Duration, Flags.Until, Flags.Reason]

/** Signals that reached this process: while waiting they cancel the wait; while holding they go to the command. */
class SignalRelay {
  readonly cancel = new AbortController()
  /** The first signal received, for the exit code of a cancelled wait. */
  first: NodeJS.Signals | undefined
  private child: ChildProcess | undefined
  private readonly handler = (signal: NodeJS.Signals): void => {
    this.first ??= signal
    // To the command's whole group (watchdog.ts): a terminal's Ctrl-C reaches only this process's group now.
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) signalCommand(this.child, signal)
    else this.cancel.abort()
  }

  constructor() {
    for (const signal of PASSED_ON) process.on(signal, this.handler)
  }

  passTo(child: ChildProcess): void {
    this.child = child
  }

  stop(): void {
    for (const signal of PASSED_ON) process.off(signal, this.handler)
  }
}

export async function runHold(
  line: CommandLine,
  out: Output,
  env: NodeJS.ProcessEnv,
  session: Session,
): Promise<number> {
  // No command: a hold with a reason and an end, as the hold sub-action sets it.
  if (line.command.length === 0) return runFreeze(line, out, env, session)
  const settings = readHoldSettings(line, env, session)
  const relay = new SignalRelay()
  try {
    return await hold(settings, relay, out, env, session)
  } finally {
    relay.stop()
  }
}

async function hold(
  settings: HoldSettings,
  relay: SignalRelay,
  out: Output,
  env: NodeJS.ProcessEnv,
  session: Session,
): Promise<number> {
  const spec = settings.lock
  const location = lockLocation(spec)
  const signedIn = await signInTo(settings.access, out, session)
  const lock = openLock(signedIn.auth, spec, { retry: CLI_RETRY })
  const leaseMs = spec.leaseDurationSeconds * 1000
  const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${formatDuration(settings.timeoutMs)}`
  out.progress(`Taking lock ${location} (lease ${spec.leaseDurationSeconds}s, wait ${limit}).`)
  const name = `${spec.container}/${spec.lockName}`

  let acquired: Acquired
  try {
    acquired = await waitForLease({
      lock,
      leaseId: randomUUID(),
      spec,
      holder: cliHolder(env),
      ...(settings.supersede ? { supersede: settings.supersede } : {}),
      timeoutMs: settings.timeoutMs,
      signal: relay.cancel.signal,
      onEvent: (event) => {
        const text = waitLine(event, name, session.name)
        if (text) out.progress(text)
      },
    })
  } catch (err) {
    if (err instanceof LockTimeoutError) {
      out.progress(`${err.message} The command did not run.`)
      return ExitCode.Timeout
    }
    if (err instanceof LockSupersededError) return superseded(err, settings.onSuperseded, out)
    if (err instanceof LockCancelledError) {
      out.progress(`Received ${relay.first ?? 'a signal'} while waiting: left the queue; the command did not run.`)
      return signalExitCode(relay.first ?? 'SIGINT')
    }
    throw err
  }

  // The lease is ours from here: renew it in this process until the command is done.
  const leaseId = acquired.leaseId
  // With slots, on the blob of the slot taken.
  lock.useSlot(acquired.slot)
  // Set once the command runs: a loss is said at once while it does (holdCommand).
  let onLoss: ((loss: HeldLeaseLoss) => void) | undefined = undefined
  const held = new HeldLease(lock, {
    leaseId,
    leaseDurationMs: leaseMs,
    confirmedMono: acquired.confirmedMono,
    onEvent: (event) => {
      if (event.type === 'renewed' && event.afterLapse) {
        out.progress(`warning: ${healedLapseLine(event.afterLapse.gapMs, event.afterLapse.leaseMs)}`)
      } else if (event.type === 'renewal-failed') {
        out.progress(`warning: renewing the lease failed, retrying: ${describeStorageErrorBrief(event.error)}`)
      } else if (event.type === 'lost') {
        onLoss?.(event.loss)
      }
    },
  })
  held.keep()

  const confirming = new AbortController()
  const first = await Promise.race([
    held.firstRenewal,
    delay(CONFIRM_MS, undefined, { signal: AbortSignal.any([relay.cancel.signal, confirming.signal]) }).then(
      () => 'slow' as const,
      () => 'cancelled' as const,
    ),
  ])
  // The timer must not keep this process alive after the command.
  confirming.abort()
  if (first !== 'renewed') {
    await held.giveBack()
    if (first === 'cancelled') {
      out.progress(
        `Received ${relay.first ?? 'a signal'} just after taking the lock: released it; the command did not run.`,
      )
      return signalExitCode(relay.first ?? 'SIGINT')
    }
    throw new LockError(
      first === 'lost'
        ? `Lock ${location} was lost before its first renewal; the command did not run.`
        : `The first renewal of lock ${location} did not succeed within ${formatDuration(CONFIRM_MS)}; released it; the command did not run.`,
    )
  }

  out.progress(
    `Holding lock ${location} after waiting ${formatDuration(acquired.waitedMs)}; fencing token ${acquired.fencingToken}. ` +
      `Running: ${settings.command.join(' ').slice(0, 200)}`,
  )
  // The command must not outlive this process, however it ends (watchdog.ts): a watchdog first, then the command.
  let watchdog: Watchdog
  try {
    watchdog = startWatchdog(withoutSecrets(env))
    if (watchdog.process.pid === undefined) throw new Error('it did not start')
  } catch (err) {
    await held.giveBack()
    throw new LockError(
      `Could not start the watchdog that ends the command if azure-mutex is killed ` +
        `(${err instanceof Error ? err.message : String(err)}): released lock ${location}; the command did not run.`,
    )
  }
  const child = spawn(settings.command[0]!, settings.command.slice(1), {
    stdio: 'inherit',
    env: commandEnv(env, settings.passCredentials, { fencingToken: acquired.fencingToken, leaseId, location }),
    ...commandSpawnOptions(process.platform),
  })
  relay.passTo(child)
  if (child.pid !== undefined) keepWatched(watchdog, child.pid, env, out, (next) => (watchdog = next))
  const exited = new Promise<number>((resolve) => {
    child.on('error', (err: NodeJS.ErrnoException) => {
      out.progress(`Could not run ${settings.command[0]!.slice(0, 200)}: ${err.code ?? err.message}.`)
      resolve(err.code === 'ENOENT' ? 127 : 126)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? signalExitCode(signal) : ExitCode.Failed)))
  })

  // A loss while the command runs: say so at once, and signal the command as --on-lost says.
  let loss: HeldLeaseLoss | undefined
  // Whether the LOST line was printed then: the line after the command only adds its exit code.
  let told = false
  onLoss = (found) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    loss = found
    told = true
    const signalled =
      settings.onLost === 'none' ? 'The command goes on (--on-lost none)' : `Sending ${settings.onLost} to the command`
    out.progress(`LOST lock ${location} while holding it: ${lossLine(found)} ${signalled}.`)
    if (settings.onLost !== 'none') signalCommand(child, settings.onLost)
  }
  // Lost between the first renewal and now: said as soon as the command runs, as before.
  if (held.loss) {
    const found = held.loss
    void Promise.resolve().then(() => onLoss?.(found))
  }

  const code = await exited
  // Whatever the command started and left running is part of it: ended before the lease is let go.
  if (child.pid !== undefined && groupAlive(child.pid)) {
    out.progress(
      `warning: the command exited and left processes of its group running: ending them (SIGTERM, then ` +
        `SIGKILL after ${formatDuration(GRACE_MS)}) before letting go of lock ${location}.`,
    )
    await endCommandGroup(child.pid)
  }
  watchdog.done()
  // Proven first when a whole lease went by unconfirmed; with jobs waiting, the lease goes straight to the head of
  // the queue (handover.ts), as the action's does.
  const result = await held.letGo({ timeoutMs: 15_000 })
  if (result.outcome === 'handed-over' || result.outcome === 'released') {
    const how = result.outcome === 'handed-over' ? `: ${describeLetGo(result)}` : ''
    out.progress(`Released lock ${location}${how}.`)
    return code
  }
  if (result.outcome !== 'lost') {
    const error = result.outcome === 'failed' ? result.error : undefined
    out.progress(
      `warning: releasing lock ${location} failed (${describeStorageErrorBrief(error)}); ` +
        `its lease ends by itself within ${spec.leaseDurationSeconds}s.`,
    )
    return code
  }
  loss ??= result.loss
  const broken = await lock.status({ timeoutMs: 10_000 }).catch(() => undefined)
  const lastBreak =
    broken && broken !== 'missing' && broken.lastBreak ? ` It was ${describeBreak(broken.lastBreak)}.` : ''
  const lost = told
    ? `Lock ${location} was lost while the command ran.`
    : `LOST lock ${location} while holding it: ${lossLine(loss)}`
  out.progress(`${lost}${lastBreak} The command's exit code was ${code}; exiting ${ExitCode.Lost}.`)
  return ExitCode.Lost
}

/** How many times a watchdog that ended by itself is replaced while the command runs. */
const WATCHDOG_RESTARTS = 3

/**
 * Tells the watchdog the command's pid, and replaces a watchdog that ends by
 * itself while the command runs (killed on its own, say), with a warning.
 */
function keepWatched(
  first: Watchdog,
  pid: number,
  env: NodeJS.ProcessEnv,
  out: Output,
  replaced: (watchdog: Watchdog) => void,
  restarts = WATCHDOG_RESTARTS,
): void {
  first.watch(pid)
  first.process.once('exit', (code, signal) => {
    if (first.finished) return
    const how = signal ?? `exit code ${code}`
    const unwatched = `warning: the watchdog of the command ended (${how}): if azure-mutex is killed, its command may go on.`
    if (restarts === 0) return out.progress(unwatched)
    try {
      const next = startWatchdog(withoutSecrets(env))
      replaced(next)
      out.progress(`warning: the watchdog of the command ended (${how}); started another.`)
      keepWatched(next, pid, env, out, replaced, restarts - 1)
    } catch {
      out.progress(unwatched)
    }
  })
}

/** A newer run of the key: with --on-superseded skip (the default) exit 0, as the action's step passes; else 122 or 123. */
function superseded(err: LockSupersededError, onSuperseded: 'skip' | 'fail', out: Output): number {
  if (onSuperseded === 'skip') {
    out.progress(`${err.message} The command did not run (--${Flags.OnSuperseded} skip): exiting 0.`)
    return 0
  }
  const code = err.outcome === 'stale' ? ExitCode.Stale : ExitCode.Superseded
  out.progress(`${err.message} The command did not run (--${Flags.OnSuperseded} fail): exiting ${code}.`)
  return code
}

/**
 * A renewal answered after the lease's certain end that succeeded: the lease
 * went `gapMs` without proof (storage or the network was gone), and may have
 * run out, but Azure renews a lapsed lease only if nobody leased the lock
 * since. No loss, but the command ran that long unconfirmed: said at once, as
 * post and the release step say it for the action.
 */
export function healedLapseLine(gapMs: number, leaseMs: number): string {
  return (
    `the lease went unrenewed for ${formatDuration(gapMs)}, longer than its ${formatDuration(leaseMs)} duration ` +
    '(storage or the network was gone), and a renewal then succeeded. Azure renews a lapsed lease only if nobody ' +
    'leased the lock since, so nobody else held it.'
  )
}

/** "Azure says ... Exclusive only until 10:02:11Z": the loss, dated for a reader. */
function lossLine(loss: HeldLeaseLoss): string {
  // For display only: the monotonic reading as a wall-clock time.
  const until = new Date(Date.now() - (monotonicNow() - loss.exclusiveUntil)).toISOString()
  return `${loss.reason}. It was certainly exclusive only until ${until}.`
}
