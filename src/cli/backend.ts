/**
 * What CLI commands need from Assay. Two implementations (src/app/cli-backend.ts): one on an open
 * database (with DATABASE_URL, or the embedded database when no server holds it), and one through a
 * running server's HTTP API (the embedded database while `npm start` holds its lock).
 */
export interface AuditReportView {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: { seq: number; hash: string } | null;
  readonly checkpoint: { seq: number; hash: string; at: string } | null;
  readonly problem: { kind: string; seq: number; id?: string; detail: string } | null;
}

/** The kinds of records the marketplace sends in batches (`POST /v1/<kind>:batch`). */
export const INGEST_KINDS = ['messages', 'events', 'sellers', 'buyers', 'listings'] as const;
export type IngestKindName = (typeof INGEST_KINDS)[number];

/** What happened to one item of a batch (the wire shape of the batch endpoints). */
export interface BatchItemView {
  readonly index: number;
  readonly id?: string | undefined;
  readonly status: 'stored' | 'duplicate' | 'updated' | 'stale' | 'rejected' | 'conflict';
  readonly errors?: readonly { field: string; reason: string }[] | undefined;
}

/** The outcome of one ingested batch. Counts the server did not send read as 0. */
export interface BatchReportView {
  readonly batch_id: string;
  readonly received: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly updated?: number | undefined;
  readonly stale?: number | undefined;
  readonly conflicts?: number | undefined;
  readonly items: readonly BatchItemView[];
}

export interface CliBackend {
  /** Where the commands go, for messages: e.g. `PGlite ./data/pglite` or `the server at http://…`. */
  readonly description: string;
  readonly remote: boolean;
  verifyAudit(): Promise<AuditReportView>;
  checkpointAudit(): Promise<{ seq: number; hash: string; at: string }>;
  createUser(input: { email: string; name: string; role: string; password: string; vendorOrgId?: string | undefined }): Promise<{ id: string; email: string; role: string }>;
  createToken(input: { name: string; role: string }): Promise<{ token: string; id: string }>;
  /** Ingests one batch (at most the server's batch limit); idempotent, so a batch may be sent again. */
  ingestBatch(kind: IngestKindName, items: readonly unknown[]): Promise<BatchReportView>;
  /** How many batches to keep in flight: 1 where the database serialises anyway (PGlite). */
  readonly ingestConcurrency: number;
  close(): Promise<void>;
}

/** A CLI failure: printed as one line, exit code 1 (2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
