import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/identity';
import { createTestApp, type TestApp } from '../helpers/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
const userIds = {} as Record<Role, string>;
/** Every case opened here, by id. */
const all = new Map<string, Json>();

const TYPES = ['conversation_review', 'investigation', 'appeal', 'commission_dispute'];
const PRIORITIES = ['p1', 'p2', 'p3', 'p4'];

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  for (const u of await t.app.services.identity.listUsers()) userIds[u.role] = u.id;
  // 29 cases over several days; some share an opening instant so ties are broken by id.
  for (let i = 0; i < 29; i++) {
    if (i % 3 !== 0) t.clock.advance(((i * 7919) % 23) * 3_600_000 + 60_000);
    const res = await t.as('agent', {
      method: 'POST',
      url: '/v1/cases',
      payload: {
        type: TYPES[i % 4],
        title: `Case ${i}`,
        priority: PRIORITIES[(i * 3) % 4],
        queue: i % 5 === 0 ? 'review-vendor' : undefined,
        subjects: { seller_id: `sel_${i % 6}` },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    all.set(res.json().id, res.json());
  }
  // Close a few so open_only has something to exclude.
  for (const c of [...all.values()].filter((x) => x.type === 'commission_dispute').slice(0, 3)) {
    await t.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/transitions`, payload: { to: 'withdrawn' } });
    all.set(c.id, { ...c, status: 'withdrawn', closed: true });
  }
  await t.as('manager', { method: 'POST', url: '/v1/queues/review-vendor/grants', payload: { vendor_org_id: t.vendorOrgId } });
});
afterAll(async () => {
  await t.close();
});

async function listAll(role: Role, query: string, limit: number): Promise<Json[]> {
  const seen: Json[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const url: string = `/v1/cases?${query}&limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const res = await t.as(role, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...body.items);
    cursor = body.next_cursor;
    if (cursor === null) return seen;
  }
  throw new Error('pagination did not end');
}

const rank = (p: string) => Number(p.slice(1));
const key = (c: Json, by: string): string | number => (by === 'priority' ? rank(c.priority) : c[by]);

describe('listing cases', () => {
  for (const by of ['opened_at', 'sla_due_at', 'priority']) {
    for (const dir of ['asc', 'desc']) {
      it(`pages through every case exactly once, sorted by ${by} ${dir}`, async () => {
        for (const limit of [1, 4, 7, 50]) {
          const rows = await listAll('agent', `sort=${by}&dir=${dir}`, limit);
          const ids = rows.map((r) => r.id);
          expect(new Set(ids).size, `limit ${limit}`).toBe(ids.length);
          expect(new Set(ids)).toEqual(new Set(all.keys()));
          const expected = [...rows].sort((a, b) => {
            const ka = key(a, by);
            const kb = key(b, by);
            const c = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
            return dir === 'asc' ? c : -c;
          });
          expect(ids).toEqual(expected.map((r) => r.id));
        }
      });
    }
  }

  it('filters by type, status, priority, queue, subject, assignee and open_only', async () => {
    const cases = [...all.values()];
    const check = async (query: string, want: (c: Json) => boolean) => {
      const got = (await listAll('agent', query, 5)).map((c) => c.id).sort();
      expect(got, query).toEqual(cases.filter(want).map((c) => c.id).sort());
      expect(got.length, query).toBeGreaterThan(0);
    };
    await check('type=investigation', (c) => c.type === 'investigation');
    await check('type=commission_dispute&status=withdrawn', (c) => c.type === 'commission_dispute' && c.status === 'withdrawn');
    await check('status=received&status=withdrawn', (c) => c.status === 'received' || c.status === 'withdrawn');
    await check('priority=p1', (c) => c.priority === 'p1');
    await check('queue=review-vendor', (c) => c.queue === 'review-vendor');
    await check('seller_id=sel_2&sort=sla_due_at&dir=asc', (c) => c.subjects.seller_id === 'sel_2');
    await check('open_only=true', (c) => !c.closed);
    await check('assignee=none&type=commission_dispute&open_only=true', (c) => c.type === 'commission_dispute' && !c.closed);
    expect((await listAll('agent', 'type=no_such_type', 5)).length).toBe(0);
  });

  it('shows overdue open cases', async () => {
    const now = t.clock.now().getTime();
    const overdue = [...all.values()].filter((c) => !c.closed && Date.parse(c.sla_due_at) < now);
    const got = await listAll('agent', 'overdue_only=true', 10);
    expect(got.map((c) => c.id).sort()).toEqual(overdue.map((c) => c.id).sort());
  });

  it('refuses a cursor made for another sort order, or a forged one', async () => {
    const first = (await t.as('agent', { method: 'GET', url: '/v1/cases?sort=opened_at&dir=asc&limit=2' })).json();
    const wrong = await t.as('agent', { method: 'GET', url: `/v1/cases?sort=priority&dir=asc&cursor=${first.next_cursor}` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: '/cursor' })]);
    const forged = await t.as('agent', { method: 'GET', url: '/v1/cases?cursor=bm90LWpzb24' });
    expect(forged.statusCode).toBe(400);
  });
});

