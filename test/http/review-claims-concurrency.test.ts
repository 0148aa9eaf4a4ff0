import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { query, sql } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * Claims under real concurrency. The thousand-case run needs PostgreSQL: there the eight reviewers'
 * requests overlap on separate pool connections and only row locks (SKIP LOCKED) and the lease
 * fence keep them apart. PGlite has a single connection and would run them one after another, which
 * proves nothing about races, so that part is skipped there. The fencing test runs on both.
 */
const ON_POSTGRES = (process.env['DATABASE_URL'] ?? '') !== '';
const REVIEWERS = 8;
const CASES = 1000;

let t: TestApp;
let reviewers: { id: string; token: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '10000000', DATABASE_POOL_SIZE: '12', REVIEW_LEASE_MINUTES: '15' } });
  const system = { type: 'system' as const, id: 'test' };
  reviewers = [];
  for (let i = 0; i < REVIEWERS; i++) {
    const user = await t.app.services.identity.createUser(system, { email: `reviewer-${i}@example.test`, name: `Reviewer ${i}`, role: 'agent', password: `password-reviewer-${i}` });
    const { token, info } = await t.app.services.identity.createApiToken(system, { name: `reviewer ${i}`, role: 'agent', userId: user.id });
    // a reviewer working through an API token acts as that token
    reviewers.push({ id: info.id, token });
  }
}, 120_000);
afterAll(async () => {
  await t.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function as(reviewer: number, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return t.app.http.inject({ ...opts, headers: { authorization: `Bearer ${reviewers[reviewer]!.token}` } } as InjectOptions);
}

function flaggedMessage(conversation: string, n: number, lang = 'fr') {
  return {
    id: `cc-m-${conversation}`,
    conversation_id: conversation,
    buyer_id: `cc-b-${n % 97}`,
    seller_id: `cc-s-${n % 61}`,
    sender_role: 'seller',
    body: `Appelez-moi au 06 12 34 ${String(n % 100).padStart(2, '0')} 78 pour éviter les frais`,
    sent_at: new Date(Date.parse('2026-11-01T09:00:00Z') + n * 1000).toISOString(),
    lang,
  };
}

async function ingest(items: unknown[]): Promise<void> {
  const res = await t.as('integration', { method: 'POST', url: '/v1/messages:batch', payload: { items } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.json().stored).toBe(items.length);
}

/** How many times a reviewer gives this case back before someone decides it (0, 1 or 2): deterministic per case. */
function releasesWanted(caseId: string): number {
  let h = 0;
  for (const ch of caseId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 3;
}

interface Claim {
  readonly reviewer: number;
  readonly caseId: string;
  readonly fence: number;
}

describe.skipIf(!ON_POSTGRES)(`${CASES} open cases claimed by ${REVIEWERS} reviewers at once (PostgreSQL only: skipped on PGlite, set DATABASE_URL to run it)`, () => {
  it('decides every case exactly once, never hands a case to two reviewers at once, and loses none', async () => {
    const all = Array.from({ length: CASES }, (_, n) => flaggedMessage(`cc-c-${String(n).padStart(4, '0')}`, n));
    for (let i = 0; i < all.length; i += 250) await ingest(all.slice(i, i + 250));
    const [opened] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM review_cases WHERE open AND conversation_id LIKE 'cc-c-%'`);
    expect(opened!.n).toBe(CASES);

    const claims: Claim[] = [];
    const refusals: string[] = [];
    const decidedBy = new Map<string, number[]>();

    async function work(reviewer: number): Promise<void> {
      for (;;) {
        const res = await as(reviewer, { method: 'POST', url: '/v1/review/claims', payload: { lang: 'fr' } });
        if (res.statusCode === 404 && res.json().reason === 'review.nothing_to_claim') return;
        if (res.statusCode !== 201) {
          refusals.push(`claim by ${reviewer}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          return;
        }
        const lease = res.json() as Json;
        const caseId = String(lease['case_id']);
        claims.push({ reviewer, caseId, fence: Number(lease['fence']) });
        if (Number(lease['fence']) <= releasesWanted(caseId)) {
          const rel = await as(reviewer, { method: 'POST', url: `/v1/review/claims/${caseId}/release`, payload: { lease_token: lease['lease_token'] } });
          if (rel.statusCode !== 204) refusals.push(`release of ${caseId} by ${reviewer}: ${rel.statusCode} ${rel.body.slice(0, 200)}`);
          continue;
        }
        const dec = await as(reviewer, {
          method: 'POST',
          url: `/v1/review/cases/${caseId}/decisions`,
          payload: { lease_token: lease['lease_token'], decision: 'no_violation', reason: 'false_positive', note: `Checked by reviewer ${reviewer}: a shop number` },
        });
        if (dec.statusCode !== 201) refusals.push(`decision on ${caseId} by ${reviewer}: ${dec.statusCode} ${dec.body.slice(0, 200)}`);
        else decidedBy.set(caseId, [...(decidedBy.get(caseId) ?? []), reviewer]);
      }
    }
    await Promise.all(Array.from({ length: REVIEWERS }, (_, r) => work(r)));

    // a lease taken over while held would have refused its holder's release or decision
    expect(refusals).toEqual([]);
    expect(decidedBy.size).toBe(CASES);
    expect([...decidedBy.values()].every((by) => by.length === 1)).toBe(true);
    const perReviewer = new Set([...decidedBy.values()].map((by) => by[0]));
    expect(perReviewer.size, 'every reviewer decided some cases').toBe(REVIEWERS);

    // the database agrees: each lease generation went to exactly one reviewer, in order
    const claimRows = await query<{ case_id: string; fence: string; reviewer_id: string }>(
      t.database.db,
      sql`SELECT case_id, data->>'fence' AS fence, data->>'reviewer_id' AS reviewer_id FROM case_timeline WHERE kind = 'claim'`,
    );
    expect(claimRows).toHaveLength(claims.length);
    const byCase = new Map<string, Map<number, string>>();
    for (const r of claimRows) {
      const fences = byCase.get(r.case_id) ?? new Map<number, string>();
      expect(fences.has(Number(r.fence)), `fence ${r.fence} of ${r.case_id} handed out twice`).toBe(false);
      fences.set(Number(r.fence), r.reviewer_id);
      byCase.set(r.case_id, fences);
    }
    for (const c of claims) expect(byCase.get(c.caseId)?.get(c.fence)).toBe(reviewers[c.reviewer]!.id);
    for (const [caseId, fences] of byCase) {
      const k = releasesWanted(caseId) + 1;
      expect([...fences.keys()].sort((a, b) => a - b), caseId).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    }

    // per case the events alternate: claimed, released, claimed, …, decided (outbox order is lock order)
    const events = await query<{ subject_id: string; type: string; payload: Json }>(
      t.database.db,
      sql`SELECT subject_id, type, payload FROM outbox_events WHERE type IN ('review.claimed', 'review.released', 'review.decided') ORDER BY seq`,
    );
    const sequences = new Map<string, string[]>();
    for (const e of events) sequences.set(e.subject_id, [...(sequences.get(e.subject_id) ?? []), e.type === 'review.claimed' ? `claimed:${String(e.payload['fence'])}` : e.type.slice('review.'.length)]);
    expect(sequences.size).toBe(CASES);
    for (const [caseId, seq] of sequences) {
      const k = releasesWanted(caseId) + 1;
      const expected = Array.from({ length: k }, (_, i) => [`claimed:${i + 1}`, i + 1 < k ? 'released' : 'decided']).flat();
      expect(seq, caseId).toEqual(expected);
    }

    const decisions = await query<{ case_id: string; n: number; fence: string; reviewer_id: string }>(
      t.database.db,
      sql`SELECT case_id, count(*) OVER (PARTITION BY case_id)::int AS n, fence::text AS fence, reviewer_id FROM review_decisions`,
    );
    expect(decisions).toHaveLength(CASES);
    for (const d of decisions) {
      expect(d.n).toBe(1);
      const last = releasesWanted(d.case_id) + 1;
      expect(Number(d.fence)).toBe(last);
      expect(d.reviewer_id).toBe(byCase.get(d.case_id)!.get(last));
    }
    const [state] = await query<{ decided: number; open: number; held: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM cases WHERE type = 'conversation_review' AND status = 'decided_no_violation') AS decided,
        (SELECT count(*)::int FROM review_cases WHERE open) AS open,
        (SELECT count(*)::int FROM review_leases WHERE released_at IS NULL) AS held`,
    );
    expect(state).toEqual({ decided: CASES, open: 0, held: 0 });
  }, 600_000);
});

describe(`fencing (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('refuses a reviewer whose lease expired, and lets the reviewer who claimed the case meanwhile decide', async () => {
    await ingest([flaggedMessage('cc-fence', 5000, 'sv')]);
    const first = await as(0, { method: 'POST', url: '/v1/review/claims', payload: { lang: 'sv' } });
    expect(first.statusCode, first.body).toBe(201);
    const a = first.json() as Json;
    const decision = (token: unknown, who: number) => ({ lease_token: token, decision: 'no_violation', reason: 'false_positive', note: `Reviewer ${who}: shop number` });
    t.clock.advance(16 * 60_000);
    try {
      const expired = await as(0, { method: 'POST', url: `/v1/review/cases/${a['case_id']}/decisions`, payload: decision(a['lease_token'], 0) });
      expect(expired.statusCode).toBe(409);
      expect(expired.json().reason).toBe('review.lease_expired');

      const second = await as(1, { method: 'POST', url: '/v1/review/claims', payload: { lang: 'sv' } });
      expect(second.statusCode, second.body).toBe(201);
      const b = second.json() as Json;
      expect(b['case_id']).toBe(a['case_id']);
      expect(b['fence']).toBeGreaterThan(a['fence']);

      // the late reviewer and the new holder decide at the same moment: only the holder gets through
      const [late, holder] = await Promise.all([
        as(0, { method: 'POST', url: `/v1/review/cases/${a['case_id']}/decisions`, payload: decision(a['lease_token'], 0) }),
        as(1, { method: 'POST', url: `/v1/review/cases/${b['case_id']}/decisions`, payload: decision(b['lease_token'], 1) }),
      ]);
      expect(late.statusCode).toBe(409);
      expect(['review.lease_not_held', 'review.lease_expired']).toContain(late.json().reason);
      expect(holder.statusCode, holder.body).toBe(201);
      expect(holder.json().decision).toMatchObject({ reviewer_id: reviewers[1]!.id, decision: 'no_violation' });

      // nor can the late reviewer renew or release what is no longer theirs
      for (const action of ['renew', 'release']) {
        const res = await as(0, { method: 'POST', url: `/v1/review/claims/${a['case_id']}/${action}`, payload: { lease_token: a['lease_token'] } });
        expect(res.statusCode, action).toBe(409);
      }
      const rows = await query<{ reviewer_id: string }>(t.database.db, sql`SELECT reviewer_id FROM review_decisions WHERE case_id = ${String(a['case_id'])}`);
      expect(rows).toEqual([{ reviewer_id: reviewers[1]!.id }]);
    } finally {
      t.clock.set('2026-11-02T10:00:00Z');
    }
  });
});
