import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ROLES, principalActor, type IdentityService, type User, type ApiTokenInfo } from '../identity';
import { AppError } from '../kernel';
import { RateLimiter } from './rate-limit';
import { principalOf } from './auth.plugin';
import { Id, withErrors } from './schemas';
import { SESSION_COOKIE } from './context';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
const UserDto = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  vendor_org_id: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  created_at: Type.String(),
});
const TokenDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  user_id: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});

export function userToDto(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, vendor_org_id: u.vendorOrgId ?? null, status: u.status, created_at: u.createdAt.toISOString() };
}
function tokenToDto(t: ApiTokenInfo) {
  return { id: t.id, name: t.name, role: t.role, user_id: t.userId ?? null, created_at: t.createdAt.toISOString(), revoked_at: t.revokedAt?.toISOString() ?? null };
}

export interface IdentityRoutesOptions {
  readonly identity: IdentityService;
  readonly loginMaxAttemptsPerMinute: number;
  readonly secureCookies: boolean;
}

export async function identityRoutes(app: FastifyInstance, opts: IdentityRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { identity } = opts;
  const loginLimiter = new RateLimiter(opts.loginMaxAttemptsPerMinute);

  r.post(
    '/v1/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password (console sessions)',
        body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }),
        response: withErrors({ 200: Type.Object({ user: UserDto, csrf_token: Type.String(), expires_at: Type.String() }) }),
      },
    },
    async (request, reply) => {
      const key = `${request.ip}:${request.body.email.toLowerCase()}`;
      const wait = loginLimiter.take(key);
      if (wait > 0) throw new AppError('rate_limited', 'too many sign-in attempts; wait and try again', { retryAfterSeconds: wait });
      const s = await identity.login(request.body.email, request.body.password);
      void reply.setCookie(SESSION_COOKIE, s.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies || request.protocol === 'https',
        path: '/',
        expires: s.expiresAt,
      });
      return { user: userToDto(s.user), csrf_token: s.csrfToken, expires_at: s.expiresAt.toISOString() };
    },
  );

  r.get(
    '/v1/session',
    {
      config: { access: ROLES },
      schema: { tags: ['auth'], summary: 'Who am I', response: withErrors({ 200: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String(), role: Type.String(), vendor_org_id: Type.Union([Type.String(), Type.Null()]), csrf_token: Type.Union([Type.String(), Type.Null()]) }) }) },
    },
    async (request) => {
      const p = principalOf(request);
      return { kind: p.kind, id: p.id, name: p.name, role: p.role, vendor_org_id: p.vendorOrgId ?? null, csrf_token: p.csrfToken ?? null };
    },
  );

  r.delete(
    '/v1/session',
    { config: { access: ROLES }, schema: { tags: ['auth'], summary: 'Sign out', response: withErrors({ 204: Type.Null() }) } },
    async (request, reply) => {
      await identity.logout(principalOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/v1/users',
    { config: { access: ['admin', 'manager'] }, schema: { tags: ['users'], summary: 'List users', response: withErrors({ 200: Type.Object({ items: Type.Array(UserDto) }) }) } },
    async () => ({ items: (await identity.listUsers()).map(userToDto) }),
  );

  r.post(
    '/v1/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 320 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          role: RoleSchema,
          password: Type.String({ minLength: 10, maxLength: 1024 }),
          vendor_org_id: Type.Optional(Id),
        }),
        response: withErrors({ 201: UserDto }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const u = await identity.createUser(principalActor(principalOf(request)), { email: b.email, name: b.name, role: b.role, password: b.password, vendorOrgId: b.vendor_org_id });
      return reply.code(201).send(userToDto(u));
    },
  );

  r.get(
    '/v1/users/:id',
    { config: { access: ['admin', 'manager'] }, schema: { tags: ['users'], summary: 'Get a user', params: Type.Object({ id: Id }), response: withErrors({ 200: UserDto }) } },
    async (request) => userToDto(await identity.getUser(request.params.id)),
  );

  r.get(
    '/v1/vendor-orgs',
    { config: { access: ['admin', 'manager'] }, schema: { tags: ['users'], summary: 'List vendor organisations', response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) }) } },
    async () => ({ items: await identity.listVendorOrgs() }),
  );

  r.post(
    '/v1/vendor-orgs',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], summary: 'Create a vendor organisation', body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }), response: withErrors({ 201: Type.Object({ id: Type.String(), name: Type.String() }) }) },
    },
    async (request, reply) => reply.code(201).send(await identity.createVendorOrg(principalActor(principalOf(request)), request.body.name)),
  );

  r.get(
    '/v1/api-tokens',
    { config: { access: ['admin'] }, schema: { tags: ['users'], summary: 'List API tokens (never their secrets)', response: withErrors({ 200: Type.Object({ items: Type.Array(TokenDto) }) }) } },
    async () => ({ items: (await identity.listApiTokens()).map(tokenToDto) }),
  );

  r.post(
    '/v1/api-tokens',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'Create an API token; the secret is shown only in this response',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), role: RoleSchema, user_id: Type.Optional(Id) }),
        response: withErrors({ 201: Type.Object({ token: Type.String(), info: TokenDto }) }),
      },
    },
    async (request, reply) => {
      const res = await identity.createApiToken(principalActor(principalOf(request)), { name: request.body.name, role: request.body.role, userId: request.body.user_id });
      return reply.code(201).send({ token: res.token, info: tokenToDto(res.info) });
    },
  );

  r.delete(
    '/v1/api-tokens/:id',
    { config: { access: ['admin'] }, schema: { tags: ['users'], summary: 'Revoke an API token', params: Type.Object({ id: Id }), response: withErrors({ 204: Type.Null() }) } },
    async (request, reply) => {
      await identity.revokeApiToken(principalActor(principalOf(request)), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
