// Azure's naming rules for the two names that identify a lock: the container
// and the blob (the lock name, as in go-azuremutex). Each check returns why a
// name is invalid, or undefined when it is fine.

import { showUntrusted } from './untrusted-text.ts'

const CONTAINER_NAME = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/

/** 3 to 63 characters: lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
export function containerNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.length < 3 || name.length > 63) return `it is ${name.length} characters long, not 3 to 63`
  if (!CONTAINER_NAME.test(name)) {
    return 'it may contain only lowercase letters, digits and single hyphens, and must start and end with a letter or digit'
  }
  return undefined
}

// C0 and C1 controls and DEL: Azure refuses them in blob names.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/

/** Azure's limit on the path segments of a blob name. */
const MAX_SEGMENTS = 254

/**
 * The first path segment of every blob the action keeps beside a lock (its
 * queue and its counters, see reserved.ts). No lock may live under it, so a
 * lock can never be one of those blobs.
 */
export const RESERVED_SEGMENT = '.azure-mutex'

/**
 * What the runner reads as a workflow command in a line of a step's output
 * (see untrusted-text.ts): '::' (at the start of a line, and a lock name
 * may start one) and '##[' anywhere. Every step prints the lock name in its
 * messages, so a name that carries either is refused rather than escaped in
 * each of them: the name people read is then always the blob's name.
 */
const WORKFLOW_COMMAND_OPENERS: ReadonlyArray<[opener: string, described: string]> = [
  ['::', "'::'"],
  // Described, not quoted: the message that names it must not carry the opener itself.
  ['##[', "'##' followed by '['"],
]

/** The first workflow command opener in the text, described for a message; undefined when there is none. */
export function workflowCommandOpener(text: string): string | undefined {
  return WORKFLOW_COMMAND_OPENERS.find(([opener]) => text.includes(opener))?.[1]
}

/**
 * 1 to 1024 characters, no control characters or backslashes, at most 254
 * path segments, not ending in '.' or '/', and a name that means the same
 * blob to every client: no '.' or '..' segment (URL normalisation removes or
 * resolves them before the request leaves the client, so 'a/../b' would lock
 * 'b' and '../x/b' even another container), no empty segment (a leading '/'
 * or '//', which some SDKs trim and accounts with a hierarchical namespace
 * cannot hold), no segment ending in '.' (which Azure drops), not under
 * the action's own folder (RESERVED_SEGMENT), and no workflow command opener
 * ('::' or '##[').
 */
export function lockNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.length > 1024) return `it is ${name.length} characters long, more than 1024`
  if (CONTROL_CHARACTER.test(name)) return 'it contains a control character'
  const opener = workflowCommandOpener(name)
  if (opener) return `it contains ${opener}, which the runner reads as the start of a workflow command`
  if (name.includes('\\')) return 'it contains a backslash, which some Azure tools turn into /'
  const segments = name.split('/')
  const dots = segments.find((segment) => segment === '.' || segment === '..')
  if (dots) return `it has a '${dots}' path segment, which URLs resolve away ('a/../b' would lock 'b')`
  if (/[./]$/.test(name)) return "it ends with '.' or '/'"
  if (segments.includes('')) return "it has an empty path segment (a leading '/' or '//')"
  const dotted = segments.find((segment) => segment.endsWith('.'))
  if (dotted) return `its path segment '${showUntrusted(dotted, 80)}' ends with '.', which Azure drops`
  if (segments.length > MAX_SEGMENTS) return `it has ${segments.length} path segments, more than ${MAX_SEGMENTS}`
  if (segments[0] === RESERVED_SEGMENT) {
    return `its first path segment '${RESERVED_SEGMENT}' is reserved for the queue and the counters the action keeps beside each lock`
  }
  return undefined
}
