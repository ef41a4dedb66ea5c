import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  escapeMarkup,
  renderLockSummary,
  renderStatusTable,
  summaryText,
  type LockSummary,
} from '../../src/action/summary.ts'
import { newBreakRecord } from '../../src/lock/break-record.ts'
import { safeRunLink } from '../../src/lock/run-page.ts'
import type { HolderRecord } from '../../src/lock/holder.ts'
import { showUntrusted } from '../../src/lock/untrusted-text.ts'
import { assertOnlyOwnMarkup, rendered } from '../support/summary.ts'

const SERVER = 'https://github.com'

const honest: HolderRecord = {
  repository: 'octo/api',
  workflow: 'deploy',
  job: 'deploy',
  runId: '812',
  runAttempt: '1',
  actor: 'mona',
  runUrl: 'https://github.com/octo/api/actions/runs/812',
  acquiredAt: '2026-11-26T05:00:00.000Z',
}

/** A holder record written to inject markup into a summary: HTML, Markdown links and images, table cells, mentions. */
const hostile: HolderRecord = {
  repository: '<img src=x onerror=alert(1)> [click](https://evil.example) ![p](https://evil.example/pixel.png)',
  workflow: '| forged | cell |\n\n# Forged heading\n<script>alert(1)</script>',
  job: '**bold** _it_ `code` ~~gone~~ &lt;b&gt; \\<b\\>',
  runId: '1"><a href="https://evil.example">',
  runAttempt: '1',
  actor: '@github/security please approve',
  runUrl: 'javascript:alert(1)',
  acquiredAt: '<details open>2026</details>',
}

describe('summary text', () => {
  test('renders as the log shows the value, with no markup left', () => {
    const value = '<b>hi</b> | [x](y) @mona\n::error::x'
    const text = summaryText(value)
    assert.ok(!/[<>|[\]()@]/.test(text), text)
    assert.equal(rendered(text), showUntrusted(value))
  })

  test('escapeMarkup keeps text on one line', () => {
    assert.equal(escapeMarkup('a\r\nb'), 'a b')
  })

  test('links only https run pages on the same GitHub server', () => {
    assert.equal(safeRunLink(honest.runUrl, SERVER), honest.runUrl)
    assert.equal(
      safeRunLink('https://github.com/octo/api/actions/runs/812/attempts/2', SERVER),
      'https://github.com/octo/api/actions/runs/812/attempts/2',
    )
    for (const url of [
      'javascript:alert(1)',
      'http://github.com/octo/api/actions/runs/812',
      'https://evil.example/octo/api/actions/runs/812',
      'https://github.com.evil.example/octo/api/actions/runs/812',
      'https://user:pw@github.com/octo/api/actions/runs/812',
      'https://github.com/octo/api/actions/runs/812?x=<b>',
      'https://github.com/octo/api/pulls',
      'https://github.com/octo/api/actions/runs/81a',
    ]) {
      assert.equal(safeRunLink(url, SERVER), undefined, url)
    }
    assert.equal(safeRunLink(honest.runUrl, 'https://ghes.example.com'), undefined)
  })
})

