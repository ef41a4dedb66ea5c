import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { TokenCredential } from '@azure/core-auth'
import { oidcRequestFromEnv } from '../../src/action/context.ts'
import { messageFor } from '../../src/action/failure.ts'
import { UserError, describeStorageError } from '../../src/lock/errors.ts'
import { NoAmbientCredentialError, findAmbientCredential, type AmbientCandidate } from '../../src/sign-in/ambient.ts'
import { authorityOptions } from '../../src/sign-in/entra-id.ts'
import { claimsOf } from '../../src/sign-in/github-oidc.ts'

describe('oidcRequestFromEnv', () => {
  test('tells the user to add id-token: write when the job may not request a token', () => {
    for (const env of [
      {},
      { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x/y?a=1' },
      { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' },
    ]) {
      assert.throws(
        () => oidcRequestFromEnv(env),
        (err: unknown) => err instanceof UserError && /permissions: id-token: write/.test(err.message),
      )
    }
  })

  test('reads the request url and token', () => {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x/y?a=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }
    assert.deepEqual(oidcRequestFromEnv(env), { url: 'https://x/y?a=1', token: 't' })
  })
})

describe('authorityOptions', () => {
  test('leaves the public cloud to the SDK when AZURE_AUTHORITY_HOST is unset', () => {
    assert.deepEqual(authorityOptions({}), {})
  })

  test("keeps instance discovery for Microsoft's clouds", () => {
    assert.deepEqual(authorityOptions({ AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us' }), {
      authorityHost: 'https://login.microsoftonline.us',
      disableInstanceDiscovery: false,
    })
  })

  test('turns instance discovery off for any other host', () => {
    assert.deepEqual(authorityOptions({ AZURE_AUTHORITY_HOST: 'https://127.0.0.1:4443' }), {
      authorityHost: 'https://127.0.0.1:4443',
      disableInstanceDiscovery: true,
    })
  })
})

test('claimsOf reads the subject of a JWT and shrugs at garbage', () => {
  const payload = Buffer.from(JSON.stringify({ sub: 'repo:o/r:ref:refs/heads/main' })).toString('base64url')
  assert.equal(claimsOf(`e30.${payload}.`).sub, 'repo:o/r:ref:refs/heads/main')
  assert.deepEqual(claimsOf('not a jwt'), {})
})

function candidate(
  source: AmbientCandidate['source'],
  behaviour: 'missing' | 'fails' | 'hangs' | 'works',
): AmbientCandidate {
  const credential: TokenCredential = {
    getToken: () =>
      behaviour === 'works'
        ? Promise.resolve({ token: 'x', expiresOnTimestamp: Date.now() + 60_000 })
        : behaviour === 'fails'
          ? Promise.reject(new Error(`${source} said no\nsecond line`))
          : new Promise(() => undefined),
  }
  return {
    source,
    label: `the ${source} label`,
    fix: `fix ${source}`,
    missing: () => (behaviour === 'missing' ? `${source} is not set up` : undefined),
    create: async () => credential,
    timeoutMs: 50,
  }
}

describe('findAmbientCredential', () => {
  test('returns the first source that gives a token, skipping the others', async () => {
    const found = await findAmbientCredential({}, [
      candidate('environment', 'missing'),
      candidate('workload-identity', 'fails'),
      candidate('managed-identity', 'hangs'),
      candidate('azure-cli', 'works'),
    ])
    assert.equal(found.source, 'azure-cli')
    assert.equal(found.label, 'the azure-cli label')
  })

  test('when none works, lists each in order with why and how to fix it, in one line', async () => {
    const started = Date.now()
    await assert.rejects(
      findAmbientCredential({}, [
        candidate('environment', 'missing'),
        candidate('workload-identity', 'fails'),
        candidate('managed-identity', 'hangs'),
      ]),
      (err: unknown) => {
        assert.ok(err instanceof NoAmbientCredentialError)
        assert.ok(!err.message.includes('\n'), 'one line')
        assert.match(
          err.message,
          /\(1\) environment: environment is not set up; to use it, fix environment; \(2\) workload-identity: workload-identity said no; to use it, fix workload-identity; \(3\) managed-identity: no token within 0\.05 s; to use it, fix managed-identity\./,
        )
        assert.doesNotMatch(err.message, /'client-id'/, 'sign-in knows no action inputs')
        assert.match(messageFor(err, undefined), /'client-id' and 'tenant-id'/, 'the action names the inputs')
        return true
      },
    )
    assert.ok(Date.now() - started < 2_000, 'a hanging source is abandoned at its timeout')
  })
})

describe('describeStorageError with an Entra ID token', () => {
  const mismatch = Object.assign(new Error('x'), {
    statusCode: 403,
    details: { errorCode: 'AuthorizationPermissionMismatch' },
  })

  test('names the role Storage Blob Data Contributor and the container as the scope', () => {
    const message = describeStorageError(mismatch, 'https://acct.blob.core.windows.net', {
      tokenAuth: true,
      container: 'locks',
    })
    assert.match(message, /403 AuthorizationPermissionMismatch/)
    assert.match(message, /Storage Blob Data Contributor on the container 'locks'/)
    assert.match(message, /containers\/locks/)
    assert.match(message, /Owner and Contributor do not grant access to blob data/)
  })

  test('keeps the key and SAS hint when no token was used', () => {
    assert.doesNotMatch(
      describeStorageError(mismatch, 'https://acct.blob.core.windows.net'),
      /Storage Blob Data Contributor/,
    )
  })
})
