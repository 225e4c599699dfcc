import type { Command } from 'commander';
import { registerAlertsCommand } from './alerts.ts';
import { registerEvalCommand } from './eval.ts';
import { registerGenerateCommand } from './generate.ts';

/**
 * Every command registers itself here, one line each, so that adding a command touches one list.
 */
export function registerCommands(program: Command): void {
  registerAlertsCommand(program);
  registerGenerateCommand(program);
  registerEvalCommand(program);
}
