import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { RestrictionKind, Severity } from './ladder';
import type { StatementOfReasons } from './notice.render';
import type { NoticeKind } from './notice.texts';
import { appeals, notices, restrictions, violations } from './enforcement.tables';
import type { Appeal, AppealResult, Notice, Restriction, Violation, ViolationStatus } from './enforcement.model';

type ViolationRow = typeof violations.$inferSelect;
type RestrictionRow = typeof restrictions.$inferSelect;
type AppealRow = typeof appeals.$inferSelect;
type NoticeRow = typeof notices.$inferSelect;

function toViolation(r: ViolationRow): Violation {
  return {
    id: r.id,
    sellerId: r.sellerId,
    clause: { clauseId: r.clauseId, version: r.policyVersion, title: r.clauseTitle, text: r.clauseText },
    severity: r.severity as Severity,
    caseId: r.caseId,
    conversationId: r.conversationId ?? undefined,
    messageIds: r.messageIds,
    excerpts: r.excerpts,
    excerptsSha256: r.excerptsSha256,
    decidedBy: r.decidedBy,
    automatedDetection: r.automatedDetection,
    automatedDecision: r.automatedDecision,
    step: r.step,
    stepName: r.stepName,
    decidedAt: r.decidedAt,
    strikeExpiresAt: r.strikeExpiresAt,
    status: r.status as ViolationStatus,
    overturnedAt: r.overturnedAt ?? undefined,
    overturnedBy: r.overturnedBy ?? undefined,
  };
}

function toRestriction(r: RestrictionRow): Restriction {
  return {
    id: r.id,
    sellerId: r.sellerId,
    violationId: r.violationId,
    kind: r.kind as RestrictionKind,
    appliedAt: r.appliedAt,
    effectiveAt: r.effectiveAt,
    endsAt: r.endsAt ?? undefined,
    liftedAt: r.liftedAt ?? undefined,
    liftedBy: r.liftedBy ?? undefined,
  };
}

function toAppeal(r: AppealRow): Appeal {
  return {
    caseId: r.caseId,
    violationId: r.violationId,
    sellerId: r.sellerId,
    reason: r.reason,
    filedBy: { type: r.filedByType, id: r.filedById },
    filedAt: r.filedAt,
    outcome: (r.outcome ?? undefined) as AppealResult | undefined,
    decidedBy: r.decidedBy ?? undefined,
    decidedAt: r.decidedAt ?? undefined,
    note: r.note ?? undefined,
  };
}

function toNotice(r: NoticeRow): Notice {
  return {
    id: r.id,
    sellerId: r.sellerId,
    violationId: r.violationId,
    appealCaseId: r.appealCaseId ?? undefined,
    kind: r.kind as NoticeKind,
    step: r.step ?? undefined,
    lang: r.lang,
    toEmail: r.toEmail ?? undefined,
    subject: r.subject,
    text: r.text,
    html: r.html,
    sor: (r.sor ?? undefined) as StatementOfReasons | undefined,
    emailId: r.emailId ?? undefined,
    createdAt: r.createdAt,
  };
}

