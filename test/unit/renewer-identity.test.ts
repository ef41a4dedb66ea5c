// Post ends a stuck renewer only by main's record of it (pid and start time),
// on every platform: Linux reads start times from /proc; macOS and Windows have
// none to read, so there the proof on an open connection is what is relied on.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { mayEnd } from '../../src/renewer/control.ts'
import { channelAddress, livenessOf, startTimeOf, type Platform } from '../../src/renewer/platform.ts'

const linux: Platform = { os: 'linux', tmpdir: '/tmp', procDir: '/proc' }
const macos: Platform = { os: 'darwin', tmpdir: '/var/folders/xy/T', procDir: undefined }
const windows: Platform = { os: 'win32', tmpdir: 'C:\\Temp', procDir: undefined }

describe('which renewer post may end', () => {
  test('only the pid main recorded, once that pid has proven itself', () => {
    const alive = (): string => 'alive'
    assert.equal(mayEnd(4242, { pid: 4242, startTime: '123' }, alive), true)
    assert.equal(mayEnd(4243, { pid: 4242, startTime: '123' }, alive), false, 'a pid from the channel')
    assert.equal(mayEnd(4242, undefined, alive), false, 'no record of the spawn (a release step, or main died early)')
    assert.equal(mayEnd(1, { pid: 1 }, alive), false, 'init, never')
    assert.equal(mayEnd(0, { pid: 0 }, alive), false, 'a process group, never')
  })

  test('not when the recorded pid now has another start time, or its liveness cannot be told', () => {
    const seen: Array<[number, string | undefined]> = []
    const liveness = (pid: number, startTime: string | undefined): string => (seen.push([pid, startTime]), 'gone')
    assert.equal(mayEnd(4242, { pid: 4242, startTime: '123' }, liveness), false)
    assert.deepEqual(seen, [[4242, '123']], 'the start time main recorded is what is checked')
    assert.equal(
      mayEnd(4242, { pid: 4242 }, () => 'unknown'),
      false,
    )
  })

  test('on Linux, a reused pid reads as gone through /proc', () => {
    const own = startTimeOf(process.pid, linux)
    assert.ok(own, 'a start time from /proc')
    assert.equal(livenessOf(process.pid, own, linux), 'alive')
    assert.equal(livenessOf(process.pid, `${own}0`, linux), 'gone')
  })

  test('on macOS and Windows there is no start time to record, and liveness comes from kill(pid, 0) alone', () => {
    for (const platform of [macos, windows]) {
      assert.equal(startTimeOf(process.pid, platform), undefined, platform.os)
      assert.equal(
        livenessOf(4242, undefined, platform, () => undefined),
        'alive',
        platform.os,
      )
      const esrch = (): never => {
        throw Object.assign(new Error('no such process'), { code: 'ESRCH' })
      }
      assert.equal(livenessOf(4242, undefined, platform, esrch), 'gone', platform.os)
      // Without a start time to compare, mayEnd relies on the live proven connection and main's pid.
      assert.equal(
        mayEnd(4242, { pid: 4242 }, (pid, startTime) => livenessOf(pid, startTime, platform, () => undefined)),
        true,
      )
    }
  })

  test('each platform has its own kind of channel address', () => {
    assert.match(channelAddress('abc', linux), /^\0azure-mutex-abc$/)
    assert.match(channelAddress('abc', windows), /^\\\\\.\\pipe\\azure-mutex-abc$/)
    assert.match(channelAddress('abcdef0123456789xyz', macos), /azmx-abcdef0123456789\.sock$/)
  })
})
