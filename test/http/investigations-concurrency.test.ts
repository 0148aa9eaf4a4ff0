import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql } from '../../src/db';
import { createTestApp, type TestApp } from '../helpers/app';
import { attachArtefact, findInvestigation, plantOffPlatformSale } from '../helpers/investigations';

/*
 * Confirmations racing each other. On PostgreSQL the requests overlap on separate pool connections
 * and only the row lock on the investigation and the unique case_id of commission orders keep them
 * apart; PGlite runs them one after another, where the same assertions must hold.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '10000000', DATABASE_POOL_SIZE: '12' } });
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function confirmable(x: string): Promise<string> {
  const p = await plantOffPlatformSale(t, x);
  const inv = await findInvestigation(t, p.conversation);
  expect(inv).toBeDefined();
  expect((await attachArtefact(t, inv!.case_id, 'buyer_confirmation')).statusCode).toBe(201);
  return inv!.case_id as string;
}

const confirm = (caseId: string, key: string | undefined, role: 'senior' | 'manager' | 'admin' = 'senior') =>
  t.as(role, {
    method: 'POST',
    url: `/v1/investigations/${caseId}/confirm`,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    payload: { note: 'The buyer confirmed paying the dealer by bank transfer.' },
  });

async function ordersOf(caseId: string): Promise<number> {
  const rows = await query(t.database.db, sql`SELECT count(*)::int AS n FROM commission_orders WHERE case_id = ${caseId}`);
  return Number(rows[0]!['n']);
}

async function violationsOf(caseId: string): Promise<number> {
  const rows = await query(t.database.db, sql`SELECT count(*)::int AS n FROM violations WHERE case_id = ${caseId}`);
  return Number(rows[0]!['n']);
}

describe('confirming an off-platform sale concurrently', () => {
  it('eight confirmations with one Idempotency-Key make one order: one 201, the rest return it', async () => {
    const caseId = await confirmable('race-key');
    const results = await Promise.all(Array.from({ length: 8 }, () => confirm(caseId, 'race-key-1')));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join('\n')).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await ordersOf(caseId)).toBe(1);
    expect(await violationsOf(caseId)).toBe(1);
  });

  it('three seniors confirming at once without keys make one order; the others hear it was already confirmed', async () => {
    const caseId = await confirmable('race-free');
    const results = await Promise.all([confirm(caseId, undefined, 'senior'), confirm(caseId, undefined, 'manager'), confirm(caseId, undefined, 'admin')]);
    expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().reason).toBe('investigation.already_confirmed');
    expect(await ordersOf(caseId)).toBe(1);
    expect(await violationsOf(caseId)).toBe(1);
  });
});
