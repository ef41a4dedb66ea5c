// A probe of the handover from the holder's side: a holder, one job queued behind it, then the holder's
// post step with debug logging; prints each post line with its time since post's spawn (with PROBE_STAMP),
// the renewer's and the head's storage requests through a proxy, and when the head's main exits.
import { setTimeout as delay } from 'node:timers/promises'
import { startAzurite } from '../test/support/azurite.ts'
import { jobFor } from '../test/support/e2e.ts'
import { FaultProxy } from '../test/support/fault-proxy.ts'
import { containerOn } from '../test/support/lock.ts'
import { completeAllJobs } from '../test/support/runner.ts'

const azurite = await startAzurite()
try {
  await containerOn(azurite, 'locks').createIfNotExists()
  const proxy = await new FaultProxy(azurite.port).start()
  const runs = Number(process.argv[2] ?? 5)
  const env = {
    RUNNER_DEBUG: '1',
    ...(process.env.PROBE_STAMP ? { NODE_OPTIONS: `--import=${process.env.PROBE_STAMP}` } : {}),
  }
  for (let i = 0; i < runs; i++) {
    const lock = `probe-post-${i}`
    const holder = jobFor(azurite, 'probe/holder', lock, { 'connection-string': proxy.connectionString }, { env })
    await holder.runMain()
    const head = jobFor(azurite, 'probe/head', lock, { 'connection-string': proxy.connectionString }, { env })
    const waiting = head.runMain()
    await delay(2_000)
    proxy.log.length = 0
    const post = await holder.runPost()
    const main = await waiting
    const at = (t: number): string => `${String(t - post.startedAt).padStart(5)} ms`
    console.log(`run ${i}: post ${post.durationMs} ms; head's main exits at ${at(main.endedAt)}`)
    for (const line of post.stdout.split('\n')) {
      const stamp = /^@(\d+) /.exec(line)
      if (stamp) console.log('   ', `${at(Number(stamp[1]))}  ${line.slice(stamp[0].length)}`.slice(0, 170))
    }
    console.log("    the head's main, from the post's start:")
    for (const line of main.stdout.split('\n')) {
      const stamp = /^@(\d+) /.exec(line)
      if (stamp && Number(stamp[1]) >= post.startedAt)
        console.log('   ', `${at(Number(stamp[1]))}  ${line.slice(stamp[0].length)}`.slice(0, 170))
    }
    for (const r of proxy.log.filter((r) => r.at <= main.endedAt))
      console.log(
        `    ${at(r.at)} -> ${r.answeredAt ? at(r.answeredAt) : '   ?'}  ${r.by.padEnd(7)} ${r.method} ${r.kind ?? ''} ${r.status ?? ''} ${(r.path ?? '').slice(0, 70)}`,
      )
    await head.runPost()
    holder.complete()
    head.complete()
  }
  await proxy.stop()
} finally {
  completeAllJobs()
  await azurite.stop()
}
