// Turns the step's inputs into one typed settings object, up front. Every
// problem becomes an InputError that names the input and the form expected.

import { MAX_DURATION_MS, MAX_DURATION_TEXT, parseDuration } from '../lock/duration.ts'
import { UserError } from '../lock/errors.ts'
import { LEASE_SECONDS, leaseSecondsProblem } from '../lock/lease.ts'
import { containerNameProblem, lockNameProblem } from '../lock/names.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { LockSpec } from '../lock/spec.ts'
import { parseSequence, supersedeKeyProblem, type SupersedeSpec } from '../lock/deploy/latest.ts'
import { parsePriority } from '../lock/queue/priority.ts'
import type { Priority } from '../lock/queue/entry.ts'
import { MAX_SLOTS, slotsProblem } from '../lock/queue/slots.ts'
import type { SignInMethod, StorageAccess } from '../sign-in/methods.ts'
import {
  StorageConfigError,
  accountKeyProblem,
  accountNameProblem,
  defaultEndpoint,
  normalizeEndpoint,
  normalizeSasToken,
  parseConnectionString,
} from '../lock/storage.ts'
import { Defaults, Inputs } from './constants.ts'

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

/** Reads one input by name, already trimmed; '' when unset. */
export type InputReader = (name: string) => string

function invalid(input: string, problem: string): InputError {
  return new InputError(`Invalid input '${input}': ${problem}.`)
}

/**
 * A duration read from `input` (`text` as given, `ms` as parseDuration read
 * it), refused when it is longer than a year (MAX_DURATION_MS): every duration
 * input passes here, so that one too long for any date fails as it is read,
 * before a lease is taken.
 */
export function cappedDuration(input: string, text: string, ms: number): number {
  if (ms > MAX_DURATION_MS) {
    throw invalid(input, `'${showUntrusted(text, 40)}' is longer than a year; expected at most ${MAX_DURATION_TEXT}`)
  }
  return ms
}

export function readLockName(read: InputReader): string {
  const name = read(Inputs.LockName)
  if (name === '') {
    throw new InputError(`Input '${Inputs.LockName}' is required: the name of the lock, e.g. 'production-deploy'.`)
  }
  const problem = lockNameProblem(name)
  if (problem) throw invalid(Inputs.LockName, `${problem}; expected a blob name of 1 to 1024 characters`)
  return name
}

/** The lock name of a sub-action, where it may be left out: undefined when it is. */
export function readOptionalLockName(read: InputReader): string | undefined {
  return read(Inputs.LockName) === '' ? undefined : readLockName(read)
}

export function readContainer(read: InputReader): string {
  const container = read(Inputs.Container) || Defaults.Container
  const problem = containerNameProblem(container)
  if (problem) {
    throw invalid(Inputs.Container, `'${showUntrusted(container, 80)}' is not a valid container name: ${problem}`)
  }
  return container
}

export function readLeaseDuration(read: InputReader): number {
  const text = read(Inputs.LeaseDuration)
  if (text === '') return LEASE_SECONDS.default
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN
  if (leaseSecondsProblem(seconds)) {
    throw invalid(
      Inputs.LeaseDuration,
      `'${showUntrusted(text, 40)}' is not a whole number of seconds from ${LEASE_SECONDS.min} to ${LEASE_SECONDS.max}`,
    )
  }
  return seconds
}

export function readTimeout(read: InputReader): number | undefined {
  const text = read(Inputs.Timeout)
  if (text === '') return undefined
  const ms = parseDuration(text)
  if (ms === undefined) {
    throw invalid(
      Inputs.Timeout,
      `'${showUntrusted(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`,
    )
  }
  return cappedDuration(Inputs.Timeout, text, ms)
}

/**
 * A yes/no input with the rule of core.getBooleanInput: true, True or TRUE;
 * false, False or FALSE. Empty gives the default.
 */
export function readBoolean(read: InputReader, input: string, defaultValue: boolean): boolean {
  const text = read(input)
  if (text === '') return defaultValue
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw invalid(input, `'${showUntrusted(text, 40)}' is not a boolean; expected true or false`)
}

export function readFailOnTimeout(read: InputReader): boolean {
  return readBoolean(read, Inputs.FailOnTimeout, true)
}

