// The phases of a step as log groups: each phase's lines fold under one
// title. Only one group is open at a time, and failStep closes it first, so
// that the error line of a failed step is never folded away.

import * as core from '@actions/core'

let open = false

/** Ends the phase that is open, if any, and opens a group for the next. */
export function startPhase(title: string): void {
  endPhase()
  core.startGroup(title)
  open = true
}

/** Ends the phase that is open, if any. */
export function endPhase(): void {
  if (!open) return
  core.endGroup()
  open = false
}
