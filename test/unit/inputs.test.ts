import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  InputError,
  readContainer,
  readLeaseDuration,
  readBoolean,
  readLockName,
  readOptionalLockName,
  readOnSuperseded,
  readReason,
  readSettings,
  readStorageTarget,
  readSupersede,
  readTimeout,
  type InputReader,
} from '../../src/action/inputs.ts'

const KEY = 'c2VjcmV0LWFjY291bnQta2V5LWZvci10ZXN0cw=='
const SIG = 'SuperSecretSig%2Babc%3D'
const SAS = `sv=2024-08-04&ss=b&srt=co&sp=rwdlac&se=2030-01-01T00%3A00%3A00Z&sig=${SIG}`
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
const SECRETS = [KEY, SAS, SIG, DEV_KEY]

function reader(inputs: Record<string, string>): InputReader {
  return (name) => inputs[name] ?? ''
}

const CLIENT = '11111111-2222-3333-4444-555555555555'
const TENANT = '66666666-7777-8888-9999-000000000000'
const ENTRA = { 'client-id': CLIENT, 'tenant-id': TENANT }
const FEDERATED = { clientId: CLIENT, tenantId: TENANT }

const KEY_INPUTS = { 'lock-name': 'production-deploy', 'account-name': 'myacct', 'account-key': KEY }

