import type { FastifyInstance } from 'fastify';
import { resolve } from 'node:path';
import { query, sql } from '../db';
import { createHttpServer } from '../http/server';
import { auditRoutes } from '../http/audit.routes';
import { webhooksRoutes } from '../http/webhooks.routes';
import { emailsRoutes } from '../http/emails.routes';
import { marketplaceRoutes } from '../http/marketplace.routes';
import { reviewRoutes, vendorMaskingHook } from '../http/review.routes';
import { investigationsRoutes } from '../http/investigations.routes';
import { enforcementRoutes } from '../http/enforcement.routes';
import { casesRoutes } from '../http/cases.routes';
import { scanRoutes } from '../http/scan.routes';
import { rescanRoutes } from '../http/rescan.routes';
import { rulesRoutes } from '../http/rules.routes';
import { opsAdminRoutes } from '../http/ops-admin.routes';
import { policiesRoutes } from '../http/policies.routes';
import { analyticsRoutes } from '../http/analytics.routes';
import { embeddedBackup } from './embedded-backup';
import { buildServices, type AppDeps, type Services } from './services';
import { ROOT_DIR, VERSION } from './version';

export { ROOT_DIR, VERSION };
export { buildServices, createAppCaseTypes, messageScanner, type AppDeps, type Services } from './services';

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
        opsAdminRoutes({ backup: embeddedBackup(deps.database, services.clock) }),
        auditRoutes(services.audit),
        webhooksRoutes(services.webhooks),
        emailsRoutes(services.emails, { sender: services.emailSender }),
        marketplaceRoutes(services.marketplace, { batchMaxItems: deps.config.batchMaxItems }),
        casesRoutes(services.cases, { evidenceMaxBytes: deps.config.evidenceMaxBytes }),
        scanRoutes(services.ruleSets),
        rescanRoutes(services.marketplace),
        policiesRoutes(services.policies),
        reviewRoutes(services.review),
        enforcementRoutes(services.enforcement),
        analyticsRoutes(services.analytics),
        investigationsRoutes(services.investigations, { evidenceMaxBytes: deps.config.evidenceMaxBytes }),
        vendorMaskingHook(services.review),
        rulesRoutes({ ruleSets: services.ruleSets, learning: services.ruleLearning, automation: services.automation, replay: services.replay }),
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
