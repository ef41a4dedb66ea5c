// The command that `azure-mutex hold` runs cannot outlive it: the built bundle
// (dist-cli/) against Azurite, with 15 s leases. A CLI killed outright
// (SIGKILL, the OOM killer) cannot end its command itself, and its lease lapses
// by itself 10 to 15 s later, when the next waiter takes the lock: the command,
// and what it started, must be gone by then. Where a test waits, it waits for a
// line or a process, not for a fixed time.

import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'
import type { Azurite } from '../support/azurite.ts'
import { cliEnv, runCli } from '../support/cli.ts'
import { allCommandLines, isAlive, lookAtLock, queueOf, withSuiteStorage } from '../support/e2e.ts'
import { describePair, readSpanFile, sweep, type Span } from '../support/spans.ts'
import { WATCHDOG_ARG } from '../../src/cli/watchdog.ts'

const NODE = process.execPath

/**
 * The command of the CLI that is killed: it writes its pid, starts a
 * descendant, and runs 25 s, longer than a lease. SIGTERM ends it.
 */
const LEADER = `
  const fs = require('node:fs')
  const { spawn } = require('node:child_process')
  fs.appendFileSync(process.env.PIDS, 'leader ' + process.pid + ' ' + Date.now() + '\\n')
  spawn(process.execPath, ['-e', process.env.DESCENDANT], { stdio: 'inherit' })
  process.on('SIGTERM', () => process.exit(0))
  setTimeout(() => process.exit(0), 25_000)`

/** A command that starts the same descendant and exits once the file GO exists, leaving the descendant behind. */
const LEAVES_BEHIND = `
  const fs = require('node:fs')
  const { spawn } = require('node:child_process')
  fs.appendFileSync(process.env.PIDS, 'leader ' + process.pid + ' ' + Date.now() + '\\n')
  spawn(process.execPath, ['-e', process.env.DESCENDANT], { stdio: 'inherit' })
  const waiting = setInterval(() => fs.existsSync(process.env.GO) && (clearInterval(waiting), process.exit(0)), 20)`

/** The leader's descendant: it ignores SIGTERM (only SIGKILL ends it), says it is ready, and runs 25 s. */
const DESCENDANT = `
  require('node:fs').appendFileSync(process.env.PIDS, 'descendant ' + process.pid + ' ' + Date.now() + '\\n')
  process.on('SIGTERM', () => {})
  console.log('ready')
  setTimeout(() => process.exit(0), 25_000)`

/** The next holder's command: its critical section, as the spans file records it. */
const NEXT = `
  const fs = require('node:fs')
  fs.appendFileSync(process.env.SPANS, 'enter next ' + Date.now() + '\\n')
  setTimeout(() => fs.appendFileSync(process.env.SPANS, 'exit next ' + Date.now() + '\\n'), 100)`

/** The processes a PIDS file names, by role. */
function pidsIn(file: string): Map<string, { pid: number; startedAt: number }> {
  const found = new Map<string, { pid: number; startedAt: number }>()
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const [role, pid, at] = line.split(' ')
    found.set(role!, { pid: Number(pid), startedAt: Number(at) })
  }
  return found
}

/** Polls every 10 ms until the process is gone (exited, or a zombie); returns when that was seen. */
async function goneAt(pid: number, limitMs: number): Promise<number | undefined> {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return Date.now()
    await delay(10)
  }
  return undefined
}

/** The watchdogs a CLI with this pid started that are still running. */
const watchdogsOf = (cliPid: number): string[] =>
  allCommandLines().filter((line) => line.includes(`${WATCHDOG_ARG} ${cliPid}`))

async function noWatchdogOf(cliPid: number, limitMs = 3_000): Promise<string[]> {
  const deadline = Date.now() + limitMs
  while (watchdogsOf(cliPid).length > 0 && Date.now() < deadline) await delay(50)
  return watchdogsOf(cliPid)
}

