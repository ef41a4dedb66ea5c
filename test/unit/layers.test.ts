// The layering, checked on the source: the lock core, sign-in and the renewer
// know nothing of GitHub Actions, of the step code, or of the action's inputs.

import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, test } from 'node:test'
import { Inputs } from '../../src/action/constants.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SRC = join(ROOT, 'src')

/** Every .ts file in a folder of src/ and its subfolders (src/lock/queue/, …). */
function sources(folder: string): Array<{ file: string; text: string }> {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({
      file: `src/${folder}/${name.split(sep).join('/')}`,
      text: readFileSync(join(SRC, folder, name), 'utf8'),
    }))
}

/** The src/ folder a relative import of `file` lands in ('action', 'lock', …); undefined for a package. */
function landsIn(file: string, target: string): string | undefined {
  if (!target.startsWith('.')) return undefined
  return relative(SRC, resolve(ROOT, dirname(file), target)).split(sep)[0]
}

const imports = (text: string): string[] =>
  [...text.matchAll(/from '([^']+)'|import\('([^']+)'\)|^import '([^']+)'/gm)].map((m) => m[1] ?? m[2] ?? m[3]!)

describe('layers', () => {
  for (const folder of ['lock', 'sign-in', 'renewer', 'settings']) {
    test(`src/${folder} imports no @actions package and no step code`, () => {
      for (const { file, text } of sources(folder)) {
        for (const target of imports(text)) {
          assert.ok(
            !target.startsWith('@actions/') || (folder === 'sign-in' && target.startsWith('@actions/http-client')),
            `${file} imports ${target}`,
          )
          assert.notEqual(landsIn(file, target), 'action', `${file} imports ${target}`)
        }
      }
    })

    test(`src/${folder} names no action input in its messages`, () => {
      // Inputs with a hyphen cannot be ordinary words ('container' or 'timeout' can). After '--'
      // they are az CLI options (the command that breaks a lease names --account-name), not inputs.
      const named = Object.values(Inputs).filter((input) => input.includes('-'))
      for (const { file, text } of sources(folder)) {
        for (const input of named) {
          assert.ok(!new RegExp(`(?<!--)${input}`).test(text), `${file} names the input ${input}`)
        }
      }
    })
  }

  test('the lock core does not import the renewer or sign-in', () => {
    for (const { file, text } of sources('lock')) {
      for (const target of imports(text)) {
        assert.ok(!['renewer', 'sign-in'].includes(landsIn(file, target) ?? ''), `${file} imports ${target}`)
      }
    }
  })

  test('the azure-mutex command imports no @actions package, whatever module on its path', () => {
    // Every module the command's entry reaches through static imports, and the dynamic ones too,
    // except sign-in's GitHub OIDC path (github-oidc.ts), which only a client-id and tenant-id
    // take: the command has no such options, and the build checks that its chunk stays apart.
    const seen = new Set<string>()
    const offenders: string[] = []
    const visit = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      const text = readFileSync(file, 'utf8')
      for (const target of imports(text)) {
        if (target.startsWith('@actions/')) {
          const lazyOidc = file.endsWith(join('sign-in', 'github-oidc.ts')) && text.includes(`import('${target}')`)
          if (!lazyOidc) offenders.push(`${relative(SRC, file)} imports ${target}`)
        }
        if (target.startsWith('.')) visit(resolve(dirname(file), target))
      }
    }
    visit(join(SRC, 'azure-mutex.ts'))
    assert.ok(seen.has(join(SRC, 'cli', 'hold.ts')), 'the walk reaches the hold command')
    assert.ok(seen.has(join(SRC, 'lock', 'waiter.ts')), 'the walk reaches the lock core')
    assert.deepEqual(offenders, [])
    for (const file of seen) {
      assert.ok(
        !/action[/\\](main|post|status|break|release)-step\.ts$|action[/\\](failure|summary|state|step-sign-in)\.ts$/.test(
          file,
        ),
        `the command loads step code: ${relative(SRC, file)}`,
      )
    }
  })

  test('no face imports another: src/cli nothing of src/action, src/settings neither face', () => {
    for (const [folder, faces] of [
      ['cli', ['action']],
      ['settings', ['action', 'cli']],
    ] as const) {
      for (const { file, text } of sources(folder)) {
        for (const target of imports(text)) {
          assert.ok(!(faces as readonly string[]).includes(landsIn(file, target) ?? ''), `${file} imports ${target}`)
        }
      }
    }
  })

  test('the lock core knows nothing of the azure-mutex command', () => {
    for (const folder of ['lock', 'sign-in', 'renewer', 'action']) {
      for (const { file, text } of sources(folder)) {
        for (const target of imports(text)) assert.ok(!target.startsWith('../cli/'), `${file} imports ${target}`)
      }
    }
  })
})

