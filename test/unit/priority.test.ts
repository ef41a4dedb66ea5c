// The order of the line (lock/queue/priority.ts), and every place that decides who
// is first: the waiter's standing, the holder's handover, the board.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { boardJson, renderBoardText } from '../../src/lock/board.ts'
import { handoverTarget } from '../../src/lock/queue/handover.ts'
import { prioritiesOf, waitersOf } from '../../src/lock/lock-status.ts'
import {
  PRIORITY_KEY,
  goesBefore,
  joinedAhead,
  lineOrder,
  parsePriority,
  priorityFromMetadata,
} from '../../src/lock/queue/priority.ts'
import type { Priority } from '../../src/lock/queue/entry.ts'
import { standingOf } from '../../src/lock/queue/queue.ts'
import type { QueueEntry } from '../../src/lock/queue/entry.ts'
import { WaitReport } from '../../src/lock/wait-report.ts'
import type { HolderRecord } from '../../src/lock/holder.ts'
import { parseLockSpec } from '../../src/lock/spec.ts'
import { readPriority, readQueueing, readWarnAfter } from '../../src/action/inputs.ts'
import { highPriorityAheadText, malformedPriorityText } from '../../src/settings/wait-words.ts'
import { parseCommandLine, readerOf } from '../../src/cli/options.ts'
import { Option } from '../../src/settings/option.ts'
import { waitLine } from '../../src/cli/wait-lines.ts'
import { linesFor } from '../../src/action/wait-lines.ts'

const NOW = new Date('2026-01-01T10:00:00Z')

function entry(ticket: number, priority?: Priority, extra: Partial<QueueEntry> = {}): QueueEntry {
  return {
    ticket,
    leased: true,
    modifiedAt: new Date(NOW.getTime() - 60_000),
    waiter: {
      repository: `org/job-${ticket}`,
      workflow: 'w',
      job: 'j',
      runId: String(ticket),
      runAttempt: '1',
      actor: 'a',
      runUrl: '',
    },
    nextLeaseId: `00000000-0000-4000-8000-${String(ticket).padStart(12, '0')}`,
    ...(priority ? { priority } : {}),
    ...extra,
  }
}

const tickets = (entries: readonly QueueEntry[]): number[] => entries.map((e) => e.ticket)
const look = (entries: QueueEntry[]) => ({ entries, serviceNow: NOW, complete: true })

describe('the order of the line', () => {
  test('a high-priority waiter goes ahead of every normal one, and the normal ones keep their ticket order', () => {
    const line = [entry(1), entry(2), entry(3), entry(4), entry(5), entry(6, 'high')]
    assert.deepEqual(tickets(lineOrder(line)), [6, 1, 2, 3, 4, 5])
  })

  test('high-priority waiters keep their ticket order among themselves: a later one never passes an earlier one', () => {
    const line = [entry(1), entry(2, 'high'), entry(3), entry(4, 'high'), entry(5, 'high')]
    assert.deepEqual(tickets(lineOrder(line)), [2, 4, 5, 1, 3])
    assert.equal(goesBefore(entry(4, 'high'), entry(2, 'high')), false)
    assert.equal(goesBefore(entry(2, 'high'), entry(4, 'high')), true)
  })

  test('nobody goes ahead of a waiter that holds the lock or was handed it, whatever its priority', () => {
    const line = [entry(1), entry(2), entry(3, 'high')]
    assert.deepEqual(tickets(lineOrder(line, new Set([2]))), [2, 3, 1])
    assert.equal(goesBefore(entry(3, 'high'), entry(2), new Set([2])), false)
  })

  test('an entry without a priority (an older version) and one with a malformed priority count as normal', () => {
    const malformed = entry(2, undefined, priorityFromMetadata({ [PRIORITY_KEY]: 'HIGH!!' }))
    assert.equal(malformed.priority, undefined)
    assert.equal(malformed.malformedPriority, 'HIGH!!')
    assert.deepEqual(tickets(lineOrder([entry(3), malformed, entry(1)])), [1, 2, 3])
    assert.deepEqual(tickets(lineOrder([entry(3, 'high'), malformed])), [3, 2])
  })

  test('the priority on an entry is read exactly, whatever the case of its key; a long forged value is cut', () => {
    assert.deepEqual(priorityFromMetadata({ Azure_Mutex_Priority: 'high' }), { priority: 'high' })
    assert.deepEqual(priorityFromMetadata({ [PRIORITY_KEY]: 'normal' }), { priority: 'normal' })
    assert.deepEqual(priorityFromMetadata({}), {})
    assert.deepEqual(priorityFromMetadata({ [PRIORITY_KEY]: ' high' }), { malformedPriority: ' high' })
    assert.equal(priorityFromMetadata({ [PRIORITY_KEY]: 'x'.repeat(500) }).malformedPriority?.length, 40)
    assert.equal(parsePriority('high'), 'high')
    assert.equal(parsePriority('High'), undefined)
  })

  test('a high-priority waiter that joined later is named as having joined ahead; an earlier one is not', () => {
    const ahead = [entry(2, 'high'), entry(9, 'high'), entry(3)]
    assert.deepEqual(tickets(joinedAhead(ahead, 5)), [9])
  })
})

