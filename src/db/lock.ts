import { closeSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not stop a second process opening the same folder, and two would corrupt it.
 * This lock file does: created exclusively, it names the owning process and the URL it serves,
 * so a CLI started beside the server can talk to the server instead of opening the folder.
 */
export interface LockInfo {
  readonly pid: number;
  readonly startedAt: string;
  /** Base URL of the server holding the lock, when it serves HTTP. */
  readonly url?: string;
}

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockInfo) {
    super(
      `the data folder ${dataDir} is in use by process ${holder.pid}` +
        (holder.url === undefined ? '' : ` (Assay serving ${holder.url})`) +
        '; stop it first, or use DATABASE_URL to share a PostgreSQL database between processes',
    );
    this.name = 'DataDirLockedError';
  }
}

function lockPath(dataDir: string): string {
  return join(dataDir, 'assay.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the lock if a live process holds it. */
export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  readonly info: LockInfo;
  /** Records the URL the holder serves, for CLIs started beside it. */
  setUrl(url: string): void;
  release(): void;
}

/** Takes the folder's lock or throws {@link DataDirLockedError}. A lock left by a dead process is taken over. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        get info() {
          return info;
        },
        setUrl(url: string) {
          info = { ...info, url };
          const fd2 = openSync(path, 'w', 0o600);
          writeSync(fd2, JSON.stringify(info));
          closeSync(fd2);
        },
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(dataDir);
      if (holder !== undefined) throw new DataDirLockedError(dataDir, holder);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock on ${dataDir}`);
}
