import { AppError, conflict, forbidden, invalidInput, newId, notFound, sha256Hex, type Clock, type FieldError } from '../kernel';
import { inTransaction, recordChange, type Db } from '../db';
import type { Principal, Role } from '../identity';
import { callerActor, STAFF_ROLES, systemCaller, type Case, type CaseCaller, type CaseService, type TimelineEntry } from '../cases';
import { appealCaseType } from './appeal.case-type';
import { ladderPosition, nextStep, SEVERITIES, type Ladder } from './ladder';
import { renderNotice, type ClauseRef, type NoticeRestriction } from './notice.render';
import type { NoticeKind } from './notice.texts';
import { enforcementStore as store } from './enforcement.store';
import {
  APPEAL_LIST_STATUSES,
  restrictionState,
  type Appeal,
  type AppealDetail,
  type AppealListStatus,
  type AppealOutcome,
  type AppealWork,
  type ClauseSource,
  type Mailer,
  type Notice,
  type PeopleDirectory,
  type PersonRef,
  type RecordedViolation,
  type RecordViolationInput,
  type Restriction,
  type RestrictionState,
  type SellerContact,
  type SellerDirectory,
  type SellerReply,
  type Standing,
  type Violation,
} from './enforcement.model';

export interface EnforcementDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly cases: Pick<CaseService, 'openCase' | 'getCase' | 'appendTimeline' | 'transition' | 'listCases'>;
  readonly clauses: ClauseSource;
  readonly sellers: SellerDirectory;
  readonly ladder: Ladder;
  /** A strike stops counting this many days after the decision (default 365). */
  readonly strikeExpiryDays: number;
  /** A seller may appeal for this many days after the notice (DSA Art. 20: at least six months). */
  readonly appealWindowDays: number;
  /** Termination takes effect this many days after the notice (P2B Art. 4(2): at least 30). */
  readonly terminationNoticeDays: number;
  /**
   * P2B Art. 4(4) lets a platform terminate without the notice period for repeated infringement of
   * its terms. Whether a record amounts to that is a legal judgement the marketplace makes, so it is
   * opt-in: with N > 0, a termination is immediate when the seller already had at least N decisions
   * that restricted them (not overturned, expired or not); with 0 every termination gets the notice period.
   */
  readonly immediateTerminationAfterRestrictions: number;
  readonly marketplaceName: string;
  /** Where sellers file an appeal (linked in every notice). */
  readonly helpUrl: string;
  /** Email through the outbox (src/notify `queueEmail`); without it notices are stored but not sent (email_id null). */
  readonly mail?: Mailer | undefined;
  /** Names the people who decided (src/identity); without it deciders are shown by id. */
  readonly people?: PeopleDirectory | undefined;
}

const DAY_MS = 86_400_000;
const SENIORS: readonly Role[] = ['senior', 'manager', 'admin', 'legal'];
const APPEAL_FILERS: readonly Role[] = ['integration', ...STAFF_ROLES];
const EXCERPTS_MAX = 20;
const EXCERPT_MAX = 1000;
const MESSAGE_IDS_MAX = 500;
const ID_MAX = 128;
const TEXT_MAX = 10_000;
const ENFORCEMENT = systemCaller('enforcement');

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

function checkId(value: string | undefined, field: string, errors: FieldError[], required = true): void {
  if (value === undefined) {
    if (required) errors.push({ field, reason: 'is required' });
    return;
  }
  if (value.trim() === '' || value.length > ID_MAX) errors.push({ field, reason: `must be 1–${ID_MAX} characters` });
}

function checkText(value: string, field: string, max = TEXT_MAX): string {
  const t = value.trim();
  if (t === '' || t.length > max) throw invalidInput(`the ${field.slice(1)} is not valid`, [{ field, reason: `must be 1–${max} characters` }]);
  return t;
}

function mayDecideViolations(caller: CaseCaller): boolean {
  return caller.kind === 'system' || STAFF_ROLES.includes(caller.role);
}

/**
 * Violations, the ladder, strikes, notices, restrictions and appeals. Every change runs in one
 * transaction with its audit entries, outbox events, case timeline entries and the notice email.
 */
