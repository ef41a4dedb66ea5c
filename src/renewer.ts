import { runRenewer } from './renewer/process.ts'

process.exit(await runRenewer())
