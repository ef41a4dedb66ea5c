import { runRenewer } from './action/renewer-process.ts'

process.exit(await runRenewer(process.argv[2]))
