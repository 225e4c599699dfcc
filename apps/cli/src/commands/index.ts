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

/** Every command registers itself here, one line each, so that adding a command touches one list. */
export function registerCommands(program: Command): void {
  // listed in the order a newcomer meets them: the demo and monitoring first, then screening, media, the
  // workbench and scale-out
  registerDemoCommand(program);
  registerGenerateCommand(program);
  registerScanCommand(program);
  registerEvalCommand(program);
  registerAlertsCommand(program);
  registerListsCommand(program);
  registerScreenCommand(program);
  registerScreenPairsCommand(program);
  registerMediaCommand(program);
  registerServeCommand(program);
  registerKeysCommand(program);
  registerAuditCommand(program);
  registerIngestCommand(program);
  registerWorkerCommand(program);
}
