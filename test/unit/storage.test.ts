import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  StorageConfigError,
  accountKeyProblem,
  accountNameProblem,
  defaultEndpoint,
  describeRequest,
  normalizeEndpoint,
  normalizeSasToken,
  parseConnectionString,
  redactedUrl,
  secretsOf,
} from '../../src/lock/storage.ts'

const DEV_ACCOUNT = 'devstoreaccount1'
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
const KEY = 'c2VjcmV0LWFjY291bnQta2V5LWZvci10ZXN0cw=='
const SIG = 'SuperSecretSig%2Babc%3D'
const SAS = `sv=2024-08-04&ss=b&srt=co&sp=rwdlac&se=2030-01-01T00%3A00%3A00Z&sig=${SIG}`

/** Asserts that parse throws a StorageConfigError whose message contains none of the secrets. */
function assertRejectsWithoutSecrets(parse: () => unknown, secrets: string[], message?: RegExp): void {
  assert.throws(parse, (err: unknown) => {
    assert.ok(err instanceof StorageConfigError, `expected a StorageConfigError, got ${String(err)}`)
    for (const secret of secrets) {
      assert.ok(!err.message.includes(secret), `message leaks a secret: ${err.message}`)
    }
    if (message) assert.match(err.message, message)
    return true
  })
}