describe('everyone who decides who is first uses the order', () => {
  const line = [entry(1), entry(2), entry(3), entry(4), entry(5), entry(6, 'high')]

  test("a waiter's standing counts the high-priority waiter ahead of the normal ones, and behind an earlier high one", () => {
    assert.deepEqual(tickets(standingOf(look(line), 3).ahead), [6, 1, 2])
    assert.deepEqual(tickets(standingOf(look(line), 6).ahead), [], 'the high-priority waiter is the head')
    const twoHigh = [...line, entry(7, 'high')]
    assert.deepEqual(tickets(standingOf(look(twoHigh), 7).ahead), [6])
    assert.deepEqual(tickets(standingOf(look(twoHigh), 1).ahead), [6, 7])
  })

  test('a waiter whose entry the listing does not show yet stands by its own priority', () => {
    assert.deepEqual(tickets(standingOf(look(line), 8, new Set(), { priority: 'high' }).ahead), [6])
    assert.deepEqual(tickets(standingOf(look(line), 8).ahead), [6, 1, 2, 3, 4, 5])
  })

  test('the one holding (or handed) the lock stays ahead of a high-priority waiter', () => {
    assert.deepEqual(
      tickets(standingOf(look(line), 6, new Set(), { priority: 'high', holding: new Set([1]) }).ahead),
      [1],
    )
  })

  test('the holder hands the lease to the high-priority waiter, not to the first ticket', () => {
    assert.equal(handoverTarget(look(line))?.ticket, 6)
    assert.equal(handoverTarget(look([entry(1), entry(2, 'high'), entry(3, 'high')]))?.ticket, 2)
    assert.equal(handoverTarget(look([entry(1), entry(2)]))?.ticket, 1)
  })

  test('a forged entry with a malformed priority is not handed the lease ahead of an earlier normal waiter', () => {
    const forged = entry(9, undefined, { malformedPriority: 'urgent' })
    assert.equal(handoverTarget(look([entry(4), forged]))?.ticket, 4)
  })

  test('the board lists the waiters in the order of the line, with each one’s priority and place', () => {
    const waiters = waitersOf(line, NOW)
    const priorities = prioritiesOf(line, NOW)
    assert.deepEqual(
      waiters.map((w) => w?.repository),
      ['org/job-6', 'org/job-1', 'org/job-2', 'org/job-3', 'org/job-4', 'org/job-5'],
    )
    const status = { name: 'deploy', held: true, leaseState: 'leased', queue: waiters, priorities }
    const json = boardJson(status)
    assert.deepEqual(
      json.queue?.map((w) => [w.place, w.waiter?.repository, w.priority]),
      [
        [2, 'org/job-6', 'high'],
        [3, 'org/job-1', 'normal'],
        [4, 'org/job-2', 'normal'],
        [5, 'org/job-3', 'normal'],
        [6, 'org/job-4', 'normal'],
        [7, 'org/job-5', 'normal'],
      ],
    )
    assert.match(renderBoardText([status]), /2\. org\/job-6 run 6 \(high priority\); 3\. org\/job-1 run 1;/)
  })
})

describe('the long-wait warning', () => {
  const record: HolderRecord = {
    repository: 'org/holder',
    workflow: 'w',
    job: 'j',
    runId: '5',
    runAttempt: '1',
    actor: 'a',
    runUrl: '',
    acquiredAt: '2026-01-01T09:58:00Z',
  }
  const held = { lock: { state: 'leased' as const, holder: record, infinite: false, serviceNow: NOW }, ahead: [] }

  test('comes once, at the first look at the lock after warn-after, naming the holder, how long it held, and the place', () => {
    const report = new WaitReport({
      progressEveryMs: 30_000,
      noTimeLimit: true,
      breakCommand: '',
      warnAfterMs: 3_000,
      startedAt: 0,
    })
    const at = (now: number) => report.see(held, now, now).filter((e) => e.type === 'long-wait')
    assert.deepEqual(at(1_000), [])
    assert.equal(report.wantsHolder(0, 2_999), false, 'no look is asked for before it is due')
    assert.equal(report.wantsHolder(0, 3_000), true, 'a look is asked for once it is due')
    const [warning] = at(3_500)
    assert.equal(warning?.type, 'long-wait')
    if (warning?.type !== 'long-wait') return
    assert.equal(warning.heldMs, 120_000, 'from the record’s time to the service’s clock')
    assert.equal(warning.place.position, 2)
    assert.equal(warning.place.holder?.record?.repository, 'org/holder')
    assert.deepEqual([...at(10_000), ...at(60_000)], [], 'never a second time')
    assert.equal(report.longWaitAt, Infinity)
  })

  test('does not come without warn-after', () => {
    const report = new WaitReport({ progressEveryMs: 30_000, noTimeLimit: true, breakCommand: '' })
    assert.deepEqual(
      report.see(held, 3_600_000, 3_600_000).filter((e) => e.type === 'long-wait'),
      [],
    )
  })
})

