import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS, problemType } from '../../src/http/problem';
import { createTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase } from '../../src/db/testing';
import { createIdentityService } from '../../src/identity';
import { fixedClock } from '../../src/kernel';

let t: TestApp;
beforeAll(async () => {
  // A real identity service whose store fails underneath: its database is closed.
  const broken = await createTestDatabase();
  const failing = createIdentityService({ db: broken.db, clock: fixedClock('2026-11-02T10:00:00Z'), sessionTtlHours: 1 });
  await broken.close();
  t = await createTestApp();
  const real = t.app.services.identity;
  Object.assign(real, { listUsers: failing.listUsers });
});
afterAll(async () => {
  await t.close();
});

describe('errors', () => {
  it('an unexpected failure in a store is an opaque 500 naming only the correlation id', async () => {
    const res = await t.as('admin', { method: 'GET', url: '/v1/users' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ type: problemType('internal'), code: 'internal', status: 500 });
    expect(body.correlation_id).toBe(res.headers['x-request-id']);
    expect(body.detail).toContain(body.correlation_id);
    expect(JSON.stringify(body)).not.toMatch(/select|users|closed|PGlite|stack/i);
  });

  it('bad input names the field and the reason', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/v1/users', payload: { email: 'x@y.z', name: 'X', role: 'emperor', password: 'long-enough-pw' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body/role' })]));
  });

  it('an unknown route is a 404 problem', async () => {
    const res = await t.as('admin', { method: 'GET', url: '/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe(problemType('not_found'));
  });

  it('a body over the limit is a 413 problem', async () => {
    const small = await createTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
    try {
      const res = await small.as('admin', { method: 'POST', url: '/v1/vendor-orgs', payload: { name: 'x'.repeat(5000) } });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
  });

  it('every error code is documented', () => {
    const doc = readFileSync(new URL('../../docs/API-ERRORS.md', import.meta.url), 'utf8');
    for (const code of Object.keys(PROBLEMS) as (keyof typeof PROBLEMS)[]) {
      expect(doc, code).toContain(problemType(code));
      expect(doc, code).toContain(`| ${PROBLEMS[code].status} |`);
    }
  });
});
