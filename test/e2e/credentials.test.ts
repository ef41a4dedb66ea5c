// Every way of giving credentials, end to end, and post's care with pids.

import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { after, before, describe, it } from 'node:test'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from '../support/azurite.ts'
import { containerSas, isAlive, lookAtLock, renewerPid } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { Job, completeAllJobs } from '../support/runner.ts'

async function takeAndRelease(job: Job, azurite: Azurite, lockName: string, container = 'locks'): Promise<void> {
  const main = await job.runMain()
  assert.equal(main.exitCode, 0, main.stdout)
  assert.equal((await lookAtLock(azurite, lockName, container)).leaseState, 'leased')
  const post = await job.runPost()
  assert.equal(post.exitCode, 0, post.stdout)
  assert.equal((await lookAtLock(azurite, lockName, container)).leaseState, 'available')
  assert.deepEqual(job.complete(), [])
}

describe('credentials and pids, end to end', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(async () => {
    completeAllJobs()
    await azurite.stop()
  })

  it('works with an account name and key', async () => {
    const job = new Job({
      inputs: {
        'lock-name': 'by-key',
        'account-name': DEV_ACCOUNT,
        'account-key': DEV_KEY,
        'blob-endpoint': azurite.blobEndpoint,
      },
    })
    await takeAndRelease(job, azurite, 'by-key')
  })

  it('works with a container SAS that cannot create containers, when the container exists', async () => {
    await containerOn(azurite, 'sas-locks').create()
    const sas = containerSas('rwc', 'sas-locks')
    const job = new Job({
      inputs: {
        'lock-name': 'by-sas',
        container: 'sas-locks',
        'account-name': DEV_ACCOUNT,
        'sas-token': `?${sas}`,
        'blob-endpoint': azurite.blobEndpoint,
      },
    })
    await takeAndRelease(job, azurite, 'by-sas', 'sas-locks')
    assert.ok(!JSON.stringify(job.state).includes(new URLSearchParams(sas).get('sig')!), 'no signature in state')
  })

  it('works with a connection string that carries a SAS', async () => {
    await containerOn(azurite, 'cs-sas').create()
    const job = new Job({
      inputs: {
        'lock-name': 'by-cs-sas',
        container: 'cs-sas',
        'connection-string': `BlobEndpoint=${azurite.blobEndpoint};SharedAccessSignature=${containerSas('rwc', 'cs-sas')}`,
      },
    })
    await takeAndRelease(job, azurite, 'by-cs-sas', 'cs-sas')
  })

  it('says plainly when a read-only SAS cannot take the lease', async () => {
    await containerOn(azurite, 'read-only').create()
    const job = new Job({
      inputs: {
        'lock-name': 'ro',
        container: 'read-only',
        'account-name': DEV_ACCOUNT,
        'sas-token': containerSas('r', 'read-only'),
        'blob-endpoint': azurite.blobEndpoint,
      },
    })
    const main = await job.runMain()
    assert.equal(main.exitCode, 1)
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(main.errors[0]!, /^Azure refused access to .* \(403 \w+\): /)
    job.complete()
  })

  // Failure semantics: "The renewer is dead and its status file names a pid now used by another process".

  it('never signals a process whose pid a status file names, when the renewer does not answer', async () => {
    const job = new Job({ inputs: { 'lock-name': 'pid-reuse', 'connection-string': azurite.connectionString } })
    assert.equal((await job.runMain()).exitCode, 0)
    // The renewer dies and its pid "is reused" by an unrelated process, which its status file still names.
    const statusFile = job.state['renewer-status-file']!
    process.kill(renewerPid(job), 'SIGKILL')
    const stranger = spawn('sleep', ['30'], { stdio: 'ignore' })
    const report = JSON.parse(readFileSync(statusFile, 'utf8'))
    writeFileSync(statusFile, JSON.stringify({ ...report, pid: stranger.pid }))
    const post = await job.runPost()
    assert.ok(isAlive(stranger.pid!), 'the unrelated process was not signalled')
    assert.equal(post.exitCode, 0, post.stdout)
    assert.ok(
      post.warnings.some((w) => /stopped unexpectedly/.test(w)),
      post.stdout,
    )
    assert.equal((await lookAtLock(azurite, 'pid-reuse')).leaseState, 'available', 'post released the lease itself')
    stranger.kill('SIGKILL')
    job.complete()
  })
})
