// Turns the step's inputs into one typed settings object, up front, through
// the face-neutral readers of src/settings/. Every problem becomes an
// InputError that names the input as action.yml spells it and the form expected.

import { UserError } from '../lock/errors.ts'
import type { LockSpec } from '../lock/spec.ts'
import type { SupersedeSpec } from '../lock/deploy/latest.ts'
import type { HoldEnd } from '../lock/deploy/hold.ts'
import type { SignInMethod, StorageAccess } from '../sign-in/methods.ts'
import * as settings from '../settings/index.ts'
import { Option, OptionError, spellOptionError, type OptionKey } from '../settings/option.ts'
import { Inputs } from './constants.ts'

export class InputError extends UserError {
  override name = 'InputError'
}

export interface Settings {
  lock: LockSpec
  /** How to sign in: plain data (it goes to the renewer); Entra credentials are built from it later. */
  auth: SignInMethod
  /** undefined: wait as long as the job allows. */
  timeoutMs: number | undefined
  /** false: a timeout ends the step successfully, holding nothing (try-lock). */
  failOnTimeout: boolean
  /** The supersede key and sequence; undefined when no key is given (the feature is off). */
  supersede: SupersedeSpec | undefined
  /** What a superseded or stale job does: 'skip' succeeds without the lock, 'fail' fails the step, 'cancel' cancels the run. */
  onSuperseded: 'skip' | 'fail' | 'cancel'
  /** With 'cancel': the token that cancels the run (a secret: masked as it is read). */
  githubToken?: string
}

/** Reads one input by its name in action.yml, already trimmed; '' when unset. */
export type InputReader = (name: string) => string

/** The input of each option: the action has every one. */
export const INPUT_OF: Record<OptionKey, string> = {
  [Option.LockName]: Inputs.LockName,
  [Option.Container]: Inputs.Container,
  [Option.ConnectionString]: Inputs.ConnectionString,
  [Option.AccountName]: Inputs.AccountName,
  [Option.AccountKey]: Inputs.AccountKey,
  [Option.SasToken]: Inputs.SasToken,
  [Option.BlobEndpoint]: Inputs.BlobEndpoint,
  [Option.ClientId]: Inputs.ClientId,
  [Option.TenantId]: Inputs.TenantId,
  [Option.Audience]: Inputs.Audience,
  [Option.LeaseDuration]: Inputs.LeaseDuration,
  [Option.Timeout]: Inputs.Timeout,
  [Option.FailOnTimeout]: Inputs.FailOnTimeout,
  [Option.SupersedeKey]: Inputs.SupersedeKey,
  [Option.Sequence]: Inputs.Sequence,
  [Option.OnSuperseded]: Inputs.OnSuperseded,
  [Option.Reason]: Inputs.Reason,
  [Option.Entry]: Inputs.Entry,
  [Option.Duration]: Inputs.Duration,
  [Option.Until]: Inputs.Until,
  [Option.Force]: Inputs.Force,
  [Option.Scope]: Inputs.Scope,
  [Option.HoldFor]: Inputs.HoldFor,
  [Option.GithubToken]: Inputs.GithubToken,
  [Option.Slots]: Inputs.Slots,
  [Option.Priority]: Inputs.Priority,
  [Option.WarnAfter]: Inputs.WarnAfter,
}

/** The option of an input name, for readBoolean's callers that name the input. */
const OPTION_OF = new Map<string, OptionKey>(
  Object.entries(INPUT_OF).map(([option, input]) => [input, option as OptionKey]),
)

/** The action's words for a bad option: Invalid input 'lock-name': ...; Input 'reason' is required: ... */
export function inputMessage(err: Pick<OptionError, 'option' | 'problem' | 'form'>): string {
  return spellOptionError(err, {
    input: (option) => `'${INPUT_OF[option]}'`,
    setting: (option, value) => `'${INPUT_OF[option]}: ${value}'`,
    invalid: 'Invalid input',
  })
}

/** The settings' reader over the step's inputs. */
function byOption(read: InputReader): settings.InputReader {
  return (option) => read(INPUT_OF[option])
}

/** Runs a reader of src/settings/ over the inputs; an OptionError comes out as the action words it. */
export function readInputs<T>(read: InputReader, reader: (read: settings.InputReader) => T): T {
  try {
    return reader(byOption(read))
  } catch (err) {
    if (err instanceof OptionError) throw new InputError(inputMessage(err))
    throw err
  }
}

