// npm run mutate [-- --only id,id] [-- --list] [-- --no-baseline]: a mutation
// check of the lines that keep the lock safe. Each mutant below changes one
// condition whose change would let two jobs hold the lock, or would hide a loss.
// For each: put the mutant in, rebuild the dist/ entries that bundle the file
// (only when an end-to-end test is to run), run the test files listed for it,
// and put everything back. A mutant that no listed test fails "survived": a
// hole in the suite. A snippet that is not found exactly once is an error: the
// list has gone stale because the code moved, and must be brought up to date.
//
// The tree is always put back: after each mutant, on Ctrl-C, on a crash, and
// (from a journal in node_modules/.cache) at the next start after a SIGKILL.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

interface Mutant {
  id: string
  /** What would go wrong if this mutant were the code. */
  harm: string
  file: string
  /** The exact text to replace; it must occur exactly once in the file. */
  original: string
  replacement: string
  /** Test files that must fail with the mutant in, and optionally a --test-name-pattern to run only some tests. */
  tests: string[]
  pattern?: string
}

const MUTANTS: Mutant[] = [
  {
    id: 'lease-gone-mismatch',
    harm: 'a lease another client took reads as a passing failure: the loss is reported a lease later, as a timeout',
    file: 'src/lock/lease-answers.ts',
    original: "  'LeaseIdMismatchWithLeaseOperation',\n",
    replacement: '',
    tests: ['test/unit/lease-answers.test.ts'],
  },
  {
    id: 'lease-gone-blob-missing',
    harm: 'a lock blob deleted (or storage emptied) under a holder is not a loss: post warns and passes',
    file: 'src/lock/lease-answers.ts',
    original: "  'BlobNotFound',\n  'ContainerNotFound',\n])",
    replacement: "  'ContainerNotFound',\n])",
    tests: ['test/unit/lease-answers.test.ts'],
  },
  {
    id: 'release-not-held-as-released',
    harm: 'a release that finds the lease gone says released: a loss before post goes unreported',
    file: 'src/lock/lock-blob.ts',
    original: "if (isLeaseGone(err) || statusCode(err) === 412) return 'not-held'",
    replacement: "if (isLeaseGone(err) || statusCode(err) === 412) return 'released'",
    tests: ['test/unit/lease-answers.test.ts'],
  },
  {
    id: 'acquire-held-by-other-as-acquired',
    harm: "Azure's refusal of a held lease reads as success: two holders",
    file: 'src/lock/lock-blob.ts',
    original: "if (storageErrorCode(err) === 'LeaseAlreadyPresent') return 'held-by-other'",
    replacement: "if (storageErrorCode(err) === 'LeaseAlreadyPresent') return 'acquired'",
    tests: ['test/integration/lock-blob.test.ts'],
  },
  {
    id: 'head-acquires-on-any-view',
    harm: 'the head of the queue tries for a lease it has just seen held, instead of only when the lock looks free',
    file: 'src/lock/attempt.ts',
    original:
      "    if (lock.state === 'missing' || lock.state === 'free' || this.handedToUs(lock)) {\n      const outcome = await this.acquire(call)\n      // 'held-by-other'",
    replacement:
      "    if (lock.state !== 'missing' || lock.state === 'free' || this.handedToUs(lock)) {\n      const outcome = await this.acquire(call)\n      // 'held-by-other'",
    tests: ['test/unit/waiter.test.ts'],
  },
  {
    id: 'attempt-takes-any-outcome',
    harm: 'the waiter goes on as the holder whatever the acquire said; only the refused holder record write stands between this and two holders',
    file: 'src/lock/own-lease.ts',
    original:
      "    if (outcome === 'acquired') return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt }",
    replacement:
      "    if (outcome !== 'missing') return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt }",
    tests: ['test/integration/waiter.test.ts'],
  },
  {
    id: 'waiter-keeps-lease-on-cancel',
    harm: 'a lease granted as the step is cancelled is kept by nobody: the lock is stuck for a lease',
    file: 'src/lock/own-lease.ts',
    original: '    return this.acquireTried || this.handed\n',
    replacement: '    return this.handed\n',
    tests: ['test/integration/waiter.test.ts'],
  },
  {
    id: 'queue-everyone-is-head',
    harm: 'every waiter takes itself for the head of the queue: first come, first served is gone',
    file: 'src/lock/attempt.ts',
    original: '    this.line.head = standing.ahead.length === 0 && this.entry.predecessor === undefined',
    replacement: '    this.line.head = this.entry.predecessor === undefined',
    // End to end, handover hides it while jobs hold the lock in turn (the lease never comes free
    // between them); the waiter's own tests see every waiter look at the lock and ask for it.
    tests: ['test/unit/waiter.test.ts'],
  },
  {
    id: 'queue-lapsed-entry-alive',
    harm: 'a waiter that died keeps its place for ever: the queue behind it is stuck',
    file: 'src/lock/queue/queue.ts',
    original: '  return entry.leased || serviceNow.getTime() - entry.modifiedAt.getTime() <= JOIN_GRACE_MS',
    replacement: '  return entry.leased || serviceNow.getTime() - entry.modifiedAt.getTime() >= 0',
    tests: ['test/unit/queue.test.ts'],
  },
  {
    id: 'fencing-token-not-bumped',
    harm: 'two acquisitions get the same fencing token: the system behind it cannot refuse the older holder',
    file: 'src/lock/counter.ts',
    original: '      const metadata = { ...props.metadata, [VALUE_KEY]: String(current + 1) }',
    replacement: '      const metadata = { ...props.metadata, [VALUE_KEY]: String(current) }',
    tests: ['test/integration/queue.test.ts'],
  },
  {
    id: 'stale-record-believed',
    harm: "a crashed holder's record is shown as the holder of a lease someone else took: the log names the wrong job",
    file: 'src/lock/holder.ts',
    original:
      "  return age > seconds * 1000 + CLOCK_RESOLUTION_MS ? { kind: 'stale', stoppedAt: modifiedAt } : { kind: 'fresh' }",
    replacement: "  return age < 0 ? { kind: 'stale', stoppedAt: modifiedAt } : { kind: 'fresh' }",
    tests: ['test/unit/holder.test.ts', 'test/unit/wait-report.test.ts'],
  },
  {
    id: 'renewer-ignores-lease-gone',
    harm: 'the renewer retries a lease Azure says is not ours: the loss is dated a lease later',
    file: 'src/lock/keep-lease.ts',
    original: '      if (isLeaseGone(err)) {',
    replacement: '      if (isLeaseGone(err) && !isLeaseGone(err)) {',
    tests: ['test/unit/keep-lease.test.ts'],
  },
  {
    id: 'renewer-valid-from-answer',
    harm: 'the lease counts as renewed from the answer, not the request: a loss is dated up to one request late',
    file: 'src/lock/keep-lease.ts',
    original: '      confirmedAt = sentAt\n',
    replacement: '      confirmedAt = Date.now()\n',
    tests: ['test/unit/keep-lease.test.ts'],
  },
  {
    id: 'renewer-ignores-acquire-time',
    harm: 'the renewer counts the lease from its own start, not from the acquire: a lapse is noticed too late',
    file: 'src/lock/keep-lease.ts',
    original: '  let confirmedAt = options.confirmedAt ?? clock()',
    replacement: '  let confirmedAt = clock()',
    tests: ['test/unit/keep-lease.test.ts'],
  },
  {
    id: 'renewer-release-not-held-as-released',
    harm: 'a lease stolen after the last renewal and found at release is reported "Released lock": a silent loss',
    file: 'src/renewer/process.ts',
    original: "{ type: 'released', at, by } : { type: 'found-lost', at }",
    replacement: "{ type: 'released', at, by } : { type: 'released', at, by }",
    tests: ['test/e2e/action.test.ts'],
    pattern: 'just before post',
  },
  {
    id: 'worker-watch-inverted',
    harm: 'the renewer takes a live worker for a dead one and gives the lease up in the middle of the job',
    file: 'src/renewer/process.ts',
    original: "livenessOf(worker.pid, worker.startTime) === 'gone'",
    replacement: "livenessOf(worker.pid, worker.startTime) !== 'gone'",
    tests: ['test/e2e/action.test.ts'],
    pattern: 'from a live renewer',
  },
  {
    id: 'liveness-unknown-as-gone',
    harm: 'a worker the renewer cannot see (EPERM, an odd error) counts as dead: the lease is given up mid-job',
    file: 'src/renewer/platform.ts',
    original: "    if (code !== 'EPERM') return 'unknown'",
    replacement: "    if (code !== 'EPERM') return 'gone'",
    tests: ['test/unit/platform.test.ts'],
  },
  {
    id: 'channel-ignores-token',
    harm: 'any local process can make the renewer let the lock go',
    file: 'src/renewer/channel.ts',
    original:
      '        !sameProof(request.mac, callerProof(ref.token, challenge.renewer, challenge.caller, request.op, request.by))',
    replacement: '        false',
    tests: ['test/integration/channel.test.ts'],
  },
  {
    id: 'post-ignores-renewer-loss',
    harm: "post does not read the renewer's recorded loss: reported without its time and cause, or not at all if post's own release goes through",
    file: 'src/renewer/lifecycle.ts',
    original: "  if (report?.phase === 'lost' && report.loss) return",
    replacement: "  if (report?.phase === 'failed' && report.loss) return",
    tests: ['test/unit/lifecycle.test.ts'],
  },
  {
    id: 'post-trusts-worker-gone-release',
    harm: 'a renewer that let go because it took a live worker for dead is reported as an early release: a silent loss',
    file: 'src/renewer/lifecycle.ts',
    original: "  if (report?.phase === 'released' && report.released?.by === 'worker gone') {",
    replacement: "  if (report?.phase === 'released' && report.released?.by === 'nobody') {",
    tests: ['test/unit/lifecycle.test.ts'],
  },
  {
    id: 'post-ignores-own-not-held',
    harm: 'post releasing for a dead renewer finds the lease gone and says nothing',
    file: 'src/renewer/lifecycle.ts',
    original: "  if (ownRenewal?.outcome === 'gone' || ownRelease === 'not-held') {",
    replacement: "  if (ownRenewal?.outcome === 'gone') {",
    tests: ['test/unit/lifecycle.test.ts'],
  },
  {
    id: 'post-ignores-lapse',
    harm: 'a renewer that died and let the lease lapse before post is not a loss',
    file: 'src/renewer/lifecycle.ts',
    original: '  if (ranOutAt < input.now) {',
    replacement: '  if (ranOutAt > input.now) {',
    tests: ['test/unit/lifecycle.test.ts'],
  },
  {
    id: 'post-passes-after-loss',
    harm: 'post says the lock was lost but the step passes',
    file: 'src/action/post-step.ts',
    original: '  process.exitCode = 1\n',
    replacement: '  process.exitCode = 0\n',
    tests: ['test/e2e/action.test.ts'],
    pattern: 'just before post',
  },
  {
    id: 'deadline-only-after-attempt',
    harm: 'the timeout is checked only once an attempt came back: a wait whose every attempt fails never ends',
    file: 'src/lock/waiter.ts',
    original: 'if (monotonicNow() >= deadline && (tried || failures > 0)) {',
    replacement: 'if (monotonicNow() >= deadline && tried) {',
    tests: ['test/unit/waiter.test.ts'],
    pattern: 'every attempt fails',
  },
  {
    id: 'unknown-error-transient',
    harm: 'an error of unknown kind is retried until the timeout, the lease taken and given back again and again',
    file: 'src/lock/errors.ts',
    original: 'return code !== undefined && NETWORK_CODES.has(code)',
    replacement: 'return code === undefined || NETWORK_CODES.has(code)',
    tests: ['test/unit/errors.test.ts', 'test/unit/waiter.test.ts'],
    pattern: 'unknown kind',
  },
  {
    id: 'pause-skipped',
    harm: 'a wake-up time in the past makes the wait loop a busy loop: a thousand requests a second on one blob',
    file: 'src/lock/waiter.ts',
    original: 'const pause = Math.max(floorMs, Math.min(wakeAt, deadline) - monotonicNow())',
    replacement: 'const pause = Math.max(0, Math.min(wakeAt, deadline) - monotonicNow())',
    tests: ['test/unit/waiter.test.ts'],
    pattern: 'pacing floor',
  },
  {
    id: 'head-keeps-past-look',
    harm: 'the head keeps a look-again time from before it was head: behind a holder without a record it floods the blob',
    file: 'src/lock/attempt.ts',
    original: '    if (this.line.head) this.viewAt = Infinity\n',
    replacement: '',
    tests: ['test/unit/waiter.test.ts'],
    pattern: 'held without a record at the head pace',
  },
  {
    id: 'counter-leased-as-race',
    harm: "a stranger's lease on a counter (412 LeaseIdMissing) is taken for a lost race: the job retries with the lock leased and never runs",
    file: 'src/lock/counter.ts',
    original: "  return statusCode(err) === 412 && storageErrorCode(err) === 'ConditionNotMet'",
    replacement: '  return statusCode(err) === 412',
    tests: ['test/unit/counter.test.ts', 'test/e2e/counters.test.ts'],
    pattern: 'is a leased counter|leases the fencing counter',
  },
  {
    id: 'fencing-seed-ignored',
    harm: 'a deleted fencing counter starts again at 1: tokens go backwards, and a resource that keeps the largest token refuses every new holder',
    file: 'src/lock/lock-blob.ts',
    original: '        seed: (signal) => this.keptOutsideCounter(signal),\n',
    replacement: '        seed: undefined,\n',
    tests: ['test/integration/counters.test.ts'],
  },
  {
    id: 'fencing-token-not-recorded',
    harm: 'the last fencing token is not kept on the lock blob: deleting the counter restarts tokens at 1',
    file: 'src/lock/lock-blob.ts',
    original: '      const token = await fencingToken?.catch(() => undefined)',
    replacement: '      const token = undefined as number | undefined',
    tests: ['test/integration/counters.test.ts'],
  },
  {
    id: 'tickets-seed-ignored',
    harm: 'a deleted tickets counter starts again at 1: a newcomer takes a place ahead of waiters still in line',
    file: 'src/lock/queue/queue-blobs.ts',
    original: '        seed: (signal) => this.highestTicket(signal),',
    replacement: '',
    tests: ['test/integration/counters.test.ts'],
  },
  {
    id: 'held-twice-unchecked',
    harm: 'a job that takes a lock it holds already waits for itself until its timeout or the 6-hour job limit',
    file: 'src/action/main-step.ts',
    original: '    refuseHeldTwice(lockLocation(settings.lock))\n',
    // Still names it: the bundle is type-checked, and an unused import would fail the build instead.
    replacement: '    void refuseHeldTwice\n',
    tests: ['test/e2e/counters.test.ts'],
    pattern: 'second take',
  },
  {
    id: 'lock-name-command-allowed',
    harm: "a lock-name carrying '##[' or '::' is printed raw by every step: workflow commands injected from a dispatch form",
    file: 'src/lock/names.ts',
    original: '  if (opener) return `it contains ${opener}',
    replacement: '  if (opener && !opener) return `it contains ${opener}',
    tests: ['test/unit/names.test.ts', 'test/e2e/counters.test.ts'],
    pattern: 'workflow command|refuses lock-name',
  },
  {
    id: 'lease-arithmetic-on-wall-clock',
    harm: 'the renewal schedule and lapses run on the wall clock: an NTP step or a resumed VM moves them by minutes',
    file: 'src/lock/keep-lease.ts',
    original: '  const clock = options.now ?? monotonicNow',
    replacement: '  const clock = options.now ?? Date.now',
    tests: ['test/unit/keep-lease.test.ts'],
  },
  {
    id: 'post-lapse-on-wall-clock',
    harm: "post judges a dead renewer's lapse by the wall clock: it calls a lease lapsed that is not, or not one that is",
    file: 'src/action/post-step.ts',
    original: '  const releaseSentAt = monotonicNow()',
    replacement: '  const releaseSentAt = Date.now()',
    tests: ['test/e2e/faults.test.ts'],
    pattern: 'post comes before the lease lapses',
  },
  {
    id: 'renewer-challenge-ignored',
    harm: "post takes whatever listens at the renewer's address for the renewer: a stranger is told what post asks",
    file: 'src/renewer/channel.ts',
    original: '            sameProof(mac, renewerProof(ref.token, callerNonce, nonce, pid)) &&',
    replacement:
      '            (sameProof(mac, renewerProof(ref.token, callerNonce, nonce, pid)) || mac !== undefined) &&',
    tests: ['test/integration/channel.test.ts'],
  },
  {
    id: 'end-hold-breaks-any-lease',
    harm: 'whoever ends an "expired hold" (or lifts a hold) breaks whatever lease the blob has: a forged record ends somebody else\'s lease',
    file: 'src/lock/lock-blob-hold.ts',
    original:
      '      await lock.blob\n        .getBlobLeaseClient(hold.leaseId)\n        .acquireLease(LIFT_LEASE_SECONDS, { abortSignal, conditions: { ifMatch: look.etag } })\n',
    replacement:
      '      await lock.blob.getBlobLeaseClient().breakLease(0, { abortSignal })\n' +
      '      await lock.blob.getBlobLeaseClient(hold.leaseId).acquireLease(LIFT_LEASE_SECONDS, { abortSignal })\n',
    tests: ['test/e2e/holds.test.ts'],
    pattern: 'forged',
  },
  {
    id: 'hold-expires-an-hour-early',
    harm: 'a hold is ended by the first waiter an hour before its end: a freeze does not hold',
    file: 'src/lock/deploy/hold.ts',
    original: 'serviceNow.getTime() >= until',
    replacement: 'serviceNow.getTime() >= until - 3_600_000',
    tests: ['test/unit/hold.test.ts', 'test/e2e/holds.test.ts'],
    pattern: 'expired|unhold',
  },
  {
    id: 'take-over-keeps-hold-lease-id',
    harm: "a job that takes over its run's hold keeps the hold's lease id: the head that ends the hold as it expires releases the job's lease, and two jobs hold the lock",
    file: 'src/lock/lock-blob-hold.ts',
    original: 'await hold.changeLease(leaseId, { abortSignal })',
    // Changed to the id it has already; `void` keeps the parameter used, so the bundle still builds.
    replacement: 'await hold.changeLease(holdLeaseId, { abortSignal }); void leaseId',
    tests: ['test/e2e/holds.test.ts'],
    pattern: 'keeps the lock between',
  },
  {
    id: 'take-over-any-run',
    harm: "any run of the repository takes over another run's hold without queueing: it jumps the queue and interleaves with that run's jobs",
    file: 'src/lock/deploy/hold.ts',
    original: '    record.runId === job.runId &&\n',
    replacement: '',
    tests: ['test/unit/hold.test.ts'],
  },
  {
    id: 'latest-no-decision-before-acquire',
    harm: 'a head superseded since its last listing takes the lock: an older deploy goes out after a newer one waits',
    file: 'src/lock/attempt.ts',
    original: '    if (this.latest && !decided)\n      await this.latest.decide(',
    replacement: '    if (this.latest && !decided && !this.latest)\n      await this.latest.decide(',
    tests: ['test/unit/latest.test.ts'],
  },
  {
    id: 'latest-stale-unchecked-on-arrival',
    harm: 'a re-run of an older deploy takes a free lock after a newer one has held it: production rolled back',
    file: 'src/lock/latest-gate.ts',
    original: '    await this.checkLatest(store, this.latestRead, call)\n  }\n\n  /**\n   * Just before an acquire',
    replacement: '  }\n\n  /**\n   * Just before an acquire',
    tests: ['test/unit/latest.test.ts', 'test/e2e/latest.test.ts'],
    pattern: 'stale',
  },
  {
    id: 'latest-record-not-raised',
    harm: 'the key never remembers who held: every older run that comes later deploys over the newer one',
    file: 'src/lock/latest-gate.ts',
    original: "      if ((await latest.write(guard.spec.key, record, read.etag, call())) === 'written') return",
    replacement: '      if (record.acquiredAt !== undefined) return',
    tests: ['test/unit/latest.test.ts', 'test/e2e/latest.test.ts'],
    pattern: 'stale|free lock',
  },
  {
    id: 'latest-superseded-by-older',
    harm: 'an older entry of the key makes the newer waiter leave: the newest deploy never goes out',
    file: 'src/lock/deploy/latest.ts',
    original: 'sequence !== undefined && sequence > this.spec.sequence && sequence > (newest?.sequence ?? -1)',
    replacement: 'sequence !== undefined && sequence !== this.spec.sequence && sequence > (newest?.sequence ?? -1)',
    tests: ['test/unit/latest.test.ts', 'test/e2e/latest.test.ts'],
    pattern: 'equal or lower|out of order',
  },
  {
    id: 'latest-keys-folded',
    harm: "keys compared without case: 'Production' and 'production', two targets, supersede each other",
    file: 'src/lock/deploy/latest.ts',
    original: '    if (who?.supersedeKey !== this.spec.key) return undefined',
    replacement: '    if (who?.supersedeKey?.toLowerCase() !== this.spec.key.toLowerCase()) return undefined',
    tests: ['test/unit/latest.test.ts'],
  },
  {
    id: 'latest-lapsed-entry-supersedes',
    harm: 'a dead waiter of a newer run makes every live one leave: nobody of the key deploys',
    file: 'src/lock/deploy/latest.ts',
    original: '      if (entry.ticket === ownTicket || !isLive(entry, serviceNow) || isSquatter(entry)) continue',
    replacement: '      if (entry.ticket === ownTicket || isSquatter(entry)) continue',
    tests: ['test/unit/latest.test.ts'],
  },
  {
    id: 'cli-loss-hidden-in-exit-code',
    harm: "azure-mutex hold exits with its command's code after the lease was lost: the pipeline goes on as if the lock had held",
    file: 'src/cli/hold.ts',
    original: ' exiting ${ExitCode.Lost}.`)\n  return ExitCode.Lost\n',
    replacement: ' exiting ${ExitCode.Lost}.`)\n  return code\n',
    tests: ['test/e2e/cli.test.ts'],
    pattern: 'foreign client',
  },
  {
    id: 'cli-releases-before-command-ends',
    harm: 'azure-mutex hold releases the lease without waiting for its command to exit: the next holder overlaps it',
    file: 'src/cli/hold.ts',
    original: '  const code = await exited\n',
    replacement: '  const code = await Promise.race([exited, Promise.resolve(0)])\n',
    tests: ['test/e2e/cli.test.ts'],
    pattern: 'exit code',
  },
  {
    id: 'handover-not-to-head',
    harm: 'the lease goes to the waiter behind the head: the queue is served out of turn, or the lock idles a lease',
    file: 'src/lock/queue/handover.ts',
    original: '  const head = lineOrder(look.entries).find(',
    replacement: '  const head = lineOrder(look.entries).slice(1).find(',
    tests: ['test/unit/handover.test.ts', 'test/integration/handover.test.ts'],
  },
  {
    id: 'handover-releases-instead',
    harm: 'a holder with jobs waiting frees the lock: a client that does not queue takes it between two queued holders',
    file: 'src/lock/lock-blob-let-go.ts',
    original: '      if (to) {\n        const proposed = to.leaseId\n',
    replacement: '      if (to && Number.isNaN(0)) {\n        const proposed = to.leaseId\n',
    tests: ['test/integration/handover.test.ts', 'test/e2e/handover.test.ts'],
    pattern: 'change|three queued',
  },
  {
    id: 'handed-head-leaves-lease-idle',
    harm: 'a head handed the lease that then leaves (stale, superseded, cancelled, timed out) does not pass it on: the lock idles until the lease lapses',
    file: 'src/lock/attempt.ts',
    original: '    await passOn(this.store, this.options.leaseId, ticket, { timeoutMs: passOnMs })\n',
    replacement:
      "    if (this.lease['acquireTried']) await passOn(this.store, this.options.leaseId, ticket, { timeoutMs: passOnMs })\n",
    tests: ['test/e2e/handover-gaps.test.ts'],
  },
  {
    id: 'lift-hold-releases-instead',
    harm: 'a lifted hold frees the lock with jobs waiting: a client that does not queue takes it before the queued job',
    file: 'src/lock/deploy/lift-hold.ts',
    original: '      const target = headToHandTo(lock, options.request ?? {}, hold.leaseId)\n',
    replacement: '      const target = headToHandTo(lock, options.request ?? {}, hold.leaseId).then(() => undefined)\n',
    tests: ['test/e2e/holds-gaps.test.ts'],
    pattern: 'hands the lease|ends the run hold',
  },
  {
    id: 'release-ends-any-run-hold',
    harm: "a clean-up job's release ends another run's hold (or a freeze): that run's next job finds the lock gone to a stranger",
    file: 'src/action/end-run-hold.ts',
    original:
      "    accept: (hold) => hold.scope === 'run' && hold.repository === who.repository && hold.runId === who.runId,\n",
    replacement: "    accept: (hold) => hold.scope === 'run' || hold.runId === who.runId,\n",
    tests: ['test/e2e/holds-gaps.test.ts'],
    pattern: 'ends the run hold',
  },
  {
    id: 'slots-take-beyond-k',
    harm: 'the waiter right after the first k also goes for a free slot: it races one ahead of it, out of turn',
    file: 'src/lock/queue/slots.ts',
    original: '  return ahead < free.length ? free[ahead] : undefined',
    replacement:
      '  return ahead <= free.length && free.length > 0 ? free[Math.min(ahead, free.length - 1)] : undefined',
    tests: ['test/unit/slots.test.ts'],
  },
  {
    id: 'slots-one-too-many',
    harm: 'the waiters count one slot more than the lock has: N + 1 jobs hold it at once',
    file: 'src/lock/queue/slots-blobs.ts',
    original: '    for (let slot = 2; slot <= this.count; slot++)',
    replacement: '    for (let slot = 2; slot <= this.count + 1; slot++)',
    tests: ['test/e2e/slots.test.ts'],
    pattern: 'serves 8 jobs',
  },
  {
    id: 'priority-later-high-first',
    harm: 'a high-priority waiter goes ahead of an earlier high-priority one: the priority lane is served out of turn',
    file: 'src/lock/queue/priority.ts',
    original: '  return ra !== rb ? ra < rb : a.ticket < b.ticket',
    replacement: '  return ra !== rb ? ra < rb : ra === 1 ? a.ticket > b.ticket : a.ticket < b.ticket',
    tests: ['test/unit/priority.test.ts'],
  },
  {
    id: 'priority-passes-holder',
    harm: 'a high-priority waiter goes ahead of the waiter that was handed the lock: the order and the places are wrong',
    file: 'src/lock/queue/priority.ts',
    original: '  if (holding.has(entry.ticket)) return 0',
    replacement: '  if (holding.has(-entry.ticket)) return 0',
    tests: ['test/unit/priority.test.ts'],
  },
  {
    id: 'handover-ignores-priority',
    harm: 'the holder hands the lease to the first ticket: a high-priority job waits behind every normal one',
    file: 'src/lock/queue/handover.ts',
    original: '  const head = lineOrder(look.entries).find(',
    // lineOrder stays read (void), so that the build does not stop at an unused import.
    replacement: '  const head = (void lineOrder, [...look.entries].sort((a, b) => a.ticket - b.ticket)).find(',
    tests: ['test/e2e/priority.test.ts'],
    pattern: 'right after the holder',
  },
  {
    id: 'standing-ignores-priority',
    harm: 'a waiter counts only earlier tickets ahead of it: a high-priority waiter and the normal ones both take the head',
    file: 'src/lock/queue/queue.ts',
    original: '      goesBefore(entry, me, holding),',
    replacement: '      entry.ticket < ticket,',
    tests: ['test/unit/priority.test.ts'],
  },
  {
    id: 'head-keeps-lock-past-high',
    harm: 'a normal head that lists seldom keeps a free lock it took past a high-priority waiter that joined since',
    file: 'src/lock/attempt.ts',
    original:
      "    if (outcome.kind !== 'acquired' || !stillHead || (await stillHead.catch(() => true))) return outcome",
    replacement:
      "    if (outcome.kind !== 'acquired' || !stillHead || (await stillHead.then(() => true))) return outcome",
    tests: ['test/unit/priority-waiter.test.ts'],
  },
  {
    id: 'idle-head-never-passed-over',
    harm: 'a first waiter that keeps its entry alive but never takes the free lock (a hung job) wedges the lock for everyone behind it',
    file: 'src/lock/idle-head-watch.ts',
    original: '    if (idleMs < this.boundMs || this.idleHead.looks < 2) return',
    replacement: '    if (idleMs >= 0) return',
    // End to end, waitloop.test.ts ("leaves the free lock untaken") kills it too, after its whole timeout.
    tests: ['test/unit/waiter.test.ts'],
    pattern: 'passes over a head that leaves the lock free',
  },
  {
    id: 'slots-handover-to-served',
    harm: 'slots that free up together are all handed to the same first waiter: the others wait for passing on, or a lapse',
    file: 'src/lock/queue/handover.ts',
    original: '      !served?.has(entry.ticket) &&\n',
    replacement: '',
    tests: ['test/unit/slots.test.ts'],
  },
  {
    id: 'slots-break-only-first',
    harm: 'breaking a lock with slots breaks slot 1 alone: the hung holders of the other slots keep them',
    file: 'src/lock/lock-blob-break.ts',
    original: '    ...leased.map((slot) => breakLease(lock.atSlot(slot), describe, options)),',
    replacement: '    ...leased.slice(0, 0).map((slot) => breakLease(lock.atSlot(slot), describe, options)),',
    tests: ['test/e2e/slots.test.ts'],
    pattern: 'breaks every slot',
  },
  {
    id: 'slots-listing-drops-priority',
    harm: "the slots' look reads every entry as normal: a freed slot goes to a normal waiter ahead of a high-priority one",
    file: 'src/lock/queue/slots-blobs.ts',
    original: '            ...priorityFromMetadata(item.metadata),',
    replacement: '            ...(void priorityFromMetadata, {}),',
    tests: ['test/e2e/slots.test.ts'],
    pattern: 'high-priority job',
  },
  {
    id: 'early-renewer-gets-inputs',
    harm: "the renewer started as main starts inherits the step's inputs: the account key sits in its environment",
    file: 'src/renewer/early.ts',
    original:
      '  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !WITHHELD_ENV.test(name)))',
    // WITHHELD_ENV stays used, so the bundle still builds.
    replacement:
      '  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !WITHHELD_ENV.test(name) || name))',
    tests: ['test/e2e/secrets.test.ts'],
    pattern: 'account key',
  },
  {
    id: 'early-renewer-left-running',
    // The renewer also leaves by itself once it has loaded and sees main gone, and post waits 2 s for that, so the
    // bad-input e2e tests catch this only when loading is slow; the integration test sees the missing kill itself.
    harm: 'a main step that fails before it signs in leaves the renewer it started running until it has loaded and sees main gone, which under load is past the job',
    file: 'src/renewer/early.ts',
    original: "  child.kill('SIGKILL')\n",
    replacement: '',
    tests: ['test/integration/early-renewer.test.ts'],
  },
  {
    id: 'slots-abandon-keeps-handed-slot',
    harm: 'a waiter handed slot 2..N that leaves without the lock leaves that slot idle under its id until the lease lapses',
    file: 'src/lock/attempt.ts',
    original: '      await passOnHanded(slots, this.options.leaseId, ticket, { also, timeoutMs: left })\n',
    replacement: '      await passOnHanded(slots, this.options.leaseId, ticket, { also, timeoutMs: 0 })\n',
    tests: ['test/integration/slots-pass-on.test.ts'],
  },
  {
    id: 'handover-to-own-entry',
    harm: 'a holder whose own queue entry was left over hands the lease to itself: the lease stays under the id of a holder that stops renewing, and the lock lies idle until it lapses',
    file: 'src/lock/queue/handover.ts',
    original: '      (own === undefined || entry.nextLeaseId !== own),\n',
    replacement: '      true,\n',
    tests: ['test/unit/handover.test.ts', 'test/integration/handover.test.ts'],
  },
  {
    id: 'let-go-gives-up-at-first-refusal',
    harm: 'a holder whose change, mark or release storage refuses for a moment gives up: the change falls back to a release, or the lease is left to lapse, and the lock stands free while jobs wait',
    file: 'src/lock/lock-blob-let-go.ts',
    original: '      if (!isTransient(err) || signal.aborted || monotonicNow() + LET_GO_PAUSE_MS >= until) throw err\n',
    replacement: '      throw err\n',
    tests: ['test/integration/handover.test.ts'],
    pattern: 'asks again',
  },
  {
    id: 'holder-leaves-entry-behind',
    harm: "a waiter that takes the lock while storage refuses its entry's delete keeps going: the entry stays leased, the next holders hand the lease to it, and the lock lies idle until the lease lapses",
    file: 'src/lock/own-entry.ts',
    original: '      if (isTransient(err)) throw err\n    }\n    this.entry = undefined\n',
    replacement: '    }\n    this.entry = undefined\n',
    tests: ['test/integration/waiter.test.ts'],
    pattern: 'holds only once',
  },
  {
    id: 'failed-look-releases',
    harm: 'a holder whose look at the queue storage refused for a moment releases instead of handing over: the lock stands free while jobs wait, and a client that does not queue takes it',
    file: 'src/lock/queue/handover.ts',
    original: '        if (!isTransient(err) || options.signal?.aborted || left < SECOND_LOOK_MIN_MS) throw err\n',
    replacement: '        throw err\n',
    tests: ['test/integration/handover.test.ts'],
    pattern: 'refused the look',
  },
  {
    id: 'failed-take-frees-lock',
    harm: 'a take that storage refuses for a moment gives the lease back: the lock stands free while the head backs off, and a client that does not queue takes it from the line',
    file: 'src/lock/waiter.ts',
    original:
      '            if (!isTransient(err) || failures + 1 >= GIVE_BACK_AFTER_FAILED_TAKES) await waiter.giveBack()\n',
    replacement: '            await waiter.giveBack()\n',
    tests: ['test/integration/waiter.test.ts'],
    pattern: 'keeps the lease through a take',
  },
  // Holds: a hold whose end has passed, priority behind it, and the run's hold taken over from the queue (issue 29).
  {
    id: 'ended-hold-released-with-waiters',
    harm: 'a hold ended at its end is released with jobs in line: the lock stands free, and a try-lock or a client that does not queue takes it before the first in line',
    file: 'src/lock/ended-holds.ts',
    original: '    const target = headToHandTo(store, call(), hold.leaseId)\n',
    replacement: '    const target = headToHandTo(store, call(), hold.leaseId).then(() => undefined)\n',
    tests: ['test/e2e/holds-ended.test.ts'],
    pattern: 'with a waiter in line',
  },
  {
    id: 'ended-hold-kept-by-its-ender',
    harm: 'a waiter that ends a hold at its end hands its lease to itself: a normal head takes the lock ahead of a high-priority waiter',
    file: 'src/lock/ended-holds.ts',
    original: '    const target = headToHandTo(store, call(), hold.leaseId)\n',
    replacement:
      '    const target = store.queue.look(call()).then((look) => {\n' +
      '      const own = look.entries.find((e) => e.nextLeaseId && e.waiter?.repository === this.who.repository)\n' +
      '      if (!own) return headToHandTo(store, call(), hold.leaseId)\n' +
      '      return { ticket: own.ticket, leaseId: own.nextLeaseId!, waiter: own.waiter }\n' +
      '    })\n',
    tests: ['test/e2e/holds-ended.test.ts'],
    pattern: 'high-priority waiter takes the lock before the normal head',
  },
  {
    id: 'try-lock-leaves-ended-hold',
    harm: 'a try-lock (timeout 0) behind a hold whose end has passed is refused, "held by a hold until" a past time, though nobody may hold the lock',
    file: 'src/lock/attempt.ts',
    original: '      let lock = await this.endEndedHold(await this.store.view(call()), call)\n',
    replacement: '      let lock = await this.store.view(call())\n',
    tests: ['test/e2e/holds-ended.test.ts'],
    pattern: 'timeout 0\\) after the end',
  },
  {
    id: 'outside-waiter-leaves-ended-hold',
    harm: 'a waiter whose credential may not list waits behind a hold whose end has passed until its timeout',
    file: 'src/lock/attempt.ts',
    original:
      "    const lock = await this.endEndedHold(seen, call)\n    if (lock.state === 'missing' || lock.state === 'free') {\n",
    replacement: "    const lock = seen\n    if (lock.state === 'missing' || lock.state === 'free') {\n",
    tests: ['test/e2e/holds-ended.test.ts'],
    pattern: 'SAS may not list',
  },
  {
    id: 'queued-job-waits-out-run-hold',
    harm: "a job of the run that waits in line never takes over its run's hold: it waits out hold-for (1 h by default), the head of another run takes the lock between the run's jobs, and the run's fencing token is lost",
    file: 'src/lock/attempt.ts',
    original:
      '    if (lock) {\n      const takenOver = await this.takeOverRunHold(lock, call)\n      if (takenOver) return takenOver\n',
    replacement: '    if (lock) {\n',
    tests: ['test/e2e/holds-run-takeover.test.ts'],
    pattern: 'next look',
  },
  {
    id: 'take-over-ignores-refused-change',
    harm: 'a job of the run whose takeover Azure refused (another job of the run took the hold first) goes on as the holder: two jobs of the run hold at once, stopped only by the record write',
    file: 'src/lock/lock-blob-hold.ts',
    original:
      "    if (storageErrorCode(err) === 'LeaseAlreadyPresent' || isLeaseGone(err) || isMissing(err)) return 'refused'\n",
    replacement:
      "    if (storageErrorCode(err) === 'LeaseAlreadyPresent' || isLeaseGone(err) || isMissing(err)) return 'taken'\n",
    tests: ['test/integration/run-hold-takeover.test.ts'],
  },
  // The azure-mutex command (issue 29): its command does not outlive it.
  {
    id: 'watchdog-lets-command-run',
    harm: "a SIGKILLed azure-mutex hold's command runs on: the lease lapses, the next waiter holds the lock beside it",
    file: 'src/cli/watchdog.ts',
    original: '  if (!done && watched !== undefined) await endCommandGroup(watched, control, graceMs)\n',
    replacement: '  if (done && watched !== undefined) await endCommandGroup(watched, control, graceMs)\n',
    tests: ['test/e2e/cli-watchdog.test.ts'],
    pattern: '2 rounds',
  },
  {
    id: 'command-in-cli-group',
    harm: "azure-mutex hold's command shares the CLI's process group: there is no group of its own to end, and a SIGKILLed CLI's command runs on beside the next holder",
    file: 'src/cli/watchdog.ts',
    original: "  return platform === 'win32' ? {} : { detached: true }\n",
    replacement: "  return platform === 'win32' ? {} : {}\n",
    tests: ['test/e2e/cli-watchdog.test.ts'],
    pattern: '2 rounds',
  },
  {
    id: 'command-leftovers-not-ended',
    harm: 'what the command left running when it exited goes on after azure-mutex hold lets the lease go: beside the next holder',
    file: 'src/cli/hold.ts',
    original: '  if (child.pid !== undefined && groupAlive(child.pid)) {\n',
    replacement: '  if (child.pid !== undefined && groupAlive(child.pid) && child.pid < 0) {\n',
    tests: ['test/e2e/cli-watchdog.test.ts'],
    pattern: 'left running',
  },
  // Security review (issue 29): step state post can start with, and the renewer's channel under a flood.
  {
    id: 'wait-record-uncapped',
    harm: 'forged queue entries make the wait record too big for an environment variable: the runner cannot start post (E2BIG), and nothing releases the lease',
    file: 'src/action/wait-record.ts',
    original: '  if (recordBytes(record) <= maxBytes) return record\n',
    replacement: '  return record\n',
    tests: ['test/unit/wait-record.test.ts'],
  },
  {
    id: 'wait-record-keeps-whole-values',
    harm: 'the wait record keeps every value read from storage whole: kilobytes of forged metadata go into step state',
    file: 'src/lock/untrusted-text.ts',
    original: '  return characters.length <= maxLength ? text : characters.slice(0, maxLength).join',
    replacement: '  return characters.length >= 0 ? text : characters.slice(0, maxLength).join',
    tests: ['test/unit/wait-record.test.ts', 'test/unit/untrusted-text.test.ts'],
  },
  {
    id: 'channel-no-connection-limit',
    harm: "idle local connections to the renewer's channel take every descriptor it has: its renewals fail and the lease lapses under the job",
    file: 'src/renewer/channel.ts',
    original: '    if (unproven.size >= maxUnproven) {\n',
    replacement: '    if (unproven.size < 0) {\n',
    tests: ['test/integration/channel.test.ts'],
    pattern: 'more idle connections',
  },
  {
    id: 'channel-no-handshake-timeout',
    harm: 'a connection that never sends a challenge stays open for ever: enough of them take the descriptors the renewer renews with',
    file: 'src/renewer/channel.ts',
    original: '    const tooSlow = setTimeout(() => socket.destroy(), handshakeMs)\n',
    replacement: '    const tooSlow = setTimeout(() => undefined, handshakeMs)\n',
    tests: ['test/integration/channel.test.ts'],
    pattern: 'within the handshake time',
  },
  {
    id: 'channel-drops-talking-caller',
    harm: 'a flood of idle connections closes the oldest open one, even a caller that has sent its challenge: post cannot reach the renewer while the flood goes on',
    file: 'src/renewer/channel.ts',
    original: '      const silent = [...unproven].find(([, state]) => !state.challenged)?.[0]\n',
    replacement: '      const silent = undefined\n',
    tests: ['test/integration/channel.test.ts'],
    pattern: 'more idle connections',
  },
  {
    id: 'lines-show-any-run-url',
    harm: "a forged record's run URL, any URL at all, is printed beside a real repository's name, and the log viewer makes it a link",
    file: 'src/lock/run-page.ts',
    original: "  return runUrl ? (safeRunLink(runUrl, serverUrl) ?? '') : ''\n",
    replacement: '  return runUrl\n',
    tests: ['test/unit/run-page.test.ts'],
  },
  // Issue 29, state: what the lock's safety depends on survives deleting .azure-mutex/.
  {
    id: 'wiped-counter-forgets-slots',
    harm: 'a fencing counter made again after a deletion takes the number of the job that makes it: a job of one slot holds the lock blob beside the holders of slots 2..N',
    file: 'src/lock/counter.ts',
    original: '      const slots = options.slots ? (seed.slots ?? options.slots.asked) : undefined\n',
    replacement: '      const slots = options.slots ? options.slots.asked : undefined\n',
    tests: ['test/e2e/wipe.test.ts'],
    pattern: 'slots 2 and 3 held',
  },
  {
    id: 'wiped-counter-mismatch-unchecked',
    harm: 'a job whose number of slots differs from the one the lock keeps outside its deleted counter makes the counter again and goes on holding the lock blob',
    file: 'src/lock/counter.ts',
    original: '      if (options.slots && slots !== undefined && slots !== options.slots.asked) {\n',
    replacement: '      if (options.slots && slots !== undefined && slots === -1) {\n',
    tests: ['test/e2e/wipe.test.ts'],
    pattern: 'slots 2 and 3 held',
  },
  {
    id: 'wiped-agree-forgets-slots',
    harm: 'a slotted job that finds the counter deleted makes it again with its own number: a job of 3 slots takes slot 2 beside a holder of a lock of one slot',
    file: 'src/lock/queue/slots-blobs.ts',
    original: '        const kept = seed.slots ?? asked\n',
    replacement: '        const kept = asked\n',
    tests: ['test/e2e/wipe.test.ts'],
    pattern: 'keeps one slot',
  },
  {
    id: 'slots-not-kept-on-lock-blob',
    harm: 'holders do not write their number of slots beside their token: after a deletion the counter is made again with whatever number the next job asks',
    file: 'src/lock/lock-blob.ts',
    original: '        setKey(metadata, SLOTS_KEY, String(this.slotCount))\n',
    replacement: '        setKey(metadata, `${SLOTS_KEY}_elsewhere`, String(this.slotCount))\n',
    tests: ['test/e2e/wipe.test.ts'],
    pattern: 'keeps one slot',
  },
  {
    id: 'wiped-stale-guard-unread',
    harm: 'a job whose key has no record (the folder was deleted) does not ask the lock blob before its acquire: an older run takes the lease, and a fencing token, before it is found stale',
    file: 'src/lock/latest-gate.ts',
    original: '    guard.checkKept(await latest.readKept(guard.spec.key, call()))\n',
    replacement: '    guard.checkKept(Math.min(-1, (await latest.readKept(guard.spec.key, call())) ?? -1))\n',
    tests: ['test/e2e/wipe.test.ts'],
    pattern: 'stale guard',
  },
  {
    id: 'kept-sequence-not-raised',
    harm: "a holder does not raise its key's sequence on the lock blob: after the folder is deleted an older run deploys",
    file: 'src/lock/lock-blob.ts',
    original:
      '        setKey(metadata, LATEST_KEPT_KEY, raisedKept(props.metadata, supersede.key, supersede.sequence, room))\n',
    replacement: '        setKey(metadata, LATEST_KEPT_KEY, raisedKept(props.metadata, supersede.key, -1, room))\n',
    tests: ['test/e2e/wipe.test.ts'],
    pattern: 'stale guard',
  },
  {
    id: 'kept-sequence-unchecked-under-lease',
    harm: 'a holder does not check, under its lease, the sequence the lock blob keeps: an older run that got past the look before its acquire (a newer one held in between) holds the lock',
    file: 'src/lock/lock-blob.ts',
    original:
      '        if (kept !== undefined && kept > supersede.sequence) throw staleByKept(this.location, kept, supersede.sequence)\n',
    replacement:
      '        if (kept !== undefined && kept > Number.MAX_VALUE) throw staleByKept(this.location, kept, supersede.sequence)\n',
    tests: ['test/integration/lock-blob.test.ts'],
    pattern: 'sequence against the one the lock blob keeps',
  },
  // Issue 29, time: durations, clocks, deadlines, first contact, healed lapses.
  {
    id: 'freeze-record-built-before-give-back',
    harm: 'a hold whose record cannot be built (an end no date can hold) leaves its lease behind, held by nobody, until it lapses',
    file: 'src/lock/deploy/hold.ts',
    original: '  try {\n    const placed = record()\n    await lock.placeHold(',
    replacement: '  const placed = record()\n  try {\n    await lock.placeHold(',
    tests: ['test/integration/set-freeze.test.ts'],
  },
  {
    id: 'healed-lapse-unreported',
    harm: 'a lease that went unrenewed for longer than its duration passes as an ordinary hold: nobody hears that exclusivity rested on a late renewal',
    file: 'src/renewer/lifecycle.ts',
    original: '  if (report?.healedLapse) warnings.push(healedLapseWarning(report.healedLapse))\n',
    replacement: '',
    tests: ['test/unit/lifecycle.test.ts'],
    pattern: 'heals',
  },
  {
    id: 'late-answer-not-a-lapse',
    harm: 'a renewal sent just before the lease ran out and answered after it (an SDK try that left late) is no lapse: a lapse it healed goes unreported',
    file: 'src/lock/keep-lease.ts',
    original: 'afterLapse: at >= validUntil',
    replacement: 'afterLapse: sentAt >= validUntil',
    tests: ['test/unit/keep-lease.test.ts'],
    pattern: 'answered after it as after a lapse',
  },
  // Issue 30, store contract: the same cases on FakeStore and on LockBlob over Azurite (store-contract.test.ts).
  {
    id: 'entry-of-another-entered',
    harm: 'an entry leased by another waiter reads as entered: two waiters stand on one ticket, and a holder hands the lease to whichever id the entry publishes',
    file: 'src/lock/queue/queue-blobs.ts',
    original: "if (storageErrorCode(err) === 'LeaseAlreadyPresent') return 'taken'",
    replacement: "if (storageErrorCode(err) === 'LeaseAlreadyPresent') return 'entered'",
    tests: ['test/integration/store-contract.test.ts'],
    pattern: 'an entry is ours by its lease',
  },
  {
    id: 'handover-unmarked',
    harm: 'a holder hands the lease over without marking the blob with the head ticket: the head never learns the lease is under its id, and the lock lies idle until it lapses',
    file: 'src/lock/lock-blob-let-go.ts',
    original: 'return found ? handedToMetadata(found.ticket) : undefined',
    replacement: 'return undefined',
    tests: ['test/integration/store-contract.test.ts'],
    pattern: 'letting go hands the lease to the head',
  },
  // Held lease (issue 30): one handle for keeping, proving and letting go of a held lease (src/lock/held-lease.ts).
  {
    id: 'held-lease-not-held-as-released',
    harm: 'letting go that finds the lease no longer ours reads as a release: a loss after the last renewal goes unreported, in the renewer and in azure-mutex hold',
    file: 'src/lock/held-lease.ts',
    original: "      if (outcome.outcome === 'not-held') {\n",
    replacement: "      if (outcome.outcome === 'not-held' && outcome.outcome !== 'not-held') {\n",
    tests: ['test/unit/held-lease.test.ts'],
    pattern: 'no longer ours',
  },
  {
    id: 'held-lease-skips-end-proof',
    harm: 'a lease that went a whole duration unconfirmed is let go as if proven: a lapse another holder may have used passes as an ordinary hold',
    file: 'src/lock/held-lease.ts',
    original: '    if (this.clock() < leaseValidUntil(confirmed, leaseMs)) return undefined\n',
    replacement: '    if (this.clock() < Infinity) return undefined\n',
    tests: ['test/unit/held-lease.test.ts'],
    pattern: 'cannot prove',
  },
  {
    id: 'held-lease-first-renewal-on-loss',
    harm: 'a lease lost before its first renewal counts as confirmed: azure-mutex hold runs its command without the lock',
    file: 'src/lock/held-lease.ts',
    original: "    this.losing.abort(loss)\n    this.firstSettled('lost')\n",
    replacement: "    this.losing.abort(loss)\n    this.firstSettled('renewed')\n",
    tests: ['test/unit/held-lease.test.ts'],
    pattern: 'before the first renewal',
  },
  {
    id: 'held-lease-lost-not-signalled',
    harm: 'a lease Azure took away never aborts the lost signal: whoever watches it (the library of issue 31) goes on as the holder',
    file: 'src/lock/held-lease.ts',
    original: "    this.tell({ type: 'lost', loss })\n    this.losing.abort(loss)\n    this.firstSettled('lost')\n",
    replacement: "    this.tell({ type: 'lost', loss })\n    this.firstSettled('lost')\n",
    tests: ['test/unit/held-lease.test.ts'],
    pattern: 'Azure refuses',
  },
  // Issue 30, settings: waitForLease reads the job's spec itself.
  {
    id: 'wait-spec-run-hold-not-taken-over',
    harm: "waitForLease reads scope run from the spec the wrong way round: a job of scope run queues behind its own run's hold (the run stalls until the hold ends), and a job of scope job takes its run's hold over",
    file: 'src/lock/waiter.ts',
    original: 'takeOverRunHold: options.spec.runHoldMs !== undefined,',
    replacement: 'takeOverRunHold: options.spec.runHoldMs === undefined,',
    tests: ['test/integration/run-hold-takeover.test.ts'],
  },
]

