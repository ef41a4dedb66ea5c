// The face-neutral settings: every reader, for a face that reads them all.

export { readBoolean, parseBoolean, notBoolean } from './boolean.ts'
export { cappedDuration, readTimeout, readWarnAfter } from './durations.ts'
export { NO_END, readHoldEnd, readHoldSettings, type HoldSettings } from './hold.ts'
export {
  DEFAULT_CONTAINER,
  readContainer,
  readLeaseDuration,
  readLockName,
  readLockSpec,
  readOptionalLockName,
  readRunHold,
  readSlots,
  refuseSlotsWith,
} from './lock-spec.ts'
export type { InputReader, OptionKey } from './option.ts'
export { readPriority, readQueueing } from './queueing.ts'
export type { Priority } from '../lock/queue/entry.ts'
export { REASON_MAX_LENGTH, readHoldReason, readOptionalReason, readReason } from './reason.ts'
export { DEFAULT_AUDIENCE, readStorageTarget } from './storage-target.ts'
export { readOnSuperseded, readSupersede, type DefaultSequence, type OnSuperseded } from './supersede.ts'
