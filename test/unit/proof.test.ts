import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { callerProof, isNonce, newNonce, renewerProof, sameProof } from '../../src/renewer/proof.ts'

const KEY = 'the-channel-key-main-made'

describe("the channel's proofs", () => {
  test("a renewer's proof checks out only with the same key, both nonces and the pid it signed", () => {
    const caller = newNonce()
    const renewer = newNonce()
    const proof = renewerProof(KEY, caller, renewer, 4242)
    assert.ok(sameProof(proof, renewerProof(KEY, caller, renewer, 4242)))
    assert.ok(!sameProof(proof, renewerProof('another key', caller, renewer, 4242)), 'another key')
    assert.ok(!sameProof(proof, renewerProof(KEY, newNonce(), renewer, 4242)), "another caller's challenge")
    assert.ok(!sameProof(proof, renewerProof(KEY, caller, newNonce(), 4242)), 'another renewer nonce')
    assert.ok(!sameProof(proof, renewerProof(KEY, caller, renewer, 4243)), 'another pid')
  })

  test("a caller's proof is bound to what it asks, and cannot pass for a renewer's", () => {
    const caller = newNonce()
    const renewer = newNonce()
    const proof = callerProof(KEY, renewer, caller, 'stop', 'post')
    assert.ok(sameProof(proof, callerProof(KEY, renewer, caller, 'stop', 'post')))
    assert.ok(!sameProof(proof, callerProof(KEY, renewer, caller, 'release', 'post')), 'another op')
    assert.ok(!sameProof(proof, callerProof(KEY, renewer, caller, 'stop', 'release step')), 'another caller')
    assert.ok(!sameProof(proof, callerProof(KEY, caller, renewer, 'stop', 'post')), 'nonces swapped')
    assert.ok(!sameProof(renewerProof(KEY, caller, renewer, 1), callerProof(KEY, caller, renewer, '1', '')))
  })

  test('refuses anything that is not the expected proof, of any type or length', () => {
    const expected = renewerProof(KEY, newNonce(), newNonce(), 1)
    for (const given of [undefined, null, 42, '', expected.slice(1), `${expected}x`, { toString: () => expected }]) {
      assert.equal(sameProof(given, expected), false, String(given))
    }
  })

  test('fresh nonces are unique and of the form a nonce must have; others are refused', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()))
    assert.equal(nonces.size, 100)
    for (const nonce of nonces) assert.ok(isNonce(nonce), nonce)
    for (const bad of [undefined, 7, '', 'short', 'a'.repeat(129), 'has space in it here', 'new\nline-in-the-nonce']) {
      assert.equal(isNonce(bad), false, JSON.stringify(bad))
    }
  })
})
