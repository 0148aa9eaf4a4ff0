import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Registry } from 'prom-client';

export interface OpsRoutesOptions {
  /** Resolves true when the database answers and the process is not shutting down. */
  readonly ready: () => Promise<{ ok: boolean; checks: Record<string, string> }>;
  readonly metrics: Registry;
}

export async function opsRoutes(app: FastifyInstance, opts: OpsRoutesOptions): Promise<void> {
  app.get('/healthz', { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.String() }) } } }, async () => ({ status: 'ok' }));

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Readiness: database reachable, not shutting down', response: { 200: Type.Object({ status: Type.String(), checks: Type.Record(Type.String(), Type.String()) }), 503: Type.Object({ status: Type.String(), checks: Type.Record(Type.String(), Type.String()) }) } } },
    async (_request, reply) => {
      const r = await opts.ready();
      return reply.code(r.ok ? 200 : 503).send({ status: r.ok ? 'ready' : 'not_ready', checks: r.checks });
    },
  );

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(opts.metrics.contentType).send(await opts.metrics.metrics());
  });

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
