// The record of one supersede key (latest.ts) as one read shows it: the
// queue's look carries it (queue/entry.ts), and the latest store reads it.

import type { HolderRecord } from '../holder.ts'

/** The record of the highest sequence that held one key, as read, with the ETag to write it over. */
export interface LatestRead {
  record: HolderRecord | undefined
  etag: string | undefined
  /** The record's blob is leased: by a stranger, as this action never leases it (latest-blobs.ts). */
  leased?: boolean
}
