// Shared pieces of the end-to-end suites: jobs wired to a test Azurite, and
// looks at the lock blob and the machine's processes from the outside.

import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import {
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob'
import { holderFromMetadata, type HolderRecord } from '../../src/lock/holder.ts'
import { reservedNames } from '../../src/lock/reserved.ts'
import { after, before } from 'node:test'
import type { ContainerClient } from '@azure/storage-blob'
import { DEV_ACCOUNT, DEV_KEY, startAzurite, type Azurite } from './azurite.ts'
import { stopAllClis } from './cli.ts'
import { FaultProxy, type RequestLog } from './fault-proxy.ts'
import { containerOn } from './lock.ts'
import { readStatusFile } from '../../src/renewer/status.ts'
import { Job, completeAllJobs, type JobOptions, type StepResult } from './runner.ts'

/** The storage of an end-to-end suite: an Azurite of its own, with the container 'locks'. */
export interface SuiteStorage {
  azurite: Azurite
  locks: ContainerClient
}

async function startSuiteStorage(): Promise<SuiteStorage> {
  const azurite = await startAzurite()
  const locks = containerOn(azurite, 'locks')
  await locks.createIfNotExists()
  return { azurite, locks }
}

/**
 * Starts the suite's Azurite and its 'locks' container before the suite's tests
 * and hands them to `use`; after the tests, ends every job and command still
 * running and stops Azurite. Call it inside a describe.
 */
export function withSuiteStorage(use: (storage: SuiteStorage) => void): void {
  let azurite: Azurite | undefined
  before(async () => {
    const storage = await startSuiteStorage()
    azurite = storage.azurite
    use(storage)
  })
  after(async () => {
    stopAllClis()
    completeAllJobs()
    await azurite?.stop()
  })
}

/** The storage of a suite whose jobs reach Azurite through a fault proxy, whose log is a lease-id log. */
export interface ProxiedStorage extends SuiteStorage {
  proxy: FaultProxy
  /** A job (see jobFor) whose every process talks to storage through the proxy, so the proxy's log sees it. */
  proxied: (repository: string, lockName: string, inputs?: Record<string, string>) => Job
}

/**
 * Like withSuiteStorage, and starts a fault proxy in front of the suite's
 * Azurite; after the tests, ends every job still running and stops the proxy,
 * then Azurite. Call it inside a describe.
 */
export function withProxiedStorage(use: (storage: ProxiedStorage) => void): void {
  let azurite: Azurite | undefined
  let proxy: FaultProxy | undefined
  before(async () => {
    const storage = await startSuiteStorage()
    azurite = storage.azurite
    const started = await new FaultProxy(storage.azurite.port).start()
    proxy = started
    const proxied = (repository: string, lockName: string, inputs: Record<string, string> = {}): Job =>
      jobFor(storage.azurite, repository, lockName, { 'connection-string': started.connectionString, ...inputs })
    use({ ...storage, proxy: started, proxied })
  })
  after(async () => {
    completeAllJobs()
    await proxy?.stop()
    await azurite?.stop()
  })
}

/**
 * The lease requests (acquire, change, release) on the lock blob `locks/<lockName>`
 * that storage granted, sent at `since` or later, in the order the proxy saw them.
 */
export function grantedOnLock(proxy: FaultProxy, lockName: string, since = -Infinity): RequestLog[] {
  return proxy.log.filter(
    (r) =>
      r.path === `/devstoreaccount1/locks/${lockName}` &&
      ['acquire', 'change', 'release'].includes(r.kind) &&
      r.status !== undefined &&
      r.status < 300 &&
      r.at >= since,
  )
}

/** A run step that records its critical section in the file $SPANS: enter, 100 ms of work, exit (see servedInTurn). */
export const CRITICAL = `
  const fs = require('node:fs')
  const who = process.env.GITHUB_REPOSITORY
  fs.appendFileSync(process.env.SPANS, 'enter ' + who + ' ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit ' + who + ' ' + Date.now() + '\\n'), 100)`

let runs = 100

/** A job "from another repository" that takes `lockName` on `azurite` with a 15 s lease. */
export function jobFor(
  azurite: Azurite,
  repository: string,
  lockName: string,
  inputs: Record<string, string> = {},
  options: Partial<JobOptions> = {},
): Job {
  return new Job({
    repository,
    runId: String(runs++),
    ...options,
    inputs: {
      'lock-name': lockName,
      'connection-string': azurite.connectionString,
      'lease-duration': '15',
      ...inputs,
    },
  })
}

export interface BlobLook {
  exists: boolean
  leaseState: string | undefined
  holder: HolderRecord | undefined
}

export async function lookAtLock(azurite: Azurite, lockName: string, container = 'locks'): Promise<BlobLook> {
  try {
    const props = await containerOn(azurite, container).getBlobClient(lockName).getProperties()
    return { exists: true, leaseState: props.leaseState, holder: holderFromMetadata(props.metadata) }
  } catch {
    return { exists: false, leaseState: undefined, holder: undefined }
  }
}

/**
 * The lease state of every blob of a lock that is or could be a slot, by name:
 * the lock blob (slot 1, when it exists) and each blob in the lock's slots folder.
 */
export async function slotLeasesOf(locks: ContainerClient, lockName: string): Promise<Map<string, string>> {
  const states = new Map<string, string>()
  const lock = await locks
    .getBlobClient(lockName)
    .getProperties()
    .catch(() => undefined)
  if (lock) states.set(lockName, lock.leaseState ?? 'available')
  for await (const blob of locks.listBlobsFlat({ prefix: reservedNames(lockName).slotsPrefix })) {
    states.set(blob.name, blob.properties.leaseState ?? 'available')
  }
  return states
}

/** How many of these blobs are leased: how many slots are held at once. */
export function leasedCount(states: Map<string, string>): number {
  return [...states.values()].filter((state) => state === 'leased').length
}

/** One entry of a lock's queue, as a test sees it from outside. */
export interface QueuedEntry {
  /** The entry's blob name; its last segment is the ticket. */
  name: string
  /** The repository its record names, if any. */
  repository: string | undefined
  /** Whether the entry's blob is leased (a waiter at the head keeps its entry leased). */
  leased: boolean
}

/** The entries of a lock's queue, in ticket order. */
export async function queueOf(azurite: Azurite, lockName: string, container = 'locks'): Promise<QueuedEntry[]> {
  const entries: QueuedEntry[] = []
  for await (const blob of containerOn(azurite, container).listBlobsFlat({
    prefix: reservedNames(lockName).queuePrefix,
    includeMetadata: true,
  })) {
    entries.push({
      name: blob.name,
      repository: blob.metadata?.holder_repository,
      leased: blob.properties.leaseState === 'leased',
    })
  }
  return entries
}

/**
 * Polls the queue until it shows what `seen` looks for (a repository's entry, or a
 * number of entries), failing the test at the limit; resolves with the time it was seen.
 */
export function untilQueued(
  azurite: Azurite,
  lockName: string,
  seen: string | number | ((entries: QueuedEntry[]) => boolean),
  limitMs = 15_000,
): Promise<number> {
  const found =
    typeof seen === 'function'
      ? seen
      : typeof seen === 'number'
        ? (entries: QueuedEntry[]) => entries.length >= seen
        : (entries: QueuedEntry[]) => entries.some((entry) => entry.repository === seen)
  return pollQueue(azurite, lockName, found, typeof seen === 'function' ? 'what was awaited' : String(seen), limitMs)
}

/**
 * Polls the queue until `repository` waits in it: its entry is there and leased
 * (not merely written). Fails the test at the limit; resolves with the time it was seen.
 */
export function untilWaiting(
  azurite: Azurite,
  lockName: string,
  repository: string,
  limitMs = 15_000,
): Promise<number> {
  const found = (entries: QueuedEntry[]) => entries.some((entry) => entry.leased && entry.repository === repository)
  return pollQueue(azurite, lockName, found, `a leased entry of ${repository}`, limitMs)
}

async function pollQueue(
  azurite: Azurite,
  lockName: string,
  found: (entries: QueuedEntry[]) => boolean,
  what: string,
  limitMs: number,
): Promise<number> {
  const deadline = Date.now() + limitMs
  while (!found(await queueOf(azurite, lockName))) {
    assert.ok(Date.now() < deadline, `the queue of ${lockName} never showed ${what}`)
    await delay(25)
  }
  return Date.now()
}

/** Polls until the lock blob's lease is available again; returns when that was seen, or undefined at the limit. */
export async function waitUntilFree(azurite: Azurite, lockName: string, limitMs: number): Promise<number | undefined> {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    const look = await lookAtLock(azurite, lockName)
    if (look.leaseState !== 'leased') return Date.now()
    await delay(100)
  }
  return undefined
}

