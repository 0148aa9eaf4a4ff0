import { query, queryOne, sql, type Db } from '../db';
import { priorityOfRank } from '../cases';
import type { QueueLine, ReviewCaseInfo, ReviewDecision, ReviewDecisionKind, VendorAgreement } from './review.model';

/*
 * SQL of the review module. The claim and queue queries read the case engine's `cases` and
 * `queue_grants` tables by name: a claim must pick, filter by queue grant and lock in one statement,
 * which no service call can do. They only read those tables; every change goes through `cases`.
 */

type Row = Record<string, unknown>;
const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const optDate = (v: unknown): Date | undefined => (v === null || v === undefined ? undefined : toDate(v));
const optStr = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const iso = (d: Date) => d.toISOString();

function toReviewCase(r: Row): ReviewCaseInfo {
  return {
    caseId: String(r['case_id']),
    conversationId: String(r['conversation_id']),
    sellerId: String(r['seller_id']),
    buyerId: String(r['buyer_id']),
    open: r['open'] === true,
    lang: String(r['lang']),
    maxScore: Number(r['max_score']),
    kinds: json<string[]>(r['kinds']),
    rules: json<string[]>(r['rules']),
    messageIds: json<string[]>(r['message_ids']),
    firstFlaggedAt: toDate(r['first_flagged_at']),
    lastFlaggedAt: toDate(r['last_flagged_at']),
  };
}

function toDecision(r: Row): ReviewDecision {
  return {
    id: String(r['id']),
    caseId: String(r['case_id']),
    conversationId: String(r['conversation_id']),
    sellerId: String(r['seller_id']),
    buyerId: String(r['buyer_id']),
    reviewerId: String(r['reviewer_id']),
    reviewerRole: String(r['reviewer_role']),
    vendorOrgId: optStr(r['vendor_org_id']),
    decision: String(r['decision']) as ReviewDecisionKind,
    clauseId: optStr(r['clause_id']),
    reason: optStr(r['reason']),
    note: optStr(r['note']),
    rules: json<string[]>(r['rules']),
    ruleSetVersion: optStr(r['rule_set_version']),
    automated: r['automated'] === true,
    recommendation: r['recommendation'] === true,
    confirmedBy: optStr(r['confirmed_by']),
    reversedBy: optStr(r['reversed_by']),
    resolvedAt: optDate(r['resolved_at']),
    at: toDate(r['at']),
  };
}

export interface LeaseRow {
  readonly caseId: string;
  readonly fence: number;
  readonly token: string;
  readonly reviewerId: string | undefined;
  readonly vendorOrgId: string | undefined;
  readonly expiresAt: Date;
  readonly releasedAt: Date | undefined;
}

function toLease(r: Row): LeaseRow {
  return {
    caseId: String(r['case_id']),
    fence: Number(r['fence']),
    token: String(r['token']),
    reviewerId: r['reviewer_id'] === '' ? undefined : optStr(r['reviewer_id']),
    vendorOrgId: optStr(r['vendor_org_id']),
    expiresAt: toDate(r['expires_at']),
    releasedAt: optDate(r['released_at']),
  };
}

/** Which cases a claimer may take. */
export interface ClaimFilter {
  readonly queue?: string | undefined;
  readonly lang?: string | undefined;
  /** Restrict to queues granted to this vendor organisation. */
  readonly vendorOrgId?: string | undefined;
  /** Statuses the claimer may work: seniors also take escalated cases. */
  readonly statuses: readonly string[];
}

function claimConditions(f: ClaimFilter, now: Date) {
  return sql`rc.open
    AND c.closed_at IS NULL
    AND c.status IN (${sql.join(
      f.statuses.map((s) => sql`${s}`),
      sql`, `,
    )})
    AND (l.released_at IS NOT NULL OR l.expires_at <= ${iso(now)}::timestamptz)
    ${f.queue === undefined ? sql`` : sql`AND c.queue = ${f.queue}`}
    ${f.lang === undefined ? sql`` : sql`AND rc.lang = ${f.lang}`}
    ${f.vendorOrgId === undefined ? sql`` : sql`AND c.queue IN (SELECT g.queue FROM queue_grants g WHERE g.vendor_org_id = ${f.vendorOrgId})`}`;
}

