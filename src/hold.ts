import { runHold } from './action/hold-step.ts'

await runHold()
