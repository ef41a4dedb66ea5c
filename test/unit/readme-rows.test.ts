// The README's failure-semantics table promises only what a test checks: every
// row is named by a test's comment, `Failure semantics: "<row>"`, and every such
// comment names a row that is there.

import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { test } from 'node:test'

const ROOT = resolve(import.meta.dirname, '..', '..')

function tableRows(): Set<string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  // The section runs to the next top-level heading, whichever it is: sections move, the table stays whole.
  const start = readme.indexOf('\n## Failure semantics\n')
  const end = readme.indexOf('\n## ', start + 1)
  const table = readme.slice(start, end === -1 ? undefined : end)
  const lines = table.split('\n').filter((line) => line.startsWith('|'))
  return new Set(
    lines.slice(2).map((line) =>
      line
        .split(' | ')[0]!
        .replace(/^\|\s*/, '')
        .trim(),
    ),
  )
}

function namedRows(): Map<string, string[]> {
  const named = new Map<string, string[]>()
  for (const folder of ['unit', 'integration', 'e2e']) {
    for (const name of readdirSync(join(ROOT, 'test', folder))) {
      const text = readFileSync(join(ROOT, 'test', folder, name), 'utf8')
      for (const match of text.matchAll(/\/\/ Failure semantics: "([^"]+)"/g)) {
        named.set(match[1]!, [...(named.get(match[1]!) ?? []), `test/${folder}/${name}`])
      }
    }
  }
  return named
}

test('every row of the failure table is a test, and every test names a row that is there', () => {
  const rows = tableRows()
  const named = namedRows()
  assert.ok(rows.size >= 20, `read ${rows.size} rows: is the table still under '## Failure semantics'?`)
  assert.deepEqual(
    [...rows].filter((row) => !named.has(row)),
    [],
    'rows no test names',
  )
  assert.deepEqual(
    [...named.keys()].filter((row) => !rows.has(row)),
    [],
    'test comments that name no row of the table',
  )
})
