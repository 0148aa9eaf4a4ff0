import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_MINUTE: '5' } });
});
afterAll(async () => {
  await t.close();
});

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : String(set);
  return String(first).split(';')[0]!;
}

describe('signing in to the console', () => {
  it('sets an HttpOnly, SameSite session cookie and returns a CSRF token', async () => {
    const res = await t.app.http.inject({ method: 'POST', url: '/v1/session', payload: { email: 'admin@example.test', password: 'password-admin-123' } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(res.json().csrf_token).toEqual(expect.any(String));
    const me = await t.app.http.inject({ method: 'GET', url: '/v1/session', headers: { cookie: cookieOf(res) } });
    expect(me.json()).toMatchObject({ role: 'admin', kind: 'user' });
  });

  it('refuses an unsafe request from a session without the CSRF header', async () => {
    const login = await t.app.http.inject({ method: 'POST', url: '/v1/session', payload: { email: 'admin@example.test', password: 'password-admin-123' } });
    const cookie = cookieOf(login);
    const payload = { name: 'Acme Review' };
    const refused = await t.app.http.inject({ method: 'POST', url: '/v1/vendor-orgs', headers: { cookie }, payload });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', reason: 'auth.csrf' });
    const accepted = await t.app.http.inject({ method: 'POST', url: '/v1/vendor-orgs', headers: { cookie, 'x-csrf-token': login.json().csrf_token }, payload });
    expect(accepted.statusCode).toBe(201);
  });

  it('answers a wrong password and an unknown email the same way, as problem+json', async () => {
    const a = await t.app.http.inject({ method: 'POST', url: '/v1/session', payload: { email: 'agent@example.test', password: 'nope-nope-nope' } });
    const b = await t.app.http.inject({ method: 'POST', url: '/v1/session', payload: { email: 'ghost@example.test', password: 'nope-nope-nope' } });
    expect(a.statusCode).toBe(401);
    expect(a.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(a.json().detail).toBe(b.json().detail);
  });

  it('limits sign-in attempts per address and email with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await t.app.http.inject({ method: 'POST', url: '/v1/session', payload: { email: 'legal@example.test', password: 'wrong-password' } });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('sends security headers on every response', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('API tokens', () => {
  it('let the marketplace call the API, and stop working once revoked', async () => {
    const created = await t.as('admin', { method: 'POST', url: '/v1/api-tokens', payload: { name: 'marketplace', role: 'integration' } });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json();
    const ok = await t.app.http.inject({ method: 'GET', url: '/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(ok.json()).toMatchObject({ role: 'integration', kind: 'token' });
    expect((await t.as('admin', { method: 'DELETE', url: `/v1/api-tokens/${info.id}` })).statusCode).toBe(204);
    const after = await t.app.http.inject({ method: 'GET', url: '/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('are refused to roles the route does not list', async () => {
    const res = await t.as('agent', { method: 'POST', url: '/v1/api-tokens', payload: { name: 'x', role: 'admin' } });
    expect(res.statusCode).toBe(403);
  });
});
