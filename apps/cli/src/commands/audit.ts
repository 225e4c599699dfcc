import { type AuditEntry, verifyAuditChain } from '@raqib/core';
import { SqlAuditLog, sha256Hex } from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openExistingStore } from '../db-option.ts';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log of cases, alerts and keys');

  audit
    .command('verify')
    .description('check every entry against its SHA-256 chain; exit 1 when an entry was edited or deleted')
    .addOption(dbOption())
    .action(async (flags: { db?: string }) => {
      const database = await openExistingStore(flags.db, 'no audit log has been written there');
      try {
        const log = new SqlAuditLog(database.db);
        const entries: AuditEntry[] = [];
        for await (const e of log.all()) entries.push(e);
        const result = verifyAuditChain(entries, sha256Hex, await log.head());
        if (result.ok) {
          process.stdout.write(
            `audit log intact: ${result.checked} entries verified (${database.location})\n`,
          );
          return;
        }
        for (const f of result.findings) process.stdout.write(`entry ${f.seq}: ${f.problem}: ${f.message}\n`);
        throw new CliError(
          `audit log TAMPERED: ${result.findings.length} problem(s) in ${result.checked} entries (${database.location})`,
          1,
        );
      } finally {
        await database.close();
      }
    });

  audit
    .command('list')
    .description('print audit entries, oldest first, as JSON lines')
    .option('--entity <kind>', 'case | alert | api-key')
    .option('--id <id>', 'one entity id')
    .option('--limit <n>', 'at most n entries', '100')
    .addOption(dbOption())
    .action(async (flags: { entity?: string; id?: string; limit: string; db?: string }) => {
      const database = await openExistingStore(flags.db, 'no audit log has been written there');
      try {
        const limit = Math.max(1, Math.min(100_000, Number.parseInt(flags.limit, 10) || 100));
        const items = await new SqlAuditLog(database.db).list({
          entity: flags.entity,
          entityId: flags.id,
          limit,
        });
        for (const e of items) process.stdout.write(`${JSON.stringify(e)}\n`);
      } finally {
        await database.close();
      }
    });
}