describe('parseConnectionString', () => {
  test('reads an Azurite-style string with a BlobEndpoint and an account key', () => {
    const text =
      `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `BlobEndpoint=http://127.0.0.1:10000/${DEV_ACCOUNT};`
    assert.deepEqual(parseConnectionString(text), {
      endpoint: `http://127.0.0.1:10000/${DEV_ACCOUNT}`,
      auth: { kind: 'shared-key', accountName: DEV_ACCOUNT, accountKey: DEV_KEY },
    })
  })

  test('builds the endpoint from AccountName, DefaultEndpointsProtocol and EndpointSuffix', () => {
    const text = `DefaultEndpointsProtocol=https;AccountName=myacct;AccountKey=${KEY};EndpointSuffix=core.chinacloudapi.cn`
    assert.deepEqual(parseConnectionString(text), {
      endpoint: 'https://myacct.blob.core.chinacloudapi.cn',
      auth: { kind: 'shared-key', accountName: 'myacct', accountKey: KEY },
    })
  })

  test('defaults to https and core.windows.net', () => {
    assert.equal(
      parseConnectionString(`AccountName=myacct;AccountKey=${KEY}`).endpoint,
      'https://myacct.blob.core.windows.net',
    )
  })

  test('honours DefaultEndpointsProtocol=http', () => {
    assert.equal(
      parseConnectionString(`DefaultEndpointsProtocol=HTTP;AccountName=myacct;AccountKey=${KEY}`).endpoint,
      'http://myacct.blob.core.windows.net',
    )
  })

  test('rejects a DefaultEndpointsProtocol other than http or https', () => {
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`DefaultEndpointsProtocol=ftp;AccountName=myacct;AccountKey=${KEY}`),
      [KEY],
      /DefaultEndpointsProtocol/,
    )
  })

  test('reads a SharedAccessSignature with a BlobEndpoint', () => {
    const text = `BlobEndpoint=https://myacct.blob.core.windows.net/;SharedAccessSignature=${SAS}`
    assert.deepEqual(parseConnectionString(text), {
      endpoint: 'https://myacct.blob.core.windows.net',
      auth: { kind: 'sas', sasToken: SAS },
    })
  })

  test("strips a leading '?' from the SharedAccessSignature", () => {
    const target = parseConnectionString(`AccountName=myacct;SharedAccessSignature=?${SAS}`)
    assert.deepEqual(target.auth, { kind: 'sas', sasToken: SAS })
    assert.equal(target.endpoint, 'https://myacct.blob.core.windows.net')
  })

  test('reads UseDevelopmentStorage=true as the local emulator with its well-known key', () => {
    assert.deepEqual(parseConnectionString('UseDevelopmentStorage=true'), {
      endpoint: `http://127.0.0.1:10000/${DEV_ACCOUNT}`,
      auth: { kind: 'shared-key', accountName: DEV_ACCOUNT, accountKey: DEV_KEY },
    })
    assert.equal(parseConnectionString('usedevelopmentstorage=TRUE;').endpoint, `http://127.0.0.1:10000/${DEV_ACCOUNT}`)
  })

  test('refuses DevelopmentStorageProxyUri instead of ignoring it, and does not echo the proxy URL', () => {
    for (const text of [
      'UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://user:hunter2@proxy.example:8080',
      `AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};developmentstorageproxyuri=http://user:hunter2@proxy.example`,
    ]) {
      assert.throws(
        () => parseConnectionString(text),
        (err: Error) =>
          err instanceof StorageConfigError &&
          err.message ===
            "DevelopmentStorageProxyUri is not supported; give the emulator's address instead, as in " +
              `BlobEndpoint=http://<host>:10000/${DEV_ACCOUNT};AccountName=${DEV_ACCOUNT};AccountKey=...` &&
          !err.message.includes('hunter2') &&
          !err.message.includes(DEV_KEY),
      )
    }
  })

  test('treats keys case-insensitively', () => {
    const text = `accountname=myacct;ACCOUNTKEY=${KEY};eNdPoInTsUfFiX=core.windows.net;defaultendpointsprotocol=https`
    assert.deepEqual(parseConnectionString(text), {
      endpoint: 'https://myacct.blob.core.windows.net',
      auth: { kind: 'shared-key', accountName: 'myacct', accountKey: KEY },
    })
  })

  test("accepts a trailing ';', empty parts and whitespace around the string and its parts", () => {
    const target = parseConnectionString(`  AccountName=myacct ;; AccountKey=${KEY} ;  `)
    assert.deepEqual(target.auth, { kind: 'shared-key', accountName: 'myacct', accountKey: KEY })
  })

  test("keeps '=' characters inside a value (base64 padding)", () => {
    const target = parseConnectionString(`AccountName=myacct;AccountKey=${KEY}`)
    assert.ok(target.auth.kind === 'shared-key' && target.auth.accountKey.endsWith('=='))
  })

  test("rejects a part without '='", () => {
    const typo = 'AccountKey:c2VjcmV0a2V5Zm9ydGVzdHM'
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`AccountName=myacct;${typo}`),
      [typo, 'c2VjcmV0a2V5Zm9ydGVzdHM'],
      /'Key=Value' pairs/,
    )
  })

  test("rejects a part that starts with '='", () => {
    assertRejectsWithoutSecrets(() => parseConnectionString(`AccountName=myacct;=${KEY}`), [KEY], /no '='/)
  })

  test('rejects a pasted bare key as an unknown setting without echoing it', () => {
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`AccountName=${DEV_ACCOUNT};${DEV_KEY}`),
      [DEV_KEY, DEV_KEY.slice(0, 20)],
      /a part is not a known setting/,
    )
  })

  test('rejects a string with both an AccountKey and a SharedAccessSignature', () => {
    assertRejectsWithoutSecrets(
      () =>
        parseConnectionString(`AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};SharedAccessSignature=sv=1&sig=abc`),
      [DEV_KEY, 'sig=abc'],
      /both AccountKey and SharedAccessSignature/,
    )
  })

  test('rejects a string with neither AccountName nor BlobEndpoint', () => {
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`AccountKey=${KEY};EndpointSuffix=core.windows.net`),
      [KEY],
      /AccountName=\.\.\. or BlobEndpoint=\.\.\./,
    )
    assertRejectsWithoutSecrets(() => parseConnectionString(`SharedAccessSignature=${SAS}`), [SAS, SIG])
  })

  test('rejects an AccountKey given with a BlobEndpoint but no AccountName', () => {
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`BlobEndpoint=https://myacct.blob.core.windows.net;AccountKey=${KEY}`),
      [KEY],
      /AccountKey is given without AccountName/,
    )
  })

  test('rejects an AccountKey that is not base64', () => {
    for (const badKey of ['not base64 at all!', 'abc', 'S3cr3t$Key==', 'YWJj=ZGVm']) {
      assertRejectsWithoutSecrets(
        () => parseConnectionString(`AccountName=myacct;AccountKey=${badKey}`),
        [badKey],
        /AccountKey is not a base64 key/,
      )
    }
  })

  test('rejects a string with no credential', () => {
    assertRejectsWithoutSecrets(
      () => parseConnectionString('AccountName=myacct;EndpointSuffix=core.windows.net'),
      [],
      /AccountKey=\.\.\. or SharedAccessSignature=\.\.\./,
    )
  })

  test('rejects a SharedAccessSignature without sig=', () => {
    const noSig = 'sv=2024-08-04&sp=r&se=2030-01-01&secretish=TopSecretValue123'
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`AccountName=myacct;SharedAccessSignature=${noSig}`),
      [noSig, 'TopSecretValue123'],
      /sig=/,
    )
  })

  test('rejects a BlobEndpoint that is not a URL, without echoing the key', () => {
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`AccountName=myacct;AccountKey=${KEY};BlobEndpoint=not a url`),
      [KEY],
      /http\(s\) URL/,
    )
  })

  test('rejects a BlobEndpoint with a query, without echoing the SAS in it', () => {
    assertRejectsWithoutSecrets(
      () =>
        parseConnectionString(`BlobEndpoint=https://myacct.blob.core.windows.net/?${SAS};SharedAccessSignature=${SAS}`),
      [SAS, SIG],
      /without a query/,
    )
  })

  test('rejects a BlobEndpoint that is not http or https', () => {
    assertRejectsWithoutSecrets(
      () => parseConnectionString(`AccountName=myacct;AccountKey=${KEY};BlobEndpoint=ftp://myacct.example.com`),
      [KEY],
      /http or https/,
    )
  })

  test('rejects an AccountName that cannot be part of a host name when the endpoint is built from it', () => {
    assertRejectsWithoutSecrets(() => parseConnectionString(`AccountName=My Account;AccountKey=${KEY}`), [KEY])
  })
})