describe('the priority and warn-after inputs', () => {
  const reader =
    (values: Record<string, string>) =>
    (name: string): string =>
      values[name] ?? ''

  test('priority is normal by default, high when asked; anything else is one line naming the input and its form', () => {
    assert.equal(readPriority(reader({})), 'normal')
    assert.equal(readPriority(reader({ priority: 'high' })), 'high')
    assert.throws(() => readPriority(reader({ priority: 'urgent' })), {
      name: 'InputError',
      message: "Invalid input 'priority': 'urgent' is not a priority; expected normal or high.",
    })
  })

  test('warn-after takes a duration as timeout does, and nothing when empty; the LockSpec carries both', () => {
    assert.equal(readWarnAfter(reader({})), undefined)
    assert.throws(() => readWarnAfter(reader({ 'warn-after': '9000h' })), /'warn-after'.* longer than a year/)
    assert.equal(readWarnAfter(reader({ 'warn-after': '10m' })), 600_000)
    assert.throws(
      () => readWarnAfter(reader({ 'warn-after': 'soon' })),
      /^InputError: Invalid input 'warn-after': 'soon' is not a duration/,
    )
    assert.deepEqual(readQueueing(reader({ priority: 'high', 'warn-after': '30s' })), {
      priority: 'high',
      warnAfterMs: 30_000,
    })
    assert.deepEqual(readQueueing(reader({ priority: 'normal' })), {})
  })

  test('a LockSpec read back keeps its priority and warn-after, and refuses a priority it does not know', () => {
    const spec = {
      endpoint: 'https://a.blob.core.windows.net',
      container: 'locks',
      lockName: 'x',
      leaseDurationSeconds: 60,
    }
    assert.deepEqual(parseLockSpec({ ...spec, priority: 'high', warnAfterMs: 3_000 }), {
      ...spec,
      priority: 'high',
      warnAfterMs: 3_000,
    })
    assert.throws(() => parseLockSpec({ ...spec, priority: 'urgent' }), /priority/)
    assert.throws(() => parseLockSpec({ ...spec, warnAfterMs: -1 }), /warnAfterMs/)
  })

  test('the command line takes --priority and --warn-after, or their variables', () => {
    const line = parseCommandLine('hold', ['deploy', '--priority', 'high', '--', 'true'])
    assert.equal(readerOf(line, {})(Option.Priority), 'high')
    assert.equal(
      readerOf(parseCommandLine('hold', ['deploy', '--', 'true']), { AZURE_MUTEX_WARN_AFTER: '5m' })(Option.WarnAfter),
      '5m',
    )
  })
})

describe('the lines', () => {
  const waiter = entry(12).waiter
  const longWait = {
    type: 'long-wait' as const,
    waitedMs: 605_000,
    warnAfterMs: 600_000,
    heldMs: 1_500_000,
    place: {
      position: 3,
      queued: true,
      ahead: [waiter],
      holder: {
        record: { ...waiter!, acquiredAt: new Date().toISOString() },
        freshness: { kind: 'fresh' as const },
        infinite: false,
      },
    },
  }

  test('a long wait is one warning in the step, and one warning line of the command that names its flag', () => {
    const lines = linesFor(longWait, {
      endpoint: 'https://a.blob.core.windows.net',
      container: 'locks',
      lockName: 'deploy',
      leaseDurationSeconds: 60,
    })
    assert.equal(lines.length, 1)
    assert.equal(lines[0]!.level, 'warning')
    assert.match(
      lines[0]!.text,
      /^Lock locks\/deploy: waited 10m 5s, past 'warn-after' \(10m\); held by org\/job-12 run 12 \(holding since [\d:]+Z\) for 25m; 3rd in line\. Still waiting\.$/,
    )
    assert.match(
      waitLine(longWait, 'locks/deploy') ?? '',
      /^warning: Lock locks\/deploy: waited 10m 5s, past '--warn-after' \(10m\); held by /,
    )
  })
  test('a normal waiter is told who went ahead of it; a malformed priority is shown safely', () => {
    assert.equal(
      highPriorityAheadText({ type: 'high-priority-ahead', ticket: 12, waiter }, 'locks/deploy'),
      'A high-priority waiter joined ahead of you in the queue of locks/deploy: org/job-12 run 12 (entry 12).',
    )
    const text = malformedPriorityText(
      { type: 'malformed-priority', ticket: 3, waiter: undefined, value: '::error::x\n' },
      'locks/deploy',
    )
    assert.equal(
      text,
      "Entry 3 in the queue of locks/deploy (a waiter that wrote no record) gives the priority '\\x3a:error::x\\n', which is neither normal nor high: it counts as normal.",
    )
  })
})
