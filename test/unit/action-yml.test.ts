// The action.yml files against the code: every input and output they declare is
// one the code reads or sets (constants.ts), and each runs a built entry.

import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, test } from 'node:test'
import { parse } from 'yaml'
import { Inputs, Outputs } from '../../src/action/constants.ts'
import { entries } from '../../src/entries.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')

interface ActionYml {
  description: string
  inputs?: Record<string, { required?: boolean; default?: string }>
  outputs?: Record<string, unknown>
  runs: { using: string; main: string; post?: string }
}

const actions: Record<string, string[]> = {
  'action.yml': ['main', 'post'],
  'release/action.yml': ['release'],
  'status/action.yml': ['status'],
  'break/action.yml': ['break'],
  'hold/action.yml': ['hold'],
  'unhold/action.yml': ['unhold'],
}

describe('the action.yml files', () => {
  for (const [file, steps] of Object.entries(actions)) {
    test(`${file} declares only inputs and outputs the code knows, and runs built entries on node24`, () => {
      const action = parse(readFileSync(join(ROOT, file), 'utf8')) as ActionYml
      const inputs: string[] = Object.values(Inputs)
      const outputs: string[] = Object.values(Outputs)
      for (const input of Object.keys(action.inputs ?? {})) assert.ok(inputs.includes(input), `${file}: input ${input}`)
      for (const output of Object.keys(action.outputs ?? {}))
        assert.ok(outputs.includes(output), `${file}: output ${output}`)
      assert.equal(action.runs.using, 'node24')
      const paths = [action.runs.main, action.runs.post].filter((path): path is string => path !== undefined)
      assert.deepEqual(
        paths.map((path) => join(dirname(file), path)),
        steps.map((step) => join('dist', step, 'index.js')),
      )
      for (const step of steps) assert.ok(Object.hasOwn(entries, step), `src/entries.ts has ${step}`)
      for (const path of paths) assert.ok(existsSync(join(ROOT, dirname(file), path)), `${path} is built`)
    })
  }

  // The Marketplace refuses an action whose description is 125 characters or more. The limit is on the
  // action's own description; input and output descriptions have none, and may say more.
  for (const file of Object.keys(actions)) {
    test(`${file} has a description under the Marketplace's 125 characters`, () => {
      const action = parse(readFileSync(join(ROOT, file), 'utf8')) as ActionYml
      assert.equal(typeof action.description, 'string', `${file} has a description`)
      assert.ok(action.description.trim().length > 0, `${file}: the description is not empty`)
      assert.ok(
        action.description.length < 125,
        `${file}: the description is ${action.description.length} characters: ${action.description}`,
      )
    })
  }

  test('the sub-actions share the credential inputs of the main action', () => {
    const main = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
    const credentials = [
      Inputs.ConnectionString,
      Inputs.AccountName,
      Inputs.AccountKey,
      Inputs.SasToken,
      Inputs.BlobEndpoint,
      Inputs.ClientId,
      Inputs.TenantId,
      Inputs.Audience,
      Inputs.Container,
    ]
    for (const file of ['status/action.yml', 'break/action.yml', 'hold/action.yml', 'unhold/action.yml']) {
      const action = parse(readFileSync(join(ROOT, file), 'utf8')) as ActionYml
      for (const input of credentials) {
        assert.ok(action.inputs?.[input], `${file} has ${input}`)
        assert.equal(action.inputs?.[input]?.default, main.inputs?.[input]?.default, `${file}: the default of ${input}`)
      }
    }
  })
})
