import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../kernel';
import { inTransaction, query, sql } from './connection';
import { recordChange } from './outbox';
import { verifyAuditChain, writeAuditCheckpoint, readAuditCheckpoint, sealAllAudit, sealAudit, pendingAuditStats, SYSTEM_ACTOR } from './audit';
import { openDatabase } from './connection';
import { createTestDatabase, type TestDatabase } from './testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const clock = fixedClock('2026-11-01T09:00:00Z');
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.close();
});

async function writeEntries(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await inTransaction(t.db, (tx) =>
      recordChange(tx, clock, {
        actor: SYSTEM_ACTOR,
        action: 'case.transitioned',
        subject: { type: 'case', id: `case_${i}` },
        fields: ['status'],
        data: { from: 'open', to: 'closed' },
        event: { type: 'case.transitioned', payload: { id: `case_${i}` } },
      }),
    );
  }
  await sealAllAudit(t.db);
}

describe('the audit chain', () => {
  it('verifies an untouched trail and writes the outbox event in the same transaction', async () => {
    await writeEntries(5);
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, entries: 5 });
    const events = await query(t.db, sql`SELECT count(*)::int AS n FROM outbox_events`);
    expect(events[0]!['n']).toBe(5);
  });

  it('leaves neither audit entry nor event behind when the transaction rolls back', async () => {
    await expect(
      inTransaction(t.db, async (tx) => {
        await recordChange(tx, clock, { actor: SYSTEM_ACTOR, action: 'x', subject: { type: 'case', id: 'c' }, event: { type: 'x', payload: {} } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const n = await query(t.db, sql`SELECT (SELECT count(*) FROM audit_pending)::int AS p, (SELECT count(*) FROM audit_log)::int AS a, (SELECT count(*) FROM outbox_events)::int AS o`);
    expect(n[0]).toEqual({ p: 0, a: 0, o: 0 });
  });

  it('names the entry that was edited by hand', async () => {
    await writeEntries(5);
    await t.db.execute(sql`UPDATE audit_log SET action = 'case.deleted' WHERE seq = 3`);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'edited', seq: 3 });
  });

  it('finds a deleted entry in the middle', async () => {
    await writeEntries(5);
    await t.db.execute(sql`DELETE FROM audit_log WHERE seq = 2`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'gap', seq: 2 });
  });

  it('finds reordered entries', async () => {
    await writeEntries(4);
    await t.db.execute(sql`UPDATE audit_log SET seq = -seq WHERE seq IN (2, 3)`);
    await t.db.execute(sql`UPDATE audit_log SET seq = CASE seq WHEN -2 THEN 3 ELSE 2 END WHERE seq IN (-2, -3)`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'broken_link', seq: 2 });
  });

  it('finds an inserted entry', async () => {
    await writeEntries(3);
    await t.db.execute(sql`UPDATE audit_log SET seq = seq + 1 WHERE seq = 3`);
    await t.db.execute(sql`INSERT INTO audit_log SELECT 3, 'aud_forged', at, actor_type, actor_id, action, subject_type, subject_id, fields, data_hash, prev_hash, hash FROM audit_log WHERE seq = 2`);
    expect((await verifyAuditChain(t.db)).problem).toMatchObject({ kind: 'broken_link', seq: 3 });
  });

  it('finds a cut-off tail against a checkpoint kept outside the table', async () => {
    await writeEntries(5);
    const file = join(mkdtempSync(join(tmpdir(), 'assay-cp-')), 'checkpoint.json');
    await writeAuditCheckpoint(t.db, file, clock);
    await t.db.execute(sql`DELETE FROM audit_log WHERE seq >= 4`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true); // without the checkpoint the cut is invisible
    const report = await verifyAuditChain(t.db, readAuditCheckpoint(file));
    expect(report.problem).toMatchObject({ kind: 'truncated', seq: 4 });
  });
});

describe('linking entries into the chain after commit', () => {
  it('keeps committed entries pending until sealed, then links them in order', async () => {
    for (let i = 0; i < 3; i++) {
      await inTransaction(t.db, (tx) => recordChange(tx, clock, { actor: SYSTEM_ACTOR, action: 'user.created', subject: { type: 'user', id: `u${i}` } }));
    }
    expect(await pendingAuditStats(t.db, clock.now())).toEqual({ count: 3, oldestAgeSeconds: 0 });
    expect(await sealAudit(t.db, 2)).toBe(2);
    expect(await sealAudit(t.db, 2)).toBe(1);
    expect(await sealAudit(t.db, 2)).toBe(0);
    const rows = await query<{ seq: number; subject_id: string }>(t.db, sql`SELECT seq, subject_id FROM audit_log ORDER BY seq`);
    expect(rows).toEqual([{ seq: 1, subject_id: 'u0' }, { seq: 2, subject_id: 'u1' }, { seq: 3, subject_id: 'u2' }]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it.skipIf(!process.env['DATABASE_URL'])('builds one linear chain from eight concurrent writers and two sealers', async () => {
    const writers = await Promise.all(Array.from({ length: 8 }, () => openDatabase({ databaseUrl: t.url!, poolSize: 1 })));
    try {
      let stop = false;
      const sealers = [0, 1].map(async () => {
        let linked = 0;
        while (!stop) linked += await sealAudit(t.db, 50);
        return linked;
      });
      await Promise.all(
        writers.map(async (w, k) => {
          for (let i = 0; i < 40; i++) {
            await inTransaction(w.db, (tx) => recordChange(tx, clock, { actor: SYSTEM_ACTOR, action: 'case.noted', subject: { type: 'case', id: `c${k}-${i}` } }));
          }
        }),
      );
      stop = true;
      await Promise.all(sealers);
      await sealAllAudit(t.db);
      const report = await verifyAuditChain(t.db);
      expect(report).toMatchObject({ ok: true, entries: 320 });
      expect((await pendingAuditStats(t.db, clock.now())).count).toBe(0);
    } finally {
      await Promise.all(writers.map((w) => w.close()));
    }
  });
});