const ROOT = resolve(import.meta.dirname, '..')
const JOURNAL = join(ROOT, 'node_modules', '.cache', 'azure-mutex-mutate.json')
/** A generous bound for one mutant's tests: the suite's own per-test timeout is 180 s. */
const MUTANT_TIMEOUT_MS = 10 * 60_000

// ---------------------------------------------------------------- putting the tree back

interface Journal {
  /** The checkout the journal belongs to: node_modules may be shared by a link. */
  root: string
  file: string
  original: string
  /** dist/ was built with the mutant in, and must be put back. */
  rebuilt: boolean
}

/** dist/ as it was at the start, file by file, to put back after a rebuild. */
const distSnapshot = new Map<string, Buffer>()
let pending: Journal | undefined
let child: ChildProcess | undefined

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/** The built folders a rebuild writes: the action's dist/ and the azure-mutex command's dist-cli/ (when built). */
const BUILT = ['dist', 'dist-cli'].map((name) => join(ROOT, name))
const builtFiles = (): string[] => BUILT.flatMap((dir) => (existsSync(dir) ? walk(dir) : []))

function snapshotDist(): void {
  for (const path of builtFiles()) distSnapshot.set(path, readFileSync(path))
}

function writeJournal(journal: Journal | undefined): void {
  if (journal) {
    mkdirSync(dirname(JOURNAL), { recursive: true })
    writeFileSync(JOURNAL, JSON.stringify(journal))
  } else {
    rmSync(JOURNAL, { force: true })
  }
}

