// The command line of azure-mutex: its options mirror the action's inputs by
// name, as flags (--lock-name) and as environment variables
// (AZURE_MUTEX_LOCK_NAME); a flag wins over the variable. They are read with
// node's own util.parseArgs: it knows long and short options, '--' and
// positionals, and refuses unknown options in strict mode, which is all this
// command needs, with no dependency to keep up to date or bundle. What the
// options say is then read by the action's own input readers
// (action/inputs.ts, free of @actions/*), so the command and the action accept
// and refuse exactly the same values; the messages name the flag.

import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from '../lock/errors.ts'
import { Inputs } from '../action/constants.ts'
import type { InputReader } from '../action/inputs.ts'

/** A bad command line: one line that names the option; the command exits with ExitCode.BadInput. */
export class UsageError extends UserError {
  override name = 'UsageError'
}

/**
 * The exit codes the command documents. Otherwise `hold` exits with its
 * command's own code (128 + the signal's number when a signal ended it).
 */
export const ExitCode = {
  /** Storage or sign-in failed, or anything unexpected. */
  Failed: 1,
  /** A bad option, argument or environment variable. */
  BadInput: 2,
  /** hold: the wait ran past --timeout; the command did not run. */
  Timeout: 124,
  /** hold: the lease was lost while the command ran (broken, or taken after a lapse); the command was signalled. */
  Lost: 125,
  /** hold: a newer run of the same --supersede-key waits (with --on-superseded fail); the command did not run. */
  Superseded: 122,
  /** hold: a newer run of the same --supersede-key has held the lock (with --on-superseded fail); the command did not run. */
  Stale: 123,
  /** hold: cancelled by SIGINT (130) or SIGTERM (143) while waiting; nothing is left in the queue. */
  Interrupted: 130,
} as const

/** The environment variable that carries an input: lock-name is AZURE_MUTEX_LOCK_NAME. */
export function envName(input: string): string {
  return `AZURE_MUTEX_${input.toUpperCase().replaceAll('-', '_')}`
}

/**
 * Inputs that are secrets: better in the environment, where `ps` and shell
 * history do not show them, and kept from the command that `hold` runs.
 */
export const SECRET_INPUTS: readonly string[] = [Inputs.ConnectionString, Inputs.AccountKey, Inputs.SasToken]

/** hold: the command's environment keeps the secrets above (a command that is itself azure-mutex needs them). */
export const PASS_CREDENTIALS = 'pass-credentials'

/** Where the lock is and how to sign in: every subcommand takes these. */
const LOCK_OPTIONS = {
  [Inputs.LockName]: { type: 'string' },
  [Inputs.Container]: { type: 'string' },
  [Inputs.ConnectionString]: { type: 'string' },
  [Inputs.AccountName]: { type: 'string' },
  [Inputs.AccountKey]: { type: 'string' },
  [Inputs.SasToken]: { type: 'string' },
  [Inputs.BlobEndpoint]: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

/** The options of each subcommand. */
export const COMMAND_OPTIONS = {
  hold: {
    ...LOCK_OPTIONS,
    [Inputs.LeaseDuration]: { type: 'string' },
    [Inputs.Timeout]: { type: 'string' },
    'on-lost': { type: 'string' },
    [PASS_CREDENTIALS]: { type: 'boolean' },
    [Inputs.SupersedeKey]: { type: 'string' },
    [Inputs.Sequence]: { type: 'string' },
    [Inputs.OnSuperseded]: { type: 'string' },
    // With no command, a hold as the hold sub-action sets it (freeze.ts): --for (the input 'duration') or --until.
    for: { type: 'string' },
    [Inputs.Duration]: { type: 'string' },
    [Inputs.Until]: { type: 'string' },
    [Inputs.Reason]: { type: 'string' },
    [Inputs.Slots]: { type: 'string' },
    [Inputs.Priority]: { type: 'string' },
    [Inputs.WarnAfter]: { type: 'string' },
  },
  status: { ...LOCK_OPTIONS, all: { type: 'boolean' }, json: { type: 'boolean' } },
  break: { ...LOCK_OPTIONS, [Inputs.Reason]: { type: 'string' }, [Inputs.Entry]: { type: 'string' } },
  unhold: { ...LOCK_OPTIONS, [Inputs.Reason]: { type: 'string' }, [Inputs.Force]: { type: 'boolean' } },
} as const satisfies Record<string, ParseArgsConfig['options']>

export type Command = keyof typeof COMMAND_OPTIONS

export interface CommandLine {
  /** The values of the options given as flags, by input name. */
  flags: Record<string, string | boolean | undefined>
  positionals: string[]
  /** hold: the command after '--', with its arguments. */
  command: string[]
  /** Lines to show on stderr before anything else: secrets given as flags. */
  warnings: string[]
}

/** Parses a subcommand's arguments (what follows its name). */
export function parseCommandLine(command: Command, args: readonly string[]): CommandLine {
  const dashes = args.indexOf('--')
  const own = dashes === -1 ? args : args.slice(0, dashes)
  let parsed
  try {
    parsed = parseArgs({ args: [...own], options: COMMAND_OPTIONS[command], strict: true, allowPositionals: true })
  } catch (err) {
    // parseArgs says which option, in one line, e.g. "Unknown option '--lease'".
    const message = (err instanceof Error ? err.message.split('\n')[0]! : String(err)).replace(/\. To specify .*$/, '')
    throw new UsageError(`${message}. See 'azure-mutex ${command} --help'.`)
  }
  const flags = parsed.values as CommandLine['flags']
  const warnings = SECRET_INPUTS.filter((input) => flags[input] !== undefined).map(
    (input) =>
      `warning: --${input} on the command line is visible to other users of this machine and stays in shell history; ` +
      `set ${envName(input)} instead.`,
  )
  return { flags, positionals: parsed.positionals, command: dashes === -1 ? [] : args.slice(dashes + 1), warnings }
}

/**
 * An InputReader over the command line and the environment, for the action's
 * input readers: the flag, else AZURE_MUTEX_<NAME>, trimmed as the runner trims inputs.
 */
export function readerOf(line: CommandLine, env: NodeJS.ProcessEnv): InputReader {
  return (input) => {
    const flag = line.flags[input]
    // A yes/no flag that is given says yes, as AZURE_MUTEX_FORCE=true does.
    const value = typeof flag === 'string' ? flag : flag === true ? 'true' : (env[envName(input)] ?? '')
    // The supersede key is compared exactly, as the action reads it: untrimmed.
    return input === Inputs.SupersedeKey ? value : value.trim()
  }
}

/** The action's messages name inputs ('lease-duration'); here they name the flag ('--lease-duration'). */
export function asFlags(message: string): string {
  let text = message
  for (const input of Object.values(Inputs)) text = text.replaceAll(`'${input}'`, `'--${input}'`)
  return text
}
