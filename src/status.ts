import { runStatus } from './action/status-step.ts'

await runStatus()
