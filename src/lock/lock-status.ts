// What a look at a lock shows, read-only: held or free, by whom, with what
// kind of lease, and the last break. One blob's properties and one item of a
// List Blobs answer carry the same facts, so both map through statusOf.

import { breakFromMetadata, type BreakRecord } from './break-record.ts'
import { holderFromMetadata, type HolderRecord } from './holder.ts'

/** A lease of 15 to 60 s that its holder renews, or one that never expires (which this action never takes). */
export type LeaseKind = 'fixed' | 'infinite'

export interface LockStatus {
  /** The lock's name: its blob's name in the container. */
  name: string
  /** Someone holds the lease: it is leased, or breaking (a break period runs). */
  held: boolean
  /** Azure's lease state: available, leased, expired, breaking or broken. */
  leaseState: string
  /** For a held lock: the kind of lease, when Azure says. */
  leaseKind?: LeaseKind
  /** For a held lock: the holder record, when the holder wrote one. */
  holder?: HolderRecord
  /** The last break record on the blob, whichever lease it broke. */
  lastBreak?: BreakRecord
}

/** The properties of a blob that say what state its lock is in, as getProperties and List Blobs give them. */
export interface LockProperties {
  leaseState?: string
  leaseDuration?: string
  metadata?: Record<string, string>
}

export function statusOf(name: string, properties: LockProperties): LockStatus {
  const leaseState = properties.leaseState ?? 'available'
  const held = leaseState === 'leased' || leaseState === 'breaking'
  const status: LockStatus = { name, held, leaseState }
  if (held) {
    if (properties.leaseDuration === 'infinite' || properties.leaseDuration === 'fixed') {
      status.leaseKind = properties.leaseDuration
    }
    const holder = holderFromMetadata(properties.metadata)
    if (holder) status.holder = holder
  }
  const lastBreak = breakFromMetadata(properties.metadata)
  if (lastBreak) status.lastBreak = lastBreak
  return status
}
