import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../src/db/testing';
import { inTransaction, recordChange, sql, SYSTEM_ACTOR } from '../../src/db';
import { systemClock } from '../../src/kernel';
import { prepareEmbeddedDataDir } from './helpers';

// `assay audit verify` against PostgreSQL (the CLI connects directly there); on PGlite the same
// command goes through src/db's verifier, covered by src/db/audit.test.ts.
describe.skipIf(!process.env['DATABASE_URL'])('assay audit verify', () => {
  it('detects a row edited by hand and names it, with a non-zero exit', async () => {
    const t = await createTestDatabase();
    try {
      for (let i = 0; i < 3; i++) {
        await inTransaction(t.db, (tx) => recordChange(tx, systemClock, { actor: SYSTEM_ACTOR, action: 'case.transitioned', subject: { type: 'case', id: `case_${i}` }, fields: ['status'] }));
      }
      const env = { ...process.env, DATABASE_URL: t.url!, AUDIT_CHECKPOINT_FILE: join(mkdtempSync(join(tmpdir(), 'assay-cp-')), 'cp.json'), LOG_LEVEL: 'silent' };
      const ok = spawnSync(process.execPath, ['bin/assay.mjs', 'audit', 'verify'], { env, encoding: 'utf8' });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/audit trail intact: 3 entries/);

      await t.db.execute(sql`UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 2`);
      const bad = spawnSync(process.execPath, ['bin/assay.mjs', 'audit', 'verify'], { env, encoding: 'utf8' });
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(/audit trail broken at entry 2: entry 2 \(aud_\w+, case\.transitioned\) was changed after it was written/);
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(!!process.env['DATABASE_URL'])('assay audit verify on the embedded database', () => {
  // four CLI processes and the test each open the embedded database: ~50 s in a loaded CI run on a slow two-core machine
  it('detects a row edited by hand and names it, with a non-zero exit', async () => {
    const { loadConfig } = await import('../../src/config');
    const { openRuntime } = await import('../../src/app/runtime');
    const dataDir = mkdtempSync(join(tmpdir(), 'assay-audit-cli-'));
    // the migrated template, so that no CLI process below runs initdb and the migrations itself
    await prepareEmbeddedDataDir(dataDir);
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ASSAY_DEMO: 'false' };
    delete (env as Record<string, string | undefined>)['DATABASE_URL'];
    for (const role of ['agent', 'senior']) {
      const r = spawnSync(process.execPath, ['bin/assay.mjs', 'users', 'create', '--email', `${role}@example.test`, '--name', role, '--role', role, '--password', 'long-enough-password'], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(spawnSync(process.execPath, ['bin/assay.mjs', 'audit', 'verify'], { env, encoding: 'utf8' }).stdout).toMatch(/intact: 2 entries/);
    const rt = await openRuntime(loadConfig({ DATA_DIR: dataDir }));
    await rt.database.db.execute(sql`UPDATE audit_log SET action = 'user.deleted' WHERE seq = 1`);
    await rt.close();
    const bad = spawnSync(process.execPath, ['bin/assay.mjs', 'audit', 'verify'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/audit trail broken at entry 1: entry 1 \(aud_\w+, user\.deleted\) was changed after it was written/);
  }, 180_000);
});
