import { randomBytes } from 'node:crypto';
import { AppError, invalidInput, newId, notFound, type Clock, type FieldError } from '../kernel';
import { inTransaction, recordChange, type Db } from '../db';
import { callerActor, priorityOfRank, priorityRank, systemCaller, type CaseCaller, type CaseDetail, type CaseService, type Priority } from '../cases';
import type { ConversationForReview, PartyDirectory, StoredMessageNotice } from '../marketplace';
import type { Hit } from '../detection';
import { reviewStore, type ClaimFilter } from './review.store';
import {
  DECISIONS,
  NO_VIOLATION_REASONS,
  SENIOR_ROLES,
  type Lease,
  type QueueLine,
  type ReviewCaseInfo,
  type ReviewClause,
  type ReviewDecision,
  type ReviewDecisionKind,
  type VendorAgreement,
} from './review.model';
import { partyMasker, reducedName, type KnownParty, type TextMasker } from './masking';

/** What the enforcement module offers review (optional until it is wired). */
export interface ReviewEnforcement {
  recordViolation(
    caller: CaseCaller,
    input: {
      sellerId: string;
      clauseId: string;
      severity: 'standard' | 'severe';
      caseId: string;
      conversationId?: string;
      messageIds: string[];
      excerpts: string[];
      automatedDetection: boolean;
      automatedDecision: boolean;
      decidedBy: string;
    },
    opts: { tx: Db },
  ): Promise<unknown>;
  standing?(sellerId: string): Promise<unknown>;
}

/** Per-rule automation (optional; the rules module builds it). */
export interface ReviewAutomation {
  /** Inside the ingest transaction: reads with `tx` (on PGlite a read on another connection would wait for it). */
  policy(opts?: { tx?: Db }): Promise<{ autoClearBelow: number; automaticViolationRules: ReadonlySet<string> }>;
  allowAutomaticViolation(tx: Db, input: { caseId: string; rules: string[] }): Promise<boolean>;
  onDecision(tx: Db, d: { caseId: string; decision: ReviewDecisionKind; rules: string[]; reviewerId: string; vendor: boolean; at: Date }): Promise<void>;
}

export interface ReviewDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly cases: CaseService;
  /** The marketplace's system read of a conversation (may be bound after construction). */
  readonly conversations: {
    conversationForReview(id: string, opts?: { tx?: Db }): Promise<ConversationForReview | undefined>;
    /** Names and e-mails behind ids, for the vendor masking safety net. */
    partyDirectory(ids: { sellerIds: readonly string[]; buyerIds: readonly string[]; conversationIds: readonly string[] }): Promise<PartyDirectory>;
  };
  readonly clauses: { resolveClause(clauseId: string, at?: Date): Promise<ReviewClause | undefined> };
  readonly enforcement?: ReviewEnforcement | undefined;
  readonly automation?: ReviewAutomation | undefined;
  /** The active rule-set version, stored with each decision. */
  readonly ruleSetVersion?: (() => Promise<string>) | undefined;
  readonly leaseMinutes: number;
  /** Used when no automation hook gives a threshold. */
  readonly autoClearBelow: number;
}

const REVIEW = systemCaller('review');
/** How long the safety net trusts a looked-up party name (names rarely change; a renamed party is masked by its new name after this). */
const PARTY_CACHE_MS = 30_000;
const PARTY_CACHE_MAX = 20_000;
const NOTE_MAX = 20_000;
const EXCERPT_RADIUS = 60;

function isVendor(caller: CaseCaller): boolean {
  return caller.kind !== 'system' && caller.role === 'vendor';
}

function isSenior(caller: CaseCaller): boolean {
  return caller.kind === 'system' || SENIOR_ROLES.includes(caller.role);
}

function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: unknown; cause?: { code?: unknown } };
  return String(x?.cause?.code ?? x?.code) === '23505';
}

