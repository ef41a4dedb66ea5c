// Who we are, from the runner's environment: the holder record written on the
// lock blob so that waiters in other repositories can see who has the lock.

import type { HolderRecord } from '../lock/holder.ts'

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
