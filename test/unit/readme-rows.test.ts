// The failure-semantics table (docs/failure-semantics.md) promises only what a test checks: every
// row is named by a test's comment, `Failure semantics: "<row>"`, and every such
// comment names a row that is there.

import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { test } from 'node:test'

const ROOT = resolve(import.meta.dirname, '..', '..')

function tableRows(): Set<string> {
  const page = readFileSync(join(ROOT, 'docs', 'failure-semantics.md'), 'utf8')
  assert.ok(page.startsWith('# Failure semantics\n'), 'docs/failure-semantics.md is the failure semantics page')
  // The page holds one table: every line that starts with '|' is a row of it, its header and rule first.
  const lines = page.split('\n').filter((line) => line.startsWith('|'))
  assert.match(lines[1] ?? '', /^\|\s*-/, 'the second table line is the header rule')
  assert.equal(lines.filter((line) => /^\|\s*-/.test(line)).length, 1, 'one table on the page')
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
  assert.ok(rows.size >= 20, `read ${rows.size} rows: is the table still in docs/failure-semantics.md?`)
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
