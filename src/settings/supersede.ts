// Latest wins (lock/deploy/latest.ts): the supersede key, its sequence, and
// what a superseded or stale job does.

import { parseSequence, supersedeKeyProblem, type SupersedeSpec } from '../lock/deploy/latest.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import { Option, invalid, stated, the, words, type InputReader } from './option.ts'

/** A sequence the face has when none is given (the action: the run id), and how a message names it. */
export interface DefaultSequence {
  text: string
  /** e.g. "the run id" and "(GITHUB_RUN_ID)": "<what> '<text>' <from> is not a whole number". */
  what: string
  from: string
}

/**
 * The supersede key, exactly as given (the reader must not trim it: keys are
 * compared exactly), and the sequence: the option, else the face's default;
 * with no default, a key needs its sequence.
 */
export function readSupersede(read: InputReader, fallback: DefaultSequence | undefined): SupersedeSpec | undefined {
  const key = read(Option.SupersedeKey)
  const text = read(Option.Sequence)
  if (key === '') {
    if (text !== '')
      throw invalid(Option.Sequence, words`it is given without ${the(Option.SupersedeKey)}; give both, or neither`)
    return undefined
  }
  if (text === '' && fallback === undefined) {
    throw stated(
      Option.Sequence,
      words`${the(Option.SupersedeKey)} needs ${the(Option.Sequence)}: a whole number that grows with each run, such as the pipeline's run number ($BUILD_BUILDID, $CI_PIPELINE_ID, $BUILD_NUMBER).`,
    )
  }
  const problem = supersedeKeyProblem(key)
  if (problem) throw invalid(Option.SupersedeKey, problem)
  const given = text === '' ? fallback!.text : text
  const sequence = parseSequence(given)
  if (sequence === undefined) {
    const what =
      text === ''
        ? `${fallback!.what} '${showUntrusted(given, 40)}' ${fallback!.from}`
        : `'${showUntrusted(given, 40)}'`
    throw invalid(
      Option.Sequence,
      `${what} is not a whole number; expected a non-negative integer of at most 16 digits, such as \${{ github.run_id }}`,
    )
  }
  return { key, sequence }
}

/** What a superseded or stale job does: skip (the default), fail, or, where the face can, cancel. */
export type OnSuperseded = 'skip' | 'fail' | 'cancel'

/** What a superseded job does, one of `choices` (the face's: skip and fail everywhere, cancel in GitHub Actions). */
export function readOnSuperseded<T extends OnSuperseded>(read: InputReader, choices: readonly T[]): T | 'skip' {
  const text = read(Option.OnSuperseded)
  if (text === '' || text === 'skip') return 'skip'
  const chosen = choices.find((choice) => choice === text)
  if (chosen !== undefined) return chosen
  const listed = ['skip', ...choices.filter((choice) => choice !== 'skip')]
  const list = `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)!}`
  throw invalid(Option.OnSuperseded, `'${showUntrusted(text, 40)}' is not one of ${list}`)
}
