// The command line of azure-mutex: its options mirror the action's inputs by
// name, as flags (--lock-name) and as environment variables
// (AZURE_MUTEX_LOCK_NAME); a flag wins over the variable. They are read with
// node's own util.parseArgs: it knows long and short options, '--' and
// positionals, and refuses unknown options in strict mode, which is all this
// command needs, with no dependency to keep up to date or bundle. What the
// options say is then read by the face-neutral readers of src/settings/, the
// action's too, so the command and the action accept and refuse exactly the
// same values; the messages name what the user gave: the flag, the variable,
// or the argument (sourceOf and optionWording below).

import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from '../lock/errors.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { InputReader } from '../settings/option.ts'
import type { OptionWording } from '../settings/option.ts'
import { FLAG_OF, Flags } from './flags.ts'

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
export const SECRET_INPUTS: readonly string[] = [Flags.ConnectionString, Flags.AccountKey, Flags.SasToken]

/** hold: the command's environment keeps the secrets above (a command that is itself azure-mutex needs them). */
export const PASS_CREDENTIALS = Flags.PassCredentials

/** Where the lock is and how to sign in: every subcommand takes these. */
const LOCK_OPTIONS = {
  [Flags.LockName]: { type: 'string' },
  [Flags.Container]: { type: 'string' },
  [Flags.ConnectionString]: { type: 'string' },
  [Flags.AccountName]: { type: 'string' },
  [Flags.AccountKey]: { type: 'string' },
  [Flags.SasToken]: { type: 'string' },
  [Flags.BlobEndpoint]: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

/** The options of each subcommand. */
export const COMMAND_OPTIONS = {
  hold: {
    ...LOCK_OPTIONS,
    [Flags.LeaseDuration]: { type: 'string' },
    [Flags.Timeout]: { type: 'string' },
    'on-lost': { type: 'string' },
    [PASS_CREDENTIALS]: { type: 'boolean' },
    [Flags.SupersedeKey]: { type: 'string' },
    [Flags.Sequence]: { type: 'string' },
    [Flags.OnSuperseded]: { type: 'string' },
    // With no command, a hold as the hold sub-action sets it (hold-no-command.ts): --for (the input 'duration') or --until.
    for: { type: 'string' },
    [Flags.Duration]: { type: 'string' },
    [Flags.Until]: { type: 'string' },
    [Flags.Reason]: { type: 'string' },
    [Flags.Slots]: { type: 'string' },
    [Flags.Priority]: { type: 'string' },
    [Flags.WarnAfter]: { type: 'string' },
  },
  status: { ...LOCK_OPTIONS, all: { type: 'boolean' }, json: { type: 'boolean' } },
  break: { ...LOCK_OPTIONS, [Flags.Reason]: { type: 'string' }, [Flags.Entry]: { type: 'string' } },
  unhold: { ...LOCK_OPTIONS, [Flags.Reason]: { type: 'string' }, [Flags.Force]: { type: 'boolean' } },
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
const DURATION_FLAGS: readonly string[] = [Flags.Timeout, Flags.WarnAfter, Flags.Duration, Flags.For]

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
  return input === Flags.Duration ? [Flags.For, Flags.Duration] : [input]
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
  if (input === Flags.LockName && line.positionals.length > 0) return { kind: 'argument' }
  const variable = envName(input)
  const value = env[variable] ?? ''
  // Empty, or (trimmed, as it is read) blank: not given. The supersede key is read untrimmed.
  const blank = input === Flags.SupersedeKey ? value === '' : value.trim() === ''
  return blank ? { kind: 'none' } : { kind: 'variable', variable }
}

/**
 * An InputReader over the command line and the environment, for the readers
 * of src/settings/: an option's flag, else the argument (the lock's name),
 * else AZURE_MUTEX_<NAME>, trimmed as the runner trims inputs. Options the
 * subcommand does not have read as empty, and so do the action's own (no flag).
 */
export function readerOf(line: CommandLine, env: NodeJS.ProcessEnv): InputReader {
  const read = flagReader(line, env)
  return (option) => {
    const flag = FLAG_OF[option]
    return flag === undefined ? '' : read(flag)
  }
}

/** The same over the command's own flags (--on-lost, --pass-credentials), by flag name. */
export function flagReader(line: CommandLine, env: NodeJS.ProcessEnv): (flag: string) => string {
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
    return input === Flags.SupersedeKey ? value : value.trim()
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

/** An option's name as `name` gives it, inside a message: the argument is "the lock name 'prod.'". */
function spoken(named: OptionName): string {
  return 'argument' in named ? `the lock name ${named.argument}` : named.option
}

/**
 * How the command words a bad option of src/settings/ (OptionError): each
 * option named as the user gave it (`name`, from optionNamer), Invalid input
 * '--lease-duration': ..., and for the lock's name given as the argument,
 * Invalid lock name 'prod.': .... An option the subcommand does not have is
 * named by its flag.
 */
export function optionWording(name: (flag: string) => OptionName | undefined): OptionWording {
  const flagOf = (option: keyof typeof FLAG_OF): string => FLAG_OF[option] ?? option
  const named = (option: keyof typeof FLAG_OF): OptionName => name(flagOf(option)) ?? { option: `'${flagOf(option)}'` }
  return {
    input: (option) => spoken(named(option)),
    setting: (option, value) => `'${flagOf(option)}: ${value}'`,
    invalid: 'Invalid input',
    opening: (option) => {
      const given = named(option)
      return 'argument' in given ? `Invalid lock name ${given.argument}` : undefined
    },
  }
}

/** Every option named as its flag, as when nothing says how it was given: 'lease-duration' is '--lease-duration'. */
export const asGivenFlag = (flag: string): OptionName => ({ option: `'--${flag}'` })
