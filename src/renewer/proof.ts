// How the renewer and its callers prove to each other who they are, on a
// channel that anyone on the machine might be listening at: an abstract
// socket name is readable from /proc/net/unix, and once the renewer has died,
// any local user can bind it. So neither side sends the shared key, and the
// caller sends nothing secret (nor anything the listener could replay) before
// the listener has proven that it holds the key.
//
// The key is made by main, given to the renewer over its private IPC pipe,
// and kept by post (step state) and release steps (a masked exported
// variable). Each side proves it holds the key with an HMAC over both sides'
// fresh nonces, so an answer is good for one conversation only:
//   caller   → {type: 'challenge', nonce: c}
//   renewer  → {type: 'proof', pid, nonce: r, mac: HMAC(key, "renewer", c, r, pid)}
//   caller   → {op, by, mac: HMAC(key, "caller", r, c, op, by)}   (only if the proof checks out)
//   renewer  → {type: 'report', report, log}                        (only if the caller's mac checks out)
// The pid in the proof is signed, so a listener cannot name another process;
// still, post kills only the pid that main recorded when it started the
// renewer, never one that came over the channel.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh nonce: 24 random bytes, base64url. */
export function newNonce(): string {
  return randomBytes(24).toString('base64url')
}

/** A nonce as the other side must send it: base64url, 16 to 128 characters. */
export function isNonce(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(value)
}

function mac(key: string, parts: ReadonlyArray<string | number>): string {
  // Each part is free of newlines (nonces are base64url, the rest are ours), so joining with one is unambiguous.
  return createHmac('sha256', key).update(parts.join('\n')).digest('base64url')
}

/** The renewer's answer to a caller's challenge. */
export function renewerProof(key: string, callerNonce: string, renewerNonce: string, pid: number): string {
  return mac(key, ['renewer', callerNonce, renewerNonce, pid])
}

/** The caller's proof, bound to what it asks. */
export function callerProof(key: string, renewerNonce: string, callerNonce: string, op: string, by: string): string {
  return mac(key, ['caller', renewerNonce, callerNonce, op, by])
}

/** Whether a proof received equals the one expected, in constant time. */
export function sameProof(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
