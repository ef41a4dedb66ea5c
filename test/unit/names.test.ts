import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { containerNameProblem, lockNameProblem } from '../../src/lock/names.ts'

describe('containerNameProblem', () => {
  for (const name of ['locks', 'abc', 'a1b', '123', 'team-locks', 'a-b', 'a-b-c-1', 'x'.repeat(63)]) {
    test(`accepts ${JSON.stringify(name)}`, () => {
      assert.equal(containerNameProblem(name), undefined)
    })
  }

  test('rejects an empty name as empty', () => {
    assert.equal(containerNameProblem(''), 'it is empty')
  })

  test('rejects names shorter than 3 characters and says how long they are', () => {
    assert.match(containerNameProblem('ab') ?? '', /2 characters long, not 3 to 63/)
    assert.match(containerNameProblem('a') ?? '', /1 characters long/)
  })

  test('rejects names longer than 63 characters and says how long they are', () => {
    assert.match(containerNameProblem('x'.repeat(64)) ?? '', /64 characters long, not 3 to 63/)
  })

  const invalid: Array<[string, string]> = [
    ['Locks', 'an upper-case letter'],
    ['my_locks', 'an underscore'],
    ['my.locks', 'a dot'],
    ['my locks', 'a space'],
    ['my--locks', 'two hyphens in a row'],
    ['-locks', 'a leading hyphen'],
    ['locks-', 'a trailing hyphen'],
    ['---', 'only hyphens'],
    ['lockß', 'a non-ASCII letter'],
  ]
  for (const [name, what] of invalid) {
    test(`rejects a name with ${what} (${JSON.stringify(name)})`, () => {
      assert.match(containerNameProblem(name) ?? '', /lowercase letters, digits and single hyphens/)
    })
  }
})

describe('lockNameProblem', () => {
  const valid = [
    'production-deploy',
    'team/db-migrate',
    'Deploy.Prod',
    'a',
    'with space',
    'dépl☃y',
    'x'.repeat(1024),
    Array.from({ length: 254 }, () => 'a').join('/'),
  ]
  for (const name of valid) {
    test(`accepts ${JSON.stringify(name.length > 40 ? `${name.slice(0, 20)}… (${name.length} chars)` : name)}`, () => {
      assert.equal(lockNameProblem(name), undefined)
    })
  }

  test('rejects an empty name as empty', () => {
    assert.equal(lockNameProblem(''), 'it is empty')
  })

  test('rejects a name longer than 1024 characters', () => {
    assert.match(lockNameProblem('x'.repeat(1025)) ?? '', /1025 characters long, more than 1024/)
  })

  for (const ch of ['\u0000', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u009b']) {
    test(`rejects a name containing the control character U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`, () => {
      assert.equal(lockNameProblem(`deploy${ch}prod`), 'it contains a control character')
    })
  }

  test('rejects a name containing a backslash', () => {
    assert.match(lockNameProblem('team\\deploy') ?? '', /backslash/)
  })

  test("rejects a name ending in '.' or '/'", () => {
    for (const name of ['deploy.', 'deploy/', 'team/deploy/', 'deploy./', 'a/...']) {
      assert.equal(lockNameProblem(name), "it ends with '.' or '/'", name)
    }
  })

  // URL normalisation turns these into other names before the request leaves the client.
  const dotSegments: Array<[string, string]> = [
    ['team-b/../prod', '..'],
    ['../other/prod', '..'],
    ['../escape', '..'],
    ['..', '..'],
    ['a/./b', '.'],
    ['./a', '.'],
    ['a/.', '.'],
    ['.', '.'],
  ]
  for (const [name, segment] of dotSegments) {
    test(`rejects ${JSON.stringify(name)} for its '${segment}' segment`, () => {
      assert.equal(
        lockNameProblem(name),
        `it has a '${segment}' path segment, which URLs resolve away ('a/../b' would lock 'b')`,
      )
    })
  }

  for (const name of ['a//b', '/a', '//a', 'team//deploy/prod']) {
    test(`rejects ${JSON.stringify(name)} for its empty path segment`, () => {
      assert.equal(lockNameProblem(name), "it has an empty path segment (a leading '/' or '//')")
    })
  }

  for (const [name, segment] of [
    ['a./b', 'a.'],
    ['team/prod../deploy', 'prod..'],
    ['.../x', '...'],
  ]) {
    test(`rejects ${JSON.stringify(name)} because its segment ${JSON.stringify(segment)} ends with '.'`, () => {
      assert.equal(lockNameProblem(name!), `its path segment '${segment}' ends with '.', which Azure drops`)
    })
  }

  for (const name of ['.hidden', 'a/.b/c', 'v1.2/deploy', '...x', 'a/..b', 'a.b.c', 'x/..y/z', 'a%2Fb', '%2e%2e/x']) {
    test(`accepts ${JSON.stringify(name)}: no segment is '.' or '..' or ends in '.'`, () => {
      assert.equal(lockNameProblem(name), undefined)
    })
  }

  test('rejects a name with more than 254 path segments and says how many it has', () => {
    const name = Array.from({ length: 255 }, () => 'a').join('/')
    assert.equal(lockNameProblem(name), 'it has 255 path segments, more than 254')
  })

  for (const name of ['##[error]x', '::warning::x', 'deploy::prod', 'a/##[group]b', ' ::x']) {
    test(`rejects ${JSON.stringify(name)}, which carries a workflow command opener, without echoing it`, () => {
      const problem = lockNameProblem(name) ?? ''
      assert.match(
        problem,
        /^it contains ('::'|'##' followed by '\['), which the runner reads as the start of a workflow command$/,
      )
      assert.ok(!problem.includes('##['))
    })
  }

  for (const name of ['a:b', 'a:/b', '#x', '##x', 'a[1]', '#[x', 'c#[x]']) {
    test(`accepts ${JSON.stringify(name)}: a single ':' or '#', or '[' without '##' before it, opens no command`, () => {
      assert.equal(lockNameProblem(name), undefined)
    })
  }
})