export const reviewStore = {
  /** The subjects of some cases (any type), for the vendor masking safety net. */
  async caseSubjects(db: Db, caseIds: readonly string[]): Promise<{ sellerIds: string[]; buyerIds: string[]; conversationIds: string[] }> {
    const out = { sellerIds: [] as string[], buyerIds: [] as string[], conversationIds: [] as string[] };
    if (caseIds.length === 0) return out;
    const rows = await query(db, sql`SELECT seller_id, buyer_id, conversation_id FROM cases WHERE id IN (${sql.join(caseIds.map((id) => sql`${id}`), sql`, `)})`);
    for (const r of rows) {
      if (r['seller_id'] !== null) out.sellerIds.push(String(r['seller_id']));
      if (r['buyer_id'] !== null) out.buyerIds.push(String(r['buyer_id']));
      if (r['conversation_id'] !== null) out.conversationIds.push(String(r['conversation_id']));
    }
    return out;
  },

  async findOpenByConversation(tx: Db, conversationId: string, forUpdate: boolean): Promise<ReviewCaseInfo | undefined> {
    const r = await queryOne(tx, sql`SELECT * FROM review_cases WHERE conversation_id = ${conversationId} AND open ${forUpdate ? sql`FOR UPDATE` : sql``}`);
    return r === undefined ? undefined : toReviewCase(r);
  },

  async findByCase(tx: Db, caseId: string, forUpdate = false): Promise<ReviewCaseInfo | undefined> {
    const r = await queryOne(tx, sql`SELECT * FROM review_cases WHERE case_id = ${caseId} ${forUpdate ? sql`FOR UPDATE` : sql``}`);
    return r === undefined ? undefined : toReviewCase(r);
  },

  async insertCase(tx: Db, c: ReviewCaseInfo): Promise<void> {
    await query(
      tx,
      sql`INSERT INTO review_cases (case_id, conversation_id, seller_id, buyer_id, open, lang, max_score, kinds, rules, message_ids, first_flagged_at, last_flagged_at)
        VALUES (${c.caseId}, ${c.conversationId}, ${c.sellerId}, ${c.buyerId}, ${c.open}, ${c.lang}, ${c.maxScore}, ${JSON.stringify(c.kinds)}::jsonb, ${JSON.stringify(c.rules)}::jsonb,
          ${JSON.stringify(c.messageIds)}::jsonb, ${iso(c.firstFlaggedAt)}::timestamptz, ${iso(c.lastFlaggedAt)}::timestamptz)`,
    );
    // every review case has a lease row from the start: claims lock and update that row (see claimNext)
    await query(
      tx,
      sql`INSERT INTO review_leases (case_id, fence, token, reviewer_id, reviewer_kind, claimed_at, expires_at, released_at)
        VALUES (${c.caseId}, 0, '', '', '', ${iso(c.firstFlaggedAt)}::timestamptz, ${iso(c.firstFlaggedAt)}::timestamptz, ${iso(c.firstFlaggedAt)}::timestamptz)`,
    );
  },

  async extendCase(tx: Db, caseId: string, patch: { maxScore: number; kinds: readonly string[]; rules: readonly string[]; messageIds: readonly string[]; at: Date }): Promise<void> {
    await query(
      tx,
      sql`UPDATE review_cases SET max_score = ${patch.maxScore}, kinds = ${JSON.stringify(patch.kinds)}::jsonb, rules = ${JSON.stringify(patch.rules)}::jsonb,
        message_ids = ${JSON.stringify(patch.messageIds)}::jsonb, last_flagged_at = ${iso(patch.at)}::timestamptz WHERE case_id = ${caseId}`,
    );
  },

  async setOpen(tx: Db, caseId: string, open: boolean): Promise<void> {
    await query(tx, sql`UPDATE review_cases SET open = ${open} WHERE case_id = ${caseId}`);
  },

  async countOpenForSeller(tx: Db, sellerId: string): Promise<number> {
    const r = await queryOne(tx, sql`SELECT count(*) AS n FROM review_cases WHERE seller_id = ${sellerId} AND open`);
    return Number(r?.['n'] ?? 0);
  },

  async insertAutoCleared(tx: Db, rows: readonly { messageId: string; conversationId: string; score: number; rules: readonly string[]; at: Date }[]): Promise<void> {
    for (const r of rows) {
      await query(
        tx,
        sql`INSERT INTO review_auto_cleared (message_id, conversation_id, score, rules, at) VALUES (${r.messageId}, ${r.conversationId}, ${r.score}, ${JSON.stringify(r.rules)}::jsonb, ${iso(r.at)}::timestamptz)
          ON CONFLICT (message_id) DO NOTHING`,
      );
    }
  },

  async countAutoCleared(db: Db): Promise<number> {
    const r = await queryOne(db, sql`SELECT count(*) AS n FROM review_auto_cleared`);
    return Number(r?.['n'] ?? 0);
  },

  /**
   * Locks the lease row of the next claimable case (highest priority, then oldest) and skips rows
   * another claimer holds. The lease row is the one locked and updated, so a concurrent claimer that
   * read it before our commit re-checks its expiry against our update and moves on.
   */
  async lockNextClaimable(tx: Db, f: ClaimFilter, now: Date, except: readonly string[] = []): Promise<string | undefined> {
    const r = await queryOne(
      tx,
      sql`SELECT l.case_id FROM review_leases l
        JOIN review_cases rc ON rc.case_id = l.case_id
        JOIN cases c ON c.id = l.case_id
        WHERE ${claimConditions(f, now)}
          ${except.length === 0 ? sql`` : sql`AND l.case_id NOT IN (${sql.join(except.map((id) => sql`${id}`), sql`, `)})`}
        ORDER BY c.priority, c.opened_at, c.id
        LIMIT 1
        FOR UPDATE OF l SKIP LOCKED`,
    );
    return r === undefined ? undefined : String(r['case_id']);
  },

  /**
   * Whether a case whose lease row we just locked is still claimable, read by a new statement: on
   * PostgreSQL (read committed) the locking query re-checks only the lease row it locked against
   * commits that happened meanwhile; the case and review rows it joined are from its own snapshot,
   * so a decision committed while it ran would go unseen there.
   */
  async stillClaimable(tx: Db, caseId: string, f: ClaimFilter, now: Date): Promise<boolean> {
    const r = await queryOne(
      tx,
      sql`SELECT 1 AS ok FROM review_leases l
        JOIN review_cases rc ON rc.case_id = l.case_id
        JOIN cases c ON c.id = l.case_id
        WHERE l.case_id = ${caseId} AND ${claimConditions(f, now)}`,
    );
    return r !== undefined;
  },

  /** The next claimable case without locking anything (for "straight to the next case"). */
  async peekNextClaimable(db: Db, f: ClaimFilter, now: Date): Promise<string | undefined> {
    const r = await queryOne(
      db,
      sql`SELECT l.case_id FROM review_leases l JOIN review_cases rc ON rc.case_id = l.case_id JOIN cases c ON c.id = l.case_id
        WHERE ${claimConditions(f, now)} ORDER BY c.priority, c.opened_at, c.id LIMIT 1`,
    );
    return r === undefined ? undefined : String(r['case_id']);
  },

  async findLease(tx: Db, caseId: string, forUpdate: boolean): Promise<LeaseRow | undefined> {
    const r = await queryOne(tx, sql`SELECT * FROM review_leases WHERE case_id = ${caseId} ${forUpdate ? sql`FOR UPDATE` : sql``}`);
    return r === undefined ? undefined : toLease(r);
  },

  async takeLease(
    tx: Db,
    l: { caseId: string; fence: number; token: string; reviewerId: string; reviewerKind: string; vendorOrgId: string | undefined; now: Date; expiresAt: Date },
  ): Promise<void> {
    await query(
      tx,
      sql`UPDATE review_leases SET fence = ${l.fence}, token = ${l.token}, reviewer_id = ${l.reviewerId}, reviewer_kind = ${l.reviewerKind}, vendor_org_id = ${l.vendorOrgId ?? null},
          claimed_at = ${iso(l.now)}::timestamptz, expires_at = ${iso(l.expiresAt)}::timestamptz, released_at = NULL
        WHERE case_id = ${l.caseId}`,
    );
  },

  async renewLease(tx: Db, caseId: string, expiresAt: Date): Promise<void> {
    await query(tx, sql`UPDATE review_leases SET expires_at = ${iso(expiresAt)}::timestamptz WHERE case_id = ${caseId}`);
  },

  async releaseLease(tx: Db, caseId: string, at: Date): Promise<void> {
    await query(tx, sql`UPDATE review_leases SET released_at = ${iso(at)}::timestamptz WHERE case_id = ${caseId}`);
  },

  async queueLines(db: Db, vendorOrgId: string | undefined, now: Date): Promise<Omit<QueueLine, 'oldestAgeSeconds'>[]> {
    const rows = await query(
      db,
      sql`SELECT c.queue, rc.lang, c.priority, count(*) AS open,
          count(*) FILTER (WHERE l.released_at IS NOT NULL OR l.expires_at <= ${iso(now)}::timestamptz) AS unclaimed,
          count(*) FILTER (WHERE c.sla_due_at < ${iso(now)}::timestamptz) AS overdue,
          min(c.opened_at) AS oldest
        FROM review_cases rc JOIN cases c ON c.id = rc.case_id JOIN review_leases l ON l.case_id = rc.case_id
        WHERE rc.open AND c.closed_at IS NULL
          ${vendorOrgId === undefined ? sql`` : sql`AND c.queue IN (SELECT g.queue FROM queue_grants g WHERE g.vendor_org_id = ${vendorOrgId})`}
        GROUP BY c.queue, rc.lang, c.priority
        ORDER BY c.queue, rc.lang, c.priority`,
    );
    return rows.map((r) => ({
      queue: String(r['queue']),
      lang: String(r['lang']),
      priority: priorityOfRank(Number(r['priority'])),
      open: Number(r['open']),
      unclaimed: Number(r['unclaimed']),
      overdue: Number(r['overdue']),
      oldestOpenAt: optDate(r['oldest']),
    }));
  },

  async insertDecision(tx: Db, d: ReviewDecision & { fence: number | undefined }): Promise<void> {
    await query(
      tx,
      sql`INSERT INTO review_decisions (id, case_id, conversation_id, seller_id, buyer_id, reviewer_id, reviewer_role, vendor_org_id, decision, clause_id, reason, note, rules,
          rule_set_version, automated, recommendation, at, fence)
        VALUES (${d.id}, ${d.caseId}, ${d.conversationId}, ${d.sellerId}, ${d.buyerId}, ${d.reviewerId}, ${d.reviewerRole}, ${d.vendorOrgId ?? null}, ${d.decision},
          ${d.clauseId ?? null}, ${d.reason ?? null}, ${d.note ?? null}, ${JSON.stringify(d.rules)}::jsonb, ${d.ruleSetVersion ?? null}, ${d.automated}, ${d.recommendation},
          ${iso(d.at)}::timestamptz, ${d.fence ?? null})`,
    );
  },

  async findDecision(tx: Db, id: string, forUpdate = false): Promise<ReviewDecision | undefined> {
    const r = await queryOne(tx, sql`SELECT * FROM review_decisions WHERE id = ${id} ${forUpdate ? sql`FOR UPDATE` : sql``}`);
    return r === undefined ? undefined : toDecision(r);
  },

  async resolveRecommendation(tx: Db, id: string, by: { confirmedBy?: string; reversedBy?: string; at: Date; decisionId: string }): Promise<void> {
    await query(
      tx,
      sql`UPDATE review_decisions SET confirmed_by = ${by.confirmedBy ?? null}, reversed_by = ${by.reversedBy ?? null}, resolved_at = ${iso(by.at)}::timestamptz,
          resolved_decision_id = ${by.decisionId} WHERE id = ${id}`,
    );
  },

  async pendingRecommendation(tx: Db, caseId: string): Promise<ReviewDecision | undefined> {
    const r = await queryOne(tx, sql`SELECT * FROM review_decisions WHERE case_id = ${caseId} AND recommendation AND resolved_at IS NULL ORDER BY at DESC, id DESC LIMIT 1`);
    return r === undefined ? undefined : toDecision(r);
  },

  async decisionsForCase(db: Db, caseId: string): Promise<ReviewDecision[]> {
    return (await query(db, sql`SELECT * FROM review_decisions WHERE case_id = ${caseId} ORDER BY at, id`)).map(toDecision);
  },

  /** Earlier decisions on the seller (other cases), newest first. */
  async sellerHistory(db: Db, sellerId: string, exceptCaseId: string, limit: number): Promise<ReviewDecision[]> {
    return (
      await query(db, sql`SELECT * FROM review_decisions WHERE seller_id = ${sellerId} AND case_id <> ${exceptCaseId} AND NOT recommendation ORDER BY at DESC, id DESC LIMIT ${limit}`)
    ).map(toDecision);
  },

  async pairHistory(db: Db, sellerId: string, buyerId: string, exceptCaseId: string, limit: number): Promise<ReviewDecision[]> {
    return (
      await query(
        db,
        sql`SELECT * FROM review_decisions WHERE seller_id = ${sellerId} AND buyer_id = ${buyerId} AND case_id <> ${exceptCaseId} ORDER BY at DESC, id DESC LIMIT ${limit}`,
      )
    ).map(toDecision);
  },

  async openCasesOfSeller(db: Db, sellerId: string, exceptCaseId: string): Promise<ReviewCaseInfo[]> {
    return (await query(db, sql`SELECT * FROM review_cases WHERE seller_id = ${sellerId} AND open AND case_id <> ${exceptCaseId} ORDER BY first_flagged_at`)).map(toReviewCase);
  },

  async vendorAgreement(db: Db, vendorOrgId: string | undefined, since: Date | undefined): Promise<VendorAgreement[]> {
    const rows = await query(
      db,
      sql`SELECT reviewer_id, vendor_org_id, count(*) AS recommendations,
          count(*) FILTER (WHERE confirmed_by IS NOT NULL) AS confirmed,
          count(*) FILTER (WHERE reversed_by IS NOT NULL) AS reversed,
          count(*) FILTER (WHERE resolved_at IS NULL) AS pending
        FROM review_decisions
        WHERE recommendation AND vendor_org_id IS NOT NULL
          ${vendorOrgId === undefined ? sql`` : sql`AND vendor_org_id = ${vendorOrgId}`}
          ${since === undefined ? sql`` : sql`AND at >= ${iso(since)}::timestamptz`}
        GROUP BY reviewer_id, vendor_org_id ORDER BY vendor_org_id, reviewer_id`,
    );
    return rows.map((r) => {
      const confirmed = Number(r['confirmed']);
      const reversed = Number(r['reversed']);
      return {
        reviewerId: String(r['reviewer_id']),
        vendorOrgId: String(r['vendor_org_id']),
        recommendations: Number(r['recommendations']),
        confirmed,
        reversed,
        pending: Number(r['pending']),
        agreementRate: confirmed + reversed === 0 ? undefined : confirmed / (confirmed + reversed),
      };
    });
  },
};
