// No secret anywhere: not in any process's command line, not in any log line
// but the runner's own mask command, not in state or output files, not in the
// renewer's environment, status or log, and not in blob metadata.

import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  BlobServiceClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { allCommandLines, environOf, filesOf, renewerPid } from '../support/e2e.ts'
import { Job, completeAllJobs, type StepResult } from '../support/runner.ts'

const ACCOUNT = 'mutexsecrets'
// A key no other process on the machine could carry by chance.
const KEY = Buffer.concat([Buffer.from('azure-mutex-secret-'), randomBytes(21)]).toString('base64')

/** The log as a user sees it: everything but the runner's own ::add-mask:: commands. */
function logOf(step: StepResult): string {
  return step.stdout.replace(/^::add-mask::.*$/gm, '') + step.stderr
}

describe('secrets, end to end', () => {
  let azurite: Azurite
  let service: BlobServiceClient
  before(async () => {
    azurite = await startAzurite({ accounts: `${ACCOUNT}:${KEY}` })
    service = new BlobServiceClient(
      `http://127.0.0.1:${azurite.port}/${ACCOUNT}`,
      new StorageSharedKeyCredential(ACCOUNT, KEY),
    )
    await service.getContainerClient('locks').createIfNotExists()
  })
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  const endpoint = (): string => `http://127.0.0.1:${azurite.port}/${ACCOUNT}`
  const sas = (): string =>
    generateBlobSASQueryParameters(
      {
        containerName: 'locks',
        permissions: ContainerSASPermissions.parse('rwc'),
        expiresOn: new Date(Date.now() + 3_600_000),
      },
      new StorageSharedKeyCredential(ACCOUNT, KEY),
    ).toString()

  const ways: Array<{ name: string; inputs: () => Record<string, string> }> = [
    {
      name: 'an account key',
      inputs: () => ({ 'account-name': ACCOUNT, 'account-key': KEY, 'blob-endpoint': endpoint() }),
    },
    {
      name: 'a SAS token',
      inputs: () => ({ 'account-name': ACCOUNT, 'sas-token': sas(), 'blob-endpoint': endpoint() }),
    },
    {
      name: 'a connection string',
      inputs: () => ({
        'connection-string': `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${endpoint()};`,
      }),
    },
  ]

  for (const way of ways) {
    it(`shows ${way.name} nowhere while the job takes, holds and releases the lock`, async () => {
      const inputs = way.inputs()
      const token = inputs['sas-token']
      // The secret itself, the SAS signature alone, and every input that carries the key.
      const secrets = token ? [token, new URLSearchParams(token).get('sig')!] : [KEY]
      secrets.push(...Object.values(inputs).filter((value) => value.includes(KEY)))
      const lockName = `secret-${way.name.replaceAll(' ', '-')}`
      const job = new Job({ inputs: { 'lock-name': lockName, 'lease-duration': '15', ...inputs } })
      const leaks: string[] = []
      const check = (where: string, text: string): void => {
        for (const secret of secrets) if (text.includes(secret)) leaks.push(where)
      }

      const main = await job.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      assert.ok(
        main.masks.includes(secrets[0]!),
        'main asked the runner to mask the secret (the checks below can see it)',
      )
      check('main log', logOf(main))
      check('command lines while holding', allCommandLines().join('\n'))
      check('renewer environment', environOf(renewerPid(job)))
      const props = await service.getContainerClient('locks').getBlobClient(lockName).getProperties()
      check('blob metadata', JSON.stringify(props.metadata))
      assert.ok(props.metadata?.holder_repository, 'the holder record is there to be checked')

      const post = await job.runPost()
      assert.equal(post.exitCode, 0, post.stdout)
      check('post log', logOf(post))
      check('state, output, renewer status and log files', filesOf(job))
      job.complete()
      assert.deepEqual(leaks, [])
    })
  }
})
