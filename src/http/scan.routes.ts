import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import { conflict } from '../kernel';
import { HIT_KINDS } from '../detection';
import { SCAN_MAX_ITEMS, type RuleSetInfo, type RuleSetService } from '../rules';
import { principalOf } from './auth.plugin';
import { withErrors } from './schemas';

const SCAN_ROLES = ['integration', 'admin', 'manager', 'senior', 'agent'] as const;
const RULE_SET_READERS = SCAN_ROLES;
const RULE_SET_WRITERS = ['admin', 'manager'] as const;
/** A rule set is JSON of some tens of kilobytes; this leaves room without letting one request hold the process. */
const RULE_SET_BODY_LIMIT = 2 * 1024 * 1024;

/** One finding of the scan contract (also shown per message in `GET /v1/conversations/:id`). */
export const HitDto = Type.Object({
  kind: Type.Union(HIT_KINDS.map((k) => Type.Literal(k))),
  start: Type.Integer({ description: 'UTF-16 offset into the original text (a JavaScript string index)' }),
  end: Type.Integer({ description: 'end, exclusive' }),
  value: Type.String(),
  normalized: Type.String(),
  rule: Type.String(),
  clause: Type.String(),
  score: Type.Number(),
});
const ResultDto = Type.Object({
  id: Type.String(),
  verdict: Type.Union([Type.Literal('clear'), Type.Literal('review'), Type.Literal('violation')]),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  hits: Type.Array(HitDto),
  shadow_hits: Type.Optional(Type.Array(HitDto, { description: 'hits of rules running in shadow (never scored); only when there are some' })),
  redacted: Type.Optional(Type.String({ description: 'the text with every hit masked by a typed placeholder ([phone], [email]…); when asked' })),
});
const ItemErrorDto = Type.Object({ id: Type.Union([Type.String(), Type.Null()]), error: Type.String() });

const RuleSetDto = Type.Object({
  version: Type.String(),
  source: Type.Union([Type.Literal('builtin'), Type.Literal('stored')]),
  sha256: Type.String(),
  active: Type.Boolean(),
  created_at: Type.Union([Type.String(), Type.Null()]),
  activated_at: Type.Union([Type.String(), Type.Null()]),
});
const RuleSetStoredDto = Type.Object({
  ...RuleSetDto.properties,
  warnings: Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }), {
    description: "holes that do not stop the rule set from loading: a trigger the prefilter never reads, a pattern that can match where none of its rule's triggers is (with an example match)",
  }),
});
const RuleSetCheckDto = Type.Object({
  version: Type.String(),
  phrase_rules: Type.Integer(),
  patterns: Type.Integer(),
  trigger_words: Type.Integer(),
  warnings: RuleSetStoredDto.properties.warnings,
});
const Version = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

function ruleSetToDto(r: RuleSetInfo) {
  return { version: r.version, source: r.source, sha256: r.sha256, active: r.active, created_at: r.createdAt?.toISOString() ?? null, activated_at: r.activatedAt?.toISOString() ?? null };
}

/**
 * `POST /v1/scan` — the scan contract over HTTP, e.g. to mask contact details before delivering a
 * message — and the detection rule sets: the current one, stored versions, switching at runtime.
 */