/** Puts back the mutated file and the dist/ files; synchronous, so it also runs on exit. */
function restore(): void {
  if (!pending) return
  writeFileSync(join(ROOT, pending.file), pending.original)
  if (pending.rebuilt) {
    for (const path of builtFiles()) if (!distSnapshot.has(path)) rmSync(path)
    for (const [path, content] of distSnapshot) {
      mkdirSync(dirname(path), { recursive: true })
      if (!existsSync(path) || !readFileSync(path).equals(content)) writeFileSync(path, content)
    }
  }
  pending = undefined
  writeJournal(undefined)
}

/** A journal left by a run that was killed outright: put its file back, and rebuild dist/ from the restored sources. */
function recoverFromJournal(): void {
  if (!existsSync(JOURNAL)) return
  const journal = JSON.parse(readFileSync(JOURNAL, 'utf8')) as Journal
  if (journal.root !== ROOT) {
    throw new Error(`${JOURNAL} belongs to a run in ${journal.root}: finish or recover that one first`)
  }
  console.log(`A previous run was stopped with ${journal.file} mutated: putting it back.`)
  writeFileSync(join(ROOT, journal.file), journal.original)
  if (journal.rebuilt) build()
  writeJournal(undefined)
}

function stopChild(): void {
  // The tests run in a process group of their own: end that group (Azurite and jobs included).
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the tests and putting the tree back.`)
    stopChild()
    restore()
    process.exit(130)
  })
}
process.on('exit', () => {
  stopChild()
  restore()
})

// ---------------------------------------------------------------- building and testing

/** dist/ is one bundle of every entry (npm run build): a mutant in src/ is rebuilt into all of it. */
function build(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`)
}

