import { cpSync, mkdtempSync, appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';
import { query, sql } from './connection';
import { acquireDataDirLock, DataDirLockedError } from './lock';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase(); // already migrated from the template
});
afterEach(async () => {
  await t.close();
});

function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('migrations', () => {
  it('are recorded with their hashes and applying them again changes nothing', async () => {
    const report = await migrate(t);
    expect(report.applied).toEqual([]);
    const rows = await query<{ tag: string }>(t.db, sql`SELECT tag FROM assay_migrations ORDER BY idx`);
    expect(rows.map((r) => r.tag)).toEqual(readMigrations().map((m) => m.tag));
  });

  it('refuse to run when an applied migration file was changed, naming it', async () => {
    const dir = copyOfMigrations();
    const first = readMigrations(dir)[0]!;
    appendFileSync(join(dir, `${first.tag}.sql`), '\n-- edited later\n');
    await expect(migrate(t, readMigrations(dir))).rejects.toThrow(new RegExp(`migration ${first.tag} was changed after it was applied`));
    await expect(migrate(t, readMigrations(dir))).rejects.toBeInstanceOf(MigrationError);
  });

  it('apply a new migration once, in order', async () => {
    const dir = copyOfMigrations();
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    const idx = journal.entries.length;
    journal.entries.push({ idx, version: '7', when: 1, tag: `${String(idx).padStart(4, '0')}_test_extra`, breakpoints: true });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(dir, `${String(idx).padStart(4, '0')}_test_extra.sql`), 'CREATE TABLE test_extra (id int PRIMARY KEY);--> statement-breakpoint\nINSERT INTO test_extra VALUES (1);');
    expect((await migrate(t, readMigrations(dir))).applied).toEqual([`${String(idx).padStart(4, '0')}_test_extra`]);
    expect((await migrate(t, readMigrations(dir))).applied).toEqual([]);
    expect(await query(t.db, sql`SELECT id FROM test_extra`)).toEqual([{ id: 1 }]);
  });

  it('refuse a database migrated by a newer version', async () => {
    await t.db.execute(sql`INSERT INTO assay_migrations (idx, tag, hash) VALUES (9999, '9999_future', 'x')`);
    await expect(migrate(t)).rejects.toThrow(/9999_future.*newer version/);
  });
});

describe('the embedded data folder', () => {
  it('can be opened by one process only; a stale lock from a dead process is taken over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-lock-'));
    writeFileSync(join(dir, 'assay.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'x' })); // no such process
    const lock = acquireDataDirLock(dir);
    writeFileSync(join(dir, 'assay.lock'), JSON.stringify({ pid: process.ppid, startedAt: 'x', url: 'http://127.0.0.1:3000' }));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by process .* \(Assay serving http:\/\/127.0.0.1:3000\)/);
    lock.release();
  });
});
