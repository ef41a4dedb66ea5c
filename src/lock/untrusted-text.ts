// Text that someone else wrote (a holder record read from the lock blob, an
// error code from the service) is shown through showUntrusted, and only
// through it: whatever it holds, it comes out as one line of plain text that
// the runner cannot read as a workflow command.
//
// How the runner reads a line of a step's output (actions/runner,
// ActionCommand.cs): after trimming leading white space, a line that starts
// with '::' is a command ('::error::', '::add-mask::', '::stop-commands::');
// and anywhere in a line, '##[name]' is the older form of the same commands.
// Its '%0A'-style escapes are decoded only inside a command, so a '%' in plain
// text is harmless once the text cannot become a command.

/** The longest a shown value gets, in characters, the ellipsis included. */
export const SHOWN_LENGTH = 200

const ELLIPSIS = '…'

/**
 * Characters that are shown as escapes: C0 and C1 controls and DEL (line
 * breaks, carriage returns, ANSI escapes), Unicode line and paragraph
 * separators, and the bidirectional controls that can make text read
 * differently from what it is (U+202E and the like).
 */
const ESCAPED = /^[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]$/u

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' }

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, '0')
}

/** How one code point (or lone surrogate) is shown. */
function shownCharacter(ch: string): string {
  const named = NAMED_ESCAPES[ch]
  if (named) return named
  const codePoint = ch.codePointAt(0)!
  const loneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff
  if (!loneSurrogate && !ESCAPED.test(ch)) return ch
  return codePoint <= 0xff ? `\\x${hex(codePoint, 2)}` : `\\u${hex(codePoint, 4)}`
}

/**
 * Untrusted text as one line that is safe to print, in an annotation or in the
 * log: control, line-breaking and bidirectional characters and lone surrogates
 * become visible escapes such as \n, \x1b and \u202e (a backslash becomes \\);
 * the text cannot begin a workflow command ('::' after leading white space) nor
 * contain one ('##['), because that ':' or '[' is shown as \x3a or \x5b; and
 * it is at most `maxLength` characters long, cut with an ellipsis.
 */
export function showUntrusted(text: string, maxLength = SHOWN_LENGTH): string {
  // Code points, so that a cut never splits an emoji; a lone surrogate stays one item.
  const characters = Array.from(text)
  // Leading white space that is shown as itself; an escaped line break already starts with a backslash.
  const firstVisible = characters.findIndex((ch) => !/^\s$/u.test(ch) || shownCharacter(ch) !== ch)
  const pieces = characters.map((ch, i) => {
    if (ch === ':' && i === firstVisible && characters[i + 1] === ':') return '\\x3a'
    if (ch === '[' && characters[i - 1] === '#' && characters[i - 2] === '#') return '\\x5b'
    return shownCharacter(ch)
  })

  const lengthOf = (piece: string): number => (piece.length === 1 ? 1 : Array.from(piece).length)
  let total = 0
  for (const piece of pieces) total += lengthOf(piece)
  if (total <= maxLength) return pieces.join('')

  let shown = ''
  let length = 0
  for (const piece of pieces) {
    const next = lengthOf(piece)
    if (length + next > maxLength - ELLIPSIS.length) break
    shown += piece
    length += next
  }
  return shown + ELLIPSIS
}

/**
 * As little of untrusted text as showUntrusted(text, maxLength) needs: the
 * text itself when it has at most `maxLength` characters, else its first
 * `maxLength` characters and an ellipsis. Showing what is kept gives exactly
 * what showing the whole text gives, with the same cut, and what is kept is
 * at most maxLength + 1 characters long. A cut value never reads as a longer
 * one that it begins (a run URL cut inside its run id is no run URL).
 */
export function keptForShowing(text: string, maxLength = SHOWN_LENGTH): string {
  const characters = Array.from(text)
  return characters.length <= maxLength ? text : characters.slice(0, maxLength).join('') + ELLIPSIS
}
