// The release step (uses: org/azure-mutex-action/release@v1): lets a lock go
// before the job ends, when slow steps that need no lock follow. It asks the
// lock's renewer through the channel post uses, so it needs no credentials;
// the renewer releases, then stays, idle, to tell post how it went. Post then
// reports the early release and passes.

import * as core from '@actions/core'
import { formatDuration } from '../lock/duration.ts'
import { askToLetGo } from '../renewer/control.ts'
import { healedLapseWarning } from '../renewer/lifecycle.ts'
import { failStep } from './failure.ts'
import { heldLocks, pickHeld, withdrawHeld, type HeldLock } from './held-locks.ts'
import { endRunHold } from './end-run-hold.ts'
import { readOptionalLockName, readRunHold } from './inputs.ts'
import { lossMessage } from './loss.ts'

export async function runRelease(): Promise<void> {
  try {
    const read = (name: string): string => core.getInput(name)
    const lockName = readOptionalLockName(read)
    const held = heldLocks()
    // scope run, and this job does not hold the lock: it ends the hold its run left on it (end-run-hold.ts).
    if (readRunHold(read) !== undefined && !held.some((lock) => lockName === undefined || lock.lockName === lockName)) {
      return await endRunHold(read)
    }
    await release(pickHeld(held, lockName))
  } catch (err) {
    failStep(err, undefined)
  }
}

async function release(lock: HeldLock): Promise<void> {
  const { location } = lock
  const asked = await askToLetGo(lock.channel, { op: 'release', by: 'release step' }, { killIfStuck: false })
  const later = `The main action's post step will release it, or report what happened to it.`
  switch (asked.answer.kind) {
    case 'gone':
      core.warning(`The renewer of lock ${location} is not running any more. ${later}`)
      return
    case 'silent':
    case 'stopped':
      core.warning(`The renewer of lock ${location} did not answer. ${later}`)
      return
    case 'impostor':
      core.warning(
        `Something other than the renewer of lock ${location} listens at its address and could not prove who it ` +
          `is: it was told nothing. ${later}`,
      )
      return
    case 'answered':
      break
  }
  const report = asked.answer.report
  switch (report.phase) {
    case 'released': {
      withdrawHeld(location)
      const releasedAt = report.released ? Date.parse(report.released.at) : Date.now()
      const held = formatDuration(releasedAt - Date.parse(lock.acquiredAt))
      const by = report.released?.by === 'release step' ? '' : ` (by the ${report.released?.by}, earlier)`
      core.info(
        `Released lock ${location} early${by}, after holding it for ${held} ` +
          `(${report.renewals} renewals, longest gap ${formatDuration(report.longestGapMs)}).`,
      )
      if (report.healedLapse) core.warning(healedLapseWarning(report.healedLapse))
      return
    }
    case 'lost':
      withdrawHeld(location)
      // The loss is news the job must see now: the steps it protected may have overlapped another holder.
      if (report.loss) {
        core.error(lossMessage(location, report.loss), { title: 'Lock lost' })
        process.exitCode = 1
        return
      }
      throw new Error(`the renewer says lock ${location} was lost, without saying when`)
    case 'unreleased':
      core.warning(
        `The renewer could not release lock ${location} (${report.error ?? 'no reason given'}). ` +
          "The post step will try again with the step's credentials; else the lease expires by itself.",
      )
      return
    default:
      core.warning(`The renewer of lock ${location} is ${report.phase}, not holding the lock. ${later}`)
  }
}
