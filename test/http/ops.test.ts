import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('operations endpoints', () => {
  it('reports liveness and readiness, and stops being ready when shutting down', async () => {
    expect((await t.app.http.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.http.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
    t.app.markShuttingDown();
    const draining = await t.app.http.inject({ method: 'GET', url: '/readyz' });
    expect(draining.statusCode).toBe(503);
    expect(draining.json().status).toBe('not_ready');
  });

  it('exposes Prometheus metrics including per-route request counts', async () => {
    await t.app.http.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.http.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('assay_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('serves the API reference', async () => {
    const docs = await t.app.http.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('tags each response with a request id used as correlation id in logs and problems', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/v1/session' });
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    expect(res.json().correlation_id).toBe(res.headers['x-request-id']);
  });
});