/** The longest reason a break record keeps: metadata is sent in HTTP headers, 8 KiB for all of it. */
export const REASON_MAX_LENGTH = 300

/** Why an operator breaks a lease: required, one line, at most REASON_MAX_LENGTH characters. */
export function readReason(read: InputReader): string {
  const reason = read(Inputs.Reason)
  if (reason === '') {
    throw new InputError(
      `Input '${Inputs.Reason}' is required: why the lease is broken, e.g. 'deploy run 812 hung; approved by on-call'. ` +
        "It is written on the lock blob, and the former holder's post step shows it.",
    )
  }
  if (reason.length > REASON_MAX_LENGTH) {
    throw invalid(Inputs.Reason, `it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}`)
  }
  return reason
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i

/**
 * Exactly one kind of credential: a connection string, an account key, a SAS
 * token, Entra ID through GitHub OIDC (client-id and tenant-id), or, with only
 * an account name or endpoint, the Azure credential found on the runner.
 */
export function readStorageTarget(read: InputReader): StorageAccess {
  const connectionString = read(Inputs.ConnectionString)
  const accountName = read(Inputs.AccountName)
  const accountKey = read(Inputs.AccountKey)
  const sasToken = read(Inputs.SasToken)
  const blobEndpoint = read(Inputs.BlobEndpoint)
  const clientId = read(Inputs.ClientId)
  const tenantId = read(Inputs.TenantId)
  const audience = read(Inputs.Audience)

  const kinds = [
    connectionString && Inputs.ConnectionString,
    accountKey && Inputs.AccountKey,
    sasToken && Inputs.SasToken,
  ].filter(Boolean)
  const entra = [clientId && Inputs.ClientId, tenantId && Inputs.TenantId].filter(Boolean)
  if (kinds.length > 0 && entra.length > 0) {
    throw new InputError(
      `Give exactly one kind of credential, not ${quoted(kinds)} and ${quoted(entra)}: ` +
        `'${Inputs.ClientId}' and '${Inputs.TenantId}' sign in with Entra ID, without a key or SAS.`,
    )
  }
  if (kinds.length > 1) {
    throw new InputError(`Give exactly one kind of credential, not ${quoted(kinds)}.`)
  }
  if (audience && entra.length === 0) {
    throw new InputError(`Input '${Inputs.Audience}' is used only with '${Inputs.ClientId}' and '${Inputs.TenantId}'.`)
  }

  const endpointOverride = blobEndpoint ? guard(Inputs.BlobEndpoint, () => normalizeEndpoint(blobEndpoint)) : undefined

  if (connectionString) {
    if (accountName) {
      throw new InputError(
        `Input '${Inputs.AccountName}' cannot be combined with '${Inputs.ConnectionString}', which names the account itself.`,
      )
    }
    const target = guard(Inputs.ConnectionString, () => parseConnectionString(connectionString))
    return endpointOverride ? { ...target, endpoint: endpointOverride } : target
  }

  if (kinds.length === 0 && entra.length === 0 && accountName === '' && !endpointOverride) {
    throw new InputError(
      `No credential given: set '${Inputs.ConnectionString}'; or '${Inputs.AccountName}' with '${Inputs.AccountKey}' or '${Inputs.SasToken}'; ` +
        `or '${Inputs.AccountName}' with '${Inputs.ClientId}' and '${Inputs.TenantId}' to sign in through GitHub OIDC; ` +
        `or '${Inputs.AccountName}' alone to use the Azure credential of the runner.`,
    )
  }
  if (accountName === '' && (kinds.length > 0 || !endpointOverride)) {
    throw new InputError(`Input '${Inputs.AccountName}' is required with ${quoted([...kinds, ...entra])}.`)
  }
  if (accountName) {
    const nameProblem = accountNameProblem(accountName)
    if (nameProblem)
      throw invalid(
        Inputs.AccountName,
        `'${showUntrusted(accountName, 80)}' is not a storage account name; ${nameProblem}`,
      )
  }
  const endpoint = endpointOverride ?? defaultEndpoint(accountName)

  if (accountKey) {
    const keyProblem = accountKeyProblem(accountKey)
    if (keyProblem) throw invalid(Inputs.AccountKey, keyProblem)
    return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } }
  }
  if (sasToken) {
    return { endpoint, auth: { kind: 'sas', sasToken: guard(Inputs.SasToken, () => normalizeSasToken(sasToken)) } }
  }

  // Entra ID from here on: bearer tokens travel only over https.
  if (!endpoint.startsWith('https://')) {
    throw invalid(
      Inputs.BlobEndpoint,
      `'${showUntrusted(endpoint, 120)}' is http, but Entra ID tokens are sent only over https`,
    )
  }
  if (entra.length === 0) return { endpoint, auth: { kind: 'ambient' } }
  if (!clientId) {
    throw new InputError(
      `Input '${Inputs.ClientId}' is required with '${Inputs.TenantId}': the application (client) id of the app registration or managed identity.`,
    )
  }
  if (!tenantId) {
    throw new InputError(
      `Input '${Inputs.TenantId}' is required with '${Inputs.ClientId}': the directory (tenant) id of the app registration.`,
    )
  }
  if (!GUID.test(clientId)) {
    throw invalid(Inputs.ClientId, `expected an application (client) id such as 00000000-0000-0000-0000-000000000000`)
  }
  if (!GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
    throw invalid(
      Inputs.TenantId,
      `expected a directory (tenant) id such as 00000000-0000-0000-0000-000000000000, or a domain such as contoso.onmicrosoft.com`,
    )
  }
  return {
    endpoint,
    auth: { kind: 'federated', tenantId, clientId, audience: audience || Defaults.Audience },
  }
}

