// Starts a private Azurite blob service for tests and the demo: in memory,
// telemetry off, on a free loopback port that the tests read back from its log.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { testCert } from './tls.ts'

export const DEV_ACCOUNT = 'devstoreaccount1'
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export interface Azurite {
  readonly port: number
  /** Path-style endpoint of the dev account, e.g. http://127.0.0.1:PORT/devstoreaccount1 */
  readonly blobEndpoint: string
  readonly connectionString: string
  stop(): Promise<void>
}

function azuriteBlobScript(): string {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('azurite/package.json')
  return join(dirname(pkg), 'dist', 'src', 'blob', 'main.js')
}

/**
 * Starts Azurite. `accounts` adds storage accounts besides the dev account, as
 * Azurite's AZURITE_ACCOUNTS variable does: 'name1:base64key1;name2:base64key2'.
 * With `oauth`, Azurite serves https with the tests' certificate and also accepts
 * Entra ID bearer tokens (checking issuer, audience and expiry, not signatures);
 * keys and SAS keep working, so tests can still look at the blobs directly.
 */
export async function startAzurite(
  options: { port?: number; accounts?: string; oauth?: boolean } = {},
): Promise<Azurite> {
  const workspace = mkdtempSync(join(tmpdir(), 'azurite-'))
  const tlsArgs = options.oauth ? ['--oauth', 'basic', '--cert', testCert().certFile, '--key', testCert().keyFile] : []
  const child = spawn(
    process.execPath,
    [
      azuriteBlobScript(),
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(options.port ?? 0),
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
      ...tlsArgs,
    ],
    {
      cwd: workspace,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.accounts ? { ...process.env, AZURITE_ACCOUNTS: options.accounts } : process.env,
    },
  )
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within 20 s:\n${output}`)), 20_000)
    const fail = (err: Error): void => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(err)
    }
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /successfully listens on https?:\/\/[^:]+:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        resolve(Number(match[1]))
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => fail(new Error(`Azurite exited with code ${code}:\n${output}`)))
  })
  child.stdout?.resume()
  child.stderr?.resume()
  const protocol = options.oauth ? 'https' : 'http'
  const blobEndpoint = `${protocol}://127.0.0.1:${port}/${DEV_ACCOUNT}`
  return {
    port,
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=${protocol};AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=${blobEndpoint};`,
    stop: () => stopChild(child).finally(() => rmSync(workspace, { recursive: true, force: true })),
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
