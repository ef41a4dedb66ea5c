// Dependabot's groups (.github/dependabot.yml) match what they say: the runtime
// group holds the direct dependencies that dist/ bundles, and the node group the
// Node binary packages of tools/node24. Every package is a devDependency (the
// bundle carries the runtime ones), so a group by dependency type production
// matches nothing.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'yaml'
import { ROOT } from '../support/runner.ts'

interface Group {
  patterns?: string[]
  'dependency-type'?: string
}

const config = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as {
  updates: Array<{ 'package-ecosystem': string; groups: Record<string, Group> }>
}
const npm = config.updates.find((update) => update['package-ecosystem'] === 'npm')!
const json = (path: string): Record<string, Record<string, string>> =>
  JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, Record<string, string>>
const root = json('package.json')
const nodeWorkspace = json('tools/node24/package.json')

/** The dependency's group as Dependabot picks it: the first whose patterns or dependency type match. */
function groupOf(name: string, type: 'production' | 'development'): string | undefined {
  for (const [group, rule] of Object.entries(npm.groups)) {
    const patterns = rule.patterns?.map(
      (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
    )
    if (patterns && !patterns.some((pattern) => pattern.test(name))) continue
    if (rule['dependency-type'] && rule['dependency-type'] !== type) continue
    return group
  }
  return undefined
}

/** The packages whose code dist/ carries, as the bundle's licence file names them. */
const bundled = new Set(
  readFileSync(join(ROOT, 'dist', 'bundle', 'licenses.txt'), 'utf8')
    .split('\n')
    .filter((line) => /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(line)),
)

describe('the Dependabot groups', () => {
  test('put every direct dependency that dist/ bundles in the runtime group, and no other', () => {
    const direct = Object.keys(root.devDependencies!)
    assert.ok(!root.dependencies, 'the published package needs no dependency: dist-cli/ is bundled too')
    for (const name of direct) {
      const expected = bundled.has(name) ? 'runtime' : 'development'
      assert.equal(groupOf(name, 'development'), expected, name)
    }
    assert.ok(direct.filter((name) => bundled.has(name)).length >= 5, 'the runtime packages are found in the bundle')
  })

  test('move the Node binary packages together, in their own group', () => {
    for (const name of Object.keys(nodeWorkspace.optionalDependencies!))
      assert.equal(groupOf(name, 'production'), 'node', name)
  })
})
