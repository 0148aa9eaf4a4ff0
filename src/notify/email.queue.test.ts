import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, fixedClock } from '../kernel';
import { inTransaction, query, sql } from '../db';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { createEmailService, queueEmail } from './email.service';

const clock = fixedClock('2026-11-02T10:00:00Z');
const notice = {
  to: 'dealer@garage-dupont.example',
  subject: 'Avertissement formel — annonce 4411',
  text: 'Bonjour,\nvotre message du 1er novembre enfreint la clause TP-2.1.',
  html: '<p>Bonjour,</p><p>votre message du 1<sup>er</sup> novembre enfreint la clause TP-2.1.</p>',
  lang: 'fr',
  ref: { type: 'notice', id: 'ntc_01' },
};
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.close();
});

describe('queueing an email', () => {
  it('stores it queued, exactly as given, when the caller commits', async () => {
    const id = await inTransaction(t.db, (tx) => queueEmail(tx, clock, notice));
    expect(id).toMatch(/^eml_/);
    const email = await createEmailService({ db: t.db, clock }).get(id);
    expect(email).toMatchObject({ to: notice.to, subject: notice.subject, text: notice.text, html: notice.html, lang: 'fr', ref: notice.ref, status: 'queued', attempts: 0 });
  });

  it('leaves nothing behind when the caller rolls back', async () => {
    await expect(
      inTransaction(t.db, async (tx) => {
        await queueEmail(tx, clock, notice);
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    const n = await query(t.db, sql`SELECT (SELECT count(*) FROM emails)::int AS e, (SELECT count(*) FROM audit_pending)::int AS a`);
    expect(n[0]).toEqual({ e: 0, a: 0 });
  });

  it('refuses a second recipient smuggled into the address, naming the field', async () => {
    const e = await inTransaction(t.db, (tx) => queueEmail(tx, clock, { ...notice, to: 'dealer@garage-dupont.example,rival@example.com' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).errors).toEqual([expect.objectContaining({ field: '/to' })]);
  });

  it('audits the queueing with ids and field names, never the address or the text', async () => {
    const id = await inTransaction(t.db, (tx) => queueEmail(tx, clock, notice));
    const rows = await query(t.db, sql`SELECT * FROM audit_pending WHERE subject_id = ${id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'email.queued', subject_type: 'email' });
    const written = JSON.stringify(rows);
    expect(written).not.toContain('garage-dupont');
    expect(written).not.toContain('TP-2.1');
  });
});
