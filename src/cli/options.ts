// The command line of azure-mutex: its options mirror the action's inputs by
// name, as flags (--lock-name) and as environment variables
// (AZURE_MUTEX_LOCK_NAME); a flag wins over the variable. They are read with
// node's own util.parseArgs: it knows long and short options, '--' and
// positionals, and refuses unknown options in strict mode, which is all this
// command needs, with no dependency to keep up to date or bundle. What the
// options say is then read by the action's own input readers
// (action/inputs.ts, free of @actions/*), so the command and the action accept
// and refuse exactly the same values; the messages name what the user gave:
// the flag, the variable, or the argument (sourceOf below).

import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from '../lock/errors.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
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
  /** The subcommand. */
  name: Command
  /** The values of the options given as flags, by input name. */
  flags: Record<string, string | boolean | undefined>
  /** The lock's name, when given as the argument (at most one: more is refused). */
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
    parsed = parseArgs({
      args: [...own],
      options: COMMAND_OPTIONS[command],
      strict: true,
      allowPositionals: true,
      tokens: true,
    })
  } catch (err) {
    // parseArgs says which option, in one line, e.g. "Unknown option '--lease'".
    const message = (err instanceof Error ? err.message.split('\n')[0]! : String(err)).replace(/\. To specify .*$/, '')
    throw new UsageError(`${message}. See 'azure-mutex ${command} --help'.`)
  }
  if (parsed.positionals.length > 1) throw extraArgument(command, parsed.tokens)
  const flags = parsed.values as CommandLine['flags']
  const warnings = SECRET_INPUTS.filter((input) => flags[input] !== undefined).map(
    (input) =>
      `warning: --${input} on the command line is visible to other users of this machine and stays in shell history; ` +
      `set ${envName(input)} instead.`,
  )
  return {
    name: command,
    flags,
    positionals: parsed.positionals,
    command: dashes === -1 ? [] : args.slice(dashes + 1),
    warnings,
  }
}

/** The options whose values are durations, for the example in the message below. */
const DURATION_FLAGS: readonly string[] = [Inputs.Timeout, Inputs.WarnAfter, Inputs.Duration, 'for']

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number]

/**
 * A second argument where the command takes one (the lock's name): most often
 * a value in two words (--timeout 5 minutes), or a command without '--'.
 */
function extraArgument(command: Command, tokens: readonly Token[]): UsageError {
  const arguments_ = tokens.filter((token) => token.kind === 'positional')
  const extra = arguments_[1]!
  const shown = `'${showUntrusted(extra.value, 40)}'`
  const before = tokens[tokens.indexOf(extra) - 1]
  const help = `See 'azure-mutex ${command} --help'.`
  if (before?.kind === 'option' && before.value !== undefined && !before.inlineValue) {
    const example = DURATION_FLAGS.includes(before.name) ? ` (${before.rawName} 5m)` : ''
    return new UsageError(
      `Unexpected argument ${shown} after ${before.rawName} ${showUntrusted(before.value, 40)}: ` +
        `an option takes one value; write it as one word${example} or quote it. ${help}`,
    )
  }
  const lock = showUntrusted(arguments_[0]!.value, 40)
  const toRun =
    command === 'hold' ? ` The command to run goes after '--': azure-mutex hold ${lock} -- ${shown.slice(1, -1)}.` : ''
  return new UsageError(
    `Unexpected argument ${shown}: azure-mutex ${command} takes one lock name ('${lock}').${toRun} ${help}`,
  )
}

/** Where the value of an option came from, as the reader below takes it: the flag wins over the variable. */
export type OptionSource =
  { kind: 'flag'; flag: string } | { kind: 'argument' } | { kind: 'variable'; variable: string } | { kind: 'none' }

/** The flags that give an input: its own, and --for for duration (hold with no command). */
function flagsOf(input: string): string[] {
  return input === Inputs.Duration ? ['for', Inputs.Duration] : [input]
}

/** Whether the subcommand has this option at all: a variable for an option it does not have is not read. */
function hasOption(line: CommandLine, input: string): boolean {
  return Object.hasOwn(COMMAND_OPTIONS[line.name], input)
}

