/**
 * `wfc`: the local runtime's command line (DESIGN §3.4). Each command lives in `commands/<name>.ts` and exports
 * `run(argv, io)`; this file only dispatches and maps errors to exit codes.
 */
import { type CliIO, type Command, EXIT_RUNTIME_FAILURE, EXIT_USAGE, UsageError } from './io.ts';

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  validate: () => import('./commands/validate.ts'),
  run: () => import('./commands/run.ts'),
  summarize: () => import('./commands/summarize.ts'),
  call: () => import('./commands/call.ts'),
  serve: () => import('./commands/serve.ts'),
  token: () => import('./commands/token.ts'),
};

const USAGE = `Usage: wfc <command> [options]

Commands:
  validate <list.csv> [--json]             dispositions of every row, no calls
  run <list.csv> [--now <ISO>] [--seed <n>] [--personas <file>] [--call-slots <n>] [--json]
                                           run the whole flow locally on a virtual clock
  summarize <transcript.json> [--json]     consultation summary of one transcript
  call <persona.json>                      one simulated consultation: transcript and summary
  serve [--port 8787]                      caseworker API and console over the local data
  token --district <code> [--role caseworker|supervisor]
                                           a dev JWT for the local API`;

/** Runs one CLI invocation and returns its exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(`${USAGE}\n`);
    return name ? 0 : EXIT_USAGE;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`wfc: unknown command "${name}"\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`wfc ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`wfc ${name}: ${message}\n`);
    if (process.env.WFC_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return EXIT_RUNTIME_FAILURE;
  }
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`wfc: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_RUNTIME_FAILURE;
    },
  );
}
