import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse, InjectOptions } from 'fastify';
import { loadConfig, type Config } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing';
import { buildApp, type App, type AppDeps } from '../../src/app/build-app';
import { ROLES, type Role } from '../../src/identity';
import { fixedClock, type Clock } from '../../src/kernel';

export interface TestApp {
  readonly app: App;
  readonly database: TestDatabase;
  readonly config: Config;
  readonly clock: Clock & { advance(ms: number): void; set(d: Date | string): void };
  /** An API token per role (vendor tokens belong to a vendor reviewer of org `vendorOrgId`). */
  readonly tokens: Record<Role, string>;
  readonly vendorOrgId: string;
  /** inject() with the given role's bearer token. */
  as(role: Role, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Record<string, string>;
  readonly overrides?: AppDeps['overrides'];
  readonly now?: string;
}

/** A whole Assay on a fresh database, driven through HTTP with inject(). */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-test-data-'));
  const config = loadConfig({ NODE_ENV: 'test', ASSAY_DEMO: 'false', DATA_DIR: dataDir, ...opts.env });
  const clock = fixedClock(opts.now ?? '2026-11-02T10:00:00Z');
  const app = await buildApp({ config, database, clock, ...(opts.overrides === undefined ? {} : { overrides: opts.overrides }) });
  const system = { type: 'system' as const, id: 'test' };
  const org = await app.services.identity.createVendorOrg(system, 'Northwind Review Ltd');
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const user = await app.services.identity.createUser(system, {
      email: `${role}@example.test`,
      name: `Test ${role}`,
      role,
      password: `password-${role}-123`,
      vendorOrgId: role === 'vendor' ? org.id : undefined,
    });
    tokens[role] = (await app.services.identity.createApiToken(system, { name: `${role} token`, role, userId: user.id })).token;
  }
  return {
    app,
    database,
    config,
    clock,
    tokens,
    vendorOrgId: org.id,
    as: (role, injectOpts) =>
      app.http.inject({ ...injectOpts, headers: { ...(injectOpts.headers ?? {}), authorization: `Bearer ${tokens[role]}` } } as InjectOptions),
    close: async () => {
      await app.http.close();
      await database.close();
    },
  };
}
