// Durations as people write them in workflow files: 90, 90s, 15m, 2h.

const DURATION = /^(\d+)\s*(s|m|h)?$/i
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const

/**
 * The longest duration an input may give (a timeout, how long a hold lasts,
 * when to warn, a hold's end): a year. Nothing here needs longer, and a
 * duration long enough to be a slip of the keyboard (2400000000h) would
 * otherwise be read as given, and fail only later, as a time that no date can
 * hold, once the lease is taken. The readers refuse it up front.
 */
export const MAX_DURATION_MS = 366 * 24 * 3_600_000

/** The longest duration as the readers' messages give it. */
export const MAX_DURATION_TEXT = '8784h (366 days)'

/** Milliseconds for '90', '90s', '15m' or '2h'; undefined when the text is not one of those forms. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim())
  if (!match) return undefined
  const unit = (match[2] ?? 's').toLowerCase() as keyof typeof UNIT_MS
  const ms = Number(match[1]) * UNIT_MS[unit]
  return Number.isSafeInteger(ms) ? ms : undefined
}

/** '2h 5m', '1m 30s', '12s', '0.4s': short and exact enough for a log line. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1).replace(/\.0$/, '')}s`
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s && !h ? `${s}s` : '']
  return parts.filter(Boolean).join(' ') || '0s'
}
