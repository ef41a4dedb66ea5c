// libfaketime for the clock tests: a runner whose wall clock is off, or is
// stepped mid-job, while its monotonic clock runs true (NOTES.md, "Testing
// against a hostile world"). Found where Debian's package puts it; installed
// with apt-get when missing and this is root on a machine that has apt-get;
// otherwise the tests that need it are skipped, saying why.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function findLibrary(): string | undefined {
  const lib = '/usr/lib'
  if (!existsSync(lib)) return undefined
  for (const dir of readdirSync(lib)) {
    const candidate = join(lib, dir, 'faketime', 'libfaketime.so.1')
    if (existsSync(candidate)) return candidate
  }
  return existsSync(join(lib, 'faketime', 'libfaketime.so.1')) ? join(lib, 'faketime', 'libfaketime.so.1') : undefined
}

function aptInstall(): boolean {
  const install = (): boolean =>
    spawnSync('apt-get', ['install', '-y', '-qq', 'faketime'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  if (install()) return true
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' })
  return install()
}

/** The library's path, or why the clock tests cannot run here (for test.skip). */
export function libfaketime(): { path: string } | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'libfaketime (LD_PRELOAD) is for Linux only' }
  const found = findLibrary()
  if (found) return { path: found }
  const root = process.getuid?.() === 0
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (!root || !hasApt) {
    return { skip: 'libfaketime is not installed, and this is not root with apt-get: apt-get install faketime' }
  }
  if (!aptInstall()) return { skip: "apt-get install faketime failed: install Debian's faketime package" }
  const installed = findLibrary()
  return installed ? { path: installed } : { skip: 'faketime was installed, but libfaketime.so.1 was not found' }
}

/** A wall clock the test can set: the environment for a job's steps, and a way to step the clock mid-run. */
export class FakeWallClock {
  readonly file: string
  readonly env: Record<string, string>

  /** offset: what libfaketime reads, e.g. '+0' or '+600s'. */
  constructor(library: string, offset = '+0') {
    this.file = join(mkdtempSync(join(tmpdir(), 'faketime-')), 'offset')
    writeFileSync(this.file, offset)
    this.env = {
      LD_PRELOAD: library,
      FAKETIME_TIMESTAMP_FILE: this.file,
      // Read the file at every call, so that a step is seen at once; the monotonic clock is left alone.
      FAKETIME_NO_CACHE: '1',
      DONT_FAKE_MONOTONIC: '1',
    }
  }

  /** Steps the wall clock of every process started with env, e.g. to '+60s'. */
  set(offset: string): void {
    writeFileSync(this.file, offset)
  }
}
