// The pin check of npm run lint:workflows: every `uses:` of another repository's
// action or reusable workflow names a full commit SHA, with the release it is in
// a comment (`uses: actions/checkout@<40 hex> # v5.1.0`). A tag or a branch is a
// moving name: whoever can push to that repository can change the code this
// repository's workflows run, the release job's `contents: write` token
// included. Dependabot's github-actions updates move such a pin and its comment
// together. A local action (`uses: ./`) is this repository's own code at the
// commit under test; a Docker image is pinned by its digest.

import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml'

/** `owner/repo@ref` or `owner/repo/path@ref`, as GitHub reads a remote `uses:`. */
const REMOTE = /^[^./\s][^/\s]*\/[^@\s]+@(.+)$/
const FULL_SHA = /^[0-9a-f]{40}$/
/** The release comment after a pin: `# v5.1.0` (Dependabot writes and updates it). */
const VERSION_COMMENT = /^#\s*v\d+(\.\d+)*\S*\s*$/

/** Every `uses:` value of a workflow (steps and reusable-workflow jobs), its line, and the comment after it. */
function usesOf(text: string): Array<{ value: string; line: number; comment: string }> {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  const found: Array<{ value: string; line: number; comment: string }> = []
  const note = (node: unknown): void => {
    if (!isScalar(node) || typeof node.value !== 'string') return
    const scalar = node as Scalar<string>
    const line = lines.linePos(scalar.range?.[0] ?? 0).line
    found.push({ value: scalar.value, line, comment: scalar.comment === undefined ? '' : `#${scalar.comment}` })
  }
  const jobs = isMap(doc.contents) ? doc.contents.get('jobs') : undefined
  if (!isMap(jobs)) return found
  for (const { value: job } of jobs.items) {
    if (!isMap(job)) continue
    note(job.get('uses', true))
    const steps = job.get('steps')
    if (!isSeq(steps)) continue
    for (const step of steps.items) if (isMap(step)) note(step.get('uses', true))
  }
  return found
}

/** What is wrong with the pins of one workflow file: one line each, empty when every `uses:` is pinned. */
export function pinProblems(file: string, text: string): string[] {
  const problems: string[] = []
  for (const { value, line, comment } of usesOf(text)) {
    if (value.startsWith('./')) continue
    if (value.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(value)) {
        problems.push(`${file}:${line}: uses: ${value} is a Docker image by tag: pin it by digest (@sha256:…).`)
      }
      continue
    }
    const ref = REMOTE.exec(value)?.[1]
    if (ref === undefined) {
      problems.push(`${file}:${line}: uses: ${value} is not owner/repo@ref, ./path or docker://image.`)
    } else if (!FULL_SHA.test(ref)) {
      problems.push(
        `${file}:${line}: uses: ${value} is pinned by '${ref}', a name that can move: ` +
          'pin it to the full commit SHA of a release, with the release in a comment (@<40 hex> # v1.2.3).',
      )
    } else if (!VERSION_COMMENT.test(comment)) {
      problems.push(
        `${file}:${line}: uses: ${value} has no release comment: add the release the SHA is in (# v1.2.3), ` +
          'which readers and Dependabot go by.',
      )
    }
  }
  return problems
}
