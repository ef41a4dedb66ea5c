// Breaking a lock's lease on purpose (the break step, azure-mutex break): at
// once, with a break record that tells the former holder's post step who broke
// it and when, by the service's clock; with slots, on every slot.

import type { BlobAccess } from './blob-access.ts'
import { breakToMetadata, isBreakKey, type BreakRecord } from './break-record.ts'
import { isHoldKey } from './deploy/hold.ts'
import { storageErrorCode, statusCode } from './errors.ts'
import { holderFromMetadata, type HolderRecord } from './holder.ts'
import { isMissing } from './lease-answers.ts'
import { listLockFolder } from './queue/slots-blobs.ts'
import { MAX_SLOTS } from './queue/slots.ts'
import type { RequestOptions } from './request.ts'
import { readTime } from './service-time.ts'

/** What breaking every slot did (breakEverySlot): the outcome on each slot it tried, slot 1 first. */
export interface SlotsBreak {
  /** The lock's number of slots, as its counter keeps it (1 when it keeps none). */
  count: number
  slots: Array<{ slot: number } & BreakOutcome>
  /** False when the credential may not list: only slot 1 was looked at. */
  listed: boolean
}

export type BreakOutcome =
  /** The blob (or its container) does not exist. */
  | { outcome: 'missing' }
  /** Nobody held a lease: nothing was broken and nothing written. */
  | { outcome: 'not-held' }
  /**
   * The lease was broken, and it was held by `holder` (undefined: a client
   * that writes no record). `recorded` is false when another client took the
   * lease before the break record could be written.
   */
  | { outcome: 'broken'; holder: HolderRecord | undefined; record: BreakRecord; recorded: boolean }

/**
 * Breaks whatever lease the blob has, at once (break period 0), and writes
 * the break record that `describe` makes for the holder it found. The
 * record is merged with the metadata on the blob (the holder record and
 * others' keys stay). It is written without a lease, as nobody holds one
 * after the break: if a waiter takes the lease first, Azure refuses the
 * write (412) and no record is written, which the outcome says.
 * `describe` is given the service's clock at the break (its answer's Date
 * header), so the record is dated on the clock the former holder's post
 * step judges it by, whatever the breaker's own clock says.
 */
export async function breakLease(
  lock: BlobAccess,
  describe: (holder: HolderRecord | undefined, brokenAt: Date | undefined) => BreakRecord,
  options: RequestOptions = {},
): Promise<BreakOutcome> {
  return lock.request(options, async (abortSignal) => {
    let holder: HolderRecord | undefined
    let brokenAt: Date | undefined
    try {
      const props = await lock.blob.getProperties({ abortSignal })
      if (props.leaseState !== 'leased' && props.leaseState !== 'breaking') return { outcome: 'not-held' }
      holder = holderFromMetadata(props.metadata)
      brokenAt = readTime((await lock.blob.getBlobLeaseClient().breakLease(0, { abortSignal })).date)
    } catch (err) {
      if (isMissing(err)) return { outcome: 'missing' }
      // Released between the look and the break: there was nothing left to break.
      if (storageErrorCode(err) === 'LeaseNotPresentWithLeaseOperation') return { outcome: 'not-held' }
      throw err
    }
    const record = describe(holder, brokenAt)
    for (let attempt = 1; ; attempt++) {
      try {
        const props = await lock.blob.getProperties({ abortSignal })
        // A hold that is broken no longer stands: its record goes, so that no later lease is taken for it.
        const kept = Object.entries(props.metadata ?? {}).filter(([key]) => !isBreakKey(key) && !isHoldKey(key))
        const metadata = { ...Object.fromEntries(kept), ...breakToMetadata(record) }
        await lock.blob.setMetadata(metadata, { abortSignal, conditions: { ifMatch: props.etag } })
        return { outcome: 'broken', holder, record, recorded: true }
      } catch (err) {
        const code = storageErrorCode(err)
        if (code === 'ConditionNotMet' && attempt < 3) continue
        if (code === 'LeaseIdMissing' || code === 'ConditionNotMet' || isMissing(err)) {
          return { outcome: 'broken', holder, record, recorded: false }
        }
        throw err
      }
    }
  })
}

/**
 * Breaks the lease on every slot of the lock (slots.ts), as breakLease does
 * on one blob: slot 1, the lock blob, then every slot blob 2..N that one
 * listing of the lock's folder shows leased (whatever number the counter
 * keeps: a slot blob leased beyond it is broken too). Each record is written
 * on its own slot's blob, where that holder's post step reads it. A
 * credential that may not list breaks slot 1 alone, and `listed` says so.
 */
export async function breakEverySlot(
  lock: BlobAccess,
  describe: (holder: HolderRecord | undefined, brokenAt: Date | undefined) => BreakRecord,
  options: RequestOptions = {},
): Promise<SlotsBreak> {
  const folder = await lock
    .request(options, (signal) => listLockFolder(lock.container, lock.name, MAX_SLOTS, signal))
    .catch((err: unknown) => {
      if (statusCode(err) === 403) return undefined
      throw err
    })
  const leased = [...(folder?.slots.values() ?? [])].filter((s) => s.state === 'leased').map((s) => s.slot)
  const [first, ...others] = await Promise.all([
    breakLease(lock, describe, options),
    ...leased.map((slot) => breakLease(lock.atSlot(slot), describe, options)),
  ])
  const slots = [{ slot: 1, ...first! }, ...others.map((outcome, i) => ({ slot: leased[i]!, ...outcome }))]
  const stored = typeof folder?.stored === 'number' ? folder.stored : 1
  return { count: Math.max(stored, ...slots.map((s) => s.slot)), slots, listed: folder !== undefined }
}
