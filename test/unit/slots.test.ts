// Slots' pure rules (slots.ts): which slot a waiter may take, the number a
// counter keeps, the 'slots' input, the lock description that carries it, and
// the line that names the holders.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { InputError, readSettings, readSlots } from '../../src/action/inputs.ts'
import { reservedNames, slotBlobName, slotOf } from '../../src/lock/reserved.ts'
import { handoverTarget } from '../../src/lock/queue/handover.ts'
import {
  describeSlotsHeld,
  keptSlots,
  servedTickets,
  slotToTake,
  slotsHeld,
  slotsMismatchMessage,
  storedSlots,
  type SlotBlobSeen,
  type SlotView,
} from '../../src/lock/queue/slots.ts'
import { MalformedError, parseLockSpec } from '../../src/lock/spec.ts'
import { asGivenFlag, optionWording, parseCommandLine, readerOf } from '../../src/cli/options.ts'
import { readSlots as readSlotsOption } from '../../src/settings/lock-spec.ts'
import { OptionError, spellOptionError } from '../../src/settings/option.ts'
import type { QueueEntry } from '../../src/lock/queue/entry.ts'

const free = (slot: number): SlotView => ({ slot, state: 'free' })
const leased = (slot: number, handedTo?: number): SlotView => ({
  slot,
  state: 'leased',
  ...(handedTo !== undefined ? { handedTo } : {}),
})

describe('which slot a waiter takes', () => {
  test('the first k waiters take the k free slots, each its own, and the waiter after them takes none', () => {
    const slots = [leased(1), free(2), leased(3), { slot: 4, state: 'missing' as const }]
    assert.equal(slotToTake(slots, 0)?.slot, 2)
    assert.equal(slotToTake(slots, 1)?.slot, 4)
    assert.equal(slotToTake(slots, 2), undefined)
    assert.equal(slotToTake(slots, 7), undefined)
  })

  test('with every slot held nobody takes one, and with one slot only the head takes the free lock', () => {
    assert.equal(slotToTake([leased(1), leased(2), leased(3)], 0), undefined)
    assert.equal(slotToTake([free(1)], 0)?.slot, 1)
    assert.equal(slotToTake([free(1)], 1), undefined)
  })

  test('a slot handed to our ticket is ours whatever stands ahead; one handed to another ticket is not free', () => {
    const slots = [leased(1, 7), leased(2, 9), free(3)]
    assert.equal(slotToTake(slots, 3, 9)?.slot, 2)
    assert.equal(slotToTake(slots, 0, 8)?.slot, 3)
    assert.equal(slotToTake(slots, 1, 8), undefined)
  })
})

describe('the number of slots a lock keeps', () => {
  test('is 1 when the counter keeps none, the number it keeps, and never trusted when it is not one', () => {
    assert.equal(storedSlots(undefined), 1)
    assert.equal(storedSlots({ value: '12' }), 1)
    assert.equal(storedSlots({ value: '12', azure_mutex_slots: '3' }), 3)
    assert.equal(storedSlots({ AZURE_MUTEX_SLOTS: '100' }), 100)
    for (const bad of ['0', '101', '-1', '3.5', ' 3', 'three', '']) {
      assert.equal(storedSlots({ azure_mutex_slots: bad }), 'malformed', bad)
    }
  })

  test('a job that asks for another number is told both numbers and how to change it, in one line', () => {
    const line = slotsMismatchMessage('acct/locks/deploy', 3, 2, 'locks/.azure-mutex/deploy/fencing')
    assert.equal(line.includes('\n'), false)
    assert.match(line, /set up with 3 slots, but this job asks for 2 slots \('slots: 2'\); it takes no lease\./)
    // Deleting the counter no longer changes the number: the message says to write it on the counter.
    assert.match(
      line,
      /drain.*write the new number on the counter blob that keeps it, locks\/\.azure-mutex\/deploy\/fencing, /,
    )
    assert.match(line, /deleting the counter does not change the number: the lock blob keeps it too\)\.$/)
    assert.match(
      slotsMismatchMessage('a/b/c', 3, 1, 'cmd', { gaveBack: true }),
      /asks for 1 slot .*gives back the lease/,
    )
  })
})

