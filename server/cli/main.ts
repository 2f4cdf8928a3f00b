import type { CliIo, ExitCode } from './io';
import { assessCommand } from './assess-command';
import { evalCommand } from './eval-command';
import { tenantsCommand } from './tenants-command';
import { UsageError } from './load-options';

export const USAGE = `Usage: baton <command> [options]

Commands:
  assess [FILE|-]   decide and brief conversations (JSON or JSONL), one assessment per line
  eval FILE|DIR     score the rules against labeled conversations
  tenants …         tenants, API keys, policy and integrations (baton tenants --help)

Run "baton <command> --help" for a command's options.`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<ExitCode>> = {
  assess: assessCommand,
  eval: evalCommand,
  tenants: tenantsCommand,
};

/** Runs one CLI invocation; returns the exit code instead of exiting so callers decide when to stop. */
export async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE + '\n');
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    io.stderr(`baton: unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await handler(rest, io);
  } catch (err) {
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`baton ${command}: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}

/** Entry point for bin/baton.js: wires the process in and sets the exit code once output is flushed. */
export function main(argv: string[]): void {
  // `baton assess big.jsonl | head` closes the pipe early: stop quietly instead of crashing.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const io: CliIo = {
    stdin: process.stdin,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    now: () => new Date(),
  };
  run(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`baton: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
