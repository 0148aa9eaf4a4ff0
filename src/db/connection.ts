import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';

/**
 * The one handle every store receives: a drizzle database on PGlite or on node-postgres.
 * A transaction (`db.transaction(async tx => …)`) has the same type, so stores take either.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type BackendKind = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly kind: BackendKind;
  /** A short human description (no credentials), e.g. `PGlite ./data/pglite` or `PostgreSQL 127.0.0.1:5432/assay`. */
  readonly description: string;
  /** The embedded engine, when that is the backend (for dumps and backups). */
  readonly pglite: PGlite | undefined;
  /** The node-postgres pool, when that is the backend. */
  readonly pool: pg.Pool | undefined;
  close(): Promise<void>;
}

// int8 and numeric come back as strings from node-postgres; our counts and sequences fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` or undefined for an in-memory database. */
  readonly dataDir?: string | undefined;
  /** A dumped PGlite data folder to start from (fast test databases). */
  readonly loadDataDir?: Blob | undefined;
  readonly poolSize?: number;
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** Opens the database the options name. The caller owns it and must close it. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl !== undefined) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    const client = await pool.connect(); // fail fast with a clear error when the server is unreachable
    client.release();
    const db = drizzlePg({ client: pool }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      description: describeUrl(opts.databaseUrl),
      pglite: undefined,
      pool,
      close: () => pool.end(),
    };
  }
  const inMemory = opts.dataDir === undefined || opts.dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(opts.dataDir!, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : opts.dataDir, {
    ...(opts.loadDataDir === undefined ? {} : { loadDataDir: opts.loadDataDir }),
  });
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    description: inMemory ? 'PGlite (in memory)' : `PGlite ${opts.dataDir}`,
    pglite: client,
    pool: undefined,
    close: () => client.close(),
  };
}

/** Runs a query and returns its rows, the same on both backends. */
export async function query<T extends Record<string, unknown>>(db: Db, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown as { rows: T[] };
  return res.rows;
}

/** Runs a query expected to return at most one row. */
export async function queryOne<T extends Record<string, unknown>>(db: Db, q: SQL): Promise<T | undefined> {
  const rows = await query<T>(db, q);
  return rows[0];
}

/** Runs work in a transaction; everything it writes commits together or not at all. */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

export { sql };
