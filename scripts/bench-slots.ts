// The slots part of npm run bench (npm run bench -- --only slots runs it
// alone): 12 jobs with equal holds through a lock of 3 slots, against the same
// 12 through a lock of one slot, in the same run on the same Azurite (the
// throughput ratio should come close to 3x); and the requests of one waiter's
// look at the lock with 3 slots against 1.

import { setTimeout as delay } from 'node:timers/promises'
import { DEV_ACCOUNT, DEV_KEY, type Azurite } from '../test/support/azurite.ts'
import { jobFor, untilQueued } from '../test/support/e2e.ts'
import { mostAtOnce, newSpanFile, readSpanFile } from '../test/support/spans.ts'
import type { StepResult } from '../test/support/runner.ts'
import { openLock } from '../src/lock/lock-blob.ts'
import type { LockSpec } from '../src/lock/spec.ts'

/** How long each job holds the lock (its protected step), in ms. */
const HOLD_MS = 2_000
const JOBS = 12

const CRITICAL = `
  const fs = require('node:fs')
  fs.appendFileSync(process.env.SPANS, 'enter ' + process.env.GITHUB_REPOSITORY + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + process.env.GITHUB_REPOSITORY + ' ' + Date.now() + '\\n'), ${HOLD_MS})`

function must(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0 || result.errors.length > 0) {
    throw new Error(`${step} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join('; ')}`)
  }
  return result
}

/**
 * 12 jobs arrive 100 ms apart and each holds HOLD_MS: the time from the first
 * entry to the last exit, and the most at once. With `queuedFirst`, N gate jobs
 * hold every slot until all 12 have queued, then let go together: the 12 mains
 * (and their renewers) have started by then, so the time is the queue's alone,
 * not also the start of 24 processes on this one machine, which falls inside
 * the 3-slot run's first round (on GitHub each job has a runner of its own).
 */
async function throughput(
  azurite: Azurite,
  slots: number,
  { queuedFirst = false } = {},
): Promise<{ ms: number; most: number }> {
  const lock = `bench-slots-${slots}-${queuedFirst ? 'q' : 'a'}-${Date.now() % 100_000}`
  const spans = newSpanFile('bench-slots-')
  const inputs: Record<string, string> = slots > 1 ? { slots: String(slots) } : {}
  const gates = queuedFirst
    ? Array.from({ length: slots }, (_, i) => jobFor(azurite, `bench-gate-${i}/app`, lock, inputs))
    : []
  for (const gate of gates) must('gate main', await gate.runMain())
  const runs = []
  for (let i = 0; i < JOBS; i++) {
    const job = jobFor(azurite, `bench-${i}/app`, lock, inputs)
    runs.push(
      (async () => {
        must('main', await job.runMain())
        must('step', await job.runScript(CRITICAL, { SPANS: spans }))
        must('post', await job.runPost())
        job.complete()
      })(),
    )
    await delay(100)
  }
  if (queuedFirst) {
    await untilQueued(azurite, lock, JOBS, 60_000)
    await Promise.all(gates.map(async (gate) => must('gate post', await gate.runPost())))
    for (const gate of gates) gate.complete()
  }
  await Promise.all(runs)
  const { spans: held } = readSpanFile(spans)
  const first = Math.min(...held.map((s) => s.enter))
  const last = Math.max(...held.map((s) => s.exit))
  return { ms: last - first, most: mostAtOnce(held).most }
}

/** The requests one look costs: with 3 slots the waiter's look (a listing and the lock blob's HEAD); with 1, the head's look and a listing further back. */
async function lookCost(azurite: Azurite): Promise<{ three: number; oneHead: number; oneBehind: number }> {
  let count = 0
  const spec = (slots: number): LockSpec => ({
    endpoint: azurite.blobEndpoint,
    container: 'locks',
    lockName: `bench-look-${slots}`,
    leaseDurationSeconds: 15,
    ...(slots > 1 ? { slots } : {}),
  })
  const options = { observe: () => void (count += 1) }
  const auth = { kind: 'shared-key' as const, accountName: DEV_ACCOUNT, accountKey: DEV_KEY }
  const three = openLock(auth, spec(3), options)
  await three.create()
  await three.slotted!.agree({})
  count = 0
  await three.slotted!.look({})
  const threeCount = count
  const one = openLock(auth, spec(1), options)
  await one.create()
  count = 0
  await one.view()
  const oneHead = count
  count = 0
  await one.queue.look({})
  return { three: threeCount, oneHead, oneBehind: count }
}

export async function measureSlotsPart(azurite: Azurite): Promise<void> {
  process.stdout.write(`\nslots: ${JOBS} jobs holding ${HOLD_MS} ms each, through 3 slots and through 1 `)
  const three = await throughput(azurite, 3)
  process.stdout.write('.')
  const one = await throughput(azurite, 1)
  process.stdout.write('.')
  const threeQueued = await throughput(azurite, 3, { queuedFirst: true })
  process.stdout.write('.')
  const oneQueued = await throughput(azurite, 1, { queuedFirst: true })
  process.stdout.write('.')
  const cost = await lookCost(azurite)
  console.log('\n')
  console.log(`Slots: ${JOBS} jobs with equal holds of ${HOLD_MS} ms, first entry to last exit:`)
  console.log(`  3 slots                              ${three.ms} ms (at most ${three.most} at once)`)
  console.log(`  1 slot                               ${one.ms} ms (at most ${one.most} at once)`)
  console.log(`  throughput, 3 slots / 1 slot         ${(one.ms / three.ms).toFixed(2)}x (ideal 3x)`)
  console.log(`The same 12, all queued first behind gate jobs that hold every slot and let go together:`)
  console.log(`  3 slots                              ${threeQueued.ms} ms (at most ${threeQueued.most} at once)`)
  console.log(`  1 slot                               ${oneQueued.ms} ms (at most ${oneQueued.most} at once)`)
  console.log(`  throughput, 3 slots / 1 slot         ${(oneQueued.ms / threeQueued.ms).toFixed(2)}x (ideal 3x)`)
  console.log("Slots: requests of one waiter's look:")
  console.log(`  3 slots (queue and every slot)       ${cost.three} (one listing of the lock's folder, one HEAD)`)
  console.log(`  1 slot, head (the lock blob)         ${cost.oneHead}`)
  console.log(`  1 slot, behind the head (the queue)  ${cost.oneBehind}`)
  console.log(`  a HEAD per slot and a listing        ${3 + 1} (what one listing saves)`)
  console.log("  The HEAD stays: the lock blob (slot 1) is outside the lock's folder, and only a listing of the")
  console.log('  whole container covers both. It goes beside the listing (one round trip), and a waiter further')
  console.log('  back than N lists alone.')
}
