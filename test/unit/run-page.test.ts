// A run URL read from storage is shown in a line only when it is a run page on
// the job's own server: the test the job summary links by.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderBoardText } from '../../src/lock/board.ts'
import { describeBreak, newBreakRecord } from '../../src/lock/break-record.ts'
import { describeHolder, type HolderRecord } from '../../src/lock/holder.ts'
import { runPageServer, shownRunUrl } from '../../src/lock/run-page.ts'

const GITHUB = 'https://github.com'

const record = (runUrl: string): HolderRecord => ({
  repository: 'octo/api',
  workflow: 'deploy',
  job: 'deploy',
  runId: '812',
  runAttempt: '1',
  actor: 'mona',
  runUrl,
  acquiredAt: '2026-12-07T10:00:00.000Z',
})

/** URLs a forged record might carry, each one a link in a log viewer. */
const FORGED = [
  'https://evil.example/octo/api/actions/runs/812',
  'https://github.com.evil.example/octo/api/actions/runs/812',
  'http://github.com/octo/api/actions/runs/812',
  'https://github.com/login/oauth/authorize?client_id=x',
  'https://github.com/octo/api/actions/runs/812?next=https://evil.example',
  'https://github.com/octo/api/actions/runs/812#phish',
  'https://mona:pw@github.com/octo/api/actions/runs/812',
  'https://github.com/octo/api/releases/download/v1/payload.exe',
  'javascript:alert(1)',
  'https://github.com/octo/api/actions/runs/8…',
]

describe('run URLs in lines', () => {
  test('shows a run page of the job’s own server, and nothing for any other URL', () => {
    assert.equal(
      shownRunUrl('https://github.com/octo/api/actions/runs/812', GITHUB),
      'https://github.com/octo/api/actions/runs/812',
    )
    assert.equal(
      shownRunUrl('https://github.com/octo/api/actions/runs/812/attempts/2', GITHUB),
      'https://github.com/octo/api/actions/runs/812/attempts/2',
    )
    for (const url of FORGED) assert.equal(shownRunUrl(url, GITHUB), '', url)
    assert.equal(shownRunUrl('', GITHUB), '')
  })

  test('takes the job’s server from GITHUB_SERVER_URL (GitHub Enterprise Server), else github.com', () => {
    assert.equal(runPageServer({ GITHUB_SERVER_URL: 'https://ghes.example.com' }), 'https://ghes.example.com')
    assert.equal(runPageServer({}), GITHUB)
    const ghes = 'https://ghes.example.com/octo/api/actions/runs/812'
    assert.equal(shownRunUrl(ghes, 'https://ghes.example.com'), ghes)
    assert.equal(shownRunUrl(ghes, GITHUB), '')
  })

  test('the holder, break and board lines name a forged run URL nowhere, and an honest one in full', () => {
    const honest = 'https://github.com/octo/api/actions/runs/812'
    assert.ok(describeHolder(record(honest)).endsWith(` since 2026-12-07T10:00:00.000Z ${honest}`))
    const breaker = { repository: 'octo/ops', runId: '77', actor: 'hubot' }
    const broken = newBreakRecord({ ...breaker, runUrl: honest }, 'hung', new Date('2026-12-07T10:05:00Z'), undefined)
    assert.ok(describeBreak(broken).includes(` ${honest}: "hung"`), describeBreak(broken))
    for (const url of FORGED) {
      const holder = describeHolder(record(url))
      assert.ok(holder.endsWith(' since 2026-12-07T10:00:00.000Z'), holder)
      const line = describeBreak(newBreakRecord({ ...breaker, runUrl: url }, 'hung', new Date(), undefined))
      assert.match(line, /\(actor hubot\): "hung"$/, line)
      const board = renderBoardText([
        { name: 'deploy', held: true, leaseState: 'leased', leaseKind: 'fixed', holder: record(url), queue: [] },
      ])
      assert.ok(!board.includes(url) && !/evil|javascript|login|releases|phish/.test(board), board)
    }
  })
})
