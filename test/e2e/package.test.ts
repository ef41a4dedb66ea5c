// The published package, not the repository: `npm pack` makes the tarball
// that npm would publish, it is installed into an empty folder (offline: the
// package needs nothing else), and `npx azure-mutex` runs from there. It packs
// the dist-cli/ that `npm run build` made (the e2e tests run the built bundles);
// npm pack's own "prepack" builds it when the package is published.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, it } from 'node:test'
import { ROOT } from '../support/runner.ts'

/** npm and npx of this node (24), first on PATH, so the command runs on the node the package asks for. */
const PATH = `${dirname(process.execPath)}:${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`

function run(tool: 'npm' | 'npx', args: string[], cwd: string): string {
  return execFileSync(tool, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

describe('the published package', () => {
  it('installs into an empty folder with nothing else, and `npx azure-mutex --help` runs', () => {
    const packed = mkdtempSync(join(tmpdir(), 'pack-'))
    run('npm', ['pack', '--ignore-scripts', '--pack-destination', packed], ROOT)
    const [tarball] = readdirSync(packed).filter((name) => name.endsWith('.tgz'))
    assert.ok(tarball, 'npm pack made a tarball')
    const listing = execFileSync('tar', ['-tzf', join(packed, tarball)], { encoding: 'utf8' }).split('\n')
    assert.ok(listing.includes('package/dist-cli/azure-mutex.js'), 'the command is in the package')
    assert.ok(!listing.some((path) => path.startsWith('package/src/') || path.startsWith('package/dist/')))

    const empty = mkdtempSync(join(tmpdir(), 'install-'))
    writeFileSync(join(empty, 'package.json'), '{ "private": true }\n')
    run('npm', ['install', '--offline', '--no-audit', join(packed, tarball)], empty)
    const help = run('npx', ['--offline', 'azure-mutex', '--help'], empty)
    assert.match(help, /^Usage:\n {2}azure-mutex hold <lock>/m)
    const holdHelp = run('npx', ['--offline', 'azure-mutex', 'hold', '--help'], empty)
    assert.match(holdHelp, /Exit codes:/)
    assert.match(holdHelp, /Example:\n {2}AZURE_MUTEX_CONNECTION_STRING=/)
  })
})
