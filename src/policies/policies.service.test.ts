import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError, fixedClock } from '../kernel';
import { inTransaction, query, sql } from '../db';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { createPolicyService, type PolicyService } from './policies.service';
import type { PublishInput } from './policies.model';

const clock = fixedClock('2026-11-02T10:00:00Z');
const manager = { type: 'user' as const, id: 'usr_manager' };
let database: TestDatabase;
let policies: PolicyService;

beforeAll(async () => {
  database = await createTestDatabase();
  policies = createPolicyService({ db: database.db, clock });
});
afterAll(async () => {
  await database.close();
});

function version(text: string, effectiveFrom?: string, extra: PublishInput['clauses'] = []): PublishInput {
  return {
    title: 'Shipping rules',
    summary: 'How dealers ship sold items.',
    effectiveFrom: effectiveFrom === undefined ? undefined : new Date(effectiveFrom),
    clauses: [{ clauseId: 'SR-1.1', title: 'Shipping time', text }, ...extra],
  };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('resolving a clause for another module', () => {
  it('gives the seeded text of the transactional policies', async () => {
    const c = await policies.resolveClause('TP-2.1');
    expect(c).toMatchObject({ clauseId: 'TP-2.1', policySlug: 'transactional-policies', version: 1, number: '2.1', policyTitle: 'Transactional policies for dealers' });
    expect(c!.text).toMatch(/phone numbers/);
  });

  it('is undefined for an unknown or malformed id, and before anything was in force', async () => {
    expect(await policies.resolveClause('TP-9.9')).toBeUndefined();
    expect(await policies.resolveClause("TP-2.1' OR 1=1")).toBeUndefined();
    expect(await policies.resolveClause('TP-2.1', new Date('2020-01-01T00:00:00Z'))).toBeUndefined();
  });

  it("works inside the caller's transaction", async () => {
    const c = await inTransaction(database.db, (tx) => policies.resolveClause('TP-2.2', undefined, { tx }));
    expect(c?.title).toBe('Payment only through checkout');
  });

  it('resolves each moment to the text in force then, for any sequence of versions', async () => {
    let run = 0;
    // Versions published a day apart, each effective some days later (never before the previous one).
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), async (delays) => {
        run++;
        const slug = `property-${run}`;
        const prefix = `P${String.fromCharCode(65 + Math.floor(run / 26))}${String.fromCharCode(65 + (run % 26))}`;
        const local = fixedClock('2027-01-01T00:00:00Z');
        const svc = createPolicyService({ db: database.db, clock: local });
        const effective: Date[] = [];
        let last = local.now();
        for (const [i, d] of delays.entries()) {
          const from = new Date(Math.max(last.getTime(), local.now().getTime() + d * 86_400_000));
          await svc.publish(manager, slug, { title: 'P', summary: '', effectiveFrom: from, clauses: [{ clauseId: `${prefix}-1.1`, title: 'T', text: `text ${i + 1}` }] });
          effective.push(from);
          last = from;
          local.advance(86_400_000);
        }
        for (let probe = 0; probe < 12; probe++) {
          const at = new Date(Date.parse('2027-01-01T00:00:00Z') + probe * 86_400_000);
          const expected = effective.reduce<number | undefined>((v, from, i) => (from <= at ? i + 1 : v), undefined);
          const got = await svc.resolveClause(`${prefix}-1.1`, at);
          expect(got?.text).toBe(expected === undefined ? undefined : `text ${expected}`);
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('publishing', () => {
  it('numbers versions one after another and records what changed in the audit trail and the outbox', async () => {
    const v1 = await policies.publish(manager, 'shipping-rules', version('Ship within 5 business days.', undefined, [{ clauseId: 'SR-1.2', title: 'Insurance', text: 'Insure every shipment.' }]));
    expect(v1).toMatchObject({ version: 1, status: 'in_force', publishedBy: 'user:usr_manager', clauseCount: 2 });
    const v2 = await policies.publish(manager, 'shipping-rules', version('Ship within 3 business days.', '2026-12-01T00:00:00Z', [{ clauseId: 'SR-2.1', title: 'Tracking', text: 'Give the buyer a tracking number.' }]));
    expect(v2).toMatchObject({ version: 2, status: 'scheduled' });
    const events = await query<{ payload: Record<string, unknown> }>(database.db, sql`SELECT payload FROM outbox_events WHERE type = 'policy.version_published' AND subject_id = 'shipping-rules' ORDER BY created_at, id`);
    expect(events.map((e) => e.payload)).toEqual([
      { slug: 'shipping-rules', version: 1, effective_from: '2026-11-02T10:00:00.000Z', clauses_added: ['SR-1.1', 'SR-1.2'], clauses_removed: [], clauses_reworded: [] },
      { slug: 'shipping-rules', version: 2, effective_from: '2026-12-01T00:00:00.000Z', clauses_added: ['SR-2.1'], clauses_removed: ['SR-1.2'], clauses_reworded: ['SR-1.1'] },
    ]);
    const audit = await query<{ action: string; actor_id: string }>(database.db, sql`SELECT action, actor_id FROM audit_pending WHERE subject_type = 'policy' AND subject_id = 'shipping-rules' UNION ALL SELECT action, actor_id FROM audit_log WHERE subject_type = 'policy' AND subject_id = 'shipping-rules'`);
    expect(audit).toEqual([
      { action: 'policy.version_published', actor_id: 'usr_manager' },
      { action: 'policy.version_published', actor_id: 'usr_manager' },
    ]);
  });

  it('gives concurrent publishes of one document distinct consecutive versions', async () => {
    const results = await Promise.all([1, 2, 3].map((i) => policies.publish(manager, 'busy-policy', { title: 'Busy', summary: '', clauses: [{ clauseId: 'BP-1.1', title: 'One', text: `draft ${i}` }] })));
    expect(results.map((d) => d.version).sort()).toEqual([1, 2, 3]);
    expect((await policies.list()).find((p) => p.slug === 'busy-policy')).toMatchObject({ latestVersion: 3, currentVersion: 3 });
  });

  it('takes an effective date a moment ago as now, and refuses one further in the past', async () => {
    const doc = await policies.publish(manager, 'skew-policy', { title: 'Skew', summary: '', effectiveFrom: new Date(clock.now().getTime() - 60_000), clauses: [{ clauseId: 'SK-1.1', title: 'One', text: 'Text.' }] });
    expect(doc.effectiveFrom).toEqual(clock.now());
    const e = await refusal(policies.publish(manager, 'skew-policy', { title: 'Skew', summary: '', effectiveFrom: new Date(clock.now().getTime() - 3_600_000), clauses: [{ clauseId: 'SK-1.1', title: 'One', text: 'Text.' }] }));
    expect(e.errors).toEqual([{ field: '/effective_from', reason: 'must not be in the past: the text in force earlier cannot change' }]);
  });

  it('refuses a malformed slug, title and clause list with every field named', async () => {
    const e = await refusal(policies.publish(manager, 'Bad Slug', { title: ' ', summary: 'x'.repeat(2001), clauses: [] }));
    expect(e.code).toBe('invalid_input');
    expect(e.errors.map((x) => x.field)).toEqual(['/slug', '/title', '/summary', '/clauses']);
  });

  it('writes nothing when a publish is refused inside its transaction', async () => {
    const e = await refusal(policies.publish(manager, 'never-published', {
        title: 'Never',
        summary: '',
        clauses: [
          { clauseId: 'NP-1.1', title: 'Own', text: 'Ours.' },
          { clauseId: 'TP-2.1', title: 'Borrowed', text: 'Not ours.' },
        ],
      }));
    expect(e.errors).toEqual([{ field: '/clauses/1/clause_id', reason: 'TP-2.1 is a clause of policy transactional-policies' }]);
    expect((await policies.list()).some((p) => p.slug === 'never-published')).toBe(false);
    const rows = await query(database.db, sql`SELECT 1 FROM policy_documents WHERE slug = 'never-published'`);
    expect(rows).toEqual([]);
  });
});

describe('search', () => {
  it('limits the hits', async () => {
    expect((await policies.search('the', { limit: 2 })).length).toBe(2);
  });

  it('refuses a query of only punctuation', async () => {
    const e = await refusal(policies.search(' ?! '));
    expect(e.errors[0]?.field).toBe('/q');
  });
});
