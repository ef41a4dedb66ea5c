// The pin check of npm run lint:workflows (scripts/workflow-pins.ts): every
// action of another repository is pinned to a full commit SHA with its release
// in a comment, as Dependabot keeps them.

import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { pinProblems } from '../../scripts/workflow-pins.ts'
import { ROOT } from '../support/runner.ts'

const SHA = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09'

const workflow = (...uses: string[]): string =>
  [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...uses.map((line) => `      - uses: ${line}`),
    '  reuse:',
    `    uses: octo/workflows/.github/workflows/deploy.yml@${SHA} # v2.0.1`,
  ].join('\n')

describe('the workflow pin check', () => {
  test('passes SHA pins with their release, local actions and Docker images by digest', () => {
    assert.deepEqual(
      pinProblems(
        'w.yml',
        workflow(`actions/checkout@${SHA} # v5.1.0`, './', './release', `docker://alpine@sha256:${'a'.repeat(64)}`),
      ),
      [],
    )
  })

  test('fails a tag, a branch, a short SHA, a missing release comment and a Docker tag, naming the line', () => {
    const problems = pinProblems(
      'w.yml',
      workflow(
        'actions/checkout@v5',
        'actions/setup-node@main',
        'actions/upload-artifact@bbbca2d',
        `actions/cache@${SHA}`,
        `actions/cache/restore@${SHA} # latest`,
        'docker://alpine:3.20',
        'actions/checkout',
      ),
    )
    assert.equal(problems.length, 7, problems.join('\n'))
    assert.match(problems[0]!, /^w\.yml:6: uses: actions\/checkout@v5 is pinned by 'v5', a name that can move/)
    assert.match(problems[1]!, /^w\.yml:7: .*'main'/)
    assert.match(problems[2]!, /^w\.yml:8: .*'bbbca2d'/)
    assert.match(problems[3]!, /^w\.yml:9: .* has no release comment/)
    assert.match(problems[4]!, /^w\.yml:10: .* has no release comment/)
    assert.match(problems[5]!, /^w\.yml:11: .*pin it by digest/)
    assert.match(problems[6]!, /^w\.yml:12: .*is not owner\/repo@ref/)
  })

  test("finds nothing to fix in this repository's workflows", () => {
    const folder = join(ROOT, '.github', 'workflows')
    for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n))) {
      assert.deepEqual(pinProblems(name, readFileSync(join(folder, name), 'utf8')), [], name)
    }
  })
})
