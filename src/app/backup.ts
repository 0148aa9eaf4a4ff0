import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Config } from '../config';
import { acquireDataDirLock, migrate, openDatabase, query, sql, type Database } from '../db';
import { CliError } from '../cli';
import { openRuntime, pgliteDir, runningServer } from './runtime';
import { serverToken } from './cli-backend';
import { dumpEmbedded } from './embedded-backup';

/*
 * `assay backup FILE` / `assay restore FILE` for the embedded database. A backup is PGlite's dump of
 * its data folder (gzip tar), taken after a CHECKPOINT and while no statement runs, so it is a
 * consistent copy. With DATABASE_URL both refuse: PostgreSQL has pg_dump and pg_restore.
 */

const ON_POSTGRES = 'with DATABASE_URL Assay runs on PostgreSQL: use its tools, e.g. pg_dump -Fc "$DATABASE_URL" -f assay.dump and pg_restore -d "$DATABASE_URL" assay.dump';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.partial`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, file);
}

/** `assay backup FILE`: through the running server when it holds the folder, else directly. */
export async function backupEmbedded(config: Config, file: string): Promise<string[]> {
  if (config.databaseUrl !== undefined) throw new CliError(`assay backup is for the embedded database; ${ON_POSTGRES}`);
  const server = runningServer(config);
  if (server?.url !== undefined) {
    const token = serverToken(config, server.url);
    let res: Response;
    try {
      res = await fetch(`${server.url}/v1/admin/backup`, { headers: { authorization: `Bearer ${token}` } });
    } catch (e) {
      throw new CliError(`cannot reach the server at ${server.url}: ${(e as Error).message}`);
    }
    if (!res.ok || res.body === null) {
      const text = await res.text().catch(() => '');
      let detail = text;
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
      } catch {
        /* not problem+json */
      }
      throw new CliError(`the server at ${server.url} refused the backup: HTTP ${res.status} ${detail}`.trim());
    }
    const tmp = `${file}.partial`;
    await pipeline(Readable.fromWeb(res.body as unknown as WebReadableStream), createWriteStream(tmp, { mode: 0o600 }));
    renameSync(tmp, file);
    return [`backup of the embedded database written to ${file} (${mb(statSync(file).size)}, gzip tar), taken by the server at ${server.url} while it kept serving`];
  }
  if (!existsSync(`${pgliteDir(config)}/PG_VERSION`)) throw new CliError(`there is no embedded database in ${pgliteDir(config)} to back up`);
  const runtime = await openRuntime(config, { migrate: false });
  try {
    const bytes = await dumpEmbedded(runtime.database);
    writeAtomically(file, bytes);
    return [`backup of ${runtime.database.description} written to ${file} (${mb(bytes.byteLength)}, gzip tar)`];
  } finally {
    await runtime.close();
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * `assay restore FILE`: refuses while a server holds the folder; moves the current database aside
 * (never deletes it), loads the backup into a new folder, applies migrations.
 */
export async function restoreEmbedded(config: Config, file: string): Promise<string[]> {
  if (config.databaseUrl !== undefined) throw new CliError(`assay restore is for the embedded database; ${ON_POSTGRES}`);
  const server = runningServer(config);
  if (server !== undefined) throw new CliError(`a server (pid ${server.pid}${server.url === undefined ? '' : `, ${server.url}`}) holds ${config.dataDir}; stop it before restoring`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? (e as Error).message})`);
  }
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const tar = bytes.length > 262 && bytes.subarray(257, 262).toString('latin1') === 'ustar';
  if (!gzip && !tar) throw new CliError(`${file} is not an Assay backup (expected the gzip tar written by assay backup)`);

  const lock = acquireDataDirLock(config.dataDir); // no server may start while the folder changes
  const lines: string[] = [];
  const dir = pgliteDir(config);
  let aside: string | undefined;
  try {
    if (existsSync(dir)) {
      aside = `${dir}.before-restore-${stamp(new Date())}`;
      renameSync(dir, aside);
      lines.push(`moved the current database aside to ${aside} (delete it once you are happy with the restore)`);
    }
    let database: Database | undefined;
    try {
      database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([bytes]) });
      const migrated = await migrate(database);
      const tables = await query<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      lines.push(`loaded ${file} (${mb(bytes.length)}) into ${dir}: ${tables[0]?.n ?? 0} tables`);
      lines.push(migrated.applied.length === 0 ? `migrations: up to date (${migrated.alreadyApplied})` : `migrations: applied ${migrated.applied.join(', ')}`);
    } catch (e) {
      await database?.close().catch(() => undefined);
      database = undefined;
      rmSync(dir, { recursive: true, force: true });
      if (aside !== undefined) renameSync(aside, dir);
      throw new CliError(`could not restore ${file}: ${(e as Error).message}; the previous database is back in ${dir}`);
    } finally {
      await database?.close();
    }
  } finally {
    lock.release();
  }
  lines.push('restore done: start Assay again (npm start)');
  return lines;
}
