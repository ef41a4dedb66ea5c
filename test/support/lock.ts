// Helpers for integration tests: a lock blob on a fresh container of a test Azurite.

import { randomUUID } from 'node:crypto'
import { BlobServiceClient, StorageSharedKeyCredential, newPipeline, type ContainerClient } from '@azure/storage-blob'
import { LockBlob } from '../../src/lock/lock-blob.ts'
import type { HolderRecord } from '../../src/lock/holder.ts'
import { DEV_ACCOUNT, DEV_KEY, type Azurite } from './azurite.ts'

/** A container client on Azurite with few, quick retries, so failure tests stay short. */
export function containerOn(azurite: Azurite, container = `c${randomUUID().slice(0, 8)}`): ContainerClient {
  const pipeline = newPipeline(new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY), {
    retryOptions: { maxTries: 2, retryDelayInMs: 100, tryTimeoutInMs: 5_000 },
  })
  return new BlobServiceClient(azurite.blobEndpoint, pipeline).getContainerClient(container)
}

export function lockOn(azurite: Azurite, name = 'production-deploy', container?: string): LockBlob {
  return new LockBlob(containerOn(azurite, container), name)
}

export function holderFor(repository: string): Omit<HolderRecord, 'acquiredAt'> {
  return {
    repository,
    workflow: 'deploy',
    job: 'deploy',
    runId: '7',
    runAttempt: '1',
    actor: 'mona',
    runUrl: `https://github.com/${repository}/actions/runs/7`,
  }
}

/** The lease on a blob as Azure reports it: its state (leased, available, ...) and its duration (fixed, infinite). */
export async function leaseOf(
  locks: ContainerClient,
  blobName: string,
): Promise<{ state?: string; duration?: string }> {
  const props = await locks.getBlobClient(blobName).getProperties()
  return { state: props.leaseState, duration: props.leaseDuration }
}
