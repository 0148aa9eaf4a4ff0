import { readFileSync, existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ulid } from '../kernel';
import { openDatabase, type Database } from './connection';
import { migrate, migrationsFingerprint } from './migrate';

/**
 * Fresh databases for tests. With DATABASE_URL each call creates a new PostgreSQL database from a
 * migrated template; without it each call loads a migrated PGlite dump into memory (~0.3 s instead
 * of ~2 s for initdb + migrations).
 */
const CACHE_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../node_modules/.cache/assay-test');

function pgTemplateName(): string {
  return `assay_tpl_${migrationsFingerprint()}`;
}

function pgliteTemplatePath(): string {
  return join(CACHE_DIR, `pglite-${migrationsFingerprint()}.tar`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Builds the template once (vitest globalSetup calls it; tests call it lazily as a fallback). */
export async function prepareTestTemplate(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    const name = pgTemplateName();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount !== 0) return;
      const building = `${name}_b${process.pid}`;
      await client.query(`DROP DATABASE IF EXISTS "${building}"`);
      await client.query(`CREATE DATABASE "${building}"`);
      const db = await openDatabase({ databaseUrl: withDatabase(url, building), poolSize: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      try {
        await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      } catch {
        await client.query(`DROP DATABASE IF EXISTS "${building}"`); // another process won the race
      }
    } finally {
      await client.end();
    }
    return;
  }
  const path = pgliteTemplatePath();
  if (existsSync(path)) return;
  mkdirSync(CACHE_DIR, { recursive: true });
  const db = await openDatabase({});
  try {
    await migrate(db);
    const dump = await db.pglite!.dumpDataDir('none');
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, path);
  } finally {
    await db.close();
  }
}

export interface TestDatabase extends Database {
  /** The PostgreSQL URL of this database (undefined on PGlite). */
  readonly url: string | undefined;
}

/** A new, migrated, empty database; close() also drops it on PostgreSQL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  await prepareTestTemplate();
  const url = process.env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    const name = `assay_t_${ulid().toLowerCase()}`;
    let lastError: unknown;
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${pgTemplateName()}"`);
        lastError = undefined;
        break;
      } catch (e) {
        lastError = e; // the template is briefly busy while another worker copies it
        await new Promise((r) => setTimeout(r, 50 + attempt * 50));
      }
    }
    if (lastError !== undefined) throw lastError;
    const dbUrl = withDatabase(url, name);
    const db = await openDatabase({ databaseUrl: dbUrl, poolSize: 10 });
    return {
      ...db,
      url: dbUrl,
      close: async () => {
        await db.close();
        await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const blob = new Blob([readFileSync(pgliteTemplatePath())]);
  const db = await openDatabase({ loadDataDir: blob });
  return { ...db, url: undefined };
}
