// azure-mutex: the lock of the action as a command, for other CI systems and
// terminals. A thin face beside src/action/: it reads the command line, calls
// the lock core and sign-in, and prints. No @actions/* module is on its path
// (test/unit/layers.test.ts checks that).

import { runUnhold } from './freeze.ts'
import { HELP } from './help.ts'
import { runHold } from './hold.ts'
import { runBreak, runStatus } from './look.ts'
import { COMMAND_OPTIONS, ExitCode, UsageError, parseCommandLine, type Command } from './options.ts'
import { STANDARD_OUTPUT, debugStack, isBadInput, messageOf, type Output } from './session.ts'

const RUN: Record<Command, typeof runHold> = { hold: runHold, status: runStatus, break: runBreak, unhold: runUnhold }

const isCommand = (name: string | undefined): name is Command =>
  name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name)

/** Runs the command line (without node and the script); returns the exit code. */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Output = STANDARD_OUTPUT,
): Promise<number> {
  const [name, ...args] = argv
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      out.result(HELP.main)
      return name === undefined ? ExitCode.BadInput : 0
    }
    if (!isCommand(name)) {
      throw new UsageError(
        `Unknown command '${name.slice(0, 40)}': expected hold, status, break or unhold. See 'azure-mutex --help'.`,
      )
    }
    const line = parseCommandLine(name, args)
    if (line.flags.help === true) {
      out.result(HELP[name])
      return 0
    }
    for (const warning of line.warnings) out.progress(warning)
    return await RUN[name](line, out, env)
  } catch (err) {
    debugStack(err, out, env)
    out.progress(`error: ${messageOf(err, undefined)}`)
    return isBadInput(err) ? ExitCode.BadInput : ExitCode.Failed
  }
}
