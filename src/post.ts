import { runPost } from './action/post-step.ts'

await runPost()
