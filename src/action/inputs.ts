// Turns the step's inputs into one typed settings object, up front. Every
// problem becomes an InputError that names the input and the form expected.

import { parseDuration } from '../lock/duration.ts'
import { containerNameProblem, lockNameProblem } from '../lock/names.ts'
import {
  StorageConfigError,
  accountKeyProblem,
  accountNameProblem,
  defaultEndpoint,
  normalizeEndpoint,
  normalizeSasToken,
  parseConnectionString,
  type StorageTarget,
} from '../lock/storage.ts'
import { Defaults, Inputs } from './constants.ts'

export class InputError extends Error {
  override name = 'InputError'
}

export interface Settings {
  lockName: string
  container: string
  target: StorageTarget
  leaseDurationSeconds: number
  /** undefined: wait as long as the job allows. */
  timeoutMs: number | undefined
}

/** Reads one input by name, already trimmed; '' when unset. */
export type InputReader = (name: string) => string

function invalid(input: string, problem: string): InputError {
  return new InputError(`Invalid input '${input}': ${problem}.`)
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

export function readContainer(read: InputReader): string {
  const container = read(Inputs.Container) || Defaults.Container
  const problem = containerNameProblem(container)
  if (problem) {
    throw invalid(Inputs.Container, `'${container}' is not a valid container name: ${problem}`)
  }
  return container
}

export function readLeaseDuration(read: InputReader): number {
  const text = read(Inputs.LeaseDuration)
  if (text === '') return Defaults.LeaseDurationSeconds
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN
  if (!(seconds >= Defaults.MinLeaseSeconds && seconds <= Defaults.MaxLeaseSeconds)) {
    throw invalid(
      Inputs.LeaseDuration,
      `'${text}' is not a whole number of seconds from ${Defaults.MinLeaseSeconds} to ${Defaults.MaxLeaseSeconds}`,
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
      `'${text}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`,
    )
  }
  return ms
}

/** Exactly one kind of credential: a connection string, an account key, or a SAS token. */
export function readStorageTarget(read: InputReader): StorageTarget {
  const connectionString = read(Inputs.ConnectionString)
  const accountName = read(Inputs.AccountName)
  const accountKey = read(Inputs.AccountKey)
  const sasToken = read(Inputs.SasToken)
  const blobEndpoint = read(Inputs.BlobEndpoint)

  const kinds = [
    connectionString && Inputs.ConnectionString,
    accountKey && Inputs.AccountKey,
    sasToken && Inputs.SasToken,
  ].filter(Boolean)
  if (kinds.length > 1) {
    throw new InputError(`Give exactly one kind of credential, not ${kinds.map((k) => `'${k}'`).join(' and ')}.`)
  }
  if (kinds.length === 0) {
    throw new InputError(
      `No credential given: set '${Inputs.ConnectionString}', or '${Inputs.AccountName}' with '${Inputs.AccountKey}' or '${Inputs.SasToken}'.`,
    )
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

  if (accountName === '') {
    throw new InputError(`Input '${Inputs.AccountName}' is required with '${kinds[0]}'.`)
  }
  const nameProblem = accountNameProblem(accountName)
  if (nameProblem) throw invalid(Inputs.AccountName, `'${accountName}' is not a storage account name; ${nameProblem}`)
  const endpoint = endpointOverride ?? defaultEndpoint(accountName)

  if (accountKey) {
    const keyProblem = accountKeyProblem(accountKey)
    if (keyProblem) throw invalid(Inputs.AccountKey, keyProblem)
    return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } }
  }
  return { endpoint, auth: { kind: 'sas', sasToken: guard(Inputs.SasToken, () => normalizeSasToken(sasToken)) } }
}

function guard<T>(input: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    if (err instanceof StorageConfigError) throw invalid(input, err.message)
    throw err
  }
}

export function readSettings(read: InputReader): Settings {
  return {
    lockName: readLockName(read),
    container: readContainer(read),
    leaseDurationSeconds: readLeaseDuration(read),
    timeoutMs: readTimeout(read),
    target: readStorageTarget(read),
  }
}
