// The lock's two clocks.
//
// Lease arithmetic, deadlines, pauses and "how long since" run on the
// machine's monotonic clock: an NTP step, a changed system time or a runner
// whose clock is minutes off does not move it. It is one clock for every
// process of the machine (CLOCK_MONOTONIC on Linux, mach_absolute_time on
// macOS, QueryPerformanceCounter on Windows), so a reading taken in the main
// step means the same instant in the renewer it is handed to.
//
// The wall clock (Date) is for display only, and where a time is shown as a
// claim about another machine (when a lease began, until when it was ours),
// the service's Date header is the better source: it is one clock for
// everybody who uses the lock.

/** Milliseconds on the machine's monotonic clock; only differences between two readings mean anything. */
export function monotonicNow(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
