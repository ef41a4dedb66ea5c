// One storage contract (test/support/store-contract.ts), run against the fake
// that the waiter's unit tests use and against LockBlob on Azurite: a case
// that passes on one and fails on the other is the fake drifting from storage.

import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { entryName, reservedNames } from '../../src/lock/reserved.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { FakeStore, FakeWorld } from '../support/fake-store.ts'
import { containerOn } from '../support/lock.ts'
import { CONTRACT, type ContractLock } from '../support/store-contract.ts'

const LOCK = 'production-deploy'

describe('the storage contract, on FakeStore', () => {
  for (const contract of CONTRACT) {
    it(contract.name, async () => {
      const world = FakeWorld.empty()
      const lock: ContractLock = {
        open: (options = {}) => new FakeStore(world, options),
        placeHold: async (store, leaseId, holder, hold) => {
          await (store as FakeStore).placeHold(leaseId, holder, hold)
        },
        breakEntry: async (ticket) => world.breakEntry(ticket),
        elapse: async (ms) => world.elapse(ms),
      }
      await contract.run(lock)
    })
  }
})

describe('the storage contract, on LockBlob over Azurite', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  for (const contract of CONTRACT) {
    it(contract.name, async () => {
      const container = containerOn(azurite)
      const lock: ContractLock = {
        open: (options = {}) => new LockBlob(container, LOCK, options),
        placeHold: async (store, leaseId, holder, hold) => {
          await (store as LockBlob).placeHold(leaseId, holder, hold)
        },
        breakEntry: async (ticket) => {
          const name = entryName(reservedNames(LOCK).queuePrefix, ticket)
          await container.getBlobClient(name).getBlobLeaseClient().breakLease(0)
        },
        elapse: (ms) => delay(ms),
      }
      await contract.run(lock)
    })
  }
})
