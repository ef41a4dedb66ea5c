// The inputs of the hold/ step, read into one HoldSpec up front by the
// face-neutral readers (settings/hold.ts); every problem is an InputError
// that names the input and the form expected.

import * as settings from '../settings/index.ts'
import { readHoldEnd, readHoldReason, readInputs, type InputReader } from './inputs.ts'

export { readHoldEnd, readHoldReason }
export type HoldSettings = settings.HoldSettings

/** The word that asks for a hold with no end, in 'duration'. */
export const NO_END = settings.NO_END

export function readHoldSettings(read: InputReader): HoldSettings {
  return readInputs(read, (byKey) => settings.readHoldSettings(byKey, settings.readLockName(byKey)))
}
