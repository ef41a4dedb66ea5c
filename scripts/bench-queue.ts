// The queue's part of npm run bench, kept apart from the rest of bench.ts:
//
// - handoff: from the moment the holder's post step starts to the moment the
//   next job's main step ends holding the lock (its renewer confirmed), beside
//   a minimal baseline measured the same way in the same run: two bare node
//   processes that poll a plain lease every 250 ms and release it;
// - cost: the storage requests a minute of the waiter at the head of the
//   queue, of the one right behind it, and of one further back, split into
//   List Blobs (billed in the list class) and all others, counted by a proxy
//   in front of each.

import { setTimeout as delay } from 'node:timers/promises'
import { reservedNames } from '../src/lock/reserved.ts'
import type { Azurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import { FaultProxy } from '../test/support/fault-proxy.ts'
import { containerOn } from '../test/support/lock.ts'
import type { Job, StepResult } from '../test/support/runner.ts'

const INPUTS = { 'lease-duration': '15', timeout: '60s' }
/** How long the next job waits before the holder's post step runs: long enough to be at the head of the queue. */
const WAITER_HEAD_START_MS = 1_500

function mustSucceed(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0 || result.errors.length > 0) {
    throw new Error(
      `${step} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join('; ') || result.stdout}`,
    )
  }
  return result
}

/** Runs a step and says when it ended (its process exited and its output closed). */
async function endOf(step: Promise<StepResult>, name: string): Promise<number> {
  mustSucceed(name, await step)
  return Date.now()
}

/** The baseline's steps: plain node processes with the SDK, no queue, no renewer, no holder record. */
const BASELINE_TAKE = `
  const { BlobServiceClient } = require('@azure/storage-blob')
  const blob = BlobServiceClient.fromConnectionString(process.env.CONN).getContainerClient('locks').getBlobClient(process.env.BLOB)
  const lease = blob.getBlobLeaseClient(process.env.LEASE_ID)
  const poll = () => lease.acquireLease(15).then(() => {}, () => setTimeout(poll, 250))
  poll()`
const BASELINE_RELEASE = `
  const { BlobServiceClient } = require('@azure/storage-blob')
  const blob = BlobServiceClient.fromConnectionString(process.env.CONN).getContainerClient('locks').getBlobClient(process.env.BLOB)
  blob.getBlobLeaseClient(process.env.LEASE_ID).releaseLease()`

export interface Handoffs {
  /** The action: holder's post start -> next main exit, ms. */
  action: number[]
  /** The baseline, measured the same way, ms. */
  baseline: number[]
}

/** `runs` handoffs of the action and as many of the baseline, alternating, each on a fresh lock. */
export async function measureHandoffs(azurite: Azurite, runs: number, progress: () => void): Promise<Handoffs> {
  const result: Handoffs = { action: [], baseline: [] }
  await containerOn(azurite, 'locks').createIfNotExists()
  for (let i = 0; i < runs; i++) {
    result.action.push(await actionHandoff(azurite, `queue-handoff-${i}`))
    result.baseline.push(await baselineHandoff(azurite, `baseline-handoff-${i}`))
    progress()
  }
  return result
}

async function actionHandoff(azurite: Azurite, lock: string): Promise<number> {
  const holder = jobFor(azurite, 'bench/holder', lock, INPUTS)
  const next = jobFor(azurite, 'bench/next', lock, INPUTS)
  try {
    mustSucceed('holder main', await holder.runMain())
    const nextEnds = endOf(next.runMain(), 'next main')
    await delay(WAITER_HEAD_START_MS)
    const postStarts = Date.now()
    const holderPost = holder.runPost()
    const handoff = (await nextEnds) - postStarts
    mustSucceed('holder post', await holderPost)
    mustSucceed('next post', await next.runPost())
    return handoff
  } finally {
    holder.complete()
    next.complete()
  }
}

