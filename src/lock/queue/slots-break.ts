// What breaking a lock with slots says (LockBlob.breakEverySlot): the break
// step and `azure-mutex break` print the same lines. A lock of one slot keeps
// the lines it always had; these are for a lock whose counter keeps N > 1, or
// that has a leased slot blob beside its lock blob.

import { describeBreak } from '../break-record.ts'
import { describeHolder } from '../holder.ts'
import type { SlotsBreak } from '../lock-blob-break.ts'

/** True when the break touched more than the lock blob, or the lock has slots: the lines below are its report. */
export function isSlotsBreak(result: SlotsBreak): boolean {
  return result.count > 1 || result.slots.length > 1
}

/**
 * "Broke the leases on 2 of the 3 slots of lock L: slot 1 held by …, slot 3
 * held by …." and the break record written, or that no slot was leased; and
 * as warnings, the slots whose record another client beat, and a listing that
 * was refused (only slot 1 was looked at). Every value from storage goes
 * through showUntrusted (describeHolder, describeBreak).
 */
export function slotsBreakLines(location: string, result: SlotsBreak): { info: string[]; warnings: string[] } {
  const broken = result.slots.flatMap((s) => (s.outcome === 'broken' ? [s] : []))
  const info: string[] = []
  const warnings: string[] = []
  const of = `${result.count} slot${result.count === 1 ? '' : 's'}`
  if (broken.length === 0) {
    info.push(`Lock ${location} is not held: none of its ${of} is leased; nothing to break, nothing written.`)
  } else {
    const who = broken.map((s) => `slot ${s.slot} held by ${describeHolder(s.holder)}`).join(', ')
    const leases = broken.length === 1 ? 'the lease' : 'the leases'
    info.push(`Broke ${leases} on ${broken.length} of the ${of} of lock ${location}: ${who}.`)
    const recorded = broken.find((s) => s.recorded)
    if (recorded) info.push(`Wrote on each broken slot's blob: ${describeBreak(recorded.record)}.`)
    for (const s of broken.filter((b) => !b.recorded)) {
      warnings.push(
        `Another client took slot ${s.slot} of lock ${location} before the break record could be written: ` +
          "its former holder's post step will report the loss without naming this break.",
      )
    }
  }
  if (!result.listed) {
    warnings.push(
      `The credential may not list the container: only slot 1 (the lock blob) of lock ${location} was looked at; ` +
        'other slots, if it has any, were not broken.',
    )
  }
  return { info, warnings }
}
