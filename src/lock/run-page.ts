// The run URL in a holder, break or hold record is written by whoever wrote
// the record: anyone who can write to the container. A log viewer turns a URL
// into a link, so a line shows one only when it is what an honest record holds,
// a GitHub Actions run page on the server of the job that prints it; the job
// summary links by the same test. Any other URL is left out of the line.

/** A GitHub Actions run page: /owner/repo/actions/runs/<id>, optionally /attempts/<n>. */
const RUN_PATH = /^\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/\d+(\/attempts\/\d+)?\/?$/

/** The run URL as an href, only when it is an https run page on `serverUrl`, with no query, fragment or user. */
export function safeRunLink(runUrl: string, serverUrl: string): string | undefined {
  let url: URL
  let server: URL
  try {
    url = new URL(runUrl)
    server = new URL(serverUrl)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' || url.origin !== server.origin || url.search || url.hash) return undefined
  if (url.username || url.password || !RUN_PATH.test(url.pathname)) return undefined
  return url.href
}

/**
 * The server whose run pages lines may show: the one a GitHub runner names
 * for its job (GITHUB_SERVER_URL, GitHub Enterprise Server included), else
 * github.com, where the records of jobs elsewhere point.
 */
export function runPageServer(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_SERVER_URL || 'https://github.com'
}

/** The run URL of a record as a line may show it: the run page itself, or '' for any other URL. */
export function shownRunUrl(runUrl: string, serverUrl: string = runPageServer()): string {
  return runUrl ? (safeRunLink(runUrl, serverUrl) ?? '') : ''
}
