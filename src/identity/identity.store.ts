import { and, eq, isNull, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { apiTokens, sessions, users, vendorOrgs } from './identity.tables';
import { isRole, type ApiTokenInfo, type Role, type User } from './identity.model';

type UserRow = typeof users.$inferSelect;
type TokenRow = typeof apiTokens.$inferSelect;

export function toUser(r: UserRow): User {
  if (!isRole(r.role)) throw new Error(`user ${r.id} has unknown role ${r.role}`);
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    vendorOrgId: r.vendorOrgId ?? undefined,
    status: r.status === 'disabled' ? 'disabled' : 'active',
    createdAt: r.createdAt,
  };
}

export function toTokenInfo(r: TokenRow): ApiTokenInfo {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    userId: r.userId ?? undefined,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt ?? undefined,
  };
}

export const identityStore = {
  async insertUser(db: Db, row: typeof users.$inferInsert): Promise<User> {
    const [r] = await db.insert(users).values(row).returning();
    return toUser(r!);
  },
  async findUserByEmail(db: Db, email: string): Promise<(User & { passwordHash: string }) | undefined> {
    const [r] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
    return r === undefined ? undefined : { ...toUser(r), passwordHash: r.passwordHash };
  },
  async findUser(db: Db, id: string): Promise<User | undefined> {
    const [r] = await db.select().from(users).where(eq(users.id, id));
    return r === undefined ? undefined : toUser(r);
  },
  async listUsers(db: Db): Promise<User[]> {
    return (await db.select().from(users).orderBy(users.createdAt)).map(toUser);
  },
  async countUsers(db: Db): Promise<number> {
    return (await db.select({ id: users.id }).from(users).limit(1)).length;
  },
  async insertVendorOrg(db: Db, row: typeof vendorOrgs.$inferInsert): Promise<void> {
    await db.insert(vendorOrgs).values(row);
  },
  async findVendorOrg(db: Db, id: string): Promise<{ id: string; name: string } | undefined> {
    const [r] = await db.select().from(vendorOrgs).where(eq(vendorOrgs.id, id));
    return r;
  },
  async listVendorOrgs(db: Db): Promise<{ id: string; name: string }[]> {
    return db.select({ id: vendorOrgs.id, name: vendorOrgs.name }).from(vendorOrgs).orderBy(vendorOrgs.name);
  },
  async insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(row);
  },
  async findLiveSession(db: Db, tokenHash: string, now: Date) {
    const [r] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
    return r === undefined ? undefined : { sessionId: r.session.id, csrfToken: r.session.csrfToken, user: toUser(r.user) };
  },
  async revokeSession(db: Db, id: string, now: Date): Promise<void> {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
  },
  async insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<ApiTokenInfo> {
    const [r] = await db.insert(apiTokens).values(row).returning();
    return toTokenInfo(r!);
  },
  async findLiveToken(db: Db, tokenHash: string): Promise<ApiTokenInfo | undefined> {
    const [r] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
    return r === undefined ? undefined : toTokenInfo(r);
  },
  async listTokens(db: Db): Promise<ApiTokenInfo[]> {
    return (await db.select().from(apiTokens).orderBy(apiTokens.createdAt)).map(toTokenInfo);
  },
  async revokeToken(db: Db, id: string, now: Date): Promise<boolean> {
    const r = await db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
    return r.length > 0;
  },
};
