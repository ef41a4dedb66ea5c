// The locks this job holds, published for the job's later steps. A release
// step is an action of its own: it cannot read main's state, and it has no
// credentials. Main therefore exports, through $GITHUB_ENV, where each lock's
// renewer listens and the key (`token`) that the renewer and its callers
// prove themselves with (renewer/proof.ts; the key itself never crosses the
// channel); a second lock step adds its lock to the list, and a release step
// takes its lock off. The key is masked: the runner shows exported variables
// in later steps' logs.

import * as core from '@actions/core'
import { UserError } from '../lock/errors.ts'
import { MalformedError } from '../lock/spec.ts'
import { showUntrusted } from '../lock/untrusted-text.ts'
import type { ChannelRef } from '../renewer/channel.ts'
import { Exported, Inputs } from './constants.ts'
import { listOf, nonEmptyText, parseJson, shape, time, type Shaped } from './shape.ts'

const heldLockFields = {
  lockName: nonEmptyText,
  /** account/container/name, as the logs name the lock. */
  location: nonEmptyText,
  acquiredAt: time,
  channel: shape({ address: nonEmptyText, token: nonEmptyText }),
}

export type HeldLock = Shaped<typeof heldLockFields>

/** More locks than any job holds: a list longer than this was not written by main. */
const MAX_HELD = 100

const heldLocksShape = listOf(shape(heldLockFields), MAX_HELD)

/** The locks the earlier steps published; [] when none. Throws MalformedError when the variable holds something else. */
export function heldLocks(env: NodeJS.ProcessEnv = process.env): HeldLock[] {
  const value = env[Exported.HeldLocks]
  if (!value) return []
  const held = parseJson(value, heldLocksShape)
  if (!held) throw new MalformedError(`${Exported.HeldLocks} is not the list that the main step writes`)
  return held
}

function publish(held: HeldLock[]): void {
  // Without the file, core.exportVariable would fall back to the set-env command, which runners refuse.
  if (!process.env.GITHUB_ENV) {
    core.debug(`GITHUB_ENV is not set: release steps cannot find this job's locks (${Exported.HeldLocks}).`)
    return
  }
  core.exportVariable(Exported.HeldLocks, JSON.stringify(held))
}

/** Adds a lock this job now holds (in place of an older entry for the same lock). */
export function publishHeld(lock: { lockName: string; location: string; acquiredAt: Date; channel: ChannelRef }): void {
  core.setSecret(lock.channel.token)
  let held: HeldLock[]
  try {
    held = heldLocks()
  } catch {
    core.debug(`${Exported.HeldLocks} held something else: starting the list again`)
    held = []
  }
  const entry: HeldLock = {
    lockName: lock.lockName,
    location: lock.location,
    acquiredAt: lock.acquiredAt.toISOString(),
    channel: { address: lock.channel.address, token: lock.channel.token },
  }
  publish([...held.filter((other) => other.location !== lock.location), entry])
}

/**
 * Main refuses a lock that an earlier step of this job holds already: a
 * second take would wait in line behind the job itself, until its timeout or
 * the job's time limit. Two different locks are fine. A list that earlier
 * steps garbled is not this check's business: the release step reports it.
 */
export function refuseHeldTwice(location: string, env: NodeJS.ProcessEnv = process.env): void {
  let held: HeldLock[]
  try {
    held = heldLocks(env)
  } catch {
    return
  }
  const same = held.find((lock) => lock.location === location)
  if (!same) return
  throw new UserError(
    `This job already holds lock ${showUntrusted(same.location)} since ${showUntrusted(same.acquiredAt, 40)}: ` +
      'a second take would wait for the job itself. Release it first (uses: org/azure-mutex-action/release@v1), ' +
      `or use another '${Inputs.LockName}'.`,
  )
}

/** Takes a released lock off the list. */
export function withdrawHeld(location: string): void {
  publish(heldLocks().filter((other) => other.location !== location))
}

/**
 * The held lock a release step means: the one named, or the only one. One
 * clear error otherwise, listing what the job holds.
 */
export function pickHeld(held: HeldLock[], lockName: string | undefined): HeldLock {
  // Earlier steps of the job wrote these; shown like any text the action did not write itself.
  const list = (locks: HeldLock[]): string => locks.map((lock) => showUntrusted(lock.location)).join(', ')
  if (held.length === 0) {
    throw new UserError(
      'This job holds no lock to release: the main action (uses: org/azure-mutex-action@v1) must take it earlier ' +
        "in the same job. (It took none, it did not get the lock with 'fail-on-timeout: false', or a release step " +
        'released it already.)',
    )
  }
  if (lockName === undefined) {
    if (held.length === 1) return held[0]!
    throw new UserError(
      `This job holds ${held.length} locks (${list(held)}): name the one to release in '${Inputs.LockName}'.`,
    )
  }
  const named = held.filter((lock) => lock.lockName === lockName)
  if (named.length === 1) return named[0]!
  if (named.length === 0) {
    throw new UserError(`This job holds no lock named '${lockName}'; it holds ${list(held)}.`)
  }
  throw new UserError(
    `This job holds ${named.length} locks named '${lockName}', in different containers or accounts (${list(named)}): ` +
      'a release step cannot tell them apart; let their post steps release them.',
  )
}
