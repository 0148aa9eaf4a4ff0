import { randomBytes } from 'node:crypto';
import { AppError, conflict, invalidInput, newId, notFound, type Clock } from '../kernel';
import { inTransaction, recordChange, type Actor, type Db } from '../db';
import { identityStore } from './identity.store';
import { hashPassword, hashSecret, newSecret, verifyPassword, generatePassword } from './password';
import { isRole, type ApiTokenInfo, type Principal, type Role, type User } from './identity.model';

export interface IdentityDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly sessionTtlHours: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function principalActor(p: Principal): Actor {
  return { type: p.kind, id: p.id };
}

export function createIdentityService(deps: IdentityDeps) {
  const { db, clock } = deps;

  async function createUser(
    actor: Actor,
    input: { email: string; name: string; role: string; password: string; vendorOrgId?: string | undefined },
  ): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const errors = [];
    if (!EMAIL.test(email)) errors.push({ field: '/email', reason: 'must be an email address' });
    if (!isRole(input.role)) errors.push({ field: '/role', reason: 'must be one of admin, manager, senior, agent, legal, vendor, integration' });
    if (input.password.length < 10) errors.push({ field: '/password', reason: 'must be at least 10 characters' });
    if (input.role === 'vendor' && input.vendorOrgId === undefined) errors.push({ field: '/vendor_org_id', reason: 'is required for the vendor role' });
    if (input.role !== 'vendor' && input.vendorOrgId !== undefined) errors.push({ field: '/vendor_org_id', reason: 'only vendor reviewers belong to a vendor organisation' });
    if (errors.length > 0) throw invalidInput('the user is not valid', errors);
    const passwordHash = await hashPassword(input.password);
    return inTransaction(db, async (tx) => {
      if (input.vendorOrgId !== undefined && (await identityStore.findVendorOrg(tx, input.vendorOrgId)) === undefined) {
        throw invalidInput('unknown vendor organisation', [{ field: '/vendor_org_id', reason: 'no such vendor organisation' }]);
      }
      if ((await identityStore.findUserByEmail(tx, email)) !== undefined) throw conflict(`a user with email ${email} exists`, 'user.email_taken');
      const now = clock.now();
      const user = await identityStore.insertUser(tx, {
        id: newId('usr'),
        email,
        name: input.name.trim(),
        role: input.role,
        vendorOrgId: input.vendorOrgId ?? null,
        passwordHash,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      await recordChange(tx, clock, {
        actor,
        action: 'user.created',
        subject: { type: 'user', id: user.id },
        fields: ['email', 'name', 'role', 'vendor_org_id'],
        data: { role: user.role, vendorOrgId: user.vendorOrgId },
        event: { type: 'user.created', payload: { id: user.id, role: user.role } },
      });
      return user;
    });
  }

  async function createVendorOrg(actor: Actor, name: string): Promise<{ id: string; name: string }> {
    const trimmed = name.trim();
    if (trimmed.length === 0) throw invalidInput('name is required', [{ field: '/name', reason: 'must not be empty' }]);
    return inTransaction(db, async (tx) => {
      const id = newId('org');
      try {
        await identityStore.insertVendorOrg(tx, { id, name: trimmed, createdAt: clock.now() });
      } catch (e) {
        if (String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505') throw conflict(`vendor organisation ${trimmed} exists`);
        throw e;
      }
      await recordChange(tx, clock, { actor, action: 'vendor_org.created', subject: { type: 'vendor_org', id }, fields: ['name'], event: { type: 'vendor_org.created', payload: { id } } });
      return { id, name: trimmed };
    });
  }

  /** Checks a password; the same error for an unknown email and a wrong password. */
  async function login(email: string, password: string): Promise<{ sessionToken: string; csrfToken: string; user: User; expiresAt: Date }> {
    const found = await identityStore.findUserByEmail(db, email.trim().toLowerCase());
    const okPassword = found !== undefined && (await verifyPassword(password, found.passwordHash));
    if (found === undefined || !okPassword || found.status !== 'active') {
      throw new AppError('unauthenticated', 'email or password is wrong', { reason: 'auth.bad_credentials' });
    }
    const sessionToken = newSecret('ses');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
    const { passwordHash: _ignored, ...user } = found;
    await inTransaction(db, async (tx) => {
      const id = newId('ses');
      await identityStore.insertSession(tx, { id, tokenHash: hashSecret(sessionToken), userId: user.id, csrfToken, createdAt: now, expiresAt });
      await recordChange(tx, clock, { actor: { type: 'user', id: user.id }, action: 'session.created', subject: { type: 'session', id } });
    });
    return { sessionToken, csrfToken, user, expiresAt };
  }

  async function logout(p: Principal): Promise<void> {
    if (p.sessionId === undefined) return;
    const sessionId = p.sessionId;
    await inTransaction(db, async (tx) => {
      await identityStore.revokeSession(tx, sessionId, clock.now());
      await recordChange(tx, clock, { actor: principalActor(p), action: 'session.revoked', subject: { type: 'session', id: sessionId } });
    });
  }

  async function principalForSession(sessionToken: string): Promise<Principal | undefined> {
    const s = await identityStore.findLiveSession(db, hashSecret(sessionToken), clock.now());
    if (s === undefined || s.user.status !== 'active') return undefined;
    return {
      kind: 'user',
      id: s.user.id,
      userId: s.user.id,
      role: s.user.role,
      vendorOrgId: s.user.vendorOrgId,
      name: s.user.name,
      csrfToken: s.csrfToken,
      sessionId: s.sessionId,
    };
  }

  /**
   * Token lookups are cached for a few seconds: the marketplace calls the API thousands of times a
   * second and one database round trip per call dominated the latency of small requests. A revocation
   * clears this process's cache at once; other processes notice within TOKEN_CACHE_MS.
   */
  const tokenCache = new Map<string, { principal: Principal | undefined; until: number }>();
  const TOKEN_CACHE_MS = 5_000;

  async function principalForToken(token: string): Promise<Principal | undefined> {
    const hash = hashSecret(token);
    const now = Date.now(); // cache bookkeeping only: not domain time
    const cached = tokenCache.get(hash);
    if (cached !== undefined && cached.until > now) return cached.principal;
    const principal = await lookupToken(hash);
    if (tokenCache.size >= 10_000) tokenCache.clear();
    tokenCache.set(hash, { principal, until: now + TOKEN_CACHE_MS });
    return principal;
  }

  async function lookupToken(hash: string): Promise<Principal | undefined> {
    const t = await identityStore.findLiveToken(db, hash);
    if (t === undefined) return undefined;
    let vendorOrgId: string | undefined;
    if (t.userId !== undefined) {
      const u = await identityStore.findUser(db, t.userId);
      if (u === undefined || u.status !== 'active') return undefined;
      vendorOrgId = u.vendorOrgId;
    }
    return { kind: 'token', id: t.id, role: t.role, vendorOrgId, name: t.name, userId: t.userId };
  }

  async function createApiToken(actor: Actor, input: { name: string; role: string; userId?: string | undefined }): Promise<{ token: string; info: ApiTokenInfo }> {
    if (!isRole(input.role)) throw invalidInput('unknown role', [{ field: '/role', reason: 'must be a role' }]);
    if (input.name.trim().length === 0) throw invalidInput('name is required', [{ field: '/name', reason: 'must not be empty' }]);
    const token = newSecret('asy');
    return inTransaction(db, async (tx) => {
      if (input.userId !== undefined && (await identityStore.findUser(tx, input.userId)) === undefined) throw notFound('user', input.userId);
      const info = await identityStore.insertToken(tx, {
        id: newId('tok'),
        name: input.name.trim(),
        tokenHash: hashSecret(token),
        role: input.role as Role,
        userId: input.userId ?? null,
        createdAt: clock.now(),
      });
      await recordChange(tx, clock, { actor, action: 'api_token.created', subject: { type: 'api_token', id: info.id }, fields: ['name', 'role'], data: { role: info.role } });
      return { token, info };
    });
  }

  async function revokeApiToken(actor: Actor, id: string): Promise<void> {
    await inTransaction(db, async (tx) => {
      if (!(await identityStore.revokeToken(tx, id, clock.now()))) throw notFound('api token', id);
      tokenCache.clear();
      await recordChange(tx, clock, { actor, action: 'api_token.revoked', subject: { type: 'api_token', id }, fields: ['revoked_at'] });
    });
  }

  /** Creates the first admin when there is no user yet; returns the password when it generated one. */
  async function ensureFirstAdmin(email: string, password: string | undefined): Promise<{ created: boolean; email: string; password?: string }> {
    if ((await identityStore.countUsers(db)) > 0) return { created: false, email };
    const pw = password ?? generatePassword();
    await createUser({ type: 'system', id: 'assay' }, { email, name: 'Administrator', role: 'admin', password: pw });
    return { created: true, email, password: pw };
  }

  return {
    createUser,
    createVendorOrg,
    login,
    logout,
    principalForSession,
    principalForToken,
    createApiToken,
    revokeApiToken,
    ensureFirstAdmin,
    listUsers: () => identityStore.listUsers(db),
    getUser: async (id: string) => (await identityStore.findUser(db, id)) ?? Promise.reject(notFound('user', id)),
    listVendorOrgs: () => identityStore.listVendorOrgs(db),
    listApiTokens: () => identityStore.listTokens(db),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
