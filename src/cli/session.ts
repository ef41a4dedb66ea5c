// What every subcommand does the same way: read where the lock is and how to
// sign in, sign in, and turn a failure into the one line a user sees. Progress
// and errors go to stderr, results to stdout; no colour, so a log or a pipe
// reads the same as a terminal.

import { describeStorageError, statusCode, storageErrorCode, UserError, type ErrorContext } from '../lock/errors.ts'
import { STEP_RETRY } from '../lock/storage.ts'
import { NoAmbientCredentialError } from '../sign-in/ambient.ts'
import { describeIdentityError, isIdentityError } from '../sign-in/entra-id.ts'
import { usesEntra, type StorageAccess } from '../sign-in/methods.ts'
import { signIn, type SignedIn } from '../sign-in/sign-in.ts'
import { readLockName } from '../settings/lock-spec.ts'
import { Option, OptionError, spellOptionError, type InputReader } from '../settings/option.ts'
import { readStorageTarget } from '../settings/storage-target.ts'
import { Flags } from './flags.ts'
import {
  UsageError,
  asGivenFlag,
  envName,
  inUserTerms,
  optionWording,
  type CommandLine,
  type OptionName,
} from './options.ts'

/** Where the command writes: stderr for progress and errors, stdout for results. */
export interface Output {
  progress: (line: string) => void
  result: (text: string) => void
  /** The usage, on stderr as it is, for a command line that names no command. */
  usage: (text: string) => void
}

export const STANDARD_OUTPUT: Output = {
  progress: (line) => process.stderr.write(`azure-mutex: ${line}\n`),
  result: (text) => process.stdout.write(text),
  usage: (text) => process.stderr.write(text),
}

/**
 * What the line for a failure may name, learnt as the subcommand goes: how
 * each option was given (the flag, the variable or the argument), the
 * endpoint once it is read, and whether the command signed in with Entra ID.
 */
export interface Session extends ErrorContext {
  endpoint?: string
  name?: (input: string) => OptionName | undefined
}

/** The requests' retry policy: the steps' (a few quick tries; the wait loop rides out longer trouble). */
export const CLI_RETRY = STEP_RETRY

/**
 * Where the account is and how to sign in. The command takes a key or SAS (best
 * in the environment), or signs in with the Azure credential of the machine
 * (az login, a managed identity, workload identity) when only the account is named.
 * GitHub's OIDC sign-in (client-id, tenant-id) is the action's: it has no flag here.
 */
export function readTarget(read: InputReader, session: Session): StorageAccess {
  const given = [Option.ConnectionString, Option.AccountName, Option.AccountKey, Option.SasToken, Option.BlobEndpoint]
  if (given.every((option) => read(option) === '')) {
    throw new UsageError(
      `No storage account given: set ${envName(Flags.ConnectionString)}; or --${Flags.AccountName} with ` +
        `${envName(Flags.AccountKey)} or ${envName(Flags.SasToken)}; or --${Flags.AccountName} alone to sign in ` +
        'with your Azure credential (az login, a managed identity, workload identity).',
    )
  }
  const access = readStorageTarget(read)
  session.endpoint = access.endpoint
  return access
}

/**
 * The lock's name: the argument or --lock-name (not both), else
 * AZURE_MUTEX_LOCK_NAME, trimmed as the runner trims the action's lock-name,
 * and checked as the action checks it (one reader, one check, wherever it
 * came from); undefined when none is given.
 */
export function lockNameOf(line: CommandLine, read: InputReader): string | undefined {
  const argument = line.positionals[0]
  if (argument !== undefined && line.flags[Flags.LockName] !== undefined) {
    throw new UsageError(`Give the lock's name once: as an argument or as --${Flags.LockName}, not both.`)
  }
  if (read(Option.LockName) === '') {
    if (argument === undefined) return undefined
    throw new UsageError(
      "The lock's name is empty: the argument is only spaces. Give its name, such as production-deploy.",
    )
  }
  return readLockName(read)
}

/** Signs in; with Entra ID, gets one token first so a wrong setup fails here, in one line. */
export async function signInTo(access: StorageAccess, out: Output, session: Session): Promise<SignedIn> {
  session.tokenAuth = usesEntra(access.auth)
  const signedIn = await signIn(access.auth, { check: true })
  if (usesEntra(access.auth)) out.progress(`Signed in to ${signedIn.description}.`)
  return signedIn
}

/**
 * The one line for a failure: ours as written (naming each option as the user
 * gave it), storage and sign-in failures in plain words that name the endpoint.
 */
export function messageOf(err: unknown, session: Session = {}): string {
  if (err instanceof NoAmbientCredentialError) {
    return `${err.message} Or give a key or SAS: ${envName(Flags.AccountKey)} or ${envName(Flags.SasToken)}.`
  }
  if (err instanceof OptionError) return spellOptionError(err, optionWording(session.name ?? asGivenFlag))
  if (err instanceof UserError) return session.name ? inUserTerms(err.message, session.name) : err.message
  if (isIdentityError(err)) return describeIdentityError(err)
  if (statusCode(err) !== undefined || storageErrorCode(err) !== undefined) {
    return describeStorageError(err, session.endpoint, session)
  }
  return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`
}

/** Bad input, as opposed to a failure of storage or sign-in: the exit code tells them apart. */
export function isBadInput(err: unknown): boolean {
  return err instanceof UsageError || err instanceof OptionError
}

/** With AZURE_MUTEX_DEBUG=1 (or true), the stack too; never otherwise. */
export function debugStack(err: unknown, out: Output, env: NodeJS.ProcessEnv = process.env): void {
  if (!['1', 'true'].includes(env.AZURE_MUTEX_DEBUG ?? '')) return
  if (err instanceof Error && err.stack) out.progress(err.stack)
}
