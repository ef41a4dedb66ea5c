// The soak's phase that deletes the action's folders while jobs queue
// (`--only wipe` runs it alone), called by soak.ts.
//
// Two locks at once, `loops` job loops on each, `jobs` jobs on each:
// - a keyed lock: jobs with one of `keys` supersede keys and a sequence from
//   one counter at the job's start, as GitHub hands out run ids; every fifth
//   job is a re-run of an old run of its key (a sequence below the highest
//   that has held it), which must never deploy;
// - a lock of 3 slots, beside one loop of jobs that ask for the default one
//   slot (with a 20 s timeout, from the first 3-slot job's hold on, as the
//   first job of a new lock sets its number), which must never hold it.
// Meanwhile a wiper deletes, every `wipeEveryMs`, every blob of both locks'
// .azure-mutex/<lock>/ folders that a delete without a lease takes: the
// counters, the keys' records, the slot blobs and entries nobody holds (the
// leased ones stay, as they would for an operator's `az storage blob
// delete-batch`). Verdict: on the keyed lock no overlapping holds and no stale
// deploy (a hold whose sequence is below one that held its key before it); on
// the slotted lock never more than 3 holders (spans and lease samples) and no
// one-slot job that held; no failed step, no lost lease.

import { setTimeout as delay } from 'node:timers/promises'
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob'
import { reservedNames } from '../src/lock/reserved.ts'
import type { Azurite } from '../test/support/azurite.ts'
import { jobFor, leasedCount, slotLeasesOf } from '../test/support/e2e.ts'
import type { StepResult } from '../test/support/runner.ts'
import { describePair, mostAtOnce, sweep, type Span } from '../test/support/spans.ts'

export interface WipeOptions {
  jobs: number
  loops: number
  keys: number
  wipeEveryMs: number
  /** Stops the loops early (the soak's SIGINT). */
  stopping: () => boolean
}

const KEYED_LOCK = 'soak-wipe-keyed'
const SLOTS_LOCK = 'soak-wipe-slots'
const SLOTS = 3
const RERUN_EVERY = 5
const CRITICAL = 'setTimeout(() => {}, 20)'
const LOST = /was lost/
/** What a job of one slot on the lock of 3 may say: refused for its number, or timed out in the queue. */
const ONE_SLOT_REFUSED = /is set up with 3 slots, but this job asks for 1 slot|^Timed out after/

function problemOf(what: string, result: StepResult): string | undefined {
  if (result.exitCode === 0 && result.errors.length === 0) return undefined
  return `${what} failed (exit ${result.exitCode ?? result.signal}): ${result.errors.join(' | ') || result.stderr.trim().split('\n').slice(-2).join(' | ')}`
}

interface Keyed {
  key: string
  sequence: number
  rerun: boolean
  outcome: string
  span?: Span
  problem?: string
}

/** What the wiper deleted, by kind of blob. */
type Deleted = Record<'counters' | 'records' | 'slots' | 'entries' | 'refused', number>

/** Deletes every blob of the lock's folder that a delete without a lease takes; a leased one stays. */
async function wipeFolder(container: ContainerClient, lockName: string, deleted: Deleted): Promise<void> {
  const names = reservedNames(lockName)
  for await (const blob of container.listBlobsFlat({ prefix: names.folder })) {
    try {
      await container.getBlobClient(blob.name).delete()
    } catch {
      deleted.refused++ // leased (a live waiter, a held slot), or gone meanwhile
      continue
    }
    if (blob.name === names.tickets || blob.name === names.fencing) deleted.counters++
    else if (blob.name.startsWith(names.latestPrefix)) deleted.records++
    else if (blob.name.startsWith(names.slotsPrefix)) deleted.slots++
    else deleted.entries++
  }
}

