// How a counter reads the answers to a bump (counter.ts): only a lost race is
// tried again; a stranger's lease or any other refusal is one line that names
// the blob and the command, and transient trouble is left to the wait loop.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { BlobClient } from '@azure/storage-blob'
import { CounterError, counterFailure, counterValue } from '../../src/lock/counter.ts'
import { RequestTimeoutError, isTransient } from '../../src/lock/errors.ts'

const blob = new BlobClient('http://127.0.0.1:10000/devstoreaccount1/locks/.azure-mutex/team%252Fdeploy/fencing')

function answer(statusCode: number, errorCode?: string): Error {
  return Object.assign(new Error(`${statusCode} ${errorCode}`), { statusCode, details: { errorCode } })
}

describe('a refused counter write', () => {
  test('is a lost race, tried again, only for 412 ConditionNotMet (and a counter deleted meanwhile)', () => {
    assert.equal(counterFailure(blob, answer(412, 'ConditionNotMet')), undefined)
    assert.equal(counterFailure(blob, answer(404, 'BlobNotFound')), undefined)
  })

  for (const code of ['LeaseIdMissing', 'LeaseIdMismatchWithBlobOperation']) {
    test(`is a leased counter for 412 ${code}: one line with the command that breaks the lease`, () => {
      const err = counterFailure(blob, answer(412, code))
      assert.ok(err instanceof CounterError)
      assert.equal(isTransient(err), false)
      assert.equal(
        err.message,
        `The counter blob locks/.azure-mutex/team%2Fdeploy/fencing is leased by another client (Azure answered 412 ${code}); ` +
          'this action never leases it, so it cannot count. Break that lease: az storage blob lease break ' +
          "--account-name devstoreaccount1 --container-name locks --blob-name '.azure-mutex/team%2Fdeploy/fencing'",
      )
    })
  }

  for (const [status, code] of [
    [412, 'SomethingNew'],
    [409, 'BlobArchived'],
    [400, 'InvalidMetadata'],
  ] as const) {
    test(`is not retried for ${status} ${code}: one line with the command that deletes the counter`, () => {
      const err = counterFailure(blob, answer(status, code))
      assert.ok(err instanceof CounterError)
      assert.match(err.message, new RegExp(`^Azure refused to update the counter blob .+ \\(${status} ${code}\\)\\. `))
      assert.ok(
        err.message.endsWith(
          "az storage blob delete --account-name devstoreaccount1 --container-name locks --name '.azure-mutex/team%2Fdeploy/fencing'",
        ),
      )
    })
  }

  test('is passed on as it is when another try may cure it, or when the credential is refused', () => {
    for (const err of [
      answer(503, 'ServerBusy'),
      answer(500),
      answer(429),
      new RequestTimeoutError(5_000),
      answer(403, 'AuthorizationPermissionMismatch'),
    ]) {
      assert.equal(counterFailure(blob, err), err)
    }
  })
})

describe('the value of a counter', () => {
  test('is a whole number this action could have written, or nothing', () => {
    assert.equal(counterValue('0'), 0)
    assert.equal(counterValue('42'), 42)
    assert.equal(counterValue('9007199254740990'), 9007199254740990)
    for (const text of [undefined, '', '-3', '+3', '3.0', ' 3', 'seven', '9007199254740991', '99999999999999999']) {
      assert.equal(counterValue(text), undefined, JSON.stringify(text))
    }
  })
})