/** Where each folder of src/ may import from, besides itself and packages: the house's layering. */
const MAY_IMPORT: Record<string, string[]> = {
  // The one-line entries (src/*.ts) start a face or the renewer.
  '.': ['action', 'cli', 'renewer'],
  action: ['settings', 'renewer', 'sign-in', 'lock'],
  cli: ['settings', 'sign-in', 'lock'],
  renewer: ['sign-in', 'lock'],
  'sign-in': ['lock'],
  // Settings read the storage target into sign-in's StorageAccess (a type: nothing of sign-in runs).
  settings: ['sign-in', 'lock'],
  lock: [],
}

/** The src/ folder a file of src/ sits in: '.' for the entries. */
const folderOf = (file: string): string => {
  const parts = relative(SRC, file).split(sep)
  return parts.length === 1 ? '.' : parts[0]!
}

/** Every .ts file under src/, by absolute path, with the files of src/ it imports (type imports and re-exports too). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const name of readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
    const file = join(SRC, name)
    const text = readFileSync(file, 'utf8')
    graph.set(
      file,
      imports(text)
        .filter((target) => target.startsWith('.'))
        .map((target) => resolve(dirname(file), target))
        // package.json, for the command's --version, is the one file outside src/ that src/ reads.
        .filter((target) => !relative(SRC, target).startsWith('..')),
    )
  }
  return graph
}

/** The import circles of a graph: its strongly connected components of more than one file, or a file importing itself. */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const connect = (file: string): void => {
    index.set(file, next)
    low.set(file, next)
    next++
    stack.push(file)
    onStack.add(file)
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target)
        low.set(file, Math.min(low.get(file)!, low.get(target)!))
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!))
      }
    }
    if (low.get(file) !== index.get(file)) return
    const component: string[] = []
    let top: string
    do {
      top = stack.pop()!
      onStack.delete(top)
      component.push(top)
    } while (top !== file)
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort())
  }
  for (const file of graph.keys()) if (!index.has(file)) connect(file)
  return found
}

describe('the house', () => {
  test('each folder of src/ imports only the folders below it', () => {
    const wrong: string[] = []
    for (const [file, targets] of importGraph()) {
      const from = folderOf(file)
      const allowed = MAY_IMPORT[from]
      assert.ok(allowed, `${relative(SRC, file)} is in src/${from}/, a folder the layering does not name`)
      for (const target of targets) {
        const to = folderOf(target)
        if (to !== from && !allowed.includes(to)) wrong.push(`${relative(SRC, file)} imports src/${to}/`)
      }
    }
    assert.deepEqual(wrong, [])
  })

  test('no import circle in src/, type imports included', () => {
    const found = circles(importGraph()).map((component) => component.map((file) => relative(SRC, file)).join(' -> '))
    assert.deepEqual(found, [])
  })

  test('the circle check finds a circle of two files and of three', () => {
    assert.deepEqual(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['a']],
        ]),
      ),
      [['a', 'b']],
    )
    assert.deepEqual(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
      [['a', 'b', 'c']],
    )
    assert.deepEqual(circles(new Map([['a', ['a']]])), [['a']])
    assert.deepEqual(
      circles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
      [],
    )
  })

  test('no file in src/ is over 600 lines', () => {
    const long = [...importGraph().keys()]
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 600)
      .map(({ file, lines }) => `${file}: ${lines} lines`)
    assert.deepEqual(long, [])
  })
})
