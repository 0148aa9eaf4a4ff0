import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { ruleSetActivationRequests, ruleSetActivations, ruleSets, ruleSwitches } from './rules.tables';
import type { ActivationRequest, ActivationRequestStatus, RuleSetInfo, RuleSwitch } from './rules.model';

type Row = typeof ruleSets.$inferSelect;

export function toRuleSetInfo(r: Pick<Row, 'version' | 'sha256' | 'active' | 'createdAt' | 'activatedAt'>): RuleSetInfo {
  return { version: r.version, source: 'stored', sha256: r.sha256, active: r.active, createdAt: r.createdAt, activatedAt: r.activatedAt ?? undefined };
}

const infoColumns = { version: ruleSets.version, sha256: ruleSets.sha256, active: ruleSets.active, createdAt: ruleSets.createdAt, activatedAt: ruleSets.activatedAt };

export const rulesStore = {
  async insert(db: Db, row: typeof ruleSets.$inferInsert): Promise<RuleSetInfo> {
    const [r] = await db.insert(ruleSets).values(row).returning(infoColumns);
    return toRuleSetInfo(r!);
  },
  async find(db: Db, version: string): Promise<(RuleSetInfo & { body: unknown }) | undefined> {
    const [r] = await db.select().from(ruleSets).where(eq(ruleSets.version, version));
    return r === undefined ? undefined : { ...toRuleSetInfo(r), body: r.body };
  },
  async findActive(db: Db): Promise<RuleSetInfo | undefined> {
    const [r] = await db.select(infoColumns).from(ruleSets).where(eq(ruleSets.active, true));
    return r === undefined ? undefined : toRuleSetInfo(r);
  },
  async list(db: Db): Promise<RuleSetInfo[]> {
    return (await db.select(infoColumns).from(ruleSets).orderBy(ruleSets.createdAt, ruleSets.version)).map(toRuleSetInfo);
  },
  /** Makes `version` the only active row (undefined: none, the checked-in rule set applies). */
  async setActive(db: Db, version: string | undefined, at: Date): Promise<void> {
    await db.update(ruleSets).set({ active: false }).where(eq(ruleSets.active, true));
    if (version !== undefined) await db.update(ruleSets).set({ active: true, activatedAt: at }).where(eq(ruleSets.version, version));
  },
};

type RequestRow = typeof ruleSetActivationRequests.$inferSelect;

function toRequest(r: RequestRow): ActivationRequest {
  return {
    id: r.id,
    version: r.version,
    status: r.status as ActivationRequestStatus,
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt,
    expiresAt: r.expiresAt,
    decidedBy: r.decidedBy ?? undefined,
    decidedAt: r.decidedAt ?? undefined,
    decisionNote: r.decisionNote ?? undefined,
  };
}

export const switchStore = {
  async list(db: Db): Promise<RuleSwitch[]> {
    return (await db.select().from(ruleSwitches).orderBy(ruleSwitches.ruleId)).map((r) => ({ ruleId: r.ruleId, disabled: r.disabled, reason: r.reason, changedBy: r.changedBy, changedAt: r.changedAt }));
  },
  async disabledIds(db: Db): Promise<string[]> {
    return (await db.select({ ruleId: ruleSwitches.ruleId }).from(ruleSwitches).where(eq(ruleSwitches.disabled, true))).map((r) => r.ruleId);
  },
  async find(db: Db, ruleId: string): Promise<RuleSwitch | undefined> {
    const [r] = await db.select().from(ruleSwitches).where(eq(ruleSwitches.ruleId, ruleId));
    return r === undefined ? undefined : { ruleId: r.ruleId, disabled: r.disabled, reason: r.reason, changedBy: r.changedBy, changedAt: r.changedAt };
  },
  async upsert(db: Db, s: RuleSwitch): Promise<void> {
    await db
      .insert(ruleSwitches)
      .values(s)
      .onConflictDoUpdate({ target: ruleSwitches.ruleId, set: { disabled: s.disabled, reason: s.reason, changedBy: s.changedBy, changedAt: s.changedAt } });
  },
};

export const activationStore = {
  async insertRequest(db: Db, r: typeof ruleSetActivationRequests.$inferInsert): Promise<ActivationRequest> {
    const [row] = await db.insert(ruleSetActivationRequests).values(r).returning();
    return toRequest(row!);
  },
  async findRequest(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ActivationRequest | undefined> {
    const q = db.select().from(ruleSetActivationRequests).where(eq(ruleSetActivationRequests.id, id));
    const [r] = opts.forUpdate === true ? await q.for('update') : await q;
    return r === undefined ? undefined : toRequest(r);
  },
  async listRequests(db: Db, status: ActivationRequestStatus | undefined, limit: number): Promise<ActivationRequest[]> {
    const q = db.select().from(ruleSetActivationRequests);
    const rows = await (status === undefined ? q : q.where(eq(ruleSetActivationRequests.status, status))).orderBy(desc(ruleSetActivationRequests.requestedAt), desc(ruleSetActivationRequests.id)).limit(limit);
    return rows.map(toRequest);
  },
  async decide(db: Db, id: string, status: ActivationRequestStatus, by: string | undefined, at: Date, note: string | undefined): Promise<void> {
    await db.update(ruleSetActivationRequests).set({ status, decidedBy: by ?? null, decidedAt: at, decisionNote: note ?? null }).where(eq(ruleSetActivationRequests.id, id));
  },
  /** Pending requests past their expiry become `expired`; returns their ids. */
  async expire(db: Db, now: Date): Promise<string[]> {
    const rows = await db
      .update(ruleSetActivationRequests)
      .set({ status: 'expired', decidedAt: now })
      .where(and(eq(ruleSetActivationRequests.status, 'pending'), lt(ruleSetActivationRequests.expiresAt, now)))
      .returning({ id: ruleSetActivationRequests.id });
    return rows.map((r) => r.id);
  },
  async recordActivation(db: Db, a: typeof ruleSetActivations.$inferInsert): Promise<void> {
    await db.insert(ruleSetActivations).values(a);
  },
  async history(db: Db, limit: number): Promise<(typeof ruleSetActivations.$inferSelect)[]> {
    return db.select().from(ruleSetActivations).orderBy(desc(ruleSetActivations.seq)).limit(limit);
  },
};