export async function baselineHandoff(azurite: Azurite, blobName: string): Promise<number> {
  await containerOn(azurite, 'locks').getBlockBlobClient(blobName).upload('', 0)
  const holder = jobFor(azurite, 'bench/baseline-holder', blobName)
  const next = jobFor(azurite, 'bench/baseline-next', blobName)
  const env = (leaseId: string): Record<string, string> => ({
    CONN: azurite.connectionString,
    BLOB: blobName,
    LEASE_ID: leaseId,
  })
  const holderLease = crypto.randomUUID()
  try {
    mustSucceed('baseline holder take', await holder.runScript(BASELINE_TAKE, env(holderLease)))
    const nextEnds = endOf(next.runScript(BASELINE_TAKE, env(crypto.randomUUID())), 'baseline next take')
    await delay(WAITER_HEAD_START_MS)
    const postStarts = Date.now()
    const release = holder.runScript(BASELINE_RELEASE, env(holderLease))
    const handoff = (await nextEnds) - postStarts
    mustSucceed('baseline release', await release)
    return handoff
  } finally {
    holder.complete()
    next.complete()
  }
}

export interface RequestRate {
  /** List Blobs: the list billing class. */
  list: number
  /** Every other request (reads, leases, metadata writes). */
  other: number
}

export interface QueueCost {
  windowMs: number
  head: RequestRate
  onDeck: RequestRate
  furtherBack: RequestRate
}

/** Requests a minute while a holder holds the lock and three jobs wait: the head, the next, and the one after. */
export async function measureQueueCost(
  azurite: Azurite,
  windowMs: number,
  /** Extra inputs for the i-th waiter (bench-latest.ts gives each a supersede key); its own lock when given. */
  inputsFor?: (i: number) => Record<string, string>,
): Promise<QueueCost> {
  const lock = inputsFor ? 'queue-cost-keyed' : 'queue-cost'
  const proxies = await Promise.all([1, 2, 3].map(() => new FaultProxy(azurite.port).start()))
  const jobs: Job[] = []
  try {
    const holder = jobFor(azurite, 'bench/holder', lock, INPUTS)
    jobs.push(holder)
    mustSucceed('holder main', await holder.runMain())
    const waiting: Array<Promise<StepResult>> = []
    for (const [i, proxy] of proxies.entries()) {
      const job = jobFor(azurite, `bench/waiter-${i}`, lock, {
        ...INPUTS,
        timeout: '5m',
        'connection-string': proxy.connectionString,
        ...inputsFor?.(i),
      })
      jobs.push(job)
      waiting.push(job.runMain())
      await untilQueued(azurite, lock, i + 1)
    }
    for (const proxy of proxies) proxy.log.length = 0
    await delay(windowMs)
    const rate = (proxy: FaultProxy): RequestRate => {
      const list = proxy.log.filter((r) => r.kind === 'list').length
      return {
        list: (list * 60_000) / windowMs,
        other: ((proxy.log.length - list) * 60_000) / windowMs,
      }
    }
    const cost = { windowMs, head: rate(proxies[0]!), onDeck: rate(proxies[1]!), furtherBack: rate(proxies[2]!) }
    mustSucceed('holder post', await holder.runPost())
    for (const [i, run] of waiting.entries()) {
      mustSucceed(`waiter ${i} main`, await run)
      mustSucceed(`waiter ${i} post`, await jobs[i + 1]!.runPost())
    }
    return cost
  } finally {
    for (const job of jobs) job.complete()
    for (const proxy of proxies) await proxy.stop()
  }
}

async function untilQueued(azurite: Azurite, lock: string, entries: number): Promise<void> {
  const locks = containerOn(azurite, 'locks')
  const deadline = Date.now() + 20_000
  for (;;) {
    const page = await locks
      .listBlobsFlat({ prefix: reservedNames(lock).queuePrefix })
      .byPage()
      .next()
    const count = page.done ? 0 : page.value.segment.blobItems.length
    if (count >= entries) return
    if (Date.now() > deadline) throw new Error(`only ${count} of ${entries} waiters joined the queue of ${lock}`)
    await delay(50)
  }
}