/** Runs the phase and prints its block; returns its number of problems. */
export async function wipePhase(azurite: Azurite, options: WipeOptions): Promise<number> {
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('locks')
  await container.createIfNotExists()
  const begun = Date.now()
  let done = false

  // ------------------------------------------------ the keyed lock
  const keyed: Keyed[] = []
  /** Per key, the highest sequence whose main step took the lock: an old re-run goes below it. */
  const heldTop = new Map<string, number>()
  let keyedStarted = 0
  let sequence = 1_000
  const keyedLoop = async (index: number): Promise<void> => {
    while (!options.stopping() && keyedStarted < options.jobs) {
      const n = keyedStarted++
      const key = `soak/key-${n % options.keys}`
      const top = heldTop.get(key)
      const rerun = n % RERUN_EVERY === RERUN_EVERY - 1 && top !== undefined
      const seq = rerun ? top - 1 - Math.floor(Math.random() * 5) : ++sequence
      const job = jobFor(
        azurite,
        `soak-wipe-keyed-${String(index).padStart(2, '0')}/service`,
        KEYED_LOCK,
        { 'supersede-key': key, sequence: String(seq), timeout: '10m' },
        { workflow: 'soak-wipe' },
      )
      const entry: Keyed = { key, sequence: seq, rerun, outcome: 'broke' }
      try {
        const main = await job.runMain()
        entry.outcome = main.outputs.outcome ?? '(none)'
        entry.problem = problemOf(`keyed job ${seq} main`, main)
        if (entry.outcome === 'acquired' && !entry.problem) {
          heldTop.set(key, Math.max(heldTop.get(key) ?? 0, seq))
          const step = await job.runScript(CRITICAL)
          entry.problem = problemOf(`keyed job ${seq} protected step`, step)
          const post = await job.runPost()
          entry.problem ??= problemOf(`keyed job ${seq} post`, post)
          entry.span = { who: `${key}#${seq}`, enter: main.endedAt, exit: post.startedAt }
        } else {
          entry.problem ??= problemOf(`keyed job ${seq} post`, await job.runPost())
        }
      } catch (err) {
        entry.problem = `keyed job ${seq} broke: ${String(err)}`
      } finally {
        job.complete()
      }
      keyed.push(entry)
    }
  }

  // ------------------------------------------------ the lock of 3 slots
  const slotSpans: Span[] = []
  const slotProblems: string[] = []
  const lost: string[] = []
  let slotsStarted = 0
  let slotsServed = 0
  const slotsLoop = async (index: number): Promise<void> => {
    const repository = `soak-wipe-slots-${String(index).padStart(2, '0')}/service`
    while (!options.stopping() && slotsStarted < options.jobs) {
      slotsStarted++
      const job = jobFor(
        azurite,
        repository,
        SLOTS_LOCK,
        { slots: String(SLOTS), timeout: '10m' },
        { workflow: 'soak' },
      )
      try {
        const main = await job.runMain()
        const mainProblem = problemOf(`${repository} main`, main)
        if (mainProblem) slotProblems.push(mainProblem)
        else {
          const step = await job.runScript(`setTimeout(() => {}, ${20 + Math.floor(Math.random() * 400)})`)
          const stepProblem = problemOf(`${repository} step`, step)
          if (stepProblem) slotProblems.push(stepProblem)
        }
        const post = await job.runPost()
        if (!mainProblem) {
          slotsServed++
          slotSpans.push({ who: `${repository}#${job.options.runId}`, enter: main.endedAt, exit: post.startedAt })
        }
        const postProblem = problemOf(`${repository} post`, post)
        if (postProblem) slotProblems.push(postProblem)
        if (post.errors.some((e) => LOST.test(e))) lost.push(`${repository}: ${post.errors.join(' | ')}`)
      } catch (err) {
        slotProblems.push(`${repository}: the job broke: ${err instanceof Error ? err.message : String(err)}`)
      } finally {
        job.complete()
      }
    }
  }
  // Jobs that ask for one slot on the lock of 3: each must be refused (or time out in the queue), never hold.
  const oneSlot = { tried: 0, refused: 0, held: [] as string[], other: [] as string[] }
  const oneSlotLoop = async (): Promise<void> => {
    // Not before the lock is set up with 3 slots: the first job of a new lock sets its number, whatever it is.
    while (!done && slotsServed === 0) await delay(200)
    while (!done) {
      const job = jobFor(azurite, 'soak-wipe-one-slot/service', SLOTS_LOCK, { timeout: '20s' }, { workflow: 'soak' })
      oneSlot.tried++
      try {
        const main = await job.runMain()
        if (main.exitCode === 0 && main.outputs.acquired === 'true') {
          oneSlot.held.push(`run ${job.options.runId} held the lock blob of a lock of 3 slots`)
        } else if (main.errors.length === 1 && ONE_SLOT_REFUSED.test(main.errors[0]!)) {
          oneSlot.refused++
        } else {
          oneSlot.other.push(problemOf(`one-slot run ${job.options.runId} main`, main) ?? `run ${job.options.runId}`)
        }
        await job.runPost()
      } catch (err) {
        oneSlot.other.push(`one-slot job broke: ${String(err)}`)
      } finally {
        job.complete()
      }
      await delay(500 + Math.random() * 1_000)
    }
  }
  // The slots' lease states, every 200 ms: never more than 3 leased.
  let mostLeased = 0
  const sample = async (): Promise<void> => {
    while (!done) {
      try {
        mostLeased = Math.max(mostLeased, leasedCount(await slotLeasesOf(container, SLOTS_LOCK)))
      } catch {
        // A sample that fails is skipped.
      }
      await delay(200)
    }
  }

  // ------------------------------------------------ the wiper
  const deleted: Deleted = { counters: 0, records: 0, slots: 0, entries: 0, refused: 0 }
  let wipes = 0
  const wiper = async (): Promise<void> => {
    while (!done) {
      await delay(options.wipeEveryMs * (0.5 + Math.random()))
      if (done) break
      try {
        await Promise.all([wipeFolder(container, KEYED_LOCK, deleted), wipeFolder(container, SLOTS_LOCK, deleted)])
        wipes++
      } catch {
        // A wipe that fails half way is counted by what it deleted.
      }
    }
  }

  const side = Promise.all([oneSlotLoop(), sample(), wiper()])
  await Promise.all([
    ...Array.from({ length: options.loops }, (_, i) => keyedLoop(i + 1)),
    ...Array.from({ length: options.loops }, (_, i) => slotsLoop(i + 1)),
  ])
  done = true
  await side

  // ------------------------------------------------ verdict
  const minutes = (Date.now() - begun) / 60_000
  const count = (outcome: string): number => keyed.filter((r) => r.outcome === outcome).length
  const keyedSpans = keyed.flatMap((r) => (r.span ? [r.span] : []))
  const { overlaps } = sweep(keyedSpans)
  // Per key, in the order they held: a hold below a sequence that held before it is a stale deploy.
  const staleDeploys: string[] = []
  for (let k = 0; k < options.keys; k++) {
    const key = `soak/key-${k}`
    const held = keyed.filter((r) => r.key === key && r.span).sort((a, b) => a.span!.enter - b.span!.enter)
    let top = -1
    for (const r of held) {
      if (r.sequence < top) staleDeploys.push(`${key}: ${r.sequence}${r.rerun ? ' (a re-run)' : ''} held after ${top}`)
      top = Math.max(top, r.sequence)
    }
  }
  const reruns = keyed.filter((r) => r.rerun)
  const rerunsHeld = reruns.filter((r) => r.outcome === 'acquired')
  const keyedProblems = keyed.flatMap((r) => (r.problem ? [r.problem] : []))
  const keyedOther = keyed.filter((r) => !['acquired', 'superseded', 'stale'].includes(r.outcome))
  const { most, over } = mostAtOnce(slotSpans, SLOTS)
  const pass = (n: number): string => `${n}${n === 0 ? ' (pass)' : ' (FAIL)'}`

  console.log(
    `Deleting .azure-mutex/ while jobs queue, on ${KEYED_LOCK} and ${SLOTS_LOCK}: ${options.loops} + ${options.loops} job loops, ` +
      `${minutes.toFixed(1)} min`,
  )
  console.log(
    `  wipes                 ${wipes} (deleted: ${deleted.counters} counters, ${deleted.records} key records, ` +
      `${deleted.slots} slot blobs, ${deleted.entries} entries; ${deleted.refused} leased blobs stayed)`,
  )
  console.log(`  keyed jobs            ${keyed.length} of ${options.jobs}, ${options.keys} keys`)
  console.log(
    `  outcomes              acquired ${count('acquired')}, superseded ${count('superseded')}, stale ${count('stale')}, ` +
      `other ${pass(keyedOther.length)}`,
  )
  console.log(`  overlapping holds     ${pass(overlaps.length)}`)
  for (const pair of overlaps.slice(0, 5)) console.log(`    ${describePair(pair)}`)
  console.log(`  stale deploys         ${pass(staleDeploys.length)}`)
  for (const s of staleDeploys.slice(0, 5)) console.log(`    ${s}`)
  console.log(
    `  old re-runs           ${reruns.length}, held ${pass(rerunsHeld.length)}` +
      ` (stale ${reruns.filter((r) => r.outcome === 'stale').length}, superseded ${reruns.filter((r) => r.outcome === 'superseded').length})`,
  )
  console.log(`  failed keyed steps    ${pass(keyedProblems.length)}`)
  for (const p of keyedProblems.slice(0, 10)) console.log(`    ${p}`)
  console.log(`  slotted jobs          ${slotsStarted} of ${options.jobs}, served ${slotsServed}`)
  console.log(`  most at once (spans)  ${most}; moments with more than ${SLOTS}: ${pass(over)}`)
  console.log(`  most leased (samples) ${mostLeased}${mostLeased <= SLOTS ? ' (pass)' : ' (FAIL)'}`)
  console.log(
    `  one-slot jobs         ${oneSlot.tried}, refused or timed out ${oneSlot.refused}, held ${pass(oneSlot.held.length)}, ` +
      `other ${pass(oneSlot.other.length)}`,
  )
  for (const h of [...oneSlot.held, ...oneSlot.other].slice(0, 10)) console.log(`    ${h}`)
  console.log(`  lost leases           ${pass(lost.length)}`)
  for (const l of lost.slice(0, 10)) console.log(`    ${l}`)
  console.log(`  failed slotted steps  ${pass(slotProblems.length)}`)
  for (const f of slotProblems.slice(0, 10)) console.log(`    ${f}`)
  const short = keyed.length === options.jobs && slotsStarted === options.jobs ? 0 : 1
  return (
    overlaps.length +
    staleDeploys.length +
    rerunsHeld.length +
    keyedProblems.length +
    keyedOther.length +
    over +
    (mostLeased > SLOTS ? 1 : 0) +
    oneSlot.held.length +
    oneSlot.other.length +
    lost.length +
    slotProblems.length +
    short
  )
}
