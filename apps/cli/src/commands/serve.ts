import { ConfigError, loadServerConfig, type RunningServer, startServer } from '@raqib/server';
import { SqlApiKeyStore } from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openStore, resolveDbUrl } from '../db-option.ts';

interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
}

/** Builds the web UI when its dist is missing or stale; the API is served either way. */
async function ensureWeb(): Promise<string | undefined> {
  try {
    const web = (await import('@raqib/web')) as {
      ensureWebBuild: () => Promise<{ built: boolean; dir: string; ms?: number }>;
    };
    const result = await web.ensureWebBuild();
    if (result.built) process.stderr.write(`raqib serve: built the web UI in ${result.dir}\n`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API and the analyst workbench (web UI) on one port')
    .option('--port <n>', 'TCP port (env RAQIB_PORT)', undefined)
    .option('--host <addr>', 'address to listen on (env RAQIB_HOST; default 127.0.0.1)')
    .addOption(dbOption())
    .action(async (flags: ServeFlags) => {
      const env: Record<string, string | undefined> = { ...process.env, RAQIB_DB: resolveDbUrl(flags.db) };
      if (flags.port !== undefined) env.RAQIB_PORT = flags.port;
      if (flags.host !== undefined) env.RAQIB_HOST = flags.host;
      let config: ReturnType<typeof loadServerConfig>;
      try {
        config = loadServerConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) throw new CliError(error.message);
        throw error;
      }
      const webProblem = await ensureWeb();
      // a newcomer's first question is "which key?": say how to get one when there is none
      const database = await openStore(config.RAQIB_DB);
      const keyCount = (await new SqlApiKeyStore(database.db).listKeys()).filter(
        (k) => k.revokedAt === null,
      ).length;
      await database.close();
      let server: RunningServer;
      try {
        server = await startServer(config);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE')
          throw new CliError(`port ${config.RAQIB_PORT} is in use; pick another with --port`);
        throw error;
      }
      const out = process.stderr;
      out.write(`raqib serve: ${server.url}  (database ${config.RAQIB_DB})\n`);
      out.write(`  API docs: ${server.url}/docs   OpenAPI: ${server.url}/openapi.json\n`);
      const { summary } = server;
      if (summary.accounts + summary.banks > 0) {
        out.write(`  reference: ${summary.banks} banks, ${summary.accounts} accounts\n`);
      }
      if (summary.replayed > 0) out.write(`  monitor: replayed ${summary.replayed} stored transactions\n`);
      out.write(
        config.listsPath === undefined
          ? '  screening: off (set RAQIB_LISTS to a list file or folder)\n'
          : `  screening: ${summary.listEntries} entries from ${config.listsPath}\n`,
      );
      if (webProblem !== undefined) out.write(`  web UI not available: ${webProblem}\n`);
      if (keyCount === 0) {
        out.write(
          `  no API keys yet: create one with  npx raqib keys create --role admin --db ${config.RAQIB_DB}\n`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          out.write('raqib serve: stopping\n');
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
