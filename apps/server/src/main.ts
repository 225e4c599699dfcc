import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type ComposeAdapters, type Composition, compose } from './compose.ts';
import type { ServerConfig } from './config.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly summary: Composition['summary'];
  close(): Promise<void>;
}

/** Composes, builds and listens; the only place that opens a port. Closes cleanly on SIGINT/SIGTERM. */
export async function startServer(
  config: ServerConfig,
  adapters: ComposeAdapters = {},
): Promise<RunningServer> {
  const composition = await compose(config, adapters);
  let app: FastifyInstance;
  try {
    app = await buildApp(composition.deps);
  } catch (error) {
    await composition.close();
    throw error;
  }
  const url = await app.listen({ port: config.RAQIB_PORT, host: config.RAQIB_HOST });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= app.close().then(() => composition.close());
    return closing;
  };
  return { app, url, summary: composition.summary, close };
}
