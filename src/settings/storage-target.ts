// Where the account is and how to sign in: exactly one kind of credential, a
// connection string, an account key, a SAS token, Entra ID through GitHub
// OIDC (client id and tenant id: only a face that has them reads them), or,
// with only an account name or endpoint, the Azure credential of the machine.

import { showUntrusted } from '../lock/untrusted-text.ts'
import {
  StorageConfigError,
  accountKeyProblem,
  accountNameProblem,
  defaultEndpoint,
  normalizeEndpoint,
  normalizeSasToken,
  parseConnectionString,
} from '../lock/storage.ts'
import type { StorageAccess } from '../sign-in/methods.ts'
import { Option, both, invalid, stated, the, words, type InputReader, type OptionKey } from './option.ts'

/** The audience Entra ID expects on a GitHub OIDC token in a federated credential. */
export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i

export function readStorageTarget(read: InputReader): StorageAccess {
  const connectionString = read(Option.ConnectionString)
  const accountName = read(Option.AccountName)
  const accountKey = read(Option.AccountKey)
  const sasToken = read(Option.SasToken)
  const blobEndpoint = read(Option.BlobEndpoint)
  const clientId = read(Option.ClientId)
  const tenantId = read(Option.TenantId)
  const audience = read(Option.Audience)

  const given = (pairs: [string, OptionKey][]): OptionKey[] =>
    pairs.filter(([value]) => value !== '').map(([, option]) => option)
  const kinds = given([
    [connectionString, Option.ConnectionString],
    [accountKey, Option.AccountKey],
    [sasToken, Option.SasToken],
  ])
  const entra = given([
    [clientId, Option.ClientId],
    [tenantId, Option.TenantId],
  ])
  if (kinds.length > 0 && entra.length > 0) {
    throw stated(
      kinds[0]!,
      words`Give exactly one kind of credential, not ${both(kinds)} and ${both(entra)}: ${the(Option.ClientId)} and ${the(Option.TenantId)} sign in with Entra ID, without a key or SAS.`,
    )
  }
  if (kinds.length > 1) {
    throw stated(kinds[0]!, words`Give exactly one kind of credential, not ${both(kinds)}.`)
  }
  if (audience && entra.length === 0) {
    throw stated(
      Option.Audience,
      words`Input ${the(Option.Audience)} is used only with ${the(Option.ClientId)} and ${the(Option.TenantId)}.`,
    )
  }

  const endpointOverride = blobEndpoint ? guard(Option.BlobEndpoint, () => normalizeEndpoint(blobEndpoint)) : undefined

  if (connectionString) {
    if (accountName) {
      throw stated(
        Option.AccountName,
        words`Input ${the(Option.AccountName)} cannot be combined with ${the(Option.ConnectionString)}, which names the account itself.`,
      )
    }
    const target = guard(Option.ConnectionString, () => parseConnectionString(connectionString))
    return endpointOverride ? { ...target, endpoint: endpointOverride } : target
  }

  if (kinds.length === 0 && entra.length === 0 && accountName === '' && !endpointOverride) {
    throw stated(
      Option.ConnectionString,
      words`No credential given: set ${the(Option.ConnectionString)}; or ${the(Option.AccountName)} with ${the(Option.AccountKey)} or ${the(Option.SasToken)}; or ${the(Option.AccountName)} with ${the(Option.ClientId)} and ${the(Option.TenantId)} to sign in through GitHub OIDC; or ${the(Option.AccountName)} alone to use the Azure credential of the runner.`,
    )
  }
  if (accountName === '' && (kinds.length > 0 || !endpointOverride)) {
    throw stated(
      Option.AccountName,
      words`Input ${the(Option.AccountName)} is required with ${both([...kinds, ...entra])}.`,
    )
  }
  if (accountName) {
    const nameProblem = accountNameProblem(accountName)
    if (nameProblem)
      throw invalid(
        Option.AccountName,
        `'${showUntrusted(accountName, 80)}' is not a storage account name; ${nameProblem}`,
      )
  }
  const endpoint = endpointOverride ?? defaultEndpoint(accountName)

  if (accountKey) {
    const keyProblem = accountKeyProblem(accountKey)
    if (keyProblem) throw invalid(Option.AccountKey, keyProblem)
    return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } }
  }
  if (sasToken) {
    return { endpoint, auth: { kind: 'sas', sasToken: guard(Option.SasToken, () => normalizeSasToken(sasToken)) } }
  }

  // Entra ID from here on: bearer tokens travel only over https.
  if (!endpoint.startsWith('https://')) {
    throw invalid(
      Option.BlobEndpoint,
      `'${showUntrusted(endpoint, 120)}' is http, but Entra ID tokens are sent only over https`,
    )
  }
  if (entra.length === 0) return { endpoint, auth: { kind: 'ambient' } }
  if (!clientId) {
    throw stated(
      Option.ClientId,
      words`Input ${the(Option.ClientId)} is required with ${the(Option.TenantId)}: the application (client) id of the app registration or managed identity.`,
    )
  }
  if (!tenantId) {
    throw stated(
      Option.TenantId,
      words`Input ${the(Option.TenantId)} is required with ${the(Option.ClientId)}: the directory (tenant) id of the app registration.`,
    )
  }
  if (!GUID.test(clientId)) {
    throw invalid(Option.ClientId, 'expected an application (client) id such as 00000000-0000-0000-0000-000000000000')
  }
  if (!GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
    throw invalid(
      Option.TenantId,
      'expected a directory (tenant) id such as 00000000-0000-0000-0000-000000000000, or a domain such as contoso.onmicrosoft.com',
    )
  }
  return { endpoint, auth: { kind: 'federated', tenantId, clientId, audience: audience || DEFAULT_AUDIENCE } }
}

function guard<T>(option: OptionKey, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    if (err instanceof StorageConfigError) throw invalid(option, err.message)
    throw err
  }
}
