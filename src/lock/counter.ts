// A counter kept in a blob's metadata and bumped with an If-Match condition on
// the ETag it was read with: two bumps that race both read n, one writes n+1,
// the other is refused (412 ConditionNotMet) and reads again. Every bump
// therefore gets its own number, in the order the service accepted them. The
// queue's tickets and the fencing tokens are such counters.
//
// Only that lost race (and a lost race to create the blob) is tried again.
// Any other refusal means that something other than this action has a hand on
// the counter (a stranger's lease, a value it did not write): trying again
// would only fail the same way, so it is one CounterError that names the blob
// and the command that clears it. A counter that is missing is created above
// `seed`, the highest number it is known to have handed out, so that deleting
// it never makes its numbers go backwards; the fencing counter also with the
// number of slots the lock keeps outside it (slots.ts keptSlots), so that
// deleting it never changes that number under the jobs that hold or wait.

import type { BlobClient } from '@azure/storage-blob'
import { setTimeout as delay } from 'node:timers/promises'
import { LockError, isTransient, statusCode, storageErrorCode } from './errors.ts'
import { deleteCommand, leaseBreakCommand } from './az-commands.ts'
import { showUntrusted } from './untrusted-text.ts'
import { readTime } from './service-time.ts'
import {
  SLOTS_KEY,
  SlotsMismatchError,
  slotsMalformedMessage,
  slotsMismatchMessage,
  storedSlots,
} from './queue/slots.ts'

const VALUE_KEY = 'value'

/** What a bump learnt: the new value, and when the value before it was written. */
export interface Bumped {
  value: number
  /** When the previous value was written (the service's Last-Modified, 1 s resolution); absent for the first. */
  previousAt?: Date
  /** The service's clock when the previous value was read. */
  serviceNow?: Date
}

/** What outlives a counter, for one created again: the highest number it handed out, and the lock's number of slots. */
export interface Seed {
  value: number
  /** The number of slots kept outside the counter (slots.ts keptSlots); absent when nothing keeps one. */
  slots?: number
}

export interface BumpOptions {
  /**
   * The highest number the counter is known to have handed out, read from
   * what outlives it (the queue's entries, the lock blob). Asked for only
   * when the counter is missing: it is created with the seed plus one.
   */
  seed?: (abortSignal: AbortSignal) => Promise<number | Seed>
  /**
   * For the fencing counter: the lock's number of slots as this job asks for
   * it (slots.ts). The counter keeps the number; a bump that finds another one
   * throws SlotsMismatchError. A counter created here keeps the number the
   * seed says the lock keeps elsewhere, else ours, when it is more than 1; a
   * number kept elsewhere that is not ours throws SlotsMismatchError too.
   */
  slots?: { asked: number; location: string }
}

/** A counter blob that this action cannot use as it is: leased by a stranger, or holding something else. */
export class CounterError extends LockError {
  override name = 'CounterError'
}

/** The error codes of a write refused because the blob is leased and the request carried no (or another) lease id. */
const LEASED_CODES = new Set(['LeaseIdMissing', 'LeaseIdMismatchWithBlobOperation', 'LeaseAlreadyPresent'])

/** The If-Match we sent did not match: another bump wrote first. The one refusal that is a race. */
function isLostRace(err: unknown): boolean {
  return statusCode(err) === 412 && storageErrorCode(err) === 'ConditionNotMet'
}

function isMissing(err: unknown): boolean {
  return statusCode(err) === 404
}

/** The largest value a counter holds: one more must still be an exact integer. */
const MAX_VALUE = Number.MAX_SAFE_INTEGER - 1

/** The value a counter blob holds, or undefined when it holds anything else. */
export function counterValue(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,16}$/.test(text)) return undefined
  const value = Number(text)
  return value <= MAX_VALUE ? value : undefined
}

/** The az command that breaks a stranger's lease on the counter. */
export function counterBreakCommand(blob: BlobClient): string {
  return leaseBreakCommand(blob, blob.name)
}

/** The az command that deletes the counter: the next bump creates it again above every number it handed out. */
export function counterDeleteCommand(blob: BlobClient): string {
  return deleteCommand(blob, blob.name)
}

/** The counter blob as messages name it: container/blob. */
export function shown(blob: BlobClient): string {
  return `${blob.containerName}/${showUntrusted(blob.name)}`
}

/**
 * Why a write to the counter failed, as the error to throw, or undefined for
 * a lost race that is tried again. Transient failures (throttling, server
 * errors, timeouts) and refused credentials (403, which the action layer
 * explains) are thrown as they are.
 */