export function scanRoutes(ruleSets: RuleSetService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/v1/scan',
      {
        config: { access: SCAN_ROLES },
        schema: {
          tags: ['detection'],
          summary: 'Scan messages for off-platform attempts (the scan contract); optionally mask what was found',
          description:
            `Body: one item \`{ id, text, lang?, country?, sender?, conversation?, seller_country?, buyer_country?, order_exists?, redact? }\`, ` +
            `answered with its result; or \`{ items: [item…], redact? }\` with at most ${SCAN_MAX_ITEMS} items, answered with one result per item in order, ` +
            'where items of one conversation are scanned with the context of the earlier ones and a bad item gets `{ id, error }` while the others are scanned. ' +
            'A result is `{ id, verdict, score, hits: [{ kind, start, end, value, normalized, rule, clause, score }] }` (offsets are UTF-16 indices into the text), ' +
            'plus `redacted` when `redact` is true. The `assay-rule-set` header names the rule-set version used. The same input gives the same result as `assay scan`.',
          querystring: Type.Object({ redact: Type.Optional(Type.Boolean()) }),
          body: Type.Object(
            {
              items: Type.Optional(Type.Array(Type.Unknown({ description: 'an item of the scan contract' }), { maxItems: SCAN_MAX_ITEMS })),
              redact: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: true, description: 'one item, or { items, redact }' },
          ),
          response: withErrors({
            200: Type.Union([
              Type.Object({ rule_set: Type.String(), results: Type.Array(Type.Union([ResultDto, ItemErrorDto])) }, { description: 'for { items }' }),
              ResultDto,
            ]),
          }),
        },
      },
      async (request, reply) => {
        // results are plain records of the contract's fields; serialized as they are (no branch guessing between the two answers)
        void reply.serializer(JSON.stringify);
        const body = request.body as Record<string, unknown> & { items?: unknown[]; redact?: boolean };
        const redact = body.redact === true || request.query.redact === true;
        if (Array.isArray(body.items)) {
          const { ruleSet, results } = await ruleSets.scan(body.items, { redact });
          void reply.header('assay-rule-set', ruleSet);
          return { rule_set: ruleSet, results };
        }
        const { ruleSet, result } = await ruleSets.scanOne(body, { redact });
        void reply.header('assay-rule-set', ruleSet);
        return result;
      },
    );

    r.get(
      '/v1/rule-sets/current',
      {
        config: { access: RULE_SET_READERS },
        schema: { tags: ['detection'], summary: 'The rule set scans use now', response: withErrors({ 200: RuleSetDto }) },
      },
      async () => ruleSetToDto((await ruleSets.current()).info),
    );

    r.get(
      '/v1/rule-sets',
      {
        config: { access: RULE_SET_READERS },
        schema: { tags: ['detection'], summary: 'The checked-in rule set and every stored version', response: withErrors({ 200: Type.Object({ items: Type.Array(RuleSetDto) }) }) },
      },
      async () => ({ items: (await ruleSets.list()).map(ruleSetToDto) }),
    );

    r.get(
      '/v1/rule-sets/:version',
      {
        config: { access: RULE_SET_READERS },
        schema: {
          tags: ['detection'],
          summary: 'A rule set with its JSON (`builtin`: the one checked in with the code), to edit into a new version',
          params: Type.Object({ version: Version }),
          response: withErrors({ 200: Type.Object({ rule_set: RuleSetDto, body: Type.Unknown() }) }),
        },
      },
      async (request) => {
        const { info, body } = await ruleSets.get(request.params.version);
        return { rule_set: ruleSetToDto(info), body };
      },
    );

    r.get(
      '/v1/rule-sets/:version/check',
      {
        config: { access: RULE_SET_READERS },
        schema: {
          tags: ['detection'],
          summary: "A version's size and the holes it may have (`builtin`: the checked-in one), as `POST /v1/rule-sets` told them when it was stored and `assay rules check` prints them",
          params: Type.Object({ version: Version }),
          response: withErrors({ 200: RuleSetCheckDto }),
        },
      },
      async (request) => {
        const c = await ruleSets.check(request.params.version);
        return { version: c.version, phrase_rules: c.phraseRules, patterns: c.patterns, trigger_words: c.triggerWords, warnings: c.warnings };
      },
    );

    r.post(
      '/v1/rule-sets',
      {
        config: { access: RULE_SET_WRITERS },
        bodyLimit: RULE_SET_BODY_LIMIT,
        schema: {
          tags: ['detection'],
          summary: 'Validate and store a rule set as a new version (inactive until activated)',
          description:
            'Body: the rule set JSON (as `GET /v1/rule-sets/builtin` returns it), with its own `version`. It is validated as it would be loaded — ' +
            'every pattern is checked to run in linear time — and a refusal names the JSON path of each problem in `errors[].field` (e.g. `/rules/3/patterns/0`). ' +
            'Answers 201 when stored, 200 when this exact version was stored already, 409 when the version is taken by other content. ' +
            "`warnings` lists what does not stop the rule set from loading but leaves a hole: a trigger the prefilter never reads (it reads words of letters a–z), and a pattern that can match text holding none of its rule's triggers — such a match is found only beside another trigger word — with an example match.",
          body: Type.Object({}, { additionalProperties: true, description: 'a rule set' }),
          response: withErrors({ 200: RuleSetStoredDto, 201: RuleSetStoredDto }),
        },
      },
      async (request, reply) => {
        const { info, created, warnings } = await ruleSets.create(principalActor(principalOf(request)), request.body);
        return reply.code(created ? 201 : 200).send({ ...ruleSetToDto(info), warnings });
      },
    );

    r.post(
      '/v1/rule-sets/:version/activate',
      {
        config: { access: RULE_SET_WRITERS },
        schema: {
          tags: ['detection'],
          summary: 'Retired: activation takes two people now — POST /v1/rule-sets/:version/activation-requests, then another manager approves',
          params: Type.Object({ version: Version }),
          response: withErrors({ 200: RuleSetDto }),
        },
      },
      async (request) => {
        throw conflict(
          `activating a rule set takes two people: POST /v1/rule-sets/${request.params.version}/activation-requests, then another manager or admin approves it (POST /v1/rule-sets/activation-requests/:id/approve)`,
          'rule_set.four_eyes_required',
        );
      },
    );
  };
}