/** Where the input's value comes from: its flag, the argument (the lock's name), AZURE_MUTEX_<NAME>, or nowhere. */
export function sourceOf(line: CommandLine, env: NodeJS.ProcessEnv, input: string): OptionSource {
  if (!hasOption(line, input)) return { kind: 'none' }
  const flag = flagsOf(input).find((name) => line.flags[name] !== undefined)
  if (flag !== undefined) return { kind: 'flag', flag }
  if (input === Inputs.LockName && line.positionals.length > 0) return { kind: 'argument' }
  const variable = envName(input)
  const value = env[variable] ?? ''
  // Empty, or (trimmed, as it is read) blank: not given. The supersede key is read untrimmed.
  const blank = input === Inputs.SupersedeKey ? value === '' : value.trim() === ''
  return blank ? { kind: 'none' } : { kind: 'variable', variable }
}

/**
 * An InputReader over the command line and the environment, for the action's
 * input readers: the flag, else the argument (the lock's name), else
 * AZURE_MUTEX_<NAME>, trimmed as the runner trims inputs. Options the
 * subcommand does not have read as empty.
 */
export function readerOf(line: CommandLine, env: NodeJS.ProcessEnv): InputReader {
  const valueOf = (source: OptionSource): string => {
    switch (source.kind) {
      case 'flag': {
        const given = line.flags[source.flag]
        // A yes/no flag that is given says yes, as AZURE_MUTEX_FORCE=true does.
        return typeof given === 'string' ? given : 'true'
      }
      case 'argument':
        return line.positionals[0]!
      case 'variable':
        return env[source.variable]!
      case 'none':
        return ''
    }
  }
  return (input) => {
    const value = valueOf(sourceOf(line, env, input))
    // The supersede key is compared exactly, as the action reads it: untrimmed.
    return input === Inputs.SupersedeKey ? value : value.trim()
  }
}

/** How a message names an option: quoted as the user gave it, or, for the lock's name given as the argument, by its value. */
export type OptionName = { option: string } | { argument: string }

/**
 * How a message names an option: as the user gave it ('--timeout',
 * 'AZURE_MUTEX_TIMEOUT', the lock name argument), or, when it was not given,
 * both ways ('--timeout' (or AZURE_MUTEX_TIMEOUT)). Options the subcommand does
 * not have are left as the message names them.
 */
export function optionNamer(line: CommandLine, env: NodeJS.ProcessEnv): (input: string) => OptionName | undefined {
  return (input) => {
    if (!hasOption(line, input)) return undefined
    const source = sourceOf(line, env, input)
    switch (source.kind) {
      case 'flag':
        return { option: `'--${source.flag}'` }
      case 'variable':
        return { option: `'${source.variable}'` }
      case 'argument':
        return { argument: `'${showUntrusted(line.positionals[0]!.trim(), 80)}'` }
      case 'none':
        return { option: `'--${flagsOf(input)[0]!}' (or ${envName(input)})` }
    }
  }
}

/**
 * The action's messages name inputs ('lease-duration'); here each names what
 * the user gave, as `name` says: Invalid input '--lease-duration', Invalid
 * input 'AZURE_MUTEX_LEASE_DURATION', and for the lock's name given as the
 * argument, Invalid lock name 'prod.'. A quoted word right after ': ' is the
 * value the user gave ("Invalid input 'on-superseded': 'timeout' is not one
 * of skip or fail"), never an option's name: it is left as it is.
 */
export function inUserTerms(message: string, name: (input: string) => OptionName | undefined): string {
  return message.replace(
    /(\b[Ii]nput )?(?<!: )'([a-z]+(?:-[a-z]+)*)'/g,
    (whole, input: string | undefined, option: string) => {
      const named = name(option)
      if (named === undefined) return whole
      if ('argument' in named) return `${input ? 'lock name' : 'the lock name'} ${named.argument}`
      return `${input ?? ''}${named.option}`
    },
  )
}

const INPUT_NAMES: readonly string[] = Object.values(Inputs)

/** Every input named as its flag: 'lease-duration' is '--lease-duration'. */
export const asFlag = (input: string): OptionName | undefined =>
  INPUT_NAMES.includes(input) ? { option: `'--${input}'` } : undefined

/** The action's messages name inputs ('lease-duration'); here every one named as its flag ('--lease-duration'). */
export function asFlags(message: string): string {
  return inUserTerms(message, asFlag)
}
