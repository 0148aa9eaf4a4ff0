import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { cachedCompilersFactory, compiledSchemaCount } from './schema-compilers';

/** A server with one route whose query, body and response have schemas, as createHttpServer builds them. */
async function server(limit: number) {
  const app = Fastify({
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true } },
    schemaController: { compilersFactory: cachedCompilersFactory },
  });
  app.addSchema({ $id: 'Shared', type: 'object', properties: { id: { type: 'string' } }, required: ['id'] });
  app.post(
    '/things',
    {
      schema: {
        querystring: { type: 'object', properties: { n: { type: 'integer', maximum: limit }, tags: { type: 'array', items: { type: 'string' } } } },
        body: { $ref: 'Shared#' },
        response: { 200: { type: 'object', properties: { id: { type: 'string' }, n: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } } },
      },
    },
    async (request) => ({ ...(request.body as object), ...(request.query as object), secret: 'not in the response schema' }),
  );
  await app.ready();
  return app;
}

describe('the compilers shared by the servers of a process', () => {
  it('compile a schema once: a second server with the same routes compiles nothing new', async () => {
    const before = compiledSchemaCount();
    const first = await server(10);
    const after = compiledSchemaCount();
    // the first server's validators and serializers went into the process's store
    expect(after).toBeGreaterThan(before);
    const second = await server(10);
    expect(compiledSchemaCount()).toBe(after);
    for (const app of [first, second]) {
      // the query is coerced (a number, one value made an array), the body validated against the shared schema, the response serialized by its schema
      const ok = await app.inject({ method: 'POST', url: '/things?n=3&tags=a', payload: { id: 'x1' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ id: 'x1', n: 3, tags: ['a'] });
      const bad = await app.inject({ method: 'POST', url: '/things?n=30', payload: { id: 'x1' } });
      expect(bad.statusCode).toBe(400);
      expect((await app.inject({ method: 'POST', url: '/things', payload: { name: 'no id' } })).statusCode).toBe(400);
    }
    await Promise.all([first.close(), second.close()]);
  });

  it('keep apart the schemas that differ, however little', async () => {
    const strict = await server(10);
    const before = compiledSchemaCount();
    const loose = await server(100);
    // only the query's schema changed: one more validator, the body's and the response's are shared
    expect(compiledSchemaCount()).toBe(before + 1);
    expect((await strict.inject({ method: 'POST', url: '/things?n=30', payload: { id: 'x1' } })).statusCode).toBe(400);
    expect((await loose.inject({ method: 'POST', url: '/things?n=30', payload: { id: 'x1' } })).statusCode).toBe(200);
    await Promise.all([strict.close(), loose.close()]);
  });
});
