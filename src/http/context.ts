import type { Principal, Role } from '../identity';

/** What each route declares: the roles allowed, or `public` for unauthenticated routes. */
export type RouteAccess = readonly Role[] | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /v1 route must declare who may call it; a startup check enforces it. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

export const ALL_STAFF: readonly Role[] = ['admin', 'manager', 'senior', 'agent', 'legal'];
export const SESSION_COOKIE = 'assay_session';
export const CSRF_HEADER = 'x-csrf-token';
