import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson, newId, sha256Hex, type Clock } from '../kernel';
import { inTransaction, query, queryOne, sql, type Db } from './connection';

export type ActorType = 'user' | 'token' | 'system';

export interface Actor {
  readonly type: ActorType;
  readonly id: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'assay' };

export interface AuditInput {
  readonly actor: Actor;
  /** Stable dotted name, e.g. `case.transitioned`. */
  readonly action: string;
  readonly subject: { readonly type: string; readonly id: string };
  /** Names of the fields the change touched (names, never values). */
  readonly fields?: readonly string[];
  /** What changed; only its hash enters the trail, so erasing personal data never breaks the chain. */
  readonly data?: unknown;
}

export interface AuditEntry {
  readonly seq: number;
  readonly id: string;
  readonly at: Date;
  readonly actorType: string;
  readonly actorId: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly fields: readonly string[];
  readonly dataHash: string;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of one entry: everything but the hash itself, in a fixed order. */
export function hashAuditEntry(e: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(
    canonicalJson([e.seq, e.id, e.at.toISOString(), e.actorType, e.actorId, e.action, e.subjectType, e.subjectId, e.fields, e.dataHash, e.prevHash]),
  );
}

/** An entry as its transaction writes it: committed with the change, linked into the chain later. */
export type PendingAuditEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/**
 * Records an audit entry inside the caller's transaction, without taking the chain's lock: it commits
 * (or rolls back) with the change. {@link sealAudit} links committed entries into the hash chain in
 * batches, so concurrent writers do not queue behind one lock held through every commit.
 */
export async function appendAudit(tx: Db, clock: Clock, input: AuditInput): Promise<PendingAuditEntry> {
  const entry: PendingAuditEntry = {
    id: newId('aud'),
    at: new Date(Math.floor(clock.now().getTime())),
    actorType: input.actor.type,
    actorId: input.actor.id,
    action: input.action,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    fields: [...(input.fields ?? [])],
    dataHash: sha256Hex(canonicalJson(input.data ?? null)),
  };
  await tx.execute(sql`INSERT INTO audit_pending (id, at, actor_type, actor_id, action, subject_type, subject_id, fields, data_hash)
    VALUES (${entry.id}, ${entry.at.toISOString()}, ${entry.actorType}, ${entry.actorId}, ${entry.action}, ${entry.subjectType},
            ${entry.subjectId}, ${JSON.stringify(entry.fields)}::jsonb, ${entry.dataHash})`);
  return entry;
}

/**
 * Links committed pending entries into the chain, oldest first, up to `limit` per call: locks the head,
 * hashes each entry over its predecessor, moves them to `audit_log` and the head forward, in one
 * transaction. Safe to run from several processes (they take turns on the head's lock). Returns how
 * many entries it linked.
 */
export async function sealAudit(db: Db, limit = 1000): Promise<number> {
  return inTransaction(db, async (tx) => {
    let head = await queryOne<{ seq: number; hash: string }>(tx, sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`);
    if (head === undefined) {
      // A migration seeds the head; this only runs on a database whose head row was removed by hand.
      await tx.execute(sql`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ${GENESIS_HASH}) ON CONFLICT (id) DO NOTHING`);
      head = await queryOne<{ seq: number; hash: string }>(tx, sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`);
    }
    const rows = await query(tx, sql`SELECT * FROM audit_pending ORDER BY pos LIMIT ${limit}`);
    if (rows.length === 0) return 0;
    let seq = Number(head!.seq);
    let prevHash = head!.hash;
    const chained: AuditEntry[] = rows.map((r) => {
      const base = { ...rowToPending(r), seq: ++seq, prevHash };
      const entry = { ...base, hash: hashAuditEntry(base) };
      prevHash = entry.hash;
      return entry;
    });
    const values = sql.join(
      chained.map(
        (e) => sql`(${e.seq}, ${e.id}, ${e.at.toISOString()}::timestamptz, ${e.actorType}, ${e.actorId}, ${e.action}, ${e.subjectType}, ${e.subjectId},
                    ${JSON.stringify(e.fields)}::jsonb, ${e.dataHash}, ${e.prevHash}, ${e.hash})`,
      ),
      sql`, `,
    );
    await tx.execute(sql`INSERT INTO audit_log (seq, id, at, actor_type, actor_id, action, subject_type, subject_id, fields, data_hash, prev_hash, hash) VALUES ${values}`);
    // Exactly the rows linked: a writer whose lower position commits after our read is left for the next round.
    const positions = JSON.stringify(rows.map((r) => Number(r['pos'])));
    await tx.execute(sql`DELETE FROM audit_pending WHERE pos IN (SELECT jsonb_array_elements_text(${positions}::jsonb)::bigint)`);
    const last = chained[chained.length - 1]!;
    await tx.execute(sql`UPDATE audit_head SET seq = ${last.seq}, hash = ${last.hash} WHERE id = 1`);
    return chained.length;
  });
}

/** Seals until nothing committed is left unlinked. */
export async function sealAllAudit(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAudit(db);
    total += n;
    if (n === 0) return total;
  }
}

/** Entries committed but not yet linked, and the age of the oldest (the window in which they are not yet tamper-evident). */
export async function pendingAuditStats(db: Db, now: Date): Promise<{ count: number; oldestAgeSeconds: number | undefined }> {
  const row = await queryOne<{ n: number; oldest: string | Date | null }>(db, sql`SELECT count(*)::int AS n, min(at) AS oldest FROM audit_pending`);
  const oldest = row?.oldest === null || row?.oldest === undefined ? undefined : new Date(row.oldest);
  return { count: row?.n ?? 0, oldestAgeSeconds: oldest === undefined ? undefined : Math.max(0, (now.getTime() - oldest.getTime()) / 1000) };
}

