// 'on-superseded: cancel' apart from the network: the target read from the
// job's environment, GitHub's answers worded, and the input only the action
// accepts (the CLI has no run to cancel).

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CancelRunError, cancelRun, cancelTarget } from '../../src/action/cancel-run.ts'
import { readOnSuperseded } from '../../src/action/inputs.ts'

const ENV = { GITHUB_API_URL: 'https://ghe.example/api/v3/', GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '812' }

describe('cancelTarget', () => {
  test('takes the API URL, the repository and the run id from the job', () => {
    assert.deepEqual(cancelTarget('t', ENV), {
      apiUrl: 'https://ghe.example/api/v3',
      repository: 'octo/app',
      runId: '812',
      token: 't',
    })
    assert.equal(cancelTarget('t', { ...ENV, GITHUB_API_URL: '' }).apiUrl, 'https://api.github.com')
  })

  test('refuses an empty token and a malformed repository, naming what to change', () => {
    assert.throws(
      () => cancelTarget('', ENV),
      /'on-superseded: cancel' needs a GitHub token, and 'github-token' is empty/,
    )
    assert.throws(() => cancelTarget('t', { ...ENV, GITHUB_REPOSITORY: 'octo/app/x' }), CancelRunError)
  })
})

describe('cancelRun', () => {
  const answer = (status: number, body = '') => (async () => new Response(body, { status })) as typeof fetch

  test('posts to the run cancel endpoint with the token as a bearer', async () => {
    let seen: { url: string; init: RequestInit | undefined } | undefined
    const fetchStub = (async (url: string, init?: RequestInit) => {
      seen = { url, init }
      return new Response('{}', { status: 202 })
    }) as unknown as typeof fetch
    await cancelRun(cancelTarget('ghs_x', ENV), fetchStub)
    assert.equal(seen?.url, 'https://ghe.example/api/v3/repos/octo/app/actions/runs/812/cancel')
    assert.equal(seen?.init?.method, 'POST')
    assert.equal((seen?.init?.headers as Record<string, string>).authorization, 'Bearer ghs_x')
  })

  test("words a 403 as the missing 'actions: write', with GitHub's message shown inert", async () => {
    await assert.rejects(
      cancelRun(
        cancelTarget('t', ENV),
        answer(403, JSON.stringify({ message: 'Resource not accessible\n::error::x' })),
      ),
      (err: Error) =>
        err instanceof CancelRunError &&
        /^Could not cancel this run: GitHub answered 403: Resource not accessible\\n::error::x\. The token lacks the 'actions: write' permission/.test(
          err.message,
        ) &&
        !err.message.includes('\n'),
    )
  })

  test('words any other refusal with its status, and a network failure as no answer', async () => {
    await assert.rejects(
      cancelRun(cancelTarget('t', ENV), answer(409, '{"message":"Cannot cancel a completed run"}')),
      /GitHub answered 409: Cannot cancel a completed run\.$/,
    )
    const down = (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch
    await assert.rejects(cancelRun(cancelTarget('t', ENV), down), /did not answer \(fetch failed\)/)
  })
})

describe("the input 'on-superseded'", () => {
  const reader = (value: string) => (name: string) => (name === 'on-superseded' ? value : '')
  test("takes 'cancel' in the action (the command's choices are in settings.test.ts)", () => {
    assert.equal(readOnSuperseded(reader('cancel')), 'cancel')
    assert.throws(() => readOnSuperseded(reader('Cancel')), /is not one of skip, fail or cancel\./)
  })
})