function quoted(names: unknown[]): string {
  return names.map((name) => `'${String(name)}'`).join(' and ')
}

function guard<T>(input: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    if (err instanceof StorageConfigError) throw invalid(input, err.message)
    throw err
  }
}

/**
 * The supersede key, exactly as given (the reader must not trim it: keys are
 * compared exactly), and the sequence: the input, else the run id.
 */
export function readSupersede(read: InputReader, runId: string | undefined): SupersedeSpec | undefined {
  const key = read(Inputs.SupersedeKey)
  const text = read(Inputs.Sequence)
  if (key === '') {
    if (text !== '')
      throw invalid(Inputs.Sequence, `it is given without '${Inputs.SupersedeKey}'; give both, or neither`)
    return undefined
  }
  const problem = supersedeKeyProblem(key)
  if (problem) throw invalid(Inputs.SupersedeKey, problem)
  const given = text === '' ? (runId ?? '') : text
  const sequence = parseSequence(given)
  if (sequence === undefined) {
    const what =
      text === '' ? `the run id '${showUntrusted(given, 40)}' (GITHUB_RUN_ID)` : `'${showUntrusted(given, 40)}'`
    throw invalid(
      Inputs.Sequence,
      `${what} is not a whole number; expected a non-negative integer of at most 16 digits, such as \${{ github.run_id }}`,
    )
  }
  return { key, sequence }
}

export function readOnSuperseded(read: InputReader): 'skip' | 'fail'
export function readOnSuperseded(read: InputReader, allowCancel: true): 'skip' | 'fail' | 'cancel'
export function readOnSuperseded(read: InputReader, allowCancel = false): 'skip' | 'fail' | 'cancel' {
  const text = read(Inputs.OnSuperseded)
  if (text === '' || text === 'skip') return 'skip'
  if (text === 'fail') return 'fail'
  // Cancelling the workflow run exists only in GitHub Actions: the action allows it, the CLI does not.
  if (allowCancel && text === 'cancel') return 'cancel'
  throw invalid(
    Inputs.OnSuperseded,
    `'${showUntrusted(text, 40)}' is not one of skip${allowCancel ? ', fail or cancel' : ' or fail'}`,
  )
}

