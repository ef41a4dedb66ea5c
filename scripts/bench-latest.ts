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

/** One round: a holder; two waiters of one key (the head, and one behind it); a newer job of the key joins. */
async function leaveRound(azurite: Azurite, i: number): Promise<{ head: number; behind: number }> {
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
    const head = job('bench/old-head', 1)
    const headRun = head.runMain()
    await seenAt(azurite, lock, 'bench/old-head')
    const behind = job('bench/old-behind', 2)
    const behindRun = behind.runMain()
    await seenAt(azurite, lock, 'bench/old-behind')
    // Let both settle into their rhythm of looks, at a random point of it.
    await delay(1_000 + Math.random() * 3_000)
    const newer = job('bench/newer', 3)
    const newerRun = newer.runMain()
    const joined = await seenAt(azurite, lock, 'bench/newer')
    const [headMain, behindMain] = await Promise.all([headRun, behindRun])
    for (const [name, main] of [
      ['head', headMain],
      ['behind', behindMain],
    ] as const) {
      mustSucceed(`old ${name} main`, main)
      if (main.outputs.outcome !== 'superseded') throw new Error(`the old ${name} ended '${main.outputs.outcome}'`)
    }
    mustSucceed('holder post', await holder.runPost())
    mustSucceed('newer main', await newerRun)
    mustSucceed('newer post', await newer.runPost())
    return { head: headMain.endedAt - joined, behind: behindMain.endedAt - joined }
  } finally {
    for (const made of jobs) made.complete()
  }
}

/** The requests one uncontended main step makes (the renewer's left out), through a proxy. */
async function mainRequests(azurite: Azurite, proxy: FaultProxy, i: number, key: boolean): Promise<number> {
  const lock = `latest-solo-${key ? 'keyed' : 'plain'}-${i}`
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
    const round = await leaveRound(azurite, i)
    numbers.leaveHead.push(round.head)
    numbers.leaveBehind.push(round.behind)
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