describe('the command of azure-mutex hold, when the CLI is gone', () => {
  let azurite: Azurite
  withSuiteStorage((storage) => ({ azurite } = storage))

  /**
   * One round: the holder's CLI is SIGKILLed while a second hold waits in line;
   * returns how long its command (which leaves on SIGTERM) and its descendant
   * (which only SIGKILL ends) outlived it.
   */
  async function killedWhileHolding(lockName: string): Promise<{ leader: number; descendant: number }> {
    const dir = mkdtempSync(join(tmpdir(), 'cli-watchdog-'))
    const pids = join(dir, 'pids')
    const spans = join(dir, 'spans.log')
    writeFileSync(pids, '')
    appendFileSync(spans, '')
    const holder = runCli(['hold', lockName, '--', NODE, '-e', LEADER], cliEnv(azurite, { PIDS: pids, DESCENDANT }))
    await holder.line(/^ready$/, 'stdout')
    const next = runCli(['hold', lockName, '--', NODE, '-e', NEXT], cliEnv(azurite, { SPANS: spans }))
    await next.line(/2nd in line for locks\//)
    assert.equal((await queueOf(azurite, lockName)).length, 1, 'the next hold waits in line')

    const started = pidsIn(pids)
    const leader = started.get('leader')!
    const descendant = started.get('descendant')!
    assert.ok(isAlive(leader.pid) && isAlive(descendant.pid), 'the command and its descendant run')
    holder.child.kill('SIGKILL')
    const killedAt = Date.now()
    const [leaderGone, descendantGone] = await Promise.all([goneAt(leader.pid, 30_000), goneAt(descendant.pid, 30_000)])
    assert.ok(leaderGone !== undefined && descendantGone !== undefined, 'the command and its descendant ended')
    const lastGone = Math.max(leaderGone, descendantGone)

    const { code, stderr } = await next.exited
    assert.equal(code, 0, stderr)
    const { spans: found, unmatched } = readSpanFile(spans)
    assert.deepEqual(unmatched, [])
    const killed: Span[] = [
      { who: 'killed-leader', enter: leader.startedAt, exit: leaderGone },
      { who: 'killed-descendant', enter: descendant.startedAt, exit: descendantGone },
    ]
    const nextEnter = found.find((span) => span.who === 'next')!.enter
    assert.ok(
      nextEnter > lastGone,
      `the next command started at ${nextEnter}, after the killed one was gone at ${lastGone}`,
    )
    assert.deepEqual(
      sweep([...found, ...killed])
        .overlaps.filter(([a, b]) => a.who === 'next' || b.who === 'next')
        .map(describePair),
      [],
      'no overlap with the next holder',
    )
    assert.deepEqual(await noWatchdogOf(holder.child.pid!), [], 'the watchdog left once it had done its work')
    return { leader: leaderGone - killedAt, descendant: descendantGone - killedAt }
  }

  it('is ended, descendants too, within seconds, before the next waiter holds the lock (2 rounds)', async (t) => {
    const survived: Array<{ leader: number; descendant: number }> = []
    for (const round of [1, 2]) survived.push(await killedWhileHolding(`sigkilled-${round}`))
    t.diagnostic(
      `a SIGKILLed CLI's command survived it by ${survived.map((s) => `${s.leader} ms`).join(', ')}; ` +
        `its descendant that ignores SIGTERM by ${survived.map((s) => `${s.descendant} ms`).join(', ')}`,
    )
    for (const { leader, descendant } of survived) {
      // The lease lapses 10 to 15 s after the CLI's last renewal (every 5 s): well before that.
      assert.ok(leader < 5_000 && descendant < 5_000, `the command outlived its CLI by ${leader} and ${descendant} ms`)
    }
  })

  it('ends what its command left running before the next waiter holds the lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-watchdog-'))
    const pids = join(dir, 'pids')
    const spans = join(dir, 'spans.log')
    const go = join(dir, 'go')
    writeFileSync(pids, '')
    appendFileSync(spans, '')
    const holder = runCli(
      ['hold', 'left-behind', '--', NODE, '-e', LEAVES_BEHIND],
      cliEnv(azurite, { PIDS: pids, DESCENDANT, GO: go }),
    )
    await holder.line(/^ready$/, 'stdout')
    const next = runCli(['hold', 'left-behind', '--', NODE, '-e', NEXT], cliEnv(azurite, { SPANS: spans }))
    await next.line(/2nd in line for locks\/left-behind/)
    const descendant = pidsIn(pids).get('descendant')!
    writeFileSync(go, '')
    const gone = await goneAt(descendant.pid, 30_000)
    assert.ok(gone !== undefined, 'the descendant left behind ended')
    const [held, after] = await Promise.all([holder.exited, next.exited])
    assert.equal(after.code, 0, after.stderr)
    const nextEnter = readSpanFile(spans).spans.find((span) => span.who === 'next')!.enter
    assert.ok(
      nextEnter > gone,
      `the next command started at ${nextEnter}, after the one left behind was gone at ${gone}`,
    )
    assert.ok(gone - descendant.startedAt < 10_000, 'it was ended, not left to finish its 25 s')
    assert.equal(held.code, 0, held.stderr)
    assert.match(
      held.stderr,
      /warning: the command exited and left processes of its group running: ending them \(SIGTERM, then SIGKILL after 2s\) before letting go of lock devstoreaccount1\/locks\/left-behind\./,
    )
  })

  it('a hold that ends normally leaves no watchdog, and SIGINT to the CLI reaches every process of its command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-watchdog-'))
    const out = join(dir, 'signals')
    writeFileSync(out, '')
    // A shell whose child records the SIGINT it gets, as a terminal's Ctrl-C would reach it.
    const child = `process.on('SIGINT', () => { require('node:fs').appendFileSync(process.env.OUT, 'child\\n'); process.exit(3) }); console.log('ready'); setTimeout(() => {}, 5000)`
    const run = runCli(
      ['hold', 'relayed', '--', 'sh', '-c', `trap 'echo shell >> "$OUT"' INT; ${NODE} -e "$CHILD"; wait`],
      cliEnv(azurite, { OUT: out, CHILD: child }),
    )
    await run.line(/^ready$/, 'stdout')
    assert.equal(watchdogsOf(run.child.pid!).length, 1, 'a watchdog watches the command')
    run.child.kill('SIGINT')
    const { code, stderr } = await run.exited
    assert.match(stderr, /Released lock devstoreaccount1\/locks\/relayed\./)
    assert.deepEqual(readFileSync(out, 'utf8').split('\n').filter(Boolean).sort(), ['child', 'shell'], stderr)
    assert.notEqual(code, 125, stderr)
    assert.equal((await lookAtLock(azurite, 'relayed')).leaseState, 'available')
    assert.deepEqual(await noWatchdogOf(run.child.pid!), [], 'no watchdog is left')
  })
})
