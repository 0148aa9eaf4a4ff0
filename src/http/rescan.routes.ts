import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import { HIT_KINDS } from '../detection';
import { parseRescanRange, type MarketplaceService, type RescanReport } from '../marketplace';
import { principalOf } from './auth.plugin';
import { withErrors } from './schemas';

const VerdictDto = Type.Union([Type.Literal('clear'), Type.Literal('review'), Type.Literal('violation')]);
const PreviousVerdictDto = Type.Union([VerdictDto, Type.Literal('unscanned')]);
const KindDto = Type.Enum([...HIT_KINDS]);

/** The report of `POST /v1/rescans` and `assay rescan` (the CLI prints it from this shape). */
export const RescanReportDto = Type.Object({
  id: Type.String(),
  rule_set_version: Type.String({ description: 'the active rule-set version every message was scanned with' }),
  since: Type.String(),
  until: Type.Union([Type.String(), Type.Null()]),
  dry_run: Type.Boolean(),
  enforcement_cutoff: Type.String({ description: 'messages sent before this time are historical (RESCAN_ENFORCEMENT_CUTOFF_DAYS): stored with `historical: true`, never enforced' }),
  conversations: Type.Integer(),
  scanned: Type.Integer(),
  changed: Type.Integer({ description: 'messages whose verdict, score or hits differ from the stored result (or that had none)' }),
  changed_historical: Type.Integer({ description: 'changed messages older than the enforcement cutoff' }),
  to_write: Type.Integer({ description: 'rows whose stored result or rule-set version differs from the new one' }),
  written: Type.Integer({ description: 'rows updated; 0 on a dry run' }),
  previous_versions: Type.Array(Type.Object({ version: Type.String(), messages: Type.Integer() })),
  transitions: Type.Array(Type.Object({ from: PreviousVerdictDto, to: VerdictDto, messages: Type.Integer() })),
  kinds: Type.Array(Type.Object({ kind: KindDto, added: Type.Integer(), removed: Type.Integer() })),
  sample: Type.Array(
    Type.Object({
      id: Type.String(),
      conversation_id: Type.String(),
      sent_at: Type.String(),
      from: PreviousVerdictDto,
      to: VerdictDto,
      historical: Type.Boolean(),
      kinds_added: Type.Array(KindDto),
      kinds_removed: Type.Array(KindDto),
    }),
  ),
});
export type RescanReportView = Static<typeof RescanReportDto>;

export function rescanReportToDto(r: RescanReport): RescanReportView {
  return {
    id: r.id,
    rule_set_version: r.ruleSetVersion,
    since: r.since.toISOString(),
    until: r.until?.toISOString() ?? null,
    dry_run: r.dryRun,
    enforcement_cutoff: r.enforcementCutoff.toISOString(),
    conversations: r.conversations,
    scanned: r.scanned,
    changed: r.changed,
    changed_historical: r.changedHistorical,
    to_write: r.toWrite,
    written: r.written,
    previous_versions: r.previousVersions.map((v) => ({ ...v })),
    transitions: r.transitions.map((t) => ({ ...t })),
    kinds: r.kinds.map((k) => ({ ...k })),
    sample: r.sample.map((s) => ({
      id: s.id,
      conversation_id: s.conversationId,
      sent_at: s.sentAt.toISOString(),
      from: s.from,
      to: s.to,
      historical: s.historical,
      kinds_added: [...s.kindsAdded],
      kinds_removed: [...s.kindsRemoved],
    })),
  };
}

const Bound = Type.String({ minLength: 10, maxLength: 40, description: 'a date (2026-10-01, UTC) or a time with its zone' });

/** `POST /v1/rescans`: re-scan stored messages with the active rule set (what `assay rescan` runs through a server). */
export function rescanRoutes(marketplace: Pick<MarketplaceService, 'rescan'>) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.post(
      '/v1/rescans',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['detection'],
          summary: 'Re-scan stored messages with the active rule set and report what changed (stores the new results unless dry_run)',
          description:
            'Messages sent in [since, until) are scanned again in conversation order (each with the context of the messages before it), a page at a time. ' +
            'A bare date as `until` includes that whole day. The answer counts verdict transitions (clear → review…), hits gained and lost per kind, and lists a sample of changed messages. ' +
            'Messages older than the enforcement cutoff (RESCAN_ENFORCEMENT_CUTOFF_DAYS) are stored with `historical: true` in their scan: enforcement never issues strikes or notices for them. ' +
            'The request runs until the re-scan is done (minutes for millions of messages).',
          body: Type.Object({
            since: Bound,
            until: Type.Optional(Bound),
            dry_run: Type.Optional(Type.Boolean()),
            sample: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'how many changed messages to list (default 20)' })),
          }),
          response: withErrors({ 200: RescanReportDto }),
        },
      },
      async (request) => {
        const b = request.body;
        const range = parseRescanRange(b.since, b.until);
        const report = await marketplace.rescan(principalActor(principalOf(request)), { ...range, dryRun: b.dry_run === true, sampleSize: b.sample });
        return rescanReportToDto(report);
      },
    );
  };
}
