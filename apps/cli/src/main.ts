import { CommanderError } from 'commander';
import { CliError } from './cli-error.ts';
import { buildProgram } from './program.ts';

/** Runs the CLI and returns the process exit code; errors are printed, never thrown past here. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit through here with code 0; usage errors were already printed by commander
      return error.exitCode;
    }
    if (error instanceof CliError) {
      process.stderr.write(`raqib: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `raqib: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
