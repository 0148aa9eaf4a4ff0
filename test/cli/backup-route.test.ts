import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { onPostgres } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /v1/admin/backup (what `assay backup` asks a running server for)', () => {
  it.skipIf(onPostgres())('gives an administrator a gzip tar of the embedded database, and logs the read', async () => {
    const res = await t.as('admin', { method: 'GET', url: '/v1/admin/backup' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="assay-backup-\d{8}T\d{6}Z\.tar\.gz"$/);
    const tar = gunzipSync(res.rawPayload);
    expect(tar.subarray(257, 262).toString('latin1')).toBe('ustar');
    const { query, sql } = await import('../../src/db');
    const logged = await query(t.database.db, sql`SELECT actor_type, resource_type, resource_id FROM access_log WHERE resource_type = 'database'`);
    expect(logged).toEqual([{ actor_type: 'token', resource_type: 'database', resource_id: 'backup' }]);
  });

  it.skipIf(!onPostgres())('on PostgreSQL answers 409 pointing to pg_dump', async () => {
    const res = await t.as('admin', { method: 'GET', url: '/v1/admin/backup' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', reason: 'backup.not_embedded', detail: expect.stringContaining('pg_dump') });
  });

  it('is refused to every role but admin', async () => {
    for (const role of ['manager', 'senior', 'agent', 'legal', 'vendor', 'integration'] as const) {
      const res = await t.as(role, { method: 'GET', url: '/v1/admin/backup' });
      expect(res.statusCode, role).toBe(403);
    }
  });
});
