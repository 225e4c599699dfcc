import { NatsBus, redactNatsUrl } from '@raqib/bus-nats';
import { TxPublisher } from '@raqib/core';
import { ConfigError, loadServerConfig, type RunningServer, startServer } from '@raqib/server';
import { SqlApiKeyStore } from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openStore, resolveDbUrl } from '../db-option.ts';
import { DEFAULT_PARTITIONS, DEFAULT_STREAM, ensureTxStream, txStreamFromFlags } from './worker-stream.ts';

interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  nats?: string;
  stream: string;
  partitionCount: string;
}

/** With --nats, the stream POST /v1/stream/transactions publishes to (the one `raqib ingest` and the workers use). */
async function openStream(
  flags: ServeFlags,
): Promise<{ bus: NatsBus; publisher: TxPublisher; url: string } | undefined> {
  const url = flags.nats ?? process.env.RAQIB_NATS;
  if (!url) return undefined;
  const stream = txStreamFromFlags(flags.stream, flags.partitionCount);
  const bus = await NatsBus.connect(url, { name: 'raqib-serve' }).catch((error: unknown) => {
    throw new CliError(error instanceof Error ? error.message : String(error));
  });
  try {
    await ensureTxStream(bus, stream);
  } catch (error) {
    await bus.close();
    throw error;
  }
  return { bus, publisher: new TxPublisher(bus, stream), url };
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
    .option(
      '--nats <url>',
      'NATS server URL (env RAQIB_NATS): POST /v1/stream/transactions publishes to the workers’ stream',
    )
    .option('--stream <name>', 'JetStream stream name (with --nats)', DEFAULT_STREAM)
    .option(
      '--partition-count <n>',
      'partitions of the stream (with --nats; must match ingest and the workers)',
      String(DEFAULT_PARTITIONS),
    )
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
      const stream = await openStream(flags);
      let server: RunningServer;
      try {
        server = await startServer(config, { stream: stream?.publisher });
      } catch (error) {
        await stream?.bus.close();
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
      if (stream) {
        const { name, partitions } = stream.publisher.stream;
        out.write(
          `  stream: POST /v1/stream/transactions publishes to ${name} (${partitions} partitions) at ${redactNatsUrl(stream.url)}\n`,
        );
      }
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
          void server
            .close()
            .then(() => stream?.bus.close())
            .then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
