// A waiter that ends its wait without the lock, but may hold the lock's lease
// all the same, passes it on at once instead of leaving it to lapse.
//
// A holder that lets go hands its lease to the head of the queue (handover.ts):
// the lease is then under the id the head published, before the head has
// looked. If the head's wait ends right then (it is superseded, turns out
// stale, is cancelled, or times out), nobody would renew that lease and the
// lock would stay idle for up to one lease duration, with the next waiter
// unable to take it. So the waiter lets go as a holder does: it hands the lease
// to the next head, or releases it when nobody waits. If the lease is not
// under our id (it was never handed to us), Azure refuses both, and nothing
// changes: passing on can never take a lease from anybody.

import { letGo, type HandoverStore, type LetGoOutcome } from './handover.ts'
import type { LockStore } from '../store.ts'
import type { QueueLook } from './entry.ts'
import type { RequestOptions } from '../request.ts'

/**
 * Lets go of a lease that may be ours, passing it to the head of the queue
 * other than `ownTicket` (our own entry, which may not be gone yet). Best
 * effort and bounded: a lease that could not be passed on lapses by itself.
 */
export async function passOn(
  store: LockStore,
  leaseId: string,
  ownTicket: number | undefined,
  options: RequestOptions,
): Promise<LetGoOutcome | undefined> {
  const storeLetGo = store.letGo?.bind(store)
  if (!storeLetGo) {
    const released = await store.release(leaseId, options).catch(() => undefined)
    return released === 'released' ? { outcome: 'released' } : undefined
  }
  const notOurs = <Look extends QueueLook>(seen: Look): Look => ({
    ...seen,
    entries: seen.entries.filter((entry) => entry.ticket !== ownTicket),
  })
  const handoverLook = store.handoverLook?.bind(store)
  const handover: HandoverStore = {
    queue: { look: async (look) => notOurs(await store.queue.look(look)) },
    ...(handoverLook ? { handoverLook: async (look) => notOurs(await handoverLook(look)) } : {}),
    letGo: storeLetGo,
  }
  return letGo(handover, leaseId, options).catch(() => undefined)
}
