// Signing in with whatever Azure credential the runner already has, tried in
// order: environment variables, workload identity, the machine's managed
// identity, and the az CLI session.

import type { TokenCredential } from '@azure/core-auth'
import { authorityOptions, firstLine, firstToken, identity, SignInError } from './entra-id.ts'

/** None of the runner's credentials gave a token; the message lists each with why and how to fix it. */
export class NoAmbientCredentialError extends SignInError {
  override name = 'NoAmbientCredentialError'
}

export type AmbientSource = 'environment' | 'workload-identity' | 'managed-identity' | 'azure-cli'

export interface AmbientCandidate {
  source: AmbientSource
  /** How the log line names it. */
  label: string
  /** What to do so that this one works. */
  fix: string
  /** Why it cannot work here without trying, or undefined to try it. */
  missing: (env: NodeJS.ProcessEnv) => string | undefined
  create: (env: NodeJS.ProcessEnv) => Promise<TokenCredential>
  /** The longest a first token may take before we move on. */
  timeoutMs: number
}

const AMBIENT_CHAIN: AmbientCandidate[] = [
  {
    source: 'environment',
    label:
      'environment variables (a service principal in AZURE_TENANT_ID, AZURE_CLIENT_ID and a secret or certificate)',
    fix: 'set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)',
    missing: (env) =>
      !env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID
        ? 'AZURE_TENANT_ID and AZURE_CLIENT_ID are not both set'
        : !env.AZURE_CLIENT_SECRET && !env.AZURE_CLIENT_CERTIFICATE_PATH
          ? 'neither AZURE_CLIENT_SECRET nor AZURE_CLIENT_CERTIFICATE_PATH is set'
          : undefined,
    create: async (env) => new (await identity()).EnvironmentCredential(authorityOptions(env)),
    timeoutMs: 20_000,
  },
  {
    source: 'workload-identity',
    label: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
    fix: "on Kubernetes, enable workload identity for the runner pod's service account",
    missing: (env) =>
      !env.AZURE_FEDERATED_TOKEN_FILE || !env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID
        ? 'AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID and AZURE_CLIENT_ID are not all set'
        : undefined,
    create: async (env) =>
      new (await identity()).WorkloadIdentityCredential({
        tenantId: env.AZURE_TENANT_ID,
        clientId: env.AZURE_CLIENT_ID,
        tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
        ...authorityOptions(env),
      }),
    timeoutMs: 20_000,
  },
  {
    source: 'managed-identity',
    label: 'the managed identity of this machine',
    fix: 'on a self-hosted runner in Azure, give the VM a managed identity (and set AZURE_CLIENT_ID for a user-assigned one)',
    missing: () => undefined,
    create: async (env) =>
      new (await identity()).ManagedIdentityCredential(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
    // Off Azure the metadata endpoint may never answer: do not wait long for it.
    timeoutMs: 5_000,
  },
  {
    source: 'azure-cli',
    label: 'the Azure CLI session (az login, or azure/login earlier in the job)',
    fix: "run azure/login earlier in the job (its OIDC session lasts about 5 minutes; for long jobs prefer GitHub's OIDC token with a federated credential)",
    missing: () => undefined,
    create: async (env) =>
      new (await identity()).AzureCliCredential({
        processTimeoutInMs: 15_000,
        tenantId: env.AZURE_TENANT_ID || undefined,
      }),
    timeoutMs: 20_000,
  },
]

export function ambientLabel(source: AmbientSource): string {
  return AMBIENT_CHAIN.find((candidate) => candidate.source === source)?.label ?? source
}

/** The credential of one ambient source, without trying it (the renewer uses what main found). */
export async function ambientCredential(
  source: AmbientSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TokenCredential> {
  const candidate = AMBIENT_CHAIN.find((c) => c.source === source)
  if (!candidate) throw new SignInError(`Unknown Azure credential source '${source}'.`)
  return candidate.create(env)
}

export interface AmbientFound {
  source: AmbientSource
  label: string
  credential: TokenCredential
}

/**
 * Tries the ambient sources in order and returns the first that yields a
 * storage token. When none does, the error lists each one, why it failed,
 * and how to make it work.
 */
export async function findAmbientCredential(
  env: NodeJS.ProcessEnv = process.env,
  chain: AmbientCandidate[] = AMBIENT_CHAIN,
): Promise<AmbientFound> {
  const tried: string[] = []
  for (const candidate of chain) {
    const missing = candidate.missing(env)
    if (missing) {
      tried.push(`${candidate.source}: ${missing}; to use it, ${candidate.fix}`)
      continue
    }
    const credential = await candidate.create(env)
    try {
      await firstToken(credential, candidate.timeoutMs)
      return { source: candidate.source, label: candidate.label, credential }
    } catch (err) {
      tried.push(`${candidate.source}: ${firstLine(err)}; to use it, ${candidate.fix}`)
    }
  }
  throw new NoAmbientCredentialError(
    `No Azure credential found on this runner. Tried, in order: ${tried.map((t, i) => `(${i + 1}) ${t}`).join('; ')}.`,
  )
}