interface TestRun {
  passed: boolean
  tests: number
  output: string
  timedOut: boolean
  /** With stopAtFirstFailure: the test whose failure ended the run. */
  firstFailure?: string
}

/** A failed test as the spec reporter prints it: '✖ <name> (<time>)', indented by its depth. */
const FAILED_TEST = /^\s*✖ (.*) \([\d.]+m?s\)$/m

/**
 * Runs the test files. With stopAtFirstFailure, the run is ended at the first
 * failing test: one failure kills a mutant, and a mutant that makes the rest
 * hang would otherwise cost a per-test timeout for each of them.
 */
function runTests(files: string[], pattern: string | undefined, stopAtFirstFailure = false): Promise<TestRun> {
  const args = ['--test', '--test-concurrency=1', '--test-timeout=180000']
  if (pattern) args.push(`--test-name-pattern=${pattern}`)
  return new Promise((done) => {
    let output = ''
    let timedOut = false
    let firstFailure: string | undefined
    child = spawn(process.execPath, [...args, ...files], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (!stopAtFirstFailure || firstFailure !== undefined) return
      firstFailure = FAILED_TEST.exec(output)?.[1]
      if (firstFailure !== undefined) stopChild()
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      timedOut = true
      stopChild()
    }, MUTANT_TIMEOUT_MS)
    child.once('close', (code) => {
      clearTimeout(timer)
      child = undefined
      const tests = Number(/^ℹ tests (\d+)$/m.exec(output)?.[1] ?? 0)
      done({ passed: code === 0 && firstFailure === undefined, tests, output, timedOut, firstFailure })
    })
  })
}

