import { AppError, applyRateBps, conflict, forbidden, invalidInput, isCurrency, money, newId, notFound, sha256Hex, type Clock, type FieldError } from '../kernel';
import { inTransaction, recordChange, type Db } from '../db';
import type { Principal, Role } from '../identity';
import { callerActor, STAFF_ROLES, systemCaller, type CaseCaller, type CaseService } from '../cases';
import type { MarketplaceService, OffPlatformFacts, StoredEventNotice } from '../marketplace';
import type { EnforcementService } from '../enforcement';
import { renderOrderNotice, type OrderNoticeKind } from './commission-notice';
import { contactMessages, scoreConversation, showsPattern, type ConversationFacts, type Scored } from './signals';
import { investigationStore as store } from './investigations.store';
import { mayMove, type CommissionStatus } from './commission.machine';
import {
  ARTEFACT_TYPES,
  DISMISS_REASONS,
  DISPUTE_OUTCOMES,
  type Artefact,
  type ArtefactType,
  type CommissionDispute,
  type CommissionOrder,
  type DismissReason,
  type DisputeOutcome,
  type EvidenceItem,
  type Investigation,
  type InvestigationListItem,
  type InvestigationView,
  type PriceSource,
} from './investigations.model';

/** Email through the outbox (src/notify `queueEmail`), written in the caller's transaction. */
export interface InvestigationMailer {
  queueEmail(tx: Db, clock: Clock, email: { to: string; subject: string; text: string; html: string; lang?: string; ref: { type: string; id: string } }): Promise<string>;
}

export interface InvestigationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly cases: Pick<CaseService, 'openCase' | 'getCase' | 'appendTimeline' | 'transition' | 'addEvidence'>;
  readonly marketplace: Pick<MarketplaceService, 'displayNames' | 'offPlatformFacts' | 'conversationsWithHits' | 'flaggedConversationIdsOfListings' | 'commissionRateAtIn' | 'sellerContact'>;
  readonly enforcement: Pick<EnforcementService, 'recordViolation' | 'listViolations'>;
  /** Score (0..1) at which an investigation opens (`INVESTIGATION_THRESHOLD`). */
  readonly threshold: number;
  /** Days after the contact exchange in which a listing change counts (`INVESTIGATION_WINDOW_DAYS`). */
  readonly windowDays: number;
  /** Days a commission order is due after issue (`COMMISSION_DUE_DAYS`). */
  readonly commissionDueDays: number;
  readonly marketplaceName: string;
  readonly helpUrl: string;
  readonly mail?: InvestigationMailer | undefined;
}

const DAY_MS = 86_400_000;
const SENIORS: readonly Role[] = ['senior', 'manager', 'admin', 'legal'];
const DISPUTE_FILERS: readonly Role[] = ['integration', ...STAFF_ROLES];
const SCANNERS: readonly Role[] = ['admin', 'manager'];
const INVESTIGATIONS = systemCaller('investigations');
/** The clause a confirmed off-platform sale breaches: commission owed on sales outside checkout. */
const COMMISSION_CLAUSE = 'TP-1.3';
const TEXT_MAX = 10_000;

/** What a scan did. */
export interface ScanReport {
  readonly scanned: number;
  readonly opened: number;
  readonly updated: number;
  readonly reopened: number;
  /** Conversations that scored below the threshold and had no investigation. */
  readonly belowThreshold: number;
}

export interface ConfirmInput {
  readonly note: string;
  readonly price?: { readonly amountMinor: number; readonly currency: string; readonly source: 'admission' | 'invoice' } | undefined;
  readonly saleDate?: Date | undefined;
  readonly idempotencyKey?: string | undefined;
}

function checkText(value: string | undefined, field: string, max = TEXT_MAX): string {
  const t = value?.trim() ?? '';
  if (t === '' || t.length > max) throw invalidInput(`the ${field.slice(1)} is not valid`, [{ field, reason: `must be 1–${max} characters` }]);
  return t;
}

function priorityOf(score: number): 'p1' | 'p2' | 'p3' {
  return score >= 0.85 ? 'p1' : score >= 0.7 ? 'p2' : 'p3';
}

function orderPayload(o: CommissionOrder) {
  return {
    schema_version: 1,
    id: o.id,
    case_id: o.caseId,
    seller_id: o.sellerId,
    buyer_ref: o.buyerId,
    listing_id: o.listingId ?? null,
    lead_first_seen_at: o.leadFirstSeenAt.toISOString(),
    sale_date: o.saleDate?.toISOString() ?? null,
    sale_price: { amount_minor: o.priceMinor, currency: o.currency, source: o.priceSource },
    tier: o.tier,
    commission_rate_bps: o.rateBps,
    commission: { amount_minor: o.commissionMinor, currency: o.currency },
    status: o.status,
    due_at: o.dueAt.toISOString(),
    violation_id: o.violationId ?? null,
    cancel_reason: o.cancelReason ?? null,
  };
}

/**
 * Off-platform sale investigations: scoring stored conversations into cases, the evidence view,
 * confirmation into a commission order (exactly once), dismissal with a reason, automatic
 * cancellation when the buyer checks out, and disputes of commission orders.
 */
