// Blob metadata as this action writes it: the codec every record uses (the
// holder record, holder.ts; the hold, deploy/hold.ts; the break note,
// break-record.ts), and the keys of the handover (queue/handover.ts), which
// the holder record clears with its own. Metadata read from a blob is
// untrusted: decoding it never throws, and it is shown only through
// untrusted-text.ts.

/** The queue entry's key for the lease id its waiter will hold the lock under. */
export const NEXT_LEASE_KEY = 'azure_mutex_next_lease_id'

/**
 * The lock blob's key for the ticket the lease was handed to. It is a holder
 * key (holder.ts): the new holder's record replaces it, and a release clears it.
 */
export const HANDED_TO_KEY = 'azure_mutex_handed_to'

/**
 * Metadata travels in HTTP headers: ASCII only, and white space at either end
 * is trimmed (runs of it may be folded by whatever relays the header).
 * Percent-encode everything else, '%' itself, and every space that is not a
 * single space between two other characters, so that the value reads back
 * exactly. A lone surrogate, which no runner variable can hold, is stored as
 * U+FFFD.
 */
export function encodeValue(value: string): string {
  const ascii = value.replace(/[^\x20-\x24\x26-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch)
    } catch {
      return '%EF%BF%BD' // a lone surrogate: store U+FFFD instead
    }
  })
  return ascii.replace(/ +/g, (spaces, at: number) =>
    spaces.length === 1 && at > 0 && at + 1 < ascii.length ? ' ' : '%20'.repeat(spaces.length),
  )
}

/** A metadata value as encodeValue wrote it, decoded; a value it cannot decode is kept as it is. */
export function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