export function readSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const lockName = readLockName(read)
  const container = readContainer(read)
  const leaseDurationSeconds = readLeaseDuration(read)
  const timeoutMs = readTimeout(read)
  const failOnTimeout = readFailOnTimeout(read)
  const runHoldMs = readRunHold(read)
  const supersede = readSupersede(read, env.GITHUB_RUN_ID)
  const onSuperseded = readOnSuperseded(read, true)
  const githubToken = onSuperseded === 'cancel' ? read(Inputs.GithubToken) : undefined
  const slots = readSlots(read)
  refuseSlotsWith(slots, { runHold: runHoldMs !== undefined, supersede: supersede !== undefined })
  const queueing = readQueueing(read)
  const { endpoint, auth } = readStorageTarget(read)
  return {
    lock: {
      endpoint,
      container,
      lockName,
      leaseDurationSeconds,
      ...(runHoldMs !== undefined ? { runHoldMs } : {}),
      ...(slots > 1 ? { slots } : {}),
      ...queueing,
    },
    auth,
    timeoutMs,
    failOnTimeout,
    supersede,
    onSuperseded,
    ...(githubToken !== undefined ? { githubToken } : {}),
  }
}

/** 'slots': how many jobs may hold the lock at once; 1 when not given. */
/**
 * A hold (scope: run) or latest wins is one lease on the lock blob: with slots,
 * the other slots would stay open, so either with slots is refused.
 */
export function refuseSlotsWith(slots: number, uses: { runHold: boolean; supersede: boolean }): void {
  if (slots > 1 && uses.runHold) {
    throw invalid(
      Inputs.Slots,
      `${slots} slots cannot be held for a run ('${Inputs.Scope}: run'); use one or the other`,
    )
  }
  if (slots > 1 && uses.supersede) {
    throw invalid(Inputs.Slots, `${slots} slots cannot be used with '${Inputs.SupersedeKey}'; use one or the other`)
  }
}

export function readSlots(read: InputReader): number {
  const text = read(Inputs.Slots)
  if (text === '') return 1
  if (slotsProblem(text)) {
    throw invalid(Inputs.Slots, `'${showUntrusted(text, 40)}' is not a whole number from 1 to ${MAX_SLOTS}`)
  }
  return Number(text)
}

/** 'scope' and 'hold-for': how long the run's hold may stand (scope run), undefined for scope job. */
export function readRunHold(read: InputReader): number | undefined {
  const scope = read(Inputs.Scope) || 'job'
  if (scope !== 'job' && scope !== 'run') {
    throw invalid(Inputs.Scope, `'${showUntrusted(scope, 40)}' is not a scope; expected job or run`)
  }
  if (scope === 'job') return undefined
  const text = read(Inputs.HoldFor) || '1h'
  const ms = parseDuration(text)
  if (ms === undefined || ms <= 0) {
    throw invalid(
      Inputs.HoldFor,
      `'${showUntrusted(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`,
    )
  }
  return cappedDuration(Inputs.HoldFor, text, ms)
}

/** Why a hold is lifted: optional (`fallback` when empty), at most REASON_MAX_LENGTH characters. */
export function readOptionalReason(read: InputReader, fallback: string): string {
  const reason = read(Inputs.Reason) || fallback
  if (reason.length > REASON_MAX_LENGTH) {
    throw invalid(Inputs.Reason, `it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}`)
  }
  return reason
}

/** 'priority': normal (the default) or high. */
export function readPriority(read: InputReader): Priority {
  const text = read(Inputs.Priority)
  if (text === '') return 'normal'
  const priority = parsePriority(text)
  if (priority === undefined) {
    throw invalid(Inputs.Priority, `'${showUntrusted(text, 40)}' is not a priority; expected normal or high`)
  }
  return priority
}

/** 'warn-after': a duration as 'timeout' takes it; undefined when empty (no warning). */
export function readWarnAfter(read: InputReader): number | undefined {
  const text = read(Inputs.WarnAfter)
  if (text === '') return undefined
  const ms = parseDuration(text)
  if (ms === undefined) {
    throw invalid(
      Inputs.WarnAfter,
      `'${showUntrusted(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`,
    )
  }
  return cappedDuration(Inputs.WarnAfter, text, ms)
}

/** The LockSpec's fields for the order of the line and a long wait: a normal priority is left out, as is no warning. */
export function readQueueing(read: InputReader): Pick<LockSpec, 'priority' | 'warnAfterMs'> {
  const priority = readPriority(read)
  const warnAfterMs = readWarnAfter(read)
  return { ...(priority === 'high' ? { priority } : {}), ...(warnAfterMs !== undefined ? { warnAfterMs } : {}) }
}