/** Asserts that read throws an InputError naming the input and leaking none of the secrets. */
function assertInputError(read: () => unknown, inputs: string[], extra: string[] = []): InputError {
  let caught: unknown
  assert.throws(read, (err: unknown) => {
    caught = err
    return true
  })
  assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`)
  for (const input of inputs) assert.ok(caught.message.includes(input), `"${caught.message}" does not name ${input}`)
  for (const secret of [...SECRETS, ...extra]) {
    assert.ok(!caught.message.includes(secret), `"${caught.message}" leaks a secret`)
  }
  return caught
}

describe('readSettings', () => {
  test('applies the defaults: container locks, a 60 s lease and no timeout', () => {
    assert.deepEqual(readSettings(reader(KEY_INPUTS)), {
      lock: {
        endpoint: 'https://myacct.blob.core.windows.net',
        container: 'locks',
        lockName: 'production-deploy',
        leaseDurationSeconds: 60,
      },
      auth: { kind: 'shared-key', accountName: 'myacct', accountKey: KEY },
      timeoutMs: undefined,
      failOnTimeout: true,
      supersede: undefined,
      onSuperseded: 'skip',
    })
  })

  test('reads every input when all are given', () => {
    const settings = readSettings(
      reader({
        ...KEY_INPUTS,
        'lock-name': 'team/db-migrate',
        container: 'team-locks',
        'lease-duration': '30',
        timeout: '15m',
        'fail-on-timeout': 'false',
      }),
    )
    assert.equal(settings.lock.lockName, 'team/db-migrate')
    assert.equal(settings.lock.container, 'team-locks')
    assert.equal(settings.lock.leaseDurationSeconds, 30)
    assert.equal(settings.timeoutMs, 900_000)
    assert.equal(settings.failOnTimeout, false)
  })

  test('fails on a missing lock name before looking at anything else', () => {
    const err = assertInputError(() => readSettings(reader({})), ["'lock-name'"])
    assert.match(err.message, /required/)
  })
})

describe('readLockName', () => {
  test('returns a valid lock name as given', () => {
    assert.equal(readLockName(reader({ 'lock-name': 'Deploy.Prod' })), 'Deploy.Prod')
  })

  test('requires a lock name', () => {
    assertInputError(() => readLockName(reader({})), ["'lock-name'", 'required'])
  })

  test('rejects a lock name that is not a valid blob name', () => {
    for (const name of ['deploy/', 'team\\deploy', 'x'.repeat(1025), 'a\u0001b']) {
      assertInputError(() => readLockName(reader({ 'lock-name': name })), ["Invalid input 'lock-name'"])
    }
  })
})

describe('readContainer', () => {
  test("defaults to 'locks'", () => {
    assert.equal(readContainer(reader({})), 'locks')
  })

  test('returns a valid container name as given', () => {
    assert.equal(readContainer(reader({ container: 'deploy-locks-2' })), 'deploy-locks-2')
  })

  test('rejects an invalid container name and quotes it', () => {
    for (const name of ['Locks', 'my_locks', 'ab', 'a--b', 'locks-']) {
      assertInputError(() => readContainer(reader({ container: name })), ["'container'", `'${name}'`])
    }
  })
})

describe('readLeaseDuration', () => {
  test('defaults to 60 seconds', () => {
    assert.equal(readLeaseDuration(reader({})), 60)
  })

  test('accepts every whole number of seconds from 15 to 60', () => {
    for (let seconds = 15; seconds <= 60; seconds++) {
      assert.equal(readLeaseDuration(reader({ 'lease-duration': String(seconds) })), seconds)
    }
  })

  test('rejects a lease duration below 15 s', () => {
    assertInputError(() => readLeaseDuration(reader({ 'lease-duration': '14' })), ["'lease-duration'", "'14'"])
    assertInputError(() => readLeaseDuration(reader({ 'lease-duration': '0' })), ["'lease-duration'"])
  })

  test('rejects a lease duration above 60 s', () => {
    assertInputError(() => readLeaseDuration(reader({ 'lease-duration': '61' })), ["'lease-duration'", "'61'"])
  })

  test('rejects an infinite lease (-1), which Azure allows but the action does not', () => {
    assertInputError(() => readLeaseDuration(reader({ 'lease-duration': '-1' })), ["'lease-duration'"])
  })

  test('rejects a lease duration that is not a whole number', () => {
    for (const text of ['30.5', 'abc', '30s', '1e1', '0x1f']) {
      assertInputError(() => readLeaseDuration(reader({ 'lease-duration': text })), ["'lease-duration'", `'${text}'`])
    }
  })
})

describe('readTimeout', () => {
  test('is undefined (wait as long as the job allows) when not given', () => {
    assert.equal(readTimeout(reader({})), undefined)
  })

  test('reads seconds, minutes and hours', () => {
    assert.equal(readTimeout(reader({ timeout: '90' })), 90_000)
    assert.equal(readTimeout(reader({ timeout: '90s' })), 90_000)
    assert.equal(readTimeout(reader({ timeout: '15m' })), 900_000)
    assert.equal(readTimeout(reader({ timeout: '2h' })), 7_200_000)
  })

  test('rejects a timeout that is not a duration', () => {
    for (const text of ['1.5m', '10d', 'abc', '-5', 'forever']) {
      assertInputError(() => readTimeout(reader({ timeout: text })), ["'timeout'", `'${text}'`])
    }
  })

  test('takes a year at most: one error for a longer one, however it is written', () => {
    assert.equal(readTimeout(reader({ timeout: '8784h' })), 366 * 24 * 3_600_000)
    for (const text of ['8785h', '527041m', '2400000000h', '31622401']) {
      assertInputError(() => readTimeout(reader({ timeout: text })), ["'timeout'", `'${text}'`, 'longer than a year'])
    }
  })
})

describe('readStorageTarget', () => {
  test('reads an account name with an account key', () => {
    assert.deepEqual(readStorageTarget(reader(KEY_INPUTS)), {
      endpoint: 'https://myacct.blob.core.windows.net',
      auth: { kind: 'shared-key', accountName: 'myacct', accountKey: KEY },
    })
  })

  test("reads an account name with a SAS token and strips its '?'", () => {
    assert.deepEqual(readStorageTarget(reader({ 'account-name': 'myacct', 'sas-token': `?${SAS}` })), {
      endpoint: 'https://myacct.blob.core.windows.net',
      auth: { kind: 'sas', sasToken: SAS },
    })
  })

  test('reads a connection string', () => {
    assert.deepEqual(readStorageTarget(reader({ 'connection-string': `AccountName=other;AccountKey=${KEY}` })), {
      endpoint: 'https://other.blob.core.windows.net',
      auth: { kind: 'shared-key', accountName: 'other', accountKey: KEY },
    })
  })

  test('rejects no credentials at all and names every credential input', () => {
    assertInputError(
      () => readStorageTarget(reader({ container: 'locks' })),
      ["'connection-string'", "'account-name'", "'account-key'", "'sas-token'", "'client-id'", "'tenant-id'"],
    )
  })

  test('reads an account name alone as the ambient Azure credential', () => {
    assert.deepEqual(readStorageTarget(reader({ 'account-name': 'myacct' })), {
      endpoint: 'https://myacct.blob.core.windows.net',
      auth: { kind: 'ambient' },
    })
  })

  test('reads a blob endpoint alone as the ambient Azure credential', () => {
    const endpoint = 'https://127.0.0.1:41000/devstoreaccount1'
    assert.deepEqual(readStorageTarget(reader({ 'blob-endpoint': endpoint })), { endpoint, auth: { kind: 'ambient' } })
  })

  test('reads client-id and tenant-id as federated sign-in with the default audience', () => {
    assert.deepEqual(readStorageTarget(reader({ 'account-name': 'myacct', ...ENTRA })), {
      endpoint: 'https://myacct.blob.core.windows.net',
      auth: { kind: 'federated', ...FEDERATED, audience: 'api://AzureADTokenExchange' },
    })
  })

  test('takes a tenant domain and another audience', () => {
    const target = readStorageTarget(
      reader({ 'account-name': 'myacct', ...ENTRA, 'tenant-id': 'contoso.onmicrosoft.com', audience: 'api://x' }),
    )
    assert.deepEqual(target.auth, {
      kind: 'federated',
      clientId: FEDERATED.clientId,
      tenantId: 'contoso.onmicrosoft.com',
      audience: 'api://x',
    })
  })

  test('rejects Entra inputs mixed with a key, a SAS or a connection string, naming the inputs', () => {
    const mixes: Array<[string, Record<string, string>]> = [
      ['account-key', { 'account-name': 'myacct', 'account-key': KEY, ...ENTRA }],
      ['sas-token', { 'account-name': 'myacct', 'sas-token': SAS, 'client-id': ENTRA['client-id'] }],
      ['connection-string', { 'connection-string': `AccountName=a1b;AccountKey=${KEY}`, 'tenant-id': TENANT }],
    ]
    for (const [keyInput, inputs] of mixes) {
      const entraInputs = ['client-id', 'tenant-id'].filter((name) => inputs[name]).map((name) => `'${name}'`)
      const err = assertInputError(() => readStorageTarget(reader(inputs)), [`'${keyInput}'`, ...entraInputs])
      assert.match(err.message, /exactly one kind of credential/)
    }
  })

  test('rejects client-id without tenant-id, and the reverse', () => {
    assertInputError(
      () => readStorageTarget(reader({ 'account-name': 'myacct', 'client-id': CLIENT })),
      ["'tenant-id'", "'client-id'"],
    )
    assertInputError(
      () => readStorageTarget(reader({ 'account-name': 'myacct', 'tenant-id': TENANT })),
      ["'client-id'", "'tenant-id'"],
    )
  })

  test('rejects Entra inputs without an account name or endpoint', () => {
    assertInputError(() => readStorageTarget(reader(ENTRA)), ["'account-name'", "'client-id'", "'tenant-id'"])
  })

  test('rejects a client id or tenant id of the wrong form, naming the input and the form', () => {
    const err = assertInputError(
      () => readStorageTarget(reader({ 'account-name': 'myacct', ...ENTRA, 'client-id': 'my-app' })),
      ["'client-id'"],
    )
    assert.match(err.message, /00000000-0000-0000-0000-000000000000/)
    assertInputError(
      () => readStorageTarget(reader({ 'account-name': 'myacct', ...ENTRA, 'tenant-id': 'not a tenant' })),
      ["'tenant-id'"],
    )
  })

  test('rejects an audience without client-id', () => {
    assertInputError(() => readStorageTarget(reader({ ...KEY_INPUTS, audience: 'api://x' })), ["'audience'"])
  })

  test('rejects an http endpoint for Entra sign-in, since tokens go only over https', () => {
    const endpoint = 'http://127.0.0.1:10000/devstoreaccount1'
    for (const inputs of [{ 'blob-endpoint': endpoint }, { 'blob-endpoint': endpoint, ...ENTRA }]) {
      const err = assertInputError(() => readStorageTarget(reader(inputs)), ["'blob-endpoint'"])
      assert.match(err.message, /https/)
    }
  })

  test('rejects two kinds of credentials at once and names both', () => {
    const pairs: Array<[string, string, Record<string, string>]> = [
      ['account-key', 'sas-token', { 'account-name': 'myacct', 'account-key': KEY, 'sas-token': SAS }],
      [
        'connection-string',
        'account-key',
        { 'connection-string': `AccountName=a1b;AccountKey=${KEY}`, 'account-key': KEY },
      ],
      ['connection-string', 'sas-token', { 'connection-string': 'UseDevelopmentStorage=true', 'sas-token': SAS }],
    ]
    for (const [first, second, inputs] of pairs) {
      const err = assertInputError(() => readStorageTarget(reader(inputs)), [`'${first}'`, `'${second}'`])
      assert.match(err.message, /exactly one kind of credential/)
    }
  })

  test('rejects an account key without an account name', () => {
    assertInputError(() => readStorageTarget(reader({ 'account-key': KEY })), ["'account-name'", "'account-key'"])
  })

  test('rejects a SAS token without an account name', () => {
    assertInputError(() => readStorageTarget(reader({ 'sas-token': SAS })), ["'account-name'", "'sas-token'"])
  })

  test('rejects a connection string combined with an account name', () => {
    assertInputError(
      () =>
        readStorageTarget(
          reader({ 'connection-string': `AccountName=other;AccountKey=${KEY}`, 'account-name': 'myacct' }),
        ),
      ["'account-name'", "'connection-string'"],
    )
  })

  test('rejects a malformed connection string without echoing it', () => {
    const malformed = [
      `AccountName=other;AccountKey:${KEY}`,
      `AccountKey=${KEY}`,
      'AccountName=other;AccountKey=not-base64!',
      `AccountName=other;SharedAccessSignature=sv=2024&sp=r`,
      `BlobEndpoint=https://other.blob.core.windows.net/?${SAS};SharedAccessSignature=${SAS}`,
    ]
    for (const text of malformed) {
      assertInputError(
        () => readStorageTarget(reader({ 'connection-string': text })),
        ["'connection-string'"],
        [text, 'not-base64!'],
      )
    }
  })

  test('rejects an invalid account name and quotes it', () => {
    assertInputError(
      () => readStorageTarget(reader({ ...KEY_INPUTS, 'account-name': 'My-Account' })),
      ["'account-name'", "'My-Account'"],
    )
  })

  test('rejects an account key that is not base64 without echoing it', () => {
    assertInputError(
      () => readStorageTarget(reader({ 'account-name': 'myacct', 'account-key': 'TopSecret$Key' })),
      ["'account-key'"],
      ['TopSecret$Key'],
    )
  })

  test('rejects a SAS token without a signature without echoing it', () => {
    const token = 'sv=2024-08-04&sp=r&TopSecretPart=1'
    assertInputError(
      () => readStorageTarget(reader({ 'account-name': 'myacct', 'sas-token': token })),
      ["'sas-token'"],
      [token, 'TopSecretPart'],
    )
  })

  test('rejects an invalid blob endpoint and names it', () => {
    for (const endpoint of ['not a url', 'ftp://myacct.example.com', `https://myacct.blob.core.windows.net/?${SAS}`]) {
      assertInputError(
        () => readStorageTarget(reader({ ...KEY_INPUTS, 'blob-endpoint': endpoint })),
        ["'blob-endpoint'"],
      )
    }
  })

  describe('applies a blob-endpoint override', () => {
    const endpoint = 'http://127.0.0.1:10000/devstoreaccount1'

    test('to an account key', () => {
      assert.deepEqual(readStorageTarget(reader({ ...KEY_INPUTS, 'blob-endpoint': `${endpoint}/` })), {
        endpoint,
        auth: { kind: 'shared-key', accountName: 'myacct', accountKey: KEY },
      })
    })

    test('to a SAS token', () => {
      assert.deepEqual(
        readStorageTarget(reader({ 'account-name': 'myacct', 'sas-token': SAS, 'blob-endpoint': endpoint })),
        { endpoint, auth: { kind: 'sas', sasToken: SAS } },
      )
    })

    test('to a connection string with an account key', () => {
      const target = readStorageTarget(
        reader({ 'connection-string': `AccountName=other;AccountKey=${KEY}`, 'blob-endpoint': endpoint }),
      )
      assert.deepEqual(target, { endpoint, auth: { kind: 'shared-key', accountName: 'other', accountKey: KEY } })
    })

    test('to a connection string with a SAS and its own BlobEndpoint', () => {
      const target = readStorageTarget(
        reader({
          'connection-string': `BlobEndpoint=https://other.blob.core.windows.net;SharedAccessSignature=${SAS}`,
          'blob-endpoint': endpoint,
        }),
      )
      assert.deepEqual(target, { endpoint, auth: { kind: 'sas', sasToken: SAS } })
    })

    test('to UseDevelopmentStorage=true', () => {
      const target = readStorageTarget(
        reader({
          'connection-string': 'UseDevelopmentStorage=true',
          'blob-endpoint': 'http://localhost:41000/devstoreaccount1',
        }),
      )
      assert.equal(target.endpoint, 'http://localhost:41000/devstoreaccount1')
      assert.equal(target.auth.kind, 'shared-key')
    })
  })
})