describe('normalizeSasToken', () => {
  test("strips a leading '?' and surrounding whitespace", () => {
    assert.equal(normalizeSasToken(`?${SAS}`), SAS)
    assert.equal(normalizeSasToken(`  ${SAS}\n`), SAS)
    assert.equal(normalizeSasToken(` ?${SAS} `), SAS)
  })

  test('keeps a token that starts with sig=', () => {
    assert.equal(normalizeSasToken(`sig=${SIG}&sv=2024-08-04`), `sig=${SIG}&sv=2024-08-04`)
  })

  test('rejects a token without sig=, without echoing it', () => {
    for (const token of ['sv=2024-08-04&sp=r&TopSecret=1', 'sv=2024&sig=', 'sv=2024&xsig=abc', '']) {
      assertRejectsWithoutSecrets(
        () => normalizeSasToken(token),
        token === '' ? [] : [token, 'TopSecret'],
        /no sig= part/,
      )
    }
  })
})

describe('normalizeEndpoint', () => {
  test('removes a trailing slash', () => {
    assert.equal(normalizeEndpoint('https://myacct.blob.core.windows.net/'), 'https://myacct.blob.core.windows.net')
    assert.equal(
      normalizeEndpoint('http://127.0.0.1:10000/devstoreaccount1/'),
      'http://127.0.0.1:10000/devstoreaccount1',
    )
  })

  test('keeps a path-style endpoint and a port', () => {
    assert.equal(
      normalizeEndpoint(' http://localhost:10000/devstoreaccount1 '),
      'http://localhost:10000/devstoreaccount1',
    )
  })

  test('lower-cases the scheme and host', () => {
    assert.equal(normalizeEndpoint('HTTPS://MyAcct.Blob.Core.Windows.Net'), 'https://myacct.blob.core.windows.net')
  })

  test('rejects a URL with a query string, without echoing it', () => {
    assertRejectsWithoutSecrets(
      () => normalizeEndpoint(`https://myacct.blob.core.windows.net/?${SAS}`),
      [SAS, SIG],
      /without a query/,
    )
  })

  test('rejects a URL with a fragment', () => {
    assertRejectsWithoutSecrets(() => normalizeEndpoint('https://myacct.blob.core.windows.net/#frag'), [])
  })

  test("rejects an endpoint ending in a bare '?' or '#', though the URL parser drops them", () => {
    for (const url of ['https://myacct.blob.core.windows.net?', 'https://myacct.blob.core.windows.net/#']) {
      assertRejectsWithoutSecrets(() => normalizeEndpoint(url), [], /without a query/)
    }
  })

  test('rejects schemes other than http and https', () => {
    for (const url of ['ftp://myacct.example.com', 'file:///tmp/blob', 'javascript:alert(1)']) {
      assertRejectsWithoutSecrets(() => normalizeEndpoint(url), [], /http or https URL/)
    }
  })

  test('rejects text that is not a URL', () => {
    for (const url of ['', 'myacct.blob.core.windows.net', 'https://', 'not a url']) {
      assertRejectsWithoutSecrets(() => normalizeEndpoint(url), [], /http\(s\) URL/)
    }
  })
})

