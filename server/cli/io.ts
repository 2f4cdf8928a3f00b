/**
 * What a command may touch of the outside world. main.ts wires it to the process; passing it in keeps
 * commands free of globals (and the clock injectable).
 */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The time of the run: "now" for conversations without `occurred_at`. */
  now: () => Date;
}

/** Exit codes: 0 all good, 1 some input failed (or eval below a floor), 2 bad usage or configuration. */
export type ExitCode = 0 | 1 | 2;
