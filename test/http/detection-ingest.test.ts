import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';
import { activateRuleSet } from '../helpers/rule-sets';

// The clock stands at 2026-11-02T10:00:00Z; the enforcement cutoff (30 days) is 2026-10-03T10:00:00Z.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await t.close();
});

interface HitDto {
  kind: string;
  start: number;
  end: number;
  value: string;
  rule: string;
}
interface MessageDto {
  id: string;
  body: string;
  scan: { id: string; verdict: string; score: number; hits: HitDto[]; historical?: boolean } | null;
  rule_set_version: string | null;
  verdict: string | null;
  hits: HitDto[];
}

let n = 0;
function msg(conv: string, role: 'buyer' | 'seller', body: string, sentAt: string, extra: Record<string, unknown> = {}) {
  return { id: `di-${++n}`, conversation_id: conv, buyer_id: `di-b-${conv}`, seller_id: `di-s-${conv}`, sender_role: role, body, sent_at: sentAt, lang: 'fr', ...extra };
}

async function post(kind: 'messages' | 'events', items: unknown[]) {
  const res = await t.as('integration', { method: 'POST', url: `/v1/${kind}:batch`, payload: { items } });
  expect(res.statusCode).toBe(200);
  const r = res.json();
  expect(r.rejected + r.conflicts, JSON.stringify(r.items)).toBe(0);
  return r;
}