// ---------------------------------------------------------------- the run

type Result = 'killed' | 'SURVIVED' | 'ERROR'

interface Row {
  mutant: Mutant
  result: Result
  detail: string
  ms: number
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

function countOf(text: string, part: string): number {
  return text.split(part).length - 1
}

async function runMutant(mutant: Mutant): Promise<Row> {
  const started = Date.now()
  const row = (result: Result, detail: string): Row => ({ mutant, result, detail, ms: Date.now() - started })
  const path = join(ROOT, mutant.file)
  if (!existsSync(path)) return row('ERROR', `${mutant.file} does not exist: the list is stale`)
  const original = readFileSync(path, 'utf8')
  const found = countOf(original, mutant.original)
  if (found !== 1) {
    return row('ERROR', `the snippet occurs ${found} times in ${mutant.file} (expected once): the list is stale`)
  }
  // Only end-to-end tests run the built dist/; the others import src/ directly.
  const rebuild = mutant.tests.some((t) => t.startsWith('test/e2e/'))

  pending = { root: ROOT, file: mutant.file, original, rebuilt: rebuild }
  writeJournal(pending)
  try {
    writeFileSync(path, original.replace(mutant.original, mutant.replacement))
    if (rebuild) build()
    const run = await runTests(mutant.tests, mutant.pattern, true)
    if (run.firstFailure !== undefined) return row('killed', `by: ${run.firstFailure} (the first failing test)`)
    // A mutant that makes the tests hang is caught, but a hang is a poor way to be told: say so.
    if (run.timedOut) return row('killed', `HUNG: the tests did not finish within ${seconds(MUTANT_TIMEOUT_MS)}`)
    if (run.tests === 0) return row('ERROR', 'no test ran (the file list or the name pattern matches nothing)')
    if (!run.passed) {
      // Node lists the failing tests after '✖ failing tests:', each as '✖ <name> (<time>)'.
      const listed = run.output.slice(run.output.indexOf('✖ failing tests:'))
      const failing = [...listed.matchAll(/^✖ (.*) \([\d.]+m?s\)$/gm)].map((m) => m[1]!)
      return row('killed', failing.length > 0 ? `by: ${[...new Set(failing)].join('; ')}` : 'the test run failed')
    }
    return row('SURVIVED', `${run.tests} tests passed with the mutant in`)
  } catch (err) {
    return row('ERROR', err instanceof Error ? err.message : String(err))
  } finally {
    restore()
  }
}

/** Runs each distinct set of listed tests on the unchanged tree: a test that fails anyway proves nothing. */
async function baseline(mutants: Mutant[]): Promise<string[]> {
  const problems: string[] = []
  const sets = new Map<string, Mutant>()
  for (const m of mutants) sets.set(`${m.tests.join(' ')}|${m.pattern ?? ''}`, m)
  for (const m of sets.values()) {
    const what = `${m.tests.join(' ')}${m.pattern ? ` (tests matching '${m.pattern}')` : ''}`
    process.stdout.write(`  ${what} ... `)
    const run = await runTests(m.tests, m.pattern)
    const ok = run.passed && run.tests > 0
    console.log(ok ? `pass (${run.tests} tests)` : run.tests === 0 ? 'NO TEST RAN' : 'FAIL')
    if (!ok) problems.push(what)
  }
  return problems
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      list: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
    },
    strict: true,
  })
  const wanted = values.only?.split(',').map((id) => id.trim())
  const unknown = wanted?.filter((id) => !MUTANTS.some((m) => m.id === id)) ?? []
  if (unknown.length > 0) {
    console.error(`--only: no mutant named ${unknown.join(', ')}; --list shows them.`)
    return 2
  }
  const mutants = wanted ? MUTANTS.filter((m) => wanted.includes(m.id)) : MUTANTS
  if (values.list) {
    // Also says whether each snippet is still where the list says: a quick check that the list is not stale.
    let stale = 0
    for (const m of mutants) {
      const path = join(ROOT, m.file)
      const found = existsSync(path) ? countOf(readFileSync(path, 'utf8'), m.original) : 0
      if (found !== 1) stale++
      console.log(`${m.id.padEnd(38)} ${found === 1 ? '' : `STALE (found ${found} times) `}${m.file}: ${m.harm}`)
    }
    return stale === 0 ? 0 : 1
  }

  const began = Date.now()
  recoverFromJournal()
  snapshotDist()
  console.log(`azure-mutex-action mutation check: ${mutants.length} mutants of the lines that keep the lock safe.`)
  if (!values['no-baseline']) {
    console.log('Baseline: the listed tests on the unchanged tree')
    const broken = await baseline(mutants)
    if (broken.length > 0) {
      console.error(
        `These tests fail without any mutant, so they cannot tell a mutant apart:\n  ${broken.join('\n  ')}`,
      )
      return 1
    }
  }

  console.log('Mutants:')
  const rows: Row[] = []
  for (const mutant of mutants) {
    process.stdout.write(`  ${mutant.id} ... `)
    const row = await runMutant(mutant)
    console.log(`${row.result} (${seconds(row.ms)})`)
    rows.push(row)
  }

  const idWidth = Math.max(...rows.map((r) => r.mutant.id.length))
  const fileWidth = Math.max(...rows.map((r) => r.mutant.file.length))
  console.log('')
  console.log(`${'mutant'.padEnd(idWidth)}  ${'file'.padEnd(fileWidth)}  result    time    detail`)
  for (const r of rows) {
    console.log(
      `${r.mutant.id.padEnd(idWidth)}  ${r.mutant.file.padEnd(fileWidth)}  ${r.result.padEnd(8)}  ${seconds(r.ms).padStart(6)}  ${r.detail}`,
    )
  }
  const count = (result: Result): number => rows.filter((r) => r.result === result).length
  console.log(
    `\n${rows.length} mutants: ${count('killed')} killed, ${count('SURVIVED')} survived, ${count('ERROR')} errors, in ${seconds(Date.now() - began)}.`,
  )
  for (const r of rows.filter((row) => row.result === 'SURVIVED')) {
    console.log(
      `Survived: ${r.mutant.id}: ${r.mutant.harm}. Add a test to ${r.mutant.tests.join(', ')} that fails with it.`,
    )
  }
  for (const r of rows.filter((row) => row.result === 'ERROR')) {
    console.log(`Error: ${r.mutant.id}: ${r.detail}. Update the list in scripts/mutate.ts.`)
  }
  return count('SURVIVED') + count('ERROR') === 0 ? 0 : 1
}

process.exitCode = await main()