describe('readBoolean', () => {
  test("accepts core.getBooleanInput's spellings and gives the default when empty", () => {
    for (const text of ['true', 'True', 'TRUE'])
      assert.equal(readBoolean(reader({ force: text }), 'force', false), true)
    for (const text of ['false', 'False', 'FALSE'])
      assert.equal(readBoolean(reader({ force: text }), 'force', true), false)
    assert.equal(readBoolean(reader({}), 'force', true), true)
    assert.equal(readBoolean(reader({}), 'force', false), false)
  })

  test('refuses anything else with one line naming the input and the values it takes', () => {
    for (const text of ['yes', '1', 'tRUE', 'false ', 'no']) {
      const err = assertInputError(
        () => readBoolean(reader({ 'fail-on-timeout': text }), 'fail-on-timeout', true),
        ["'fail-on-timeout'"],
      )
      assert.equal(err.message, `Invalid input 'fail-on-timeout': '${text}' is not a boolean; expected true or false.`)
    }
  })
})

describe('readOptionalLockName', () => {
  test('is undefined when left out, and checks the name when given', () => {
    assert.equal(readOptionalLockName(reader({})), undefined)
    assert.equal(readOptionalLockName(reader({ 'lock-name': 'team/deploy' })), 'team/deploy')
    assertInputError(() => readOptionalLockName(reader({ 'lock-name': 'a/../b' })), ["'lock-name'"])
  })
})

