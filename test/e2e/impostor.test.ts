// A stranger at the renewer's address (issue 16, defect 9). Once the renewer
// has died, any local user can bind its abstract socket name, which
// /proc/net/unix shows to all. Post must tell such a listener nothing secret,
// never kill a pid it names, and still release the lease itself and say
// what happened.

import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { after, before, describe, it } from 'node:test'
import { startAzurite, type Azurite } from '../support/azurite.ts'
import { isAlive, jobFor, lookAtLock, renewerPid } from '../support/e2e.ts'
import { completeAllJobs } from '../support/runner.ts'

describe(
  'a stranger at the renewer’s address, end to end',
  { skip: process.platform !== 'linux' && 'abstract sockets are Linux only' },
  () => {
    let azurite: Azurite
    before(async () => (azurite = await startAzurite()))
    after(async () => {
      completeAllJobs()
      await azurite.stop()
    })

    it('post sends it nothing secret, kills no pid it names, and releases the lease itself', async () => {
      const holder = jobFor(azurite, 'octo/victim', 'squatted')
      const main = await holder.runMain()
      assert.equal(main.exitCode, 0, main.stdout)
      const channel = JSON.parse(holder.state['renewer-channel']!) as { address: string; token: string }

      // The renewer dies (OOM killer, say); a stranger binds its name at once.
      const pid = renewerPid(holder)
      process.kill(pid, 'SIGKILL')
      for (let i = 0; i < 100 && isAlive(pid); i++) await delay(20)
      assert.ok(!isAlive(pid), 'the renewer is gone')

      const innocent = spawn('sleep', ['120'], { stdio: 'ignore' })
      const received: string[] = []
      const fake: Server = createServer((socket) => {
        socket.setEncoding('utf8')
        socket.on('error', () => undefined)
        socket.on('data', (chunk: string) => {
          received.push(chunk)
          // It answers as the old renewer did, and as a new one would, naming the innocent process.
          const nonce = 'A'.repeat(32)
          socket.write(`${JSON.stringify({ type: 'proof', pid: innocent.pid, nonce, mac: 'B'.repeat(43) })}\n`)
          socket.write(`${JSON.stringify({ type: 'hello', pid: innocent.pid })}\n`)
        })
      })
      // The kernel frees the dead renewer's name once its last reference goes, which can lag its exit a little.
      for (let tries = 1; ; tries++) {
        try {
          await new Promise<void>((done, fail) => {
            fake.once('error', fail)
            fake.listen(channel.address, () => {
              fake.off('error', fail)
              done()
            })
          })
          break
        } catch (err) {
          if ((err as { code?: string }).code !== 'EADDRINUSE' || tries >= 100) throw err
          await delay(20)
        }
      }
      try {
        const postStart = Date.now()
        const post = await holder.runPost()
        const postMs = Date.now() - postStart
        await delay(500)

        const everything = received.join('')
        assert.ok(!everything.includes(channel.token), 'the channel key went to the stranger')
        const lines = everything.split('\n').filter(Boolean)
        assert.equal(lines.length, 1, `post sent the stranger ${lines.length} lines: ${everything}`)
        assert.deepEqual(Object.keys(JSON.parse(lines[0]!) as object).sort(), ['nonce', 'type'], 'only a challenge')
        assert.ok(isAlive(innocent.pid!), 'post killed the pid the stranger named')

        assert.equal(post.exitCode, 0, post.stdout)
        assert.deepEqual(post.errors, [])
        assert.ok(
          post.warnings.some((w) => /Something other than this job's renewer listens at its address/.test(w)),
          JSON.stringify(post.warnings),
        )
        assert.match(post.stdout, /Released lock devstoreaccount1\/locks\/squatted/)
        assert.equal((await lookAtLock(azurite, 'squatted')).leaseState, 'available', 'post released the lease')
        assert.ok(postMs < 12_000, `post took ${postMs} ms: it waited on the stranger`)
      } finally {
        fake.close()
        innocent.kill()
      }
    })

    // The channel is open to every local user. 19,982 idle connections once took every descriptor the
    // renewer had, and its renewals failed until the lease lapsed. Here the renewer's limit is lowered
    // to 128 descriptors (prlimit), so that a few hundred connections do what 20,000 did.
    it(
      'keeps renewing, and answers post, while strangers hold hundreds of idle connections to it',
      {
        skip: spawnSync('prlimit', ['--version']).status !== 0 && 'prlimit (util-linux) is not installed',
      },
      async (t) => {
        const holder = jobFor(azurite, 'octo/flooded', 'flooded')
        const main = await holder.runMain()
        assert.equal(main.exitCode, 0, main.stdout)
        const channel = JSON.parse(holder.state['renewer-channel']!) as { address: string }
        const pid = renewerPid(holder)
        const limited = spawnSync('prlimit', [`--pid=${pid}`, '--nofile=128:128'], { encoding: 'utf8' })
        assert.equal(limited.status, 0, limited.stderr)

        // Idle connections that never send a challenge; a closed one is opened again at once, as a flood would.
        const open = new Set<Socket>()
        let flooding = true
        let closedByRenewer = 0
        const connect = (): void => {
          const socket = createConnection(channel.address)
          socket.on('error', () => undefined)
          socket.once('close', () => {
            open.delete(socket)
            if (!flooding) return
            closedByRenewer++
            setTimeout(connect, 200).unref()
          })
          open.add(socket)
        }
        for (let i = 0; i < 200; i++) connect()
        try {
          // Longer than the lease: only renewals keep it.
          await delay(20_000)
          const descriptors = readdirSync(`/proc/${pid}/fd`).length
          t.diagnostic(
            `renewer: ${descriptors} descriptors open; the renewer closed ${closedByRenewer} idle connections`,
          )
          assert.ok(descriptors < 128, `the renewer has ${descriptors} descriptors open`)
          const post = await holder.runPost()
          assert.equal(post.exitCode, 0, post.stdout)
          assert.deepEqual(post.warnings, [], 'post heard from the renewer, and the lease never lapsed')
          const released = post.lines.find((line) => line.startsWith('Released lock devstoreaccount1/locks/flooded'))
          assert.ok(released, post.stdout)
          const renewals = Number(/\((\d+) renewals, longest gap/.exec(released)?.[1])
          assert.ok(renewals >= 4, `the renewer renewed ${renewals} times in 20 s`)
          assert.equal((await lookAtLock(azurite, 'flooded')).leaseState, 'available', 'the renewer released the lease')
        } finally {
          flooding = false
          for (const socket of open) socket.destroy()
        }
        assert.deepEqual(holder.complete(), [])
      },
    )
  },
)
