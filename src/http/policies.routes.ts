import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import type { Clause, ClauseDetail, ClauseHit, PolicyDocument, PolicyService, PolicySummary, PolicyVersionInfo } from '../policies';
import { principalOf } from './auth.plugin';
import { Timestamp, withErrors } from './schemas';

/** Policies hold no personal data: every staff role and vendor reviewers (who cite clauses) read them. */
const READERS = ['admin', 'manager', 'senior', 'agent', 'legal', 'vendor'] as const;
const PUBLISHERS = ['admin', 'manager'] as const;

const Slug = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'e.g. transactional-policies' });
const ClauseId = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9.-]+$', description: 'e.g. TP-2.1' });
const VersionQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'a version number' })),
  at: Type.Optional(Type.String({ ...Timestamp, description: 'the version in force at this moment (ISO 8601)' })),
});
const Status = Type.Union([Type.Literal('in_force'), Type.Literal('superseded'), Type.Literal('scheduled')]);

const ClauseDto = Type.Object({
  clause_id: Type.String(),
  policy_slug: Type.String(),
  policy_title: Type.String(),
  version: Type.Integer(),
  number: Type.String(),
  title: Type.String(),
  text: Type.String(),
  effective_from: Type.String(),
});
const VersionFields = {
  version: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  effective_from: Type.String(),
  published_at: Type.String(),
  published_by: Type.String(),
  status: Status,
  clause_count: Type.Integer(),
};
const VersionDto = Type.Object(VersionFields);
const DocumentDto = Type.Object({
  slug: Type.String(),
  ...VersionFields,
  clauses: Type.Array(Type.Object({ clause_id: Type.String(), number: Type.String(), title: Type.String(), text: Type.String() })),
});
const SummaryDto = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  current_version: Type.Union([Type.Integer(), Type.Null()]),
  latest_version: Type.Integer(),
  versions: Type.Array(VersionDto),
});
const ClauseDetailDto = Type.Object({
  ...ClauseDto.properties,
  versions: Type.Array(Type.Object({ version: Type.Integer(), effective_from: Type.String(), status: Status })),
});
const HitDto = Type.Object({ clause: ClauseDto, snippet: Type.String(), matched_in: Type.Union([Type.Literal('id'), Type.Literal('title'), Type.Literal('text')]) });

export function clauseToDto(c: Clause) {
  return { clause_id: c.clauseId, policy_slug: c.policySlug, policy_title: c.policyTitle, version: c.version, number: c.number, title: c.title, text: c.text, effective_from: c.effectiveFrom.toISOString() };
}
function versionToDto(v: PolicyVersionInfo) {
  return { version: v.version, title: v.title, summary: v.summary, effective_from: v.effectiveFrom.toISOString(), published_at: v.publishedAt.toISOString(), published_by: v.publishedBy, status: v.status, clause_count: v.clauseCount };
}
function documentToDto(d: PolicyDocument) {
  return { slug: d.slug, ...versionToDto(d), clauses: d.clauses.map((c) => ({ clause_id: c.clauseId, number: c.number, title: c.title, text: c.text })) };
}
function summaryToDto(s: PolicySummary) {
  return { slug: s.slug, title: s.title, current_version: s.currentVersion ?? null, latest_version: s.latestVersion, versions: s.versions.map(versionToDto) };
}
function clauseDetailToDto(c: ClauseDetail) {
  return { ...clauseToDto(c), versions: c.versions.map((v) => ({ version: v.version, effective_from: v.effectiveFrom.toISOString(), status: v.status })) };
}
function hitToDto(h: ClauseHit) {
  return { clause: clauseToDto(h.clause), snippet: h.snippet, matched_in: h.matchedIn };
}

function versionRef(q: { version?: number | undefined; at?: string | undefined }) {
  return { version: q.version, at: q.at === undefined ? undefined : new Date(q.at) };
}

/** The policy knowledge base: documents, their versions and clauses, and clause search. */
export function policiesRoutes(policies: PolicyService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/v1/policies',
      { config: { access: READERS }, schema: { tags: ['policies'], summary: 'List policy documents with their versions', response: withErrors({ 200: Type.Object({ items: Type.Array(SummaryDto) }) }) } },
      async () => ({ items: (await policies.list()).map(summaryToDto) }),
    );

    r.get(
      '/v1/policies/:slug',
      {
        config: { access: READERS },
        schema: {
          tags: ['policies'],
          summary: 'A policy document with its clauses: the version in force now, a numbered version, or the one in force at a date',
          params: Type.Object({ slug: Slug }),
          querystring: VersionQuery,
          response: withErrors({ 200: DocumentDto }),
        },
      },
      async (request) => documentToDto(await policies.get(request.params.slug, versionRef(request.query))),
    );

    r.post(
      '/v1/policies/:slug/versions',
      {
        config: { access: PUBLISHERS },
        schema: {
          tags: ['policies'],
          summary: 'Publish the next version of a policy document (creates the document on its first version)',
          params: Type.Object({ slug: Slug }),
          body: Type.Object({
            title: Type.String({ minLength: 1, maxLength: 200 }),
            summary: Type.Optional(Type.String({ maxLength: 2000 })),
            effective_from: Type.Optional(Type.String({ ...Timestamp, description: 'when it comes into force; now when absent, never in the past' })),
            clauses: Type.Array(
              Type.Object({ clause_id: Type.String({ maxLength: 32 }), title: Type.String({ maxLength: 200 }), text: Type.String({ maxLength: 4000 }) }),
              { minItems: 1, maxItems: 300 },
            ),
          }),
          response: withErrors({ 201: DocumentDto }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        const doc = await policies.publish(principalActor(principalOf(request)), request.params.slug, {
          title: b.title,
          summary: b.summary ?? '',
          effectiveFrom: b.effective_from === undefined ? undefined : new Date(b.effective_from),
          clauses: b.clauses.map((c) => ({ clauseId: c.clause_id, title: c.title, text: c.text })),
        });
        return reply.code(201).send(documentToDto(doc));
      },
    );

    r.get(
      '/v1/policy-clauses',
      {
        config: { access: READERS },
        schema: {
          tags: ['policies'],
          summary: 'Search the clauses in force by id, title and text (case and accents ignored); id and title matches first',
          querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) }),
          response: withErrors({ 200: Type.Object({ items: Type.Array(HitDto) }) }),
        },
      },
      async (request) => ({ items: (await policies.search(request.query.q, { limit: request.query.limit ?? 20 })).map(hitToDto) }),
    );

    r.get(
      '/v1/policy-clauses/:clause_id',
      {
        config: { access: READERS },
        schema: {
          tags: ['policies'],
          summary: 'A clause as it reads now, in a numbered version or at a date, with the versions that contain it',
          params: Type.Object({ clause_id: ClauseId }),
          querystring: VersionQuery,
          response: withErrors({ 200: ClauseDetailDto }),
        },
      },
      async (request) => clauseDetailToDto(await policies.getClause(request.params.clause_id, versionRef(request.query))),
    );
  };
}
