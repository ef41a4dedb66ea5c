// The --help texts, one per subcommand, each with an example.

import { ExitCode } from './options.ts'

const STORAGE = `Storage (flag, or environment variable; a flag wins):
  --connection-string   AZURE_MUTEX_CONNECTION_STRING   a storage connection string
  --account-name        AZURE_MUTEX_ACCOUNT_NAME        the storage account; alone, it signs in with
                                                        your Azure credential (az login, managed identity,
                                                        workload identity)
  --account-key         AZURE_MUTEX_ACCOUNT_KEY         the account's key
  --sas-token           AZURE_MUTEX_SAS_TOKEN           a SAS token (permissions rwcdl on the container)
  --blob-endpoint       AZURE_MUTEX_BLOB_ENDPOINT       another blob endpoint (Azurite, sovereign clouds)
  --container           AZURE_MUTEX_CONTAINER           the container of the lock blobs (default: locks)
Keys, SAS tokens and connection strings belong in the environment: given as flags,
other users of the machine can see them, and a warning says so.`

export const HELP = {
  main: `azure-mutex: the lock of azure-mutex-action, outside GitHub Actions.

Usage:
  azure-mutex hold <lock> [options] -- <command> [args...]   run a command while holding the lock
  azure-mutex status [<lock> | --all] [--json]                who holds each lock, and who waits
  azure-mutex break <lock> --reason <why>                     break the lease, and record why
  azure-mutex hold <lock> --for <duration> --reason <why>     freeze: hold it with no command, until its end
  azure-mutex unhold <lock> [--reason <why>]                  lift a hold; the next in line gets the lock

Run 'azure-mutex <command> --help' (or 'azure-mutex help <command>') for its options and
an example, and 'azure-mutex --version' (-V) for the version. Every option is a flag and
an environment variable (--lock-name, AZURE_MUTEX_LOCK_NAME); a flag wins.
AZURE_MUTEX_DEBUG=1 adds the stack to an error's line.

Example:
  export AZURE_MUTEX_CONNECTION_STRING='...'
  azure-mutex hold production-deploy --timeout 30m -- ./deploy.sh
`,
  hold: `Usage: azure-mutex hold <lock> [options] -- <command> [args...]

Waits in the lock's queue (the same queue as the action's jobs, first come first
served; the place in line is shown on stderr), runs the command while holding the
lease, renewing it, and releases the lease after the command exits. The command runs
in a process group of its own: SIGINT, SIGTERM and SIGHUP (and Ctrl-C) are passed to
all of it, what it leaves running is ended before the lease is let go, and if
azure-mutex is killed outright, a watchdog ends the group within seconds, before the
lease can lapse. It has no controlling terminal (/dev/tty). It finds
AZURE_MUTEX_FENCING_TOKEN, AZURE_MUTEX_LEASE_ID and AZURE_MUTEX_LOCK in its
environment, and not the secrets given to azure-mutex (AZURE_MUTEX_CONNECTION_STRING,
AZURE_MUTEX_ACCOUNT_KEY, AZURE_MUTEX_SAS_TOKEN) unless --pass-credentials.

Options:
  --lock-name <name>      AZURE_MUTEX_LOCK_NAME       the lock (or give it as the first argument)
  --timeout <duration>    AZURE_MUTEX_TIMEOUT         the longest wait: 90s, 15m, 2h (default: none)
  --lease-duration <s>    AZURE_MUTEX_LEASE_DURATION  the lease in seconds, 15 to 60 (default: 60)
  --on-lost <signal>      AZURE_MUTEX_ON_LOST         what the command gets if the lease is lost while it
                                                      runs: SIGTERM (default), SIGINT, SIGHUP, SIGKILL or none
  --pass-credentials      AZURE_MUTEX_PASS_CREDENTIALS=true
                                                      the command keeps the connection string, key or SAS in
                                                      its environment (for a command that is azure-mutex too)
  --supersede-key <key>   AZURE_MUTEX_SUPERSEDE_KEY   latest wins: runs of one key go newest first; an older
                                                      one leaves the queue when a newer one waits (superseded)
                                                      and does not run after a newer one has held (stale)
  --sequence <n>          AZURE_MUTEX_SEQUENCE        with --supersede-key, required: this run's number, larger
                                                      is newer (e.g. $BUILD_BUILDID, $CI_PIPELINE_ID)
  --on-superseded <what>  AZURE_MUTEX_ON_SUPERSEDED   skip (default): superseded or stale exits 0; fail: exits
                                                      ${ExitCode.Superseded} (superseded) or ${ExitCode.Stale} (stale)
  --slots <n>             AZURE_MUTEX_SLOTS           how many may hold the lock at once, 1 to 100 (default: 1);
                                                      every user of the lock must give the same number
  --priority <p>          AZURE_MUTEX_PRIORITY        normal (default), or high: ahead of every normal waiter
                                                      not yet holding, behind earlier high ones
  --warn-after <duration> AZURE_MUTEX_WARN_AFTER      a wait longer than this prints one warning naming the
                                                      holder and the place in line (default: none)
${STORAGE}

With no command, sets a hold (a freeze), as the hold action does: it waits its turn,
then keeps the lock with no process behind it. Everybody queues behind it and is told
the reason and the end; the first in line ends it at its end. Prints held-until=<time>
and fencing-token=<n> on stdout.
  --for <duration>        AZURE_MUTEX_DURATION        how long it lasts: 90s, 15m, 2h, or forever (alias
                                                      --duration)
  --until <time>          AZURE_MUTEX_UNTIL           or when it ends: 2026-12-01T08:00:00Z
  --reason <why>          AZURE_MUTEX_REASON          required: shown to everybody who waits

Exit codes:
  the command's own     it ran, and the lease was held throughout (128 + n if signal n ended it)
  ${ExitCode.Failed}                     storage or sign-in failed; the command did not run
  ${ExitCode.BadInput}                     a bad option or environment variable; the command did not run
  ${ExitCode.Timeout}                   the wait ran past --timeout; the command did not run
  ${ExitCode.Lost}                   the lease was lost while the command ran; the command was signalled
  ${ExitCode.Superseded}                   superseded, with --on-superseded fail; the command did not run
  ${ExitCode.Stale}                   stale, with --on-superseded fail; the command did not run
  ${ExitCode.Interrupted} (143)             SIGINT (SIGTERM) while waiting; the command did not run
  127                   the command was not found

Example:
  AZURE_MUTEX_CONNECTION_STRING='...' azure-mutex hold production-deploy --timeout 30m -- ./deploy.sh prod
  azure-mutex hold production-deploy --supersede-key prod --sequence "$BUILD_BUILDID" -- ./deploy.sh prod
  azure-mutex hold production-deploy --for 2h --reason 'incident 42: no deploys'
`,
  status: `Usage: azure-mutex status [<lock> | --all] [--json]

Shows one lock, or with --all (or no lock) every lock in the container: its holder
(or hold: its reason, who set it, its end), since when, its lease, the last break,
its queue with each waiter's place (and supersede key and sequence), and the newest
sequence that held per supersede key. Only reads; takes no lease.
The table goes to stdout; --json prints the same facts for scripts. Every value read
from storage is shown on one line, without control characters.

Options:
  --lock-name <name>      AZURE_MUTEX_LOCK_NAME       the lock (or give it as the first argument)
  --all                                               every lock in the container
  --json                                              JSON instead of a table
${STORAGE}

Example:
  AZURE_MUTEX_ACCOUNT_NAME=mylocks azure-mutex status --all --json
`,
  break: `Usage: azure-mutex break <lock> --reason <why>

Breaks the lock's lease at once and writes on the lock blob who broke it, when and
why, as the break action does. The former holder finds its lease gone: an
azure-mutex hold exits ${ExitCode.Lost}, an action job's post step fails naming this record.
With --entry <ticket>, clears a squatted queue entry instead.

Options:
  --lock-name <name>      AZURE_MUTEX_LOCK_NAME       the lock (or give it as the first argument)
  --reason <why>          AZURE_MUTEX_REASON          required: why, at most 300 characters
  --entry <ticket>        AZURE_MUTEX_ENTRY           clear this queue entry instead of breaking the lease
${STORAGE}

Example:
  azure-mutex break production-deploy --reason 'deploy 812 hung; approved by on-call'
`,
  unhold: `Usage: azure-mutex unhold <lock> [--reason <why>] [--force]

Lifts a hold at once (a freeze, or a workflow run's hold), as the unhold action does,
and writes on the lock blob who lifted it and why. The lease goes straight to the
first in line, so the lock is never free in between; with nobody waiting it is
released. A lease that is not a hold (a running job's, a foreign client's) is left
alone, and the command exits ${ExitCode.Failed}, unless --force says to break it.

Options:
  --lock-name <name>      AZURE_MUTEX_LOCK_NAME       the lock (or give it as the first argument)
  --reason <why>          AZURE_MUTEX_REASON          why, at most 300 characters
  --force                 AZURE_MUTEX_FORCE=true      break a lease that is not a hold, too
${STORAGE}

Example:
  azure-mutex unhold production-deploy --reason 'incident 42 is over'
`,
} as const
