// 'on-superseded: cancel', end to end: a stale (or superseded) job cancels its
// own workflow run through the GitHub API, here a local stand-in for it
// (GITHUB_API_URL), with the token from 'github-token', which never reaches the
// log. A token without 'actions: write' (403) fails the step with one line
// that says what to change. The built action through the runner stand-in,
// against Azurite.

import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { jobFor, mustPass } from '../support/e2e.ts'
import { completeAllJobs } from '../support/runner.ts'

interface Seen {
  method: string
  url: string
  authorization: string | undefined
}

describe('on-superseded: cancel', () => {
  let azurite: Azurite
  let api: Server
  let apiUrl: string
  const seen: Seen[] = []
  before(async () => {
    azurite = await startAzurite()
    // The GitHub API stand-in: 202 for the token that may cancel, 403 (as GitHub says it) for any other.
    api = createServer((request, response) => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization })
      const allowed = request.headers.authorization === 'Bearer ghs_maycancel'
      response.writeHead(allowed ? 202 : 403, { 'content-type': 'application/json' })
      response.end(allowed ? '{}' : JSON.stringify({ message: 'Resource not accessible by integration' }))
    })
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  })
  after(async () => {
    completeAllJobs()
    await new Promise((resolve) => api.close(resolve))
    await azurite.stop()
  })

  /** A newer run of the key holds the lock and leaves: the key's record says sequence 50. */
  async function newerHeld(lock: string): Promise<void> {
    const newer = jobFor(azurite, 'octo/newer', lock, { 'supersede-key': 'production', sequence: '50' })
    mustPass('newer main', await newer.runMain())
    mustPass('newer post', await newer.runPost())
  }

  it('cancels its own run with the token, which stays out of the log, and ends the step without the lock', async () => {
    const lock = 'cancel-accepted'
    await newerHeld(lock)
    const stale = jobFor(
      azurite,
      'octo/stale',
      lock,
      { 'supersede-key': 'production', sequence: '40', 'on-superseded': 'cancel', 'github-token': 'ghs_maycancel' },
      { env: { GITHUB_API_URL: apiUrl } },
    )
    const main = mustPass('stale main', await stale.runMain())
    assert.equal(main.outputs.outcome, 'stale')
    assert.equal(main.outputs.acquired, 'false')
    const cancels = seen.filter((s) => s.url.startsWith('/repos/octo/stale/'))
    assert.equal(cancels.length, 1, JSON.stringify(seen))
    assert.equal(cancels[0]!.method, 'POST')
    assert.match(cancels[0]!.url, /^\/repos\/octo\/stale\/actions\/runs\/\d+\/cancel$/)
    assert.equal(cancels[0]!.authorization, 'Bearer ghs_maycancel')
    assert.ok(
      main.notices.some((n) => /^Stale: .* Cancelling this run \('on-superseded' is cancel\)/.test(n)),
      main.notices.join('\n'),
    )
    assert.ok(!`${main.stdout}${main.stderr}`.includes('ghs_maycancel') || main.masks.includes('ghs_maycancel'))
    assert.ok(main.masks.includes('ghs_maycancel'), 'the token is masked')
    assert.ok(!main.lines.some((l) => l.includes('ghs_maycancel')), 'the token is never printed')
    mustPass('stale post', await stale.runPost())
  })

  it("fails with one line naming 'actions: write' when GitHub refuses the cancel", async () => {
    const lock = 'cancel-refused'
    await newerHeld(lock)
    const stale = jobFor(
      azurite,
      'octo/readonly',
      lock,
      { 'supersede-key': 'production', sequence: '40', 'on-superseded': 'cancel', 'github-token': 'ghs_readonly' },
      { env: { GITHUB_API_URL: apiUrl } },
    )
    const main = await stale.runMain()
    assert.equal(main.exitCode, 1)
    assert.equal(main.outputs.outcome, 'stale')
    assert.equal(main.errors.length, 1, main.errors.join('\n'))
    assert.match(
      main.errors[0]!,
      /Could not cancel this run: GitHub answered 403: Resource not accessible by integration\. The token lacks the 'actions: write' permission/,
    )
    assert.doesNotMatch(main.stdout, /\n\s+at /, 'no stack trace')
    assert.ok(!main.lines.some((l) => l.includes('ghs_readonly')), 'the token is never printed')
  })

  it("refuses an unknown value of 'on-superseded' with one line naming skip, fail and cancel", async () => {
    const job = jobFor(azurite, 'octo/typo', 'cancel-typo', { 'supersede-key': 'k', 'on-superseded': 'cancle' })
    const main = await job.runMain()
    assert.equal(main.exitCode, 1)
    assert.match(main.errors.join('\n'), /Invalid input 'on-superseded': 'cancle' is not one of skip, fail or cancel\./)
  })
})