describe('the number of slots kept outside the counter, for a counter made again', () => {
  const slotBlob = (slot: number, leased: boolean, slots?: string): SlotBlobSeen => ({
    slot,
    leased,
    ...(slots === undefined ? {} : { metadata: { azure_mutex_slots: slots } }),
  })

  test('is what the holders of leased slot blobs wrote, ahead of what the lock blob keeps', () => {
    assert.equal(keptSlots({ azure_mutex_slots: '2' }, [slotBlob(2, true, '3'), slotBlob(3, true, '3')]), 3)
    // A slot blob that nobody holds says nothing of now.
    assert.equal(keptSlots({ azure_mutex_slots: '2' }, [slotBlob(2, false, '5')]), 2)
  })

  test('is what the lock blob keeps when no slot blob is held, 1 included', () => {
    assert.equal(keptSlots({ azure_mutex_slots: '3', azure_mutex_fencing_token: '9' }, []), 3)
    assert.equal(keptSlots({ AZURE_MUTEX_SLOTS: '1' }, []), 1)
  })

  test('is never below the highest slot that is leased, even with no number written', () => {
    assert.equal(keptSlots(undefined, [slotBlob(3, true)]), 3)
    assert.equal(keptSlots({ azure_mutex_slots: '1' }, [slotBlob(2, true)]), 2)
    assert.equal(keptSlots({ azure_mutex_slots: '5' }, [slotBlob(3, true)]), 5)
  })

  test('is undefined when nothing keeps one, and a number this action did not write is left out', () => {
    assert.equal(keptSlots(undefined, []), undefined)
    assert.equal(keptSlots({}, [slotBlob(2, false)]), undefined)
    for (const bad of ['0', '101', 'three', ' 3']) {
      assert.equal(keptSlots({ azure_mutex_slots: bad }, []), undefined, bad)
      assert.equal(keptSlots({ azure_mutex_slots: '2' }, [slotBlob(2, true, bad)]), 2, bad)
    }
  })
})

describe('the slots input and the lock description', () => {
  const reader =
    (inputs: Record<string, string>) =>
    (name: string): string =>
      inputs[name] ?? ''

  test('slots is 1 when not given, a whole number from 1 to 100 otherwise, and one line naming slots if not', () => {
    assert.equal(readSlots(reader({})), 1)
    assert.equal(readSlots(reader({ slots: '3' })), 3)
    assert.equal(readSlots(reader({ slots: '100' })), 100)
    for (const bad of ['0', '101', 'two', '1.5', '-3']) {
      assert.throws(
        () => readSlots(reader({ slots: bad })),
        (err: unknown) =>
          err instanceof InputError &&
          err.message === `Invalid input 'slots': '${bad}' is not a whole number from 1 to 100.`,
      )
    }
  })

  test('slots with scope run or a supersede key is refused, naming slots', () => {
    const base = { 'lock-name': 'deploy', 'connection-string': 'UseDevelopmentStorage=true', slots: '3' }
    assert.throws(
      () => readSettings(reader({ ...base, scope: 'run' }), {}),
      /^InputError: Invalid input 'slots': .*scope: run/,
    )
    assert.throws(
      () => readSettings(reader({ ...base, 'supersede-key': 'prod' }), { GITHUB_RUN_ID: '5' }),
      /^InputError: Invalid input 'slots': .*supersede-key/,
    )
    assert.equal(readSettings(reader(base), {}).lock.slots, 3)
    assert.equal(readSettings(reader({ ...base, slots: '1' }), {}).lock.slots, undefined, 'one slot is the plain lock')
  })

  test('a lock description read back keeps slots and slot, and refuses a slot beyond them', () => {
    const spec = { endpoint: 'http://127.0.0.1:1/acct', container: 'locks', lockName: 'x', leaseDurationSeconds: 15 }
    assert.deepEqual(parseLockSpec({ ...spec, slots: 3, slot: 2 }), { ...spec, slots: 3, slot: 2 })
    assert.deepEqual(parseLockSpec(spec), spec)
    for (const bad of [{ slots: 0 }, { slots: 101 }, { slots: 3, slot: 4 }, { slot: 2 }, { slots: 2.5 }]) {
      assert.throws(() => parseLockSpec({ ...spec, ...bad }), MalformedError, JSON.stringify(bad))
    }
  })
})

