import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { BlobClient } from '@azure/storage-blob'
import { FENCING_KEY, holderFromMetadata } from '../../src/lock/holder.ts'
import {
  KEPT_KEYS_MAX,
  LATEST_KEPT_KEY,
  METADATA_LIMIT,
  keptSequence,
  metadataSize,
  parseKept,
  raisedKept,
} from '../../src/lock/deploy/latest-kept.ts'
import { LockSupersededError } from '../../src/lock/deploy/latest.ts'
import { SLOTS_KEY } from '../../src/lock/queue/slots.ts'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { containerOn, holderFor, lockOn } from '../support/lock.ts'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import { isLeaseGone } from '../../src/lock/lease-answers.ts'

describe('LockBlob', () => {
  let azurite: Azurite
  before(async () => (azurite = await startAzurite()))
  after(() => azurite.stop())

  it('sees a missing blob, creates it with its container, then sees it free', async () => {
    const lock = lockOn(azurite)
    assert.deepEqual(await lock.view(), { state: 'missing' })
    assert.equal(await lock.create(), 'container')
    assert.equal((await lock.view()).state, 'free')
    assert.equal(await lock.create(), 'nothing', 'creating again is harmless and says so')
  })

  it('keeps the lease and holder record of a blob that racing creators try to create', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const leaseId = randomUUID()
    assert.equal(await lock.acquire(leaseId, 15), 'acquired')
    const holder = { ...holderFor('octo/api'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(leaseId, holder)
    await Promise.all(Array.from({ length: 5 }, () => lock.create()))
    const view = await lock.view()
    assert.equal(view.state, 'leased')
    assert.deepEqual(view.state === 'leased' && view.holder, holder)
    await lock.release(leaseId)
  })

  it('tells acquired, held by another, and missing apart', async () => {
    const lock = lockOn(azurite)
    assert.equal(await lock.acquire(randomUUID(), 15), 'missing')
    await lock.create()
    const first = randomUUID()
    assert.equal(await lock.acquire(first, 15), 'acquired')
    assert.equal(await lock.acquire(randomUUID(), 15), 'held-by-other')
    assert.equal(await lock.acquire(first, 15), 'acquired', 'our own id acquires again')
    await lock.release(first)
  })

  it('releases only its own lease and clears its holder record', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    await lock.writeHolder(ours, { ...holderFor('octo/api'), acquiredAt: new Date().toISOString() })
    assert.equal(await lock.release(randomUUID()), 'not-held', 'a foreign id releases nothing')
    assert.equal((await lock.view()).state, 'leased')
    assert.equal(await lock.release(ours), 'released')
    const view = await lock.view()
    assert.deepEqual(view, { state: 'free', staleHolder: undefined })
    assert.equal(await lock.release(ours), 'not-held', 'a second release finds nothing of ours')
  })

  it('renews its own lease and reports a foreign lease as definitely gone', async () => {
    const lock = lockOn(azurite)
    await lock.create()
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    await lock.renew(ours)
    await assert.rejects(lock.renew(randomUUID()), (err) => isLeaseGone(err))
    await lock.release(ours)
  })

  it('writes a holder record that survives non-ASCII values', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'team/db-migrate')
    await lock.create()
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    const holder = { ...holderFor('octo/dépl☃y'), actor: 'zoë', acquiredAt: new Date().toISOString() }
    await lock.writeHolder(ours, holder)
    const props = await container.getBlobClient('team/db-migrate').getProperties()
    assert.deepEqual(holderFromMetadata(props.metadata), holder)
    await lock.release(ours)
  })

  it("keeps others' metadata through a whole cycle: take, write the record, release", async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'shared')
    await lock.create()
    const blob = container.getBlobClient('shared')
    await blob.setMetadata({ owner: 'platform-team', purpose: 'prod deploys' })
    const ours = randomUUID()
    assert.equal(await lock.acquire(ours, 15), 'acquired')
    const holder = { ...holderFor('octo/api'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(ours, holder)
    const held = (await blob.getProperties()).metadata ?? {}
    assert.equal(held.owner, 'platform-team')
    assert.equal(held.purpose, 'prod deploys')
    assert.deepEqual(holderFromMetadata(held), holder)
    assert.equal(await lock.release(ours), 'released')
    assert.deepEqual((await blob.getProperties()).metadata, { owner: 'platform-team', purpose: 'prod deploys' })
  })

  it('replaces a previous holder record, whatever the case of its keys, and keeps the rest', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'shared')
    await lock.create()
    const blob = container.getBlobClient('shared')
    await blob.setMetadata({ HOLDER_WORKFLOW: 'stale', holder_acquired_at: 'yesterday', team: 'a' })
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    const holder = { ...holderFor('octo/api'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(ours, holder)
    const metadata = (await blob.getProperties()).metadata ?? {}
    assert.deepEqual(holderFromMetadata(metadata), holder)
    assert.equal(Object.keys(metadata).length, 9, JSON.stringify(metadata))
    assert.equal(metadata.team, 'a')
    await lock.release(ours)
    assert.deepEqual((await blob.getProperties()).metadata, { team: 'a' })
  })

  it("changes nothing when the lease is not ours: a foreign id neither writes a record nor clears the holder's", async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'shared')
    await lock.create()
    const blob = container.getBlobClient('shared')
    const theirs = randomUUID()
    await lock.acquire(theirs, 15)
    const holder = { ...holderFor('octo/holder'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(theirs, holder)
    const before = (await blob.getProperties()).metadata
    await assert.rejects(lock.writeHolder(randomUUID(), { ...holderFor('octo/intruder'), acquiredAt: 'now' }), (err) =>
      isLeaseGone(err),
    )
    assert.equal(await lock.release(randomUUID()), 'not-held')
    assert.deepEqual((await blob.getProperties()).metadata, before)
    await lock.release(theirs)
  })

  it('writes no metadata on release when the blob carries no record', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'shared')
    await lock.create()
    const blob = container.getBlobClient('shared')
    await blob.setMetadata({ owner: 'platform-team' })
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    const etag = (await blob.getProperties()).etag
    assert.equal(await lock.release(ours), 'released')
    const after = await blob.getProperties()
    assert.equal(after.etag, etag, 'the blob was not written')
    assert.equal(after.leaseState, 'available')
  })

  it('reads again instead of overwriting a metadata write made under the same lease between its read and write', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'shared')
    await lock.create()
    const raw = container.getBlobClient('shared')
    const ours = randomUUID()
    await lock.acquire(ours, 15)
    // Another writer that holds our lease id (a second process of ours) adds a key just before our write.
    const inner = (lock as unknown as { blob: BlobClient }).blob
    const setMetadata = inner.setMetadata.bind(inner)
    let writes = 0
    inner.setMetadata = async (metadata, options) => {
      if (writes++ === 0) {
        const current = (await raw.getProperties()).metadata ?? {}
        await raw.setMetadata({ ...current, note: 'added meanwhile' }, { conditions: { leaseId: ours } })
      }
      return setMetadata(metadata, options)
    }
    const holder = { ...holderFor('octo/api'), acquiredAt: new Date().toISOString() }
    await lock.writeHolder(ours, holder)
    const metadata = (await raw.getProperties()).metadata ?? {}
    assert.equal(writes, 2, 'the first write was refused on its ETag and made again')
    assert.equal(metadata.note, 'added meanwhile')
    assert.deepEqual(holderFromMetadata(metadata), holder)
    inner.setMetadata = setMetadata
    await lock.release(ours)
  })

  it("checks a keyed holder's sequence against the one the lock blob keeps, under the lease, and raises it in the record's write", async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'kept-sequence')
    await lock.create()
    const raw = container.getBlobClient('kept-sequence')
    const keyed = (sequence: number) => ({
      ...holderFor('octo/api'),
      acquiredAt: new Date().toISOString(),
      supersedeKey: 'production',
      sequence: String(sequence),
    })
    const take = async (sequence: number): Promise<string> => {
      const leaseId = randomUUID()
      assert.equal(await lock.acquire(leaseId, 15), 'acquired')
      let checked = 0
      try {
        await lock.writeHolder(leaseId, keyed(sequence), {}, Promise.resolve(sequence), () => checked++)
        assert.ok(checked >= 1, 'the check passed before the write')
      } finally {
        await lock.release(leaseId)
      }
      return (await raw.getProperties()).metadata?.[LATEST_KEPT_KEY] ?? ''
    }
    assert.equal(keptSequence({ [LATEST_KEPT_KEY]: await take(20) }, 'production'), 20)
    // Kept after release, beside the token and the number of slots, and carried by every later write.
    const metadata = (await raw.getProperties()).metadata ?? {}
    assert.equal(metadata[FENCING_KEY], '20')
    assert.equal(metadata[SLOTS_KEY], '1', 'a holder of a lock of one slot writes 1')
    // A lower sequence is refused under the lease, before anything is written.
    const leaseId = randomUUID()
    await lock.acquire(leaseId, 15)
    let checked = 0
    await assert.rejects(
      lock.writeHolder(leaseId, keyed(10), {}, Promise.resolve(21), () => checked++),
      (err) =>
        err instanceof LockSupersededError &&
        err.outcome === 'stale' &&
        /sequence 20, as the lock blob keeps it/.test(err.message),
    )
    assert.equal(checked, 0, 'the check did not pass')
    assert.equal(holderFromMetadata((await raw.getProperties()).metadata), undefined, 'no record was written')
    assert.equal((await raw.getProperties()).metadata?.[FENCING_KEY], '20', 'nor the token')
    await lock.release(leaseId)
    // A re-run of 20 and a newer run pass; the sequence never goes down.
    assert.equal(keptSequence({ [LATEST_KEPT_KEY]: await take(20) }, 'production'), 20)
    assert.equal(keptSequence({ [LATEST_KEPT_KEY]: await take(21) }, 'production'), 21)
  })

  it('keeps the lock blob within 8 KiB of metadata with the longest key, percent-encoded, and a full list of keys', async () => {
    const container = containerOn(azurite)
    const lock = new LockBlob(container, 'kept-budget')
    await lock.create()
    const raw = container.getBlobClient('kept-budget')
    // 32 keys raised already, and room taken by others' metadata (6 KB of it).
    let list: string | undefined
    for (let k = 0; k < KEPT_KEYS_MAX; k++)
      list = raisedKept(list === undefined ? undefined : { [LATEST_KEPT_KEY]: list }, `k${k}`, 9_007_199_254_740_991)
    await raw.setMetadata({ owner: 'x'.repeat(6_000), [LATEST_KEPT_KEY]: list! })
    const key = '\u00e9'.repeat(256) // 256 characters, 1,536 once percent-encoded
    const leaseId = randomUUID()
    await lock.acquire(leaseId, 15)
    const record = {
      ...holderFor('octo/api'),
      acquiredAt: new Date().toISOString(),
      supersedeKey: key,
      sequence: '9007199254740991',
    }
    await lock.writeHolder(leaseId, record, {}, Promise.resolve(9_007_199_254_740_991))
    const metadata = (await raw.getProperties()).metadata ?? {}
    assert.ok(metadataSize(metadata) <= METADATA_LIMIT, `${metadataSize(metadata)} bytes of metadata`)
    assert.equal(keptSequence(metadata, key), 9_007_199_254_740_991, 'its own key is kept')
    assert.ok(parseKept(metadata[LATEST_KEPT_KEY]).length < KEPT_KEYS_MAX, 'keys raised longest ago left out')
    assert.equal(metadata.owner, 'x'.repeat(6_000), "others' metadata stays")
    await lock.release(leaseId)
  })
})
