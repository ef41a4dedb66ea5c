import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  briefHolder,
  describeHolder,
  freshnessOf,
  holderFromMetadata,
  holderKey,
  holderToMetadata,
  identityFromMetadata,
  identityToMetadata,
  isHolderKey,
  shownTime,
  type HolderRecord,
} from '../../src/lock/holder.ts'
import { briefHolderSeen, describeHolderSeen } from '../../src/lock/holder-seen.ts'

const RECORD: HolderRecord = {
  repository: 'octo/api',
  workflow: 'Deploy',
  job: 'deploy',
  runId: '42',
  runAttempt: '1',
  actor: 'mona',
  runUrl: 'https://github.com/octo/api/actions/runs/42',
  acquiredAt: '2026-11-26T05:00:00Z',
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

function roundTrip(record: HolderRecord): HolderRecord | undefined {
  return holderFromMetadata(holderToMetadata(record))
}

describe('holderToMetadata and holderFromMetadata', () => {
  test('write one holder_* key per field', () => {
    assert.deepEqual(Object.keys(holderToMetadata(RECORD)).sort(), [
      'holder_acquired_at',
      'holder_actor',
      'holder_job',
      'holder_repository',
      'holder_run_attempt',
      'holder_run_id',
      'holder_run_url',
      'holder_workflow',
    ])
  })

  test('store a plain ASCII record unchanged', () => {
    const metadata = holderToMetadata(RECORD)
    assert.equal(metadata.holder_repository, 'octo/api')
    assert.equal(metadata.holder_run_url, RECORD.runUrl)
    assert.equal(metadata.holder_acquired_at, RECORD.acquiredAt)
  })

  test('round-trip a plain ASCII record', () => {
    assert.deepEqual(roundTrip(RECORD), RECORD)
  })

  test('round-trip non-ASCII text, emoji and percent signs', () => {
    const record: HolderRecord = {
      ...RECORD,
      workflow: 'dépl☃y',
      job: 'ship 🚀 it',
      actor: 'Zoë',
      runUrl: 'https://example.com/a%20b?x=100%',
      repository: 'octo/日本語',
    }
    assert.deepEqual(roundTrip(record), record)
  })

  test('round-trip text that already looks percent-encoded', () => {
    const record = { ...RECORD, workflow: '%C3%A9 and %zz and %' }
    assert.deepEqual(roundTrip(record), record)
  })

  // Whatever a runner variable holds (GITHUB_WORKFLOW is the workflow's free-text name) reads back as written.
  const workflowNames = [
    'Deploy\nprod',
    'Deploy\r\nprod',
    '  leading and trailing  ',
    ' ',
    'two  spaces and\ta tab',
    '100% done',
    '%0A::error::x',
    'Déploiement 🚀 日本',
    '\u001b[31mred',
    'x'.repeat(2000),
  ]
  for (const workflow of workflowNames) {
    test(`round-trip the workflow name ${JSON.stringify(workflow.length > 40 ? `${workflow.slice(0, 10)}…` : workflow)}`, () => {
      const record = { ...RECORD, workflow }
      const metadata = holderToMetadata(record)
      assert.match(metadata.holder_workflow!, PRINTABLE_ASCII)
      assert.doesNotMatch(metadata.holder_workflow!, /^ | $| {2}/, 'no space that a header could lose')
      assert.deepEqual(roundTrip(record), record)
    })
  }

  test('keep single inner spaces readable for people who look at the metadata', () => {
    assert.equal(holderToMetadata({ ...RECORD, workflow: 'Deploy to prod' }).holder_workflow, 'Deploy to prod')
    assert.equal(holderToMetadata({ ...RECORD, workflow: ' a  b ' }).holder_workflow, '%20a%20%20b%20')
  })

  test('round-trip empty fields', () => {
    const record = { ...RECORD, workflow: '', job: '', actor: '', runUrl: '' }
    assert.deepEqual(roundTrip(record), record)
  })

  test('encode every value as printable ASCII', () => {
    const record: HolderRecord = {
      repository: 'octo/dépl☃y',
      workflow: 'emoji 🚀',
      job: 'tab\there\nnewline',
      runId: '100%',
      runAttempt: '\u0000\u007f\u0080',
      actor: 'lone \ud800 surrogate',
      runUrl: 'trail \udc00',
      acquiredAt: '2026-11-26T05:00:00Z',
    }
    for (const [key, value] of Object.entries(holderToMetadata(record))) {
      assert.match(value, PRINTABLE_ASCII, `${key}=${JSON.stringify(value)}`)
    }
  })

  test("encode '%' itself so that decoding cannot change the value", () => {
    assert.equal(holderToMetadata({ ...RECORD, runId: '100%' }).holder_run_id, '100%25')
  })

  test('store a lone surrogate as U+FFFD instead of failing', () => {
    const metadata = holderToMetadata({ ...RECORD, actor: 'a\ud800b' })
    assert.equal(metadata.holder_actor, 'a%EF%BF%BDb')
    assert.equal(holderFromMetadata(metadata)?.actor, 'a\ufffdb')
  })

  test('return undefined for missing or empty metadata', () => {
    assert.equal(holderFromMetadata(undefined), undefined)
    assert.equal(holderFromMetadata({}), undefined)
  })

  test('return undefined for metadata written by another client', () => {
    assert.equal(holderFromMetadata({ owner: 'go-azuremutex', created: '2026-11-26' }), undefined)
  })

  test('return undefined when only some holder fields are present but not the acquisition time', () => {
    assert.equal(holderFromMetadata({ holder_repository: 'octo/api', holder_run_id: '42' }), undefined)
  })

  test('fill missing fields with empty strings when the acquisition time is present', () => {
    const record = holderFromMetadata({ holder_acquired_at: RECORD.acquiredAt, holder_repository: 'octo/api' })
    assert.deepEqual(record, {
      repository: 'octo/api',
      workflow: '',
      job: '',
      runId: '',
      runAttempt: '',
      actor: '',
      runUrl: '',
      acquiredAt: RECORD.acquiredAt,
    })
  })

  test('read holder keys whatever their case', () => {
    const metadata = Object.fromEntries(Object.entries(holderToMetadata(RECORD)).map(([k, v]) => [k.toUpperCase(), v]))
    assert.deepEqual(holderFromMetadata(metadata), RECORD)
  })

  test('ignore the keys of others beside the record', () => {
    assert.deepEqual(holderFromMetadata({ ...holderToMetadata(RECORD), owner: 'platform-team' }), RECORD)
  })

  test('keep a foreign value that is not valid percent-encoding as it is', () => {
    const record = holderFromMetadata({ ...holderToMetadata(RECORD), holder_workflow: '100% done' })
    assert.equal(record?.workflow, '100% done')
  })
})

describe('describeHolder', () => {
  test('names repository, workflow, run, attempt, job, actor, time and URL for a full record', () => {
    assert.equal(
      describeHolder(RECORD),
      'octo/api workflow "Deploy" run 42 (attempt 1, job deploy, actor mona) since 2026-11-26T05:00:00Z ' +
        'https://github.com/octo/api/actions/runs/42',
    )
  })

  test('says "unknown holder" when there is no record', () => {
    assert.match(describeHolder(undefined), /unknown holder/)
  })

  test('leaves out what the record does not say', () => {
    const sparse = { ...RECORD, workflow: '', runAttempt: '', job: '', actor: '', runUrl: '' }
    assert.equal(describeHolder(sparse), 'octo/api run 42 since 2026-11-26T05:00:00Z')
    assert.equal(describeHolder({ ...sparse, runId: '' }), 'octo/api since 2026-11-26T05:00:00Z')
  })

  test('says "unknown repository" when the repository is empty', () => {
    assert.match(describeHolder({ ...RECORD, repository: '' }), /^unknown repository workflow "Deploy" run 42/)
  })
})

describe('describeHolder with a record written by a stranger', () => {
  const payloads = [
    '\n::error title=Security scan passed::All clear',
    '\r::add-mask::octo/api',
    '\n::stop-commands::pwned',
    '::warning::at the start',
    '\u001b[31mred',
    'x ##[error]old form',
    'evil\u202etxt',
    'a\ud800b',
    'x'.repeat(8 * 1024),
  ]

  test('shows every field of a hostile record as one line with no command and no control character', () => {
    for (const payload of payloads) {
      const hostile: HolderRecord = {
        repository: payload,
        workflow: payload,
        job: payload,
        runId: payload,
        runAttempt: payload,
        actor: payload,
        runUrl: payload,
        acquiredAt: payload,
      }
      const line = describeHolder(hostile)
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]/u, JSON.stringify(line))
      assert.doesNotMatch(line, /^\s*::/u)
      assert.ok(!line.includes('##['), line)
      assert.doesNotMatch(line, /\p{Cs}/u, 'no lone surrogate')
      assert.ok(line.length < 8 * 220, `${line.length} characters: each field is cut`)
    }
  })

  test('shows a newline in a workflow name as \\n', () => {
    assert.match(describeHolder({ ...RECORD, workflow: 'Deploy\n::error::x' }), /workflow "Deploy\\n::error::x"/)
  })

  test('cuts a long field with an ellipsis', () => {
    assert.match(describeHolder({ ...RECORD, actor: 'm'.repeat(5000) }), new RegExp(`actor ${'m'.repeat(199)}…\\)`))
  })
})

