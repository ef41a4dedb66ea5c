// Where the action keeps its own blobs beside a lock, and that no lock name reaches them.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { lockNameProblem } from '../../src/lock/names.ts'
import { RESERVED_PREFIX, entryName, latestName, reservedNames, ticketOf } from '../../src/lock/reserved.ts'

describe('reserved names', () => {
  test('keep every blob of a lock under one segment of the reserved folder', () => {
    assert.deepEqual(reservedNames('production-deploy'), {
      queuePrefix: '.azure-mutex/production-deploy/queue/',
      tickets: '.azure-mutex/production-deploy/tickets',
      fencing: '.azure-mutex/production-deploy/fencing',
      latestPrefix: '.azure-mutex/production-deploy/latest/',
      folder: '.azure-mutex/production-deploy/',
      slotsPrefix: '.azure-mutex/production-deploy/slots/',
    })
    assert.ok(reservedNames('x').queuePrefix.startsWith(RESERVED_PREFIX))
  })

  test('name the record of a supersede key by its SHA-256, so that any key is a valid blob name and keys stay apart', () => {
    const prefix = reservedNames('production-deploy').latestPrefix
    assert.match(latestName(prefix, 'production'), /^\.azure-mutex\/production-deploy\/latest\/[0-9a-f]{64}$/)
    assert.notEqual(latestName(prefix, 'production'), latestName(prefix, 'Production'))
    assert.notEqual(latestName(prefix, 'production'), latestName(prefix, 'production '))
    assert.ok(latestName(prefix, 'x'.repeat(256) + '/\n::error::').length < 200)
  })

  test("keep the folders of 'a/b' and 'a/b/queue' apart", () => {
    const ab = reservedNames('a/b')
    const abQueue = reservedNames('a/b/queue')
    assert.equal(ab.queuePrefix, '.azure-mutex/a%2Fb/queue/')
    assert.equal(abQueue.queuePrefix, '.azure-mutex/a%2Fb%2Fqueue/queue/')
    for (const name of Object.values(abQueue)) assert.ok(!name.startsWith(ab.queuePrefix), name)
  })

  test('hash a lock name whose encoding would not fit in a blob name, and stay under 1024 characters', () => {
    const long = 'é'.repeat(1_000)
    const names = reservedNames(long)
    assert.match(names.queuePrefix, /^\.azure-mutex\/sha256=[0-9a-f]{64}\/queue\/$/)
    assert.ok(entryName(names.queuePrefix, Number.MAX_SAFE_INTEGER).length <= 1024)
    assert.notEqual(reservedNames(`${long}x`).queuePrefix, names.queuePrefix)
    const longest = reservedNames(Array.from({ length: 254 }, () => 'abc').join('/'))
    assert.ok(entryName(longest.queuePrefix, 1).length <= 1024)
  })

  test('name entries by zero-padded tickets that sort as numbers, and read the ticket back', () => {
    const prefix = reservedNames('x').queuePrefix
    assert.equal(entryName(prefix, 42), '.azure-mutex/x/queue/0000000000000042')
    assert.ok(entryName(prefix, 9) < entryName(prefix, 10))
    assert.equal(ticketOf(prefix, entryName(prefix, 42)), 42)
    for (const other of [`${prefix}42`, `${prefix}000000000000004x`, '.azure-mutex/y/queue/0000000000000001', prefix]) {
      assert.equal(ticketOf(prefix, other), undefined, other)
    }
  })

  test('are out of reach of lock names', () => {
    assert.match(lockNameProblem('.azure-mutex') ?? '', /reserved/)
    assert.match(lockNameProblem('.azure-mutex/x/fencing') ?? '', /first path segment '\.azure-mutex' is reserved/)
    assert.equal(lockNameProblem('team/.azure-mutex'), undefined, 'only the first segment is reserved')
    assert.equal(lockNameProblem('.azure-mutex-x'), undefined)
  })
})