export function counterFailure(blob: BlobClient, err: unknown): Error | undefined {
  if (isLostRace(err) || isMissing(err)) return undefined
  const status = statusCode(err)
  if (isTransient(err) || status === 403 || status === undefined) return err as Error
  const code = storageErrorCode(err)
  const answer = showUntrusted([status, code].filter(Boolean).join(' '), 80)
  if (code !== undefined && LEASED_CODES.has(code)) {
    return new CounterError(
      `The counter blob ${shown(blob)} is leased by another client (Azure answered ${answer}); ` +
        `this action never leases it, so it cannot count. Break that lease: ${counterBreakCommand(blob)}`,
    )
  }
  return new CounterError(
    `Azure refused to update the counter blob ${shown(blob)} (${answer}). ` +
      `Delete it, and the action starts it again above every number it handed out: ${counterDeleteCommand(blob)}`,
  )
}

/** The longest pause after a lost race: with dozens of bumps at once, pauses must spread them out. */
const MAX_BACKOFF_MS = 500

/**
 * Adds one to the counter and returns the new value. The first bump creates
 * the blob (If-None-Match: *) with the seed plus one (1 without a seed). A
 * lost race is tried again after a random pause whose range doubles with
 * each loss (25 ms, 50 ms, ... up to 0.5 s), until the signal ends it; any
 * other refusal throws at once (see counterFailure).
 */
export async function bumpCounter(
  blob: BlobClient,
  abortSignal: AbortSignal,
  options: BumpOptions = {},
): Promise<Bumped> {
  for (let losses = 0; ; losses++) {
    if (losses > 0) {
      const range = Math.min(MAX_BACKOFF_MS, 25 * 2 ** Math.min(losses - 1, 5))
      await delay(Math.random() * range, undefined, { signal: abortSignal })
    }
    let props
    try {
      props = await blob.getProperties({ abortSignal })
    } catch (err) {
      if (!isMissing(err)) throw err
    }
    if (!props) {
      const seeded = options.seed ? await options.seed(abortSignal) : 0
      const seed: Seed = typeof seeded === 'number' ? { value: seeded } : seeded
      const first = Math.max(Math.min(seed.value, MAX_VALUE - 1), 0) + 1
      // The number the lock keeps elsewhere (the folder was deleted), else ours.
      const slots = options.slots ? (seed.slots ?? options.slots.asked) : undefined
      try {
        await blob.getBlockBlobClient().upload('', 0, {
          abortSignal,
          metadata: {
            [VALUE_KEY]: String(first),
            ...(slots !== undefined && slots > 1 ? { [SLOTS_KEY]: String(slots) } : {}),
          },
          conditions: { ifNoneMatch: '*' },
        })
      } catch (err) {
        // It exists after all: created by another bump first (409 BlobAlreadyExists, or 412), or leased
        // by a stranger (412 LeaseIdMissing). Read it again: the write after the read tells which.
        if (statusCode(err) === 409 || statusCode(err) === 412) continue
        throw err
      }
      if (options.slots && slots !== undefined && slots !== options.slots.asked) {
        throw new SlotsMismatchError(
          slotsMismatchMessage(options.slots.location, slots, options.slots.asked, shown(blob), { gaveBack: true }),
          slots,
        )
      }
      return { value: first }
    }
    const text = props.metadata?.[VALUE_KEY]
    const current = counterValue(text)
    if (current === undefined) {
      throw new CounterError(
        `The counter blob ${shown(blob)} holds '${showUntrusted(text ?? '', 40)}', not a count that this action wrote. ` +
          `Delete it, and the action starts it again above every number it handed out: ${counterDeleteCommand(blob)}`,
      )
    }
    if (options.slots) {
      const stored = storedSlots(props.metadata)
      if (stored === 'malformed') {
        const text = Object.entries(props.metadata ?? {}).find(([key]) => key.toLowerCase() === SLOTS_KEY)?.[1] ?? ''
        throw new SlotsMismatchError(slotsMalformedMessage(options.slots.location, text, counterDeleteCommand(blob)))
      }
      if (stored !== options.slots.asked) {
        throw new SlotsMismatchError(
          slotsMismatchMessage(options.slots.location, stored, options.slots.asked, shown(blob), { gaveBack: true }),
          stored,
        )
      }
    }
    try {
      // Other keys (the lock's number of slots) are kept: Set Blob Metadata replaces them all.
      const metadata = { ...props.metadata, [VALUE_KEY]: String(current + 1) }
      await blob.setMetadata(metadata, { abortSignal, conditions: { ifMatch: props.etag } })
      return { value: current + 1, previousAt: readTime(props.lastModified), serviceNow: readTime(props.date) }
    } catch (err) {
      const failure = counterFailure(blob, err)
      if (failure) throw failure
    }
  }
}
