// The README as a new user reads it: at most 700 lines, its sections in the
// order the user needs them, a table of contents that lists every section and
// every Usage subsection in that order, a link to each guide in docs/, a README
// for every sub-action folder, and a Troubleshooting page (docs/troubleshooting.md)
// that names every error and warning the steps print. docs.test.ts checks the
// other direction (every message quoted there is one src/ prints).

import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, test } from 'node:test'
import { Inputs } from '../../src/action/constants.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const README = read('README.md')

/** A page of docs/ as a whole, after checking that its title is `# <title>`. */
function page(file: string, title: string): string {
  const text = read(file)
  assert.ok(text.startsWith(`# ${title}\n`), `${file} starts with '# ${title}'`)
  return text
}

const withoutCode = (markdown: string): string => markdown.replace(/^```[\s\S]*?^```/gm, '')

/** The text of `## <heading>` up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  assert.notEqual(start, -1, `there is a '## ${heading}' section`)
  const end = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, end === -1 ? undefined : end)
}

/** Headings of one level, outside code blocks, in the order they come. */
function headings(markdown: string, level: number): string[] {
  const hashes = '#'.repeat(level)
  return [...withoutCode(markdown).matchAll(new RegExp(`^${hashes} (.+)$`, 'gm'))].map((m) => m[1]!.trim())
}

/** GitHub's anchor for a heading (no repeats in the headings read here). */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-')
}

/** The folders that hold a sub-action: an action.yml beside the main one. */
function subActionFolders(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, entry.name, 'action.yml')))
    .map((entry) => entry.name)
    .sort()
}

describe('the README’s layout', () => {
  test('its sections come in the order a new user needs them: the example, contents, quick start, usage, reference, failures, security', () => {
    assert.deepEqual(headings(README, 2), [
      'Contents',
      'Quick start',
      'Usage',
      'Inputs',
      'Outputs',
      'The sub-actions',
      'Supported runners',
      'When things go wrong',
      'Security',
      'Permissions',
      'Versioning',
    ])
    const beforeContents = README.slice(0, README.indexOf('\n## Contents\n'))
    assert.match(
      beforeContents,
      /```yaml\n[\s\S]*uses: org\/azure-mutex-action@v1[\s\S]*```/,
      'one complete workflow first',
    )
  })

  test('fits in 700 lines: the rest is in docs/', () => {
    const lines = README.split('\n').length
    assert.ok(lines <= 700, `README.md has ${lines} lines`)
  })

  test('says at the top what a user can use today, and what org/ stands for', () => {
    const top = README.slice(0, README.indexOf('\n## Contents\n'))
    assert.match(top, /Nothing is published yet/)
    assert.match(top, /`org\/` stands for the organisation/)
    assert.match(top, /a commit of your fork/)
  })

  test('names the demo and the test command that CI runs', () => {
    // .ci/run runs `npm test` as the README's test command, and `npm run demo` as its demo.
    assert.ok(README.includes('`npm ci && npm run demo`'), 'the demo')
    assert.ok(README.includes('`npm test`'), 'the tests')
    const ci = read('.ci/run')
    assert.match(ci, /^npm test$/m)
    assert.match(ci, /^npm run demo$/m)
  })

  test('the table of contents links every section and every Usage subsection, in the order they come', () => {
    const contents = section(README, 'Contents')
    const linked = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!)
    const expected = headings(README, 2)
      .filter((heading) => heading !== 'Contents')
      .flatMap((heading) => (heading === 'Usage' ? [heading, ...headings(section(README, 'Usage'), 3)] : [heading]))
      .map(anchor)
    assert.deepEqual(linked, expected)
  })

  test('the quick start goes from an empty subscription to a guarded job: account, container, secret, job', () => {
    const quick = section(README, 'Quick start')
    for (const step of [
      'az storage account create',
      'az storage container-rm create',
      'az storage account show-connection-string',
      'gh secret set LOCKS_STORAGE --org',
      'timeout-minutes:',
      'timeout: ',
      'connection-string: ${{ secrets.LOCKS_STORAGE }}',
    ]) {
      assert.ok(quick.includes(step), `the quick start shows ${step}`)
    }
  })
})

