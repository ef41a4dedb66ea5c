// What the runner tells the job about itself, from its environment: who we
// are (the holder record waiters in other repositories see), and how this
// job may ask GitHub for an OIDC token.

import { UserError } from '../lock/errors.ts'
import type { HolderRecord } from '../lock/holder.ts'
import type { OidcRequest } from '../sign-in/github-oidc.ts'
import { Inputs } from './constants.ts'

export function holderFromEnvironment(env: NodeJS.ProcessEnv = process.env): Omit<HolderRecord, 'acquiredAt'> {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repository = env.GITHUB_REPOSITORY ?? ''
  const runId = env.GITHUB_RUN_ID ?? ''
  return {
    repository,
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
  }
}

/** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, which the runner sets only for jobs with 'id-token: write'. */
export function oidcRequestFromEnv(env: NodeJS.ProcessEnv = process.env): OidcRequest {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!url || !token) {
    throw new UserError(
      `'${Inputs.ClientId}' and '${Inputs.TenantId}' sign in with GitHub's OIDC token, but this job may not request one: ` +
        "add 'permissions: id-token: write' to the job or the workflow. (Pull requests from forks never get one.)",
    )
  }
  return { url, token }
}
