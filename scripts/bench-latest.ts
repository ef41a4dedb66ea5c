// The latest-wins part of npm run bench (npm run bench -- --only latest runs it alone):
//
// - leave time: from a newer job's entry showing in the queue to the end of
//   the main step of an older waiter of the same key, at the head of the
//   queue and further back;
// - cost per waiter-minute: the requests a minute of waiters with a key
//   (each its own key, so that none leaves), beside waiters without one,
//   measured in the same run;
// - cost of an uncontended main step with a key: its requests, counted by a
//   proxy, beside the same step without a key.

import { setTimeout as delay } from 'node:timers/promises'
import { reservedNames } from '../src/lock/reserved.ts'
import type { Azurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import { FaultProxy } from '../test/support/fault-proxy.ts'
import { containerOn } from '../test/support/lock.ts'
import type { Job, StepResult } from '../test/support/runner.ts'
import { measureQueueCost, type QueueCost } from './bench-queue.ts'

const INPUTS = { 'lease-duration': '15', timeout: '2m' }

function mustSucceed(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0 || result.errors.length > 0) {
    throw new Error(
      `${step} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join('; ') || result.stdout}`,
    )
  }
  return result
}

async function seenAt(azurite: Azurite, lock: string, repository: string): Promise<number> {
  const locks = containerOn(azurite, 'locks')
  const deadline = Date.now() + 20_000
  for (;;) {
    for await (const blob of locks.listBlobsFlat({ prefix: reservedNames(lock).queuePrefix, includeMetadata: true })) {
      if (blob.metadata?.holder_repository === repository) return Date.now()
    }
    if (Date.now() > deadline) throw new Error(`${repository} did not join the queue of ${lock}`)
    await delay(20)
  }
}

export interface LatestNumbers {
  /** Newer job's entry seen -> the older waiter's main step ends, ms. */
  leaveHead: number[]
  leaveBehind: number[]
  keyedCost: QueueCost
  plainCost: QueueCost
  /** Requests of one uncontended main step (the renewer's left out). */
  mainRequestsKeyed: number[]
  mainRequestsPlain: number[]
}

/**
 * One round: a holder; an older job of a key waits, at the head of the queue
 * or behind a waiter without a key; a newer job of the key joins. Two waiters
 * of one key cannot both wait: the older leaves as soon as the newer joins.
 */
async function leaveRound(azurite: Azurite, i: number, atHead: boolean): Promise<number> {
  const lock = `latest-leave-${i}`
  const key = `bench/key-${i}`
  const jobs: Job[] = []
  const job = (repository: string, sequence: number): Job => {
    const made = jobFor(azurite, repository, lock, { ...INPUTS, 'supersede-key': key, sequence: String(sequence) })
    jobs.push(made)
    return made
  }
  try {
    const holder = jobFor(azurite, 'bench/holder', lock, INPUTS)
    jobs.push(holder)
    mustSucceed('holder main', await holder.runMain())
    let plain: Job | undefined
    let plainRun: Promise<StepResult> | undefined
    if (!atHead) {
      plain = jobFor(azurite, 'bench/plain', lock, INPUTS)
      jobs.push(plain)
      plainRun = plain.runMain()
      await seenAt(azurite, lock, 'bench/plain')
    }
    const old = job('bench/old', 1)
    const oldRun = old.runMain()
    await seenAt(azurite, lock, 'bench/old')
    // Let it settle into its rhythm of looks, and join at a random point of it.
    await delay(1_000 + Math.random() * 3_000)
    const newer = job('bench/newer', 2)
    const newerRun = newer.runMain()
    const joined = await seenAt(azurite, lock, 'bench/newer')
    const oldMain = mustSucceed('old main', await oldRun)
    if (oldMain.outputs.outcome !== 'superseded') throw new Error(`the old job ended '${oldMain.outputs.outcome}'`)
    mustSucceed('holder post', await holder.runPost())
    if (plain && plainRun) {
      mustSucceed('plain main', await plainRun)
      mustSucceed('plain post', await plain.runPost())
    }
    mustSucceed('newer main', await newerRun)
    mustSucceed('newer post', await newer.runPost())
    return oldMain.endedAt - joined
  } finally {
    for (const made of jobs) made.complete()
  }
}

/** The requests one uncontended main step makes (the renewer's left out), through a proxy. */
async function mainRequests(azurite: Azurite, proxy: FaultProxy, i: number, key: boolean): Promise<number> {
  // A lock whose blob exists, as it does after its first use: creating it costs requests of its own.
  const lock = `latest-solo-${key ? 'keyed' : 'plain'}-${i}`
  await containerOn(azurite, 'locks').getBlockBlobClient(lock).upload('', 0)
  const job = jobFor(azurite, 'bench/solo', lock, {
    ...INPUTS,
    'connection-string': proxy.connectionString,
    ...(key ? { 'supersede-key': 'bench/solo', sequence: String(i + 1) } : {}),
  })
  try {
    proxy.log.length = 0
    mustSucceed('solo main', await job.runMain())
    const count = proxy.log.filter((r) => r.by !== 'renewer').length
    mustSucceed('solo post', await job.runPost())
    return count
  } finally {
    job.complete()
  }
}

export async function measureLatest(
  azurite: Azurite,
  runs: number,
  costWindowMs: number,
  progress: () => void,
): Promise<LatestNumbers> {
  const numbers: LatestNumbers = {
    leaveHead: [],
    leaveBehind: [],
    keyedCost: undefined as unknown as QueueCost,
    plainCost: undefined as unknown as QueueCost,
    mainRequestsKeyed: [],
    mainRequestsPlain: [],
  }
  for (let i = 0; i < runs; i++) {
    numbers.leaveHead.push(await leaveRound(azurite, 2 * i, true))
    progress()
    numbers.leaveBehind.push(await leaveRound(azurite, 2 * i + 1, false))
    progress()
  }
  const proxy = await new FaultProxy(azurite.port).start()
  try {
    for (let i = 0; i < runs; i++) {
      numbers.mainRequestsPlain.push(await mainRequests(azurite, proxy, i, false))
      numbers.mainRequestsKeyed.push(await mainRequests(azurite, proxy, i, true))
      progress()
    }
  } finally {
    await proxy.stop()
  }
  numbers.plainCost = await measureQueueCost(azurite, costWindowMs)
  progress()
  numbers.keyedCost = await measureQueueCost(azurite, costWindowMs, (i) => ({ 'supersede-key': `bench/cost-${i}` }))
  progress()
  return numbers
}