async function conversation(id: string): Promise<MessageDto[]> {
  const res = await t.as('agent', { method: 'GET', url: `/v1/conversations/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json().messages as MessageDto[];
}

async function currentVersion(): Promise<string> {
  return (await t.as('admin', { method: 'GET', url: '/v1/rule-sets/current' })).json().version as string;
}

/** Stores and activates a copy of the checked-in rule set under `version`, changed by `edit`. */
async function activateVariant(version: string, edit: (rules: Record<string, unknown>) => void): Promise<void> {
  const body = (await t.as('admin', { method: 'GET', url: '/v1/rule-sets/builtin' })).json().body as Record<string, unknown>;
  const copy = structuredClone(body);
  copy['version'] = version;
  edit(copy);
  const created = await t.as('admin', { method: 'POST', url: '/v1/rule-sets', payload: copy });
  expect(created.statusCode, created.body).toBe(201);
  await activateRuleSet(t, version);
}

describe('every message stored by ingest carries its scan result and the rule-set version', () => {
  it('stores the scan contract shape, and the conversation read lists each message\'s verdict and hits to highlight', async () => {
    const version = await currentVersion();
    await post('messages', [
      msg('di-c1', 'buyer', 'Bonjour, la commode est-elle toujours disponible ? H 82 x L 120 cm, 12 500 €, circa 1920.', '2026-11-01T09:00:00Z'),
      msg('di-c1', 'seller', 'Oui ! Écrivez-moi sur WhatsApp au +33 6 12 34 56 78 pour un meilleur prix.', '2026-11-01T09:05:00Z'),
    ]);
    const [clean, dirty] = await conversation('di-c1');
    expect(clean!.rule_set_version).toBe(version);
    expect(clean!.scan).toMatchObject({ id: clean!.id, verdict: 'clear', score: 0, hits: [] });
    expect(clean!.verdict).toBe('clear');
    expect(clean!.hits).toEqual([]);

    expect(dirty!.verdict).toBe('violation');
    expect(Object.keys(dirty!.scan!).sort()).toEqual(['hits', 'id', 'score', 'verdict']);
    expect(dirty!.hits.map((h) => h.kind)).toContain('phone');
    for (const h of dirty!.hits) expect(dirty!.body.slice(h.start, h.end)).toBe(h.value);
    expect(dirty!.hits).toEqual(dirty!.scan!.hits);
  });

  it('a number split over two batches is caught with the stored messages as context', async () => {
    await post('messages', [msg('di-c2', 'seller', 'Voici mon portable : 06 12 34', '2026-11-01T10:00:00Z')]);
    await post('messages', [msg('di-c2', 'seller', '56 78', '2026-11-01T10:00:30Z')]);
    const [, second] = await conversation('di-c2');
    expect(second!.hits).toEqual([expect.objectContaining({ kind: 'phone', rule: 'phone.split_messages' })]);
    expect(second!.verdict).not.toBe('clear');
  });

  it('messages of a batch are scanned in conversation order, whatever their order in the batch', async () => {
    await post('messages', [
      msg('di-c3', 'seller', '56 78', '2026-11-01T11:00:30Z'),
      msg('di-c4', 'buyer', 'Merci beaucoup, à bientôt.', '2026-11-01T11:00:00Z'),
      msg('di-c3', 'seller', 'Voici mon portable : 06 12 34', '2026-11-01T11:00:00Z'),
    ]);
    const [first, second] = await conversation('di-c3');
    expect(first!.body).toBe('Voici mon portable : 06 12 34');
    expect(second!.hits.map((h) => h.rule)).toEqual(['phone.split_messages']);
  });

  it('the other party\'s stored message in between breaks the chain', async () => {
    await post('messages', [msg('di-c5', 'seller', 'Voici mon portable : 06 12 34', '2026-11-01T12:00:00Z'), msg('di-c5', 'buyer', 'ok', '2026-11-01T12:00:10Z')]);
    await post('messages', [msg('di-c5', 'seller', '56 78', '2026-11-01T12:00:30Z')]);
    expect((await conversation('di-c5'))[2]!.hits).toEqual([]);
  });

  it('a message older than the enforcement cutoff is stored historical (a backfill never leads to strikes)', async () => {
    await post('messages', [
      msg('di-c6', 'seller', 'Appelez-moi au +33 6 12 34 56 78', '2026-09-01T08:00:00Z'),
      msg('di-c6', 'seller', 'Ou au +33 6 98 76 54 32', '2026-10-30T08:00:00Z'),
    ]);
    const [old, recent] = await conversation('di-c6');
    expect(old!.scan!.historical).toBe(true);
    expect(old!.verdict).toBe('violation');
    expect(recent!.scan!.historical).toBeUndefined();
  });

  it('once an order exists between the parties, a phone number for delivery weighs less', async () => {
    const text = 'Pour la livraison, mon numéro : +33 6 12 34 56 78';
    await post('events', [
      { id: 'di-ev-1', type: 'order.created', occurred_at: '2026-11-01T13:00:00Z', order_id: 'di-o-1', listing_id: 'di-l-1', buyer_id: 'di-b-di-c7', seller_id: 'di-s-di-c7', amount_minor: 1_250_000, currency: 'EUR' },
    ]);
    await post('messages', [msg('di-c7', 'seller', text, '2026-11-01T14:00:00Z'), msg('di-c8', 'seller', text, '2026-11-01T14:00:00Z')]);
    const [afterOrder] = await conversation('di-c7');
    const [noOrder] = await conversation('di-c8');
    expect(afterOrder!.scan!.score).toBeLessThan(noOrder!.scan!.score);
  });

  it('an order of one listing does not allow contact details in a conversation about another', async () => {
    const text = 'Pour la livraison, mon numéro : +33 6 12 34 56 78';
    const pair = { buyer_id: 'di-b-repeat', seller_id: 'di-s-repeat' };
    await post('events', [
      { id: 'di-ev-2', type: 'order.created', occurred_at: '2026-11-02T13:00:00Z', order_id: 'di-o-2', listing_id: 'di-l-bought', ...pair, amount_minor: 480_000, currency: 'EUR' },
    ]);
    await post('messages', [
      msg('di-rb-1', 'seller', text, '2026-11-02T14:00:00Z', { ...pair, listing_id: 'di-l-bought' }),
      msg('di-rb-2', 'seller', text, '2026-11-02T14:00:00Z', { ...pair, listing_id: 'di-l-new' }),
      msg('di-rb-3', 'seller', text, '2026-11-02T14:00:00Z', { buyer_id: 'di-b-stranger', seller_id: 'di-s-repeat', listing_id: 'di-l-new' }),
    ]);
    const [aboutBought] = await conversation('di-rb-1');
    const [aboutNew] = await conversation('di-rb-2');
    const [stranger] = await conversation('di-rb-3');
    expect(aboutBought!.scan!.score).toBeLessThan(aboutNew!.scan!.score);
    // a repeat buyer asking about a new item is treated like any buyer before an order
    expect(aboutNew!.scan!.score).toBe(stranger!.scan!.score);
    expect(aboutNew!.verdict).toBe(stranger!.verdict);
  });

  it('after a switch of rule set, new messages carry the new version', async () => {
    await activateVariant('2099.1.0', () => {});
    await post('messages', [msg('di-c9', 'buyer', 'Bonjour', '2026-11-01T15:00:00Z')]);
    expect((await conversation('di-c9'))[0]!.rule_set_version).toBe('2099.1.0');
    await activateRuleSet(t, 'builtin');
  });
});

describe('POST /v1/rescans', () => {
  const rescan = (payload: Record<string, unknown>, role: 'admin' | 'manager' = 'admin') => t.as(role, { method: 'POST', url: '/v1/rescans', payload });

  it('is for administrators only, and refuses a range that is not one', async () => {
    expect((await rescan({ since: '2026-01-01' }, 'manager')).statusCode).toBe(403);
    const bad = await rescan({ since: '2026-10-01', until: '2026-09-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('until');
    expect((await rescan({ since: 'last tuesday' })).statusCode).toBe(400);
  });

  it('re-scans with the active version, reports the changes, stores them unless a dry run, and marks old messages historical', async () => {
    const builtin = await currentVersion();
    // a stricter rule set: only near-certain findings are flagged
    await activateVariant('2099.2.0', (rules) => {
      rules['thresholds'] = { review: 0.97, violation: 0.995 };
    });
    const before = await conversation('di-c1');

    const dry = await rescan({ since: '2026-01-01', dry_run: true, sample: 1000 });
    expect(dry.statusCode, dry.body).toBe(200);
    const d = dry.json();
    expect(d).toMatchObject({ rule_set_version: '2099.2.0', dry_run: true, written: 0, enforcement_cutoff: '2026-10-03T10:00:00.000Z' });
    expect(d.scanned).toBeGreaterThanOrEqual(15);
    expect(d.to_write).toBe(d.scanned);
    expect(d.previous_versions).toEqual(expect.arrayContaining([expect.objectContaining({ version: builtin })]));
    expect(d.changed).toBeGreaterThan(0);
    expect(d.transitions.length).toBeGreaterThan(0);
    for (const tr of d.transitions) expect(tr.from).not.toBe(tr.to);
    expect(d.transitions.reduce((s: number, x: { messages: number }) => s + x.messages, 0)).toBeLessThanOrEqual(d.changed);
    // changed messages sent before the cutoff are historical, the others not
    expect(d.sample.length).toBe(d.changed);
    for (const s of d.sample as { sent_at: string; historical: boolean }[]) expect(s.historical).toBe(s.sent_at < d.enforcement_cutoff);
    expect(d.changed_historical).toBe(d.sample.filter((s: { historical: boolean }) => s.historical).length);
    expect(d.changed_historical).toBeGreaterThan(0);
    expect(await conversation('di-c1')).toEqual(before);

    const real = (await rescan({ since: '2026-01-01', sample: 1000 })).json();
    expect(real).toMatchObject({ dry_run: false, changed: d.changed, transitions: d.transitions, written: d.to_write });
    const after = await conversation('di-c1');
    expect(after.every((m) => m.rule_set_version === '2099.2.0')).toBe(true);
    for (const s of real.sample as { id: string; to: string }[]) {
      const [row] = await query<{ verdict: string }>(t.database.db, sql`SELECT scan->>'verdict' AS verdict FROM messages WHERE id = ${s.id}`);
      expect(row!.verdict).toBe(s.to);
    }
    const [hist] = await query<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM messages WHERE (scan->>'historical')::boolean IS TRUE`);
    expect(hist!.n).toBeGreaterThanOrEqual(1);
    const [notHist] = await query<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM messages WHERE sent_at >= '2026-10-03T10:00:00Z' AND scan ? 'historical'`,
    );
    expect(notHist!.n).toBe(0);

    const again = (await rescan({ since: '2026-01-01' })).json();
    expect(again).toMatchObject({ changed: 0, to_write: 0, written: 0, transitions: [], kinds: [], sample: [] });

    await activateRuleSet(t, 'builtin');
  });

  it('a message after `since` is scanned with the stored messages before it as context', async () => {
    await post('messages', [msg('di-c10', 'seller', 'Voici mon portable : 06 12 34', '2026-10-20T10:00:00Z'), msg('di-c10', 'seller', '56 78', '2026-10-21T00:00:30Z')]);
    await t.database.db.execute(sql`UPDATE messages SET scan = NULL, rule_set_version = NULL WHERE conversation_id = 'di-c10'`);
    const r = (await rescan({ since: '2026-10-21', until: '2026-10-21', sample: 10 })).json();
    expect(r).toMatchObject({ scanned: 1, conversations: 1, changed: 1, transitions: [{ from: 'unscanned', messages: 1 }] });
    expect(r.sample[0].kinds_added).toEqual(['phone']);
    const [first, second] = await conversation('di-c10');
    expect(first!.scan).toBeNull();
    expect(second!.hits.map((h) => h.rule)).toEqual(['phone.split_messages']);
  });
});