export const REASON_MAX_LENGTH = settings.REASON_MAX_LENGTH

export const readLockName = (read: InputReader): string => readInputs(read, settings.readLockName)

/** The lock name of a sub-action, where it may be left out: undefined when it is. */
export const readOptionalLockName = (read: InputReader): string | undefined =>
  readInputs(read, settings.readOptionalLockName)

export const readContainer = (read: InputReader): string => readInputs(read, settings.readContainer)
export const readLeaseDuration = (read: InputReader): number => readInputs(read, settings.readLeaseDuration)
export const readTimeout = (read: InputReader): number | undefined => readInputs(read, settings.readTimeout)
export const readWarnAfter = (read: InputReader): number | undefined => readInputs(read, settings.readWarnAfter)
export const readPriority = (read: InputReader): settings.Priority => readInputs(read, settings.readPriority)
export const readSlots = (read: InputReader): number => readInputs(read, settings.readSlots)
export const readRunHold = (read: InputReader): number | undefined => readInputs(read, settings.readRunHold)
export const readReason = (read: InputReader): string => readInputs(read, settings.readReason)
export const readHoldReason = (read: InputReader): string => readInputs(read, settings.readHoldReason)
export const readStorageTarget = (read: InputReader): StorageAccess => readInputs(read, settings.readStorageTarget)
export const readQueueing = (read: InputReader): Pick<LockSpec, 'priority' | 'warnAfterMs'> =>
  readInputs(read, settings.readQueueing)

export const readOptionalReason = (read: InputReader, fallback: string): string =>
  readInputs(read, (byKey) => settings.readOptionalReason(byKey, fallback))

export const readHoldEnd = (read: InputReader, now: Date = new Date()): HoldEnd =>
  readInputs(read, (byKey) => settings.readHoldEnd(byKey, now))

/** A yes/no input with the rule of core.getBooleanInput: true, True or TRUE; false, False or FALSE. Empty gives the default. */
export function readBoolean(read: InputReader, input: string, defaultValue: boolean): boolean {
  const option = OPTION_OF.get(input)
  if (option === undefined) throw new Error(`readBoolean: '${input}' is not an input of the action`)
  return readInputs(read, (byKey) => settings.readBoolean(byKey, option, defaultValue))
}

export function readFailOnTimeout(read: InputReader): boolean {
  return readBoolean(read, Inputs.FailOnTimeout, true)
}

/** The supersede key and the sequence, else the run id (GITHUB_RUN_ID). */
export function readSupersede(read: InputReader, runId: string | undefined): SupersedeSpec | undefined {
  return readInputs(read, (byKey) =>
    settings.readSupersede(byKey, { text: runId ?? '', what: 'the run id', from: '(GITHUB_RUN_ID)' }),
  )
}

/** Cancelling the workflow run exists only in GitHub Actions: the action offers it. */
export function readOnSuperseded(read: InputReader): 'skip' | 'fail' | 'cancel' {
  return readInputs(read, (byKey) => settings.readOnSuperseded(byKey, ['fail', 'cancel'] as const))
}

export function refuseSlotsWith(slots: number, uses: { runHold: boolean; supersede: boolean }): void {
  readInputs(
    () => '',
    () => settings.refuseSlotsWith(slots, uses),
  )
}

/** The lock (through readLockSpec, as the command reads it), then the step's own inputs, then where the account is. */
export function readSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const lockName = readLockName(read)
  const lock = readInputs(read, (byKey) => settings.readLockSpec(byKey, lockName, settings.readRunHold))
  const timeoutMs = readTimeout(read)
  const failOnTimeout = readFailOnTimeout(read)
  const supersede = readSupersede(read, env.GITHUB_RUN_ID)
  const onSuperseded = readOnSuperseded(read)
  const githubToken = onSuperseded === 'cancel' ? read(Inputs.GithubToken) : undefined
  refuseSlotsWith(lock.slots ?? 1, { runHold: false, supersede: supersede !== undefined })
  const { endpoint, auth } = readStorageTarget(read)
  return {
    lock: { endpoint, ...lock },
    auth,
    timeoutMs,
    failOnTimeout,
    supersede,
    onSuperseded,
    ...(githubToken !== undefined ? { githubToken } : {}),
  }
}
