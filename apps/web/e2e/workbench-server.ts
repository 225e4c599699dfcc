import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@raqib/core';
import { generateApiKey, loadServerConfig, startServer } from '@raqib/server';
import {
  migrateToLatest,
  openDatabase,
  SqlAlertStore,
  SqlApiKeyStore,
  SqlTransactionStore,
} from '@raqib/store-sql';
import { ensureWebBuild } from '../src/index.ts';
import { buildSeed, type Seed } from './seed.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface WorkbenchServer {
  readonly url: string;
  readonly keys: Readonly<Record<'analyst' | 'supervisor', string>>;
  readonly seed: Seed;
  readonly close: () => Promise<void>;
}

/**
 * What `raqib serve` runs (the server's own config, composition and listener) on a fresh SQLite file on a
 * loopback port, serving the freshly built UI. The database holds the seed alerts with their evidence and one key
 * per role; the UN list excerpt in fixtures/sanctions (public domain) is loaded for screening.
 */
export async function startWorkbenchServer(): Promise<WorkbenchServer> {
  const web = await ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'raqib-e2e-db-'));
  const dbPath = join(dir, 'workbench.db');

  const database = openDatabase(dbPath);
  const seed = buildSeed(Date.now());
  const keys = {} as Record<'analyst' | 'supervisor', string>;
  try {
    await migrateToLatest(database);
    await new SqlAlertStore(database.db).upsertAlerts(seed.alerts);
    await new SqlTransactionStore(database.db).saveTransactions(seed.transactions);
    const store = new SqlApiKeyStore(database.db);
    const issue = async (name: string, role: Role & keyof typeof keys) => {
      const { key, record } = generateApiKey(name, role, 'e2e', Date.now());
      await store.insertKey(record);
      keys[role] = key;
    };
    await issue('Lina Haddad', 'analyst');
    await issue('Omar Saleh', 'supervisor');
  } finally {
    await database.close();
  }

  const server = await startServer(
    loadServerConfig({
      RAQIB_DB: dbPath,
      RAQIB_HOST: '127.0.0.1',
      RAQIB_PORT: '0',
      RAQIB_LOG_LEVEL: 'silent',
      RAQIB_WEB_DIST: web.dir,
      RAQIB_LISTS: join(repoRoot, 'fixtures/sanctions/un-excerpt.xml'),
    }),
  );
  return {
    url: server.url,
    keys,
    seed,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
