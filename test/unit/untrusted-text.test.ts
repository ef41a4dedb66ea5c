import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { SHOWN_LENGTH, keptForShowing, showUntrusted } from '../../src/lock/untrusted-text.ts'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
const LONE_SURROGATE = /\p{Cs}/u

/**
 * What the runner would take from a line: a '::name' command after leading
 * white space (.NET's TrimStart), or a '##[name' command anywhere in it.
 */
function looksLikeCommand(line: string): boolean {
  return /^[\s\u0085]*::/u.test(line) || line.includes('##[')
}

/** Every property that shown text must have, whatever went in. */
function assertSafe(shown: string, input: string): void {
  const what = `${JSON.stringify(input.slice(0, 60))} shown as ${JSON.stringify(shown.slice(0, 80))}`
  assert.ok(!CONTROL.test(shown), `no control or line-breaking character: ${what}`)
  assert.ok(!BIDI.test(shown), `no bidirectional control: ${what}`)
  assert.ok(!looksLikeCommand(shown), `no workflow command: ${what}`)
  assert.doesNotMatch(shown, LONE_SURROGATE, `no lone surrogate: ${what}`)
  assert.ok(Array.from(shown).length <= SHOWN_LENGTH, `at most ${SHOWN_LENGTH} characters: ${what}`)
}

const HOSTILE = [
  'x\n::error title=Security scan passed::All clear',
  '\n::add-mask::octo/api',
  '\r\n::stop-commands::pwned',
  '::error::at the very start',
  '   ::warning::after spaces',
  '\t::notice::after a tab',
  '\u3000::debug::after an ideographic space',
  '\u00a0\u2003::group::after no-break and em spaces',
  '\u2028::error::after a line separator',
  '\u0085::error::after NEL',
  'fine ##[error]the old command form, mid-line',
  '##[add-mask]octo',
  '#\n#[error]split by a newline',
  '\u001b[31mred\u001b[0m',
  '\u009b31mC1 CSI',
  'carriage\rreturn',
  'nul\u0000byte and DEL\u007f',
  'evil\u202egnp.exe',
  '\u2066isolated\u2069 \u200fmarks\u200e',
  'lone \ud800 and \udc00 surrogates',
  '%0A::error::percent-encoded, literally',
  'x'.repeat(8 * 1024),
  '\n'.repeat(8 * 1024),
  '🚀'.repeat(300),
]