describe('isHolderKey', () => {
  test('knows the keys of the record, whatever their case, and no others', () => {
    for (const key of Object.keys(holderToMetadata(RECORD))) {
      assert.ok(isHolderKey(key), key)
      assert.ok(isHolderKey(key.toUpperCase()), key.toUpperCase())
    }
    for (const key of ['owner', 'purpose', 'holder', 'holder_other', 'holder_workflow_x'])
      assert.ok(!isHolderKey(key), key)
  })
})

describe('holderKey', () => {
  test('is the same for equal records', () => {
    assert.equal(holderKey(RECORD), holderKey({ ...RECORD }))
    assert.equal(holderKey(roundTrip(RECORD)), holderKey(RECORD))
  })

  test('does not depend on the display-only fields', () => {
    assert.equal(holderKey({ ...RECORD, workflow: 'Other', actor: 'hubot', runUrl: '' }), holderKey(RECORD))
  })

  test('changes when the run, attempt, job, repository or acquisition time changes', () => {
    const changes: Array<Partial<HolderRecord>> = [
      { repository: 'octo/web' },
      { runId: '43' },
      { runAttempt: '2' },
      { job: 'migrate' },
      { acquiredAt: '2026-11-26T05:00:01Z' },
    ]
    for (const change of changes) {
      assert.notEqual(holderKey({ ...RECORD, ...change }), holderKey(RECORD), JSON.stringify(change))
    }
  })

  test("is 'unknown' for no record and differs from any record's key", () => {
    assert.equal(holderKey(undefined), 'unknown')
    assert.notEqual(holderKey(RECORD), holderKey(undefined))
  })
})

