// The action on the networks it meets, run the way the runner runs it: with
// debug logging on, every storage request is in the log and no secret is; and
// behind a forward proxy (HTTPS_PROXY), main, the renewer and post all reach
// storage through it, while NO_PROXY lets requests go around it.

import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import {
  BlobServiceClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob'
import { logFileOf } from '../../src/renewer/status.ts'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { environOf, jobFor, renewerPid } from '../support/e2e.ts'
import { FaultProxy } from '../support/fault-proxy.ts'
import { ForwardProxy } from '../support/forward-proxy.ts'
import { Job, completeAllJobs, type StepResult } from '../support/runner.ts'

const ACCOUNT = 'mutexdebug'
// A key no other process or log on the machine could carry by chance.
const KEY = Buffer.concat([Buffer.from('azure-mutex-debug-'), randomBytes(21)]).toString('base64')

/** The log as a user sees it: everything but the runner's own ::add-mask:: commands. */
function logOf(step: StepResult): string {
  return step.stdout.replace(/^::add-mask::.*$/gm, '') + step.stderr
}

describe('networks, end to end', () => {
  let azurite: Azurite
  before(async () => {
    // An account of its own, whose key can be searched for in logs, beside the dev account.
    azurite = await startAzurite({ accounts: `${ACCOUNT}:${KEY};${DEV_ACCOUNT}:${DEV_KEY}` })
    // The SAS below may not create containers.
    await new BlobServiceClient(
      `http://127.0.0.1:${azurite.port}/${ACCOUNT}`,
      new StorageSharedKeyCredential(ACCOUNT, KEY),
    )
      .getContainerClient('locks')
      .createIfNotExists()
  })
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  describe('with debug logging on (RUNNER_DEBUG=1)', () => {
    let sas: string
    let signature: string
    before(() => {
      sas = generateBlobSASQueryParameters(
        {
          containerName: 'locks',
          permissions: ContainerSASPermissions.parse('rwcl'),
          expiresOn: new Date(Date.now() + 3_600_000),
        },
        new StorageSharedKeyCredential(ACCOUNT, KEY),
      ).toString()
      signature = new URLSearchParams(sas).get('sig')!
    })

    function debugJob(endpoint: string, lockName: string): Job {
      return new Job({
        repository: 'octo/debugged',
        inputs: {
          'lock-name': lockName,
          'account-name': ACCOUNT,
          'sas-token': sas,
          'blob-endpoint': endpoint,
          'lease-duration': '15',
        },
        env: { RUNNER_DEBUG: '1' },
      })
    }

    /** No key, SAS, signature or channel token anywhere but in the runner's mask commands. */
    function assertNoSecret(text: string, name: string, token: string): void {
      for (const [what, secret] of [
        ['account key', KEY],
        ['SAS', sas],
        ['SAS signature', signature],
        ['encoded signature', encodeURIComponent(signature)],
        ['channel token', token],
      ] as const) {
        assert.ok(!text.includes(secret), `${name} shows the ${what}`)
      }
      assert.ok(!/[?&](sig|sv|se|sp)=/.test(text), `${name} shows a SAS parameter`)
    }

    it('logs every request of main, the renewer, post and status, with its status and request id, and no secret', async () => {
      const endpoint = `http://127.0.0.1:${azurite.port}/${ACCOUNT}`
      const job = debugJob(endpoint, 'debugged')
      const main = await job.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      const token = JSON.parse(job.state['renewer-channel']!).token as string
      const id = '\\(request id [0-9a-f-]{36}, \\d+ ms\\)'
      const blob = `${endpoint}/locks/debugged`.replace(/[/.]/g, '\\$&')
      const container = `${endpoint}/locks`.replace(/[/.]/g, '\\$&')
      for (const request of [
        `GET ${container}\\?comp=list&restype=container -> 200 ${id}`,
        `PUT ${blob}\\?comp=lease \\(acquire lease\\) -> 404 BlobNotFound ${id}`,
        `PUT ${blob} -> 201 ${id}`,
        `PUT ${blob}\\?comp=lease \\(acquire lease\\) -> 201 ${id}`,
        `PUT ${blob}\\?comp=metadata -> 200 ${id}`,
      ]) {
        assert.ok(
          main.debug.some((line) => new RegExp(`^storage: ${request}$`).test(line)),
          `main's debug log has ${request}:\n${main.debug.join('\n')}`,
        )
      }
      // Its phases are log groups, and the result line is outside them.
      const groups = [...main.stdout.matchAll(/^::group::(.*)$/gm)].map((m) => m[1])
      assert.deepEqual(groups, ['Sign in', `Wait for lock ${ACCOUNT}/locks/debugged`])
      assert.match(main.stdout, /::endgroup::\n(::add-mask::.*\n)?Fencing token 1 .*\nHolding lock /)

      await delay(5_500) // a renewal
      const status = await job.runAction('status', {
        'account-name': ACCOUNT,
        'sas-token': sas,
        'blob-endpoint': endpoint,
      })
      assert.equal(status.exitCode, 0, status.stdout)
      assert.ok(
        status.debug.some((line) =>
          new RegExp(
            `^storage: GET ${endpoint.replace(/[/.]/g, '\\$&')}\\/locks\\?comp=list&restype=container -> 200 ${id}$`,
          ).test(line),
        ),
        status.debug.join('\n'),
      )
      const post = await job.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      // Post shows the renewer's log, which with debug on holds its requests.
      assert.match(post.stdout, new RegExp(`storage: PUT ${blob}\\?comp=lease \\(renew lease\\) -> 200 ${id}`))
      assert.match(post.stdout, new RegExp(`storage: PUT ${blob}\\?comp=lease \\(release lease\\) -> 200 ${id}`))

      for (const [name, step] of [
        ['main', main],
        ['status', status],
        ['post', post],
      ] as const) {
        assertNoSecret(logOf(step), name, token)
      }
      assertNoSecret(readFileSync(logFileOf(job.state['renewer-status-file']!), 'utf8'), 'the renewer log file', token)
      assertNoSecret(job.summary, 'the summary', token)
      assert.deepEqual(job.complete(), [])
    })

    it("numbers the SDK's retries of a request that storage answers 503", async () => {
      const proxy = await new FaultProxy(azurite.port).start()
      try {
        const endpoint = `http://127.0.0.1:${proxy.port}/${ACCOUNT}`
        proxy.set({ errorRate: 1, errorStatus: 503 })
        const job = debugJob(endpoint, 'debugged-retries')
        const running = job.runMain()
        // Storage answers 503 until the first request, the look at the queue, has had its three tries.
        for (let waited = 0; proxy.count('list', 'injected') < 3 && waited < 20_000; waited += 50) await delay(50)
        proxy.set({})
        const main = await running
        assert.equal(main.exitCode, 0, main.stdout)
        // The first request, the look at the queue, is tried three times.
        const look = new RegExp(
          `^storage: GET ${endpoint.replace(/[/.]/g, '\\$&')}/locks\\?comp=list&restype=container -> 503 ServerBusy \\(\\d+ ms(, retry (1|2))?\\)$`,
        )
        const retries = main.debug.filter((line) => look.test(line))
        assert.ok(
          retries.some((line) => line.endsWith(', retry 1)')),
          retries.join('\n'),
        )
        assert.ok(
          retries.some((line) => line.endsWith(', retry 2)')),
          retries.join('\n'),
        )
        assert.equal((await job.runPost()).exitCode, 0)
        job.complete()
      } finally {
        await proxy.stop()
      }
    })

    it('logs nothing of the requests without debug logging', async () => {
      const job = jobFor(azurite, 'octo/quiet', 'quiet')
      const main = await job.runMain()
      assert.deepEqual(main.debug, [])
      assert.ok(!main.stdout.includes('storage: '))
      const post = await job.runPost()
      assert.ok(!post.stdout.includes('storage: '), 'the renewer logged none either')
      job.complete()
    })
  })

  describe('behind a forward proxy', () => {
    let proxy: ForwardProxy
    // A name that only the proxy resolves: a request that does not go through it fails.
    const hidden = (): string =>
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=http://azurite.test:10000/devstoreaccount1;`
    before(async () => {
      proxy = await new ForwardProxy({ 'azurite.test:10000': `127.0.0.1:${azurite.port}` }).start()
    })
    after(() => proxy.stop())

    it('cannot reach the endpoint without the proxy (the test’s premise)', async () => {
      const job = jobFor(azurite, 'octo/direct', 'proxied', { 'connection-string': hidden(), timeout: '5' })
      const main = await job.runMain()
      assert.equal(main.exitCode, 1)
      assert.match(
        main.errors[0] ?? '',
        /^Cannot resolve the blob endpoint http:\/\/azurite\.test:10000\/devstoreaccount1 \((ENOTFOUND|EAI_AGAIN)\)/,
      )
      job.complete()
    })

    it('goes through HTTPS_PROXY in main, in the renewer (which gets the variable) and in post', async () => {
      const env = { HTTPS_PROXY: proxy.url }
      const job = jobFor(azurite, 'octo/proxied', 'proxied', { 'connection-string': hidden() }, { env })
      const main = await job.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      assert.ok(proxy.count('acquire') >= 1, 'main acquired through the proxy')
      const pid = renewerPid(job)
      assert.ok(environOf(pid).includes(`\0HTTPS_PROXY=${proxy.url}\0`), 'the renewer has HTTPS_PROXY')
      const renewals = proxy.count('renew')
      assert.ok(renewals >= 1, 'the hand-over renewal went through the proxy')
      await delay(5_500)
      assert.ok(proxy.count('renew') > renewals, 'so do later renewals')
      const post = await job.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      assert.ok(proxy.count('release') >= 1, "the renewer's release went through the proxy")
      assert.deepEqual(job.complete(), [])

      // Post's own requests: with its renewer gone, post releases with the step's credentials.
      const orphan = jobFor(azurite, 'octo/proxied', 'proxied-own', { 'connection-string': hidden() }, { env })
      assert.equal((await orphan.runMain()).exitCode, 0)
      process.kill(renewerPid(orphan), 'SIGKILL')
      const releases = proxy.count('release')
      const own = await orphan.runPost()
      assert.equal(own.exitCode, 0, own.stdout)
      assert.ok(own.lines.some((l) => /^Released lock devstoreaccount1\/locks\/proxied-own after holding it/.test(l)))
      assert.equal(proxy.count('release'), releases + 1, "post's own release went through the proxy")
      orphan.complete()
    })

    it('goes around the proxy for the hosts in NO_PROXY', async () => {
      const before = proxy.log.length
      const env = { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }
      const job = jobFor(azurite, 'octo/around', 'around', {}, { env })
      assert.equal((await job.runMain()).exitCode, 0)
      await delay(5_500)
      assert.equal((await job.runPost()).exitCode, 0)
      assert.equal(proxy.log.length, before, 'no request went to the proxy')
      job.complete()
    })
  })
})
