// The command's names for the options of src/settings/: each is a flag
// (--lock-name) and an environment variable (AZURE_MUTEX_LOCK_NAME). The
// action's own inputs (client-id, tenant-id, audience: GitHub's OIDC sign-in;
// scope, hold-for, github-token, fail-on-timeout) have no flag here, and the
// command reads no variable for them.

import { Option, type OptionKey } from '../settings/option.ts'

export const Flags = {
  LockName: 'lock-name',
  Container: 'container',
  ConnectionString: 'connection-string',
  AccountName: 'account-name',
  AccountKey: 'account-key',
  SasToken: 'sas-token',
  BlobEndpoint: 'blob-endpoint',
  LeaseDuration: 'lease-duration',
  Timeout: 'timeout',
  SupersedeKey: 'supersede-key',
  Sequence: 'sequence',
  OnSuperseded: 'on-superseded',
  Reason: 'reason',
  Entry: 'entry',
  /** hold with no command: how long the hold lasts; --for says the same. */
  Duration: 'duration',
  For: 'for',
  Until: 'until',
  Force: 'force',
  Slots: 'slots',
  Priority: 'priority',
  WarnAfter: 'warn-after',
  /** hold: the signal the command gets when the lease is lost, or none. */
  OnLost: 'on-lost',
  /** hold: the command's environment keeps the secrets (a command that is itself azure-mutex needs them). */
  PassCredentials: 'pass-credentials',
  All: 'all',
  Json: 'json',
  Help: 'help',
} as const

/** The flag of each option of src/settings/; undefined for the action's own. */
export const FLAG_OF: Record<OptionKey, string | undefined> = {
  [Option.LockName]: Flags.LockName,
  [Option.Container]: Flags.Container,
  [Option.ConnectionString]: Flags.ConnectionString,
  [Option.AccountName]: Flags.AccountName,
  [Option.AccountKey]: Flags.AccountKey,
  [Option.SasToken]: Flags.SasToken,
  [Option.BlobEndpoint]: Flags.BlobEndpoint,
  [Option.ClientId]: undefined,
  [Option.TenantId]: undefined,
  [Option.Audience]: undefined,
  [Option.LeaseDuration]: Flags.LeaseDuration,
  [Option.Timeout]: Flags.Timeout,
  [Option.FailOnTimeout]: undefined,
  [Option.SupersedeKey]: Flags.SupersedeKey,
  [Option.Sequence]: Flags.Sequence,
  [Option.OnSuperseded]: Flags.OnSuperseded,
  [Option.Reason]: Flags.Reason,
  [Option.Entry]: Flags.Entry,
  [Option.Duration]: Flags.Duration,
  [Option.Until]: Flags.Until,
  [Option.Force]: Flags.Force,
  [Option.Scope]: undefined,
  [Option.HoldFor]: undefined,
  [Option.GithubToken]: undefined,
  [Option.Slots]: Flags.Slots,
  [Option.Priority]: Flags.Priority,
  [Option.WarnAfter]: Flags.WarnAfter,
}
