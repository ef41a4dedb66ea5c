// 'on-superseded: cancel': a superseded or stale job cancels its own workflow
// run through the GitHub API, so that the run shows as cancelled, as GitHub's
// own `concurrency:` does. One request, POST
// {GITHUB_API_URL}/repos/{owner}/{repo}/actions/runs/{run_id}/cancel with the
// job's token, which needs `actions: write`. The token is masked when it is
// read and never written to the log; GitHub's answer is shown through
// showUntrusted.

import { showUntrusted } from '../lock/untrusted-text.ts'
import { Inputs } from './constants.ts'

/** The longest the cancel request may take. */
const CANCEL_TIMEOUT_MS = 15_000

/** The cancel could not be asked for, or GitHub refused it: one line, naming what to change. */
export class CancelRunError extends Error {
  override name = 'CancelRunError'
}

export interface CancelTarget {
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's. */
  apiUrl: string
  /** GITHUB_REPOSITORY: owner/repo. */
  repository: string
  /** GITHUB_RUN_ID. */
  runId: string
  token: string
}

/** The target from the job's environment and the token; a CancelRunError naming what is missing. */
export function cancelTarget(token: string, env: NodeJS.ProcessEnv = process.env): CancelTarget {
  if (token === '') {
    throw new CancelRunError(
      `'${Inputs.OnSuperseded}: cancel' needs a GitHub token, and '${Inputs.GithubToken}' is empty; ` +
        'leave it at its default (the job token) or pass one that has actions: write.',
    )
  }
  const apiUrl = env.GITHUB_API_URL || 'https://api.github.com'
  const repository = env.GITHUB_REPOSITORY ?? ''
  const runId = env.GITHUB_RUN_ID ?? ''
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) || !/^\d+$/.test(runId)) {
    throw new CancelRunError(
      `'${Inputs.OnSuperseded}: cancel' needs GITHUB_REPOSITORY and GITHUB_RUN_ID, which the runner sets; ` +
        'they are missing or malformed here.',
    )
  }
  return { apiUrl: apiUrl.replace(/\/+$/, ''), repository, runId, token }
}

/** Asks GitHub to cancel the run. Resolves once GitHub accepted (202); a CancelRunError otherwise. */
export async function cancelRun(target: CancelTarget, fetchImpl: typeof fetch = fetch): Promise<void> {
  const url = `${target.apiUrl}/repos/${target.repository}/actions/runs/${target.runId}/cancel`
  let answer: Response
  try {
    answer = await fetchImpl(url, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${target.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'azure-mutex-action',
      },
      signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS),
    })
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    throw new CancelRunError(`Could not cancel this run: the GitHub API at ${target.apiUrl} did not answer (${why}).`)
  }
  if (answer.status === 202) return
  const body = await answer.text().catch(() => '')
  let message = ''
  try {
    message = String((JSON.parse(body) as { message?: unknown }).message ?? '')
  } catch {
    message = body
  }
  const said = message ? `: ${showUntrusted(message, 200)}` : ''
  if (answer.status === 403 || answer.status === 404) {
    throw new CancelRunError(
      `Could not cancel this run: GitHub answered ${answer.status}${said}. The token lacks the 'actions: write' ` +
        `permission: give the job 'permissions: actions: write', or set '${Inputs.OnSuperseded}' to skip or fail.`,
    )
  }
  throw new CancelRunError(`Could not cancel this run: GitHub answered ${answer.status}${said}.`)
}
