// Each bad input gets one clear error line that names the input and the form
// expected: no stack trace, no secret, and no lease left behind.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { Job, completeAllJobs } from '../support/runner.ts'

const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const TENANT_ID = '66666666-7777-8888-9999-000000000000'
const WRONG_KEY = Buffer.from('a wrong key of the right shape..').toString('base64')

describe('bad input, end to end', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  const cases: Array<{ name: string; inputs: (a: Azurite) => Record<string, string>; error: RegExp }> = [
    {
      name: 'a missing lock name',
      inputs: (a) => ({ 'connection-string': a.connectionString }),
      error: /^Input 'lock-name' is required: the name of the lock, e\.g\. 'production-deploy'\.$/,
    },
    {
      name: 'an invalid lock name',
      inputs: (a) => ({ 'lock-name': 'deploy/', 'connection-string': a.connectionString }),
      error: /^Invalid input 'lock-name': it ends with '\.' or '\/'; expected a blob name of 1 to 1024 characters\.$/,
    },
    {
      name: 'an invalid container name',
      inputs: (a) => ({ 'lock-name': 'deploy', container: 'Team_Locks', 'connection-string': a.connectionString }),
      error: /^Invalid input 'container': 'Team_Locks' is not a valid container name: it may contain only lowercase/,
    },
    {
      name: 'a lease duration below 15',
      inputs: (a) => ({ 'lock-name': 'deploy', 'lease-duration': '10', 'connection-string': a.connectionString }),
      error: /^Invalid input 'lease-duration': '10' is not a whole number of seconds from 15 to 60\.$/,
    },
    {
      name: 'a lease duration above 60',
      inputs: (a) => ({ 'lock-name': 'deploy', 'lease-duration': '90', 'connection-string': a.connectionString }),
      error: /^Invalid input 'lease-duration': '90' is not a whole number of seconds from 15 to 60\.$/,
    },
    {
      name: 'an unparsable timeout',
      inputs: (a) => ({ 'lock-name': 'deploy', timeout: 'soon', 'connection-string': a.connectionString }),
      error:
        /^Invalid input 'timeout': 'soon' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h\.$/,
    },
    {
      name: 'no credentials',
      inputs: () => ({ 'lock-name': 'deploy' }),
      error:
        /^No credential given: set 'connection-string'; or 'account-name' with 'account-key' or 'sas-token'; or 'account-name' with 'client-id' and 'tenant-id' .*; or 'account-name' alone to use the Azure credential of the runner\.$/,
    },
    {
      name: 'two kinds of credentials',
      inputs: (a) => ({
        'lock-name': 'deploy',
        'connection-string': a.connectionString,
        'account-name': DEV_ACCOUNT,
        'account-key': DEV_KEY,
      }),
      error: /^Give exactly one kind of credential, not 'connection-string' and 'account-key'\.$/,
    },
    {
      name: 'a malformed connection string',
      inputs: () => ({ 'lock-name': 'deploy', 'connection-string': `AccountName=${DEV_ACCOUNT};${DEV_KEY}` }),
      error:
        /^Invalid input 'connection-string': expected 'Key=Value' pairs separated by ';' such as AccountName=\.\.\.;AccountKey=\.\.\. \(a part is not a known setting\)\.$/,
    },
    {
      name: 'a wrong key',
      inputs: (a) => ({
        'lock-name': 'deploy',
        'account-name': DEV_ACCOUNT,
        'account-key': WRONG_KEY,
        'blob-endpoint': a.blobEndpoint,
      }),
      error:
        /^Azure refused access to http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(403 AuthorizationFailure\): .*account key/,
    },
    {
      name: 'an account key mixed with Entra inputs',
      inputs: () => ({
        'lock-name': 'deploy',
        'account-name': DEV_ACCOUNT,
        'account-key': DEV_KEY,
        'client-id': CLIENT_ID,
        'tenant-id': TENANT_ID,
      }),
      error:
        /^Give exactly one kind of credential, not 'account-key' and 'client-id' and 'tenant-id': 'client-id' and 'tenant-id' sign in with Entra ID, without a key or SAS\.$/,
    },
    {
      name: 'client-id without tenant-id',
      inputs: () => ({ 'lock-name': 'deploy', 'account-name': DEV_ACCOUNT, 'client-id': CLIENT_ID }),
      error: /^Input 'tenant-id' is required with 'client-id': the directory \(tenant\) id of the app registration\.$/,
    },
    {
      name: "a job without the permission 'id-token: write'",
      inputs: () => ({
        'lock-name': 'deploy',
        'blob-endpoint': `https://127.0.0.1:9/${DEV_ACCOUNT}`,
        'client-id': CLIENT_ID,
        'tenant-id': TENANT_ID,
      }),
      error:
        /^'client-id' and 'tenant-id' sign in with GitHub's OIDC token, but this job may not request one: add 'permissions: id-token: write' to the job or the workflow\./,
    },
    {
      name: 'an unreachable endpoint',
      inputs: () => ({
        'lock-name': 'deploy',
        'account-name': DEV_ACCOUNT,
        'account-key': DEV_KEY,
        'blob-endpoint': `http://127.0.0.1:9/${DEV_ACCOUNT}`,
      }),
      error:
        /^Cannot reach the blob endpoint http:\/\/127\.0\.0\.1:9\/devstoreaccount1 \(ECONNREFUSED\): nothing listens there\. /,
    },
  ]

  for (const { name, inputs, error } of cases) {
    it(`fails with one clear error line on ${name}`, async () => {
      const given = inputs(azurite)
      const job = new Job({ inputs: given })
      const main = await job.runMain()
      assert.equal(main.exitCode, 1, main.stdout)
      assert.equal(main.errors.length, 1, main.stdout)
      assert.match(main.errors[0]!, error)
      assert.ok(main.durationMs < 15_000, `took ${main.durationMs} ms`)
      const everything = main.stdout.replace(/^::add-mask::.*$/gm, '') + main.stderr
      assert.ok(
        !/^\s+at /m.test(main.lines.join('\n') + main.errors.join('\n') + main.stderr),
        'no stack trace is shown',
      )
      for (const secret of [DEV_KEY, WRONG_KEY]) {
        assert.ok(!everything.includes(secret), 'no secret in the log')
        assert.ok(!JSON.stringify(job.state).includes(secret), 'no secret in state')
      }
      assert.equal(job.state.lease ?? '', '', 'no lease was taken')
      const post = await job.runPost()
      assert.equal(post.exitCode, 0)
      assert.deepEqual(post.lines, ['Nothing to release: the main step did not take the lock.'])
      assert.deepEqual(job.complete(), [], 'no process was left')
    })
  }

  it('leaves no leased blob anywhere after all the bad inputs', async () => {
    const service = new BlobServiceClient(azurite.blobEndpoint, new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY))
    const leased: string[] = []
    for await (const container of service.listContainers()) {
      for await (const blob of service.getContainerClient(container.name).listBlobsFlat()) {
        if (blob.properties.leaseState === 'leased') leased.push(`${container.name}/${blob.name}`)
      }
    }
    assert.deepEqual(leased, [])
  })
})
