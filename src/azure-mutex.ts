// The azure-mutex command's entry: `npm run build` bundles it into dist-cli/.
import { runCli } from './cli/main.ts'

const code = await runCli(process.argv.slice(2))
// Exit once the output is flushed: an idle HTTP keep-alive socket must not hold the command open.
process.stdout.write('', () => process.exit(code))
