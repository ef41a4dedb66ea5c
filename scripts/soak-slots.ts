// The slots phase of npm run soak (`--only slots` runs it alone): `loops` job
// loops run `jobs` jobs with 'slots: 3' on one lock (main, a short protected
// step of random length, post), while a foreign client takes the lock blob's
// lease directly, as go-azuremutex would (it holds slot 1). Each hold is a
// span, as in the contention phases: for a job from its main step's exit to
// its post step's start, for the foreign client from its acquire's answer to
// its release call. Meanwhile the slots' lease states are sampled. Verdict:
// never more than 3 holders at once, by the spans and by the lease states, no
// lease lost, no step failed.

import { setTimeout as delay } from 'node:timers/promises'
import { BlobServiceClient } from '@azure/storage-blob'
import type { Azurite } from '../test/support/azurite.ts'
import { jobFor, leasedCount, slotLeasesOf } from '../test/support/e2e.ts'
import type { StepResult } from '../test/support/runner.ts'
import { mostAtOnce, type Span } from '../test/support/spans.ts'

export interface SlotsOptions {
  jobs: number
  loops: number
  stopping: () => boolean
}

const SLOTS = 3
const LOCK = 'soak-slots'
const LOST = /was lost/

function problemOf(what: string, result: StepResult): string | undefined {
  if (result.exitCode === 0 && result.errors.length === 0) return undefined
  return `${what} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join(' | ')}`
}

/** Runs the phase and prints its block; returns its number of problems. */
export async function slotsPhase(azurite: Azurite, options: SlotsOptions): Promise<number> {
  const spans: Span[] = []
  const failures: string[] = []
  const lost: string[] = []
  let started = 0
  let done = false
  const begun = Date.now()
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('locks')
  await container.createIfNotExists()
  const loop = async (index: number): Promise<void> => {
    const repository = `soak-slots-${String(index).padStart(2, '0')}/service`
    while (!options.stopping() && started < options.jobs) {
      started++
      const job = jobFor(azurite, repository, LOCK, { slots: String(SLOTS), timeout: '10m' }, { workflow: 'soak' })
      try {
        const main = await job.runMain()
        const mainProblem = problemOf(`${repository} main`, main)
        if (mainProblem) failures.push(mainProblem)
        else {
          const holdMs = 20 + Math.floor(Math.random() * 400)
          const step = await job.runScript(`setTimeout(() => {}, ${holdMs})`)
          const stepProblem = problemOf(`${repository} step`, step)
          if (stepProblem) failures.push(stepProblem)
        }
        const post = await job.runPost()
        if (!mainProblem)
          spans.push({ who: `${repository}#${job.options.runId}`, enter: main.endedAt, exit: post.startedAt })
        const postProblem = problemOf(`${repository} post`, post)
        if (postProblem) failures.push(postProblem)
        if (post.errors.some((e) => LOST.test(e))) lost.push(`${repository}: ${post.errors.join(' | ')}`)
      } catch (err) {
        failures.push(`${repository}: the job broke: ${err instanceof Error ? err.message : String(err)}`)
      } finally {
        job.complete()
      }
    }
  }
  // A client that does not queue, on the lock blob (slot 1): it takes the lease when it is free.
  const foreign = async (): Promise<number> => {
    const blob = container.getBlobClient(LOCK)
    let holds = 0
    while (!done) {
      const lease = blob.getBlobLeaseClient()
      try {
        await lease.acquireLease(15)
      } catch {
        await delay(300 + Math.random() * 400)
        continue
      }
      const enter = Date.now()
      await delay(100 + Math.random() * 200)
      spans.push({ who: `foreign#${++holds}`, enter, exit: Date.now() })
      await lease.releaseLease().catch((err: unknown) => failures.push(`foreign: release failed: ${String(err)}`))
      await delay(1_000 + Math.random() * 1_000)
    }
    return holds
  }
  // The lease states, every 200 ms: the lock blob and every slot blob.
  let mostLeased = 0
  let strangeBlobs = 0
  const sample = async (): Promise<void> => {
    while (!done) {
      try {
        const states = await slotLeasesOf(container, LOCK)
        for (const name of states.keys()) if (name !== LOCK && !/\/slots\/[23]$/.test(name)) strangeBlobs++
        mostLeased = Math.max(mostLeased, leasedCount(states))
      } catch {
        // A sample that fails is skipped.
      }
      await delay(200)
    }
  }
  const side = Promise.all([foreign(), sample()])
  await Promise.all(Array.from({ length: options.loops }, (_, i) => loop(i + 1)))
  done = true
  const [[foreignHolds]] = await Promise.all([side])
  const minutes = (Date.now() - begun) / 60_000
  const { most, over: moments } = mostAtOnce(spans, SLOTS)
  console.log(
    `Slots on ${LOCK}: ${options.loops} job loops with 'slots: ${SLOTS}' + 1 foreign client on the lock blob, ${minutes.toFixed(1)} min`,
  )
  console.log(
    `  holds recorded        ${spans.length} (action ${spans.length - foreignHolds}, foreign ${foreignHolds})`,
  )
  console.log(
    `  most at once (spans)  ${most}; moments with more than ${SLOTS}: ${moments}${moments === 0 ? ' (pass)' : ' (FAIL)'}`,
  )
  console.log(
    `  most leased (samples) ${mostLeased}${mostLeased <= SLOTS ? ' (pass)' : ' (FAIL)'}; blobs that are no slot: ${strangeBlobs}`,
  )
  console.log(`  lost leases           ${lost.length}${lost.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const l of lost.slice(0, 10)) console.log(`    ${l}`)
  console.log(`  failed steps, errors  ${failures.length}${failures.length === 0 ? ' (pass)' : ' (FAIL)'}`)
  for (const f of failures.slice(0, 20)) console.log(`    ${f}`)
  return moments + (mostLeased > SLOTS ? 1 : 0) + strangeBlobs + lost.length + failures.length
}
