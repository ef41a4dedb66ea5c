// How a lost lock is reported, by post and by a release step: when
// exclusivity ended, when the loss was found and why, and who broke the lease
// when a break step did.

import { describeBreak, type BreakRecord } from '../lock/break-record.ts'
import type { LossRecord } from '../renewer/lifecycle.ts'

export function lossMessage(location: string, loss: LossRecord, brokenBy?: BreakRecord): string {
  const broken = brokenBy ? ` It was ${describeBreak(brokenBy)}.` : ''
  return (
    `Lock ${location} was lost: exclusivity was guaranteed only until ${loss.exclusiveUntil}, ` +
    `and the loss was found at ${loss.detectedAt}: ${loss.reason}.${broken} ` +
    `Steps that ran under the lock after ${loss.exclusiveUntil} may have overlapped another holder.`
  )
}