// --- The guides in docs/ -----------------------------------------------------------------------------------------

/** Each page of docs/ that a feature or reference section of the README moved to, with its title. */
const GUIDES: Record<string, string> = {
  'docs/credentials.md': 'Credentials',
  'docs/latest-wins.md': 'Only the newest deploy (latest wins)',
  'docs/holds.md': 'Freezes and holds',
  'docs/slots-and-priority.md': 'Slots and priority',
  'docs/command.md': 'The azure-mutex command: outside GitHub Actions',
  'docs/failure-semantics.md': 'Failure semantics',
  'docs/troubleshooting.md': 'Troubleshooting',
  'docs/security.md': 'Security',
  'docs/glossary.md': 'Glossary',
}

describe('the guides', () => {
  for (const [file, title] of Object.entries(GUIDES)) {
    test(`${file} is '${title}', links the glossary, and is linked from the README and from the index of docs/`, () => {
      const text = page(file, title)
      if (file !== 'docs/glossary.md') assert.ok(text.includes('](glossary.md'), `${file} links the glossary`)
      assert.ok(README.includes(`](${file})`) || README.includes(`](${file}#`), `README.md links ${file}`)
      assert.ok(read('docs/README.md').includes(`](${file.slice('docs/'.length)})`), `docs/README.md links ${file}`)
    })
  }

  test('the index of docs/ links every page there', () => {
    const index = read('docs/README.md')
    const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md') && name !== 'README.md')
    assert.ok(pages.length >= Object.keys(GUIDES).length, `found ${pages.length} pages`)
    assert.deepEqual(
      pages.filter((name) => !index.includes(`](${name})`)),
      [],
      'pages of docs/ that docs/README.md does not link',
    )
  })

  test('each feature section of the README links its guide', () => {
    for (const [heading, guide] of [
      ['Credentials', 'docs/credentials.md'],
      ['Only the newest deploy', 'docs/latest-wins.md'],
      ['Freezes and holds', 'docs/holds.md'],
      ['Slots', 'docs/slots-and-priority.md#slots'],
      ['Priority and long waits', 'docs/slots-and-priority.md#priority-and-long-waits'],
      ['Outside GitHub Actions', 'docs/command.md'],
    ] as const) {
      const start = README.indexOf(`\n### ${heading}\n`)
      assert.notEqual(start, -1, `there is a '### ${heading}' subsection`)
      const end = README.indexOf('\n##', start + 1)
      assert.ok(README.slice(start, end).includes(`](${guide}`), `'${heading}' links ${guide}`)
    }
  })

  test('the glossary says what the words a new user has not met mean, and the README links them', () => {
    const glossary = page('docs/glossary.md', 'Glossary')
    for (const word of ['Head', 'Handover', 'Lapsed', 'Foreign client', 'Squatted entry', 'Renewer']) {
      assert.match(glossary, new RegExp(`^## ${word}$`, 'm'), `the glossary has '${word}'`)
    }
    assert.match(glossary, /Every sixth of the lease\s+\(10 s with the default 60 s lease/)
    for (const anchor of ['handover', 'lapsed', 'foreign-client', 'squatted-entry']) {
      assert.ok(README.includes(`](docs/glossary.md#${anchor})`), `the README links the glossary's ${anchor}`)
    }
  })
})

describe('the sub-actions', () => {
  const folders = subActionFolders()

  test('are the five the README lists', () => {
    assert.deepEqual(folders, ['break', 'hold', 'release', 'status', 'unhold'])
  })

  for (const folder of folders) {
    test(`${folder}/ has a README with its inputs, its outputs and an example, linked from the main README`, () => {
      const text = read(`${folder}/README.md`)
      assert.deepEqual(
        headings(text, 2).filter((h) => h === 'Inputs' || h === 'Outputs'),
        ['Inputs', 'Outputs'],
      )
      assert.match(text, new RegExp(`uses: org/azure-mutex-action/${folder}@v1`), 'an example that uses it')
      assert.ok(section(README, 'The sub-actions').includes(`](${folder}/README.md)`), 'the table links it')
      assert.ok(section(README, 'Contents').includes(`\`${folder}\``), 'the contents name it')
    })
  }
})

// --- Troubleshooting names what the steps print ---------------------------------------------------------------

/**
 * The errors and warnings a file of src/ raises with a literal message, as the
 * log shows them: pieces joined across `' +` line breaks, input names filled
 * in, and what varies shown as `…`, the way Troubleshooting writes it.
 */
function raisedMessages(file: string): { kind: string; message: string }[] {
  const inputNames = new Map(Object.entries(Inputs).map(([key, name]) => [`\${Inputs.${key}}`, name]))
  const text = read(join('src', file))
    .replace(/\$\{Inputs\.\w+\}/g, (expression) => inputNames.get(expression) ?? expression)
    .replace(/(['"`])\s*\+\s*(['"`])/g, '')
    .replace(/\$\{[^}]*\}/g, '…')
  const raised = /(throw new (\w*Error)\(|core\.warning\()\s*([`'"])((?:\\.|(?!\3).)*)\3/g
  return [...text.matchAll(raised)].map((m) => ({
    kind: m[2] ?? 'warning',
    message: m[4]!.replace(/\\(['"`])/g, '$1'),
  }))
}

/** Errors that are not the user's to fix, or that reach the log inside a message Troubleshooting has a row for. */
const NOT_LISTED: Record<string, string> = {
  Error: "a defect, not a user's error: it reaches the log as `Unexpected error:`",
  MalformedError:
    'what one of our steps handed the next (state, the renewer’s messages) is not what it wrote: a defect',
  LockCancelledError: 'the run was cancelled: the runner says so',
  StorageConfigError: "shown inside `Invalid input '…': …`, naming the input",
  UsageError: "the azure-mutex command's usage errors name the flag and point at --help",
}

/** Messages with no row of their own, and why. */
const NOT_LISTED_MESSAGES: Record<string, string> = {
  'Cancelled while the renewer was starting.': 'the run was cancelled',
  "Unknown Azure credential source '…'.": 'the sources are a fixed list of our own: a defect',
  "Signing in with GitHub's OIDC token needs a token request.": 'the step always passes one: a defect',
}

/** The pieces of a quoted Troubleshooting message: the text between its `…`. */
function rowPieces(message: string): string[] {
  return message
    .split('…')
    .map((piece) => piece.replace(/^[\s.,;:()]+|[\s.,;:()]+$/g, ''))
    .filter((piece) => piece.length >= 4)
}

/** Every message quoted in a Troubleshooting row's first cell. */
function rows(): string[][] {
  const lines = page('docs/troubleshooting.md', 'Troubleshooting').split('\n')
  return lines
    .filter((line) => line.startsWith('| `'))
    .map((line) => [...line.split(' | ')[0]!.matchAll(/`([^`]+)`/g)].map((m) => rowPieces(m[1]!)))
    .flat()
}

describe('Troubleshooting', () => {
  test('has a row for every error and warning that the steps and the command raise, unless it is a defect or a cancel', () => {
    const quoted = rows()
    assert.ok(quoted.length >= 40, `read ${quoted.length} quoted messages`)
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    const raised = files.flatMap((file) => raisedMessages(file).map((m) => ({ file, ...m })))
    assert.ok(raised.length >= 60, `read ${raised.length} messages from src/`)
    const missing = raised
      .filter(({ kind, message }) => !(kind in NOT_LISTED) && !(message in NOT_LISTED_MESSAGES))
      .filter(({ message }) => rowPieces(message).some((piece) => piece.length >= 12))
      .filter(({ message }) => !quoted.some((pieces) => pieces.every((piece) => message.includes(piece))))
      .map(({ file, kind, message }) => `${file} (${kind}): ${message}`)
    assert.deepEqual(missing, [], 'messages that no Troubleshooting row names: add a row with the cause and the fix')
  })

  test('the check above finds a message a row names, and not one that no row names', () => {
    const quoted = rows()
    const named = (message: string): boolean => quoted.some((pieces) => pieces.every((p) => message.includes(p)))
    assert.equal(named('Timed out after … waiting for lock …; it is held by …'), true)
    assert.equal(named('The lock exploded while waiting for lock ….'), false)
  })
})
