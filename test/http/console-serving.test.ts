import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing';
import { createIdentityService } from '../../src/identity';
import { fixedClock } from '../../src/kernel';
import { createHttpServer } from '../../src/http/server';

/** The console's client-side routes get index.html when the console is built, and a clear problem when it is not. */
describe('serving the console', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'assay-console-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function server(consoleDir: string) {
    const identity = createIdentityService({ db: database.db, clock: fixedClock('2026-11-02T10:00:00Z'), sessionTtlHours: 8 });
    const opts = { logger: false as const, bodyLimitBytes: 1 << 20, rateLimitPerMinute: 1000, loginMaxAttemptsPerMinute: 10, publicUrl: 'http://localhost', consoleDir, version: 'test' };
    return createHttpServer({ identity, ready: async () => ({ ok: true, checks: {} }), modules: [] }, opts);
  }

  it('answers a page request with a problem naming the build command when the console is not built', async () => {
    const app = await server(join(dir, 'missing'));
    const res = await app.inject({ method: 'GET', url: '/sellers/sel_1', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('npm run build:web');
    await app.close();
  });

  it('serves index.html for client-side routes when it is built, and problems for unknown API routes', async () => {
    const built = join(dir, 'dist');
    mkdirSync(built);
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Assay</title>');
    const app = await server(built);
    const page = await app.inject({ method: 'GET', url: '/sellers/sel_1', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Assay</title>');
    const api = await app.inject({ method: 'GET', url: '/v1/nothing-here', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    await app.close();
  });
});
