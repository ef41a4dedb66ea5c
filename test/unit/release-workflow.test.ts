// The release workflow's tag move, run for real on local repositories: v1
// moves only to the commit that the verify job tested, and only while the
// release's tag still names it.

import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { parse } from 'yaml'
import { ROOT } from '../support/runner.ts'

interface Workflow {
  jobs: Record<string, { steps: Array<{ name?: string; run?: string }>; outputs?: Record<string, string> }>
}

const release = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow
const moveV1 = release.jobs['move-major-tag']!.steps.find((step) => step.name === 'Move v1')!.run!

const folder = mkdtempSync(join(tmpdir(), 'release-'))
after(() => rmSync(folder, { recursive: true, force: true }))

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'a',
      GIT_AUTHOR_EMAIL: 'a@b',
      GIT_COMMITTER_NAME: 'a',
      GIT_COMMITTER_EMAIL: 'a@b',
    },
  })
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout.trim()
}

/** A repository with main at two commits, v1.0.0 on the first, pushed to a bare origin, and a fresh clone of it. */
function repositories(name: string): { clone: string; origin: string; first: string; second: string } {
  const origin = join(folder, `${name}.git`)
  const work = join(folder, `${name}-work`)
  git(folder, 'init', '--quiet', '--bare', '--initial-branch=main', origin)
  git(folder, 'init', '--quiet', '--initial-branch=main', work)
  writeFileSync(join(work, 'f'), '1')
  git(work, 'add', 'f')
  git(work, 'commit', '--quiet', '-m', 'one')
  const first = git(work, 'rev-parse', 'HEAD')
  writeFileSync(join(work, 'f'), '2')
  git(work, 'commit', '--quiet', '-am', 'two')
  const second = git(work, 'rev-parse', 'HEAD')
  git(work, 'tag', 'v1.0.0', first)
  git(work, 'remote', 'add', 'origin', origin)
  git(work, 'push', '--quiet', 'origin', 'main', '--tags')
  const clone = join(folder, `${name}-clone`)
  git(folder, 'clone', '--quiet', origin, clone)
  return { clone, origin, first, second }
}

function moveTag(cwd: string, tested: string): { status: number | null; stdout: string } {
  const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', moveV1], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TAG: 'v1.0.0', DEFAULT_BRANCH: 'main', TESTED: tested },
  })
  return { status: result.status, stdout: result.stdout + result.stderr }
}

const v1Of = (origin: string): string =>
  spawnSync('git', ['--git-dir', origin, 'rev-parse', '--verify', '--quiet', 'refs/tags/v1^{commit}'], {
    encoding: 'utf8',
  }).stdout.trim()

describe('the release workflow', () => {
  test('passes the commit verify checked out to move-major-tag', () => {
    assert.equal(release.jobs.verify!.outputs?.commit, '${{ steps.tested.outputs.commit }}')
  })

  test('moves v1 to the commit verify tested when the tag still names it', () => {
    const { clone, origin, first } = repositories('same')
    const moved = moveTag(clone, first)
    assert.equal(moved.status, 0, moved.stdout)
    assert.equal(v1Of(origin), first)
  })

  test('leaves v1 alone when the tag names another commit than the one verify tested', () => {
    const { clone, origin, first, second } = repositories('moved')
    const refused = moveTag(clone, second)
    assert.equal(refused.status, 1, refused.stdout)
    assert.match(
      refused.stdout,
      new RegExp(`::error::v1\\.0\\.0 now names ${first}, not ${second}, the commit verify tested`),
    )
    assert.equal(v1Of(origin), '', 'v1 was not made')
  })

  test('leaves v1 alone when verify said no commit', () => {
    const { clone, origin } = repositories('silent')
    const refused = moveTag(clone, '')
    assert.equal(refused.status, 1, refused.stdout)
    assert.match(refused.stdout, /::error::verify did not say which commit it tested/)
    assert.equal(v1Of(origin), '')
  })
})
