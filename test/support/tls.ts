// A self-signed certificate for 127.0.0.1, made once per test process with
// openssl, so Azurite (OAuth needs https) and the sign-in stand-ins can serve
// https. Child processes trust it through NODE_EXTRA_CA_CERTS; this process
// adds it to its default CA list.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'

export interface TestCert {
  certFile: string
  keyFile: string
  cert: string
  key: string
}

let made: TestCert | undefined

export function testCert(): TestCert {
  if (made) return made
  const dir = mkdtempSync(join(tmpdir(), 'test-cert-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  )
  made = { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') }
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), made.cert])
  return made
}

/** An unsigned JWT ("alg": "none"): enough for Azurite's basic OAuth check, which skips signatures. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`
}

export function jwtClaims(jwt: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** Closes a server, cutting the keep-alive connections that would hold it open. */
export function closeServer(server: import('node:net').Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections?.()
  })
}