export function createEnforcementService(deps: EnforcementDeps) {
  const { db, clock, ladder } = deps;
  if (ladder.length === 0) throw new Error('the enforcement ladder needs at least one step');

  function stepRef(step: number): { step: number; name: string } {
    return { step, name: ladder[step]!.name };
  }

  async function contactOf(tx: Db | undefined, sellerId: string): Promise<SellerContact> {
    const c = await deps.sellers.contact(sellerId, { tx });
    if (c === undefined) throw invalidInput('the seller is not known', [{ field: '/seller_id', reason: `seller ${sellerId} is not known to Assay` }]);
    return c;
  }

  /** The first (ladder-step) notice of a violation: the seller was informed when it was written. */
  async function decisionNotice(tx: Db, violationId: string): Promise<Notice> {
    const all = await store.listNotices(tx, { violationId });
    const first = all.filter((n) => n.step !== undefined).at(-1);
    if (first === undefined) throw new Error(`violation ${violationId} has no notice`);
    return first;
  }

  /** Renders, stores and queues a notice; audited (the email row carries the delivery). */
  async function sendNotice(
    tx: Db,
    actor: CaseCaller,
    v: Violation,
    contact: SellerContact,
    kind: NoticeKind,
    extra: { restrictions?: readonly NoticeRestriction[]; terminationEffectiveAt?: Date; terminationImmediate?: boolean; appealCaseId?: string; reasons?: string; appealDeadline: Date },
  ): Promise<Notice> {
    const rendered = renderNotice({
      kind,
      languages: contact.languages,
      timeZone: contact.timeZone,
      marketplaceName: deps.marketplaceName,
      helpUrl: deps.helpUrl,
      sellerName: contact.name,
      reference: v.id,
      clause: v.clause,
      excerpts: v.excerpts,
      decidedAt: v.decidedAt,
      restrictions: extra.restrictions ?? [],
      strikeExpiresAt: v.strikeExpiresAt,
      appealDeadline: extra.appealDeadline,
      terminationEffectiveAt: extra.terminationEffectiveAt,
      terminationImmediate: extra.terminationImmediate,
      automatedDetection: v.automatedDetection,
      automatedDecision: v.automatedDecision,
      reasons: extra.reasons,
    });
    const id = newId('ntc');
    const emailId =
      deps.mail !== undefined && contact.email !== undefined
        ? await deps.mail.queueEmail(tx, clock, { to: contact.email, subject: rendered.subject, text: rendered.text, html: rendered.html, lang: rendered.lang, ref: { type: 'notice', id } })
        : null;
    const notice = await store.insertNotice(tx, {
      id,
      sellerId: v.sellerId,
      violationId: v.id,
      appealCaseId: extra.appealCaseId ?? null,
      kind,
      step: kind.startsWith('appeal_') ? null : v.step,
      lang: rendered.lang,
      toEmail: contact.email ?? null,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      sor: rendered.sor ?? null,
      emailId,
      createdAt: clock.now(),
    });
    await recordChange(tx, clock, {
      actor: callerActor(actor),
      action: 'notice.created',
      subject: { type: 'notice', id },
      fields: ['subject', 'text', 'html', 'sor', 'email_id'],
      data: { kind, violationId: v.id, sellerId: v.sellerId, lang: rendered.lang, emailId, sha256: sha256Hex(rendered.text) },
    });
    return notice;
  }

  function validateViolation(input: RecordViolationInput): void {
    const errors: FieldError[] = [];
    checkId(input.sellerId, '/seller_id', errors);
    checkId(input.clauseId, '/clause_id', errors);
    checkId(input.caseId, '/case_id', errors);
    checkId(input.conversationId, '/conversation_id', errors, false);
    checkId(input.decidedBy, '/decided_by', errors);
    if (!SEVERITIES.includes(input.severity)) errors.push({ field: '/severity', reason: `must be one of ${SEVERITIES.join(', ')}` });
    if (input.messageIds.length > MESSAGE_IDS_MAX) errors.push({ field: '/message_ids', reason: `must hold at most ${MESSAGE_IDS_MAX} ids` });
    input.messageIds.forEach((m, i) => checkId(m, `/message_ids/${i}`, errors));
    if (input.excerpts.length > EXCERPTS_MAX) errors.push({ field: '/excerpts', reason: `must hold at most ${EXCERPTS_MAX} excerpts` });
    input.excerpts.forEach((e, i) => {
      if (e.trim() === '' || e.length > EXCERPT_MAX) errors.push({ field: `/excerpts/${i}`, reason: `must be 1–${EXCERPT_MAX} characters` });
    });
    if (errors.length > 0) throw invalidInput('the violation is not valid', errors);
  }

  /**
   * Records a confirmed violation: puts the seller on the next step of the ladder, applies the
   * step's restrictions, writes and queues the notice with its statement of reasons, and notes it on
   * the case. Runs in the caller's transaction (`tx`: the reviewer's decision commits with it).
   */
  async function recordViolation(caller: CaseCaller, input: RecordViolationInput, opts: { tx?: Db | undefined } = {}): Promise<RecordedViolation> {
    if (!mayDecideViolations(caller)) throw forbidden('only staff and the system record violations');
    validateViolation(input);
    // looked up before our transaction opens (or in the caller's): on PGlite a read through the
    // plain connection from inside a transaction would wait for that transaction forever
    const clause: ClauseRef | undefined = await deps.clauses.resolveClause(input.clauseId, clock.now(), { tx: opts.tx });
    if (clause === undefined) throw invalidInput('the clause is not in the knowledge base', [{ field: '/clause_id', reason: `clause ${input.clauseId} is not known` }]);
    const contact = await contactOf(opts.tx, input.sellerId);
    return inTransaction(opts.tx ?? db, async (tx) => {
      const now = clock.now();
      try {
        await deps.cases.getCase(ENFORCEMENT, input.caseId, { tx });
      } catch (e) {
        if (e instanceof AppError && e.code === 'not_found') throw invalidInput('the case does not exist', [{ field: '/case_id', reason: `case ${input.caseId} not found` }]);
        throw e;
      }
      await store.lockSeller(tx, input.sellerId);
      const earlier = await store.listViolations(tx, input.sellerId);
      const step = nextStep(ladder, earlier, now, input.severity);
      const def = ladder[step]!;
      const terminates = def.restrictions.some((r) => r.kind === 'account_terminated');
      const restrictedBefore = earlier.filter((v) => v.status === 'active' && ladder[v.step] !== undefined && ladder[v.step]!.restrictions.length > 0).length;
      const immediate = terminates && deps.immediateTerminationAfterRestrictions > 0 && restrictedBefore >= deps.immediateTerminationAfterRestrictions;
      const terminationEffectiveAt = immediate ? now : addDays(now, deps.terminationNoticeDays);

      const excerpts = input.excerpts.map((e) => e.trim());
      const violation = await store.insertViolation(tx, {
        id: newId('vio'),
        sellerId: input.sellerId,
        clauseId: clause.clauseId,
        policyVersion: clause.version,
        clauseTitle: clause.title,
        clauseText: clause.text,
        severity: input.severity,
        caseId: input.caseId,
        conversationId: input.conversationId ?? null,
        messageIds: [...input.messageIds],
        excerpts,
        excerptsSha256: sha256Hex(JSON.stringify(excerpts)),
        decidedBy: input.decidedBy,
        automatedDetection: input.automatedDetection,
        automatedDecision: input.automatedDecision,
        step,
        stepName: def.name,
        decidedAt: now,
        strikeExpiresAt: addDays(now, deps.strikeExpiryDays),
        status: 'active',
      });
      const applied: Restriction[] = [];
      for (const spec of def.restrictions) {
        const effectiveAt = spec.kind === 'account_terminated' ? terminationEffectiveAt : now;
        applied.push(
          await store.insertRestriction(tx, {
            id: newId('rst'),
            sellerId: input.sellerId,
            violationId: violation.id,
            kind: spec.kind,
            appliedAt: now,
            effectiveAt,
            endsAt: spec.days === undefined ? null : addDays(effectiveAt, spec.days),
          }),
        );
      }
      const notice = await sendNotice(tx, caller, violation, contact, def.notice, {
        restrictions: applied,
        terminationEffectiveAt: terminates ? terminationEffectiveAt : undefined,
        terminationImmediate: immediate,
        appealDeadline: addDays(now, deps.appealWindowDays),
      });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'violation.recorded',
        subject: { type: 'violation', id: violation.id },
        fields: ['seller_id', 'clause_id', 'severity', 'step', 'strike_expires_at', 'status'],
        data: { sellerId: violation.sellerId, clauseId: clause.clauseId, policyVersion: clause.version, step, stepName: def.name, decidedBy: input.decidedBy, noticeId: notice.id },
        event: {
          type: 'violation.recorded',
          payload: {
            schema_version: 1,
            id: violation.id,
            seller_id: violation.sellerId,
            clause_id: clause.clauseId,
            policy_version: clause.version,
            severity: violation.severity,
            step,
            step_name: def.name,
            case_id: violation.caseId,
            conversation_id: violation.conversationId ?? null,
            decided_at: now.toISOString(),
            strike_expires_at: violation.strikeExpiresAt.toISOString(),
            automated_detection: violation.automatedDetection,
            automated_decision: violation.automatedDecision,
            notice_id: notice.id,
            restriction_ids: applied.map((r) => r.id),
          },
        },
      });
      for (const r of applied) {
        await recordChange(tx, clock, {
          actor: callerActor(caller),
          action: 'restriction.applied',
          subject: { type: 'restriction', id: r.id },
          fields: ['kind', 'effective_at', 'ends_at'],
          data: { sellerId: r.sellerId, violationId: violation.id, kind: r.kind, noticeId: notice.id },
          // P2B Art. 4(1): the marketplace applies the restriction when it hears this, so it waits for the reasons to be sent
          event: { type: 'seller.restriction.applied', payload: restrictionPayload(r, notice), afterEmailId: notice.emailId },
        });
      }
      await deps.cases.appendTimeline(
        caller,
        input.caseId,
        'enforcement',
        { violation_id: violation.id, step, step_name: def.name, clause_id: clause.clauseId, notice_id: notice.id, restriction_ids: applied.map((r) => r.id) },
        { tx, event: false, firstResponse: false },
      );
      return { violation, step: stepRef(step), notice, restrictions: applied };
    });
  }

  function restrictionPayload(r: Restriction, notice: Notice | undefined) {
    return {
      schema_version: 1,
      id: r.id,
      seller_id: r.sellerId,
      violation_id: r.violationId,
      kind: r.kind,
      starts_at: r.appliedAt.toISOString(),
      effective_at: r.effectiveAt.toISOString(),
      ends_at: r.endsAt?.toISOString() ?? null,
      lifted_at: r.liftedAt?.toISOString() ?? null,
      notice_id: notice?.id ?? null,
    };
  }

  /** The seller's standing now: ladder position, active strikes, restrictions, and the record. */
  async function standing(sellerId: string): Promise<Standing> {
    const now = clock.now();
    const [violations, restrictions, notices, appeals] = await Promise.all([
      store.listViolations(db, sellerId),
      store.listRestrictions(db, sellerId),
      store.listNotices(db, { sellerId }),
      store.listAppeals(db, { sellerId }),
    ]);
    const pos = ladderPosition(ladder, violations, now);
    const active = violations.filter((v) => v.status === 'active' && v.strikeExpiresAt.getTime() > now.getTime());
    return {
      sellerId,
      position: pos < 0 ? undefined : stepRef(pos),
      nextStep: stepRef(nextStep(ladder, violations, now, 'standard')),
      activeStrikes: active,
      restrictions: restrictions.map((r) => ({ ...r, state: restrictionState(r, now) })),
      violations: [...violations].reverse(),
      notices,
      appeals: [...appeals].reverse(),
    };
  }

  async function getViolation(id: string): Promise<{ violation: Violation; restrictions: (Restriction & { state: RestrictionState })[]; notices: Notice[]; appeals: Appeal[] }> {
    const violation = await store.findViolation(db, id);
    if (violation === undefined) throw notFound('violation', id);
    const [restrictions, notices, appeals] = await Promise.all([
      store.listRestrictions(db, violation.sellerId).then((rs) => rs.filter((r) => r.violationId === id).map((r) => ({ ...r, state: restrictionState(r, clock.now()) }))),
      store.listNotices(db, { violationId: id }),
      store.listAppeals(db, { violationId: id }),
    ]);
    return { violation, restrictions, notices, appeals };
  }

  /** A seller's violations, newest first; pass `tx` when inside a transaction. */
  async function listViolations(sellerId: string, opts: { tx?: Db | undefined } = {}): Promise<Violation[]> {
    return (await store.listViolations(opts.tx ?? db, sellerId)).reverse();
  }

  async function getNotice(id: string): Promise<Notice> {
    const n = await store.findNotice(db, id);
    if (n === undefined) throw notFound('notice', id);
    return n;
  }

  /**
   * Files the seller's appeal (forwarded by the marketplace, or entered by staff on their behalf):
   * free of charge, within the window from the decision notice, one open appeal per violation.
   * Opens an `appeal` case and sends the seller an acknowledgement.
   */
  async function fileAppeal(actor: Principal, input: { violationId: string; reason: string }): Promise<{ appeal: Appeal; notice: Notice }> {
    if (!APPEAL_FILERS.includes(actor.role)) throw forbidden('only the marketplace integration and staff file appeals');
    const reason = checkText(input.reason, '/reason');
    return inTransaction(db, async (tx) => {
      const v = await store.findViolation(tx, input.violationId, { forUpdate: true });
      if (v === undefined) throw notFound('violation', input.violationId);
      if (v.status === 'overturned') throw conflict(`violation ${v.id} was already overturned; there is nothing to appeal`, 'appeal.violation_overturned');
      const informed = await decisionNotice(tx, v.id);
      const deadline = addDays(informed.createdAt, deps.appealWindowDays);
      const now = clock.now();
      if (now.getTime() > deadline.getTime()) {
        throw new AppError('conflict', `the appeal window for violation ${v.id} closed on ${deadline.toISOString()} (${deps.appealWindowDays} days after the notice)`, {
          reason: 'appeal.window_closed',
        });
      }
      const open = await store.findOpenAppeal(tx, v.id);
      if (open !== undefined) throw conflict(`violation ${v.id} already has an open appeal (case ${open.caseId})`, 'appeal.already_open');
      const contact = await contactOf(tx, v.sellerId);
      const opened = await deps.cases.openCase(
        ENFORCEMENT,
        {
          type: 'appeal',
          title: `Appeal against ${v.id} (${v.clause.clauseId}, ${v.stepName})`,
          subjects: { sellerId: v.sellerId, conversationId: v.conversationId },
        },
        { tx },
      );
      const caseId = opened.detail.case.id;
      const appeal = await store.insertAppeal(tx, { caseId, violationId: v.id, sellerId: v.sellerId, reason, filedByType: actor.kind, filedById: actor.id, filedAt: now });
      await deps.cases.appendTimeline(ENFORCEMENT, caseId, 'link', { violation_id: v.id, case_id: v.caseId, relation: 'appeal_of' }, { tx, event: false });
      await deps.cases.appendTimeline(ENFORCEMENT, caseId, 'reply', { violation_id: v.id, from: 'seller', via: { type: actor.kind, id: actor.id }, body: reason }, { tx, event: false });
      await deps.cases.appendTimeline(ENFORCEMENT, v.caseId, 'link', { violation_id: v.id, case_id: caseId, relation: 'appealed_in' }, { tx, event: false });
      const notice = await sendNotice(tx, actor, v, contact, 'appeal_received', { appealCaseId: caseId, appealDeadline: deadline });
      await recordChange(tx, clock, {
        actor: callerActor(actor),
        action: 'appeal.filed',
        subject: { type: 'violation', id: v.id },
        fields: ['appeals'],
        data: { caseId, sha256: sha256Hex(reason), noticeId: notice.id },
        event: { type: 'appeal.filed', payload: { schema_version: 1, case_id: caseId, violation_id: v.id, seller_id: v.sellerId, filed_at: now.toISOString() } },
      });
      return { appeal, notice };
    });
  }

  /**
   * Decides an appeal, by qualified staff who did not take the original decision. Overturned: the
   * strike is removed, the restrictions it brought are lifted and the seller told; upheld: the seller
   * gets the reasons. One transaction each.
   */
  async function decideAppeal(caller: Principal, caseId: string, outcome: AppealOutcome, note: string): Promise<{ appeal: Appeal; violation: Violation; lifted: Restriction[]; notice: Notice }> {
    if (!SENIORS.includes(caller.role)) {
      throw new AppError('forbidden', 'appeals are decided by senior reviewers, managers, admins or legal', { reason: 'appeal.decision_needs_qualified_staff' });
    }
    if (outcome !== 'upheld' && outcome !== 'overturned') throw invalidInput('unknown decision', [{ field: '/decision', reason: 'must be upheld or overturned' }]);
    const reasons = checkText(note, '/note', 20_000);
    return inTransaction(db, async (tx) => {
      const a = await store.findAppeal(tx, caseId, { forUpdate: true });
      if (a === undefined) throw notFound('appeal', caseId);
      if (a.outcome !== undefined) throw conflict(`appeal ${caseId} was already decided (${a.outcome})`, 'appeal.already_decided');
      const v = (await store.findViolation(tx, a.violationId, { forUpdate: true }))!;
      if (v.decidedBy === caller.id) {
        throw new AppError('forbidden', 'you decided the violation under appeal; another senior must decide the appeal', { reason: 'appeal.decider_decided_violation' });
      }
      const c = await deps.cases.getCase(caller, caseId, { tx, forUpdate: true });
      if (c.case.status === 'received') {
        const r = await deps.cases.transition(caller, caseId, 'under_review', { tx, managed: true });
        if (!r.ok) throw r.error;
      }
      const moved = await deps.cases.transition(caller, caseId, outcome, { tx, managed: true, note: reasons, data: { violation_id: v.id } });
      if (!moved.ok) throw moved.error;
      const now = clock.now();
      const appeal = await store.decideAppeal(tx, caseId, { outcome, decidedBy: caller.id, decidedAt: now, note: reasons });
      let violation = v;
      let lifted: Restriction[] = [];
      if (outcome === 'overturned') {
        violation = await store.overturnViolation(tx, v.id, now, caller.id);
        lifted = await store.liftRestrictionsOf(tx, v.id, now, caller.id);
      }
      const contact = await contactOf(tx, v.sellerId);
      const informed = await decisionNotice(tx, v.id);
      const notice = await sendNotice(tx, caller, violation, contact, outcome === 'overturned' ? 'appeal_overturned' : 'appeal_upheld', {
        appealCaseId: caseId,
        reasons,
        appealDeadline: addDays(informed.createdAt, deps.appealWindowDays),
      });
      if (outcome === 'overturned') {
        await recordChange(tx, clock, {
          actor: callerActor(caller),
          action: 'violation.overturned',
          subject: { type: 'violation', id: v.id },
          fields: ['status', 'overturned_at', 'overturned_by'],
          data: { appealCaseId: caseId, lifted: lifted.map((r) => r.id) },
          event: { type: 'violation.overturned', payload: { schema_version: 1, id: v.id, seller_id: v.sellerId, appeal_case_id: caseId, overturned_at: now.toISOString() } },
        });
        for (const r of lifted) {
          await recordChange(tx, clock, {
            actor: callerActor(caller),
            action: 'restriction.lifted',
            subject: { type: 'restriction', id: r.id },
            fields: ['lifted_at', 'lifted_by'],
            data: { sellerId: r.sellerId, violationId: v.id, appealCaseId: caseId },
            event: { type: 'seller.restriction.lifted', payload: { ...restrictionPayload(r, notice), reason: 'appeal_overturned', appeal_case_id: caseId } },
          });
        }
      }
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'appeal.decided',
        subject: { type: 'violation', id: v.id },
        fields: ['appeals'],
        data: { caseId, outcome, noticeId: notice.id },
        event: { type: 'appeal.decided', payload: { schema_version: 1, case_id: caseId, violation_id: v.id, seller_id: v.sellerId, outcome, decided_at: now.toISOString() } },
      });
      await deps.cases.appendTimeline(caller, v.caseId, 'enforcement', { violation_id: v.id, appeal_case_id: caseId, appeal_outcome: outcome, notice_id: notice.id }, { tx, event: false });
      return { appeal, violation, lifted, notice };
    });
  }

  /**
   * The seller withdraws an open appeal (through the marketplace, or staff on their behalf): the case
   * closes as withdrawn, the violation stands as decided, and the seller may appeal again while the
   * window is open. One transaction with its audit entry and the `appeal.withdrawn` event.
   */
  async function withdrawAppeal(actor: Principal, caseId: string, input: { note?: string | undefined } = {}): Promise<{ appeal: Appeal }> {
    if (!APPEAL_FILERS.includes(actor.role)) throw forbidden('only the marketplace integration and staff withdraw appeals for the seller');
    const note = input.note === undefined ? undefined : checkText(input.note, '/note');
    return inTransaction(db, async (tx) => {
      const a = await store.findAppeal(tx, caseId, { forUpdate: true });
      if (a === undefined) throw notFound('appeal', caseId);
      if (a.outcome !== undefined) {
        throw conflict(`appeal ${caseId} was already ${a.outcome === 'withdrawn' ? 'withdrawn' : `decided (${a.outcome})`}`, a.outcome === 'withdrawn' ? 'appeal.already_withdrawn' : 'appeal.already_decided');
      }
      const moved = await deps.cases.transition(ENFORCEMENT, caseId, 'withdrawn', { tx, managed: true, ...(note === undefined ? {} : { note }), data: { violation_id: a.violationId } });
      if (!moved.ok) throw moved.error;
      const now = clock.now();
      const appeal = await store.decideAppeal(tx, caseId, { outcome: 'withdrawn', decidedBy: actor.id, decidedAt: now, note: note ?? null });
      // the seller's words, if they gave any, with their other replies
      if (note !== undefined) {
        const data = { violation_id: a.violationId, from: 'seller', via: { type: actor.kind, id: actor.id }, body: note };
        await deps.cases.appendTimeline(ENFORCEMENT, caseId, 'reply', data, { tx, event: false, firstResponse: false });
      }
      await recordChange(tx, clock, {
        actor: callerActor(actor),
        action: 'appeal.withdrawn',
        subject: { type: 'violation', id: a.violationId },
        fields: ['appeals'],
        data: { caseId, ...(note === undefined ? {} : { sha256: sha256Hex(note) }) },
        event: { type: 'appeal.withdrawn', payload: { schema_version: 1, case_id: caseId, violation_id: a.violationId, seller_id: a.sellerId, withdrawn_at: now.toISOString() } },
      });
      return { appeal };
    });
  }

  /** The seller's reply to a violation, onto its case's timeline (and the open appeal's, if any). */
  async function recordSellerReply(actor: Principal, input: { violationId: string; body: string }): Promise<{ caseIds: string[] }> {
    if (!APPEAL_FILERS.includes(actor.role)) throw forbidden('only the marketplace integration and staff record seller replies');
    const body = checkText(input.body, '/body');
    return inTransaction(db, async (tx) => {
      const v = await store.findViolation(tx, input.violationId);
      if (v === undefined) throw notFound('violation', input.violationId);
      const open = await store.findOpenAppeal(tx, v.id);
      const caseIds = [v.caseId, ...(open === undefined ? [] : [open.caseId])];
      const data = { violation_id: v.id, from: 'seller', via: { type: actor.kind, id: actor.id }, body };
      // the system writes it: the integration sees no cases, and a seller's words are no staff response
      for (const id of caseIds) await deps.cases.appendTimeline(ENFORCEMENT, id, 'reply', data, { tx, firstResponse: false });
      return { caseIds };
    });
  }

  async function describePeople(ids: readonly (string | undefined)[]): Promise<(id: string) => PersonRef> {
    const known = new Map<string, { name: string; role: string }>();
    const people = deps.people;
    if (people !== undefined) {
      const wanted = [...new Set(ids.filter((x): x is string => x !== undefined))];
      await Promise.all(
        wanted.map(async (id) => {
          const p = await people.describe(id);
          if (p !== undefined) known.set(id, p);
        }),
      );
    }
    return (id) => ({ id, name: known.get(id)?.name, role: known.get(id)?.role });
  }

  /** Joins appeal cases with their appeal rows, violations, notice language, seller names and deciders. */
  async function toWork(cases: readonly Case[]): Promise<AppealWork[]> {
    const appeals = new Map((await store.listAppealsByCaseIds(db, cases.map((c) => c.id))).map((a) => [a.caseId, a]));
    const violationIds = [...new Set([...appeals.values()].map((a) => a.violationId))];
    const [violations, langs] = await Promise.all([store.listViolationsByIds(db, violationIds), store.decisionLanguages(db, violationIds)]);
    const byId = new Map(violations.map((v) => [v.id, v]));
    const sellerIds = [...new Set(violations.map((v) => v.sellerId))];
    const names = new Map(await Promise.all(sellerIds.map(async (id) => [id, (await deps.sellers.contact(id))?.name] as const)));
    const person = await describePeople([...violations.map((v) => v.decidedBy), ...[...appeals.values()].map((a) => a.decidedBy)]);
    const out: AppealWork[] = [];
    for (const c of cases) {
      const appeal = appeals.get(c.id);
      // an appeal case opened by hand through the generic case route has no appeal behind it: not work here
      const violation = appeal === undefined ? undefined : byId.get(appeal.violationId);
      if (appeal === undefined || violation === undefined) continue;
      out.push({
        appeal,
        case: c,
        closed: (appealCaseType.closedStatuses as readonly string[]).includes(c.status),
        violation,
        lang: langs.get(violation.id),
        sellerName: names.get(violation.sellerId),
        violationDecider: person(violation.decidedBy),
        appealDecider: appeal.decidedBy === undefined ? undefined : person(appeal.decidedBy),
      });
    }
    return out;
  }

  /**
   * Appeals as seniors work them: open ones in queue order (the SLA due soonest first), closed or all
   * of them newest first. Pages follow the case engine's cursor.
   */
  async function listAppeals(caller: Principal, opts: { status?: AppealListStatus | undefined; cursor?: string | undefined; limit?: number | undefined } = {}): Promise<{ items: AppealWork[]; nextCursor: string | undefined }> {
    if (!STAFF_ROLES.includes(caller.role)) throw forbidden('only staff see appeals');
    const status = opts.status ?? 'open';
    if (!APPEAL_LIST_STATUSES.includes(status)) throw invalidInput('unknown status', [{ field: 'querystring/status', reason: `must be one of ${APPEAL_LIST_STATUSES.join(', ')}` }]);
    const closedStatuses = appealCaseType.closedStatuses;
    const page = await deps.cases.listCases(caller, {
      filters: { type: appealCaseType.type, ...(status === 'open' ? { openOnly: true } : status === 'closed' ? { status: closedStatuses } : {}) },
      sort: status === 'open' ? { by: 'sla_due_at', dir: 'asc' } : { by: 'opened_at', dir: 'desc' },
      cursor: opts.cursor,
      limit: Math.max(1, Math.min(opts.limit ?? 50, 200)),
    });
    return { items: await toWork(page.items), nextCursor: page.nextCursor };
  }

  function repliesOn(timeline: readonly TimelineEntry[], beforeAppeal: boolean): SellerReply[] {
    return timeline
      .filter((t) => t.kind === 'reply' && typeof t.data['body'] === 'string')
      .map((t) => {
        const via = t.data['via'] as { type?: unknown; id?: unknown } | undefined;
        return { at: t.at, body: t.data['body'] as string, via: { type: String(via?.type ?? t.actor.type), id: String(via?.id ?? t.actor.id) }, beforeAppeal };
      });
  }

  /** One appeal with the violation, its notices and restrictions, and what the seller wrote. */
  async function getAppeal(caller: Principal, caseId: string): Promise<AppealDetail> {
    if (!STAFF_ROLES.includes(caller.role)) throw forbidden('only staff see appeals');
    const a = await store.findAppeal(db, caseId);
    if (a === undefined) throw notFound('appeal', caseId);
    const detail = await deps.cases.getCase(caller, caseId);
    const [work] = await toWork([detail.case]);
    if (work === undefined) throw notFound('appeal', caseId);
    const v = work.violation;
    const review = await deps.cases.getCase(caller, v.caseId);
    // the statement is the appeal case's first reply; replies after it are on both cases, so the appeal's are taken
    const onAppeal = repliesOn(detail.timeline, false);
    const statementAt = onAppeal.findIndex((r) => r.body === a.reason);
    const after = onAppeal.filter((_, i) => i !== statementAt);
    const before = repliesOn(review.timeline, true).filter((r) => r.at.getTime() < a.filedAt.getTime());
    const [notices, restrictions] = await Promise.all([
      store.listNotices(db, { violationId: v.id }),
      store.listRestrictions(db, v.sellerId).then((rs) => rs.filter((r) => r.violationId === v.id).map((r) => ({ ...r, state: restrictionState(r, clock.now()) }))),
    ]);
    return { ...work, notices, restrictions, replies: [...before, ...after].sort((x, y) => x.at.getTime() - y.at.getTime()) };
  }

  return { recordViolation, standing, getViolation, listViolations, getNotice, fileAppeal, decideAppeal, withdrawAppeal, recordSellerReply, listAppeals, getAppeal, ladder: (): Ladder => ladder };
}

export type EnforcementService = ReturnType<typeof createEnforcementService>;
