// The renewer's control channel over real sockets: an abstract socket on
// Linux, and the socket file macOS uses, which a clean-up may delete.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { afterEach, describe, it } from 'node:test'
import {
  HANDSHAKE_MS,
  askRenewer,
  serveChannel,
  type ChannelRef,
  type RenewerAnswer,
} from '../../src/renewer/channel.ts'
import { askToLetGo } from '../../src/renewer/control.ts'
import { advance, initialReport } from '../../src/renewer/lifecycle.ts'
import { channelAddress, livenessOf, startTimeOf } from '../../src/renewer/platform.ts'
import { renewerProof } from '../../src/renewer/proof.ts'

const newRef = (address = channelAddress(randomUUID())): ChannelRef => ({ address, token: randomUUID() })

function answerWith(phase: 'released' | 'holding' = 'released'): RenewerAnswer {
  let report = advance(initialReport(process.pid, new Date()), { type: 'renewed', sentAt: 1_000, at: 1_100 })
  if (phase === 'released') report = advance(report, { type: 'released', at: new Date(), by: 'post' })
  return { report, log: ['a line of the renewer log'] }
}

describe('the control channel', () => {
  it('proves who it is to a caller with the key (its pid, signed), then answers with the report and log', async () => {
    const ref = newRef()
    const asked: string[] = []
    const server = await serveChannel(ref, {
      handle: async (request) => {
        asked.push(`${request.by}:${request.op}`)
        return answerWith()
      },
    })
    try {
      const conversation = await askRenewer(ref, { op: 'stop', by: 'post' })
      assert.notEqual(conversation, 'nothing listens')
      if (conversation === 'nothing listens') return
      assert.equal(await conversation.proven, process.pid)
      const answer = await conversation.answer
      assert.equal(answer?.report.phase, 'released')
      assert.deepEqual(answer?.log, ['a line of the renewer log'])
      assert.deepEqual(asked, ['post:stop'])
    } finally {
      await server.close()
    }
  })

  it('is taken for an impostor by a caller with another key, which then sends it nothing more', async () => {
    const ref = newRef()
    let handled = 0
    const server = await serveChannel(ref, { handle: async () => (handled++, answerWith()) })
    try {
      const conversation = await askRenewer({ ...ref, token: 'guessed' }, { op: 'stop', by: 'post' })
      assert.notEqual(conversation, 'nothing listens')
      if (conversation === 'nothing listens') return
      assert.equal(await conversation.proven, 'impostor')
      assert.equal(await conversation.answer, undefined)
      assert.equal(handled, 0)
    } finally {
      await server.close()
    }
  })

  it('refuses a caller whose proof does not check out, and never acts for it', async () => {
    const ref = newRef()
    let handled = 0
    const server = await serveChannel(ref, { handle: async () => (handled++, answerWith()) })
    try {
      const lines = await new Promise<string[]>((done) => {
        const received: string[] = []
        const socket = createConnection(ref.address, () =>
          socket.write(`${JSON.stringify({ type: 'challenge', nonce: 'n'.repeat(32) })}\n`),
        )
        socket.setEncoding('utf8')
        socket.on('data', (chunk: string) => {
          received.push(...chunk.split('\n').filter(Boolean))
          if (received.length === 1) socket.write(`${JSON.stringify({ op: 'stop', by: 'post', mac: 'forged' })}\n`)
        })
        socket.on('close', () => done(received))
      })
      assert.equal(JSON.parse(lines[0]!).type, 'proof')
      assert.deepEqual(JSON.parse(lines[1]!), { type: 'refused' })
      assert.equal(handled, 0)
    } finally {
      await server.close()
    }
  })

  // Issue 16, defect 9: once the renewer has died, anyone on the machine can listen at its abstract name.

  it('sends nothing secret to a listener that cannot prove it holds the key, and kills nothing it names', async () => {
    const ref = newRef()
    const innocent = spawn('sleep', ['30'], { stdio: 'ignore' })
    const received: string[] = []
    // The impostor answers every line as a renewer would, naming an innocent pid, and signs with a guessed key.
    const impostor = createServer((socket) => {
      socket.setEncoding('utf8')
      let buffered = ''
      socket.on('data', (chunk: string) => {
        buffered += chunk
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        for (const line of lines.filter(Boolean)) {
          received.push(line)
          const nonce = (JSON.parse(line) as { nonce?: string }).nonce ?? 'x'
          const mac = renewerProof('guessed', nonce, 'r'.repeat(32), innocent.pid!)
          socket.write(`${JSON.stringify({ type: 'proof', pid: innocent.pid, nonce: 'r'.repeat(32), mac })}\n`)
          socket.write(`${JSON.stringify({ type: 'hello', pid: innocent.pid })}\n`)
        }
      })
      socket.on('error', () => undefined)
    })
    await new Promise<void>((done) => impostor.listen(ref.address, done))
    try {
      const asked = await askToLetGo(
        ref,
        { op: 'stop', by: 'post' },
        { answerTimeoutMs: 300, killIfStuck: true, expected: { pid: innocent.pid! } },
      )
      assert.deepEqual(asked.answer, { kind: 'impostor' })
      assert.equal(received.length, 1, `the caller sent ${received.length} lines`)
      assert.deepEqual(Object.keys(JSON.parse(received[0]!) as object).sort(), ['nonce', 'type'])
      assert.ok(!received[0]!.includes(ref.token), 'the key went out')
      await delay(100)
      assert.equal(livenessOf(innocent.pid!, undefined), 'alive', 'the innocent process was killed')
    } finally {
      impostor.close()
      innocent.kill()
    }
  })

  it('takes for an impostor a renewer with the key whose pid is not the one main recorded', async () => {
    const ref = newRef()
    const server = await serveChannel(ref, { handle: async () => answerWith() })
    try {
      const asked = await askToLetGo(ref, { op: 'stop', by: 'post' }, { expected: { pid: process.pid + 1 } })
      assert.deepEqual(asked.answer, { kind: 'impostor' })
    } finally {
      await server.close()
    }
  })

  it('cuts a caller that floods it before a newline', async () => {
    const ref = newRef()
    const server = await serveChannel(ref, { handle: async () => answerWith() })
    try {
      const closed = await new Promise<boolean>((done) => {
        const socket = createConnection(ref.address, () => socket.write('x'.repeat(10_000)))
        socket.on('error', () => undefined)
        socket.on('close', () => done(true))
        setTimeout(() => done(false), 2_000).unref()
      })
      assert.ok(closed, 'the connection was closed')
    } finally {
      await server.close()
    }
  })

  /** Client ends of the idle connections a test opened: destroyed after it, so that the server can close. */
  const idleSockets = new Set<ReturnType<typeof createConnection>>()
  afterEach(() => {
    for (const socket of idleSockets) socket.destroy()
    idleSockets.clear()
  })

  /** Opens a connection that sends `first` (nothing by default) and then stays idle; resolves once connected. */
  function idle(ref: ChannelRef, first?: string): Promise<{ closed: Promise<number> }> {
    return new Promise((connected) => {
      const opened = Date.now()
      const socket = createConnection(ref.address, () => {
        if (first !== undefined) socket.write(first)
        connected({ closed })
      })
      idleSockets.add(socket)
      socket.on('error', () => undefined)
      socket.resume() // reads what the renewer says (a proof, a refusal), so that its close is seen
      const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)))
    })
  }

  it('closes a connection that sends no challenge, or no request after its proof, within the handshake time', async () => {
    const ref = newRef()
    let handled = 0
    const server = await serveChannel(ref, { handle: async () => (handled++, answerWith()), handshakeMs: 300 })
    try {
      const silent = await idle(ref)
      const challenged = await idle(ref, `${JSON.stringify({ type: 'challenge', nonce: 'n'.repeat(32) })}\n`)
      for (const [what, connection] of [
        ['silent', silent],
        ['challenged', challenged],
      ] as const) {
        const closedAfter = await Promise.race([connection.closed, delay(3_000, Infinity)])
        assert.ok(
          closedAfter >= 250 && closedAfter < 2_000,
          `the ${what} connection was closed after ${closedAfter} ms`,
        )
      }
      assert.equal(handled, 0)
      assert.ok(HANDSHAKE_MS <= 10_000, 'within seconds')
    } finally {
      for (const socket of idleSockets) socket.destroy()
      await server.close()
    }
  })

  it('answers a caller with the key while more idle connections are open than it keeps, and keeps no more', async () => {
    const ref = newRef()
    const server = await serveChannel(ref, { handle: async () => answerWith(), maxUnproven: 8, handshakeMs: 1_500 })
    try {
      const connections = await Promise.all(Array.from({ length: 50 }, () => idle(ref)))
      await delay(200)
      const open = (): Promise<number> =>
        Promise.all(connections.map((c) => Promise.race([c.closed.then(() => 0), delay(0, 1)]))).then((states) =>
          states.reduce((a, b) => a + b, 0),
        )
      assert.ok((await open()) <= 8, `${await open()} idle connections are still open`)
      const asked = await askToLetGo(ref, { op: 'report', by: 'post' })
      assert.equal(asked.answer.kind, 'answered')
      // A challenge is what keeps a connection: idle ones made after it close the older idle ones, not it.
      const talking = await idle(ref, `${JSON.stringify({ type: 'challenge', nonce: 'm'.repeat(32) })}\n`)
      await delay(100)
      await Promise.all(Array.from({ length: 20 }, () => idle(ref)))
      assert.equal(await Promise.race([talking.closed.then(() => 'closed'), delay(300, 'open')]), 'open')
    } finally {
      for (const socket of idleSockets) socket.destroy()
      await server.close()
    }
  })

  it('says nothing listens at an address without a renewer', async () => {
    assert.equal(await askRenewer(newRef(), { op: 'report', by: 'post' }), 'nothing listens')
    const asked = await askToLetGo(newRef(), { op: 'stop', by: 'post' }, { killIfStuck: true })
    assert.deepEqual(asked.answer, { kind: 'gone' })
  })

  it("listens again when a clean-up deletes its socket file (macOS's kind of address)", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'chan-'))
    const ref = newRef(channelAddress(randomUUID(), { os: 'darwin', tmpdir: folder, procDir: undefined }))
    const server = await serveChannel(ref, { handle: async () => answerWith('holding') })
    try {
      assert.ok(existsSync(ref.address))
      rmSync(folder, { recursive: true, force: true }) // rm -rf "$TMPDIR"
      assert.equal(await askRenewer(ref, { op: 'report', by: 'post' }), 'nothing listens')
      await server.keepListening()
      const asked = await askToLetGo(ref, { op: 'report', by: 'post' })
      assert.equal(asked.answer.kind, 'answered')
    } finally {
      await server.close()
    }
  })

  it('leaves alone a listener that never says who it is', async () => {
    const ref = newRef()
    const mute = createServer(() => undefined)
    await new Promise<void>((done) => mute.listen(ref.address, done))
    try {
      const started = Date.now()
      const asked = await askToLetGo(ref, { op: 'stop', by: 'post' }, { helloTimeoutMs: 300, killIfStuck: true })
      assert.deepEqual(asked.answer, { kind: 'silent' })
      assert.ok(Date.now() - started < 2_000)
    } finally {
      mute.close()
    }
  })

  // Failure semantics: "The renewer proves who it is but gives no answer in 15 s".

  it('kills a renewer that proved who it is but does not answer in time, while the line is open', async () => {
    const ref = newRef()
    const folder = mkdtempSync(join(tmpdir(), 'stuck-'))
    const script = join(folder, 'stuck.ts')
    const channel = resolve(import.meta.dirname, '../../src/renewer/channel.ts')
    writeFileSync(
      script,
      `import { serveChannel } from ${JSON.stringify(channel)}\n` +
        `await serveChannel(${JSON.stringify(ref)}, { handle: () => new Promise(() => {}) })\n` +
        `process.stdout.write('listening\\n')\n`,
    )
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((done) => child.stdout.once('data', () => done()))
    // A start time main did not record: the pid may have been reused, so it is left alone.
    const reused = await askToLetGo(
      ref,
      { op: 'stop', by: 'post' },
      { answerTimeoutMs: 300, killIfStuck: true, expected: { pid: child.pid!, startTime: 'another' } },
    )
    assert.deepEqual(reused.answer, { kind: 'silent' })
    const expected = { pid: child.pid!, startTime: startTimeOf(child.pid!) }
    const asked = await askToLetGo(
      ref,
      { op: 'stop', by: 'post' },
      { answerTimeoutMs: 300, killIfStuck: true, expected },
    )
    assert.deepEqual(asked.answer, { kind: 'stopped', pid: child.pid })
    const exit = await new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)))
    assert.equal(exit, 'SIGKILL')
    assert.equal(livenessOf(child.pid!, undefined), 'gone')
    await delay(10)
  })

  it('does not kill a stuck renewer for a caller that may not (a release step)', async () => {
    const ref = newRef()
    const server = await serveChannel(ref, { handle: () => new Promise(() => undefined) })
    try {
      const asked = await askToLetGo(ref, { op: 'release', by: 'release step' }, { answerTimeoutMs: 200 })
      assert.deepEqual(asked.answer, { kind: 'silent' })
    } finally {
      await server.close()
    }
  })
})
