import { query, queryOne, sql, type Db } from '../db';
import type { Signal } from './signals';
import type { CommissionStatus } from './commission.machine';
import type { Artefact, ArtefactType, CommissionDispute, CommissionOrder, DismissReason, DisputeOutcome, Investigation, PriceSource } from './investigations.model';

/* SQL of the investigations module and the row → domain adapters. */

type Row = Record<string, unknown>;
const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const optDate = (v: unknown): Date | undefined => (v === null || v === undefined ? undefined : toDate(v));
const optStr = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const optNum = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const iso = (d: Date | undefined) => (d === undefined ? null : d.toISOString());

function toInvestigation(r: Row): Investigation {
  return {
    caseId: String(r['case_id']),
    conversationId: String(r['conversation_id']),
    sellerId: String(r['seller_id']),
    buyerId: String(r['buyer_id']),
    listingId: optStr(r['listing_id']),
    open: r['open'] === true,
    score: Number(r['score']),
    signals: json<Signal[]>(r['signals']),
    firstContactAt: optDate(r['first_contact_at']),
    outcome: optStr(r['outcome']) as Investigation['outcome'],
    dismissReason: optStr(r['dismiss_reason']) as DismissReason | undefined,
    openedAt: toDate(r['opened_at']),
    scoredAt: toDate(r['scored_at']),
  };
}

function toOrder(r: Row): CommissionOrder {
  return {
    id: String(r['id']),
    caseId: String(r['case_id']),
    sellerId: String(r['seller_id']),
    buyerId: String(r['buyer_id']),
    listingId: optStr(r['listing_id']),
    conversationId: String(r['conversation_id']),
    leadFirstSeenAt: toDate(r['lead_first_seen_at']),
    saleDate: optDate(r['sale_date']),
    priceMinor: Number(r['price_minor']),
    currency: String(r['currency']),
    priceSource: String(r['price_source']) as PriceSource,
    tier: String(r['tier']),
    rateBps: Number(r['rate_bps']),
    commissionMinor: Number(r['commission_minor']),
    status: String(r['status']) as CommissionStatus,
    dueAt: toDate(r['due_at']),
    violationId: optStr(r['violation_id']),
    noticeEmailId: optStr(r['notice_email_id']),
    cancelReason: optStr(r['cancel_reason']),
    issuedBy: String(r['issued_by']),
    createdAt: toDate(r['created_at']),
    updatedAt: toDate(r['updated_at']),
  };
}

function toDispute(r: Row): CommissionDispute {
  return {
    caseId: String(r['case_id']),
    commissionOrderId: String(r['commission_order_id']),
    reason: String(r['reason']),
    filedBy: { type: String(r['filed_by_type']), id: String(r['filed_by_id']) },
    filedAt: toDate(r['filed_at']),
    outcome: optStr(r['outcome']) as DisputeOutcome | undefined,
    decidedBy: optStr(r['decided_by']),
    decidedAt: optDate(r['decided_at']),
    previousCommissionMinor: optNum(r['previous_commission_minor']),
  };
}

export interface InvestigationInsert {
  caseId: string;
  conversationId: string;
  sellerId: string;
  buyerId: string;
  listingId: string | undefined;
  score: number;
  signals: readonly Signal[];
  firstContactAt: Date | undefined;
  at: Date;
}

export type OrderInsert = Omit<CommissionOrder, 'violationId' | 'noticeEmailId' | 'cancelReason' | 'updatedAt'> & { idempotencyKey: string | undefined };

