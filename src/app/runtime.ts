import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { acquireDataDirLock, migrate, openDatabase, readLock, type Database, type DataDirLock, type LockInfo } from '../db';

/** An open database for a process: the server, a worker, or a CLI command. */
export interface Runtime {
  readonly database: Database;
  /** The PGlite folder's lock, held for the life of the process (embedded database only). */
  readonly lock: DataDirLock | undefined;
  /** True when this open created the embedded database (first start). */
  readonly created: boolean;
  close(): Promise<void>;
}

export function pgliteDir(config: Config): string {
  return join(config.dataDir, 'pglite');
}

/** The running server that holds the embedded database, if any (CLI commands then go through its API). */
export function runningServer(config: Config): LockInfo | undefined {
  if (config.databaseUrl !== undefined) return undefined;
  const holder = readLock(config.dataDir);
  return holder !== undefined && holder.url !== undefined && holder.pid !== process.pid ? holder : undefined;
}

/**
 * Opens the configured database and applies pending migrations. On the embedded database it takes
 * the data folder's lock first, so a second process gets a clear error instead of a corrupt folder.
 */
export async function openRuntime(config: Config, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  let lock: DataDirLock | undefined;
  let created = false;
  let database: Database;
  if (config.databaseUrl === undefined) {
    lock = acquireDataDirLock(config.dataDir);
    created = !existsSync(join(pgliteDir(config), 'PG_VERSION'));
    try {
      database = await openDatabase({ dataDir: pgliteDir(config) });
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
  }
  try {
    if (opts.migrate !== false) await migrate(database);
  } catch (e) {
    await database.close();
    lock?.release();
    throw e;
  }
  return {
    database,
    lock,
    created,
    close: async () => {
      await database.close();
      lock?.release();
    },
  };
}