describe('the azure-mutex command', () => {
  test('takes --slots, else AZURE_MUTEX_SLOTS, and words a bad one with the flag', () => {
    const line = parseCommandLine('hold', ['deploy', '--slots', '3', '--', 'true'])
    assert.equal(readSlotsOption(readerOf(line, { AZURE_MUTEX_SLOTS: '5' })), 3)
    const variable = readerOf(parseCommandLine('hold', ['deploy', '--', 'true']), { AZURE_MUTEX_SLOTS: '5' })
    assert.equal(readSlotsOption(variable), 5)
    assert.throws(
      () => readSlotsOption(readerOf(parseCommandLine('hold', ['deploy', '--slots', '0']), {})),
      (err: unknown) =>
        err instanceof OptionError &&
        spellOptionError(err, optionWording(asGivenFlag)).startsWith("Invalid input '--slots': '0'"),
    )
  })
})

describe('slot blobs and lines', () => {
  test('slot 1 is the lock blob, the others are reserved blobs of the lock, and nothing else reads as a slot', () => {
    const { slotsPrefix } = reservedNames('a/b')
    assert.equal(slotBlobName('a/b', 1), 'a/b')
    assert.equal(slotBlobName('a/b', 3), `${slotsPrefix}3`)
    assert.equal(slotsPrefix, '.azure-mutex/a%2Fb/slots/')
    assert.equal(slotOf(slotsPrefix, `${slotsPrefix}3`, 3), 3)
    for (const name of [`${slotsPrefix}4`, `${slotsPrefix}1`, `${slotsPrefix}03`, `${slotsPrefix}x`, 'a/b']) {
      assert.equal(slotOf(slotsPrefix, name, 3), undefined, name)
    }
  })

  test('the line names the holders of the held slots, through showUntrusted', () => {
    const holder = {
      repository: 'org/api\u001b[31m',
      workflow: 'w',
      job: 'j',
      runId: '812',
      runAttempt: '1',
      actor: 'a',
      runUrl: '',
      acquiredAt: '2026-11-30T10:02:11.000Z',
    }
    const now = new Date('2026-11-30T12:00:00Z')
    const line = describeSlotsHeld(slotsHeld([{ slot: 1, state: 'leased', holder }, leased(2), free(3)]), now)
    assert.equal(line.includes('\u001b'), false)
    assert.match(
      line,
      /^2 of 3 slots held: org\/api.* run 812 \(since 10:02:11Z\), an unknown holder \(no holder record\)$/,
    )
    assert.equal(describeSlotsHeld(slotsHeld([free(1), free(2)]), now), '0 of 2 slots held')
  })
})

describe('slots that free up together', () => {
  const now = new Date('2026-11-30T12:00:00Z')
  const waiting = (ticket: number): QueueEntry => ({
    ticket,
    leased: true,
    modifiedAt: now,
    waiter: undefined,
    infinite: false,
    nextLeaseId: `00000000-0000-4000-8000-${String(ticket).padStart(12, '0')}`,
  })
  const holding = (slot: number, ticket: string): SlotView => ({
    slot,
    state: 'leased',
    holder: {
      repository: 'org/a',
      workflow: 'w',
      job: 'j',
      runId: '1',
      runAttempt: '1',
      actor: 'a',
      runUrl: '',
      acquiredAt: now.toISOString(),
      ticket,
    },
  })

  test('a waiter handed a slot, or holding one before it leaves the line, counts as served; a forged ticket does not', () => {
    assert.deepEqual([...servedTickets([leased(1, 7), holding(2, '8'), free(3), holding(4, '9x')])].sort(), [7, 8])
  })

  test('each holder that lets go hands its slot to the first waiter not served yet, not all to the head', () => {
    const line = { entries: [waiting(7), waiting(8), waiting(9)], serviceNow: now, complete: true }
    assert.equal(handoverTarget(line)?.ticket, 7)
    assert.equal(handoverTarget({ ...line, served: servedTickets([leased(1, 7)]) })?.ticket, 8)
    assert.equal(handoverTarget({ ...line, served: servedTickets([leased(1, 7), holding(3, '8')]) })?.ticket, 9)
    assert.equal(handoverTarget({ ...line, served: new Set([7, 8, 9]) }), undefined, 'nobody left to hand it to')
  })
})
