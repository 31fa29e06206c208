/** What a CLI command may touch, so tests can run commands in-process and read what they printed. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars only then). */
  interactive: boolean;
  cwd: string;
}

/** Bad usage or unreadable input: exit code 2, one clear line on stderr, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_RUNTIME_FAILURE = 1;
export const EXIT_USAGE = 2;

export type Command = (argv: string[], io: CliIO) => Promise<number>;
