import { runBreak } from './action/break-step.ts'

await runBreak()