export function createInvestigationService(deps: InvestigationDeps) {
  const { db, clock } = deps;

  /** The signals' inputs from what the marketplace stored; reads through `tx` when given. */
  async function factsOf(f: OffPlatformFacts, tx: Db | undefined, patternExtra: ReadonlySet<string> = new Set()): Promise<ConversationFacts> {
    const c = f.conversation;
    const base = tx ?? db;
    // one after another: `base` may be the caller's transaction, a single client
    const pattern = await store.patternSellers(base, c.buyerId, c.sellerId);
    const confirmed = await store.confirmedSales(base, c.sellerId, c.id);
    const violations = await deps.enforcement.listViolations(c.sellerId, { tx });
    return {
      conversationId: c.id,
      sellerId: c.sellerId,
      buyerId: c.buyerId,
      listingId: c.listingId,
      listingPriceMinor: f.listing?.priceMinor,
      listingCurrency: f.listing?.currency,
      messages: f.messages.map((m) => ({ id: m.id, senderRole: m.senderRole, sentAt: m.sentAt, body: m.body, hits: m.scan?.hits ?? [] })),
      listingEvents: f.listingHistory.map((e) => ({ id: e.id, type: e.type, status: e.status, priceMinor: e.priceMinor, occurredAt: e.occurredAt })),
      orders: f.orders.map((o) => ({ id: o.id, listingId: o.listingId, buyerId: o.buyerId, sellerId: o.sellerId, status: o.status, createdAt: o.createdAt })),
      buyerPatternSellers: new Set([...pattern, ...[...patternExtra].filter((s) => s !== c.sellerId)]).size,
      sellerViolations: violations.filter((v) => v.status === 'active').length,
      sellerConfirmedSales: confirmed,
    };
  }

  /**
   * Scores one conversation and opens, updates or reopens its investigation. Runs in `tx` when given
   * (the ingest hook), else in its own transaction. Returns what happened.
   */
  async function scoreOne(conversationId: string, opts: { tx?: Db | undefined; patternExtra?: ReadonlySet<string> } = {}): Promise<{ action: 'opened' | 'updated' | 'reopened' | 'unchanged' | 'below'; scored: Scored | undefined; caseId?: string }> {
    const work = async (tx: Db) => {
      await store.lockConversation(tx, conversationId);
      const f = await deps.marketplace.offPlatformFacts(conversationId, { tx });
      if (f === undefined) return { action: 'below' as const, scored: undefined };
      const scored = scoreConversation(await factsOf(f, tx, opts.patternExtra), { windowDays: deps.windowDays });
      const now = clock.now();
      const existing = await store.latestFor(tx, conversationId);
      const c = f.conversation;
      if (existing !== undefined && existing.open) {
        if (existing.score === scored.score && JSON.stringify(existing.signals) === JSON.stringify(scored.signals)) return { action: 'unchanged' as const, scored, caseId: existing.caseId };
        await store.rescore(tx, existing.caseId, { score: scored.score, signals: scored.signals, firstContactAt: scored.firstContactAt, at: now });
        await deps.cases.appendTimeline(INVESTIGATIONS, existing.caseId, 'detection', { score_from: existing.score, score: scored.score, signals: scored.signals.map((s) => ({ name: s.name, contribution: s.contribution })) }, { tx, firstResponse: false });
        return { action: 'updated' as const, scored, caseId: existing.caseId };
      }
      if (scored.score < deps.threshold) return { action: 'below' as const, scored };
      if (existing !== undefined) {
        // a confirmed sale is never reopened; a dismissed one only on stronger evidence than it was dismissed on
        if (existing.outcome === 'confirmed' || scored.score <= existing.score) return { action: 'unchanged' as const, scored, caseId: existing.caseId };
        const moved = await deps.cases.transition(INVESTIGATIONS, existing.caseId, 'triage', { tx, managed: true, data: { reason: 'new_evidence', score: scored.score } });
        if (!moved.ok) return { action: 'unchanged' as const, scored, caseId: existing.caseId };
        await store.rescore(tx, existing.caseId, { score: scored.score, signals: scored.signals, firstContactAt: scored.firstContactAt, at: now, reopen: true });
        await recordChange(tx, clock, {
          actor: callerActor(INVESTIGATIONS),
          action: 'investigation.reopened',
          subject: { type: 'case', id: existing.caseId },
          fields: ['score', 'signals', 'open'],
          data: { from: existing.score, to: scored.score },
          event: { type: 'investigation.reopened', payload: { schema_version: 1, case_id: existing.caseId, conversation_id: c.id, seller_id: c.sellerId, score: scored.score } },
        });
        return { action: 'reopened' as const, scored, caseId: existing.caseId };
      }
      const opened = await deps.cases.openCase(
        INVESTIGATIONS,
        {
          type: 'investigation',
          title: `Possible off-platform sale: ${f.listing?.title ?? c.listingId ?? c.id} (score ${scored.score.toFixed(2)})`,
          priority: priorityOf(scored.score),
          subjects: { sellerId: c.sellerId, buyerId: c.buyerId, listingId: c.listingId, conversationId: c.id },
        },
        { tx },
      );
      const caseId = opened.detail.case.id;
      await store.insert(tx, { caseId, conversationId: c.id, sellerId: c.sellerId, buyerId: c.buyerId, listingId: c.listingId, score: scored.score, signals: scored.signals, firstContactAt: scored.firstContactAt, at: now });
      await recordChange(tx, clock, {
        actor: callerActor(INVESTIGATIONS),
        action: 'investigation.opened',
        subject: { type: 'case', id: caseId },
        fields: ['score', 'signals'],
        data: { conversationId: c.id, score: scored.score },
        event: { type: 'investigation.opened', payload: { schema_version: 1, case_id: caseId, conversation_id: c.id, seller_id: c.sellerId, listing_id: c.listingId ?? null, score: scored.score } },
      });
      return { action: 'opened' as const, scored, caseId };
    };
    return opts.tx !== undefined ? inTransaction(opts.tx, work) : inTransaction(db, work);
  }

  /**
   * Scores every conversation with detection hits (active since `since`, all when absent). Two
   * passes: the second knows which buyers show the pattern with several sellers in this scan.
   */
  async function scan(caller: Principal | CaseCaller, opts: { since?: Date | undefined } = {}): Promise<ScanReport> {
    if (caller.kind !== 'system' && !SCANNERS.includes(caller.role)) throw forbidden('only managers and admins run an investigation scan');
    const ids = await deps.marketplace.conversationsWithHits({ since: opts.since });
    const patternBy = new Map<string, Set<string>>();
    for (const id of ids) {
      const f = await deps.marketplace.offPlatformFacts(id);
      if (f === undefined) continue;
      const s = scoreConversation(await factsOf(f, undefined), { windowDays: deps.windowDays });
      if (showsPattern(s)) {
        const set = patternBy.get(f.conversation.buyerId) ?? new Set<string>();
        set.add(f.conversation.sellerId);
        patternBy.set(f.conversation.buyerId, set);
      }
    }
    const counts = { scanned: 0, opened: 0, updated: 0, reopened: 0, belowThreshold: 0 };
    for (const id of ids) {
      const f = await deps.marketplace.offPlatformFacts(id);
      const r = await scoreOne(id, { patternExtra: f === undefined ? new Set() : (patternBy.get(f.conversation.buyerId) ?? new Set()) });
      counts.scanned++;
      if (r.action === 'opened') counts.opened++;
      else if (r.action === 'updated') counts.updated++;
      else if (r.action === 'reopened') counts.reopened++;
      else if (r.action === 'below') counts.belowThreshold++;
    }
    return counts;
  }

  /**
   * Ingest's hook for new events, inside its transaction: a checkout by the buyer of a commission
   * order cancels it (never a double charge), and a listing change re-scores the conversations about it.
   */
  async function afterEventsStored(tx: Db, events: readonly StoredEventNotice[]): Promise<void> {
    for (const e of events) {
      if (e.type === 'order.created') {
        for (const o of await store.outstandingFor(tx, e.listingId, e.buyerId)) {
          await cancelOrder(tx, INVESTIGATIONS, o, 'sold_through_checkout', { order_id: e.orderId });
        }
      }
    }
    // only conversations with a detection hit can score: found in one query for the whole batch
    const listings = [...new Set(events.filter((e) => e.type !== 'order.created').map((e) => e.listingId))].sort();
    for (const id of await deps.marketplace.flaggedConversationIdsOfListings(listings, { tx })) await scoreOne(id, { tx });
  }

  async function cancelOrder(tx: Db, caller: CaseCaller, o: CommissionOrder, reason: string, extra: Record<string, unknown> = {}): Promise<CommissionOrder> {
    if (!mayMove(o.status, 'cancelled')) throw conflict(`commission order ${o.id} is ${o.status} and cannot be cancelled`, 'commission_order.transition_not_allowed');
    const updated = await store.updateOrder(tx, o.id, { status: 'cancelled', cancelReason: reason, at: clock.now() });
    await recordChange(tx, clock, {
      actor: callerActor(caller),
      action: 'commission_order.cancelled',
      subject: { type: 'commission_order', id: o.id },
      fields: ['status', 'cancel_reason'],
      data: { from: o.status, reason, ...extra },
      event: { type: 'commission_order.cancelled', payload: { ...orderPayload(updated), ...extra } },
    });
    await deps.cases.appendTimeline(caller, o.caseId, 'enforcement', { commission_order_id: o.id, status: 'cancelled', reason, ...extra }, { tx, event: false, firstResponse: false });
    return updated;
  }

  async function loadInvestigation(base: Db, caseId: string, forUpdate = false): Promise<Investigation> {
    const inv = await store.find(base, caseId, { forUpdate });
    if (inv === undefined) throw notFound('investigation', caseId);
    return inv;
  }

  function assertStaff(caller: Principal): void {
    if (!STAFF_ROLES.includes(caller.role)) throw forbidden('only staff see investigations');
  }

  /** Investigations by score, highest first, with the sellers' names and listings' titles (one query per page); keyset pages. */
  async function list(
    caller: Principal,
    opts: { open?: boolean | undefined; sellerId?: string | undefined; minScore?: number | undefined; limit?: number | undefined; cursor?: string | undefined } = {},
  ): Promise<{ items: InvestigationListItem[]; nextCursor: string | undefined }> {
    assertStaff(caller);
    const limit = Math.max(1, Math.min(opts.limit ?? 50, 200));
    let after: { score: number; id: string } | undefined;
    if (opts.cursor !== undefined && opts.cursor !== '') {
      try {
        const p = JSON.parse(Buffer.from(opts.cursor, 'base64url').toString('utf8')) as { s?: unknown; i?: unknown };
        if (typeof p.s !== 'number' || typeof p.i !== 'string') throw new Error('bad');
        after = { score: p.s, id: p.i };
      } catch {
        throw invalidInput('the cursor is not valid', [{ field: 'querystring/cursor', reason: 'is not a cursor this API returned' }]);
      }
    }
    const rows = await store.list(db, { open: opts.open, sellerId: opts.sellerId, minScore: opts.minScore, limit: limit + 1, after });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last !== undefined ? Buffer.from(JSON.stringify({ s: last.score, i: last.caseId })).toString('base64url') : undefined;
    const names = await deps.marketplace.displayNames({ sellerIds: page.map((i) => i.sellerId), listingIds: page.flatMap((i) => (i.listingId === undefined ? [] : [i.listingId])) });
    const items = page.map((i) => ({ ...i, sellerName: names.sellers.get(i.sellerId), listingTitle: i.listingId === undefined ? undefined : names.listings.get(i.listingId) }));
    return { items, nextCursor };
  }

  /** The case view: one timeline merging messages with their hits, detections, listing and order events, signals and the case's own entries. */
  async function view(caller: Principal, caseId: string): Promise<InvestigationView> {
    assertStaff(caller);
    const inv = await loadInvestigation(db, caseId);
    const [detail, f, artefacts, order] = await Promise.all([
      deps.cases.getCase(caller, caseId),
      deps.marketplace.offPlatformFacts(inv.conversationId),
      store.artefacts(db, caseId),
      store.orderOfCase(db, caseId),
    ]);
    const timeline: EvidenceItem[] = [];
    for (const m of f?.messages ?? []) {
      const hits = m.scan?.hits ?? [];
      timeline.push({ kind: 'message', at: m.sentAt, id: m.id, senderRole: m.senderRole, body: m.body, hits: hits.map((h) => ({ kind: h.kind, value: h.value, rule: h.rule, start: h.start, end: h.end })), verdict: m.scan?.verdict });
      for (const h of hits) timeline.push({ kind: 'detection', at: m.sentAt, messageId: m.id, hitKind: h.kind, value: h.value, rule: h.rule });
    }
    for (const e of f?.listingHistory ?? []) timeline.push({ kind: 'listing_event', at: e.occurredAt, id: e.id, type: e.type, status: e.status, priceMinor: e.priceMinor, currency: e.currency });
    for (const o of f?.orders ?? []) {
      timeline.push({ kind: 'order', at: o.createdAt, id: o.id, buyerId: o.buyerId, listingId: o.listingId, status: o.status, amountMinor: o.amountMinor, currency: o.currency, betweenParties: o.buyerId === inv.buyerId && o.sellerId === inv.sellerId });
    }
    for (const s of inv.signals) timeline.push({ kind: 'signal', at: inv.scoredAt, name: s.name, weight: s.weight, strength: s.strength, contribution: s.contribution, explanation: s.explanation });
    for (const t of detail.timeline) timeline.push({ kind: 'case', at: t.at, entryKind: t.kind, actor: t.actor, data: t.data });
    const rank: Record<EvidenceItem['kind'], number> = { message: 0, detection: 1, listing_event: 2, order: 3, signal: 4, case: 5 };
    timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind]);
    const l = f?.listing;
    return {
      investigation: inv,
      caseStatus: detail.case.status,
      listing: l === undefined ? undefined : { id: l.id, title: l.title, priceMinor: l.priceMinor, currency: l.currency, status: l.status },
      artefacts,
      commissionOrder: order,
      timeline,
    };
  }

  /** Attaches a hard artefact (a file with its declared type) to the investigation's case. */
  async function addArtefact(caller: Principal, caseId: string, input: { type: string; filename: string; contentType: string; bytes: Uint8Array }): Promise<Artefact> {
    assertStaff(caller);
    if (!(ARTEFACT_TYPES as readonly string[]).includes(input.type)) throw invalidInput('unknown artefact type', [{ field: '/type', reason: `must be one of ${ARTEFACT_TYPES.join(', ')}` }]);
    return inTransaction(db, async (tx) => {
      const inv = await loadInvestigation(tx, caseId, true);
      if (inv.outcome !== undefined) throw conflict(`investigation ${caseId} was already ${inv.outcome}`, 'investigation.already_decided');
      const info = await deps.cases.addEvidence(caller, caseId, { filename: input.filename, contentType: input.contentType, bytes: input.bytes }, { tx });
      const artefact: Artefact = { evidenceId: info.id, caseId, type: input.type as ArtefactType, declaredBy: { type: caller.kind, id: caller.id }, at: clock.now() };
      await store.insertArtefact(tx, artefact);
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'investigation.artefact_added',
        subject: { type: 'case', id: caseId },
        fields: ['artefacts'],
        data: { evidenceId: info.id, type: input.type, sha256: info.sha256 },
      });
      return artefact;
    });
  }

  async function walkTo(tx: Db, caller: Principal, caseId: string, target: 'confirmed' | 'dismissed', note: string, data: Record<string, unknown>): Promise<void> {
    const path: Record<string, string[]> = { confirmed: ['triage', 'investigating', 'confirmed'], dismissed: ['dismissed'] };
    const current = (await deps.cases.getCase(caller, caseId, { tx, forUpdate: true })).case.status;
    // a case already moved through the generic case route is taken from where it stands
    const steps = target === 'dismissed' ? (current === 'dismissed' ? [] : ['dismissed']) : path.confirmed!.slice(Math.max(0, path.confirmed!.indexOf(current) + 1));
    for (const to of steps) {
      const last = to === target;
      const moved = await deps.cases.transition(caller, caseId, to, { tx, managed: true, ...(last ? { note, data } : {}) });
      if (!moved.ok) throw moved.error;
    }
  }

  /**
   * Confirms an off-platform sale and issues its commission order, exactly once: the investigation
   * row is locked and the order's `case_id` is unique, so a second confirmation (concurrent or not)
   * gets the first order back (same Idempotency-Key) or a conflict naming it.
   */
  async function confirm(caller: Principal, caseId: string, input: ConfirmInput): Promise<{ created: boolean; order: CommissionOrder }> {
    if (!SENIORS.includes(caller.role)) throw new AppError('forbidden', 'off-platform sales are confirmed by senior reviewers, managers, admins or legal', { reason: 'investigation.confirmation_needs_senior' });
    const note = checkText(input.note, '/note');
    const errors: FieldError[] = [];
    if (input.price !== undefined) {
      if (!Number.isSafeInteger(input.price.amountMinor) || input.price.amountMinor <= 0) errors.push({ field: '/price/amount_minor', reason: 'must be a positive whole number of minor units' });
      if (!isCurrency(input.price.currency)) errors.push({ field: '/price/currency', reason: 'must be an ISO 4217 code such as EUR' });
      if (input.price.source !== 'admission' && input.price.source !== 'invoice') errors.push({ field: '/price/source', reason: 'must be admission or invoice' });
    }
    if (input.idempotencyKey !== undefined && (input.idempotencyKey.trim() === '' || input.idempotencyKey.length > 200)) errors.push({ field: 'headers/idempotency-key', reason: 'must be 1–200 characters' });
    if (errors.length > 0) throw invalidInput('the confirmation is not valid', errors);
    const replay = (o: CommissionOrder) => {
      if (o.caseId !== caseId) throw conflict('this Idempotency-Key was used to confirm another investigation', 'investigation.idempotency_key_reused');
      return { created: false, order: o };
    };
    if (input.idempotencyKey !== undefined) {
      const earlier = await store.orderByKey(db, input.idempotencyKey);
      if (earlier !== undefined) return replay(earlier);
    }
    return inTransaction(db, async (tx) => {
      const inv = await loadInvestigation(tx, caseId, true);
      const existing = await store.orderOfCase(tx, caseId);
      if (existing !== undefined) {
        if (input.idempotencyKey !== undefined && (await store.orderByKey(tx, input.idempotencyKey))?.id === existing.id) return replay(existing);
        throw conflict(`investigation ${caseId} was already confirmed: commission order ${existing.id}`, 'investigation.already_confirmed');
      }
      if (inv.outcome === 'dismissed') throw conflict(`investigation ${caseId} was dismissed; a new signal reopens it`, 'investigation.dismissed');
      const artefacts = await store.artefacts(tx, caseId);
      if (artefacts.length === 0) {
        throw new AppError('invalid_transition', 'confirming an off-platform sale needs at least one hard artefact (seller admission, buyer confirmation, invoice, payment proof or shipment record) attached; signals alone only open the case', {
          reason: 'investigation.confirmation_requires_artefact',
        });
      }
      if (input.price !== undefined) {
        const needed: ArtefactType = input.price.source === 'admission' ? 'seller_admission' : 'invoice';
        if (!artefacts.some((a) => a.type === needed)) {
          throw invalidInput(`a price from the ${input.price.source} needs a ${needed} artefact attached`, [{ field: '/price/source', reason: `no ${needed} artefact is attached to the case` }]);
        }
      }
      const f = await deps.marketplace.offPlatformFacts(inv.conversationId, { tx });
      if (f === undefined) throw new Error(`investigation ${caseId} names conversation ${inv.conversationId}, which is gone`);
      const listingCurrency = f.listing?.currency;
      let price: { amountMinor: number; currency: string; source: PriceSource };
      if (input.price !== undefined) {
        if (listingCurrency !== undefined && input.price.currency !== listingCurrency) {
          throw invalidInput('the commission is charged in the listing’s currency', [{ field: '/price/currency', reason: `must be ${listingCurrency}, the listing's currency` }]);
        }
        price = { amountMinor: input.price.amountMinor, currency: input.price.currency, source: input.price.source };
      } else {
        if (f.listing?.priceMinor === undefined || listingCurrency === undefined) {
          throw invalidInput('the listing has no known price; give the evidenced price', [{ field: '/price', reason: 'is required when the listing price is unknown' }]);
        }
        price = { amountMinor: f.listing.priceMinor, currency: listingCurrency, source: 'listing_price' };
      }
      const lead = f.conversation.firstMessageAt ?? inv.firstContactAt ?? inv.openedAt;
      const rate = await deps.marketplace.commissionRateAtIn(tx, inv.sellerId, lead);
      if (rate === undefined) throw conflict(`seller ${inv.sellerId} had no known commission rate on ${lead.toISOString()}, when the lead was created`, 'commission_order.rate_unknown');
      await walkTo(tx, caller, caseId, 'confirmed', note, { price_source: price.source });
      await store.decide(tx, caseId, 'confirmed', undefined);
      const now = clock.now();
      const commission = applyRateBps(money(price.amountMinor, price.currency), rate.rateBps);
      const inserted = await store.insertOrder(tx, {
        id: newId('cmo'),
        caseId,
        sellerId: inv.sellerId,
        buyerId: inv.buyerId,
        listingId: inv.listingId,
        conversationId: inv.conversationId,
        leadFirstSeenAt: lead,
        saleDate: input.saleDate,
        priceMinor: price.amountMinor,
        currency: price.currency,
        priceSource: price.source,
        tier: rate.tier,
        rateBps: rate.rateBps,
        commissionMinor: commission.amountMinor,
        status: 'issued',
        dueAt: new Date(now.getTime() + deps.commissionDueDays * DAY_MS),
        idempotencyKey: input.idempotencyKey,
        issuedBy: caller.id,
        createdAt: now,
      });
      if (inserted === undefined) throw conflict(`investigation ${caseId} was confirmed concurrently`, 'investigation.already_confirmed');
      const contact = contactMessages({ ...(await factsOf(f, tx)) });
      const recorded = await deps.enforcement.recordViolation(
        caller,
        {
          sellerId: inv.sellerId,
          clauseId: COMMISSION_CLAUSE,
          severity: 'severe',
          caseId,
          conversationId: inv.conversationId,
          messageIds: contact.map((m) => m.id).slice(0, 50),
          excerpts: contact.slice(0, 5).map((m) => m.body.slice(0, 300)).filter((x) => x.trim() !== ''),
          automatedDetection: true,
          automatedDecision: false,
          decidedBy: caller.id,
        },
        { tx },
      );
      const emailId = await sendOrderNotice(tx, inserted, note, artefacts, 'issued');
      const order = await store.updateOrder(tx, inserted.id, { violationId: recorded.violation.id, noticeEmailId: emailId ?? null, at: now });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'commission_order.issued',
        subject: { type: 'commission_order', id: order.id },
        fields: ['status', 'price_minor', 'commission_minor', 'rate_bps'],
        data: { caseId, priceSource: price.source, commissionMinor: order.commissionMinor, currency: order.currency, violationId: recorded.violation.id },
        event: { type: 'commission_order.issued', payload: orderPayload(order), afterEmailId: emailId },
      });
      await deps.cases.appendTimeline(caller, caseId, 'enforcement', { commission_order_id: order.id, status: 'issued', commission_minor: order.commissionMinor, currency: order.currency, violation_id: recorded.violation.id }, { tx, event: false });
      return { created: true, order };
    });
  }

  /** The seller's notice about a commission order, in their language: clause, evidence, amount, how to dispute, reasons. */
  async function sendOrderNotice(tx: Db, o: CommissionOrder, reasons: string, artefacts: readonly Artefact[], what: OrderNoticeKind): Promise<string | undefined> {
    if (deps.mail === undefined) return undefined;
    const contact = await deps.marketplace.sellerContact(o.sellerId, { tx });
    if (contact?.email === undefined) return undefined;
    const notice = renderOrderNotice({
      what,
      order: o,
      clause: COMMISSION_CLAUSE,
      reasons,
      evidence: artefacts.map((a) => a.type.replace('_', ' ')),
      seller: contact,
      marketplaceName: deps.marketplaceName,
      helpUrl: deps.helpUrl,
    });
    return deps.mail.queueEmail(tx, clock, { to: contact.email, subject: notice.subject, text: notice.text, html: notice.html, lang: notice.lang, ref: { type: 'commission_order', id: o.id } });
  }

  /** Closes an investigation without a finding of an off-platform sale, with a reason that feeds tuning. */
  async function dismiss(caller: Principal, caseId: string, input: { reason: string; note: string }): Promise<Investigation> {
    assertStaff(caller);
    if (!(DISMISS_REASONS as readonly string[]).includes(input.reason)) throw invalidInput('unknown reason', [{ field: '/reason', reason: `must be one of ${DISMISS_REASONS.join(', ')}` }]);
    const note = checkText(input.note, '/note');
    return inTransaction(db, async (tx) => {
      const inv = await loadInvestigation(tx, caseId, true);
      if (inv.outcome !== undefined) throw conflict(`investigation ${caseId} was already ${inv.outcome}`, 'investigation.already_decided');
      await walkTo(tx, caller, caseId, 'dismissed', note, { reason: input.reason });
      await store.decide(tx, caseId, 'dismissed', input.reason as DismissReason);
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'investigation.dismissed',
        subject: { type: 'case', id: caseId },
        fields: ['outcome', 'dismiss_reason'],
        data: { reason: input.reason, score: inv.score, signals: inv.signals.filter((s) => s.contribution > 0).map((s) => s.name) },
        event: { type: 'investigation.dismissed', payload: { schema_version: 1, case_id: caseId, conversation_id: inv.conversationId, seller_id: inv.sellerId, reason: input.reason, score: inv.score } },
      });
      return (await store.find(tx, caseId))!;
    });
  }

  async function getOrder(caller: Principal, id: string): Promise<{ order: CommissionOrder; disputes: CommissionDispute[] }> {
    if (!DISPUTE_FILERS.includes(caller.role)) throw forbidden('only staff and the marketplace integration read commission orders');
    const order = await store.findOrder(db, id);
    if (order === undefined) throw notFound('commission order', id);
    return { order, disputes: await store.disputesOf(db, id) };
  }

  async function listOrders(caller: Principal, opts: { sellerId?: string | undefined; status?: string | undefined; limit?: number | undefined } = {}): Promise<CommissionOrder[]> {
    if (!DISPUTE_FILERS.includes(caller.role)) throw forbidden('only staff and the marketplace integration read commission orders');
    return store.listOrders(db, { sellerId: opts.sellerId, status: opts.status, limit: Math.max(1, Math.min(opts.limit ?? 50, 200)) });
  }

  /** The seller disputes a commission order (forwarded by the marketplace, or entered by staff): a `commission_dispute` case for a senior. */
  async function fileDispute(caller: Principal, orderId: string, input: { reason: string }): Promise<{ dispute: CommissionDispute; order: CommissionOrder }> {
    if (!DISPUTE_FILERS.includes(caller.role)) throw forbidden('only the marketplace integration and staff file disputes');
    const reason = checkText(input.reason, '/reason');
    return inTransaction(db, async (tx) => {
      const o = await store.findOrder(tx, orderId, { forUpdate: true });
      if (o === undefined) throw notFound('commission order', orderId);
      if (!mayMove(o.status, 'disputed')) throw conflict(`commission order ${o.id} is ${o.status}; only an issued order can be disputed`, 'commission_order.not_disputable');
      const opened = await deps.cases.openCase(
        INVESTIGATIONS,
        { type: 'commission_dispute', title: `Dispute of commission order ${o.id}`, subjects: { sellerId: o.sellerId, buyerId: o.buyerId, listingId: o.listingId, conversationId: o.conversationId } },
        { tx },
      );
      const caseId = opened.detail.case.id;
      const dispute: CommissionDispute = { caseId, commissionOrderId: o.id, reason, filedBy: { type: caller.kind, id: caller.id }, filedAt: clock.now(), outcome: undefined, decidedBy: undefined, decidedAt: undefined, previousCommissionMinor: undefined };
      await store.insertDispute(tx, dispute);
      await deps.cases.appendTimeline(INVESTIGATIONS, caseId, 'reply', { commission_order_id: o.id, from: 'seller', via: { type: caller.kind, id: caller.id }, body: reason }, { tx, event: false, firstResponse: false });
      await deps.cases.appendTimeline(INVESTIGATIONS, caseId, 'link', { case_id: o.caseId, relation: 'dispute_of', commission_order_id: o.id }, { tx, event: false, firstResponse: false });
      await deps.cases.appendTimeline(INVESTIGATIONS, o.caseId, 'link', { case_id: caseId, relation: 'disputed_in', commission_order_id: o.id }, { tx, event: false, firstResponse: false });
      const order = await store.updateOrder(tx, o.id, { status: 'disputed', at: clock.now() });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'commission_order.disputed',
        subject: { type: 'commission_order', id: o.id },
        fields: ['status'],
        data: { disputeCaseId: caseId, sha256: sha256Hex(reason) },
        event: { type: 'commission_order.disputed', payload: { ...orderPayload(order), dispute_case_id: caseId } },
      });
      return { dispute, order };
    });
  }

  /**
   * A senior decides a dispute: upheld (the order stands, confirmed), adjusted (a documented price;
   * the commission is recomputed at the same rate; documents must be attached to the dispute case)
   * or cancelled. The seller is told; a webhook event for each.
   */
  async function decideDispute(caller: Principal, orderId: string, disputeCaseId: string, input: { decision: string; note: string; priceMinor?: number | undefined }): Promise<{ dispute: CommissionDispute; order: CommissionOrder }> {
    if (!SENIORS.includes(caller.role)) throw new AppError('forbidden', 'disputes are decided by senior reviewers, managers, admins or legal', { reason: 'commission_dispute.decision_needs_senior' });
    if (!(DISPUTE_OUTCOMES as readonly string[]).includes(input.decision)) throw invalidInput('unknown decision', [{ field: '/decision', reason: `must be one of ${DISPUTE_OUTCOMES.join(', ')}` }]);
    const decision = input.decision as DisputeOutcome;
    const note = checkText(input.note, '/note');
    if (decision === 'adjusted' && (input.priceMinor === undefined || !Number.isSafeInteger(input.priceMinor) || input.priceMinor <= 0)) {
      throw invalidInput('an adjustment needs the documented sale price', [{ field: '/price_minor', reason: 'is required for an adjustment: the documented sale price in minor units' }]);
    }
    return inTransaction(db, async (tx) => {
      const d = await store.findDispute(tx, disputeCaseId, { forUpdate: true });
      if (d === undefined || d.commissionOrderId !== orderId) throw notFound('dispute', disputeCaseId);
      if (d.outcome !== undefined) throw conflict(`dispute ${disputeCaseId} was already decided (${d.outcome})`, 'commission_dispute.already_decided');
      const o = (await store.findOrder(tx, orderId, { forUpdate: true }))!;
      const status = (await deps.cases.getCase(caller, disputeCaseId, { tx, forUpdate: true })).case.status;
      if (status === 'received') {
        const r = await deps.cases.transition(caller, disputeCaseId, 'under_review', { tx, managed: true });
        if (!r.ok) throw r.error;
      }
      const moved = await deps.cases.transition(caller, disputeCaseId, decision, { tx, managed: true, note, data: { commission_order_id: o.id } });
      if (!moved.ok) throw moved.error;
      const now = clock.now();
      await store.decideDispute(tx, disputeCaseId, { outcome: decision, decidedBy: caller.id, at: now, previousCommissionMinor: o.commissionMinor });
      let order: CommissionOrder;
      if (decision === 'cancelled') {
        order = await cancelOrder(tx, caller, o, 'dispute_cancelled', { dispute_case_id: disputeCaseId });
      } else {
        const next: CommissionStatus = 'confirmed';
        if (!mayMove(o.status, next)) throw conflict(`commission order ${o.id} is ${o.status}`, 'commission_order.transition_not_allowed');
        const patch =
          decision === 'adjusted'
            ? { priceMinor: input.priceMinor!, priceSource: 'invoice' as const, commissionMinor: applyRateBps(money(input.priceMinor!, o.currency), o.rateBps).amountMinor }
            : {};
        order = await store.updateOrder(tx, o.id, { status: next, ...patch, at: now });
        await recordChange(tx, clock, {
          actor: callerActor(caller),
          action: `commission_order.${decision === 'adjusted' ? 'adjusted' : 'confirmed'}`,
          subject: { type: 'commission_order', id: o.id },
          fields: decision === 'adjusted' ? ['status', 'price_minor', 'price_source', 'commission_minor'] : ['status'],
          data: { disputeCaseId, from: o.commissionMinor, to: order.commissionMinor },
          event: { type: `commission_order.${decision === 'adjusted' ? 'adjusted' : 'confirmed'}`, payload: { ...orderPayload(order), dispute_case_id: disputeCaseId, previous_commission_minor: o.commissionMinor } },
        });
      }
      await sendOrderNotice(tx, order, note, await store.artefacts(tx, o.caseId), decision);
      return { dispute: (await store.findDispute(tx, disputeCaseId))!, order };
    });
  }

  /**
   * The marketplace reports how an order ended: collected (payout offset, card, invoice) or written
   * off. Only from issued or confirmed: a disputed order waits for its decision.
   */
  async function settle(caller: Principal, orderId: string, input: { outcome: string; note?: string | undefined }): Promise<CommissionOrder> {
    if (!(['integration', 'manager', 'admin'] as readonly Role[]).includes(caller.role)) throw forbidden('only the marketplace integration, managers and admins settle commission orders');
    if (input.outcome !== 'collected' && input.outcome !== 'written_off') throw invalidInput('unknown outcome', [{ field: '/outcome', reason: 'must be collected or written_off' }]);
    const to: CommissionStatus = input.outcome;
    return inTransaction(db, async (tx) => {
      const o = await store.findOrder(tx, orderId, { forUpdate: true });
      if (o === undefined) throw notFound('commission order', orderId);
      if (!mayMove(o.status, to)) throw conflict(`commission order ${o.id} is ${o.status} and cannot become ${to}`, 'commission_order.transition_not_allowed');
      const order = await store.updateOrder(tx, o.id, { status: to, at: clock.now() });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: `commission_order.${to}`,
        subject: { type: 'commission_order', id: o.id },
        fields: ['status'],
        data: { from: o.status, note: input.note ?? null },
        event: { type: `commission_order.${to}`, payload: orderPayload(order) },
      });
      await deps.cases.appendTimeline(INVESTIGATIONS, o.caseId, 'enforcement', { commission_order_id: o.id, status: to, via: { type: caller.kind, id: caller.id } }, { tx, event: false, firstResponse: false });
      return order;
    });
  }

  /** Dismissals per reason: what the tuning of the signal weights reads. */
  async function dismissalStats(caller: Principal) {
    assertStaff(caller);
    return store.dismissalStats(db);
  }

  return { scan, scoreOne, afterEventsStored, list, view, addArtefact, confirm, dismiss, getOrder, listOrders, fileDispute, decideDispute, settle, dismissalStats };
}

export type InvestigationService = ReturnType<typeof createInvestigationService>;
