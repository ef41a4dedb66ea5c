import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { advance, initialReport } from '../../src/renewer/lifecycle.ts'
import { RenewerRecords, logFileOf, readLogFile, readStatusFile } from '../../src/renewer/status.ts'

function places(): { runnerTemp: string; statusFile: string } {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
  return { runnerTemp, statusFile: join(runnerTemp, 'azure-mutex', 'renewer-1.json') }
}

const report = initialReport(4242, new Date('2026-11-26T10:00:00Z'))

describe('RenewerRecords', () => {
  test('writes the status file and the log, making the folder when it is missing', () => {
    const { statusFile } = places()
    const records = new RenewerRecords(statusFile)
    records.writeStatus(report)
    records.log('first line')
    assert.deepEqual(readStatusFile(statusFile), report)
    assert.match(readLogFile(statusFile), /^\S+ first line\n$/)
    assert.equal(logFileOf(statusFile), statusFile.replace(/\.json$/, '.log'))
  })

  test('writes again after a later step empties $RUNNER_TEMP', () => {
    const { runnerTemp, statusFile } = places()
    const records = new RenewerRecords(statusFile)
    records.writeStatus(report)
    rmSync(join(runnerTemp, 'azure-mutex'), { recursive: true, force: true })
    const renewed = advance(report, { type: 'renewed', sentAt: 1_000, at: 1_100 })
    records.writeStatus(renewed)
    records.log('after the clean-up')
    assert.equal(readStatusFile(statusFile)?.renewals, 1)
    assert.match(readLogFile(statusFile), /after the clean-up/)
  })

  test('never throws when nothing can be written, and keeps the log in memory', () => {
    const { runnerTemp, statusFile } = places()
    // The folder's name is taken by a file: every write fails (ENOTDIR), as on a full or read-only disk.
    writeFileSync(join(runnerTemp, 'azure-mutex'), 'not a folder')
    const records = new RenewerRecords(statusFile)
    assert.doesNotThrow(() => {
      for (let i = 0; i < 3; i++) records.writeStatus(report)
      records.log('still renewing')
    })
    assert.equal(readStatusFile(statusFile), undefined)
    const recent = records.recent()
    assert.ok(recent.some((line) => /could not write the status file \(ENOTDIR\); renewing goes on/.test(line)))
    assert.ok(recent.some((line) => / still renewing$/.test(line)))
    assert.equal(
      readFileSync(join(runnerTemp, 'azure-mutex'), 'utf8'),
      'not a folder',
      'nothing of anyone else is touched',
    )
  })

  test('reads back only a well-formed report', () => {
    const { runnerTemp } = places()
    const path = join(runnerTemp, 'status.json')
    writeFileSync(path, '{"pid": "1"}')
    assert.equal(readStatusFile(path), undefined)
    writeFileSync(path, 'not json')
    assert.equal(readStatusFile(path), undefined)
    assert.equal(readStatusFile(join(runnerTemp, 'missing.json')), undefined)
  })
})
