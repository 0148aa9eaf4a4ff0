import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorld, ingestDirect, wireMessage, type CliWorld } from './helpers';

let w: CliWorld;
const recent = Date.now() - 20 * 86_400_000;
beforeAll(async () => {
  w = await createCliWorld();
  // two conversations with two dealers; in the first the dealer gives out a phone number
  await ingestDirect(w, 'messages', [
    ...Array.from({ length: 9 }, (_, i) => wireMessage(i, { sent_at: new Date(recent + i * 60_000).toISOString() })),
    wireMessage(9, { sent_at: new Date(recent + 9 * 60_000).toISOString(), body: 'Phone: +44 7911 123456' }),
  ]);
});
afterAll(async () => {
  await w?.close();
});

describe('assay report off-platform', () => {
  it('refreshes and prints the ranked sellers as JSON, CSV or a table', async () => {
    const json = await w.run(['report', 'off-platform', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.refresh).toMatchObject({ window_days: 180, facts_updated: 2 });
    expect(r.items.map((s: { seller_id: string }) => s.seller_id).sort()).toEqual(['seller-0', 'seller-1']);
    const withPhone = r.items.find((s: { seller_id: string }) => s.seller_id === 'seller-1');
    expect(withPhone).toMatchObject({ conversations: 1, contact_conversations: 1, vanished_listings: 0, candidate: false });

    const csv = await w.run(['report', 'off-platform', '--format', 'csv', '--limit', '1', '--no-refresh']);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^rank,seller_id,name,country,category,conversations,conversion,/);
    expect(lines).toHaveLength(2);

    const table = await w.run(['report', 'off-platform']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^off-platform report as of /);
    expect(table.stdout).toMatch(/^rank +seller_id +name/m);
  });

  it('refuses an unknown format or a limit out of range as a usage error', async () => {
    const bad = await w.run(['report', 'off-platform', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of table, csv, json');
    const big = await w.run(['report', 'off-platform', '--limit', '501']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('--limit must be a whole number from 1 to 500');
  });
});
