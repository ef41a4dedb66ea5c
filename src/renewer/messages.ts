// What main and the renewer say to each other over their IPC pipe, and how
// each side checks what it receives.

import { MalformedError, parseLockSpec, type LockSpec } from '../lock/spec.ts'
import type { AmbientSource } from '../sign-in/ambient.ts'
import type { OidcRequest } from '../sign-in/github-oidc.ts'
import type { SignInMethod } from '../sign-in/methods.ts'
import type { ChannelRef } from './channel.ts'
import { parseRenewerReport, type RenewerReport } from './lifecycle.ts'

/** Everything the renewer needs, sent over the IPC pipe. */
export interface RenewerConfig {
  lock: LockSpec
  auth: SignInMethod
  /** For federated sign-in: how to ask GitHub for fresh OIDC tokens for as long as the lease is held. */
  oidcRequest?: OidcRequest
  /** For ambient sign-in: the source main found. */
  ambientSource?: AmbientSource
  channel: ChannelRef
  statusFile: string
  /** The runner worker that runs this job: when it is gone, the renewer releases and exits. */
  worker: { pid: number; startTime?: string } | undefined
}

/** The lease being handed over: its id, and the start of the acquire that granted it. */
export interface Handover {
  leaseId: string
  /** ISO, for display. */
  confirmedAt: string
  /** The same moment on the monotonic clock, which main and the renewer share: the lease is counted from it. */
  confirmedMono: number
  /** With slots (slots.ts): the slot whose blob the lease is on; absent means 1, the lock blob. */
  slot?: number
}

export type ToRenewer = { type: 'config'; config: RenewerConfig } | { type: 'hold'; lease: Handover }
export type FromRenewer =
  { type: 'ready' } | { type: 'holding'; report: RenewerReport } | { type: 'failed'; error: string }

/** The renewer's first message to main, parsed; undefined for anything else. */
export function parseFromRenewer(value: unknown): FromRenewer | undefined {
  const m = value as Record<string, unknown> | null
  if (typeof m !== 'object' || m === null) return undefined
  if (m.type === 'ready') return { type: 'ready' }
  if (m.type === 'failed' && typeof m.error === 'string') return { type: 'failed', error: m.error }
  const report = m.type === 'holding' ? parseRenewerReport(m.report) : undefined
  return report ? { type: 'holding', report } : undefined
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

function parseSignInMethod(value: unknown): SignInMethod {
  const m = value as Record<string, unknown> | null
  const valid =
    typeof m === 'object' &&
    m !== null &&
    ((m.kind === 'shared-key' && isText(m.accountName) && isText(m.accountKey)) ||
      (m.kind === 'sas' && isText(m.sasToken)) ||
      (m.kind === 'federated' && isText(m.tenantId) && isText(m.clientId) && isText(m.audience)) ||
      m.kind === 'ambient')
  if (!valid) throw new MalformedError('not a sign-in method')
  return m as unknown as SignInMethod
}

/** The configuration main sent, checked field by field; throws MalformedError when it is not one. */
export function parseRenewerConfig(value: unknown): RenewerConfig {
  const c = value as Record<string, unknown> | null
  if (typeof c !== 'object' || c === null) throw new MalformedError('not a renewer configuration')
  const channel = c.channel as Record<string, unknown> | null
  const worker = c.worker as Record<string, unknown> | undefined
  const oidc = c.oidcRequest as Record<string, unknown> | undefined
  if (typeof channel !== 'object' || channel === null || !isText(channel.address) || !isText(channel.token)) {
    throw new MalformedError('no channel')
  }
  if (!isText(c.statusFile)) throw new MalformedError('no status file')
  if (
    worker !== undefined &&
    (typeof worker.pid !== 'number' || !(worker.startTime === undefined || isText(worker.startTime)))
  ) {
    throw new MalformedError('not a worker')
  }
  if (oidc !== undefined && (!isText(oidc.url) || !isText(oidc.token))) throw new MalformedError('not an OIDC request')
  const ambientSources: unknown[] = ['environment', 'workload-identity', 'managed-identity', 'azure-cli']
  if (c.ambientSource !== undefined && !ambientSources.includes(c.ambientSource)) {
    throw new MalformedError('not an ambient source')
  }
  return {
    lock: parseLockSpec(c.lock),
    auth: parseSignInMethod(c.auth),
    oidcRequest: oidc as OidcRequest | undefined,
    ambientSource: c.ambientSource as AmbientSource | undefined,
    channel: { address: channel.address, token: channel.token },
    statusFile: c.statusFile,
    worker: worker as RenewerConfig['worker'],
  }
}

/** A message from main, checked; undefined for anything else. */
export function parseToRenewer(value: unknown): ToRenewer | undefined {
  const m = value as Record<string, unknown> | null
  if (typeof m !== 'object' || m === null) return undefined
  if (m.type === 'config') {
    try {
      return { type: 'config', config: parseRenewerConfig(m.config) }
    } catch {
      return undefined
    }
  }
  const lease = m.lease as Record<string, unknown> | undefined
  if (m.type === 'hold' && lease && isText(lease.leaseId) && isText(lease.confirmedAt)) {
    if (Number.isNaN(Date.parse(lease.confirmedAt))) return undefined
    if (typeof lease.confirmedMono !== 'number' || !Number.isFinite(lease.confirmedMono)) return undefined
    // The slot must be one of the lock's: the renewer never renews a blob the lock does not have.
    const slot = lease.slot
    if (slot !== undefined && !(Number.isSafeInteger(slot) && (slot as number) >= 1)) return undefined
    return {
      type: 'hold',
      lease: {
        leaseId: lease.leaseId,
        confirmedAt: lease.confirmedAt,
        confirmedMono: lease.confirmedMono,
        ...(slot !== undefined ? { slot: slot as number } : {}),
      },
    }
  }
  return undefined
}
