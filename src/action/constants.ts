// The whole contract with action.yml and the sub-actions' action.yml files
// (release/, status/, break/): every input, output, state key and exported
// variable, spelled once.

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
  /** Main: with false, a timeout ends the step successfully, holding nothing (try-lock). */
  FailOnTimeout: 'fail-on-timeout',
  /** Main: jobs of one key supersede older ones: only the newest by sequence takes the lock (latest.ts). */
  SupersedeKey: 'supersede-key',
  /** Main: a non-negative integer that orders the jobs of one key; the run id when empty. */
  Sequence: 'sequence',
  /** Main: what a superseded or stale job does: skip (succeed without the lock), fail, or cancel the run. */
  OnSuperseded: 'on-superseded',
  /** Break: why the lease is broken; written on the blob. */
  Reason: 'reason',
  /** Break: a queue entry's ticket: clear that entry (a squatter's) instead of breaking the lock's lease. */
  Entry: 'entry',
  /** Hold: how long the hold lasts once it is in place (2h), or 'forever' for a hold with no end. */
  Duration: 'duration',
  /** Hold: when the hold ends, an ISO 8601 time with its zone (2026-12-01T08:00:00Z). */
  Until: 'until',
  /** Unhold: lift the lease even when it is not a hold (a running job's), by breaking it. */
  Force: 'force',
  /** Main: 'job' releases at the job's end; 'run' keeps the lock as a hold of the workflow run. */
  Scope: 'scope',
  /** Main, with scope run: the longest the run's hold stands between two jobs. */
  HoldFor: 'hold-for',
  /** Main: the token that cancels the run with 'on-superseded: cancel'; the job token by default. */
  GithubToken: 'github-token',
  /** Main: how many jobs may hold the lock at once (slots.ts); every job of a lock must give the same number. */
  Slots: 'slots',
  /** Main: normal, or high to go ahead of every normal waiter not yet holding (lock/queue/priority.ts). */
  Priority: 'priority',
  /** Main: a duration; when the wait passes it, one warning names the holder and the place in line. */
  WarnAfter: 'warn-after',
} as const

export const Outputs = {
  LeaseId: 'lease-id',
  AcquiredAt: 'acquired-at',
  WaitedSeconds: 'waited-seconds',
  /** Main: 'true' when this job holds the lock, 'false' otherwise; set on every run. */
  Acquired: 'acquired',
  /** Status, for one lock: 'true' when it is leased. */
  Held: 'held',
  /** Status, for one lock: its holder record as JSON, every value shown as the log shows it. */
  Holder: 'holder',
  /** Main: acquired, timed-out, superseded or stale; set on every run that got as far as waiting. */
  Outcome: 'outcome',
  /** Main: an integer that grows with every acquisition of the lock by this action; see the README. */
  FencingToken: 'fencing-token',
  /** Hold: when the hold ends, ISO 8601 UTC by the storage service's clock; '' for a hold with no end. */
  HeldUntil: 'held-until',
  /** Main: the slot this job holds, 1..slots; 1 with one slot. */
  Slot: 'slot',
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
  /** What main saw while it waited, as JSON: post writes the job summary from it. */
  Wait: 'wait',
  /** This job's turn, as JSON: its fencing token and its place in line on arrival, for the job summary. */
  Turn: 'turn',
} as const

/** Variables that a step exports ($GITHUB_ENV) for the later steps of the job. */
export const Exported = {
  /**
   * The locks this job holds, as a JSON list of {lockName, location, acquiredAt, channel}:
   * how a release step, which cannot read main's state, finds each renewer.
   */
  HeldLocks: 'AZURE_MUTEX_HELD_LOCKS',
} as const