export const enforcementStore = {
  /** Serialises enforcement for one seller, so two decisions never reach the same step concurrently. */
  async lockSeller(tx: Db, sellerId: string): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7302, hashtext(${sellerId}))`);
  },
  async insertViolation(db: Db, row: typeof violations.$inferInsert): Promise<Violation> {
    const [r] = await db.insert(violations).values(row).returning();
    return toViolation(r!);
  },
  async findViolation(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<Violation | undefined> {
    const q = db.select().from(violations).where(eq(violations.id, id));
    const [r] = opts.forUpdate === true ? await q.for('update') : await q;
    return r === undefined ? undefined : toViolation(r);
  },
  async listViolations(db: Db, sellerId: string): Promise<Violation[]> {
    return (await db.select().from(violations).where(eq(violations.sellerId, sellerId)).orderBy(asc(violations.decidedAt), asc(violations.id))).map(toViolation);
  },
  async listViolationsByIds(db: Db, ids: readonly string[]): Promise<Violation[]> {
    if (ids.length === 0) return [];
    return (await db.select().from(violations).where(inArray(violations.id, [...ids]))).map(toViolation);
  },
  async overturnViolation(db: Db, id: string, at: Date, by: string): Promise<Violation> {
    const [r] = await db.update(violations).set({ status: 'overturned', overturnedAt: at, overturnedBy: by }).where(eq(violations.id, id)).returning();
    return toViolation(r!);
  },
  async insertRestriction(db: Db, row: typeof restrictions.$inferInsert): Promise<Restriction> {
    const [r] = await db.insert(restrictions).values(row).returning();
    return toRestriction(r!);
  },
  async listRestrictions(db: Db, sellerId: string): Promise<Restriction[]> {
    return (await db.select().from(restrictions).where(eq(restrictions.sellerId, sellerId)).orderBy(asc(restrictions.appliedAt), asc(restrictions.id))).map(toRestriction);
  },
  async liftRestrictionsOf(db: Db, violationId: string, at: Date, by: string): Promise<Restriction[]> {
    const rows = await db
      .update(restrictions)
      .set({ liftedAt: at, liftedBy: by })
      .where(and(eq(restrictions.violationId, violationId), isNull(restrictions.liftedAt), sql`(${restrictions.endsAt} IS NULL OR ${restrictions.endsAt} > ${at.toISOString()})`))
      .returning();
    return rows.map(toRestriction);
  },
  async insertAppeal(db: Db, row: typeof appeals.$inferInsert): Promise<Appeal> {
    const [r] = await db.insert(appeals).values(row).returning();
    return toAppeal(r!);
  },
  async findAppeal(db: Db, caseId: string, opts: { forUpdate?: boolean } = {}): Promise<Appeal | undefined> {
    const q = db.select().from(appeals).where(eq(appeals.caseId, caseId));
    const [r] = opts.forUpdate === true ? await q.for('update') : await q;
    return r === undefined ? undefined : toAppeal(r);
  },
  async listAppealsByCaseIds(db: Db, caseIds: readonly string[]): Promise<Appeal[]> {
    if (caseIds.length === 0) return [];
    return (await db.select().from(appeals).where(inArray(appeals.caseId, [...caseIds]))).map(toAppeal);
  },
  async findOpenAppeal(db: Db, violationId: string): Promise<Appeal | undefined> {
    const [r] = await db.select().from(appeals).where(and(eq(appeals.violationId, violationId), isNull(appeals.outcome)));
    return r === undefined ? undefined : toAppeal(r);
  },
  async listAppeals(db: Db, where: { sellerId?: string; violationId?: string }): Promise<Appeal[]> {
    const cond = where.violationId !== undefined ? eq(appeals.violationId, where.violationId) : eq(appeals.sellerId, where.sellerId ?? '');
    return (await db.select().from(appeals).where(cond).orderBy(asc(appeals.filedAt))).map(toAppeal);
  },
  async decideAppeal(db: Db, caseId: string, patch: { outcome: AppealResult; decidedBy: string; decidedAt: Date; note: string | null }): Promise<Appeal> {
    const [r] = await db.update(appeals).set(patch).where(eq(appeals.caseId, caseId)).returning();
    return toAppeal(r!);
  },
  async insertNotice(db: Db, row: typeof notices.$inferInsert): Promise<Notice> {
    const [r] = await db.insert(notices).values(row).returning();
    return toNotice(r!);
  },
  /** The language of each violation's decision notice (its first ladder-step notice). */
  async decisionLanguages(db: Db, violationIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (violationIds.length === 0) return out;
    const rows = await db
      .select({ violationId: notices.violationId, lang: notices.lang })
      .from(notices)
      .where(and(inArray(notices.violationId, [...violationIds]), isNotNull(notices.step)))
      .orderBy(asc(notices.createdAt), asc(notices.id));
    for (const r of rows) if (!out.has(r.violationId)) out.set(r.violationId, r.lang);
    return out;
  },
  async findNotice(db: Db, id: string): Promise<Notice | undefined> {
    const [r] = await db.select().from(notices).where(eq(notices.id, id));
    return r === undefined ? undefined : toNotice(r);
  },
  async listNotices(db: Db, where: { sellerId?: string; violationId?: string }): Promise<Notice[]> {
    const cond = where.violationId !== undefined ? eq(notices.violationId, where.violationId) : eq(notices.sellerId, where.sellerId ?? '');
    return (await db.select().from(notices).where(cond).orderBy(desc(notices.createdAt), desc(notices.id))).map(toNotice);
  },
};