const uniq = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** The most frequent message language of a conversation, `und` when none is known. */
export function dominantLanguage(messages: readonly { lang: string | undefined }[]): string {
  const counts = new Map<string, number>();
  for (const m of messages) if (m.lang !== undefined && m.lang !== '') counts.set(m.lang, (counts.get(m.lang) ?? 0) + 1);
  let best = 'und';
  let n = 0;
  for (const [lang, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > n) [best, n] = [lang, c];
  return best;
}

/** violation p2, review p3; one step more urgent when the seller already has open cases. */
export function intakePriority(verdict: 'review' | 'violation', sellerOpenCases: number): Priority {
  const base = verdict === 'violation' ? 2 : 3;
  return priorityOfRank(Math.max(1, base - (sellerOpenCases > 0 ? 1 : 0)));
}

export interface ReviewView {
  readonly detail: CaseDetail;
  readonly review: ReviewCaseInfo;
  readonly conversation: ConversationForReview | undefined;
  readonly decisions: readonly ReviewDecision[];
  readonly sellerHistory: { readonly decisions: readonly ReviewDecision[]; readonly openCases: readonly ReviewCaseInfo[] };
  readonly pairDecisions: readonly ReviewDecision[];
  readonly standing: unknown;
  readonly lease: { readonly reviewerId: string | undefined; readonly expiresAt: Date | undefined };
  /** Identity for staff; for vendors, masks a text with this conversation's parties known. */
  readonly mask: TextMasker;
  readonly vendor: boolean;
  readonly parties: { readonly seller: string | undefined; readonly buyer: string | undefined };
}

export interface DecisionInput {
  readonly leaseToken: string;
  readonly decision: ReviewDecisionKind;
  readonly clauseId?: string | undefined;
  readonly reason?: string | undefined;
  readonly note: string;
  readonly severity?: 'standard' | 'severe' | undefined;
}

export function createReviewService(deps: ReviewDeps) {
  const { db, clock, cases } = deps;
  const leaseMs = deps.leaseMinutes * 60_000;

  async function policy(tx: Db) {
    if (deps.automation === undefined) return { autoClearBelow: deps.autoClearBelow, automaticViolationRules: new Set<string>() as ReadonlySet<string> };
    return deps.automation.policy({ tx });
  }

  // ---------------- intake ----------------

  /**
   * The marketplace's `afterMessagesStored` hook, inside the ingest (or re-scan) transaction. Only
   * flagged messages cost anything: review or violation, not historical. Below the auto-clear score
   * they are counted; otherwise their conversation's open case is extended or one is opened (the
   * partial unique index keeps one open case per conversation, also under concurrent batches).
   */
  async function afterMessagesStored(tx: Db, messages: readonly StoredMessageNotice[]): Promise<void> {
    const flagged = messages.filter((m) => m.scan !== undefined && m.scan.verdict !== 'clear' && m.scan.historical !== true);
    if (flagged.length === 0) return;
    const { autoClearBelow, automaticViolationRules } = await policy(tx);
    const now = clock.now();
    const cleared = flagged.filter((m) => m.scan!.score < autoClearBelow);
    if (cleared.length > 0) {
      await reviewStore.insertAutoCleared(
        tx,
        cleared.map((m) => ({ messageId: m.id, conversationId: m.conversationId, score: m.scan!.score, rules: uniq(m.scan!.hits.map((h) => h.rule)), at: now })),
      );
    }
    const byConversation = new Map<string, StoredMessageNotice[]>();
    for (const m of flagged) {
      if (m.scan!.score < autoClearBelow) continue;
      const list = byConversation.get(m.conversationId) ?? [];
      list.push(m);
      byConversation.set(m.conversationId, list);
    }
    for (const conversationId of [...byConversation.keys()].sort()) {
      const batch = byConversation.get(conversationId)!;
      const caseId = await openOrExtend(tx, conversationId, batch, now);
      const rules = uniq(batch.flatMap((m) => m.scan!.hits.map((h) => h.rule)));
      const automatic = rules.filter((r) => automaticViolationRules.has(r));
      if (automatic.length > 0 && deps.automation !== undefined && (await deps.automation.allowAutomaticViolation(tx, { caseId, rules: automatic }))) {
        await decideAutomatically(tx, caseId, batch, automatic, now);
      }
    }
  }

  async function openOrExtend(tx: Db, conversationId: string, batch: readonly StoredMessageNotice[], now: Date): Promise<string> {
    const hits = batch.flatMap((m) => m.scan!.hits);
    const detection = batch.map((m) => ({
      message_id: m.id,
      verdict: m.scan!.verdict,
      score: m.scan!.score,
      kinds: uniq(m.scan!.hits.map((h) => h.kind)),
      rules: uniq(m.scan!.hits.map((h) => h.rule)),
    }));
    const maxScore = Math.max(...batch.map((m) => m.scan!.score));
    for (let attempt = 0; attempt < 3; attempt++) {
      const open = await reviewStore.findOpenByConversation(tx, conversationId, true);
      if (open !== undefined) {
        await reviewStore.extendCase(tx, open.caseId, {
          maxScore: Math.max(open.maxScore, maxScore),
          kinds: uniq([...open.kinds, ...hits.map((h) => h.kind)]),
          rules: uniq([...open.rules, ...hits.map((h) => h.rule)]),
          messageIds: uniq([...open.messageIds, ...batch.map((m) => m.id)]),
          at: now,
        });
        await cases.appendTimeline(REVIEW, open.caseId, 'detection', { messages: detection }, { tx, firstResponse: false });
        return open.caseId;
      }
      try {
        return await inTransaction(tx, async (sp) => {
          const first = batch[0]!;
          const conv = await deps.conversations.conversationForReview(conversationId, { tx: sp });
          const lang = dominantLanguage(conv?.messages ?? batch);
          const verdict = batch.some((m) => m.scan!.verdict === 'violation') ? 'violation' : 'review';
          const priority = intakePriority(verdict, await reviewStore.countOpenForSeller(sp, first.sellerId));
          const kinds = uniq(hits.map((h) => h.kind));
          const { detail } = await cases.openCase(
            REVIEW,
            {
              type: 'conversation_review',
              title: `Conversation ${conversationId}: ${kinds.join(', ')}`,
              priority,
              subjects: { sellerId: first.sellerId, buyerId: first.buyerId, listingId: conv?.conversation.listingId ?? first.listingId, conversationId },
            },
            { tx: sp },
          );
          await reviewStore.insertCase(sp, {
            caseId: detail.case.id,
            conversationId,
            sellerId: first.sellerId,
            buyerId: first.buyerId,
            open: true,
            lang,
            maxScore,
            kinds,
            rules: uniq(hits.map((h) => h.rule)),
            messageIds: uniq(batch.map((m) => m.id)),
            firstFlaggedAt: now,
            lastFlaggedAt: now,
          });
          await cases.appendTimeline(REVIEW, detail.case.id, 'detection', { messages: detection }, { tx: sp, firstResponse: false });
          return detail.case.id;
        });
      } catch (e) {
        // another transaction opened this conversation's case first: extend that one
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw new Error(`review: could not open or extend the case of conversation ${conversationId}`);
  }

  async function decideAutomatically(tx: Db, caseId: string, batch: readonly StoredMessageNotice[], rules: readonly string[], now: Date): Promise<void> {
    const review = (await reviewStore.findByCase(tx, caseId, true))!;
    const hit = batch.flatMap((m) => m.scan!.hits).find((h) => rules.includes(h.rule))!;
    const decision: ReviewDecision = {
      id: newId('rvd'),
      caseId,
      conversationId: review.conversationId,
      sellerId: review.sellerId,
      buyerId: review.buyerId,
      reviewerId: REVIEW.id,
      reviewerRole: 'system',
      vendorOrgId: undefined,
      decision: 'violation',
      clauseId: hit.clause,
      reason: undefined,
      note: `Automatic violation: ${rules.join(', ')}`,
      rules: review.rules,
      ruleSetVersion: undefined,
      automated: true,
      recommendation: false,
      confirmedBy: undefined,
      reversedBy: undefined,
      resolvedAt: undefined,
      at: now,
    };
    await applyDecision(tx, REVIEW, review, decision, { excerpts: excerptsOf(batch.map((m) => ({ id: m.id, senderRole: m.senderRole, hits: m.scan!.hits, body: undefined }))), severity: 'standard' });
  }

  function excerptsOf(messages: readonly { id: string; senderRole: string; hits: readonly Hit[]; body: string | undefined }[]): string[] {
    const out: string[] = [];
    for (const m of messages) {
      if (m.senderRole !== 'seller') continue;
      for (const h of m.hits) {
        if (m.body === undefined) out.push(h.value);
        else out.push(m.body.slice(Math.max(0, h.start - EXCERPT_RADIUS), Math.min(m.body.length, h.end + EXCERPT_RADIUS)));
      }
    }
    return uniq(out).slice(0, 10);
  }

  /**
   * Writes a (non-recommendation) decision: the case moves to its decided status, the review case
   * closes, the lease is released; a violation goes to enforcement in the same transaction.
   */
  async function applyDecision(
    tx: Db,
    caller: CaseCaller,
    review: ReviewCaseInfo,
    d: ReviewDecision,
    opts: { excerpts: string[]; severity: 'standard' | 'severe'; fence?: number | undefined },
  ): Promise<void> {
    const to = d.decision === 'violation' ? 'decided_violation' : d.decision === 'no_violation' ? 'decided_no_violation' : 'escalated';
    const detail = await cases.getCase(REVIEW, review.caseId, { tx, forUpdate: true });
    if (detail.case.status !== to) {
      // a reviewer in `open` (claimed before in_review existed, or automatic) first passes through in_review
      if (detail.case.status === 'open' && to !== 'escalated') {
        const step = await cases.transition(REVIEW, review.caseId, 'in_review', { tx, managed: true });
        if (!step.ok) throw step.error;
      }
      const moved = await cases.transition(caller, review.caseId, to, { tx, managed: true, note: d.note, data: { decision_id: d.id } });
      if (!moved.ok) throw moved.error;
    }
    await reviewStore.insertDecision(tx, { ...d, fence: opts.fence });
    await reviewStore.releaseLease(tx, review.caseId, d.at);
    if (d.decision !== 'escalate') await reviewStore.setOpen(tx, review.caseId, false);
    await cases.appendTimeline(
      caller,
      review.caseId,
      'decision',
      { decision_id: d.id, decision: d.decision, clause_id: d.clauseId ?? null, reason: d.reason ?? null, automated: d.automated, rules: [...d.rules] },
      { tx, event: false },
    );
    await recordChange(tx, clock, {
      actor: callerActor(caller),
      action: 'review.decided',
      subject: { type: 'case', id: review.caseId },
      fields: ['decision'],
      data: { decisionId: d.id, decision: d.decision, clauseId: d.clauseId, reason: d.reason, automated: d.automated },
      event: {
        type: 'review.decided',
        payload: { case_id: review.caseId, decision_id: d.id, decision: d.decision, clause_id: d.clauseId ?? null, seller_id: review.sellerId, automated: d.automated },
      },
    });
    if (d.decision === 'violation' && deps.enforcement !== undefined) {
      await deps.enforcement.recordViolation(
        caller,
        {
          sellerId: review.sellerId,
          clauseId: d.clauseId!,
          severity: opts.severity,
          caseId: review.caseId,
          conversationId: review.conversationId,
          messageIds: [...review.messageIds],
          excerpts: opts.excerpts,
          automatedDetection: true,
          automatedDecision: d.automated,
          decidedBy: d.reviewerId,
        },
        { tx },
      );
    }
    await deps.automation?.onDecision(tx, { caseId: review.caseId, decision: d.decision, rules: [...d.rules], reviewerId: d.reviewerId, vendor: d.vendorOrgId !== undefined, at: d.at });
  }

  // ---------------- queues and leases ----------------

  function claimFilter(caller: CaseCaller, queue: string | undefined, lang: string | undefined): ClaimFilter {
    const statuses = isSenior(caller) ? ['open', 'in_review', 'escalated'] : ['open', 'in_review'];
    if (isVendor(caller)) {
      if (caller.vendorOrgId === undefined) throw new AppError('forbidden', 'this vendor reviewer belongs to no organisation', { reason: 'review.vendor_without_org' });
      return { queue, lang, vendorOrgId: caller.vendorOrgId, statuses };
    }
    if (caller.kind !== 'system' && !['admin', 'manager', 'senior', 'agent', 'legal'].includes(caller.role)) throw new AppError('forbidden', 'only reviewers claim cases');
    return { queue, lang, statuses };
  }

  /** Open review cases per queue × language × priority: how many, unclaimed, overdue, oldest. Vendors see granted queues only. */
  async function queues(caller: CaseCaller): Promise<QueueLine[]> {
    const vendorOrgId = isVendor(caller) ? (caller.vendorOrgId ?? '') : undefined;
    const now = clock.now();
    const lines = await reviewStore.queueLines(db, vendorOrgId, now);
    return lines.map((l) => ({ ...l, oldestAgeSeconds: l.oldestOpenAt === undefined ? undefined : Math.max(0, Math.floor((now.getTime() - l.oldestOpenAt.getTime()) / 1000)) }));
  }

  /**
   * Gives the caller the next claimable case (highest priority, then oldest; an expired lease counts
   * as unclaimed) with an exclusive lease. Concurrent claimers skip each other's rows, so no case is
   * handed out twice. Refused with 404 `review.nothing_to_claim` when the queue is empty.
   */
  async function claim(caller: CaseCaller, opts: { queue?: string | undefined; lang?: string | undefined } = {}): Promise<Lease> {
    const filter = claimFilter(caller, opts.queue, opts.lang);
    return inTransaction(db, async (tx) => {
      const now = clock.now();
      const passed: string[] = [];
      let caseId = await reviewStore.lockNextClaimable(tx, filter, now);
      // decided (or claimed) by a transaction that committed while ours looked: take the next one
      while (caseId !== undefined && !(await reviewStore.stillClaimable(tx, caseId, filter, now))) {
        passed.push(caseId);
        caseId = await reviewStore.lockNextClaimable(tx, filter, now, passed);
      }
      if (caseId === undefined) {
        throw new AppError('not_found', `no case to claim${opts.queue === undefined ? '' : ` in queue ${opts.queue}`}${opts.lang === undefined ? '' : ` in language ${opts.lang}`}`, {
          reason: 'review.nothing_to_claim',
        });
      }
      // the row is locked: its fence cannot move under us
      const held = (await reviewStore.findLease(tx, caseId, false))!;
      const fence = held.fence + 1;
      const token = `${fence}.${randomBytes(24).toString('base64url')}`;
      const expiresAt = new Date(now.getTime() + leaseMs);
      await reviewStore.takeLease(tx, { caseId, fence, token, reviewerId: caller.id, reviewerKind: caller.kind, vendorOrgId: caller.vendorOrgId, now, expiresAt });
      return finishClaim(tx, caller, caseId, fence, token, now, expiresAt);
    });
  }

  async function finishClaim(tx: Db, caller: CaseCaller, caseId: string, fence: number, token: string, now: Date, expiresAt: Date): Promise<Lease> {
    const detail = await cases.getCase(caller, caseId, { tx, forUpdate: true });
    if (detail.case.status === 'open') {
      const moved = await cases.transition(caller, caseId, 'in_review', { tx, managed: true });
      if (!moved.ok) throw moved.error;
    }
    await cases.appendTimeline(caller, caseId, 'claim', { reviewer_id: caller.id, fence, expires_at: expiresAt.toISOString() }, { tx, event: false });
    await recordChange(tx, clock, {
      actor: callerActor(caller),
      action: 'review.claimed',
      subject: { type: 'case', id: caseId },
      fields: ['lease'],
      data: { fence, expiresAt: expiresAt.toISOString() },
      event: { type: 'review.claimed', payload: { case_id: caseId, reviewer_id: caller.id, fence, expires_at: expiresAt.toISOString(), claimed_at: now.toISOString() } },
    });
    return { caseId, token, fence, expiresAt };
  }

  /** The caller's lease on the case, checked under its row lock: refused when stale, foreign or expired. */
  async function heldLease(tx: Db, caller: CaseCaller, caseId: string, token: string, now: Date) {
    const lease = await reviewStore.findLease(tx, caseId, true);
    if (lease === undefined) throw notFound('case', caseId);
    if (lease.token !== token || lease.reviewerId !== caller.id || lease.releasedAt !== undefined) {
      throw new AppError('conflict', `you do not hold the lease on case ${caseId}; claim it again`, { reason: 'review.lease_not_held' });
    }
    if (lease.expiresAt.getTime() <= now.getTime()) {
      throw new AppError('conflict', `your lease on case ${caseId} expired at ${lease.expiresAt.toISOString()}; claim it again`, { reason: 'review.lease_expired' });
    }
    return lease;
  }

  async function renew(caller: CaseCaller, caseId: string, token: string): Promise<Lease> {
    return inTransaction(db, async (tx) => {
      const now = clock.now();
      const lease = await heldLease(tx, caller, caseId, token, now);
      await cases.getCase(caller, caseId, { tx });
      const expiresAt = new Date(now.getTime() + leaseMs);
      await reviewStore.renewLease(tx, caseId, expiresAt);
      await recordChange(tx, clock, { actor: callerActor(caller), action: 'review.lease_renewed', subject: { type: 'case', id: caseId }, fields: ['lease'], data: { fence: lease.fence } });
      return { caseId, token, fence: lease.fence, expiresAt };
    });
  }

  async function release(caller: CaseCaller, caseId: string, token: string): Promise<void> {
    await inTransaction(db, async (tx) => {
      const now = clock.now();
      const lease = await heldLease(tx, caller, caseId, token, now);
      const detail = await cases.getCase(caller, caseId, { tx, forUpdate: true });
      await reviewStore.releaseLease(tx, caseId, now);
      if (detail.case.status === 'in_review') {
        const moved = await cases.transition(caller, caseId, 'open', { tx, managed: true });
        if (!moved.ok) throw moved.error;
      }
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'review.released',
        subject: { type: 'case', id: caseId },
        fields: ['lease'],
        data: { fence: lease.fence },
        event: { type: 'review.released', payload: { case_id: caseId, reviewer_id: caller.id } },
      });
    });
  }

  // ---------------- the review view ----------------

  function knownParties(conv: ConversationForReview | undefined): KnownParty[] {
    if (conv === undefined) return [];
    const seller = conv.seller;
    const buyer = conv.buyer;
    return [
      { label: reducedName('Seller', seller?.name), names: seller?.name === undefined ? [] : [seller.name], emails: seller?.email === undefined ? [] : [seller.email] },
      { label: reducedName('Buyer', buyer?.name), names: buyer?.name === undefined ? [] : [buyer.name], emails: buyer?.email === undefined ? [] : [buyer.email] },
    ];
  }

  /** A masker for the caller: identity for staff; for vendors, the conversation's parties are known. */
  async function maskerFor(caller: CaseCaller, conversationId: string | undefined): Promise<TextMasker> {
    if (!isVendor(caller)) return (t) => t;
    const conv = conversationId === undefined ? undefined : await deps.conversations.conversationForReview(conversationId);
    return partyMasker(knownParties(conv));
  }

  const partyCache = new Map<string, { parties: KnownParty[]; until: number }>();

  /**
   * The parties behind seller, buyer, conversation and case ids, as the vendor masking safety net needs
   * them (names reduced to "Seller G.", e-mails known). Looked up in one round trip for what is not
   * cached; cached for a short while because every vendor response asks.
   */
  async function partiesForMasking(ids: {
    sellerIds: readonly string[];
    buyerIds: readonly string[];
    conversationIds: readonly string[];
    caseIds?: readonly string[] | undefined;
  }): Promise<KnownParty[]> {
    const now = Date.now(); // cache bookkeeping only: not domain time
    const subjects = await reviewStore.caseSubjects(db, ids.caseIds ?? []);
    const keys = uniq([
      ...[...ids.sellerIds, ...subjects.sellerIds].map((id) => `s:${id}`),
      ...[...ids.buyerIds, ...subjects.buyerIds].map((id) => `b:${id}`),
      ...[...ids.conversationIds, ...subjects.conversationIds].map((id) => `c:${id}`),
    ]);
    const missing = keys.filter((k) => (partyCache.get(k)?.until ?? 0) <= now);
    const fresh = new Map<string, KnownParty[]>();
    if (missing.length > 0) {
      const want = (prefix: string) => missing.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2));
      const dir = await deps.conversations.partyDirectory({ sellerIds: want('s:'), buyerIds: want('b:'), conversationIds: want('c:') });
      const party = (role: 'Seller' | 'Buyer', c: { name: string | undefined; email: string | undefined } | undefined): KnownParty[] =>
        c === undefined ? [] : [{ label: reducedName(role, c.name), names: c.name === undefined ? [] : [c.name], emails: c.email === undefined ? [] : [c.email] }];
      const sellers = new Map(dir.sellers.map((x) => [x.id, x]));
      const buyers = new Map(dir.buyers.map((x) => [x.id, x]));
      const conversations = new Map(dir.conversations.map((c) => [c.id, c]));
      const partiesOf = (key: string): KnownParty[] => {
        const id = key.slice(2);
        if (key.startsWith('s:')) return party('Seller', sellers.get(id));
        if (key.startsWith('b:')) return party('Buyer', buyers.get(id));
        const c = conversations.get(id);
        return c === undefined ? [] : [...party('Seller', sellers.get(c.sellerId)), ...party('Buyer', buyers.get(c.buyerId))];
      };
      if (partyCache.size + missing.length > PARTY_CACHE_MAX) partyCache.clear();
      for (const k of missing) {
        const parties = partiesOf(k);
        fresh.set(k, parties);
        // a party not yet known by name (a stub from ingest) is asked again: its name may arrive any moment
        const complete = parties.length === (k.startsWith('c:') ? 2 : 1) && parties.every((p) => p.names.length > 0);
        if (complete) partyCache.set(k, { parties, until: now + PARTY_CACHE_MS });
      }
    }
    return keys.flatMap((k) => fresh.get(k) ?? partyCache.get(k)?.parties ?? []);
  }

  async function view(caller: CaseCaller, caseId: string): Promise<ReviewView> {
    const detail = await cases.getCase(caller, caseId);
    const review = await reviewStore.findByCase(db, caseId);
    if (review === undefined) throw notFound('review case', caseId);
    const [conversation, decisions, sellerDecisions, openCases, pairDecisions, lease] = await Promise.all([
      deps.conversations.conversationForReview(review.conversationId),
      reviewStore.decisionsForCase(db, caseId),
      reviewStore.sellerHistory(db, review.sellerId, caseId, 50),
      reviewStore.openCasesOfSeller(db, review.sellerId, caseId),
      reviewStore.pairHistory(db, review.sellerId, review.buyerId, caseId, 50),
      reviewStore.findLease(db, caseId, false),
    ]);
    const standing = deps.enforcement?.standing === undefined ? undefined : await deps.enforcement.standing(review.sellerId);
    const vendor = isVendor(caller);
    const parties = knownParties(conversation);
    const active = lease !== undefined && lease.releasedAt === undefined && lease.expiresAt.getTime() > clock.now().getTime();
    return {
      detail,
      review,
      conversation,
      decisions,
      sellerHistory: { decisions: sellerDecisions, openCases },
      pairDecisions,
      standing,
      lease: { reviewerId: active ? lease.reviewerId : undefined, expiresAt: active ? lease.expiresAt : undefined },
      mask: vendor ? partyMasker(parties) : (t) => t,
      vendor,
      parties: {
        seller: vendor ? parties[0]?.label : conversation?.seller?.name,
        buyer: vendor ? parties[1]?.label : conversation?.buyer?.name,
      },
    };
  }

  // ---------------- decisions ----------------

  function validateDecision(input: DecisionInput): { note: string; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const note = input.note.trim();
    if (!(DECISIONS as readonly string[]).includes(input.decision)) errors.push({ field: '/decision', reason: `must be one of ${DECISIONS.join(', ')}` });
    if (note === '' || note.length > NOTE_MAX) errors.push({ field: '/note', reason: `must be 1–${NOTE_MAX} characters` });
    if (input.decision === 'violation' && (input.clauseId === undefined || input.clauseId.trim() === '')) errors.push({ field: '/clause_id', reason: 'a violation must cite a policy clause' });
    if (input.decision === 'no_violation' && !(NO_VIOLATION_REASONS as readonly string[]).includes(input.reason ?? '')) {
      errors.push({ field: '/reason', reason: `a no-violation decision needs a reason: ${NO_VIOLATION_REASONS.join(', ')}` });
    }
    return { note, errors };
  }

  async function resolveClause(clauseId: string | undefined, field: string): Promise<ReviewClause | undefined> {
    if (clauseId === undefined) return undefined;
    const clause = await deps.clauses.resolveClause(clauseId.trim(), clock.now());
    if (clause === undefined) throw invalidInput('the clause is not in the policy knowledge base', [{ field, reason: `clause ${clauseId} does not exist` }]);
    return clause;
  }

  /**
   * Records the caller's decision on a case they hold the lease of. A vendor's decision is stored as
   * a recommendation and the case waits for a senior (escalated). Returns the decision and the next
   * claimable case for "straight to the next case".
   */
  async function decide(caller: CaseCaller, caseId: string, input: DecisionInput): Promise<{ decision: ReviewDecision; nextCaseId: string | undefined }> {
    const { note, errors } = validateDecision(input);
    if (errors.length > 0) throw invalidInput('the decision is not valid', errors);
    // resolved before the transaction: the knowledge base reads on its own connection
    const clause = input.decision === 'violation' ? await resolveClause(input.clauseId, '/clause_id') : undefined;
    const ruleSetVersion = await deps.ruleSetVersion?.();
    const vendor = isVendor(caller);
    const decision = await inTransaction(db, async (tx) => {
      const now = clock.now();
      const lease = await heldLease(tx, caller, caseId, input.leaseToken, now);
      const review = await reviewStore.findByCase(tx, caseId, true);
      if (review === undefined) throw notFound('review case', caseId);
      const detail = await cases.getCase(caller, caseId, { tx, forUpdate: true });
      if (detail.closed) throw new AppError('conflict', `case ${caseId} is already decided`, { reason: 'review.already_decided' });
      if (detail.case.status === 'escalated' && !isSenior(caller)) throw new AppError('forbidden', 'an escalated case is decided by a senior', { reason: 'review.escalation_needs_senior' });
      const d: ReviewDecision = {
        id: newId('rvd'),
        caseId,
        conversationId: review.conversationId,
        sellerId: review.sellerId,
        buyerId: review.buyerId,
        reviewerId: caller.id,
        reviewerRole: caller.kind === 'system' ? 'system' : caller.role,
        vendorOrgId: caller.vendorOrgId,
        decision: input.decision,
        clauseId: clause?.clauseId,
        reason: input.decision === 'no_violation' ? input.reason : undefined,
        note,
        rules: review.rules,
        ruleSetVersion,
        automated: false,
        recommendation: vendor,
        confirmedBy: undefined,
        reversedBy: undefined,
        resolvedAt: undefined,
        at: now,
      };
      if (vendor) {
        await recordRecommendation(tx, caller, review, d, lease.fence);
        return d;
      }
      const conv = input.decision === 'violation' ? await deps.conversations.conversationForReview(review.conversationId, { tx }) : undefined;
      const flagged = new Set(review.messageIds);
      const excerpts = excerptsOf((conv?.messages ?? []).filter((m) => flagged.has(m.id)).map((m) => ({ id: m.id, senderRole: m.senderRole, hits: m.scan?.hits ?? [], body: m.body })));
      await applyDecision(tx, caller, review, d, { excerpts, severity: input.severity ?? 'standard', fence: lease.fence });
      return d;
    });
    return { decision, nextCaseId: await reviewStore.peekNextClaimable(db, claimFilter(caller, undefined, undefined), clock.now()) };
  }

  async function recordRecommendation(tx: Db, caller: CaseCaller, review: ReviewCaseInfo, d: ReviewDecision, fence: number): Promise<void> {
    await reviewStore.insertDecision(tx, { ...d, fence });
    await reviewStore.releaseLease(tx, review.caseId, d.at);
    const moved = await cases.transition(caller, review.caseId, 'escalated', { tx, managed: true, data: { recommendation_id: d.id } });
    if (!moved.ok) throw moved.error;
    await cases.appendTimeline(caller, review.caseId, 'recommendation', { recommendation_id: d.id, decision: d.decision, clause_id: d.clauseId ?? null, reason: d.reason ?? null }, { tx, event: false });
    await recordChange(tx, clock, {
      actor: callerActor(caller),
      action: 'review.recommended',
      subject: { type: 'case', id: review.caseId },
      fields: ['recommendation'],
      data: { recommendationId: d.id, decision: d.decision, clauseId: d.clauseId, vendorOrgId: d.vendorOrgId },
      event: { type: 'review.recommended', payload: { case_id: review.caseId, recommendation_id: d.id, decision: d.decision, vendor_org_id: d.vendorOrgId ?? null } },
    });
  }

  /**
   * A senior confirms a vendor's recommendation (it becomes the senior's decision, with enforcement)
   * or reverses it with their own decision; either way the vendor reviewer's agreement is counted.
   */
  async function confirm(
    caller: CaseCaller,
    caseId: string,
    input: { recommendationId: string; outcome: 'confirm' | 'reverse'; decision?: ReviewDecisionKind | undefined; clauseId?: string | undefined; reason?: string | undefined; note: string; severity?: 'standard' | 'severe' | undefined },
  ): Promise<{ decision: ReviewDecision; recommendation: ReviewDecision }> {
    if (!isSenior(caller)) throw new AppError('forbidden', 'only a senior confirms or reverses a recommendation', { reason: 'review.confirmation_needs_senior' });
    const rec = await reviewStore.findDecision(db, input.recommendationId);
    if (rec === undefined || rec.caseId !== caseId || !rec.recommendation) throw notFound('recommendation', input.recommendationId);
    if (input.outcome === 'reverse' && (input.decision === undefined || input.decision === rec.decision)) {
      throw invalidInput('a reversal names the decision the senior takes instead', [{ field: '/decision', reason: `must differ from the recommendation (${rec.decision})` }]);
    }
    const applied: DecisionInput = {
      leaseToken: '',
      decision: input.outcome === 'confirm' ? rec.decision : input.decision!,
      clauseId: input.outcome === 'confirm' ? (input.clauseId ?? rec.clauseId) : input.clauseId,
      reason: input.outcome === 'confirm' ? (input.reason ?? rec.reason) : input.reason,
      note: input.note,
      severity: input.severity,
    };
    const { note, errors } = validateDecision(applied);
    if (applied.decision === 'escalate') errors.push({ field: '/decision', reason: 'a senior confirms with violation or no_violation' });
    if (errors.length > 0) throw invalidInput('the confirmation is not valid', errors);
    const clause = applied.decision === 'violation' ? await resolveClause(applied.clauseId, '/clause_id') : undefined;
    const ruleSetVersion = await deps.ruleSetVersion?.();
    return inTransaction(db, async (tx) => {
      const now = clock.now();
      await reviewStore.findLease(tx, caseId, true);
      const review = await reviewStore.findByCase(tx, caseId, true);
      if (review === undefined) throw notFound('review case', caseId);
      const fresh = (await reviewStore.findDecision(tx, rec.id, true))!;
      if (fresh.resolvedAt !== undefined) throw new AppError('conflict', `recommendation ${rec.id} was already ${fresh.confirmedBy !== undefined ? 'confirmed' : 'reversed'}`, { reason: 'review.recommendation_resolved' });
      const detail = await cases.getCase(caller, caseId, { tx, forUpdate: true });
      if (detail.closed) throw new AppError('conflict', `case ${caseId} is already decided`, { reason: 'review.already_decided' });
      const d: ReviewDecision = {
        id: newId('rvd'),
        caseId,
        conversationId: review.conversationId,
        sellerId: review.sellerId,
        buyerId: review.buyerId,
        reviewerId: caller.id,
        reviewerRole: caller.kind === 'system' ? 'system' : caller.role,
        vendorOrgId: undefined,
        decision: applied.decision,
        clauseId: clause?.clauseId,
        reason: applied.decision === 'no_violation' ? applied.reason : undefined,
        note,
        rules: review.rules,
        ruleSetVersion,
        automated: false,
        recommendation: false,
        confirmedBy: undefined,
        reversedBy: undefined,
        resolvedAt: undefined,
        at: now,
      };
      const conv = d.decision === 'violation' ? await deps.conversations.conversationForReview(review.conversationId, { tx }) : undefined;
      const flagged = new Set(review.messageIds);
      const excerpts = excerptsOf((conv?.messages ?? []).filter((m) => flagged.has(m.id)).map((m) => ({ id: m.id, senderRole: m.senderRole, hits: m.scan?.hits ?? [], body: m.body })));
      await applyDecision(tx, caller, review, d, { excerpts, severity: applied.severity ?? 'standard' });
      await reviewStore.resolveRecommendation(tx, rec.id, { ...(input.outcome === 'confirm' ? { confirmedBy: caller.id } : { reversedBy: caller.id }), at: now, decisionId: d.id });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: input.outcome === 'confirm' ? 'review.recommendation_confirmed' : 'review.recommendation_reversed',
        subject: { type: 'case', id: caseId },
        fields: ['recommendation'],
        data: { recommendationId: rec.id, decisionId: d.id },
      });
      return { decision: d, recommendation: (await reviewStore.findDecision(tx, rec.id))! };
    });
  }

  /** Each vendor reviewer's agreement with seniors (confirmed vs reversed recommendations). */
  async function vendorAgreement(caller: CaseCaller, opts: { vendorOrgId?: string | undefined; since?: Date | undefined }): Promise<VendorAgreement[]> {
    if (caller.kind !== 'system' && !['admin', 'manager'].includes(caller.role)) throw new AppError('forbidden', 'only managers and admins see vendor agreement');
    return reviewStore.vendorAgreement(db, opts.vendorOrgId, opts.since);
  }

  return {
    afterMessagesStored,
    queues,
    claim,
    renew,
    release,
    view,
    decide,
    confirm,
    vendorAgreement,
    maskerFor,
    partiesForMasking,
    /** Flagged messages cleared below the threshold so far. */
    autoClearedCount: () => reviewStore.countAutoCleared(db),
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
export { priorityRank };
