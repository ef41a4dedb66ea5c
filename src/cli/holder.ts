// Who the command is, for the holder record and its queue entry: waiters in
// GitHub Actions and on other CI systems read it to say whom they wait for.
// The CI systems the command is meant for each name their pipeline, run and
// user in their own variables; a terminal has the user and the machine.

import { hostname, userInfo } from 'node:os'
import type { HolderIdentity } from '../lock/holder.ts'

/** The identity of this run, from the CI system's variables, or of the terminal user. */
export function cliHolder(env: NodeJS.ProcessEnv = process.env): HolderIdentity {
  const v = (name: string): string => env[name] ?? ''
  if (env.GITHUB_ACTIONS === 'true') {
    const server = v('GITHUB_SERVER_URL') || 'https://github.com'
    const repository = v('GITHUB_REPOSITORY')
    const runId = v('GITHUB_RUN_ID')
    return {
      repository,
      workflow: v('GITHUB_WORKFLOW'),
      job: v('GITHUB_JOB'),
      runId,
      runAttempt: v('GITHUB_RUN_ATTEMPT'),
      actor: v('GITHUB_ACTOR'),
      runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
    }
  }
  if (env.TF_BUILD === 'True' || env.TF_BUILD === 'true') {
    // Azure Pipelines: the run's page is <collection><project>/_build/results?buildId=<id>.
    const collection = v('SYSTEM_COLLECTIONURI')
    const project = v('SYSTEM_TEAMPROJECT')
    const buildId = v('BUILD_BUILDID')
    return {
      repository: v('BUILD_REPOSITORY_NAME') || project,
      workflow: v('BUILD_DEFINITIONNAME'),
      job: v('SYSTEM_JOBDISPLAYNAME') || v('AGENT_JOBNAME'),
      runId: buildId,
      runAttempt: v('SYSTEM_JOBATTEMPT'),
      actor: v('BUILD_REQUESTEDFOR'),
      runUrl:
        collection && project && buildId
          ? `${collection}${encodeURIComponent(project)}/_build/results?buildId=${buildId}`
          : '',
    }
  }
  if (env.GITLAB_CI === 'true') {
    return {
      repository: v('CI_PROJECT_PATH'),
      workflow: v('CI_PIPELINE_NAME'),
      job: v('CI_JOB_NAME'),
      runId: v('CI_PIPELINE_ID'),
      runAttempt: '',
      actor: v('GITLAB_USER_LOGIN'),
      runUrl: v('CI_PIPELINE_URL'),
    }
  }
  if (env.JENKINS_URL) {
    return {
      repository: v('JOB_NAME'),
      workflow: '',
      job: v('STAGE_NAME'),
      runId: v('BUILD_NUMBER'),
      runAttempt: '',
      actor: v('BUILD_USER_ID'),
      runUrl: v('BUILD_URL'),
    }
  }
  let user = v('USER') || v('USERNAME')
  try {
    user ||= userInfo().username
  } catch {
    // No user name for this uid (a container): the host still says where the hold came from.
  }
  return {
    repository: `${user || 'someone'}@${hostname()}`,
    workflow: '',
    job: 'azure-mutex',
    runId: String(process.pid),
    runAttempt: '',
    actor: user,
    runUrl: '',
  }
}
