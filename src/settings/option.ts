// The options every face reads, by a name of no face: the action's inputs
// (action/constants.ts spells them) and the command's flags and variables
// (cli/flags.ts spells them) each map these keys to their own words. A reader
// here is given an InputReader by key; a problem is an OptionError that names
// the option by key, and each face words it its own way.

import { UserError } from '../lock/errors.ts'

export const Option = {
  LockName: 'lockName',
  Container: 'container',
  ConnectionString: 'connectionString',
  AccountName: 'accountName',
  AccountKey: 'accountKey',
  SasToken: 'sasToken',
  BlobEndpoint: 'blobEndpoint',
  ClientId: 'clientId',
  TenantId: 'tenantId',
  Audience: 'audience',
  LeaseDuration: 'leaseDuration',
  Timeout: 'timeout',
  FailOnTimeout: 'failOnTimeout',
  SupersedeKey: 'supersedeKey',
  Sequence: 'sequence',
  OnSuperseded: 'onSuperseded',
  Reason: 'reason',
  Entry: 'entry',
  Duration: 'duration',
  Until: 'until',
  Force: 'force',
  Scope: 'scope',
  HoldFor: 'holdFor',
  GithubToken: 'githubToken',
  Slots: 'slots',
  Priority: 'priority',
  WarnAfter: 'warnAfter',
} as const

export type OptionKey = (typeof Option)[keyof typeof Option]

/** Reads one option by key as the face has it, trimmed (the supersede key excepted); '' when unset or absent. */
export type InputReader = (option: OptionKey) => string

/** An option named inside a message; each face names it its own way. */
export interface Named {
  readonly option: OptionKey
  /** A setting of the option: the option with this value ('scope: run' in a workflow). */
  readonly value?: string
}

/** A message in pieces: text, and the options it names. */
export type Words = readonly (string | Named)[]

/** The option, to be named by the face inside words`...`. */
export const the = (option: OptionKey): Named => ({ option })

/** The option set to a value, to be named by the face: 'scope: run'. */
export const setTo = (option: OptionKey, value: string): Named => ({ option, value })

/** words`Give ${the(Option.Duration)} or ${the(Option.Until)}, not both.`: text with options in it. */
export function words(strings: TemplateStringsArray, ...parts: readonly (string | number | Named | Words)[]): Words {
  const out: (string | Named)[] = [strings[0]!]
  parts.forEach((part, i) => {
    if (Array.isArray(part)) out.push(...(part as Words))
    else out.push(typeof part === 'object' ? (part as Named) : String(part))
    out.push(strings[i + 1]!)
  })
  return out.filter((piece) => piece !== '')
}

/** The options, each named, joined by ' and ' ('a' and 'b'). */
export function both(options: readonly OptionKey[]): Words {
  return options.flatMap((option, i) => (i === 0 ? [the(option)] : [' and ', the(option)]))
}

/** How a face names options inside a message. */
export interface Naming {
  /** An option, quotes and all, as the face spells it (the command: '--lock-name'). */
  input: (option: OptionKey) => string
  /** An option set to a value, quotes and all: 'scope: run'. */
  setting: (option: OptionKey, value: string) => string
}

/** The words as one line, each option named as the face names it. */
export function spell(pieces: Words, naming: Naming): string {
  return pieces
    .map((piece) =>
      typeof piece === 'string'
        ? piece
        : piece.value === undefined
          ? naming.input(piece.option)
          : naming.setting(piece.option, piece.value),
    )
    .join('')
}

/**
 * A bad option: `problem` says what is wrong with it. With form 'invalid' the
 * face says which option and then the problem (Invalid input <the option>:
 * ...); with 'stated' the problem is the whole sentence, naming
 * its options itself. The message names options by key: faces word it with
 * spellOptionError instead.
 */
export class OptionError extends UserError {
  override name = 'OptionError'

  readonly option: OptionKey
  readonly problem: Words
  readonly form: 'invalid' | 'stated'

  constructor(option: OptionKey, problem: Words, form: 'invalid' | 'stated' = 'invalid') {
    super(
      spellOptionError(
        { option, problem, form },
        { input: (key) => `'${key}'`, setting: (key, value) => `'${key}: ${value}'`, invalid: 'Invalid option' },
      ),
    )
    this.option = option
    this.problem = problem
    this.form = form
  }
}

/** How a face words an OptionError: how it names an option, and the invalid form's opening for one. */
export interface OptionWording extends Naming {
  /** The opening of "<opening> '<option>': <problem>.", e.g. 'Invalid input'. */
  invalid: string
  /** For the invalid form, a whole opening instead of "<invalid> <input>" (a lock name given as the argument). */
  opening?: (option: OptionKey) => string | undefined
}

export function spellOptionError(
  err: Pick<OptionError, 'option' | 'problem' | 'form'>,
  wording: OptionWording,
): string {
  const problem = spell(err.problem, wording)
  if (err.form === 'stated') return problem
  const opening = wording.opening?.(err.option) ?? `${wording.invalid} ${wording.input(err.option)}`
  return `${opening}: ${problem}.`
}

/** The invalid form: "Invalid input 'x': <problem>." in the face's words. */
export function invalid(option: OptionKey, problem: Words | string): OptionError {
  return new OptionError(option, typeof problem === 'string' ? [problem] : problem)
}

/** A sentence that names its options itself. */
export function stated(option: OptionKey, sentence: Words): OptionError {
  return new OptionError(option, sentence, 'stated')
}
