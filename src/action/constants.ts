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
  FencingToken: 'fencing-token',
} as const

export const State = {
  /** The lock: its LockSpec as JSON (no secrets); saved before waiting starts. */
  Lock: 'lock',
  /** For ambient Entra sign-in: the credential source main found, so post need not search again. */
  AmbientSource: 'ambient-source',
  /** The lease id main proposes, saved before it asks: post can give back a lease taken as main died. */
  ProposedLeaseId: 'proposed-lease-id',
  /** The lease, as JSON, saved the moment it is ours, so post can release it whatever happens next. */
  Lease: 'lease',
  /** Where the renewer listens and the token it obeys, as JSON; saved before the renewer starts. */
  RenewerChannel: 'renewer-channel',
  /** The renewer's status file: its latest report, for when it cannot answer. */
  StatusFile: 'renewer-status-file',
  /** This job's turn, as JSON: its fencing token and its place in line on arrival, for the job summary. */
  Turn: 'turn',
} as const

export const Defaults = {
  Container: 'locks',
  /** The audience Entra ID expects on a GitHub OIDC token in a federated credential. */
  Audience: 'api://AzureADTokenExchange',
} as const
