import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { cachedCompilersFactory } from './schema-compilers';
import { Registry, Counter, Gauge, Histogram, collectDefaultMetrics } from 'prom-client';
import { ulid } from '../kernel';
import type { IdentityService } from '../identity';
import { authPlugin } from './auth.plugin';
import { sendProblem } from './problem';
import { ProblemSchema } from './schemas';
import { identityRoutes } from './identity.routes';
import { opsRoutes } from './ops.routes';
import { AppError } from '../kernel';
import type { RouteAccess } from './context';

/** Everything the HTTP layer needs, as the services it calls. */
export interface HttpDeps {
  readonly identity: IdentityService;
  readonly ready: () => Promise<{ ok: boolean; checks: Record<string, string> }>;
  /** Route plugins of the domain modules, registered after the core. */
  readonly modules: readonly ((app: FastifyInstance) => Promise<void>)[];
}

export interface HttpOptions {
  /** A pino logger, or false for none (tests). */
  readonly logger: FastifyServerOptions['loggerInstance'] | false;
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
  readonly loginMaxAttemptsPerMinute: number;
  readonly publicUrl: string;
  /** Built console (web/dist) to serve at `/`, when present. */
  readonly consoleDir: string | undefined;
  readonly version: string;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export async function createHttpServer(deps: HttpDeps, opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger === false ? { logger: false } : { loggerInstance: opts.logger }),
    bodyLimit: opts.bodyLimitBytes,
    genReqId: () => `req_${ulid()}`,
    requestIdHeader: false,
    trustProxy: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: (error, request, reply) => {
      sendProblem(reply, request, error);
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true } },
    // every server of the process shares the compiled validators and serializers of the same schemas
    schemaController: { compilersFactory: cachedCompilersFactory },
  });

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const requests = new Counter({ name: 'assay_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [metrics] });
  const duration = new Histogram({ name: 'assay_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'], registers: [metrics], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10] });
  const counted = new Set<string>(); // an aborted request may also complete: count it down once
  const inFlight = new Gauge({ name: 'assay_http_requests_in_flight', help: 'HTTP requests being handled', registers: [metrics] });
  app.decorate('metrics', metrics);

  const routes: RouteInfo[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access, schema: route.schema as RouteInfo['schema'] });
    }
  });

  app.addSchema(ProblemSchema);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Assay API', version: opts.version, description: 'Trust and seller-performance operations. Errors are application/problem+json.' },
      servers: [{ url: opts.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (marketplace integration, CLI)' },
          session: { type: 'apiKey', in: 'cookie', name: 'assay_session', description: 'Console session; unsafe methods also need the x-csrf-token header' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  app.addHook('onRequest', async (request, reply) => {
    counted.add(request.id);
    inFlight.inc();
    void reply.header('x-request-id', request.id);
    if (request.url.includes('%00')) return sendProblem(reply, request, new AppError('invalid_input', 'the URL contains a NUL character', { errors: [{ field: 'url', reason: 'must not contain NUL' }] }));
  });
  // PostgreSQL text cannot hold NUL; refuse it at the door with a clear error rather than deep in a store.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.includes('\\u0000')) {
      done(new AppError('invalid_input', 'the body contains a NUL character (\\u0000), which cannot be stored', { errors: [{ field: 'body', reason: 'must not contain \\u0000' }] }), undefined);
      return;
    }
    if (text.trim() === '') {
      done(new AppError('invalid_input', 'the JSON body is empty', { errors: [{ field: 'body', reason: 'must not be empty' }] }), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('invalid_input', 'the body is not valid JSON', { errors: [{ field: 'body', reason: 'is not valid JSON' }] }), undefined);
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
    if (!request.url.startsWith('/docs')) void reply.header('content-security-policy', CSP);
    if (opts.publicUrl.startsWith('https:')) void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
  app.addHook('onRequestAbort', async (request) => {
    if (counted.delete(request.id)) inFlight.dec();
  });
  app.addHook('onResponse', async (request, reply) => {
    if (counted.delete(request.id)) inFlight.dec();
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error, request, reply) => sendProblem(reply, request, error));
  // the console is served when it has been built (`npm start` builds it when missing or stale)
  const builtConsole = opts.consoleDir !== undefined && existsSync(opts.consoleDir) ? opts.consoleDir : undefined;
  app.setNotFoundHandler((request, reply) => {
    if (opts.consoleDir !== undefined && request.method === 'GET' && !request.url.startsWith('/v1/') && (request.headers.accept ?? '').includes('text/html')) {
      if (builtConsole !== undefined) return reply.sendFile('index.html'); // client-side routes of the console
      return sendProblem(reply, request, new AppError('not_found', 'the console is not built: run `npm run build:web` (or start with `npm start`, which builds it)'));
    }
    return sendProblem(reply, request, new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  await app.register(authPlugin, { identity: deps.identity, rateLimitPerMinute: opts.rateLimitPerMinute });
  await app.register(opsRoutes, { ready: deps.ready, metrics });
  await app.register(identityRoutes, { identity: deps.identity, loginMaxAttemptsPerMinute: opts.loginMaxAttemptsPerMinute, secureCookies: opts.publicUrl.startsWith('https:') });
  for (const mod of deps.modules) await app.register(mod);

  if (builtConsole !== undefined) {
    await app.register(fastifyStatic, { root: builtConsole, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}

/** A registered route, as tests and the OpenAPI checks see it. */
export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | undefined;
  readonly schema: { body?: unknown; querystring?: unknown; params?: unknown; hide?: boolean } | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
    routeTable: readonly RouteInfo[];
  }
}
