// Durations as people write them in workflow files: 90, 90s, 15m, 2h.

const DURATION = /^(\d+)\s*(s|m|h)?$/i
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const

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
