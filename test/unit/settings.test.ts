import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { inputMessage } from '../../src/action/inputs.ts'
import { optionNamer, optionWording, parseCommandLine } from '../../src/cli/options.ts'
import { readLockSpec } from '../../src/settings/lock-spec.ts'
import { Option, OptionError, spellOptionError, type InputReader, type OptionKey } from '../../src/settings/option.ts'
import { readOnSuperseded, readSupersede } from '../../src/settings/supersede.ts'
import { readHoldEnd } from '../../src/settings/hold.ts'

const reader =
  (values: Partial<Record<OptionKey, string>>): InputReader =>
  (option) =>
    values[option] ?? ''

function optionError(read: () => unknown): OptionError {
  try {
    read()
  } catch (err) {
    assert.ok(err instanceof OptionError, `expected an OptionError, got ${String(err)}`)
    return err
  }
  assert.fail('expected an OptionError')
}

/** The command's words for an error, with the options as the command line gives them. */
function commandWords(err: OptionError, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return spellOptionError(err, optionWording(optionNamer(parseCommandLine('hold', args), env)))
}

describe('an OptionError', () => {
  test('names the option by key, and each face words it its own way', () => {
    const err = optionError(() => readLockSpec(reader({ [Option.LeaseDuration]: '5' }), 'deploy'))
    assert.equal(err.option, Option.LeaseDuration)
    const problem = "'5' is not a whole number of seconds from 15 to 60"
    assert.equal(inputMessage(err), `Invalid input 'lease-duration': ${problem}.`)
    assert.equal(
      commandWords(err, ['deploy', '--lease-duration', '5']),
      `Invalid input '--lease-duration': ${problem}.`,
    )
    assert.equal(
      commandWords(err, ['deploy'], { AZURE_MUTEX_LEASE_DURATION: '5' }),
      `Invalid input 'AZURE_MUTEX_LEASE_DURATION': ${problem}.`,
    )
  })

  test('in the command, names a lock name given as the argument by its value', () => {
    const err = optionError(() => readLockSpec(reader({ [Option.Container]: 'A' }), 'x'))
    assert.match(inputMessage(err), /^Invalid input 'container': 'A' is not a valid container name/)
    assert.match(commandWords(err, ['x']), /^Invalid input '--container' \(or AZURE_MUTEX_CONTAINER\): 'A'/)
  })

  test('names every option of a sentence as the face does, settings included', () => {
    const err = optionError(() => readHoldEnd(reader({ [Option.Reason]: 'r' })))
    assert.equal(err.form, 'stated')
    assert.match(inputMessage(err), /^Input 'duration' or 'until' is required: .* set 'duration: forever'\.$/)
    assert.match(
      commandWords(err, ['x', '--until', '']),
      /^Input '--for' \(or AZURE_MUTEX_DURATION\) or '--until' is required: .* set 'duration: forever'\.$/,
    )
  })
})

describe('the settings of latest wins', () => {
  test("offer the face's choices of on-superseded: the command's are skip and fail", () => {
    assert.equal(readOnSuperseded(reader({ [Option.OnSuperseded]: 'fail' }), ['fail']), 'fail')
    const err = optionError(() => readOnSuperseded(reader({ [Option.OnSuperseded]: 'cancel' }), ['fail']))
    assert.equal(inputMessage(err), "Invalid input 'on-superseded': 'cancel' is not one of skip or fail.")
    assert.equal(readOnSuperseded(reader({ [Option.OnSuperseded]: 'cancel' }), ['fail', 'cancel']), 'cancel')
  })

  test('with no default sequence (a terminal has no run id), a key needs its sequence', () => {
    const err = optionError(() => readSupersede(reader({ [Option.SupersedeKey]: 'k' }), undefined))
    assert.match(
      commandWords(err, ['x', '--supersede-key', 'k']),
      /^'--supersede-key' needs '--sequence' \(or AZURE_MUTEX_SEQUENCE\): a whole number that grows with each run/,
    )
  })
})