describe('readSupersede', () => {
  test('is off without a key, and refuses a sequence without one', () => {
    assert.equal(readSupersede(reader({}), '42'), undefined)
    const err = assertInputError(() => readSupersede(reader({ sequence: '7' }), '42'), ["'sequence'"])
    assert.match(err.message, /given without 'supersede-key'/)
  })

  test('takes the key exactly as given, spaces and case included, and the run id as the sequence', () => {
    assert.deepEqual(readSupersede(reader({ 'supersede-key': ' Prod ' }), '9007199254740991'), {
      key: ' Prod ',
      sequence: 9007199254740991,
    })
    assert.deepEqual(readSupersede(reader({ 'supersede-key': 'k', sequence: '0' }), '42'), { key: 'k', sequence: 0 })
  })

  test('refuses a sequence that is not a whole number, in one line naming the input', () => {
    for (const bad of ['-1', '1.5', '1e3', 'abc', '12345678901234567', ' 1']) {
      const err = assertInputError(
        () => readSupersede(reader({ 'supersede-key': 'k', sequence: bad }), '42'),
        ["'sequence'"],
      )
      assert.match(err.message, /^Invalid input 'sequence': .* is not a whole number; expected a non-negative integer/)
      assert.ok(!err.message.includes('\n'))
    }
    const err = assertInputError(() => readSupersede(reader({ 'supersede-key': 'k' }), undefined), ["'sequence'"])
    assert.match(err.message, /the run id '' \(GITHUB_RUN_ID\) is not a whole number/)
  })

  test('refuses a key longer than 256 characters', () => {
    assert.equal(readSupersede(reader({ 'supersede-key': 'k'.repeat(256) }), '1')?.key.length, 256)
    const err = assertInputError(
      () => readSupersede(reader({ 'supersede-key': 'k'.repeat(257) }), '1'),
      ["'supersede-key'"],
    )
    assert.equal(err.message, "Invalid input 'supersede-key': it is 257 characters long; at most 256.")
  })

  test('on-superseded is skip by default, or fail, or cancel', () => {
    assert.equal(readOnSuperseded(reader({})), 'skip')
    assert.equal(readOnSuperseded(reader({ 'on-superseded': 'fail' })), 'fail')
    assert.equal(readOnSuperseded(reader({ 'on-superseded': 'cancel' })), 'cancel')
    assertInputError(() => readOnSuperseded(reader({ 'on-superseded': 'stop' })), ["'on-superseded'"])
  })
})

