import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import { Gauge } from 'prom-client';
import { parseRescanRange } from '../marketplace';
import type { Activation, ActivationRequest, Automation, Replay, ReplayReport, CircuitState, PrecisionReport, RuleLearning, RulePrecision, RuleSetCaller, RuleSetInfo, RuleSetService, RuleSwitch } from '../rules';
import { principalOf } from './auth.plugin';
import { withErrors } from './schemas';

/** Who changes what scans do: rule-set activations, the kill switch. */
const GOVERNORS = ['admin', 'manager'] as const;
/** Who reads the governance state and the rules' track record. */
const OVERSEERS = ['admin', 'manager', 'senior', 'legal'] as const;

const RuleId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9_.-]*$', description: 'a rule id as hits carry it, e.g. phone.obfuscated or intent.avoid_fees.en' });
const Version = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const RequestId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const Reason = Type.String({ minLength: 1, maxLength: 2000 });

const RuleSetDto = Type.Object({
  version: Type.String(),
  source: Type.Union([Type.Literal('builtin'), Type.Literal('stored')]),
  sha256: Type.String(),
  active: Type.Boolean(),
  created_at: Type.Union([Type.String(), Type.Null()]),
  activated_at: Type.Union([Type.String(), Type.Null()]),
});
const SwitchDto = Type.Object({ rule_id: Type.String(), disabled: Type.Boolean(), reason: Type.String(), changed_by: Type.String(), changed_at: Type.String() });
const RequestDto = Type.Object({
  id: Type.String(),
  version: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('expired')]),
  reason: Type.String(),
  requested_by: Type.String(),
  requested_by_name: Type.String(),
  requested_at: Type.String(),
  expires_at: Type.String(),
  decided_by: Type.Union([Type.String(), Type.Null()]),
  decided_at: Type.Union([Type.String(), Type.Null()]),
  decision_note: Type.Union([Type.String(), Type.Null()]),
});
const ActivationDto = Type.Object({
  version: Type.String(),
  previous_version: Type.String(),
  how: Type.Union([Type.Literal('approved'), Type.Literal('rollback')]),
  request_id: Type.Union([Type.String(), Type.Null()]),
  by: Type.String(),
  at: Type.String(),
});

const iso = (d: Date | undefined): string | null => d?.toISOString() ?? null;
const ruleSetToDto = (r: RuleSetInfo) => ({ version: r.version, source: r.source, sha256: r.sha256, active: r.active, created_at: iso(r.createdAt), activated_at: iso(r.activatedAt) });
const switchToDto = (s: RuleSwitch) => ({ rule_id: s.ruleId, disabled: s.disabled, reason: s.reason, changed_by: s.changedBy, changed_at: s.changedAt.toISOString() });
const requestToDto = (r: ActivationRequest) => ({
  id: r.id,
  version: r.version,
  status: r.status,
  reason: r.reason,
  requested_by: r.requestedBy,
  requested_by_name: r.requestedByName,
  requested_at: r.requestedAt.toISOString(),
  expires_at: r.expiresAt.toISOString(),
  decided_by: r.decidedBy ?? null,
  decided_at: iso(r.decidedAt),
  decision_note: r.decisionNote ?? null,
});
const activationToDto = (a: Activation) => ({ version: a.version, previous_version: a.previousVersion, how: a.how, request_id: a.requestId ?? null, by: a.by, at: a.at.toISOString() });

/** The person behind a request: four eyes compares users, so two tokens of one user are one person. */
function callerOf(request: FastifyRequest): RuleSetCaller {
  const p = principalOf(request);
  return { actor: principalActor(p), person: p.userId ?? `token:${p.id}`, name: p.name };
}

