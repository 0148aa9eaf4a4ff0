import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/identity';
import { createTestApp, type TestApp } from '../helpers/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00Z', env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await t.close();
});

async function get(url: string, role: Role = 'agent') {
  return t.as(role, { method: 'GET', url });
}

async function publish(slug: string, body: Json, role: Role = 'manager') {
  return t.as(role, { method: 'POST', url: `/v1/policies/${slug}/versions`, payload: body });
}

async function current(slug: string): Promise<Json> {
  const res = await get(`/v1/policies/${slug}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the seeded transactional policies', () => {
  it('are in force with five sections of numbered clauses', async () => {
    const doc = await current('transactional-policies');
    expect(doc.version).toBe(1);
    expect(doc.status).toBe('in_force');
    expect(doc.clauses.length).toBeGreaterThanOrEqual(15);
    expect(doc.clauses.length).toBeLessThanOrEqual(25);
    const sections = new Set(doc.clauses.map((c: Json) => c.clause_id.split('.')[0]));
    expect([...sections].sort()).toEqual(['TP-1', 'TP-2', 'TP-3', 'TP-4', 'TP-5']);
    for (const c of doc.clauses) {
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.number).toBe(c.clause_id.slice(3));
    }
  });

  it('resolve every clause the checked-in detection rules cite', async () => {
    const rules = JSON.parse(readFileSync(resolve(__dirname, '../../src/detection/rules/default.rules.json'), 'utf8')) as { clauses: Record<string, string>; rules: { clause: string }[] };
    const cited = new Set([...Object.keys(rules.clauses), ...rules.rules.map((r) => r.clause)]);
    expect(cited.size).toBeGreaterThanOrEqual(3);
    for (const id of cited) {
      const res = await get(`/v1/policy-clauses/${id}`);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(200);
      expect(res.json().policy_slug).toBe('transactional-policies');
    }
  });

  it('state the enforcement ladder, strike expiry, appeal window and termination notice', async () => {
    const doc = await current('transactional-policies');
    const tp5 = doc.clauses.filter((c: Json) => c.clause_id.startsWith('TP-5.')).map((c: Json) => c.text).join(' ');
    for (const step of ['education', 'formal warning', 'restriction', 'temporary suspension', 'termination']) expect(tp5).toContain(step);
    expect(tp5).toMatch(/12 months/);
    expect(tp5).toMatch(/free of charge within 6 months/);
    expect(tp5).toMatch(/30 days' notice/);
    expect(tp5).toMatch(/repeatedly breached/);
  });

  it('are listed with their version history, to vendor reviewers too', async () => {
    const res = await get('/v1/policies', 'vendor');
    expect(res.statusCode).toBe(200);
    const tp = res.json().items.find((p: Json) => p.slug === 'transactional-policies');
    expect(tp).toMatchObject({ current_version: 1, latest_version: 1 });
    expect(tp.versions[0]).toMatchObject({ version: 1, status: 'in_force', published_by: 'system:assay' });
  });

  it('are not readable by the marketplace integration', async () => {
    expect((await get('/v1/policies/transactional-policies', 'integration')).statusCode).toBe(403);
    expect((await get('/v1/policy-clauses?q=checkout', 'integration')).statusCode).toBe(403);
  });
});

describe('publishing a new version', () => {
  const slug = 'returns-policy';
  const v1 = {
    title: 'Returns for dealers',
    summary: 'When a buyer may return an item.',
    clauses: [
      { clause_id: 'RP-1.1', title: 'Return window', text: 'A buyer may return an item within 14 days of delivery.' },
      { clause_id: 'RP-1.2', title: 'Condition on return', text: 'Returned items must arrive in the condition they were delivered in.' },
      { clause_id: 'RP-2.1', title: 'Restocking fee', text: 'Dealers may not charge a restocking fee.' },
    ],
  };

  it('creates the document on its first version, effective now by default, and audits it', async () => {
    const res = await publish(slug, v1);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ slug, version: 1, title: 'Returns for dealers', status: 'in_force', clause_count: 3, effective_from: '2026-11-02T10:00:00.000Z' });
    expect(doc.published_by).toMatch(/^token:tok_/);
    expect(doc.clauses.map((c: Json) => c.clause_id)).toEqual(['RP-1.1', 'RP-1.2', 'RP-2.1']);
    const audit = (await get(`/v1/audit?subject_type=policy&subject_id=${slug}`, 'admin')).json();
    expect(audit.items.map((e: Json) => e.action)).toEqual(['policy.version_published']);
  });

  it('keeps the old text citable after a rewording takes effect, by version and by date', async () => {
    const v2 = {
      ...v1,
      title: 'Returns and refunds for dealers',
      effective_from: '2026-12-01T00:00:00Z',
      clauses: [
        { clause_id: 'RP-1.1', title: 'Return window', text: 'A buyer may return an item within 30 days of delivery.' },
        v1.clauses[1],
        { clause_id: 'RP-3.1', title: 'Refunds', text: 'Refunds are paid within 5 business days of the item arriving back.' },
      ],
    };
    const res = await publish(slug, v2, 'admin');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, status: 'scheduled' });

    // Not in force yet: the current text and title are still version 1's.
    expect((await current(slug)).version).toBe(1);
    expect((await get('/v1/policies')).json().items.find((p: Json) => p.slug === slug).title).toBe('Returns for dealers');
    expect((await get(`/v1/policy-clauses/RP-1.1`)).json().text).toMatch(/14 days/);
    expect((await get(`/v1/policy-clauses/RP-1.1?at=2026-12-15T00:00:00Z`)).json()).toMatchObject({ version: 2, text: expect.stringMatching(/30 days/) });

    t.clock.set('2026-12-02T00:00:00Z');
    try {
      const now = await current(slug);
      expect(now.version).toBe(2);
      const clause = (await get('/v1/policy-clauses/RP-1.1')).json();
      expect(clause.text).toMatch(/30 days/);
      expect(clause.versions).toEqual([
        { version: 1, effective_from: '2026-11-02T10:00:00.000Z', status: 'superseded' },
        { version: 2, effective_from: '2026-12-01T00:00:00.000Z', status: 'in_force' },
      ]);
      // A decision made in November cites the text of then.
      expect((await get('/v1/policy-clauses/RP-1.1?version=1')).json().text).toMatch(/14 days/);
      expect((await get('/v1/policy-clauses/RP-1.1?at=2026-11-20T12:00:00Z')).json()).toMatchObject({ version: 1, text: expect.stringMatching(/14 days/) });
      expect((await get(`/v1/policies/${slug}?at=2026-11-20T12:00:00Z`)).json().version).toBe(1);

      // A dropped clause is gone from the current version but resolves in the version that had it.
      const dropped = await get('/v1/policy-clauses/RP-2.1');
      expect(dropped.statusCode).toBe(404);
      expect(dropped.json().reason).toBe('policy.clause_not_in_version');
      expect((await get('/v1/policy-clauses/RP-2.1?version=1')).json().text).toMatch(/restocking/);
      // A clause added later did not exist before.
      expect((await get('/v1/policy-clauses/RP-3.1?version=1')).statusCode).toBe(404);

      const list = (await get('/v1/policies')).json().items.find((p: Json) => p.slug === slug);
      expect(list).toMatchObject({ title: 'Returns and refunds for dealers', current_version: 2, latest_version: 2 });
      expect(list.versions.map((v: Json) => v.status)).toEqual(['superseded', 'in_force']);
    } finally {
      t.clock.set('2026-11-02T10:00:00Z');
    }
  });

  it('is for managers and admins only', async () => {
    for (const role of ['agent', 'senior', 'legal', 'vendor'] as const) expect((await publish(slug, v1, role)).statusCode, role).toBe(403);
  });

  it('refuses duplicate clause ids, empty text and malformed ids, naming each field', async () => {
    const res = await publish(slug, {
      title: 'Returns',
      clauses: [
        { clause_id: 'RP-1.1', title: 'Window', text: 'Fourteen days.' },
        { clause_id: 'RP-1.1', title: 'Window again', text: 'Thirty days.' },
        { clause_id: 'rp 2', title: 'Fee', text: 'No fee.' },
        { clause_id: 'RP-4.1', title: 'Empty', text: '   ' },
        { clause_id: 'RP-4.2', title: ' ', text: 'Untitled.' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: Json) => e.field);
    expect(fields).toEqual(['/clauses/1/clause_id', '/clauses/2/clause_id', '/clauses/3/text', '/clauses/4/title']);
  });

  it('refuses a version that would change the past or never be in force', async () => {
    const past = await publish(slug, { ...v1, effective_from: '2026-10-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ field: '/effective_from', reason: expect.stringMatching(/past/) });
    const beforePrevious = await publish(slug, { ...v1, effective_from: '2026-11-20T00:00:00Z' });
    expect(beforePrevious.statusCode).toBe(400);
    expect(beforePrevious.json().errors[0]).toMatchObject({ field: '/effective_from', reason: expect.stringMatching(/version 2/) });
  });

  it("refuses a clause id that belongs to another policy", async () => {
    const res = await publish('fair-conduct', { title: 'Fair conduct', clauses: [{ clause_id: 'FC-1.1', title: 'Fair', text: 'Be fair.' }, { clause_id: 'TP-2.1', title: 'Stolen', text: 'Not ours.' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: '/clauses/1/clause_id', reason: 'TP-2.1 is a clause of policy transactional-policies' }]);
    expect((await get('/v1/policies/fair-conduct')).statusCode).toBe(404);
  });
});

describe('reading versions', () => {
  it('answers 404 for an unknown policy, version or clause', async () => {
    expect((await get('/v1/policies/no-such-policy')).statusCode).toBe(404);
    expect((await get('/v1/policies/transactional-policies?version=9')).statusCode).toBe(404);
    expect((await get('/v1/policy-clauses/TP-9.9')).statusCode).toBe(404);
  });

  it('refuses a version and a date together', async () => {
    const res = await get('/v1/policies/transactional-policies?version=1&at=2026-01-01T00:00:00Z');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/version');
  });

  it('has nothing in force before the first version took effect', async () => {
    const res = await get('/v1/policy-clauses/TP-2.1?at=2020-01-01T00:00:00Z');
    expect(res.statusCode).toBe(404);
    expect(res.json().reason).toBe('policy.not_in_force');
  });
});

describe('clause search', () => {
  async function search(q: string, role: Role = 'agent'): Promise<Json[]> {
    const res = await get(`/v1/policy-clauses?q=${encodeURIComponent(q)}`, role);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  it('ranks clauses whose title matches above those that only mention it', async () => {
    const hits = await search('checkout');
    expect(hits.length).toBeGreaterThan(3);
    const kinds = hits.map((h) => h.matched_in);
    expect(kinds.indexOf('text')).toBeGreaterThan(kinds.lastIndexOf('title'));
    expect(hits.filter((h) => h.matched_in === 'title').map((h) => h.clause.clause_id).sort()).toEqual(['TP-1.1', 'TP-1.3', 'TP-2.2']);
    for (const h of hits) expect(`${h.clause.title} ${h.clause.text}`.toLowerCase()).toContain('checkout');
  });

  it('requires every word, ignores case and shows a snippet around the match', async () => {
    const hits = await search('BANK Transfers');
    expect(hits.map((h) => h.clause.clause_id)).toEqual(['TP-2.2']);
    expect(hits[0]!.snippet).toContain('bank transfers');
    expect(hits[0]!.snippet.length).toBeLessThanOrEqual(170);
  });

  it('finds a clause by its id first', async () => {
    expect((await search('tp-5.4'))[0]!.clause.clause_id).toBe('TP-5.4');
  });

  it('ignores accents, on both sides', async () => {
    const res = await publish('communication-standards', {
      title: 'Normes de communication',
      clauses: [
        { clause_id: 'CS-1.1', title: 'Délai de réponse', text: 'Répondez aux acheteurs sous deux jours ouvrés.' },
        { clause_id: 'CS-1.2', title: 'Courtoisie', text: 'Soyez courtois, même en cas de désaccord.' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await search('delai reponse')).map((h) => h.clause.clause_id)).toEqual(['CS-1.1']);
    expect((await search('DÉSACCORD')).map((h) => h.clause.clause_id)).toEqual(['CS-1.2']);
    expect((await search('ouvres')).map((h) => h.snippet)).toEqual(['Répondez aux acheteurs sous deux jours ouvrés.']);
  });

  it('searches only the text in force, and treats % and _ as letters', async () => {
    // RP-2.1 is in version 1 of the returns policy and dropped from version 2, in force from December.
    expect((await search('restocking')).map((h) => h.clause.clause_id)).toEqual(['RP-2.1']);
    t.clock.set('2026-12-02T00:00:00Z');
    try {
      expect(await search('restocking')).toEqual([]);
      expect((await search('refunds')).map((h) => h.clause.clause_id)).toEqual(['RP-3.1']);
    } finally {
      t.clock.set('2026-11-02T10:00:00Z');
    }
    expect(await search('100%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('refuses an empty query', async () => {
    expect((await get('/v1/policy-clauses?q=')).statusCode).toBe(400);
    const blank = await get('/v1/policy-clauses?q=%20%20');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('/q');
  });

  it('is available to vendor reviewers', async () => {
    expect((await search('contact details', 'vendor')).length).toBeGreaterThan(0);
  });
});