export const investigationStore = {
  /** Serialises scoring of one conversation (the partial unique index is the last line of defence). */
  async lockConversation(tx: Db, conversationId: string): Promise<void> {
    await query(tx, sql`SELECT pg_advisory_xact_lock(hashtext(${`investigation:${conversationId}`}))`);
  },

  async latestFor(db: Db, conversationId: string): Promise<Investigation | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM investigations WHERE conversation_id = ${conversationId} ORDER BY open DESC, opened_at DESC LIMIT 1`);
    return r === undefined ? undefined : toInvestigation(r);
  },

  async find(db: Db, caseId: string, opts: { forUpdate?: boolean } = {}): Promise<Investigation | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM investigations WHERE case_id = ${caseId} ${opts.forUpdate === true ? sql`FOR UPDATE` : sql``}`);
    return r === undefined ? undefined : toInvestigation(r);
  },

  async insert(tx: Db, i: InvestigationInsert): Promise<Investigation> {
    const r = await queryOne(
      tx,
      sql`INSERT INTO investigations (case_id, conversation_id, seller_id, buyer_id, listing_id, open, score, signals, first_contact_at, opened_at, scored_at)
          VALUES (${i.caseId}, ${i.conversationId}, ${i.sellerId}, ${i.buyerId}, ${i.listingId ?? null}, TRUE, ${i.score}, ${JSON.stringify(i.signals)}::jsonb,
                  ${iso(i.firstContactAt)}::timestamptz, ${i.at.toISOString()}::timestamptz, ${i.at.toISOString()}::timestamptz)
          RETURNING *`,
    );
    return toInvestigation(r!);
  },

  async rescore(tx: Db, caseId: string, p: { score: number; signals: readonly Signal[]; firstContactAt: Date | undefined; at: Date; reopen?: boolean }): Promise<Investigation> {
    const r = await queryOne(
      tx,
      sql`UPDATE investigations SET score = ${p.score}, signals = ${JSON.stringify(p.signals)}::jsonb, first_contact_at = ${iso(p.firstContactAt)}::timestamptz,
          scored_at = ${p.at.toISOString()}::timestamptz ${p.reopen === true ? sql`, open = TRUE, outcome = NULL, dismiss_reason = NULL` : sql``}
          WHERE case_id = ${caseId} RETURNING *`,
    );
    return toInvestigation(r!);
  },

  async decide(tx: Db, caseId: string, outcome: 'confirmed' | 'dismissed', reason: DismissReason | undefined): Promise<void> {
    await query(tx, sql`UPDATE investigations SET open = FALSE, outcome = ${outcome}, dismiss_reason = ${reason ?? null} WHERE case_id = ${caseId}`);
  },

  /** Other sellers with whom the buyer has an open or confirmed investigation. */
  async patternSellers(db: Db, buyerId: string, sellerId: string): Promise<string[]> {
    const rows = await query(db, sql`SELECT DISTINCT seller_id FROM investigations WHERE buyer_id = ${buyerId} AND seller_id <> ${sellerId} AND (open OR outcome = 'confirmed')`);
    return rows.map((r) => String(r['seller_id']));
  },

  async confirmedSales(db: Db, sellerId: string, exceptConversation: string): Promise<number> {
    const r = await queryOne(db, sql`SELECT count(*)::int AS n FROM investigations WHERE seller_id = ${sellerId} AND outcome = 'confirmed' AND conversation_id <> ${exceptConversation}`);
    return Number(r?.['n'] ?? 0);
  },

  async list(db: Db, p: { open: boolean | undefined; sellerId: string | undefined; minScore: number | undefined; limit: number; after: { score: number; id: string } | undefined }): Promise<Investigation[]> {
    const rows = await query(
      db,
      sql`SELECT * FROM investigations WHERE TRUE
          ${p.open === undefined ? sql`` : sql`AND open = ${p.open}`}
          ${p.sellerId === undefined ? sql`` : sql`AND seller_id = ${p.sellerId}`}
          ${p.minScore === undefined ? sql`` : sql`AND score >= ${p.minScore}`}
          ${p.after === undefined ? sql`` : sql`AND (score < ${p.after.score} OR (score = ${p.after.score} AND case_id > ${p.after.id}))`}
          ORDER BY score DESC, case_id LIMIT ${p.limit}`,
    );
    return rows.map(toInvestigation);
  },

  /** Dismissals per reason and per signal that was present: what the tuning of the weights reads. */
  async dismissalStats(db: Db): Promise<{ reason: string; count: number }[]> {
    const rows = await query(db, sql`SELECT dismiss_reason, count(*)::int AS n FROM investigations WHERE outcome = 'dismissed' GROUP BY dismiss_reason ORDER BY n DESC, dismiss_reason`);
    return rows.map((r) => ({ reason: String(r['dismiss_reason']), count: Number(r['n']) }));
  },

  async insertArtefact(tx: Db, a: Artefact): Promise<void> {
    await query(
      tx,
      sql`INSERT INTO investigation_artefacts (evidence_id, case_id, artefact_type, declared_by_type, declared_by_id, at)
          VALUES (${a.evidenceId}, ${a.caseId}, ${a.type}, ${a.declaredBy.type}, ${a.declaredBy.id}, ${a.at.toISOString()}::timestamptz)`,
    );
  },

  async artefacts(db: Db, caseId: string): Promise<Artefact[]> {
    const rows = await query(db, sql`SELECT * FROM investigation_artefacts WHERE case_id = ${caseId} ORDER BY at, evidence_id`);
    return rows.map((r) => ({
      evidenceId: String(r['evidence_id']),
      caseId: String(r['case_id']),
      type: String(r['artefact_type']) as ArtefactType,
      declaredBy: { type: String(r['declared_by_type']), id: String(r['declared_by_id']) },
      at: toDate(r['at']),
    }));
  },

  /** Inserts the order unless the case already has one; returns undefined when it did. */
  async insertOrder(tx: Db, o: OrderInsert): Promise<CommissionOrder | undefined> {
    const r = await queryOne(
      tx,
      sql`INSERT INTO commission_orders (id, case_id, seller_id, buyer_id, listing_id, conversation_id, lead_first_seen_at, sale_date, price_minor, currency, price_source,
            tier, rate_bps, commission_minor, status, due_at, idempotency_key, issued_by, created_at, updated_at)
          VALUES (${o.id}, ${o.caseId}, ${o.sellerId}, ${o.buyerId}, ${o.listingId ?? null}, ${o.conversationId}, ${o.leadFirstSeenAt.toISOString()}::timestamptz,
            ${iso(o.saleDate)}::timestamptz, ${o.priceMinor}, ${o.currency}, ${o.priceSource}, ${o.tier}, ${o.rateBps}, ${o.commissionMinor}, ${o.status},
            ${o.dueAt.toISOString()}::timestamptz, ${o.idempotencyKey ?? null}, ${o.issuedBy}, ${o.createdAt.toISOString()}::timestamptz, ${o.createdAt.toISOString()}::timestamptz)
          ON CONFLICT DO NOTHING RETURNING *`,
    );
    return r === undefined ? undefined : toOrder(r);
  },

  async orderOfCase(db: Db, caseId: string): Promise<CommissionOrder | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM commission_orders WHERE case_id = ${caseId}`);
    return r === undefined ? undefined : toOrder(r);
  },

  async orderByKey(db: Db, key: string): Promise<CommissionOrder | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM commission_orders WHERE idempotency_key = ${key}`);
    return r === undefined ? undefined : toOrder(r);
  },

  async findOrder(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<CommissionOrder | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM commission_orders WHERE id = ${id} ${opts.forUpdate === true ? sql`FOR UPDATE` : sql``}`);
    return r === undefined ? undefined : toOrder(r);
  },

  async listOrders(db: Db, p: { sellerId: string | undefined; status: string | undefined; limit: number }): Promise<CommissionOrder[]> {
    const rows = await query(
      db,
      sql`SELECT * FROM commission_orders WHERE TRUE ${p.sellerId === undefined ? sql`` : sql`AND seller_id = ${p.sellerId}`}
          ${p.status === undefined ? sql`` : sql`AND status = ${p.status}`} ORDER BY created_at DESC, id LIMIT ${p.limit}`,
    );
    return rows.map(toOrder);
  },

  /** Outstanding orders for a listing and buyer, locked: a checkout by that buyer cancels them. */
  async outstandingFor(tx: Db, listingId: string, buyerId: string): Promise<CommissionOrder[]> {
    const rows = await query(
      tx,
      sql`SELECT * FROM commission_orders WHERE listing_id = ${listingId} AND buyer_id = ${buyerId} AND status IN ('issued', 'disputed', 'confirmed') ORDER BY id FOR UPDATE`,
    );
    return rows.map(toOrder);
  },

  async updateOrder(tx: Db, id: string, p: { status?: CommissionStatus; violationId?: string; noticeEmailId?: string | null; cancelReason?: string; priceMinor?: number; priceSource?: PriceSource; commissionMinor?: number; at: Date }): Promise<CommissionOrder> {
    const sets = [sql`updated_at = ${p.at.toISOString()}::timestamptz`];
    if (p.status !== undefined) sets.push(sql`status = ${p.status}`);
    if (p.violationId !== undefined) sets.push(sql`violation_id = ${p.violationId}`);
    if (p.noticeEmailId !== undefined) sets.push(sql`notice_email_id = ${p.noticeEmailId}`);
    if (p.cancelReason !== undefined) sets.push(sql`cancel_reason = ${p.cancelReason}`);
    if (p.priceMinor !== undefined) sets.push(sql`price_minor = ${p.priceMinor}`);
    if (p.priceSource !== undefined) sets.push(sql`price_source = ${p.priceSource}`);
    if (p.commissionMinor !== undefined) sets.push(sql`commission_minor = ${p.commissionMinor}`);
    const r = await queryOne(tx, sql`UPDATE commission_orders SET ${sql.join(sets, sql`, `)} WHERE id = ${id} RETURNING *`);
    return toOrder(r!);
  },

  async insertDispute(tx: Db, d: CommissionDispute): Promise<void> {
    await query(
      tx,
      sql`INSERT INTO commission_disputes (case_id, commission_order_id, reason, filed_by_type, filed_by_id, filed_at)
          VALUES (${d.caseId}, ${d.commissionOrderId}, ${d.reason}, ${d.filedBy.type}, ${d.filedBy.id}, ${d.filedAt.toISOString()}::timestamptz)`,
    );
  },

  async findDispute(db: Db, caseId: string, opts: { forUpdate?: boolean } = {}): Promise<CommissionDispute | undefined> {
    const r = await queryOne(db, sql`SELECT * FROM commission_disputes WHERE case_id = ${caseId} ${opts.forUpdate === true ? sql`FOR UPDATE` : sql``}`);
    return r === undefined ? undefined : toDispute(r);
  },

  async disputesOf(db: Db, orderId: string): Promise<CommissionDispute[]> {
    const rows = await query(db, sql`SELECT * FROM commission_disputes WHERE commission_order_id = ${orderId} ORDER BY filed_at`);
    return rows.map(toDispute);
  },

  async decideDispute(tx: Db, caseId: string, p: { outcome: DisputeOutcome; decidedBy: string; at: Date; previousCommissionMinor: number }): Promise<void> {
    await query(
      tx,
      sql`UPDATE commission_disputes SET outcome = ${p.outcome}, decided_by = ${p.decidedBy}, decided_at = ${p.at.toISOString()}::timestamptz,
          previous_commission_minor = ${p.previousCommissionMinor} WHERE case_id = ${caseId}`,
    );
  },
};
