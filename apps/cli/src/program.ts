import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

/** Builds the `raqib` command tree. Each command lives in its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command('raqib')
    .description('raqib (رقيب): transaction monitoring, sanctions screening and adverse media for AML/CFT')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}
