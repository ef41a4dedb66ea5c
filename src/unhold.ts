import { runUnhold } from './action/unhold-step.ts'

await runUnhold()
