import { logAccess, type Database } from '../db';
import { principalActor, type Principal } from '../identity';
import type { Clock } from '../kernel';

/** A consistent gzip tar of an open embedded database. */
export async function dumpEmbedded(database: Database): Promise<Uint8Array> {
  const pglite = database.pglite;
  if (pglite === undefined) throw new Error('dumpEmbedded needs the embedded database');
  await pglite.exec('CHECKPOINT');
  const blob = await pglite.dumpDataDir('gzip');
  return new Uint8Array(await blob.arrayBuffer());
}

/** The backup function the admin route serves (undefined on PostgreSQL); the read is logged. */
export function embeddedBackup(database: Database, clock: Clock): ((caller: Principal) => Promise<Uint8Array>) | undefined {
  if (database.pglite === undefined) return undefined;
  return async (caller) => {
    await logAccess(database.db, clock, principalActor(caller), { type: 'database', id: 'backup' });
    return dumpEmbedded(database);
  };
}
