// The handover's part of npm run bench (npm run bench -- --only handover):
//
// - the handoff from the holder's post start to the next main's exit holding,
//   beside the 250 ms polling prototype of bench-queue.ts, measured in the same
//   run, alternating, each on a fresh lock;
// - its parts, from a proxy in front of both jobs: letting go (post start ->
//   storage answers the change), the head's look (-> the head's acquire is
//   sent), the acquire itself, and taking the lock (record, token, the
//   renewer's handshake, the exit);
// - the time the lock spent free between the two holders (a release answered
//   -> the next acquire answered; 0 when the lease was changed);
// - the queue's requests a minute (bench-queue.ts's measureQueueCost).

import { setTimeout as delay } from 'node:timers/promises'
import type { Azurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import { FaultProxy, type RequestLog } from '../test/support/fault-proxy.ts'
import { containerOn } from '../test/support/lock.ts'
import type { StepResult } from '../test/support/runner.ts'
import { baselineHandoff } from './bench-queue.ts'

const INPUTS = { 'lease-duration': '15', timeout: '60s' }
/** How long the next job waits before the holder's post runs: long enough to be at the head of the queue. */
const WAITER_HEAD_START_MS = 1_500

export interface HandoverSample {
  /** Holder's post start -> next main exit holding (ms). */
  handoff: number
  /** Post start -> storage answered the change (or the release). */
  letGo: number
  /** Change answered -> the next job's acquire sent: the head's look interval. */
  look: number
  /** The next job's acquire, sent -> answered. */
  acquire: number
  /** Acquire answered -> next main exit: record, token, renewer handshake, exit. */
  take: number
  /** Of take: acquire answered -> the holder record written (the fencing token, then the record). */
  record: number
  /** Of take: record written -> the renewer's first renewal answered (main hands the lease to its renewer). */
  handshake: number
  /** Of take: that renewal answered -> next main exit (the renewer tells main, main writes its outputs and exits). */
  exit: number
  /** How long the lease was free between the two holders. */
  free: number
  /** The holder changed the lease (true) or released it. */
  changed: boolean
}

export interface HandoverBench {
  action: HandoverSample[]
  baseline: number[]
}

function mustSucceed(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0 || result.errors.length > 0) {
    throw new Error(
      `${step} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join('; ') || result.stdout}`,
    )
  }
  return result
}

async function handover(azurite: Azurite, proxy: FaultProxy, lock: string): Promise<HandoverSample> {
  const via = { ...INPUTS, 'connection-string': proxy.connectionString }
  const holder = jobFor(azurite, 'bench/holder', lock, via)
  const next = jobFor(azurite, 'bench/next', lock, via)
  try {
    mustSucceed('holder main', await holder.runMain())
    const nextMain = next.runMain()
    await delay(WAITER_HEAD_START_MS)
    const postStarts = Date.now()
    const holderPost = holder.runPost()
    const main = mustSucceed('next main', await nextMain)
    mustSucceed('holder post', await holderPost)
    mustSucceed('next post', await next.runPost())
    const onLock = (r: RequestLog): boolean =>
      r.path === `/devstoreaccount1/locks/${lock}` && r.status !== undefined && r.status < 300 && r.at >= postStarts
    const letGo = proxy.log.find((r) => onLock(r) && (r.kind === 'change' || r.kind === 'release'))
    const acquire = proxy.log.find((r) => onLock(r) && r.kind === 'acquire')
    if (!letGo?.answeredAt || !acquire?.answeredAt) throw new Error('the handoff did not go through the proxy')
    const changed = letGo.kind === 'change'
    const after = (r: RequestLog, t: number): boolean => r.at >= t && r.answeredAt !== undefined
    // The new holder's record is the last metadata write main sends; the renewer's first renewal follows it.
    const record = proxy.log.findLast(
      (r) => onLock(r) && r.kind === 'metadata' && r.by === 'other' && after(r, acquire.at) && r.at <= main.endedAt,
    )
    const renewal = proxy.log.find((r) => onLock(r) && r.kind === 'renew' && r.by === 'renewer' && after(r, acquire.at))
    const recordAt = record?.answeredAt ?? acquire.answeredAt
    const renewedAt = Math.max(renewal?.answeredAt ?? recordAt, recordAt)
    return {
      handoff: main.endedAt - postStarts,
      letGo: letGo.answeredAt - postStarts,
      look: acquire.at - letGo.answeredAt,
      acquire: acquire.answeredAt - acquire.at,
      take: main.endedAt - acquire.answeredAt,
      record: recordAt - acquire.answeredAt,
      handshake: renewedAt - recordAt,
      exit: main.endedAt - renewedAt,
      free: changed ? 0 : acquire.answeredAt - letGo.answeredAt,
      changed,
    }
  } finally {
    holder.complete()
    next.complete()
  }
}

/** `runs` handovers and as many prototype handoffs, alternating, each on a fresh lock. */
export async function measureHandover(azurite: Azurite, runs: number, progress: () => void): Promise<HandoverBench> {
  await containerOn(azurite, 'locks').createIfNotExists()
  const proxy = await new FaultProxy(azurite.port).start()
  const result: HandoverBench = { action: [], baseline: [] }
  try {
    for (let i = 0; i < runs; i++) {
      result.action.push(await handover(azurite, proxy, `handover-${i}`))
      result.baseline.push(await baselineHandoff(azurite, `handover-baseline-${i}`))
      proxy.log.length = 0
      progress()
    }
  } finally {
    await proxy.stop()
  }
  return result
}