describe('the lease duration and ticket on a record', () => {
  test('round-trip when present, and stay absent in a record that lacks them', () => {
    const full = { ...RECORD, leaseSeconds: '15', ticket: '12' }
    assert.deepEqual(roundTrip(full), full)
    assert.equal(holderToMetadata(full).holder_lease_seconds, '15')
    assert.equal(holderToMetadata(full).holder_ticket, '12')
    assert.ok(!('leaseSeconds' in roundTrip(RECORD)!) && !('ticket' in roundTrip(RECORD)!))
  })
})

describe('queue entry metadata', () => {
  test('says who waits in the holder keys, with no times, and reads back exactly', () => {
    const identity = {
      repository: 'octo/api',
      workflow: 'dépl\ny 100%',
      job: 'deploy',
      runId: '42',
      runAttempt: '1',
      actor: 'mona',
      runUrl: RECORD.runUrl,
    }
    const metadata = identityToMetadata(identity)
    assert.deepEqual(Object.keys(metadata).sort(), [
      'holder_actor',
      'holder_job',
      'holder_repository',
      'holder_run_attempt',
      'holder_run_id',
      'holder_run_url',
      'holder_workflow',
    ])
    assert.deepEqual(identityFromMetadata(metadata), identity)
    assert.equal(identityFromMetadata({ owner: 'platform-team' }), undefined)
    assert.equal(identityFromMetadata(undefined), undefined)
  })
})

