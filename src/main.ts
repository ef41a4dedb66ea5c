import { runMain } from './action/main-step.ts'

await runMain()
