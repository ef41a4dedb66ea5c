// Azure's naming rules for the two names that identify a lock: the container
// and the blob (the lock name, as in go-azuremutex). Each check returns why a
// name is invalid, or undefined when it is fine.

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

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/

/** 1 to 1024 characters, no control characters or backslashes, at most 254 path segments, not ending in '.' or '/'. */
export function lockNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.length > 1024) return `it is ${name.length} characters long, more than 1024`
  if (CONTROL_CHARACTER.test(name)) return 'it contains a control character'
  if (name.includes('\\')) return 'it contains a backslash, which some Azure tools turn into /'
  if (/[./]$/.test(name)) return "it ends with '.' or '/'"
  if (name.split('/').length > 254) return 'it has more than 254 path segments'
  return undefined
}
