import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import {
  channelAddress,
  isSignallablePid,
  isSocketFile,
  killProcess,
  livenessOf,
  startTimeOf,
  type Platform,
} from '../../src/renewer/platform.ts'

const linux: Platform = { os: 'linux', tmpdir: '/tmp', procDir: undefined }
const macos: Platform = { os: 'darwin', tmpdir: '/var/folders/xy/abcdefgh/T', procDir: undefined }
const windows: Platform = { os: 'win32', tmpdir: 'C:\\Users\\runner\\AppData\\Local\\Temp', procDir: undefined }
const ID = '0123456789abcdef-0123-4567-89ab-cdef01234567'

/** A fake /proc with one process: its state letter and start time. */
function fakeProc(pid: number, state: string, startTime: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'proc-'))
  mkdirSync(join(dir, String(pid)))
  const fields = [state, ...Array.from({ length: 18 }, (_, i) => String(i)), startTime, '0']
  writeFileSync(join(dir, String(pid), 'stat'), `${pid} (node (renewer)) ${fields.join(' ')}`)
  return dir
}

const alive = (): void => undefined
const errno = (code: string) => (): void => {
  throw Object.assign(new Error(code), { code })
}

describe('channelAddress', () => {
  test('Linux: an abstract socket, which no clean-up of a folder can delete', () => {
    const address = channelAddress(ID, linux)
    assert.equal(address, `\0azure-mutex-${ID}`)
    assert.equal(isSocketFile(address), false)
  })

  test('Windows: a named pipe', () => {
    const address = channelAddress(ID, windows)
    assert.equal(address, `\\\\.\\pipe\\azure-mutex-${ID}`)
    assert.equal(isSocketFile(address), false)
  })

  test("macOS: a short socket file in the user's temp folder, not in $RUNNER_TEMP", () => {
    const address = channelAddress(ID, macos)
    assert.equal(address, '/var/folders/xy/abcdefgh/T/azmx-0123456789abcdef.sock')
    assert.equal(isSocketFile(address), true)
    assert.ok(Buffer.byteLength(address) < 104, 'within the socket path limit of macOS')
  })
})

describe('livenessOf', () => {
  test('kill(pid, 0) decides without /proc: ESRCH is gone, EPERM is alive, anything else is unknown', () => {
    for (const platform of [macos, windows]) {
      assert.equal(livenessOf(1234, undefined, platform, alive), 'alive')
      assert.equal(livenessOf(1234, undefined, platform, errno('ESRCH')), 'gone')
      assert.equal(livenessOf(1234, undefined, platform, errno('EPERM')), 'alive')
      assert.equal(livenessOf(1234, undefined, platform, errno('EINVAL')), 'unknown', 'cannot tell is not gone')
    }
  })

  test('with /proc, a zombie or a reused pid is gone, and an unreadable entry is unknown', () => {
    const proc = (state: string): Platform => ({ ...linux, procDir: fakeProc(1234, state, '98765') })
    assert.equal(livenessOf(1234, '98765', proc('S'), alive), 'alive')
    assert.equal(livenessOf(1234, undefined, proc('R'), alive), 'alive')
    assert.equal(livenessOf(1234, '98765', proc('Z'), alive), 'gone', 'a zombie')
    assert.equal(livenessOf(1234, '11111', proc('S'), alive), 'gone', 'another process with the same pid')
    const empty: Platform = { ...linux, procDir: mkdtempSync(join(tmpdir(), 'proc-')) }
    assert.equal(livenessOf(1234, '98765', empty, alive), 'unknown')
  })

  test('never probes pids 0, 1 or negative ones', () => {
    let probed = false
    for (const pid of [0, 1, -1, 1.5]) {
      assert.equal(
        livenessOf(pid, undefined, linux, () => (probed = true)),
        'unknown',
      )
    }
    assert.equal(probed, false)
  })

  test('on this machine: this process is alive, and a pid that exited is gone', async () => {
    assert.equal(livenessOf(process.pid, startTimeOf(process.pid)), 'alive')
    const { spawnSync } = await import('node:child_process')
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    assert.equal(livenessOf(Number(child.stdout.toString()), undefined), 'gone')
  })
})

describe('startTimeOf', () => {
  test('reads the start time from /proc, and nothing where there is no /proc (no ps is run)', () => {
    assert.equal(startTimeOf(1234, { ...linux, procDir: fakeProc(1234, 'S', '4242') }), '4242')
    assert.equal(startTimeOf(1234, macos), undefined)
    assert.equal(startTimeOf(1234, windows), undefined)
  })
})

describe('killProcess and isSignallablePid', () => {
  test('refuses pid 0, 1, negative and non-integer pids', () => {
    for (const pid of [0, 1, -1, -4242, 2.5, NaN]) {
      assert.equal(isSignallablePid(pid), false)
      assert.equal(killProcess(pid), false)
    }
    assert.equal(isSignallablePid(2), true)
  })
})