describe('showUntrusted', () => {
  for (const input of HOSTILE) {
    test(`makes ${JSON.stringify(input.length > 50 ? `${input.slice(0, 12)}… (${input.length} chars)` : input)} safe to print`, () => {
      assertSafe(showUntrusted(input), input)
    })
  }

  test('leaves ordinary names, non-ASCII text and emoji as they are', () => {
    for (const text of [
      'octo/api',
      'Deploy to prod',
      'dépl☃y',
      'ship 🚀 it',
      'Zoë',
      'https://github.com/o/r/actions/runs/1',
    ]) {
      assert.equal(showUntrusted(text), text)
    }
  })

  test('shows line breaks, tabs and backslashes as the escapes people know', () => {
    assert.equal(showUntrusted('a\nb\rc\td\\e'), 'a\\nb\\rc\\td\\\\e')
  })

  test('shows other controls as \\x escapes and bidi controls and lone surrogates as \\u escapes', () => {
    assert.equal(showUntrusted('\u001b[31m\u0000\u007f\u0085'), '\\x1b[31m\\x00\\x7f\\x85')
    assert.equal(showUntrusted('evil\u202egnp'), 'evil\\u202egnp')
    assert.equal(showUntrusted('\u2028'), '\\u2028')
    assert.equal(showUntrusted('a\ud800b'), 'a\\ud800b')
  })

  test("escapes the first ':' of a leading '::', after any white space, and nothing else", () => {
    assert.equal(showUntrusted('::add-mask::x'), '\\x3a:add-mask::x')
    assert.equal(showUntrusted('  ::error::x'), '  \\x3a:error::x')
    assert.equal(showUntrusted('a ::error::x'), 'a ::error::x', 'mid-line :: is not a command')
    assert.equal(showUntrusted(':x'), ':x')
    assert.equal(showUntrusted('\n::error::x'), '\\n::error::x', 'an escaped line break already starts the text')
    assert.equal(showUntrusted('\u3000::error::x'), '\u3000\\x3a:error::x')
  })

  test("escapes the '[' of every '##[', which the runner reads anywhere in a line", () => {
    assert.equal(showUntrusted('a ##[error]b ##[warning]c'), 'a ##\\x5berror]b ##\\x5bwarning]c')
    assert.equal(showUntrusted('#[x] and # [y]'), '#[x] and # [y]')
  })

  test("keeps '%' sequences literal: they are decoded only inside a command", () => {
    assert.equal(showUntrusted('%0A%0D%25'), '%0A%0D%25')
  })

  test('cuts long text to 200 characters, the ellipsis included', () => {
    const shown = showUntrusted('x'.repeat(8 * 1024))
    assert.equal(shown, `${'x'.repeat(199)}…`)
  })

  test('keeps text of exactly the limit whole', () => {
    assert.equal(showUntrusted('y'.repeat(200)), 'y'.repeat(200))
    assert.equal(showUntrusted('abcdef', 6), 'abcdef')
    assert.equal(showUntrusted('abcdefg', 6), 'abcde…')
  })

  test('counts escapes in the length and never cuts one in half', () => {
    const shown = showUntrusted('\n'.repeat(8 * 1024))
    assert.equal(shown, `${'\\n'.repeat(99)}…`)
    assert.equal(showUntrusted('ab\u001bcd', 5), 'ab…')
  })

  test('never cuts an emoji (a surrogate pair) in half', () => {
    const shown = showUntrusted('🚀'.repeat(300))
    assert.equal(shown, `${'🚀'.repeat(199)}…`)
    assert.doesNotMatch(shown, LONE_SURROGATE)
  })

  test('shows an empty value as empty', () => {
    assert.equal(showUntrusted(''), '')
  })
})

describe('keptForShowing', () => {
  /** Pieces that showUntrusted treats apart: escapes, '::' and '##[' openers, white space, emoji, lone surrogates. */
  const PIECES = ['a', ':', '#', '[', ' ', '\t', '\n', '\u0001', '\u202e', '\\', '🚀', '\ud800', '…', '\u3000']

  test('keeps what showing needs: the same text shown, cut in the same place, for any text and length', () => {
    let seed = 29
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    for (let round = 0; round < 3_000; round++) {
      const length = 1 + random(12)
      const text = Array.from({ length: random(20) }, () => PIECES[random(PIECES.length)]).join('')
      const kept = keptForShowing(text, length)
      assert.equal(showUntrusted(kept, length), showUntrusted(text, length), JSON.stringify([text, length]))
      assert.ok(Array.from(kept).length <= length + 1, JSON.stringify([text, length, kept]))
    }
  })

  test('keeps a text within the limit whole, and cuts a longer one with an ellipsis', () => {
    assert.equal(keptForShowing('abcdef', 6), 'abcdef')
    assert.equal(keptForShowing('abcdefg', 6), 'abcdef…')
    assert.equal(keptForShowing('\u0001'.repeat(8 * 1024)), `${'\u0001'.repeat(SHOWN_LENGTH)}…`)
    assert.equal(keptForShowing('🚀'.repeat(300), 2), '🚀🚀…')
  })

  test('cuts a run URL into no run URL: the ellipsis ends it', () => {
    const kept = keptForShowing('https://github.com/octo/api/actions/runs/81234', 42)
    assert.equal(kept, 'https://github.com/octo/api/actions/runs/8…')
  })
})
