import type { Clock } from '../kernel';
import { pendingAuditStats, query, readAuditCheckpoint, sealAllAudit, sealAudit, sql, verifyAuditChain, writeAuditCheckpoint, type AuditCheckpoint, type AuditVerifyReport, type Db } from '../db';

export interface AuditDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Where the head of the chain is checkpointed, outside the database. */
  readonly checkpointFile: string;
}

export interface AuditEntryView {
  readonly seq: number;
  readonly id: string;
  readonly at: Date;
  readonly actorType: string;
  readonly actorId: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly fields: readonly string[];
  readonly hash: string;
}

export function createAuditService(deps: AuditDeps) {
  return {
    /** Links committed entries into the chain, then recomputes it; compares with the checkpoint file when there is one. */
    async verify(): Promise<AuditVerifyReport & { checkpoint: AuditCheckpoint | undefined; sealed: number }> {
      const sealed = await sealAllAudit(deps.db);
      const checkpoint = readAuditCheckpoint(deps.checkpointFile);
      return { ...(await verifyAuditChain(deps.db, checkpoint)), checkpoint, sealed };
    },
    /** Writes the current head to the checkpoint file (run it on a schedule, keep the file apart). */
    async checkpoint(): Promise<AuditCheckpoint> {
      await sealAllAudit(deps.db);
      return writeAuditCheckpoint(deps.db, deps.checkpointFile, deps.clock);
    },
    /** Links up to `limit` committed entries into the chain; the background sealer calls it. */
    seal: (limit?: number) => sealAudit(deps.db, limit),
    pending: () => pendingAuditStats(deps.db, deps.clock.now()),
    async list(filter: { subjectType?: string | undefined; subjectId?: string | undefined; afterSeq?: number | undefined; limit: number }): Promise<AuditEntryView[]> {
      await sealAllAudit(deps.db); // a reader sees every committed change, linked
      const rows = await query(
        deps.db,
        sql`SELECT seq, id, at, actor_type, actor_id, action, subject_type, subject_id, fields, hash FROM audit_log
            WHERE seq > ${filter.afterSeq ?? 0}
              AND (${filter.subjectType ?? null}::text IS NULL OR subject_type = ${filter.subjectType ?? null})
              AND (${filter.subjectId ?? null}::text IS NULL OR subject_id = ${filter.subjectId ?? null})
            ORDER BY seq LIMIT ${filter.limit}`,
      );
      return rows.map((r) => ({
        seq: Number(r['seq']),
        id: String(r['id']),
        at: new Date(r['at'] as string),
        actorType: String(r['actor_type']),
        actorId: String(r['actor_id']),
        action: String(r['action']),
        subjectType: String(r['subject_type']),
        subjectId: String(r['subject_id']),
        fields: r['fields'] as string[],
        hash: String(r['hash']),
      }));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