describe('readReason', () => {
  test('is required, and says what it is for', () => {
    const err = assertInputError(() => readReason(reader({})), ["'reason'"])
    assert.match(err.message, /^Input 'reason' is required: why the lease is broken/)
  })

  test('takes up to 300 characters', () => {
    assert.equal(readReason(reader({ reason: 'r'.repeat(300) })), 'r'.repeat(300))
    const err = assertInputError(() => readReason(reader({ reason: 'r'.repeat(301) })), ["'reason'"])
    assert.equal(err.message, "Invalid input 'reason': it is 301 characters long; expected at most 300.")
  })
})

describe('inputs echoed in an input error', () => {
  const hostile = ['##[error]x', '::warning::x']
  const readers: Array<[string, (value: string) => unknown]> = [
    ['lock-name', (value) => readLockName(reader({ 'lock-name': value }))],
    ['container', (value) => readContainer(reader({ container: value }))],
    ['lease-duration', (value) => readSettings(reader({ 'lock-name': 'x', 'lease-duration': value }))],
    ['timeout', (value) => readSettings(reader({ 'lock-name': 'x', timeout: value }))],
    ['fail-on-timeout', (value) => readSettings(reader({ 'lock-name': 'x', 'fail-on-timeout': value }))],
    ['sequence', (value) => readSupersede(reader({ 'supersede-key': 'k', sequence: value }), '1')],
    ['on-superseded', (value) => readOnSuperseded(reader({ 'on-superseded': value }))],
    [
      'account-name',
      (value) => readSettings(reader({ 'lock-name': 'x', 'account-name': value, 'account-key': 'a2V5' })),
    ],
  ]
  for (const [input, read] of readers) {
    for (const value of hostile) {
      test(`show ${input} ${JSON.stringify(value)} only as plain text`, () => {
        const err = assertInputError(() => read(value), [`'${input}'`])
        assert.ok(!err.message.includes('##['), err.message)
        assert.ok(!err.message.includes('::warning'), err.message)
      })
    }
  }
})