/** Command lines of every process on the machine. */
export function allCommandLines(): string[] {
  const lines: string[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      lines.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '))
    } catch {
      // exited meanwhile
    }
  }
  return lines
}

export function environOf(pid: number): string {
  return readFileSync(`/proc/${pid}/environ`, 'utf8')
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** The pid of a renewer, as its status file says (what a test can see from outside the job). */
export function renewerPid(use: Pick<Job, 'state'>): number {
  const report = readStatusFile(use.state['renewer-status-file'] ?? '')
  if (!report) throw new Error(`no renewer status file for this job (${use.state['renewer-status-file']})`)
  return report.pid
}

/**
 * Resolves with the first line of a step's stdout that matches, as the step
 * prints it; rejects if the step exits first. For acting at a known point of a
 * step (it is waiting, it has started its work) instead of after a fixed time.
 */
export function stdoutLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const onData = (chunk: Buffer): void => {
      text += chunk.toString()
      const line = text.split('\n').find((l) => pattern.test(l))
      if (line !== undefined) {
        child.stdout?.off('data', onData)
        resolve(line)
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', () => reject(new Error(`the step exited before printing a line that matches ${pattern}`)))
  })
}

/** Every file under the job's RUNNER_TEMP (state, outputs, renewer status and log), as text. */
export function filesOf(job: Job): string {
  const texts: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else texts.push(readFileSync(path, 'utf8'))
    }
  }
  walk(job.temp)
  return texts.join('\n')
}

