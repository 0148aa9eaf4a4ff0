/** Domain types of the policy knowledge base. */

/** A clause as it reads in one version of its document. `clauseId` is stable across versions. */
export interface Clause {
  readonly clauseId: string;
  readonly policySlug: string;
  readonly version: number;
  /** The clause's number inside its document: `2.1` for `TP-2.1`. */
  readonly number: string;
  readonly title: string;
  readonly text: string;
  readonly policyTitle: string;
  /** When the version this text belongs to came (or comes) into force. */
  readonly effectiveFrom: Date;
}

/** Where a version stands at a given moment. */
export type VersionStatus = 'in_force' | 'superseded' | 'scheduled';

export interface PolicyVersionInfo {
  readonly version: number;
  readonly title: string;
  readonly summary: string;
  readonly effectiveFrom: Date;
  readonly publishedAt: Date;
  /** `type:id` of who published it; `system:assay` for seeded text. */
  readonly publishedBy: string;
  readonly status: VersionStatus;
  readonly clauseCount: number;
}

export interface PolicySummary {
  readonly slug: string;
  readonly title: string;
  /** The version in force now; undefined while the only versions are scheduled. */
  readonly currentVersion: number | undefined;
  readonly latestVersion: number;
  readonly versions: readonly PolicyVersionInfo[];
}

export interface PolicyDocument extends PolicyVersionInfo {
  readonly slug: string;
  readonly clauses: readonly Clause[];
}

/** A clause with every version of its document that contains it (oldest first). */
export interface ClauseDetail extends Clause {
  readonly versions: readonly { readonly version: number; readonly effectiveFrom: Date; readonly status: VersionStatus }[];
}

export interface ClauseHit {
  readonly clause: Clause;
  /** A short extract of the text around the first match, with `…` where it was cut. */
  readonly snippet: string;
  /** Whether the query matched the clause id or title (ranked first) or only the text. */
  readonly matchedIn: 'id' | 'title' | 'text';
}

/** Which version to read: a number, the one in force at a moment, or (neither) the one in force now. */
export interface VersionRef {
  readonly version?: number | undefined;
  readonly at?: Date | undefined;
}

export interface PublishInput {
  readonly title: string;
  readonly summary: string;
  /** Defaults to now; may be in the future, not in the past (the text in force earlier cannot change). */
  readonly effectiveFrom?: Date | undefined;
  readonly clauses: readonly { readonly clauseId: string; readonly title: string; readonly text: string }[];
}

/** Clause ids name a document prefix and a number: `TP-2.1`, `TP-5`, `CS-1.2.3`. */
export const CLAUSE_ID = /^[A-Z]{2,4}-\d{1,2}(\.\d{1,2}){0,2}$/;
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function clauseNumber(clauseId: string): string {
  return clauseId.slice(clauseId.indexOf('-') + 1);
}

export const LIMITS = {
  slug: 64,
  title: 200,
  summary: 2000,
  clauses: 300,
  clauseTitle: 200,
  clauseText: 4000,
  query: 200,
  queryTerms: 10,
} as const;
