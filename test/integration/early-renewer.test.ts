// The renewer process that main starts as its own process starts
// (src/renewer/early.ts), when main ends without taking it. Real processes:
// run from src/, the spawned Node finds no renewer script beside this module
// and would exit by itself with an error some 50 ms later, which is exactly the
// "leaves by itself" that dropping must not wait for.

import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { describe, it } from 'node:test'
import { dropEarlyRenewer, startRenewerEarly, takeEarlyRenewer } from '../../src/renewer/early.ts'

/** How the process ended: its exit code, or the signal that ended it. */
async function ending(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  // The renewer is spawned unreferenced (it must not hold main open); hold the test open until it exits.
  child.ref()
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode }
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null]
  return { code, signal }
}

describe('the renewer started as main starts', () => {
  it('is ended at once when main drops it, not left to leave by itself', async () => {
    startRenewerEarly()
    const child = dropEarlyRenewer()
    assert.ok(child, 'there was a renewer to drop')
    assert.deepEqual(await ending(child), { code: null, signal: 'SIGKILL' })
    assert.equal(dropEarlyRenewer(), undefined, 'a second drop finds nothing')
  })

  it('is left alone by a drop once main has taken it', async () => {
    startRenewerEarly()
    const child = takeEarlyRenewer()
    assert.ok(child, 'main took the renewer it started')
    assert.equal(dropEarlyRenewer(), undefined)
    assert.equal(child.signalCode, null, 'the taken renewer was not signalled')
    child.kill('SIGKILL')
    await ending(child)
  })
})