const IntervalDto = Type.Object({ low: Type.Number(), high: Type.Number() });
const RulePrecisionDto = Type.Object({
  rule_id: Type.String(),
  mode: Type.Union([Type.Literal('active'), Type.Literal('shadow'), Type.Literal('disabled'), Type.Literal('unknown')]),
  decided: Type.Integer(),
  violations: Type.Integer(),
  no_violations: Type.Integer(),
  vendor_decided: Type.Integer(),
  precision: Type.Union([Type.Number(), Type.Null()]),
  interval_95: Type.Union([IntervalDto, Type.Null()], { description: 'Wilson score interval of the precision' }),
  target: Type.Number(),
  below_target: Type.Boolean(),
  fired_hits: Type.Integer(),
  fired_messages: Type.Integer(),
});
const PrecisionDto = Type.Object({
  window_days: Type.Integer(),
  since: Type.String(),
  rule_set: Type.String(),
  min_decisions: Type.Integer(),
  items: Type.Array(RulePrecisionDto),
});
const CircuitDto = Type.Object({
  open: Type.Boolean(),
  opened_at: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  closed_by: Type.Union([Type.String(), Type.Null()]),
  closed_at: Type.Union([Type.String(), Type.Null()]),
  last_hour: Type.Integer(),
  max_per_hour: Type.Integer(),
});
const AutomationDto = Type.Object({
  auto_clear_below: Type.Number(),
  automatic_violation_rules: Type.Array(Type.String()),
  circuit: CircuitDto,
});
const WindowQuery = Type.Object({ window: Type.Optional(Type.Union([Type.Literal(30), Type.Literal(90)], { default: 30 })) });

const rulePrecisionToDto = (r: RulePrecision) => ({
  rule_id: r.ruleId,
  mode: r.mode,
  decided: r.decided,
  violations: r.violations,
  no_violations: r.noViolations,
  vendor_decided: r.vendorDecided,
  precision: r.precision ?? null,
  interval_95: r.interval ?? null,
  target: r.target,
  below_target: r.belowTarget,
  fired_hits: r.firedHits,
  fired_messages: r.firedMessages,
});
const precisionToDto = (p: PrecisionReport) => ({ window_days: p.windowDays, since: p.since.toISOString(), rule_set: p.ruleSet, min_decisions: p.minDecisions, items: p.rules.map(rulePrecisionToDto) });
const circuitToDto = (c: CircuitState) => ({
  open: c.open,
  opened_at: iso(c.openedAt),
  reason: c.reason ?? null,
  closed_by: c.closedBy ?? null,
  closed_at: iso(c.closedAt),
  last_hour: c.lastHour,
  max_per_hour: c.maxPerHour,
});

export interface RulesRouteDeps {
  readonly ruleSets: RuleSetService;
  readonly learning: RuleLearning;
  readonly automation: Automation;
  readonly replay: Replay;
}

const ReplayDto = Type.Object({
  version: Type.String(),
  since: Type.String(),
  until: Type.Union([Type.String(), Type.Null()]),
  scanned: Type.Integer(),
  conversations: Type.Integer(),
  would_open: Type.Integer({ description: 'conversations that would open (or extend) a review case: a message at review or above, not historical' }),
  currently_open: Type.Integer({ description: 'the same count with the results stored now' }),
  newly_opened: Type.Integer(),
  no_longer_opened: Type.Integer(),
  historical_flagged: Type.Integer({ description: 'messages older than the enforcement cutoff at review or above (never enforced)' }),
  sample: Type.Array(
    Type.Object({
      conversation_id: Type.String(),
      verdict: Type.Union([Type.Literal('review'), Type.Literal('violation')]),
      messages: Type.Integer(),
      rules: Type.Array(Type.String()),
      already_flagged: Type.Boolean(),
    }),
  ),
  rules: Type.Array(
    Type.Object({
      rule_id: Type.String(),
      hits: Type.Integer(),
      messages: Type.Integer(),
      stored_hits: Type.Integer(),
      stored_messages: Type.Integer(),
      decided: Type.Integer(),
      expected_precision: Type.Union([Type.Number(), Type.Null()], { description: 'from past review decisions; null: unknown (no history)' }),
    }),
  ),
  expected_precision: Type.Union([Type.Number(), Type.Null()]),
  unknown_share: Type.Number(),
  unknown_rules: Type.Array(Type.String()),
});

export const replayToDto = (r: ReplayReport) => ({
  version: r.version,
  since: r.since.toISOString(),
  until: iso(r.until),
  scanned: r.scanned,
  conversations: r.conversations,
  would_open: r.wouldOpen,
  currently_open: r.currentlyOpen,
  newly_opened: r.newlyOpened,
  no_longer_opened: r.noLongerOpened,
  historical_flagged: r.historicalFlagged,
  sample: r.sample.map((c) => ({ conversation_id: c.conversationId, verdict: c.verdict, messages: c.messages, rules: [...c.rules], already_flagged: c.alreadyFlagged })),
  rules: r.rules.map((x) => ({ rule_id: x.ruleId, hits: x.hits, messages: x.messages, stored_hits: x.storedHits, stored_messages: x.storedMessages, decided: x.decided, expected_precision: x.expectedPrecision ?? null })),
  expected_precision: r.expectedPrecision ?? null,
  unknown_share: r.unknownShare,
  unknown_rules: [...r.unknownRules],
});

