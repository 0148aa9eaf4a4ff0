import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../kernel';
import { inTransaction, query, sql, type Database } from './connection';

/** The checked-in migrations (generated offline by drizzle-kit from the `*.tables.ts` files). */
export const MIGRATIONS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../migrations');

export interface Migration {
  readonly idx: number;
  readonly tag: string;
  readonly hash: string;
  readonly statements: readonly string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads the migrations folder in journal order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const journalPath = join(dir, 'meta', '_journal.json');
  if (!existsSync(journalPath)) throw new MigrationError(`no migrations journal at ${journalPath}`);
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map((e) => {
      const text = readFileSync(join(dir, `${e.tag}.sql`), 'utf8');
      return {
        idx: e.idx,
        tag: e.tag,
        hash: sha256Hex(text),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}

/** A fingerprint of the whole migrations folder (names template databases in tests). */
export function migrationsFingerprint(migrations: readonly Migration[] = readMigrations()): string {
  return sha256Hex(migrations.map((m) => `${m.tag}:${m.hash}`).join('\n')).slice(0, 16);
}

export interface MigrateReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

/**
 * Applies the migrations not yet applied, in one transaction, and refuses to go on when an
 * applied migration's file has changed since, or when the database has migrations this code lacks.
 * On PostgreSQL an advisory lock makes concurrent starts wait for each other.
 */
export async function migrate(database: Database, migrations: readonly Migration[] = readMigrations()): Promise<MigrateReport> {
  const { db } = database;
  await db.execute(sql`CREATE TABLE IF NOT EXISTS assay_migrations (
    idx integer PRIMARY KEY,
    tag text NOT NULL,
    hash text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return inTransaction(db, async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(4242001)`);
    const applied = await query<{ idx: number; tag: string; hash: string }>(
      tx,
      sql`SELECT idx, tag, hash FROM assay_migrations ORDER BY idx`,
    );
    const byIdx = new Map(migrations.map((m) => [m.idx, m]));
    for (const row of applied) {
      const m = byIdx.get(row.idx);
      if (m === undefined) {
        throw new MigrationError(
          `the database has migration ${row.tag}, which this version of Assay does not know; it was migrated by a newer version`,
        );
      }
      if (m.hash !== row.hash || m.tag !== row.tag) {
        throw new MigrationError(
          `migration ${row.tag} was changed after it was applied (applied hash ${row.hash.slice(0, 12)}, file hash ${m.hash.slice(0, 12)}); ` +
            'restore the original file and put the change in a new migration',
        );
      }
    }
    const done = new Set(applied.map((r) => r.idx));
    const newlyApplied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.idx)) continue;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO assay_migrations (idx, tag, hash) VALUES (${m.idx}, ${m.tag}, ${m.hash})`);
      newlyApplied.push(m.tag);
    }
    return { applied: newlyApplied, alreadyApplied: applied.length };
  });
}