describe('freshnessOf', () => {
  const now = new Date('2026-01-01T10:00:00Z')
  const at = (secondsAgo: number): Date => new Date(now.getTime() - secondsAgo * 1000)
  const record = { ...RECORD, leaseSeconds: '15' }

  test('believes a record refreshed within its lease duration (and two seconds of clock resolution)', () => {
    assert.deepEqual(freshnessOf(record, at(1), now), { kind: 'fresh' })
    assert.deepEqual(freshnessOf(record, at(17), now), { kind: 'fresh' })
  })

  test('calls a record stale once it is older than that, and says when its holder stopped', () => {
    assert.deepEqual(freshnessOf(record, at(18), now), { kind: 'stale', stoppedAt: at(18) })
  })

  test('cannot tell for a record of an older version, one with a lease duration that is not a number, or no times', () => {
    assert.deepEqual(freshnessOf(RECORD, at(3600), now), { kind: 'unknown-age' })
    assert.deepEqual(freshnessOf({ ...RECORD, leaseSeconds: 'forever' }, at(3600), now), { kind: 'unknown-age' })
    assert.deepEqual(freshnessOf(record, undefined, now), { kind: 'unknown-age' })
  })
})

describe('describeHolderSeen and briefHolderSeen', () => {
  const today = new Date()
  const fresh = {
    record: { ...RECORD, acquiredAt: today.toISOString() },
    freshness: { kind: 'fresh' as const },
    infinite: false,
  }

  test('names a believed holder in full, and briefly for a line of the queue', () => {
    assert.equal(describeHolderSeen(fresh), describeHolder(fresh.record))
    assert.equal(briefHolderSeen(fresh), `octo/api run 42 (holding since ${shownTime(today)})`)
    assert.match(briefHolderSeen(fresh), /\(holding since \d\d:\d\d:\d\dZ\)$/)
  })

  test('calls a stale record an unknown holder, naming the last recorded one and when it stopped', () => {
    const stale = { ...fresh, freshness: { kind: 'stale' as const, stoppedAt: new Date('2026-11-26T10:02:11.500Z') } }
    assert.equal(
      describeHolderSeen(stale),
      'an unknown holder (the last recorded holder, octo/api run 42, stopped renewing at 2026-11-26T10:02:11Z)',
    )
  })

  test('names an infinite lease as one', () => {
    const infinite = { record: undefined, freshness: { kind: 'unknown-age' as const }, infinite: true }
    assert.equal(
      describeHolderSeen(infinite),
      'an unknown holder (a client that writes no holder record), with an infinite lease that never expires by itself',
    )
    assert.equal(briefHolderSeen(infinite), 'an unknown holder (no holder record; infinite lease)')
  })

  test('shows a hostile record briefly as plain text', () => {
    const hostile = { ...RECORD, repository: '%0A::error::x'.replace('%0A', '\n'), runId: '1\u001b[31m' }
    assert.equal(briefHolder(hostile), '\\n::error::x run 1\\x1b[31m')
    const time = shownTime('::stop-commands::x')
    assert.ok(!time.startsWith('::'), time)
  })
})
