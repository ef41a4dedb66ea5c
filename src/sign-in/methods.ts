// The ways to sign in to the lock's storage account, as plain data: it is read
// from the inputs, and the renewer gets it as JSON. Entra ID credentials are
// built from it later, in whichever process needs them.

import type { KeyAuth } from '../lock/storage.ts'

/** Entra ID through a GitHub OIDC token traded with a federated credential. */
export interface FederatedAuth {
  kind: 'federated'
  tenantId: string
  clientId: string
  audience: string
}

/** Entra ID with GitHub's OIDC token, or with whatever Azure credential the runner has. */
export type EntraAuth = FederatedAuth | { kind: 'ambient' }

/** A key or SAS (secrets in themselves), or a way to get Entra ID tokens. */
export type SignInMethod = KeyAuth | EntraAuth

/** Where the lock's account is and how to sign in to it. */
export interface StorageAccess {
  endpoint: string
  auth: SignInMethod
}

/** True when requests are signed with Entra ID tokens rather than a key or SAS. */
export function usesEntra(method: SignInMethod): boolean {
  return method.kind === 'federated' || method.kind === 'ambient'
}
