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

export interface CliBackend {
  /** Where the commands go, for messages: e.g. `PGlite ./data/pglite` or `the server at http://…`. */
  readonly description: string;
  readonly remote: boolean;
  verifyAudit(): Promise<AuditReportView>;
  checkpointAudit(): Promise<{ seq: number; hash: string; at: string }>;
  createUser(input: { email: string; name: string; role: string; password: string; vendorOrgId?: string | undefined }): Promise<{ id: string; email: string; role: string }>;
  createToken(input: { name: string; role: string }): Promise<{ token: string; id: string }>;
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
