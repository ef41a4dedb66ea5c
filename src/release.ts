import { runRelease } from './action/release-step.ts'

await runRelease()
