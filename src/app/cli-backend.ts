import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { AppError, type ErrorCode } from '../kernel';
import { CliError, type BatchReportView, type CliBackend } from '../cli';
import { buildServices, type Services } from './services';
import { openRuntime, runningServer } from './runtime';

const CLI_ACTOR = { type: 'system' as const, id: 'cli' };

/** Commands on an open database: DATABASE_URL, or the embedded folder when no server holds it. */
export async function openDirectBackend(config: Config): Promise<CliBackend & { services: Services }> {
  const runtime = await openRuntime(config);
  const services = buildServices({ config, database: runtime.database });
  return {
    description: runtime.database.description,
    remote: false,
    services,
    verifyAudit: async () => {
      const r = await services.audit.verify();
      return { ok: r.ok, entries: r.entries, head: r.head ?? null, checkpoint: r.checkpoint ?? null, problem: r.problem ?? null };
    },
    checkpointAudit: () => services.audit.checkpoint(),
    createUser: async (input) => {
      const u = await services.identity.createUser(CLI_ACTOR, input);
      return { id: u.id, email: u.email, role: u.role };
    },
    createToken: async (input) => {
      const t = await services.identity.createApiToken(CLI_ACTOR, input);
      return { token: t.token, id: t.info.id };
    },
    ingestBatch: async (kind, items) => (await services.marketplace.ingestBatch(CLI_ACTOR, kind, [...items])) as BatchReportView,
    // PGlite runs one statement at a time; PostgreSQL takes batches on several pool connections.
    ingestConcurrency: runtime.database.kind === 'pglite' ? 1 : Math.max(1, Math.min(4, config.databasePoolSize - 1)),
    close: () => runtime.close(),
  };
}

/** A small JSON client for the running server's API; problem+json answers become AppErrors. */
export function apiClient(baseUrl: string, token: string) {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new CliError(`cannot reach the server at ${baseUrl}: ${(e as Error).message}`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const p = (json ?? {}) as { code?: ErrorCode; detail?: string; errors?: { field: string; reason: string }[] };
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new AppError(p.code ?? (res.status === 413 ? 'payload_too_large' : res.status === 429 ? 'rate_limited' : 'internal'), p.detail ?? `HTTP ${res.status}`, {
        errors: p.errors ?? [],
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
    return json as T;
  };
}

/** The admin token a server that holds the embedded database leaves for CLI commands. */
export function serverToken(config: Config, url: string): string {
  try {
    return readFileSync(join(config.dataDir, 'cli-token'), 'utf8').trim();
  } catch {
    throw new CliError(`a server at ${url} holds ${config.dataDir}, but its CLI token is missing; restart it or stop it first`);
  }
}

/** Commands through the running server that holds the embedded database's lock. */
export function openRemoteBackend(config: Config, url: string): CliBackend & { call: ReturnType<typeof apiClient> } {
  const call = apiClient(url, serverToken(config, url));
  return {
    description: `the server at ${url}`,
    remote: true,
    call,
    verifyAudit: () => call('POST', '/v1/audit/verify'),
    checkpointAudit: () => call('POST', '/v1/audit/checkpoints'),
    createUser: (input) => call('POST', '/v1/users', { email: input.email, name: input.name, role: input.role, password: input.password, ...(input.vendorOrgId === undefined ? {} : { vendor_org_id: input.vendorOrgId }) }),
    createToken: async (input) => {
      const r = await call<{ token: string; info: { id: string } }>('POST', '/v1/api-tokens', input);
      return { token: r.token, id: r.info.id };
    },
    ingestBatch: async (kind, items) => {
      // A busy server answers 429 with Retry-After; waiting is better than failing an import halfway.
      for (let attempt = 1; ; attempt++) {
        try {
          return await call<BatchReportView>('POST', `/v1/${kind}:batch`, { items });
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'rate_limited' || attempt >= 10) throw e;
          await new Promise((r) => setTimeout(r, Math.min(60, e.retryAfterSeconds ?? attempt) * 1000));
        }
      }
    },
    ingestConcurrency: 2,
    close: async () => {},
  };
}

/** Picks the backend: through the server when it holds the embedded database, else direct. */
export async function openCliBackend(config: Config): Promise<CliBackend> {
  const server = runningServer(config);
  if (server?.url !== undefined) return openRemoteBackend(config, server.url);
  return openDirectBackend(config);
}
