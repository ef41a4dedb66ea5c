// Latest wins, seen everywhere, end to end: the built action's waiting lines
// and job summary carry the key and sequence of each waiter, and for each key
// in sight the last sequence that held the lock with its run. Through the
// runner stand-in, against Azurite.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { LatestBlobs } from '../../src/lock/deploy/latest-blobs.ts'
import type { Azurite } from '../support/azurite.ts'
import { jobFor, mustPass, untilWaiting, withSuiteStorage } from '../support/e2e.ts'
import { holderFor } from '../support/lock.ts'

describe('latest wins in the waiting lines and the job summary', () => {
  let azurite: Azurite
  let locks: ContainerClient
  withSuiteStorage((storage) => ({ azurite, locks } = storage))

  it('shows each waiter with its key and sequence, and the last sequence that held per key with its run', async () => {
    const lock = 'seen-everywhere'
    // A first job of the key "production" held the lock and left: the key's record says sequence 5.
    const first = jobFor(azurite, 'octo/first', lock, { 'supersede-key': 'production', sequence: '5' })
    mustPass('first main', await first.runMain())
    mustPass('first post', await first.runPost())
    // A forged record of another key, with markup and a workflow command in it: shown, never obeyed.
    const forged = {
      ...holderFor('octo/<b>forged</b>'),
      acquiredAt: new Date().toISOString(),
      supersedeKey: 'staging',
      sequence: '3\n::error::forged',
    }
    assert.equal(await new LatestBlobs(locks, lock, 5_000).write('staging', forged, undefined), 'written')

    const holder = jobFor(azurite, 'octo/holder', lock)
    mustPass('holder main', await holder.runMain())
    const web = jobFor(azurite, 'octo/web', lock, { 'supersede-key': 'production', sequence: '10' })
    const webRun = web.runMain()
    await untilWaiting(azurite, lock, 'octo/web')
    const api = jobFor(azurite, 'octo/api', lock, { 'supersede-key': 'staging', sequence: '4' })
    const apiRun = api.runMain()
    await untilWaiting(azurite, lock, 'octo/api')
    mustPass('holder post', await holder.runPost())
    const webMain = mustPass('web main', await webRun)
    mustPass('web post', await web.runPost())
    const apiMain = mustPass('api main', await apiRun)
    mustPass('api post', await api.runPost())

    // The waiting lines: web sees its own key's last holder; api sees web ahead with its key and sequence,
    // and the last sequence of both keys in sight.
    const webLine = webMain.lines.find((l) => l.includes('in line for locks/seen-everywhere'))
    assert.ok(webLine, webMain.lines.join('\n'))
    assert.match(webLine, /last held, per key: key "production": sequence 5, octo\/first run \d+/)
    const apiLine = apiMain.lines.find((l) => l.includes('in line for locks/seen-everywhere') && l.includes('octo/web'))
    assert.ok(apiLine, apiMain.lines.join('\n'))
    assert.match(apiLine, /ahead: .*octo\/web run \d+ \(key "production", sequence 10\)/)
    assert.match(
      apiLine,
      /last held, per key: key "staging": sequence 3.*::error::forged, octo\/<b>forged<\/b> run 7; key "production": sequence 5, octo\/first run \d+/,
    )
    // The forged command stayed inside the line: no annotation came of it.
    assert.deepEqual(apiMain.errors, [])
    assert.ok(!apiMain.stdout.split('\n').some((l) => l.startsWith('::error::forged')))

    // The job summary of api (written by its post): the keyed waiter it saw, and the last sequence per key.
    const summary = api.summary
    assert.match(summary, /Waiters seen with a supersede key:/)
    assert.match(
      summary,
      /<td>octo\/web<\/td><td>[^<]*<a href="[^"]+">run \d+<\/a><\/td><td>production<\/td><td>10<\/td>/,
    )
    assert.match(summary, /Last sequence that held, per supersede key:/)
    // As of api's last line: octo/first (5), or octo/web (10) once web had held.
    assert.match(summary, /<td>production<\/td><td>(5<\/td><td>octo\/first|10<\/td><td>octo\/web)<\/td>/)
    assert.match(summary, /<td>staging<\/td><td>3 ::error&#58;&#58;forged|<td>staging<\/td><td>3/)
    assert.ok(!summary.includes('<b>forged</b>'), 'markup from a record is escaped in the summary')
  })
})
