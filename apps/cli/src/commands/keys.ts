import { userInfo } from 'node:os';
import { ROLES, type Role } from '@raqib/core';
import { generateApiKey, keyCreatedAudit, keyRevokedAudit } from '@raqib/server';
import { SqlApiKeyStore, sqlUnitOfWork } from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openExistingStore, openStore } from '../db-option.ts';

/** Who acts from the command line, for the audit log. */
export function cliActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return `cli:${user}`;
}

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('manage API keys (roles: analyst, supervisor, admin)');

  keys
    .command('create')
    .description('create an API key and print it once (only its SHA-256 is stored)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'who the key is for (shown in the audit log)')
    .addOption(dbOption())
    .action(async (flags: { role: string; name?: string; db?: string }) => {
      if (!(ROLES as readonly string[]).includes(flags.role)) {
        throw new CliError(`--role must be one of ${ROLES.join(', ')}, got "${flags.role}"`);
      }
      const name = flags.name ?? flags.role;
      if (!/^[\p{L}\p{N} ._@-]{1,100}$/u.test(name)) {
        throw new CliError('--name: 1–100 letters, digits, spaces or . _ @ -');
      }
      const database = await openStore(flags.db);
      try {
        const actor = cliActor();
        const now = Date.now();
        const { key, record } = generateApiKey(name, flags.role as Role, actor, now);
        // the key and its audit entry are stored together or not at all
        await sqlUnitOfWork(database.db)(async (records) => {
          await records.keys.insertKey(record);
          await records.audit.append(keyCreatedAudit(record, actor, now));
        });
        process.stderr.write(
          `created ${record.role} key ${record.id} for "${name}"; it is shown only now:\n`,
        );
        process.stdout.write(`${key}\n`);
      } finally {
        await database.close();
      }
    });

  keys
    .command('list')
    .description('list API keys (never the keys themselves)')
    .addOption(dbOption())
    .action(async (flags: { db?: string }) => {
      const database = await openExistingStore(flags.db, 'no key has been created there (raqib keys create)');
      try {
        const all = await new SqlApiKeyStore(database.db).listKeys();
        if (all.length === 0) process.stdout.write('no API keys\n');
        for (const k of all) {
          const state = k.revokedAt === null ? 'active' : `revoked ${new Date(k.revokedAt).toISOString()}`;
          process.stdout.write(`${k.id}  ${k.role.padEnd(10)}  ${k.name}  (${state}, by ${k.createdBy})\n`);
        }
      } finally {
        await database.close();
      }
    });

  keys
    .command('revoke <id>')
    .description('revoke an API key by its id (k_…); a running server drops it within seconds')
    .addOption(dbOption())
    .action(async (id: string, flags: { db?: string }) => {
      const database = await openExistingStore(flags.db, 'no key has been created there (raqib keys create)');
      try {
        const now = Date.now();
        await sqlUnitOfWork(database.db)(async (records) => {
          if (!(await records.keys.revokeKey(id, now))) {
            throw new CliError(`no active key ${id} (see raqib keys list)`);
          }
          await records.audit.append(keyRevokedAudit(id, cliActor(), now));
        });
        process.stdout.write(`revoked ${id}\n`);
      } finally {
        await database.close();
      }
    });
}