describe('queues', () => {
  it('counts open, overdue and unassigned cases and the oldest open one per queue', async () => {
    const res = await t.as('manager', { method: 'GET', url: '/v1/queues' });
    expect(res.statusCode).toBe(200);
    const queues = res.json().items as Json[];
    expect(queues.map((q) => q.queue)).toEqual(['appeals', 'commission-disputes', 'investigations', 'review', 'review-vendor']);
    const open = [...all.values()].filter((c) => !c.closed);
    for (const q of queues) {
      const mine = open.filter((c) => c.queue === q.queue);
      expect(q.open, q.queue).toBe(mine.length);
      expect(q.unassigned, q.queue).toBe(mine.length);
      const oldest = mine.map((c) => c.opened_at).sort()[0];
      expect(q.oldest_open_at, q.queue).toBe(oldest ?? null);
      if (oldest !== undefined) expect(q.oldest_open_age_seconds).toBe(Math.floor((t.clock.now().getTime() - Date.parse(oldest)) / 1000));
    }
    expect(queues.find((q) => q.queue === 'review-vendor')!.vendor_org_ids).toEqual([t.vendorOrgId]);
  });

  it('grants are for admins and managers, to vendor organisations that exist, and idempotent', async () => {
    expect((await t.as('agent', { method: 'POST', url: '/v1/queues/appeals/grants', payload: { vendor_org_id: t.vendorOrgId } })).statusCode).toBe(403);
    expect((await t.as('admin', { method: 'POST', url: '/v1/queues/appeals/grants', payload: { vendor_org_id: 'org_nope' } })).statusCode).toBe(404);
    const again = await t.as('admin', { method: 'POST', url: '/v1/queues/review-vendor/grants', payload: { vendor_org_id: t.vendorOrgId } });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
  });
});

