import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLES } from '../../src/identity';
import type { RouteInfo } from '../../src/http/server';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let routes: RouteInfo[];

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  await t.app.http.ready();
  routes = t.app.http.routeTable.filter((r) => r.url.startsWith('/v1/'));
});
afterAll(async () => {
  await t.close();
});

function concreteUrl(url: string): string {
  return url.replace(/::/g, '\u0000').replace(/:[A-Za-z_]+/g, 'zz_unknown_id').replace(/\u0000/g, ':');
}

describe('every route', () => {
  it('declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  it('refuses callers without credentials', async () => {
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await t.app.http.inject({ method: r.method as 'GET', url: concreteUrl(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('refuses every role it does not list', async () => {
    let checked = 0;
    for (const r of routes) {
      if (r.access === 'public' || r.access === undefined) continue;
      for (const role of ROLES.filter((x) => !(r.access as readonly string[]).includes(x))) {
        const res = await t.as(role, { method: r.method as 'GET', url: concreteUrl(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        expect(res.statusCode, `${role} → ${r.method} ${r.url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('is documented in the OpenAPI description', async () => {
    const spec = (await t.app.http.inject({ method: 'GET', url: '/openapi.json' })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toBe('3.1.0');
    for (const r of routes.filter((x) => x.schema?.hide !== true)) {
      const path = r.url.replace(/::/g, '\u0000').replace(/:([A-Za-z_]+)/g, '{$1}').replace(/\u0000/g, ':');
      expect(spec.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
  });
});

/** Values of the wrong shape for a JSON schema: other types, huge strings, odd Unicode. */
const oddString = fc.oneof(
  fc.constant('x'.repeat(200_000)),
  fc.constant('\u0000\uD800\uDFFF\u202E\uFEFF'),
  fc.constant('💎'.repeat(5000)),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constant("'; DROP TABLE users; --"),
);
const wrongValue = fc.oneof(oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));

function propertiesOf(schema: unknown): string[] {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props === undefined ? [] : Object.keys(props);
}

function invalidBody(schema: unknown) {
  const keys = propertiesOf(schema);
  return fc.oneof(
    fc.anything({ maxDepth: 2 }),
    keys.length === 0 ? wrongValue : fc.record(Object.fromEntries(keys.map((k) => [k, wrongValue])), { requiredKeys: [] }),
    fc.constant('not json at all'),
  );
}

function invalidQuery(schema: unknown) {
  const keys = propertiesOf(schema);
  if (keys.length === 0) return fc.constant('');
  return fc
    .record(Object.fromEntries(keys.map((k) => [k, fc.oneof(oddString.map((s) => s.slice(0, 3000)), fc.constant('-1'), fc.constant('NaN'), fc.constant('99999999999999999999'))])), { requiredKeys: [] })
    .map((q) => new URLSearchParams(q as Record<string, string>).toString());
}

describe('schema-derived invalid input', () => {
  it('never causes a 5xx, and every refusal is problem+json', async () => {
    for (const r of routes) {
      if (r.access === undefined) continue;
      const role = r.access === 'public' ? 'admin' : r.access.includes('admin') ? 'admin' : r.access[0]!;
      const hasBody = r.method !== 'GET' && r.method !== 'DELETE';
      await fc.assert(
        fc.asyncProperty(invalidBody(r.schema?.body), invalidQuery(r.schema?.querystring), oddString.map((s) => encodeURIComponent(s.slice(0, 300))), async (body, qs, idPart) => {
          const url = r.url.replace(/::/g, '\u0000').replace(/:[A-Za-z_]+/g, idPart || 'x').replace(/\u0000/g, ':') + (qs === '' ? '' : `?${qs}`);
          const res = await t.as(role, {
            method: r.method as 'POST',
            url,
            ...(hasBody ? (typeof body === 'string' ? { payload: body, headers: { 'content-type': 'application/json' } } : { payload: body as object }) : {}),
          });
          expect(res.statusCode, `${r.method} ${url.slice(0, 120)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type'], `${r.method} ${r.url} ${res.statusCode}`).toMatch(/application\/problem\+json/);
        }),
        { numRuns: 12, seed: 20261121 },
      );
    }
  });
});
