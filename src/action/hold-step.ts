// The hold step (uses: org/azure-mutex-action/hold@v1): freezes a lock. It
// waits in line like a job (FIFO, its place shown), takes the lock, and turns
// the lease into a hold (lock/deploy/hold.ts): an infinite lease with a record of who
// set it, why, and until when. No renewer stays behind: the hold outlives the
// job. Every job that comes for the lock queues behind the hold and shows it;
// when its end comes, the head of the queue ends it. The unhold step lifts it
// earlier.

import { randomUUID } from 'node:crypto'
import * as core from '@actions/core'
import { formatDuration } from '../lock/duration.ts'
import { describeHold, setFreeze } from '../lock/deploy/hold.ts'
import { openLock } from '../lock/lock-blob.ts'
import { lockLocation, type LockSpec } from '../lock/spec.ts'
import { STEP_RETRY } from '../lock/storage.ts'
import { refuseHoldOnSlots } from '../lock/queue/slots.ts'
import { waitForLease } from '../lock/waiter.ts'
import { usesEntra } from '../sign-in/methods.ts'
import { Outputs } from './constants.ts'
import { holderFromEnvironment } from './context.ts'
import { failStep } from './failure.ts'
import { readHoldSettings } from './hold-inputs.ts'
import { requestLog } from './request-log.ts'
import { signInTo } from './step-sign-in.ts'
import { waitEventLogger } from './wait-lines.ts'

export async function runHold(): Promise<void> {
  const cancel = new AbortController()
  const onSignal = (): void => cancel.abort()
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let spec: LockSpec | undefined
  let tokenAuth = false
  try {
    const settings = readHoldSettings((name) => core.getInput(name))
    spec = settings.hold.lock
    tokenAuth = usesEntra(settings.access.auth)
    const { signedIn } = await signInTo(settings.access, { check: true })
    const lock = openLock(signedIn.auth, spec, { retry: STEP_RETRY, observe: requestLog() })
    const location = lockLocation(spec)
    const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${formatDuration(settings.timeoutMs)}`
    core.info(`Taking lock ${location} to hold it (wait ${limit}).`)
    const who = holderFromEnvironment()
    const leaseId = randomUUID()
    const acquired = await waitForLease({
      lock,
      leaseId,
      spec,
      holder: who,
      timeoutMs: settings.timeoutMs,
      signal: cancel.signal,
      onEvent: waitEventLogger(spec),
    })
    const record = await setFreeze(lock, who, settings.hold, acquired)
    core.setOutput(Outputs.HeldUntil, record.until)
    core.setOutput(Outputs.FencingToken, String(acquired.fencingToken))
    core.info(`Lock ${location} is now held by ${describeHold(record)}.`)
    core.info(
      record.until
        ? `Jobs that come for it queue behind the hold; the first of them ends it at ${record.until}. ` +
            'The unhold action lifts it earlier.'
        : 'Jobs that come for it queue behind the hold until the unhold action lifts it.',
    )
  } catch (err) {
    const shown = spec ? refuseHoldOnSlots(err, lockLocation(spec)) : err
    failStep(shown, spec?.endpoint, { tokenAuth, container: spec?.container })
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
