import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, countRows, createCliWorld, ingestDirect, onPostgres, waitForOutput, wireMessage, type CliWorld } from './helpers';

let w: CliWorld;
beforeAll(async () => {
  w = await createCliWorld();
});
afterAll(async () => {
  await w?.close();
});

async function importMessages(from: number, count: number): Promise<void> {
  await ingestDirect(w, 'messages', Array.from({ length: count }, (_, i) => wireMessage(from + i)));
}

describe.skipIf(onPostgres())('assay backup and restore of the embedded database', () => {
  it('restores the data as it was at the backup, keeping the replaced database aside', async () => {
    await importMessages(0, 120);
    const file = join(w.dir, 'before-changes.tar.gz');
    const backup = await w.run(['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backup of PGlite .* written to .*before-changes\.tar\.gz \(\d+\.\d MB, gzip tar\)/);

    await importMessages(1000, 80);
    expect(await countRows(w, 'messages')).toBe(200);

    const restore = await w.run(['restore', file]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/moved the current database aside to .*pglite\.before-restore-\d{8}T\d{6}Z/);
    expect(restore.stdout).toMatch(/loaded .*before-changes\.tar\.gz .* into .*pglite: \d+ tables/);
    expect(restore.stdout).toMatch(/migrations: up to date/);
    expect(await countRows(w, 'messages')).toBe(120);
    expect(readdirSync(join(w.env['DATA_DIR']!)).some((n) => n.startsWith('pglite.before-restore-'))).toBe(true);
  });

  // a server and three CLI processes start on the embedded database: ~53 s on a slow two-core machine
  it('backs up through the running server, and refuses to restore until it stops', async () => {
    const server = w.spawn(['serve'], { env: { PORT: '0' } });
    const exited = collect(server);
    const file = join(w.dir, 'while-serving.tar.gz');
    try {
      await waitForOutput(server.stderr!, (t) => t.includes('Assay is running at'), 45_000);
      const backup = await w.run(['backup', file]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/taken by the server at http:\/\/127\.0\.0\.1:\d+ while it kept serving/);
      const refused = await w.run(['restore', file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^assay: a server \(pid \d+, http:\/\/127\.0\.0\.1:\d+\) holds .*; stop it before restoring$/);
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
    await importMessages(5000, 10);
    const restore = await w.run(['restore', file]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await countRows(w, 'messages')).toBe(120);
  }, 180_000);

  it('refuses a file that is not a backup, leaving the database in place', async () => {
    const file = join(w.dir, 'notes.txt');
    writeFileSync(file, 'not a backup');
    const r = await w.run(['restore', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^assay: .*notes\.txt is not an Assay backup/);
    expect(existsSync(join(w.env['DATA_DIR']!, 'pglite', 'PG_VERSION'))).toBe(true);
  });
});

describe.skipIf(!onPostgres())('assay backup and restore with DATABASE_URL', () => {
  it('both refuse with one line pointing to pg_dump and pg_restore', async () => {
    for (const cmd of ['backup', 'restore']) {
      const r = await w.run([cmd, join(w.dir, 'x.tar.gz')]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^assay: assay ${cmd} is for the embedded database; .*pg_dump.*pg_restore`))]);
    }
  });
});