/** A container SAS for the test Azurite's account, valid for an hour, with the given permissions ('rwcdl'). */
export function containerSas(permissions: string, container = 'locks'): string {
  return generateBlobSASQueryParameters(
    {
      containerName: container,
      permissions: ContainerSASPermissions.parse(permissions),
      expiresOn: new Date(Date.now() + 3_600_000),
    },
    new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY),
  ).toString()
}

/** Asserts that a step passed without an error annotation, and returns its result. */
export function mustPass(step: string, result: StepResult): StepResult {
  assert.equal(result.exitCode, 0, `${step}: ${result.stdout}${result.stderr}`)
  assert.deepEqual(result.errors, [], step)
  return result
}

/**
 * Reads a spans file ("enter WHO MS" and "exit WHO MS" lines, written by the
 * protected steps), asserts that no two of them overlapped, and returns who
 * entered, in order.
 */
export function servedInTurn(spans: string): string[] {
  const events = readFileSync(spans, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ') as [string, string, string])
    .sort((a, b) => Number(a[2]) - Number(b[2]) || (a[0] === 'exit' ? -1 : 1))
  let inside: string | undefined
  for (const [kind, who] of events) {
    if (kind === 'enter') assert.equal(inside, undefined, `${who} entered while ${inside} held the lock`)
    inside = kind === 'enter' ? who : undefined
  }
  return events.filter(([kind]) => kind === 'enter').map(([, who]) => who)
}
