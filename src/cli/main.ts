// azure-mutex: the lock of the action as a command, for other CI systems and
// terminals. A thin face beside src/action/: it reads the command line, calls
// the lock core and sign-in, and prints. No @actions/* module is on its path
// (test/unit/layers.test.ts checks that).

import { runUnhold } from './unhold.ts'
import { HELP } from './help.ts'
import { runHold } from './hold.ts'
import { runBreak } from './break.ts'
import { runStatus } from './status.ts'
import { COMMAND_OPTIONS, ExitCode, UsageError, optionNamer, parseCommandLine, type Command } from './options.ts'
import { STANDARD_OUTPUT, debugStack, isBadInput, messageOf, type Output, type Session } from './session.ts'
import { VERSION } from './version.ts'
import { WATCHDOG_ARG, runWatchdog } from './watchdog.ts'

const RUN: Record<Command, typeof runHold> = { hold: runHold, status: runStatus, break: runBreak, unhold: runUnhold }

const isCommand = (name: string | undefined): name is Command =>
  name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name)

const unknownCommand = (name: string): UsageError =>
  new UsageError(
    `Unknown command '${name.slice(0, 40)}': expected hold, status, break or unhold. See 'azure-mutex --help'.`,
  )

/** Runs the command line (without node and the script); returns the exit code. */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Output = STANDARD_OUTPUT,
): Promise<number> {
  const [name, ...args] = argv
  // What the line for a failure may name: filled in as the subcommand learns it.
  const session: Session = {}
  try {
    if (name === undefined) {
      // No command at all: the usage, where errors go, and the exit code of bad input.
      out.usage(HELP.main)
      return ExitCode.BadInput
    }
    if (name === '--help' || name === '-h') {
      out.result(HELP.main)
      return 0
    }
    if (name === WATCHDOG_ARG) {
      // Not for people: the watchdog of a hold's command (watchdog.ts), started by hold.ts.
      await runWatchdog()
      return 0
    }
    if (name === '--version' || name === '-V') {
      out.result(`${VERSION}\n`)
      return 0
    }
    if (name === 'help') {
      // help [<command>]: the command's own help, as <command> --help gives it.
      const [topic, ...rest] = args
      if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic)
      if (rest.length > 0) throw new UsageError("Expected at most one command after 'help'. See 'azure-mutex --help'.")
      out.result(topic === undefined ? HELP.main : HELP[topic])
      return 0
    }
    if (!isCommand(name)) throw unknownCommand(name)
    const line = parseCommandLine(name, args)
    if (line.flags.help === true) {
      out.result(HELP[name])
      return 0
    }
    session.name = optionNamer(line, env)
    for (const warning of line.warnings) out.progress(warning)
    return await RUN[name](line, out, env, session)
  } catch (err) {
    debugStack(err, out, env)
    out.progress(`error: ${messageOf(err, session)}`)
    return isBadInput(err) ? ExitCode.BadInput : ExitCode.Failed
  }
}
