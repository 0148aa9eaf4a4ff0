import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from '../kernel';
import type { Config } from '../config';
import { query, sql, type Database } from '../db';
import { createIdentityService, type IdentityService } from '../identity';
import { createAuditService, type AuditService } from '../audit';
import { createHttpServer } from '../http/server';
import { auditRoutes } from '../http/audit.routes';
import { createOutboxRelay, createWebhookService, type OutboxRelay, type WebhookService } from '../notify';
import { webhooksRoutes } from '../http/webhooks.routes';

export const ROOT_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const VERSION = (JSON.parse(readFileSync(resolve(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }).version;

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly clock?: Clock;
  readonly logger?: FastifyServerOptions['loggerInstance'];
  /** Replace a service (tests inject failing stores through this). */
  readonly overrides?: Partial<Services>;
}

/** Every service the process runs. */
export interface Services {
  readonly clock: Clock;
  readonly identity: IdentityService;
  readonly audit: AuditService;
  readonly webhooks: WebhookService;
  /** Not started here: the server and `assay worker` call `relay.start({ logger })` and `await relay.stop()`. */
  readonly relay: OutboxRelay;
}

/** Builds the services once from the database and the configuration. */
export function buildServices(deps: AppDeps): Services {
  const clock = deps.clock ?? systemClock;
  const { db } = deps.database;
  const identity = createIdentityService({ db, clock, sessionTtlHours: deps.config.sessionTtlHours });
  const audit = createAuditService({ db, clock, checkpointFile: deps.config.auditCheckpointFile });
  const webhooks = createWebhookService({ db, clock });
  const relay = createOutboxRelay({
    db,
    clock,
    maxAttempts: deps.config.webhookMaxAttempts,
    timeoutMs: deps.config.webhookTimeoutMs,
    pollMs: deps.config.outboxPollMs,
    userAgent: `Assay-Webhooks/${VERSION}`,
  });
  return { clock, identity, audit, webhooks, relay, ...deps.overrides };
}

export interface App {
  readonly http: FastifyInstance;
  readonly services: Services;
  /** Flips readiness off before a graceful shutdown. */
  markShuttingDown(): void;
}

/** Builds the HTTP application; only server.ts calls listen, tests call inject(). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const services = buildServices(deps);
  let shuttingDown = false;
  const ready = async () => {
    const checks: Record<string, string> = {};
    try {
      await query(deps.database.db, sql`SELECT 1 AS ok`);
      checks['database'] = 'ok';
    } catch (e) {
      checks['database'] = `unreachable: ${(e as Error).message}`;
    }
    checks['shutdown'] = shuttingDown ? 'in progress' : 'no';
    return { ok: checks['database'] === 'ok' && !shuttingDown, checks };
  };
  const consoleDir = resolve(ROOT_DIR, 'web/dist');
  const http = await createHttpServer(
    {
      identity: services.identity,
      ready,
      modules: [
        auditRoutes(services.audit),
        webhooksRoutes(services.webhooks),
      ],
    },
    {
      logger: deps.logger ?? false,
      bodyLimitBytes: deps.config.bodyLimitBytes,
      rateLimitPerMinute: deps.config.rateLimitPerMinute,
      loginMaxAttemptsPerMinute: deps.config.loginMaxAttemptsPerMinute,
      publicUrl: deps.config.publicUrl,
      consoleDir,
      version: VERSION,
    },
  );
  return {
    http,
    services,
    markShuttingDown: () => {
      shuttingDown = true;
    },
  };
}
