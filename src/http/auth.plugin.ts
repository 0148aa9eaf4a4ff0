import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../kernel';
import type { IdentityService, Principal } from '../identity';
import { RateLimiter } from './rate-limit';
import { CSRF_HEADER, SESSION_COOKIE } from './context';
import { sendProblem } from './problem';

export interface AuthOptions {
  readonly identity: Pick<IdentityService, 'principalForSession' | 'principalForToken'>;
  readonly rateLimitPerMinute: number;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function authenticate(request: FastifyRequest, identity: AuthOptions['identity']): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (m === null) throw new AppError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
    const p = await identity.principalForToken(m[1]!);
    if (p === undefined) throw new AppError('unauthenticated', 'the API token is unknown or revoked', { reason: 'auth.bad_token' });
    return p;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie !== undefined && cookie !== '') {
    const p = await identity.principalForSession(cookie);
    if (p === undefined) throw new AppError('unauthenticated', 'the session has expired; sign in again', { reason: 'auth.session_expired' });
    return p;
  }
  return undefined;
}

/**
 * Authentication (bearer token or session cookie), the route's role check, CSRF for cookie sessions,
 * and the per-caller rate limit — in one onRequest hook, so nothing runs for a refused caller.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
  const limiter = new RateLimiter(opts.rateLimitPerMinute);
  app.decorateRequest('principal', undefined);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/') && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    try {
      const principal = await authenticate(request, opts.identity);
      if (principal === undefined) throw new AppError('unauthenticated', 'sign in or send an API token', { reason: 'auth.required' });
      request.principal = principal;
      if (!access.includes(principal.role)) throw new AppError('forbidden', `the ${principal.role} role may not call this route`, { reason: 'auth.role' });
      if (principal.kind === 'user' && UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== principal.csrfToken) {
        throw new AppError('forbidden', `missing or wrong ${CSRF_HEADER} header`, { reason: 'auth.csrf' });
      }
      const wait = limiter.take(`${principal.kind}:${principal.id}`);
      if (wait > 0) throw new AppError('rate_limited', `rate limit of ${opts.rateLimitPerMinute} requests a minute reached`, { retryAfterSeconds: wait });
    } catch (e) {
      return sendProblem(reply, request, e);
    }
  });
});

/** The caller, for handlers behind a non-public route. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw new AppError('unauthenticated', 'sign in or send an API token');
  return request.principal;
}
