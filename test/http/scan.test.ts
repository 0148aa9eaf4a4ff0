import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../src/detection';
import { createTestApp, type TestApp } from '../helpers/app';
import { activateRuleSet } from '../helpers/rule-sets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await t.close();
});

interface Hit {
  kind: string;
  start: number;
  end: number;
  value: string;
  normalized: string;
  rule: string;
  clause: string;
  score: number;
}
interface Result {
  id: string;
  verdict: string;
  score: number;
  hits: Hit[];
  redacted?: string;
}

const scan = (body: unknown, role: 'integration' | 'agent' | 'admin' = 'integration') => t.as(role, { method: 'POST', url: '/v1/scan', payload: body as object });

describe('POST /v1/scan', () => {
  it('answers one item with the contract shape: verdict, score and hits with rule and clause', async () => {
    const res = await scan({ id: 'm1', text: 'WhatsApp me on +33 6 12 34 56 78 to agree the price', country: 'FR' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['assay-rule-set']).toMatch(/^\d{4}\.\d+\.\d+$/);
    const r = res.json() as Result;
    expect(Object.keys(r).sort()).toEqual(['hits', 'id', 'score', 'verdict']);
    expect(r.id).toBe('m1');
    expect(r.verdict).toBe('violation');
    expect(r.score).toBeGreaterThan(0.75);
    expect(r.hits.map((h) => h.kind)).toContain('phone');
    for (const h of r.hits) expect(Object.keys(h).sort()).toEqual(['clause', 'end', 'kind', 'normalized', 'rule', 'score', 'start', 'value']);
    expect(r.hits.find((h) => h.kind === 'phone')!.normalized).toBe('+33612345678');
  });

  it('gives offsets as UTF-16 indices into the original text, past emoji, accents and full-width digits', async () => {
    const text = '😀 Très belle pièce ! Écrivez-moi: ｊｅａｎ.ｄｕｐｏｎｔ@gmail.com — ou appelez le ０６ １２ ３４ ５６ ７８ 👍';
    const r = (await scan({ id: 'u', text, country: 'FR' })).json() as Result;
    expect(r.hits.length).toBeGreaterThanOrEqual(2);
    for (const h of r.hits) {
      expect(h.value).toBe(text.slice(h.start, h.end));
      expect(h.end).toBeLessThanOrEqual(text.length);
    }
    expect(r.hits.find((h) => h.kind === 'email')?.normalized).toBe('jean.dupont@gmail.com');
    expect(r.hits.find((h) => h.kind === 'phone')?.value).toBe('０６ １２ ３４ ５６ ７８');
  });

  it('masks every hit with a typed placeholder when asked to redact, and leaves the rest of the text alone', async () => {
    const text = 'Hello! Mail me at jane.doe@example-mail.com or call 07911 123456, IBAN GB29 NWBK 6016 1331 9268 19. Thanks';
    const r = (await scan({ id: 'r', text, country: 'GB', redact: true })).json() as Result;
    expect(r.redacted).toBeDefined();
    for (const h of r.hits) expect(r.redacted).not.toContain(h.value);
    expect(r.redacted).toContain('[email]');
    expect(r.redacted).toContain('[iban]');
    expect(r.redacted!.startsWith('Hello! ')).toBe(true);
    expect(r.redacted!.endsWith('. Thanks')).toBe(true);
    const viaQuery = (await t.as('integration', { method: 'POST', url: '/v1/scan?redact=true', payload: { id: 'r', text, country: 'GB' } })).json() as Result;
    expect(viaQuery.redacted).toBe(r.redacted);
  });

  it('answers a batch item by item, in order, with an error for each bad item while the others are scanned', async () => {
    const res = await scan({
      items: [
        { id: 'a', text: 'Price $12,500 — H 32 in. x W 18 in. — circa 1920 — lot 245.' },
        { id: 'b' },
        'not an object',
        { id: 'c', text: 'card 4111 1111 1111 1111', order_exists: 'yes' },
        { id: 'd', text: 'pay by wire transfer to my bank, IBAN FR76 3000 6000 0112 3456 7890 189' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { rule_set: string; results: Array<Result | { id: string | null; error: string }> };
    expect(body.rule_set).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(body.results.map((r) => r.id)).toEqual(['a', 'b', null, 'c', 'd']);
    expect(body.results[0]).toMatchObject({ verdict: 'clear', hits: [] });
    expect(body.results[1]).toEqual({ id: 'b', error: expect.stringMatching(/text/) });
    expect(body.results[2]).toEqual({ id: null, error: expect.stringMatching(/object/) });
    expect(body.results[3]).toEqual({ id: 'c', error: expect.stringMatching(/order_exists/) });
    expect(body.results[4]).toMatchObject({ verdict: 'violation' });
  });

  it('scans the items of one conversation with the context of the earlier ones: a number split over two messages', async () => {
    const items = [
      { id: 's1', text: 'my number is 06 12 34', conversation: 'c1', sender: 'seller_9' },
      { id: 's2', text: '56 78', conversation: 'c1', sender: 'seller_9' },
    ];
    const r = (await scan({ items: items.map((i) => ({ ...i, country: 'FR' })) })).json() as { results: Result[] };
    expect(r.results[1]!.hits.map((h) => h.rule)).toContain('phone.split_messages');
  });

  it('refuses a single bad item with a problem naming the field, and more than 1000 items as a whole', async () => {
    const bad = await scan({ id: 'x', text: 42 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect((bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('/text');

    const many = await scan({ items: Array.from({ length: 1001 }, (_, i) => ({ id: `m${i}`, text: 'hello' })) });
    expect(many.statusCode).toBe(400);
    expect(JSON.stringify(many.json())).toMatch(/items/);
    const max = await scan({ items: Array.from({ length: 1000 }, (_, i) => ({ id: `m${i}`, text: 'hello' })) });
    expect(max.statusCode).toBe(200);
    expect((max.json() as { results: unknown[] }).results).toHaveLength(1000);
  });

  it('is open to the staff roles and the integration, not to legal or vendor reviewers', async () => {
    for (const role of ['agent', 'admin'] as const) expect((await scan({ id: 'x', text: 'hi' }, role)).statusCode).toBe(200);
    for (const role of ['legal', 'vendor'] as const) expect((await t.as(role, { method: 'POST', url: '/v1/scan', payload: { id: 'x', text: 'hi' } })).statusCode).toBe(403);
  });
});

describe('rule sets switched at runtime', () => {
  const ruleSetWith = (version: string, change: (j: Record<string, unknown>) => void): Record<string, unknown> => {
    const j = JSON.parse(JSON.stringify(defaultRuleSet)) as Record<string, unknown>;
    j.version = version;
    change(j);
    return j;
  };
  const text = 'We could meet at the Hôtel Drouot on Saturday, bring your catalogue';

  it('starts on the checked-in rule set', async () => {
    const cur = (await t.as('agent', { method: 'GET', url: '/v1/rule-sets/current' })).json() as { source: string; version: string };
    expect(cur.source).toBe('builtin');
    expect(cur.version).toBe((defaultRuleSet as { version: string }).version);
  });

  it('a new version changes results without a restart once activated, and is audited', async () => {
    // a new phrase rule: "bring your catalogue" becomes a (made-up) circumvention intent
    const next = ruleSetWith('2099.1.0', (j) => {
      (j.rules as unknown[]).push({
        id: 'intent.test_catalogue.en',
        kind: 'intent',
        lang: 'en',
        clause: 'TP-2.3',
        weight: 0.9,
        triggers: ['catalogue'],
        patterns: ['bring your catalogue'],
      });
    });
    expect((await scan({ id: 'q', text })).json()).toMatchObject({ verdict: 'clear', hits: [] });

    const created = await t.as('manager', { method: 'POST', url: '/v1/rule-sets', payload: next });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: '2099.1.0', source: 'stored', active: false });
    // storing the same version again is a no-op; other content under it is a conflict
    expect((await t.as('manager', { method: 'POST', url: '/v1/rule-sets', payload: next })).statusCode).toBe(200);
    const changed = ruleSetWith('2099.1.0', (j) => ((j.thresholds as Record<string, number>).review = 0.5));
    expect((await t.as('manager', { method: 'POST', url: '/v1/rule-sets', payload: changed })).statusCode).toBe(409);
    // stored but not active: scans are unchanged
    expect((await scan({ id: 'q', text })).json()).toMatchObject({ verdict: 'clear' });

    // activation takes two people: the old direct route points to the four-eyes flow
    const direct = await t.as('admin', { method: 'POST', url: '/v1/rule-sets/2099.1.0/activate' });
    expect(direct.statusCode).toBe(409);
    expect(direct.json()).toMatchObject({ reason: 'rule_set.four_eyes_required' });
    expect(direct.json().detail).toContain('/v1/rule-sets/2099.1.0/activation-requests');
    await activateRuleSet(t, '2099.1.0');
    expect((await t.as('agent', { method: 'GET', url: '/v1/rule-sets/current' })).json()).toMatchObject({ version: '2099.1.0', active: true });
    const after = await scan({ id: 'q', text });
    expect(after.headers['assay-rule-set']).toBe('2099.1.0');
    expect((after.json() as Result).hits.map((h) => h.rule)).toEqual(['intent.test_catalogue.en']);
    expect(((await t.as('agent', { method: 'GET', url: '/v1/rule-sets/current' })).json() as { version: string }).version).toBe('2099.1.0');

    const audit = (await t.as('admin', { method: 'GET', url: '/v1/audit?subject_type=rule_set' })).body;
    expect(audit).toContain('rule_set.activated');

    // and back to the checked-in rule set
    await activateRuleSet(t, 'builtin');
    expect((await scan({ id: 'q', text })).json()).toMatchObject({ verdict: 'clear', hits: [] });
  });

  it('refuses an invalid rule set with the JSON path of each problem, and stores nothing', async () => {
    const bad = ruleSetWith('2099.2.0', (j) => {
      ((j.rules as Array<Record<string, unknown>>)[3]!).patterns = ['(a+)+b'];
      (j.thresholds as Record<string, unknown>).violation = 7;
    });
    const res = await t.as('manager', { method: 'POST', url: '/v1/rule-sets', payload: bad });
    expect(res.statusCode).toBe(400);
    const problem = res.json() as { detail: string; errors: { field: string; reason: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['/rules/3/patterns/0', '/thresholds/violation']));
    expect(problem.detail).toContain('/');
    expect((await t.as('manager', { method: 'POST', url: '/v1/rule-sets/2099.2.0/activation-requests', payload: { reason: 'try' } })).statusCode).toBe(404);
  });

  it('lets only admins and managers store or activate rule sets', async () => {
    expect((await t.as('agent', { method: 'POST', url: '/v1/rule-sets/builtin/activation-requests', payload: { reason: 'try' } })).statusCode).toBe(403);
    expect((await t.as('integration', { method: 'POST', url: '/v1/rule-sets', payload: { version: '2099.3.0' } })).statusCode).toBe(403);
  });

  it('serves a rule set as JSON to edit into the next version', async () => {
    const res = await t.as('senior', { method: 'GET', url: '/v1/rule-sets/builtin' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { body: { version: string } }).body.version).toBe((defaultRuleSet as { version: string }).version);
    expect((await t.as('senior', { method: 'GET', url: '/v1/rule-sets/1999.1.1' })).statusCode).toBe(404);
    const list = (await t.as('senior', { method: 'GET', url: '/v1/rule-sets' })).json() as { items: { version: string; source: string; active: boolean }[] };
    expect(list.items.filter((i) => i.active)).toHaveLength(1);
  });
});
