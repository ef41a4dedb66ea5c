// The whole contract with action.yml: every input, output and state key, spelled once.

export const Inputs = {
  LockName: 'lock-name',
  Container: 'container',
  ConnectionString: 'connection-string',
  AccountName: 'account-name',
  AccountKey: 'account-key',
  SasToken: 'sas-token',
  BlobEndpoint: 'blob-endpoint',
  ClientId: 'client-id',
  TenantId: 'tenant-id',
  Audience: 'audience',
  LeaseDuration: 'lease-duration',
  Timeout: 'timeout',
} as const

export const Outputs = {
  LeaseId: 'lease-id',
  AcquiredAt: 'acquired-at',
  WaitedSeconds: 'waited-seconds',
} as const

export const State = {
  /** Where the lock lives and how it is leased (no secrets); saved before waiting starts. */
  Lock: 'lock',
  /** The lease id main proposes, saved before it asks: post can give back a lease taken as main died. */
  ProposedLeaseId: 'proposed-lease-id',
  /** Saved the moment the lease is ours, so post can release it whatever happens next. */
  LeaseId: 'lease-id',
  AcquiredAt: 'acquired-at',
  /** The renewer's status file: its pid, renewals, and a loss if one happened. */
  StatusFile: 'renewer-status-file',
  RenewerPid: 'renewer-pid',
} as const

export const Defaults = {
  Container: 'locks',
  LeaseDurationSeconds: 60,
  MinLeaseSeconds: 15,
  MaxLeaseSeconds: 60,
  /** The audience Entra ID expects on a GitHub OIDC token in a federated credential. */
  Audience: 'api://AzureADTokenExchange',
} as const
