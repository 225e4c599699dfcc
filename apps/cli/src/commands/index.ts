import type { Command } from 'commander';
import { registerAlertsCommand } from './alerts.ts';
import { registerAuditCommand } from './audit.ts';
import { registerDemoCommand } from './demo.ts';
import { registerEvalCommand } from './eval.ts';
import { registerGenerateCommand } from './generate.ts';
import { registerIngestCommand } from './ingest.ts';
import { registerKeysCommand } from './keys.ts';
import { registerListsCommand } from './lists.ts';
import { registerMediaCommand } from './media.ts';
import { registerScanCommand } from './scan.ts';
import { registerScreenCommand } from './screen.ts';
import { registerScreenPairsCommand } from './screen-pairs.ts';
import { registerServeCommand } from './serve.ts';
import { registerWorkerCommand } from './worker.ts';

/**
 * Every command registers itself here, one line each, so that adding a command touches one list.
 */
export function registerCommands(program: Command): void {
  registerListsCommand(program);
  registerScreenCommand(program);
  registerScreenPairsCommand(program);
  registerIngestCommand(program);
  registerWorkerCommand(program);
  registerAlertsCommand(program);
  registerDemoCommand(program);
  registerGenerateCommand(program);
  registerScanCommand(program);
  registerEvalCommand(program);
  registerServeCommand(program);
  registerKeysCommand(program);
  registerAuditCommand(program);
  registerMediaCommand(program);
}