describe('accountNameProblem', () => {
  test('accepts 3 to 24 lowercase letters and digits', () => {
    for (const name of ['abc', 'myacct', 'devstoreaccount1', 'a'.repeat(24), '123']) {
      assert.equal(accountNameProblem(name), undefined, name)
    }
  })

  test('rejects names of the wrong length or with other characters', () => {
    for (const name of ['', 'ab', 'a'.repeat(25), 'MyAcct', 'my-acct', 'my_acct', 'my acct', 'myacct.blob']) {
      assert.equal(accountNameProblem(name), 'expected 3 to 24 lowercase letters and digits', name)
    }
  })
})

describe('accountKeyProblem', () => {
  test('accepts base64 keys', () => {
    assert.equal(accountKeyProblem(KEY), undefined)
    assert.equal(accountKeyProblem(DEV_KEY), undefined)
  })

  test('rejects text that is not padded base64', () => {
    for (const key of ['', 'abc', 'ab$d', 'YWJj=ZGVm', 'YQ===']) {
      assert.equal(accountKeyProblem(key), 'expected a base64 account key', key)
    }
  })
})

describe('defaultEndpoint', () => {
  test('builds the public cloud endpoint by default', () => {
    assert.equal(defaultEndpoint('myacct'), 'https://myacct.blob.core.windows.net')
  })

  test('uses the given protocol and suffix', () => {
    assert.equal(
      defaultEndpoint('myacct', 'http', 'core.usgovcloudapi.net'),
      'http://myacct.blob.core.usgovcloudapi.net',
    )
  })
})

describe('secretsOf', () => {
  test('returns the account key of a shared-key target', () => {
    assert.deepEqual(secretsOf({ kind: 'shared-key', accountKey: KEY }), [KEY])
  })

  test('returns the token of a SAS target', () => {
    assert.deepEqual(secretsOf({ kind: 'sas', sasToken: SAS }), [SAS])
  })

  test('returns the secret of a parsed connection string', () => {
    assert.deepEqual(secretsOf(parseConnectionString(`AccountName=myacct;SharedAccessSignature=?${SAS}`).auth), [SAS])
    assert.deepEqual(secretsOf(parseConnectionString('UseDevelopmentStorage=true').auth), [DEV_KEY])
  })
})

describe('the request log', () => {
  test('shows a URL without its query, but for the parameters that name the operation', () => {
    assert.equal(
      redactedUrl(`https://acct.blob.core.windows.net/locks/deploy?comp=lease&${SAS}&timeout=8`),
      'https://acct.blob.core.windows.net/locks/deploy?comp=lease',
    )
    assert.equal(
      redactedUrl(`https://acct.blob.core.windows.net/locks?restype=container&comp=list&sig=${SIG}`),
      'https://acct.blob.core.windows.net/locks?restype=container&comp=list',
    )
    assert.equal(redactedUrl('https://user:pw@host.example/x?sig=abc'), 'https://host.example/x')
    assert.equal(redactedUrl('not a url ?sig=abc'), '(unparsable URL)')
  })

  test('describes a try with its status, request id, time and retry number', () => {
    const base = { method: 'PUT', url: 'https://a.blob.core.windows.net/locks/x?comp=lease', durationMs: 12 }
    assert.equal(
      describeRequest({ ...base, leaseAction: 'acquire', attempt: 1, status: 201, requestId: 'r-1' }),
      'storage: PUT https://a.blob.core.windows.net/locks/x?comp=lease (acquire lease) -> 201 (request id r-1, 12 ms)',
    )
    assert.equal(
      describeRequest({ ...base, attempt: 3, status: 503, error: 'ServerBusy', requestId: 'r-3' }),
      'storage: PUT https://a.blob.core.windows.net/locks/x?comp=lease -> 503 ServerBusy (request id r-3, 12 ms, retry 2)',
    )
    assert.equal(
      describeRequest({ ...base, attempt: 2, error: 'ECONNREFUSED' }),
      'storage: PUT https://a.blob.core.windows.net/locks/x?comp=lease -> ECONNREFUSED (12 ms, retry 1)',
    )
  })
})
