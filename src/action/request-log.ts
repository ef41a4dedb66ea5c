// With debug logging on (RUNNER_DEBUG=1, or "Enable debug logging" on a
// re-run), every storage request of a step goes to the debug log: method, URL
// without its query (so never a SAS), status, request id and retries. The
// lock core reports requests through an observer; this plugs core.debug in.

import * as core from '@actions/core'
import { describeRequest, type RequestObserver } from '../lock/storage.ts'

/** The observer for a step's storage clients: undefined (no cost) unless debug logging is on. */
export function requestLog(): RequestObserver | undefined {
  return core.isDebug() ? (request) => core.debug(describeRequest(request)) : undefined
}
