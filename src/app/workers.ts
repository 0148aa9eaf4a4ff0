import pino, { type Logger } from 'pino';
import type { Config } from '../config';
import { CliError } from '../cli';
import { buildServices, type Services } from './services';
import { openRuntime, runningServer } from './runtime';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * Links committed audit entries into the hash chain every `everyMs` (immediately again while a full
 * batch was linked). Several processes on one PostgreSQL may run it: they take turns on the head.
 */
export function startAuditSealer(services: Services, everyMs: number, logger: Logger): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = () => {
    round = (async () => {
      let delay = everyMs;
      try {
        if ((await services.audit.seal(1000)) === 1000) delay = 0;
      } catch (e) {
        logger.error({ err: e }, 'audit sealer round failed');
      }
      if (!stopped) timer = setTimeout(tick, delay);
    })();
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await round;
      await services.audit.seal(1_000_000).catch(() => 0); // leave nothing unlinked at shutdown
    },
  };
}

/**
 * Starts the email sender, or warns once that none is configured: emails then stay queued, and the
 * webhooks that wait for one (restrictions waiting for their notice) stay held.
 */
export function startEmailSender(services: Services, logger: Logger): { stop(): Promise<void> } | undefined {
  if (services.emailSender === undefined) {
    logger.warn('SMTP_URL is not set: emails stay queued, and webhooks that wait for an email (restrictions waiting for their notice) stay held');
    return undefined;
  }
  services.emailSender.start({ logger: logger.child({ component: 'email-sender' }) });
  return services.emailSender;
}

/** Starts the loops a server process runs beside HTTP: the email sender, the outbox relay and the audit sealer. */
export function startBackgroundWork(services: Services, config: Config, logger: Logger): BackgroundWork {
  const loops: { stop(): Promise<void> }[] = [];
  // Stopped first: a send in flight is recorded before the relay's last round, which may release its webhook.
  const sender = startEmailSender(services, logger);
  if (sender !== undefined) loops.push(sender);
  services.relay.start({ logger: logger.child({ component: 'outbox-relay' }) });
  loops.push(services.relay);
  loops.push(startAuditSealer(services, config.outboxPollMs, logger.child({ component: 'audit-sealer' })));
  return {
    stop: async () => {
      for (const l of loops) await l.stop();
    },
  };
}

/**
 * `assay worker` without a source: the outbox relay and the email sender, until SIGINT/SIGTERM. On
 * PostgreSQL any number of these share the outbox and the emails (rows are claimed with SKIP LOCKED).
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
    const sender = startEmailSender(services, logger);
    services.relay.start({ logger: logger.child({ component: 'outbox-relay' }) });
    const sealer = startAuditSealer(services, config.outboxPollMs, logger.child({ component: 'audit-sealer' }));
    say(`assay worker: outbox relay${sender === undefined ? '' : ' and email sender'} running on ${runtime.database.description} (polling every ${config.outboxPollMs} ms)`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    say(`assay worker: ${signal} received, finishing the deliveries in flight…`);
    await sender?.stop();
    await services.relay.stop();
    await sealer.stop();
    say('assay worker: stopped');
  } finally {
    await runtime.close();
  }
}
