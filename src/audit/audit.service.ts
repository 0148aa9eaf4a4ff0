import type { Clock } from '../kernel';
import { pendingAuditStats, query, readAuditCheckpoint, sealAllAudit, sealAudit, sql, verifyAuditChain, writeAuditCheckpoint, type AuditCheckpoint, type AuditEntry, type AuditVerifyReport, type Db, rowToAuditEntry } from '../db';

export interface AuditDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Where the head of the chain is checkpointed, outside the database. */
  readonly checkpointFile: string;
}

/** What a reader sees of an entry: everything but the hashes it links with. */
export type AuditEntryView = Omit<AuditEntry, 'dataHash' | 'prevHash'>;

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
        sql`SELECT * FROM audit_log
            WHERE seq > ${filter.afterSeq ?? 0}
              AND (${filter.subjectType ?? null}::text IS NULL OR subject_type = ${filter.subjectType ?? null})
              AND (${filter.subjectId ?? null}::text IS NULL OR subject_id = ${filter.subjectId ?? null})
            ORDER BY seq LIMIT ${filter.limit}`,
      );
      return rows.map((r) => {
        const { dataHash: _d, prevHash: _p, ...view } = rowToAuditEntry(r);
        return view;
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
