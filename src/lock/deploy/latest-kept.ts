// Latest wins, kept on the lock blob as well (latest.ts): each key's highest
// sequence that held the lock, so that deleting the .azure-mutex/ folder,
// which holds the keys' records (latest-blobs.ts), does not erase the stale
// guard. It is one metadata key on the lock blob, written by the holder under
// the lock's lease in the same Set Metadata as its holder record (no request
// is added), and carried forward by every other write to the lock blob, as
// the fencing token is (holder.ts, FENCING_KEY).
//
//   azure_mutex_latest: <digest>:<sequence>,<digest>:<sequence>,...
//
// <digest> is the first 16 hex digits of the key's SHA-256 (any key fits in a
// metadata value that way, and 64 bits keep real keys apart), <sequence> the
// highest sequence of that key that held. The key raised last comes first.
// Lock blob metadata is 8 KiB in all, the holder record included, so the list
// keeps the KEPT_KEYS_MAX keys raised most recently (at most about 1.1 KB),
// and fewer when the rest of the metadata leaves less room (a long key and
// long hold or break reasons, percent-encoded); a key raised longer ago drops
// off the lock blob, and its record in the folder is then the only place
// that remembers it.
//
// The lock blob is written by anyone who may write the container while the
// lock is free, like the records: what is read here is untrusted. Entries that
// do not parse are dropped, and a sequence is compared, never shown beyond its
// digits. go-azuremutex uploads the lock blob again, without metadata, every
// time it takes a free lock: the list is then gone until each key holds again,
// and the folder's records still have it.

import { createHash } from 'node:crypto'
import { parseSequence } from './latest.ts'

/** The lock blob's metadata key for the keys' highest sequences. */
export const LATEST_KEPT_KEY = 'azure_mutex_latest'

/** The most keys the lock blob keeps: 32 entries of at most 34 characters, about 1.1 KB of its 8 KiB. */
export const KEPT_KEYS_MAX = 32

const DIGEST = /^[0-9a-f]{16}$/

/** The key as the list names it: the first 16 hex digits of its SHA-256 (UTF-8). */
export function keptDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)
}

/** The list as written on the blob (metadata keys are case-insensitive); undefined when there is none. */
function keptText(metadata: Record<string, string> | undefined): string | undefined {
  let text: string | undefined
  for (const [key, value] of Object.entries(metadata ?? {})) if (key.toLowerCase() === LATEST_KEPT_KEY) text = value
  return text
}

/** The entries of the list, in its order; an entry that does not parse, or a digest seen before, is dropped. */
export function parseKept(text: string | undefined): Array<{ digest: string; sequence: number }> {
  const entries: Array<{ digest: string; sequence: number }> = []
  const seen = new Set<string>()
  for (const part of (text ?? '').split(',')) {
    const [digest, digits, extra] = part.trim().split(':')
    const sequence = parseSequence(digits)
    if (extra !== undefined || digest === undefined || !DIGEST.test(digest) || sequence === undefined) continue
    if (seen.has(digest)) continue
    seen.add(digest)
    entries.push({ digest, sequence })
  }
  return entries
}

/** The highest sequence the lock blob keeps for `key`, or undefined when it keeps none. */
export function keptSequence(metadata: Record<string, string> | undefined, key: string): number | undefined {
  const digest = keptDigest(key)
  return parseKept(keptText(metadata)).find((entry) => entry.digest === digest)?.sequence
}

/** Azure's limit on a blob's metadata: names and values together, 8 KiB. */
export const METADATA_LIMIT = 8 * 1024

/** The size Azure counts for metadata: every name and every value (ASCII: what encodeValue writes). */
export function metadataSize(metadata: Record<string, string>): number {
  return Object.entries(metadata).reduce((size, [name, value]) => size + name.length + value.length, 0)
}

/**
 * The list with `key` raised to `sequence` (never lowered: the higher of the
 * two stays) and put first; past KEPT_KEYS_MAX, the keys raised longest ago
 * are left out, and so are as many more as it takes for the list to fit in
 * `room` characters (what the rest of the blob's metadata leaves of its
 * 8 KiB; our own key always stays).
 */
export function raisedKept(
  metadata: Record<string, string> | undefined,
  key: string,
  sequence: number,
  room = Infinity,
): string {
  const digest = keptDigest(key)
  const entries = parseKept(keptText(metadata))
  const before = entries.find((entry) => entry.digest === digest)?.sequence ?? -1
  const others = entries.filter((entry) => entry.digest !== digest)
  const kept = [{ digest, sequence: Math.max(sequence, before) }, ...others]
    .slice(0, KEPT_KEYS_MAX)
    .map((entry) => `${entry.digest}:${entry.sequence}`)
  while (kept.length > 1 && kept.join(',').length > room) kept.pop()
  return kept.join(',')
}