describe('the lock section post writes', () => {
  const wait = {
    startedAt: '2026-11-26T05:00:00.000Z',
    endedAt: '2026-11-26T05:00:42.000Z',
    outcome: 'acquired' as const,
    holders: [honest, hostile],
    holdersLeftOut: 0,
    unknownHolderSeen: true,
  }
  const summary: LockSummary = {
    location: 'devstoreaccount1/locks/production-deploy',
    wait,
    hold: {
      acquiredAt: new Date('2026-11-26T05:00:42.000Z'),
      endedAt: new Date('2026-11-26T05:02:12.000Z'),
      outcome: 'released',
      releasedBy: 'post',
      renewals: 18,
      longestGapMs: 5_100,
    },
  }

  test('says where, how long it waited and held, the renewals, and that it was not lost', () => {
    const text = rendered(renderLockSummary(summary, SERVER))
    assert.match(text, /### Lock devstoreaccount1\/locks\/production-deploy/)
    assert.match(text, /Result\s+Held, and released by post/)
    assert.match(text, /Waited\s+42s, from 2026-11-26T05:00:00\.000Z to 2026-11-26T05:00:42\.000Z/)
    assert.match(text, /Held\s+1m 30s, from 2026-11-26T05:00:42\.000Z to 2026-11-26T05:02:12\.000Z/)
    assert.match(text, /Renewals\s+18, longest gap 5\.1s/)
    assert.match(text, /Lost\s+No/)
  })

  test('says in the renewals row that a lapse was healed, for how long, and why nobody else held the lock', () => {
    const healedLapse = {
      count: 1,
      gapMs: 27_000,
      leaseMs: 15_000,
      lapsedAt: '2026-11-26T05:01:00.000Z',
      renewedAt: '2026-11-26T05:01:12.000Z',
    }
    const markdown = renderLockSummary(
      { ...summary, hold: { ...summary.hold!, longestGapMs: 27_300, healedLapse } },
      SERVER,
    )
    assertOnlyOwnMarkup(markdown)
    assert.match(
      rendered(markdown),
      /Renewals\s+18, longest gap 27s;\s+the lease lapsed\s+for 27s, longer than its 15s duration, from 2026-11-26T05:01:00\.000Z, and a later renewal \(2026-11-26T05:01:12\.000Z\) healed it: Azure renews a lapsed lease only if nobody leased the lock since, so nobody else held it/,
    )
    assert.match(rendered(renderLockSummary(summary, SERVER)), /Renewals\s+18, longest gap 5\.1s\s/)
  })

  test("links the honest holder's run and lists the unknown one", () => {
    const markdown = renderLockSummary(summary, SERVER)
    assert.ok(markdown.includes('<a href="https://github.com/octo/api/actions/runs/812">run 812</a>'), markdown)
    assert.match(rendered(markdown), /octo\/api, workflow “deploy”, job deploy, actor mona/)
    assert.match(markdown, /a client that writes no holder record/)
  })

  test('shows the hostile holder as plain text: no tag, link, image, heading, cell or mention of its own', () => {
    const markdown = renderLockSummary(summary, SERVER)
    assertOnlyOwnMarkup(markdown)
    const text = rendered(markdown)
    assert.ok(text.includes(showUntrusted(hostile.repository)), 'the repository reads as in the log')
    assert.ok(text.includes(showUntrusted(hostile.workflow)), 'the workflow reads as in the log, on one line')
    assert.ok(text.includes(`run ${showUntrusted(hostile.runId, 40)} (javascript:alert(1))`), text)
  })

  test('says when and why a lost lock was lost, and who broke it, sanitised', () => {
    const brokenBy = newBreakRecord(
      { repository: 'octo/ops', runId: '5', runUrl: 'https://github.com/octo/ops/actions/runs/5', actor: 'hubot' },
      'hung <b>job</b> | see [runbook](https://evil.example)',
      new Date('2026-11-26T05:01:00.000Z'),
      honest,
    )
    const lost: LockSummary = {
      ...summary,
      hold: {
        ...summary.hold!,
        outcome: 'lost',
        releasedBy: undefined,
        loss: {
          exclusiveUntil: '2026-11-26T05:00:55.000Z',
          detectedAt: '2026-11-26T05:01:00.500Z',
          reason: 'Azure says the lease is no longer ours (409 LeaseIdMismatchWithLeaseOperation)',
        },
        brokenBy,
      },
    }
    const markdown = renderLockSummary(lost, SERVER)
    assertOnlyOwnMarkup(markdown)
    const text = rendered(markdown)
    assert.match(text, /Result\s+Lost while held/)
    assert.match(
      text,
      /Lost\s+Yes : exclusivity was guaranteed only until 2026-11-26T05:00:55\.000Z; found at 2026-11-26T05:01:00\.500Z: Azure says/,
    )
    assert.match(text, /Broken by\s+broken at 2026-11-26T05:01:00\.000Z by octo\/ops run 5 \(actor hubot\)/)
    assert.ok(text.includes('"hung <b>job</b> | see [runbook](https://evil.example)"'), text)
  })

  test('for a lock not taken, says why and who held it', () => {
    const markdown = renderLockSummary({ location: 'a/locks/x', wait: { ...wait, outcome: 'timed-out' } }, SERVER)
    assert.match(rendered(markdown), /Result\s+Not taken: the wait timed out/)
    assert.doesNotMatch(markdown, /Held|Renewals|Lost/)
    assert.match(markdown, /Holders seen while waiting/)
  })

  test('says so when main took the lock but post has no hold to report', () => {
    assert.match(
      rendered(renderLockSummary({ location: 'a/locks/x', wait }, SERVER)),
      /Result\s+Taken, but not held through the job/,
    )
  })

  test('says so when nobody held the lock', () => {
    const free = { ...wait, holders: [], unknownHolderSeen: false, endedAt: wait.startedAt }
    assert.match(renderLockSummary({ ...summary, wait: free }, SERVER), /Nobody held the lock while this job waited/)
  })

  test('does not say nobody held the lock when a queue entry that did not serve it was passed over', () => {
    const squatted = { ...wait, holders: [], unknownHolderSeen: false, passedOver: 1 }
    const markdown = renderLockSummary({ ...summary, wait: squatted }, SERVER)
    assert.doesNotMatch(markdown, /Nobody held the lock/)
    assert.match(
      markdown,
      /No job held the lock while this job waited for it\. A queue entry ahead of this job did not serve/,
    )
  })
})

describe('the status table', () => {
  test('has a row per lock, free or held, with the kind of lease, and no markup from records', () => {
    const markdown = renderStatusTable(
      'Locks in devstoreaccount1/locks',
      [
        { name: 'free-one', held: false, leaseState: 'available' },
        { name: 'deploy', held: true, leaseState: 'leased', leaseKind: 'fixed', holder: honest },
        { name: '<b>x</b>', held: true, leaseState: 'leased', leaseKind: 'infinite', holder: hostile },
        { name: 'foreign', held: true, leaseState: 'breaking', leaseKind: 'infinite' },
      ],
      SERVER,
    )
    assertOnlyOwnMarkup(markdown)
    const rows = markdown.split('<tr>').slice(1).map(rendered)
    assert.equal(rows.length, 5, 'a head and four rows')
    assert.match(rows[0]!, /Lock\s+State\s+Holder\s+Since\s+Lease\s+Last break/)
    assert.match(rows[1]!, /free-one\s+free/)
    assert.match(rows[2]!, /deploy\s+held\s+octo\/api, workflow “deploy”.*run 812\s+2026-11-26T05:00:00\.000Z\s+fixed/)
    assert.match(rows[3]!, /<b>x<\/b>\s+held\s+.*infinite \(never expires\)/)
    assert.match(rows[4]!, /foreign\s+held \(lease breaking\)\s+unknown: a client that writes no holder record/)
  })

  test('says there are no locks in an empty container', () => {
    assert.match(renderStatusTable('Locks in a/b', [], SERVER), /No locks\./)
  })

  test('flags a queue entry with an infinite lease in the waiting column', () => {
    const markdown = renderStatusTable(
      'Lock a/b/x',
      [{ name: 'x', held: false, leaseState: 'available', queue: [], squatters: [1] }],
      SERVER,
    )
    assert.match(markdown, /<strong>squatted<\/strong>: entry 1 holds an infinite lease/)
  })
})
