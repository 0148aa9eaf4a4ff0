import pino, { type Logger } from 'pino';
import type { Config } from '../config';
import { CliError } from '../cli';
import { buildServices, type Services } from './build-app';
import { openRuntime, runningServer } from './runtime';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/** Starts the loops a server process runs beside HTTP (the outbox relay). */
export function startBackgroundWork(services: Services, config: Config, logger: Logger): BackgroundWork {
  void config;
  const loops: { stop(): Promise<void> }[] = [];
  services.relay.start({ logger: logger.child({ component: 'outbox-relay' }) });
  loops.push(services.relay);
  return {
    stop: async () => {
      for (const l of loops) await l.stop();
    },
  };
}

/**
 * `assay worker` without a source: the outbox relay alone, until SIGINT/SIGTERM. On PostgreSQL any
 * number of these share the outbox (rows are claimed with SKIP LOCKED).
 */
export async function runRelayWorker(config: Config, say: (line: string) => void): Promise<void> {
  const server = runningServer(config);
  if (server !== undefined) {
    throw new CliError(`the server at ${server.url} (pid ${server.pid}) holds ${config.dataDir} and already runs the outbox relay; a separate worker needs PostgreSQL (DATABASE_URL)`);
  }
  const runtime = await openRuntime(config);
  try {
    const services = buildServices({ config, database: runtime.database });
    const logger = pino({ level: config.logLevel });
    services.relay.start({ logger: logger.child({ component: 'outbox-relay' }) });
    say(`assay worker: outbox relay running on ${runtime.database.description} (polling every ${config.outboxPollMs} ms)`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    say(`assay worker: ${signal} received, finishing the deliveries in flight…`);
    await services.relay.stop();
    say('assay worker: stopped');
  } finally {
    await runtime.close();
  }
}
