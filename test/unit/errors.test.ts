import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  LockError,
  RequestTimeoutError,
  describeStorageError,
  describeStorageErrorBrief,
  isTransient,
  retryAfterMs,
} from '../../src/lock/errors.ts'

const ENDPOINT = 'https://acct.blob.core.windows.net'

/** A failure shaped like the SDK's RestError: status, Azure's code in details, or a Node network code. */
function storageError(statusCode: number | undefined, errorCode?: string): Error {
  return Object.assign(new Error('the SDK message'), {
    name: 'RestError',
    statusCode,
    code: errorCode,
    details: statusCode === undefined ? undefined : { errorCode },
  })
}

describe('describeStorageError', () => {
  describe('403 with an Entra ID token', () => {
    for (const code of ['AuthorizationPermissionMismatch', 'AuthorizationFailure']) {
      test(`names the data role and the container's scope for ${code}`, () => {
        const text = describeStorageError(storageError(403, code), ENDPOINT, { tokenAuth: true, container: 'locks' })
        assert.match(text, new RegExp(`^Azure refused access to ${ENDPOINT} \\(403 ${code}\\): the identity signed in`))
        assert.match(text, /Storage Blob Data Contributor on the container 'locks' \(scope .*\/containers\/locks\)/)
        assert.match(text, /Owner and Contributor do not grant access to blob data/)
      })
    }

    test('names the account or the lock container when the container is not known', () => {
      const text = describeStorageError(storageError(403, 'AuthorizationPermissionMismatch'), ENDPOINT, {
        tokenAuth: true,
      })
      assert.match(text, /on the storage account or the lock container;/)
    })

    test('falls back to the key and SAS hints for other 403 codes', () => {
      const text = describeStorageError(storageError(403, 'AuthenticationFailed'), ENDPOINT, { tokenAuth: true })
      assert.match(text, /\(403 AuthenticationFailed\): the credentials were not accepted/)
    })
  })

  describe('403 with a key or SAS', () => {
    const hints: Array<[string, RegExp]> = [
      ['AuthenticationFailed', /the credentials were not accepted\. Check the account key, SAS token/],
      ['AuthorizationFailure', /the request was not authorized\. Check the account key \(Azurite answers/],
      ['AuthorizationPermissionMismatch', /lacks permission\. It needs read, write and lease rights/],
      ['KeyBasedAuthenticationNotPermitted', /does not allow shared key access\. Use a SAS or Entra ID/],
    ]
    for (const [code, hint] of hints) {
      test(`explains ${code}`, () => {
        const text = describeStorageError(storageError(403, code), ENDPOINT)
        assert.ok(text.startsWith(`Azure refused access to ${ENDPOINT} (403 ${code}): `), text)
        assert.match(text, hint)
      })
    }

    test('names what the step needs for AuthorizationPermissionMismatch when the step says (break with entry)', () => {
      const needs = "delete rights on the lock's queue entries"
      assert.equal(
        describeStorageError(storageError(403, 'AuthorizationPermissionMismatch'), ENDPOINT, { needs }),
        `Azure refused access to ${ENDPOINT} (403 AuthorizationPermissionMismatch): the credential is valid but ` +
          `lacks permission. It needs ${needs}.`,
      )
      assert.match(
        describeStorageError(storageError(403, 'AuthenticationFailed'), ENDPOINT, { needs }),
        /the credentials were not accepted/,
        'only a missing permission names it',
      )
    })

    test('names the SAS resource types it needs for AuthorizationResourceTypeMismatch', () => {
      assert.equal(
        describeStorageError(storageError(403, 'AuthorizationResourceTypeMismatch'), ENDPOINT),
        `Azure refused access to ${ENDPOINT} (403 AuthorizationResourceTypeMismatch): the SAS does not cover ` +
          'this kind of resource. An account SAS needs the resource types container and object (srt=co: object ' +
          'for the lock blob, container to create the container); a service SAS must be made for the lock ' +
          'container (sr=c), not for a single blob.',
      )
    })

    test('gives the credentials hint for an unknown code, and says Forbidden when there is none', () => {
      assert.match(
        describeStorageError(storageError(403, 'SomethingNew'), ENDPOINT),
        /\(403 SomethingNew\): the credentials were not accepted/,
      )
      assert.match(describeStorageError(storageError(403), ENDPOINT), /\(403 Forbidden\): the credentials were not/)
    })

    test("does not take a hint from Object's prototype for a code such as 'constructor'", () => {
      const text = describeStorageError(storageError(403, 'constructor'), ENDPOINT)
      assert.match(text, /\(403 constructor\): the credentials were not accepted/)
      assert.doesNotMatch(text, /function|native code/)
    })
  })

  test('says the account was not found for 404 ResourceNotFound', () => {
    assert.equal(
      describeStorageError(storageError(404, 'ResourceNotFound'), ENDPOINT),
      `The storage account at ${ENDPOINT} was not found (404 ResourceNotFound): check the account name and the blob endpoint.`,
    )
  })

  test('gives the status and code of any other answer, and the status alone when there is no code', () => {
    assert.equal(
      describeStorageError(storageError(409, 'LeaseAlreadyPresent'), ENDPOINT),
      `Azure answered 409 LeaseAlreadyPresent from ${ENDPOINT}.`,
    )
    assert.equal(describeStorageError(storageError(400), ENDPOINT), `Azure answered 400 from ${ENDPOINT}.`)
  })

  test('shows a hostile error code from the endpoint as one harmless line', () => {
    const code = `Bad\n::error title=Fake::injected\u001b[31m${'x'.repeat(500)}`
    for (const text of [
      describeStorageError(storageError(500, code), ENDPOINT),
      describeStorageError(storageError(403, code), ENDPOINT),
      describeStorageErrorBrief(storageError(500, code)),
    ]) {
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(text, /[\u0000-\u001f\u007f-\u009f]/, JSON.stringify(text))
      assert.match(text, /Bad\\n::error title=Fake::injected\\x1b\[31mx+…/)
      assert.ok(text.length < 400, `${text.length} characters`)
    }
  })

  for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
    test(`says the endpoint cannot be resolved for ${code}`, () => {
      assert.equal(
        describeStorageError(storageError(undefined, code), ENDPOINT),
        `Cannot resolve the blob endpoint ${ENDPOINT} (${code}): check the account name and the blob endpoint.`,
      )
    })
  }

  test('says the request timed out for an abort or a timeout', () => {
    for (const name of ['AbortError', 'TimeoutError']) {
      const err = Object.assign(new Error('aborted'), { name })
      assert.equal(
        describeStorageError(err, ENDPOINT),
        `The request to ${ENDPOINT} timed out: check the endpoint (the connection string, the account name or ` +
          'the blob endpoint), and the network, proxy and firewall on the way.',
      )
    }
  })

  test('says the endpoint cannot be reached for other network failures, with the code when there is one, and what to check', () => {
    assert.equal(
      describeStorageError(storageError(undefined, 'ECONNREFUSED'), ENDPOINT),
      `Cannot reach the blob endpoint ${ENDPOINT} (ECONNREFUSED): nothing listens there. ` +
        'Check the endpoint (the connection string, the account name or the blob endpoint); for Azurite, that it runs.',
    )
    assert.equal(
      describeStorageError(new Error('socket hang up'), ENDPOINT),
      `Cannot reach the blob endpoint ${ENDPOINT} (network error): check the endpoint (the connection string, ` +
        'the account name or the blob endpoint), and the network, proxy and firewall on the way.',
    )
    assert.equal(
      describeStorageError(new RequestTimeoutError(10_000), ENDPOINT),
      `Cannot reach the blob endpoint ${ENDPOINT} (no answer within 10 s): check the endpoint (the connection string, ` +
        'the account name or the blob endpoint), and the network, proxy and firewall on the way.',
    )
  })

  test('says "the blob endpoint" once when the endpoint is not known', () => {
    for (const err of [
      storageError(undefined, 'ECONNREFUSED'),
      storageError(undefined, 'ECONNRESET'),
      storageError(undefined, 'ENOTFOUND'),
      storageError(403, 'AuthenticationFailed'),
      storageError(500),
    ]) {
      const text = describeStorageError(err, undefined)
      assert.match(text, /the blob endpoint/, text)
      assert.doesNotMatch(text, /the blob endpoint the blob endpoint/, text)
    }
  })

  test('never shows the request URL, which may carry a SAS token', () => {
    const err = Object.assign(storageError(403, 'AuthenticationFailed'), {
      request: { url: `${ENDPOINT}/locks/x?sv=1&sig=SECRET` },
      message: 'Server failed to authenticate the request. sig=SECRET',
    })
    assert.doesNotMatch(describeStorageError(err, ENDPOINT), /SECRET/)
  })
})

describe('describeStorageErrorBrief', () => {
  test('gives status and code, a network code alone, or "timeout"', () => {
    assert.equal(
      describeStorageErrorBrief(storageError(409, 'LeaseIdMismatchWithLeaseOperation')),
      '409 LeaseIdMismatchWithLeaseOperation',
    )
    assert.equal(describeStorageErrorBrief(storageError(undefined, 'ECONNRESET')), 'ECONNRESET')
    assert.equal(describeStorageErrorBrief(Object.assign(new Error('x'), { name: 'AbortError' })), 'timeout')
  })

  test('falls back to the message when there is neither status nor code', () => {
    assert.equal(describeStorageErrorBrief(new Error('something odd')), 'something odd')
    assert.equal(describeStorageErrorBrief('a string'), 'a string')
  })
})

describe('isTransient', () => {
  test('retries throttling, server errors, timeouts and lost connections', () => {
    for (const err of [
      storageError(408),
      storageError(429),
      storageError(500),
      storageError(503, 'ServerBusy'),
      storageError(undefined, 'ECONNRESET'),
      Object.assign(new Error('x'), { name: 'TimeoutError' }),
    ]) {
      assert.ok(isTransient(err), describeStorageErrorBrief(err))
    }
  })

  test('retries our own request deadline', () => {
    assert.ok(isTransient(new RequestTimeoutError(7_000)))
  })

  test('does not retry answers that another try cannot change', () => {
    for (const err of [
      storageError(400),
      storageError(403, 'AuthenticationFailed'),
      storageError(404, 'BlobNotFound'),
      storageError(409, 'LeaseAlreadyPresent'),
      storageError(412, 'LeaseIdMissing'),
    ]) {
      assert.ok(!isTransient(err), describeStorageErrorBrief(err))
    }
  })
})

describe('isTransient, for errors that are not storage answers', () => {
  test('does not retry our own errors, or an error of unknown kind', () => {
    assert.ok(!isTransient(new LockError("The counter blob tickets holds '-3', not a count that this action wrote.")))
    assert.ok(!isTransient(new Error('something odd')))
    assert.ok(!isTransient(new TypeError("Cannot read properties of undefined (reading 'x')")))
  })
})

describe('describeStorageErrorBrief and retryAfterMs for throttling', () => {
  const busy = (headers: Record<string, string>): Error =>
    Object.assign(storageError(503, 'ServerBusy'), {
      response: { headers: { get: (name: string) => headers[name.toLowerCase()] } },
    })

  test('says a 503 ServerBusy is throttling', () => {
    assert.equal(describeStorageErrorBrief(storageError(503, 'ServerBusy')), '503 ServerBusy (throttled)')
    assert.equal(describeStorageErrorBrief(storageError(500, 'InternalError')), '500 InternalError')
  })

  test("reads Retry-After in seconds or as a date against the answer's own Date, and caps it", () => {
    assert.equal(retryAfterMs(busy({ 'retry-after': '3' })), 3_000)
    assert.equal(
      retryAfterMs(busy({ 'retry-after': 'Mon, 30 Nov 2026 10:00:05 GMT', date: 'Mon, 30 Nov 2026 10:00:00 GMT' })),
      5_000,
    )
    assert.equal(retryAfterMs(busy({ 'retry-after': '99999' })), 60_000)
    assert.equal(retryAfterMs(busy({})), undefined)
    assert.equal(retryAfterMs(storageError(503, 'ServerBusy')), undefined)
  })
})
