import type { CliIo, ExitCode } from './io';
import { ASSESS_USAGE, assessCommand } from './assess-command';
import { EVAL_USAGE, evalCommand } from './eval-command';
import { UsageError } from './load-options';

export const USAGE = `Usage: baton <command> [options]

Commands:
  assess [FILE|-]   decide and brief conversations (JSON or JSONL), one assessment per line
  eval FILE|DIR     score the rules against labeled conversations

Run "baton <command> --help" for a command's options.

${ASSESS_USAGE}

${EVAL_USAGE}`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<ExitCode>> = {
  assess: assessCommand,
  eval: evalCommand,
};

/** Runs one CLI invocation; returns the exit code instead of exiting so callers decide when to stop. */
export async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return command === undefined ? 2 : 0;
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
