// A stranger at the renewer's address (issue 16, defect 9). Once the renewer
// has died, any local user can bind its abstract socket name, which
// /proc/net/unix shows to all. Post must tell such a listener nothing secret,
// never kill a pid it names, and still release the lease itself and say
// what happened.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:net'
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
  },
)
