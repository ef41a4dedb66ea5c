// Entra ID end to end, with no internet: Azurite in OAuth mode over https, a
// local Entra ID token endpoint, and a local GitHub OIDC token service. The
// built action signs in the way it would on GitHub, and no token may show up
// where the key/SAS secrets test (secrets.test.ts) looks: command lines, logs,
// state, output and renewer files, the renewer's environment, blob metadata.

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { setTimeout as delay } from 'node:timers/promises'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { allCommandLines, environOf, filesOf, lookAtLock, renewerPid } from '../support/e2e.ts'
import { containerOn } from '../support/lock.ts'
import { startEntra, type Entra } from '../support/entra.ts'
import { GITHUB_ISSUER, startGitHubOidc, type GitHubOidc } from '../support/github-oidc.ts'
import { Job, completeAllJobs, type StepResult } from '../support/runner.ts'
import { testCert } from '../support/tls.ts'

const AUDIENCE = 'api://AzureADTokenExchange'
const FEDERATED_APP = randomUUID()
const SECRET_APP = randomUUID()
const CLIENT_SECRET = `secret-${randomUUID()}`

// The suite holds one lock for three minutes: give it more than the default per-test limit.
describe('Entra ID sign-in, end to end', { timeout: 400_000 }, () => {
  let azurite: Azurite
  let entra: Entra
  let github: GitHubOidc

  before(async () => {
    ;[azurite, entra, github] = await Promise.all([startAzurite({ oauth: true }), startEntra(), startGitHubOidc()])
    entra.addApp({
      clientId: FEDERATED_APP,
      federated: [
        { issuer: GITHUB_ISSUER, subject: 'repo:octo/app:environment:production', audience: AUDIENCE },
        { issuer: GITHUB_ISSUER, subject: 'repo:octo/app:ref:refs/heads/main', audience: AUDIENCE },
      ],
    })
    entra.addApp({ clientId: SECRET_APP, secret: CLIENT_SECRET })
  })
  after(async () => {
    completeAllJobs()
    await Promise.all([azurite.stop(), entra.stop(), github.stop()])
  })

  /** The environment a runner gives a step: trust in the test certificate, and Entra ID's address. */
  function baseEnv(): Record<string, string> {
    return { NODE_EXTRA_CA_CERTS: testCert().certFile, AZURE_AUTHORITY_HOST: entra.authorityHost }
  }

  /** A job with 'permissions: id-token: write', whose OIDC tokens carry `subject`. */
  function federatedJob(lockName: string, subject: string, requestToken = github.grant(subject)): Job {
    return new Job({
      repository: 'octo/app',
      runId: String(Math.floor(Math.random() * 1e6)),
      inputs: {
        'lock-name': lockName,
        'blob-endpoint': azurite.blobEndpoint,
        'client-id': FEDERATED_APP,
        'tenant-id': entra.tenantId,
        'lease-duration': '15',
      },
      env: {
        ...baseEnv(),
        ACTIONS_ID_TOKEN_REQUEST_URL: github.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      },
    })
  }

  /** Every token any party handed out so far, and the given secrets. */
  function allTokens(extra: string[] = []): string[] {
    return [...github.issued.map((i) => i.token), ...entra.issued.map((i) => i.token), ...extra]
  }

  /** No token on any process's command line. */
  function assertNoTokenInArgv(secrets: string[]): void {
    const lines = allCommandLines()
    for (const secret of secrets) {
      assert.ok(!lines.some((line) => line.includes(secret)), 'a token is on a command line')
    }
  }

  function assertNoTokenIn(where: string, text: string, secrets: string[]): void {
    assert.ok(secrets.length > 0, 'there are tokens to look for')
    for (const secret of secrets) assert.ok(!text.includes(secret), `a token is in ${where}`)
  }

  /** The lock blob's metadata while held: the holder record, which must carry no token. */
  async function metadataOf(lockName: string): Promise<string> {
    const props = await containerOn(azurite, 'locks').getBlobClient(lockName).getProperties()
    assert.ok(props.metadata?.holder_repository, 'the holder record is there to be checked')
    return JSON.stringify(props.metadata)
  }

  /** No token in any log line, except the lines that ask the runner to mask it. */
  function assertNoTokenInLogs(steps: StepResult[], secrets: string[]): void {
    for (const step of steps) {
      const shown = step.stdout.replace(/^::add-mask::.*$/gm, '') + step.stderr
      for (const secret of secrets) assert.ok(!shown.includes(secret), 'a token is in a log line')
    }
  }

  it('a federated job takes, holds and releases the lock, and no token leaks', async () => {
    const requestToken = github.grant('repo:octo/app:environment:production')
    const job = federatedJob('federated', 'unused', requestToken)
    const issuedBefore = github.issued.length
    const main = await job.runMain()
    assert.equal(main.exitCode, 0, main.stdout + main.stderr)
    assert.ok(
      main.lines.includes(
        `Signed in to Entra ID through GitHub's OIDC token (client id ${FEDERATED_APP}, tenant ${entra.tenantId}).`,
      ),
      main.stdout,
    )
    assert.ok(main.masks.includes(requestToken), 'main masks the request token')
    const look = await lookAtLock(azurite, 'federated')
    assert.equal(look.leaseState, 'leased')
    assert.equal(look.holder?.repository, 'octo/app')

    // The renewer renews every 5 s with tokens it gets itself.
    const pid = renewerPid(job)
    await delay(6_000)
    assertNoTokenIn('the renewer environment', environOf(pid), allTokens([requestToken]))
    assertNoTokenInArgv(allTokens([requestToken]))
    assertNoTokenIn('the blob metadata', await metadataOf('federated'), allTokens([requestToken]))

    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.match(post.stdout, /Released lock devstoreaccount1\/locks\/federated after holding it for .* \(\d+ renewals/)
    assert.doesNotMatch(post.stdout, /\(0 renewals/)
    assert.equal((await lookAtLock(azurite, 'federated')).leaseState, 'available')
    assert.ok(github.issued.length > issuedBefore, 'GitHub OIDC tokens were requested')
    assert.ok(
      github.issued.slice(issuedBefore).every((i) => i.audience === AUDIENCE),
      'with the audience api://AzureADTokenExchange',
    )
    assertNoTokenInLogs([main, post], allTokens([requestToken]))
    // State, outputs, and the renewer's status and log files, all under RUNNER_TEMP.
    const files = filesOf(job)
    assert.ok(files.includes(main.outputs['lease-id']!), 'the files are there to be checked')
    assertNoTokenIn('the state, output and renewer files', files, allTokens([requestToken]))
    assert.deepEqual(job.complete(), [])
  })

  it('without id-token: write, says to add the permission and takes nothing', async () => {
    const job = new Job({
      inputs: {
        'lock-name': 'no-permission',
        'blob-endpoint': azurite.blobEndpoint,
        'client-id': FEDERATED_APP,
        'tenant-id': entra.tenantId,
      },
      env: baseEnv(),
    })
    const main = await job.runMain()
    assert.equal(main.exitCode, 1)
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(main.errors[0]!, /add 'permissions: id-token: write' to the job or the workflow/)
    assert.equal((await lookAtLock(azurite, 'no-permission')).exists, false)
    job.complete()
  })

  it('when no federated credential matches the job, names the subject to register', async () => {
    const job = federatedJob('wrong-subject', 'repo:octo/app:pull_request')
    const main = await job.runMain()
    assert.equal(main.exitCode, 1)
    assert.equal(main.errors.length, 1, main.stdout)
    assert.match(
      main.errors[0]!,
      new RegExp(
        `^Entra ID did not sign in client id ${FEDERATED_APP} in tenant ${entra.tenantId} with GitHub's OIDC token: .*AADSTS70021.*` +
          "The GitHub token's subject was 'repo:octo/app:pull_request'",
      ),
    )
    assert.ok(!/^\s+at /m.test(main.stdout), 'no stack trace')
    assert.equal((await lookAtLock(azurite, 'wrong-subject')).exists, false)
    assertNoTokenInLogs([main], allTokens())
    job.complete()
  })

  it('with only a blob endpoint, uses the ambient chain and names the credential it used', async () => {
    const job = new Job({
      inputs: { 'lock-name': 'ambient', 'blob-endpoint': azurite.blobEndpoint, 'lease-duration': '15' },
      env: {
        ...baseEnv(),
        AZURE_TENANT_ID: entra.tenantId,
        AZURE_CLIENT_ID: SECRET_APP,
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
      },
    })
    const issuedBefore = entra.issued.length
    const main = await job.runMain()
    assert.equal(main.exitCode, 0, main.stdout + main.stderr)
    const signedIn = main.lines.filter((line) => line.startsWith('Signed in'))
    assert.deepEqual(signedIn, [
      'Signed in to Entra ID with environment variables (a service principal in AZURE_TENANT_ID, AZURE_CLIENT_ID and a secret or certificate).',
    ])
    assert.equal((await lookAtLock(azurite, 'ambient')).leaseState, 'leased')
    assert.equal(job.state['ambient-source'], 'environment', 'post signs in with what main found')
    await delay(6_000)
    const renewerEnvironment = environOf(renewerPid(job))
    const heldMetadata = await metadataOf('ambient')
    const post = await job.runPost()
    assert.equal(post.exitCode, 0, post.stdout)
    assert.doesNotMatch(post.stdout, /\(0 renewals/)
    assert.equal((await lookAtLock(azurite, 'ambient')).leaseState, 'available')
    const mine = entra.issued.slice(issuedBefore)
    assert.ok(mine.length > 0 && mine.every((i) => i.via === 'secret' && i.clientId === SECRET_APP))
    assertNoTokenInArgv(allTokens([CLIENT_SECRET]))
    assertNoTokenInLogs([main, post], allTokens([CLIENT_SECRET]))
    assertNoTokenIn('the state, output and renewer files', filesOf(job), allTokens([CLIENT_SECRET]))
    // The client secret is in the job's environment by the user's choice, and the renewer needs it
    // to sign in again; the access tokens it fetched are not.
    assertNoTokenIn('the renewer environment', renewerEnvironment, allTokens())
    assertNoTokenIn('the blob metadata', heldMetadata, allTokens([CLIENT_SECRET]))
    assert.deepEqual(job.complete(), [])
  })

  it(
    'with 20-second tokens, a one-minute hold keeps the lease on fresh GitHub and Entra tokens',
    { timeout: 150_000 },
    async () => {
      entra.tokenLifetimeSeconds = 20
      github.lifetimeSeconds = 20
      try {
        const requestToken = github.grant('repo:octo/app:ref:refs/heads/main')
        const job = federatedJob('long-hold', 'unused', requestToken)
        const main = await job.runMain()
        assert.equal(main.exitCode, 0, main.stdout + main.stderr)
        const mainEnded = Date.now()
        const ours = (): typeof github.issued => github.issued.filter((i) => i.subject.endsWith('refs/heads/main'))
        const atMainEnd = ours().length

        const runId = job.options.runId
        for (let checked = 0; Date.now() - mainEnded < 60_000; checked++) {
          await delay(10_000)
          const look = await lookAtLock(azurite, 'long-hold')
          assert.equal(look.leaseState, 'leased', `lease lost after ${Date.now() - mainEnded} ms`)
          assert.equal(look.holder?.runId, runId, 'still held by this job')
        }
        assertNoTokenInArgv(allTokens([requestToken]))

        const post = await job.runPost()
        assert.equal(post.exitCode, 0, post.stdout)
        assert.deepEqual(post.errors, [])
        assert.match(post.stdout, /Released lock devstoreaccount1\/locks\/long-hold after holding it for 1m/)
        const byRenewer = ours().filter((i) => i.at > mainEnded)
        console.log(
          `long hold: ${ours().length} GitHub OIDC tokens in all, ${atMainEnd} by main, ${byRenewer.length} after main ended; ` +
            `${entra.issued.filter((i) => i.at > mainEnded).length} Entra access tokens after main ended; ${post.lines.find((l) => l.startsWith('Released'))}`,
        )
        assert.ok(byRenewer.length > 1, `the renewer fetched ${byRenewer.length} fresh OIDC tokens`)
        // Tokens of 20 s: the renewer needed new ones throughout, not just at the start.
        assert.ok(
          byRenewer.some((i) => i.at - mainEnded > 40_000),
          'it fetched a token in the third 20 s too',
        )
        assertNoTokenInLogs([main, post], allTokens([requestToken]))
        assert.ok(!readFileSync(job.state['renewer-status-file']!.replace(/\.json$/, '.log'), 'utf8').includes('eyJ'))
        assert.deepEqual(job.complete(), [])
      } finally {
        entra.tokenLifetimeSeconds = 3600
        github.lifetimeSeconds = 300
      }
    },
  )
})
