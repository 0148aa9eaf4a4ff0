import { and, asc, count, desc, eq, inArray, isNull, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { caseEvidence, caseNotes, caseTimeline, cases, queueGrants } from './cases.tables';
import {
  priorityOfRank,
  priorityRank,
  type Case,
  type CaseFilters,
  type CaseNote,
  type CaseSort,
  type Evidence,
  type EvidenceInfo,
  type TimelineEntry,
  type TimelineKind,
} from './case.model';

type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;
type TimelineRow = typeof caseTimeline.$inferSelect;
type NoteRow = typeof caseNotes.$inferSelect;

export function toCase(r: CaseRow): Case {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    priority: priorityOfRank(r.priority),
    queue: r.queue,
    assigneeId: r.assigneeId ?? undefined,
    subjects: {
      sellerId: r.sellerId ?? undefined,
      buyerId: r.buyerId ?? undefined,
      listingId: r.listingId ?? undefined,
      orderId: r.orderId ?? undefined,
      conversationId: r.conversationId ?? undefined,
      messageId: r.messageId ?? undefined,
    },
    title: r.title,
    jurisdiction: r.jurisdiction,
    slaDueAt: r.slaDueAt,
    firstResponseDueAt: r.firstResponseDueAt,
    firstResponseAt: r.firstResponseAt ?? undefined,
    openedAt: r.openedAt,
    closedAt: r.closedAt ?? undefined,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

function toTimelineEntry(r: TimelineRow): TimelineEntry {
  return {
    id: r.id,
    caseId: r.caseId,
    at: r.at,
    actor: { type: r.actorType, id: r.actorId },
    kind: r.kind as TimelineKind,
    data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
  };
}

function toNote(r: NoteRow): CaseNote {
  return { id: r.id, caseId: r.caseId, author: { type: r.authorType, id: r.authorId }, body: r.body, at: r.at };
}

const evidenceInfoColumns = {
  id: caseEvidence.id,
  caseId: caseEvidence.caseId,
  filename: caseEvidence.filename,
  contentType: caseEvidence.contentType,
  sizeBytes: caseEvidence.sizeBytes,
  sha256: caseEvidence.sha256,
  addedByType: caseEvidence.addedByType,
  addedById: caseEvidence.addedById,
  at: caseEvidence.at,
};

function toEvidenceInfo(r: { [K in keyof typeof evidenceInfoColumns]: (typeof caseEvidence.$inferSelect)[K] }): EvidenceInfo {
  return {
    id: r.id,
    caseId: r.caseId,
    filename: r.filename,
    contentType: r.contentType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    addedBy: { type: r.addedByType, id: r.addedById },
    at: r.at,
  };
}

/** Who may see which cases, resolved from the caller. */
export type CaseScope = { readonly kind: 'all' } | { readonly kind: 'vendor'; readonly vendorOrgId: string } | { readonly kind: 'none' };

/** A position in a sorted listing: the sort value of the last row seen and its id. */
export interface CaseCursor {
  readonly sort: CaseSort;
  readonly value: string | number;
  readonly id: string;
}

function scopeCondition(scope: CaseScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'none') return sql`false`;
  return inArray(cases.queue, sql`(SELECT ${queueGrants.queue} FROM ${queueGrants} WHERE ${queueGrants.vendorOrgId} = ${scope.vendorOrgId})`);
}

function sortColumn(by: CaseSort['by']) {
  return by === 'opened_at' ? cases.openedAt : by === 'sla_due_at' ? cases.slaDueAt : cases.priority;
}

/** The sort value of a case, as it goes into a cursor. */
export function sortValueOf(c: Case, by: CaseSort['by']): string | number {
  return by === 'opened_at' ? c.openedAt.toISOString() : by === 'sla_due_at' ? c.slaDueAt.toISOString() : priorityRank(c.priority);
}

export const caseStore = {
  async insertCase(db: Db, row: CaseInsert): Promise<Case> {
    const [r] = await db.insert(cases).values(row).returning();
    return toCase(r!);
  },

  async findByIdempotencyKey(db: Db, key: string): Promise<Case | undefined> {
    const [r] = await db.select().from(cases).where(eq(cases.idempotencyKey, key));
    return r === undefined ? undefined : toCase(r);
  },

  /** The case, locked for the rest of the transaction when `forUpdate`. */
  async findCase(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<Case | undefined> {
    const q = db.select().from(cases).where(eq(cases.id, id));
    const [r] = opts.forUpdate === true ? await q.for('update') : await q;
    return r === undefined ? undefined : toCase(r);
  },

  /** Applies a change and bumps the version; returns the new case. */
  async updateCase(db: Db, id: string, patch: Partial<CaseInsert>): Promise<Case> {
    const [r] = await db
      .update(cases)
      .set({ ...patch, version: sql`${cases.version} + 1` })
      .where(eq(cases.id, id))
      .returning();
    return toCase(r!);
  },

  async insertTimeline(db: Db, row: typeof caseTimeline.$inferInsert): Promise<TimelineEntry> {
    const [inserted] = await db.insert(caseTimeline).values(row).returning();
    return toTimelineEntry(inserted!);
  },

  async listTimeline(db: Db, caseId: string): Promise<TimelineEntry[]> {
    return (await db.select().from(caseTimeline).where(eq(caseTimeline.caseId, caseId)).orderBy(asc(caseTimeline.at), asc(caseTimeline.id))).map(toTimelineEntry);
  },

  async insertNote(db: Db, row: typeof caseNotes.$inferInsert): Promise<CaseNote> {
    const [r] = await db.insert(caseNotes).values(row).returning();
    return toNote(r!);
  },

  async listNotes(db: Db, caseId: string): Promise<CaseNote[]> {
    return (await db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)).orderBy(asc(caseNotes.at), asc(caseNotes.id))).map(toNote);
  },

  async countNotes(db: Db, caseId: string): Promise<number> {
    const [r] = await db.select({ n: count() }).from(caseNotes).where(eq(caseNotes.caseId, caseId));
    return Number(r?.n ?? 0);
  },

  async insertEvidence(db: Db, row: typeof caseEvidence.$inferInsert): Promise<EvidenceInfo> {
    const [r] = await db.insert(caseEvidence).values(row).returning(evidenceInfoColumns);
    return toEvidenceInfo(r!);
  },

  async listEvidence(db: Db, caseId: string): Promise<EvidenceInfo[]> {
    return (await db.select(evidenceInfoColumns).from(caseEvidence).where(eq(caseEvidence.caseId, caseId)).orderBy(asc(caseEvidence.at), asc(caseEvidence.id))).map(
      toEvidenceInfo,
    );
  },

  async countEvidence(db: Db, caseId: string): Promise<number> {
    const [r] = await db.select({ n: count() }).from(caseEvidence).where(eq(caseEvidence.caseId, caseId));
    return Number(r?.n ?? 0);
  },

  async findEvidence(db: Db, caseId: string, evidenceId: string): Promise<Evidence | undefined> {
    const [r] = await db
      .select()
      .from(caseEvidence)
      .where(and(eq(caseEvidence.caseId, caseId), eq(caseEvidence.id, evidenceId)));
    return r === undefined ? undefined : { ...toEvidenceInfo(r), bytes: r.bytes };
  },

  /**
   * One page of cases in scope, keyset-paginated on (sort value, id) so every row appears exactly
   * once across pages even while the same sort value repeats.
   */
  async listCases(
    db: Db,
    q: { scope: CaseScope; filters: CaseFilters; now: Date; sort: CaseSort; after: CaseCursor | undefined; limit: number },
  ): Promise<Case[]> {
    const f = q.filters;
    const conds: (SQL | undefined)[] = [scopeCondition(q.scope)];
    if (f.type !== undefined) conds.push(eq(cases.type, f.type));
    if (f.status !== undefined && f.status.length > 0) conds.push(inArray(cases.status, [...f.status]));
    if (f.queue !== undefined) conds.push(eq(cases.queue, f.queue));
    if (f.priority !== undefined) conds.push(eq(cases.priority, priorityRank(f.priority)));
    if (f.assignee === 'none') conds.push(isNull(cases.assigneeId));
    else if (f.assignee !== undefined) conds.push(eq(cases.assigneeId, f.assignee));
    if (f.sellerId !== undefined) conds.push(eq(cases.sellerId, f.sellerId));
    if (f.buyerId !== undefined) conds.push(eq(cases.buyerId, f.buyerId));
    if (f.listingId !== undefined) conds.push(eq(cases.listingId, f.listingId));
    if (f.orderId !== undefined) conds.push(eq(cases.orderId, f.orderId));
    if (f.conversationId !== undefined) conds.push(eq(cases.conversationId, f.conversationId));
    if (f.messageId !== undefined) conds.push(eq(cases.messageId, f.messageId));
    if (f.openOnly === true || f.overdueOnly === true) conds.push(isNull(cases.closedAt));
    if (f.overdueOnly === true) conds.push(lt(cases.slaDueAt, q.now));
    const col = sortColumn(q.sort.by);
    if (q.after !== undefined) {
      const value = q.sort.by === 'priority' ? sql`${Number(q.after.value)}::int` : sql`${String(q.after.value)}::timestamptz`;
      conds.push(q.sort.dir === 'asc' ? sql`(${col}, ${cases.id}) > (${value}, ${q.after.id})` : sql`(${col}, ${cases.id}) < (${value}, ${q.after.id})`);
    }
    const order = q.sort.dir === 'asc' ? [asc(col), asc(cases.id)] : [desc(col), desc(cases.id)];
    const rows = await db
      .select()
      .from(cases)
      .where(and(...conds))
      .orderBy(...order)
      .limit(q.limit);
    return rows.map(toCase);
  },

  async isQueueGranted(db: Db, queue: string, vendorOrgId: string): Promise<boolean> {
    const [r] = await db
      .select({ queue: queueGrants.queue })
      .from(queueGrants)
      .where(and(eq(queueGrants.queue, queue), eq(queueGrants.vendorOrgId, vendorOrgId)));
    return r !== undefined;
  },

  /** Returns false when the grant already existed. */
  async insertGrant(db: Db, row: typeof queueGrants.$inferInsert): Promise<boolean> {
    const r = await db.insert(queueGrants).values(row).onConflictDoNothing().returning({ queue: queueGrants.queue });
    return r.length > 0;
  },

  async deleteGrant(db: Db, queue: string, vendorOrgId: string): Promise<boolean> {
    const r = await db
      .delete(queueGrants)
      .where(and(eq(queueGrants.queue, queue), eq(queueGrants.vendorOrgId, vendorOrgId)))
      .returning({ queue: queueGrants.queue });
    return r.length > 0;
  },

  async listGrants(db: Db, vendorOrgId?: string): Promise<{ queue: string; vendorOrgId: string }[]> {
    const q = db.select({ queue: queueGrants.queue, vendorOrgId: queueGrants.vendorOrgId }).from(queueGrants);
    const rows = vendorOrgId === undefined ? await q : await q.where(eq(queueGrants.vendorOrgId, vendorOrgId));
    return rows;
  },

  /** Open, overdue and unassigned counts and the oldest open case, per queue in scope. */
  async queueCounts(db: Db, scope: CaseScope, now: Date): Promise<{ queue: string; open: number; overdue: number; unassigned: number; oldestOpenAt: Date | undefined }[]> {
    const rows = await db
      .select({
        queue: cases.queue,
        open: count(),
        overdue: sql<number>`count(*) FILTER (WHERE ${cases.slaDueAt} < ${now.toISOString()}::timestamptz)`,
        unassigned: sql<number>`count(*) FILTER (WHERE ${cases.assigneeId} IS NULL)`,
        oldestOpenAt: sql<string | Date | null>`min(${cases.openedAt})`,
      })
      .from(cases)
      .where(and(isNull(cases.closedAt), scopeCondition(scope)))
      .groupBy(cases.queue);
    return rows.map((r) => ({
      queue: r.queue,
      open: Number(r.open),
      overdue: Number(r.overdue),
      unassigned: Number(r.unassigned),
      oldestOpenAt: r.oldestOpenAt === null ? undefined : new Date(r.oldestOpenAt),
    }));
  },

  /** Queues that have ever held a case (closed ones included), in scope. */
  async knownQueues(db: Db, scope: CaseScope): Promise<string[]> {
    const rows = await db
      .selectDistinct({ queue: cases.queue })
      .from(cases)
      .where(and(isNotNull(cases.queue), scopeCondition(scope)));
    return rows.map((r) => r.queue);
  },
};
