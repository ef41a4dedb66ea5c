// A probe for the "50 ms step" (issue 19): runs the built main step on a free lock with debug logging and
// prints each output line with its time since the step's spawn, then the storage requests through a proxy.
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
  for (let i = 0; i < runs; i++) {
    const job = jobFor(
      azurite,
      'probe/main',
      `probe-${i}`,
      { 'connection-string': proxy.connectionString },
      {
        env: {
          RUNNER_DEBUG: '1',
          ...(process.env.PROBE_STAMP ? { NODE_OPTIONS: `--import=${process.env.PROBE_STAMP}` } : {}),
        },
      },
    )
    const main = await job.runMain()
    const at = (t: number): string => `${String(t - main.startedAt).padStart(5)} ms`
    console.log(`run ${i}: main ${main.durationMs} ms, exit ${main.exitCode}`)
    // With PROBE_STAMP (a module that prefixes each output line with @<Date.now()>), every line is timed.
    for (const line of main.stdout.split('\n')) {
      const stamp = /^@(\d+) /.exec(line)
      const text = stamp ? `${at(Number(stamp[1]))}  ${line.slice(stamp[0].length)}` : line
      if (stamp || /waiting|Holding|Signed|Requests are/.test(line)) console.log('   ', text.slice(0, 170))
    }
    for (const r of proxy.log)
      console.log(
        `    ${at(r.at)} -> ${r.answeredAt ? at(r.answeredAt) : '   ?'}  ${r.method} ${r.kind ?? ''} ${r.status ?? ''} ${r.path}`,
      )
    proxy.log.length = 0
    await job.runPost()
    job.complete()
  }
  await proxy.stop()
} finally {
  completeAllJobs()
  await azurite.stop()
}