function rowToPending(r: Record<string, unknown>): PendingAuditEntry {
  return {
    id: String(r['id']),
    at: new Date(r['at'] as string | Date),
    actorType: String(r['actor_type']),
    actorId: String(r['actor_id']),
    action: String(r['action']),
    subjectType: String(r['subject_type']),
    subjectId: String(r['subject_id']),
    fields: (typeof r['fields'] === 'string' ? JSON.parse(r['fields']) : r['fields']) as string[],
    dataHash: String(r['data_hash']),
  };
}

export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
}

export type AuditProblem =
  | { kind: 'edited'; seq: number; id: string; detail: string }
  | { kind: 'broken_link'; seq: number; id: string; detail: string }
  | { kind: 'gap'; seq: number; detail: string }
  | { kind: 'truncated'; seq: number; detail: string };

export interface AuditVerifyReport {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: { seq: number; hash: string } | undefined;
  /** The first bad entry, named. */
  readonly problem: AuditProblem | undefined;
}

/** An `audit_log` row as a domain entry. */
export function rowToAuditEntry(r: Record<string, unknown>): AuditEntry {
  return { ...rowToPending(r), seq: Number(r['seq']), prevHash: String(r['prev_hash']), hash: String(r['hash']) };
}

/**
 * Recomputes the whole chain in pages. Finds an edited entry (its hash no longer matches), a deleted,
 * inserted or reordered one (a link or sequence breaks) and, given a checkpoint kept outside the
 * table, a cut-off tail.
 */
export async function verifyAuditChain(db: Db, checkpoint?: AuditCheckpoint, pageSize = 5000): Promise<AuditVerifyReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let last: { seq: number; hash: string } | undefined;
  for (;;) {
    const rows = await query(db, sql`SELECT * FROM audit_log WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${pageSize}`);
    if (rows.length === 0) break;
    for (const r of rows) {
      const e = rowToAuditEntry(r);
      if (e.seq !== expectedSeq) {
        return { ok: false, entries: count, head: last, problem: { kind: 'gap', seq: expectedSeq, detail: `entry ${expectedSeq} is missing (next is ${e.seq})` } };
      }
      if (e.prevHash !== prevHash) {
        return {
          ok: false,
          entries: count,
          head: last,
          problem: { kind: 'broken_link', seq: e.seq, id: e.id, detail: `entry ${e.seq} (${e.id}) does not link to entry ${e.seq - 1}` },
        };
      }
      const { hash, ...rest } = e;
      if (hashAuditEntry(rest) !== hash) {
        return {
          ok: false,
          entries: count,
          head: last,
          problem: { kind: 'edited', seq: e.seq, id: e.id, detail: `entry ${e.seq} (${e.id}, ${e.action}) was changed after it was written` },
        };
      }
      if (checkpoint !== undefined && e.seq === checkpoint.seq && e.hash !== checkpoint.hash) {
        return {
          ok: false,
          entries: count,
          head: last,
          problem: { kind: 'edited', seq: e.seq, id: e.id, detail: `entry ${e.seq} differs from the checkpoint taken at ${checkpoint.at}` },
        };
      }
      prevHash = e.hash;
      expectedSeq = e.seq + 1;
      last = { seq: e.seq, hash: e.hash };
      count++;
    }
  }
  if (checkpoint !== undefined && (last?.seq ?? 0) < checkpoint.seq) {
    return {
      ok: false,
      entries: count,
      head: last,
      problem: {
        kind: 'truncated',
        seq: (last?.seq ?? 0) + 1,
        detail: `the trail ends at entry ${last?.seq ?? 0} but the checkpoint of ${checkpoint.at} saw entry ${checkpoint.seq}: entries were cut off`,
      },
    };
  }
  return { ok: true, entries: count, head: last, problem: undefined };
}

export async function readAuditHead(db: Db): Promise<{ seq: number; hash: string }> {
  const row = await queryOne<{ seq: number; hash: string }>(db, sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
  return row === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: Number(row.seq), hash: row.hash };
}

/** Writes the head of the chain to a file outside the database (atomically). */
export async function writeAuditCheckpoint(db: Db, file: string, clock: Clock): Promise<AuditCheckpoint> {
  const head = await readAuditHead(db);
  const cp: AuditCheckpoint = { seq: head.seq, hash: head.hash, at: clock.now().toISOString() };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(cp, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  return cp;
}

export function readAuditCheckpoint(file: string): AuditCheckpoint | undefined {
  try {
    const cp = JSON.parse(readFileSync(file, 'utf8')) as AuditCheckpoint;
    if (typeof cp.seq !== 'number' || typeof cp.hash !== 'string') throw new Error(`${file} is not an audit checkpoint`);
    return cp;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Records that someone read personal data (a conversation, a case's messages). */
export async function logAccess(db: Db, clock: Clock, actor: Actor, resource: { type: string; id: string }): Promise<void> {
  await db.execute(sql`INSERT INTO access_log (at, actor_type, actor_id, resource_type, resource_id)
    VALUES (${clock.now().toISOString()}, ${actor.type}, ${actor.id}, ${resource.type}, ${resource.id})`);
}