/**
 * Rule governance: the kill switch per rule, four-eyes activation of rule-set versions and the
 * one-step rollback.
 */
export function rulesRoutes(deps: RulesRouteDeps) {
  const { ruleSets, learning, automation, replay } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    // the circuit breaker's alert as a metric: 1 while automatic violations are paused
    new Gauge({
      name: 'assay_automation_circuit_open',
      help: 'Whether the circuit breaker has paused automatic violations (1) or not (0)',
      registers: [app.metrics],
      async collect() {
        this.set((await automation.state().catch(() => undefined))?.open === true ? 1 : 0);
      },
    });

    r.post(
      '/v1/rule-sets/:version/replay',
      {
        config: { access: ['manager', 'senior', 'admin'] },
        schema: {
          tags: ['detection'],
          summary: 'Replay a version over stored messages (nothing stored): conversations it would send to review against today, firings per rule, expected precision',
          description:
            '`since` is inclusive, `until` exclusive, each a date (2026-10-01) or a time with its zone; a bare date as `until` includes that day. ' +
            "Today's kill switches apply. Expected precision comes from past review decisions; rules without any are listed as unknown.",
          params: Type.Object({ version: Version }),
          body: Type.Object({ since: Type.String({ minLength: 1, maxLength: 40 }), until: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), sample: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })) }),
          response: withErrors({ 200: ReplayDto }),
        },
      },
      async (request) => {
        const range = parseRescanRange(request.body.since, request.body.until);
        return replayToDto(await replay.replay(principalActor(principalOf(request)), request.params.version, { ...range, ...(request.body.sample === undefined ? {} : { sampleSize: request.body.sample }) }));
      },
    );

    r.get(
      '/v1/rules/precision',
      {
        config: { access: OVERSEERS },
        schema: {
          tags: ['rules'],
          summary: 'Per-rule precision from review decisions over the last 30 or 90 days (violations / decided, Wilson interval, target), with how often each rule fired',
          querystring: WindowQuery,
          response: withErrors({ 200: PrecisionDto }),
        },
      },
      async (request) => precisionToDto(await learning.precision(request.query.window ?? 30)),
    );

    r.get(
      '/v1/rules/below-target',
      {
        config: { access: OVERSEERS },
        schema: {
          tags: ['rules'],
          summary: 'Rules whose precision is below their target, with at least RULE_PRECISION_MIN_DECISIONS decisions',
          querystring: WindowQuery,
          response: withErrors({ 200: PrecisionDto }),
        },
      },
      async (request) => precisionToDto(await learning.belowTarget(request.query.window ?? 30)),
    );

    r.get(
      '/v1/rules/automation',
      {
        config: { access: OVERSEERS },
        schema: { tags: ['rules'], summary: 'What automation may do now, and the circuit breaker on automatic violations', response: withErrors({ 200: AutomationDto }) },
      },
      async () => {
        const [policy, circuit] = await Promise.all([automation.policy(), automation.state()]);
        return { auto_clear_below: policy.autoClearBelow, automatic_violation_rules: [...policy.automaticViolationRules].sort(), circuit: circuitToDto(circuit) };
      },
    );

    r.post(
      '/v1/rules/automation/reset',
      {
        config: { access: ['manager', 'admin'] },
        schema: {
          tags: ['rules'],
          summary: 'Close the circuit breaker: automatic violations resume (audited)',
          body: Type.Object({ note: Reason }),
          response: withErrors({ 200: CircuitDto }),
        },
      },
      async (request) => circuitToDto(await automation.reset(principalActor(principalOf(request)), request.body.note)),
    );

    r.get(
      '/v1/rules/switches',
      {
        config: { access: OVERSEERS },
        schema: { tags: ['rules'], summary: 'Rules switched off (or back on) by the kill switch, with who and why', response: withErrors({ 200: Type.Object({ items: Type.Array(SwitchDto) }) }) },
      },
      async () => ({ items: (await ruleSets.switches()).map(switchToDto) }),
    );

    r.put(
      '/v1/rules/:rule_id/switch',
      {
        config: { access: GOVERNORS },
        schema: {
          tags: ['rules'],
          summary: 'The kill switch: switch a rule off (its hits are dropped from every scan at once) or back on, audited',
          params: Type.Object({ rule_id: RuleId }),
          body: Type.Object({ disabled: Type.Boolean(), reason: Reason }),
          response: withErrors({ 200: SwitchDto }),
        },
      },
      async (request) => switchToDto(await ruleSets.setSwitch(callerOf(request), request.params.rule_id, request.body)),
    );

    r.post(
      '/v1/rule-sets/:version/activation-requests',
      {
        config: { access: GOVERNORS },
        schema: {
          tags: ['detection'],
          summary: 'Ask for a version to become active (`builtin`: the checked-in rule set); another manager or admin approves within 72 hours',
          params: Type.Object({ version: Version }),
          body: Type.Object({ reason: Reason }),
          response: withErrors({ 201: RequestDto }),
        },
      },
      async (request, reply) => reply.code(201).send(requestToDto(await ruleSets.requestActivation(callerOf(request), request.params.version, request.body.reason))),
    );

    r.get(
      '/v1/rule-sets/activation-requests',
      {
        config: { access: OVERSEERS },
        schema: {
          tags: ['detection'],
          summary: 'Activation requests, newest first',
          querystring: Type.Object({
            status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('expired')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          }),
          response: withErrors({ 200: Type.Object({ items: Type.Array(RequestDto) }) }),
        },
      },
      async (request) => ({
        items: (await ruleSets.listActivationRequests({ ...(request.query.status === undefined ? {} : { status: request.query.status }), ...(request.query.limit === undefined ? {} : { limit: request.query.limit }) })).map(requestToDto),
      }),
    );

    r.get(
      '/v1/rule-sets/activation-requests/:id',
      {
        config: { access: OVERSEERS },
        schema: { tags: ['detection'], summary: 'One activation request', params: Type.Object({ id: RequestId }), response: withErrors({ 200: RequestDto }) },
      },
      async (request) => requestToDto(await ruleSets.getActivationRequest(request.params.id)),
    );

    r.post(
      '/v1/rule-sets/activation-requests/:id/approve',
      {
        config: { access: GOVERNORS },
        schema: {
          tags: ['detection'],
          summary: 'Approve an activation request (not your own): the version becomes active at once, audited',
          params: Type.Object({ id: RequestId }),
          body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }),
          response: withErrors({ 200: Type.Object({ request: RequestDto, rule_set: RuleSetDto }) }),
        },
      },
      async (request) => {
        const { request: req, ruleSet } = await ruleSets.approveActivation(callerOf(request), request.params.id, request.body.note);
        return { request: requestToDto(req), rule_set: ruleSetToDto(ruleSet) };
      },
    );

    r.post(
      '/v1/rule-sets/activation-requests/:id/reject',
      {
        config: { access: GOVERNORS },
        schema: {
          tags: ['detection'],
          summary: 'Turn an activation request down (not your own)',
          params: Type.Object({ id: RequestId }),
          body: Type.Object({ note: Reason }),
          response: withErrors({ 200: RequestDto }),
        },
      },
      async (request) => requestToDto(await ruleSets.rejectActivation(callerOf(request), request.params.id, request.body.note)),
    );

    r.post(
      '/v1/rule-sets/rollback',
      {
        config: { access: GOVERNORS },
        schema: {
          tags: ['detection'],
          summary: 'Emergency: back one step to the version active before the last activation (pre-approved, audited)',
          body: Type.Object({ reason: Reason }),
          response: withErrors({ 200: RuleSetDto }),
        },
      },
      async (request) => ruleSetToDto(await ruleSets.rollback(callerOf(request), request.body.reason)),
    );

    r.get(
      '/v1/rule-sets/activations',
      {
        config: { access: OVERSEERS },
        schema: {
          tags: ['detection'],
          summary: 'The activation history, newest first (what a rollback goes back along)',
          querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
          response: withErrors({ 200: Type.Object({ items: Type.Array(ActivationDto) }) }),
        },
      },
      async (request) => ({ items: (await ruleSets.activationHistory(request.query.limit)).map(activationToDto) }),
    );
  };
}
