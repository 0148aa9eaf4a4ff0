import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db';
import { collect, createCliWorld, ingestDirect, onPostgres, waitForOutput, wireMessage, withWorldDb, type CliWorld } from './helpers';

let w: CliWorld;
beforeAll(async () => {
  w = await createCliWorld();
  // 40 messages in March 2026: conversation conv-0 … conv-7; two of them carry contact details
  await ingestDirect(w, 'messages', [
    ...Array.from({ length: 38 }, (_, i) => wireMessage(i)),
    wireMessage(38, { body: 'WhatsApp me on +44 7911 123456 and we skip the fees' }),
    wireMessage(39, { body: 'or mail me: anna.b [at] gmail (dot) com' }),
  ]);
});
afterAll(async () => {
  await w?.close();
});

/** Forgets the stored results, as for messages stored before scanning existed. */
async function forgetScans(): Promise<void> {
  await withWorldDb(w, (db) => db.execute(sql`UPDATE messages SET scan = NULL, rule_set_version = NULL`));
}

async function storedVersions(): Promise<Record<string, number>> {
  return withWorldDb(w, async (db) => {
    const res = (await db.execute(sql`SELECT COALESCE(rule_set_version, 'none') AS v, count(*)::int AS n FROM messages GROUP BY 1`)) as unknown as { rows: { v: string; n: number }[] };
    return Object.fromEntries(res.rows.map((r) => [r.v, r.n]));
  });
}

describe('assay rescan', () => {
  it('reports what a re-scan changes, stores nothing on a dry run, then stores the new results and version', async () => {
    await forgetScans();
    const dry = await w.run(['rescan', '--since', '2026-03-01', '--until', '2026-03-31', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: re-scanned 40 messages in 8 conversations \(2026-03-01T00:00:00\.000Z … 2026-04-01T00:00:00\.000Z\) with rule set \d{4}\.\d+\.\d+$/m);
    expect(dry.stdout).toMatch(/^changed: 40 \(40 historical, older than /m);
    expect(dry.stdout).toMatch(/^would write: 40 rows \(nothing stored: dry run\)$/m);
    expect(dry.stdout).toMatch(/^verdict transitions: unscanned→clear 38, unscanned→(review|violation) \d+(, unscanned→violation \d+)?$/m);
    expect(dry.stdout).toMatch(/^hits per kind: .*email \+1\/-0/m);
    expect(dry.stdout).toMatch(/^ {2}msg-38 \(conversation conv-7, 2026-03-01T00:38:00\.000Z\) unscanned→violation \+\w+/m);
    expect(await storedVersions()).toEqual({ none: 40 });

    const real = await w.run(['rescan', '--since', '2026-03-01', '--json']);
    expect(real.code, real.stderr).toBe(0);
    const report = JSON.parse(real.stdout) as { written: number; changed: number; rule_set_version: string; changed_historical: number };
    expect(report).toMatchObject({ written: 40, changed: 40, changed_historical: 40 });
    expect(await storedVersions()).toEqual({ [report.rule_set_version]: 40 });

    const again = await w.run(['rescan', '--since', '2026-03-01']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^changed: 0 /m);
    expect(again.stdout).toMatch(/^written: 0 rows$/m);
  });

  it('refuses a range that is not one, naming the option', async () => {
    const r = await w.run(['rescan', '--since', '2026-04-01', '--until', '2026-03-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/until must be after since/);
    const missing = await w.run(['rescan']);
    expect(missing.code).toBe(2);
  });

  it.skipIf(onPostgres())('runs in the server that holds the embedded database', async () => {
    await forgetScans();
    const server = w.spawn(['serve'], { env: { PORT: '0' } });
    const exited = collect(server);
    try {
      await waitForOutput(server.stderr!, (t) => t.includes('Assay is running at'), 45_000);
      const r = await w.run(['rescan', '--since', '2026-03-01', '--sample', '3']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/re-scanning in the server at http:\/\/127\.0\.0\.1:\d+/);
      expect(r.stdout).toMatch(/^re-scanned 40 messages in 8 conversations/m);
      expect(r.stdout).toMatch(/^written: 40 rows$/m);
      expect(r.stdout).toMatch(/^sample of changed messages \(3\):$/m);
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
    expect(Object.keys(await storedVersions())).not.toContain('none');
  });
});