describe('a vendor reviewer', () => {
  const granted = () => [...all.values()].filter((c) => c.queue === 'review-vendor');
  const elsewhere = () => [...all.values()].find((c) => c.queue !== 'review-vendor')!;

  it('lists only the cases in queues granted to its organisation', async () => {
    const rows = await listAll('vendor', 'sort=priority&dir=asc', 3);
    expect(rows.map((r) => r.id).sort()).toEqual(granted().map((c) => c.id).sort());
    expect(rows.length).toBeGreaterThan(0);
    const filtered = await listAll('vendor', 'queue=review', 3);
    expect(filtered).toEqual([]);
  });

  it('gets 404 for a case outside its queues, as for one that does not exist', async () => {
    const outside = await t.as('vendor', { method: 'GET', url: `/v1/cases/${elsewhere().id}` });
    const missing = await t.as('vendor', { method: 'GET', url: '/v1/cases/case_01JD3Z8X9K2M4N6P8Q0R2S4T6V' });
    expect(outside.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outside.json().title).toBe(missing.json().title);
    expect((await t.as('vendor', { method: 'POST', url: `/v1/cases/${elsewhere().id}/notes`, payload: { body: 'hello' } })).statusCode).toBe(404);
    expect((await t.as('vendor', { method: 'POST', url: `/v1/cases/${elsewhere().id}/transitions`, payload: { to: 'in_review' } })).statusCode).toBe(404);
  });

  it('reads and adds notes in its queues, but may not move, assign or attach', async () => {
    const c = granted()[0]!;
    const read = await t.as('vendor', { method: 'GET', url: `/v1/cases/${c.id}` });
    expect(read.statusCode).toBe(200);
    expect((await t.as('vendor', { method: 'POST', url: `/v1/cases/${c.id}/notes`, payload: { body: 'Looks like a phone number in words.' } })).statusCode).toBe(201);
    const moved = await t.as('vendor', { method: 'POST', url: `/v1/cases/${c.id}/transitions`, payload: { to: read.json().next_states[0] } });
    // conversation reviews change status only through /v1/review (where a vendor can only recommend)
    expect(moved.statusCode).toBe(c.type === 'conversation_review' ? 409 : 403);
    expect(moved.json().reason).toBe(c.type === 'conversation_review' ? 'case.managed_elsewhere' : 'case.vendor_may_not_transition');
    expect((await t.as('vendor', { method: 'POST', url: `/v1/cases/${c.id}/assignment`, payload: { assignee_id: null } })).statusCode).toBe(403);
    expect((await t.as('vendor', { method: 'POST', url: `/v1/cases/${c.id}/evidence`, payload: { filename: 'a', content_type: 'text/plain', content_base64: 'YQ==' } })).statusCode).toBe(403);
  });

  it('can be assigned cases in a granted queue only', async () => {
    const inQueue = await t.as('manager', { method: 'POST', url: `/v1/cases/${granted()[1]!.id}/assignment`, payload: { assignee_id: userIds.vendor } });
    expect(inQueue.statusCode, inQueue.body).toBe(200);
    const outside = await t.as('manager', { method: 'POST', url: `/v1/cases/${elsewhere().id}/assignment`, payload: { assignee_id: userIds.vendor } });
    expect(outside.statusCode).toBe(400);
  });

  it('sees only its granted queues, without the list of grants', async () => {
    const res = (await t.as('vendor', { method: 'GET', url: '/v1/queues' })).json();
    expect(res.items.map((q: Json) => q.queue)).toEqual(['review-vendor']);
    expect(res.items[0].vendor_org_ids).toEqual([]);
  });

  it('loses the cases when the grant is withdrawn', async () => {
    const c = granted()[0]!;
    expect((await t.as('admin', { method: 'DELETE', url: `/v1/queues/review-vendor/grants/${t.vendorOrgId}` })).statusCode).toBe(204);
    expect((await t.as('vendor', { method: 'GET', url: `/v1/cases/${c.id}` })).statusCode).toBe(404);
    expect((await t.as('vendor', { method: 'GET', url: '/v1/cases' })).json().items).toEqual([]);
    await t.as('admin', { method: 'POST', url: '/v1/queues/review-vendor/grants', payload: { vendor_org_id: t.vendorOrgId } });
  });
});

describe('an integration token', () => {
  it('sees no cases', async () => {
    expect((await t.as('integration', { method: 'GET', url: '/v1/cases' })).statusCode).toBe(403);
    expect((await t.as('integration', { method: 'GET', url: `/v1/cases/${[...all.keys()][0]}` })).statusCode).toBe(403);
    expect((await t.as('integration', { method: 'GET', url: '/v1/queues' })).statusCode).toBe(403);
  });
});
