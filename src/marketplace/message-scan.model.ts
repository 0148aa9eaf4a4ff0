import type { HitKind, ScanInput, ScanResult, Verdict } from '../detection';
import type { SenderRole } from './marketplace.model';

/**
 * A message's stored detection result: the scan contract's shape (ARCHITECTURE.md, "The scan
 * contract") — `{ id, verdict, score, hits }` — plus `historical` when it applies.
 */
export interface StoredScan extends ScanResult {
  /**
   * Present (and true) when the message was already older than the enforcement cutoff
   * (`RESCAN_ENFORCEMENT_CUTOFF_DAYS`) when this result was computed: it was found by a backfill
   * (an import of old messages) or by a re-scan. Enforcement must never issue strikes or notices
   * for such a message; it may still be shown, counted and reviewed.
   */
  readonly historical?: true;
}

/** The rule set active when a batch (or a whole re-scan) started, so all of it is scanned with one version. */
export interface BatchScanner {
  /** The rule-set version stored beside every result. */
  readonly version: string;
  /**
   * Scans messages in the order given; each is scanned with the messages before it in its
   * conversation: those in `earlier` (oldest first), then the earlier ones among `items`.
   */
  scan(items: readonly ScanInput[], earlier: ReadonlyMap<string, readonly ScanInput[]>): ScanResult[];
}

/** What ingest and re-scans need from detection (src/app wires it from the rule-set holder and the engine). */
export interface MessageScanner {
  current(): Promise<BatchScanner>;
}

export interface RescanOptions {
  /** Messages sent at or after this time… */
  readonly since: Date;
  /** …and before this one (no upper bound when absent). */
  readonly until?: Date | undefined;
  /** Report what would change without storing anything. */
  readonly dryRun?: boolean | undefined;
  /** How many changed messages the report lists (default 20, at most 1,000). */
  readonly sampleSize?: number | undefined;
  /** Called after each page with the number of messages scanned so far. */
  readonly onProgress?: ((scanned: number) => void) | undefined;
  /**
   * Scan with this rule set instead of the active one — dry runs only (a replay of a version over
   * history: what it would find, nothing stored).
   */
  readonly scanner?: BatchScanner | undefined;
  /** Called after each page with each message's stored result and the new one (e.g. to aggregate a replay). */
  readonly onScanned?: ((page: readonly ScannedMessage[]) => void) | undefined;
}

/** A message as a re-scan saw it: the result stored before and the one computed now. */
export interface ScannedMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly sentAt: Date;
  readonly before: StoredScan | undefined;
  readonly next: StoredScan;
}

/** `unscanned`: the message had no stored result before. */
export type PreviousVerdict = Verdict | 'unscanned';

export interface RescanChange {
  readonly id: string;
  readonly conversationId: string;
  readonly sentAt: Date;
  readonly from: PreviousVerdict;
  readonly to: Verdict;
  /** Older than the enforcement cutoff: stored with `historical: true`; never enforced. */
  readonly historical: boolean;
  readonly kindsAdded: readonly HitKind[];
  readonly kindsRemoved: readonly HitKind[];
}

/** What a re-scan found (and, unless a dry run, stored). */
export interface RescanReport {
  readonly id: string;
  readonly ruleSetVersion: string;
  readonly since: Date;
  readonly until: Date | undefined;
  readonly dryRun: boolean;
  /** Messages sent before this time are `historical`. */
  readonly enforcementCutoff: Date;
  readonly conversations: number;
  readonly scanned: number;
  /** Messages whose verdict, score or hits differ from the stored result (or that had none). */
  readonly changed: number;
  /** Changed messages older than the enforcement cutoff. */
  readonly changedHistorical: number;
  /** Rows whose stored result or rule-set version differs from the new one. */
  readonly toWrite: number;
  /** Rows updated (0 on a dry run). */
  readonly written: number;
  /** Rule-set versions the scanned messages had before (`none` when unscanned). */
  readonly previousVersions: readonly { version: string; messages: number }[];
  /** Verdict changes, e.g. clear → review; only pairs that differ. */
  readonly transitions: readonly { from: PreviousVerdict; to: Verdict; messages: number }[];
  /** Hits gained and lost per kind (a hit is the same when kind, offsets and rule are). */
  readonly kinds: readonly { kind: HitKind; added: number; removed: number }[];
  /** Changed messages, verdict changes first (other than a first scan finding nothing), each group in conversation order. */
  readonly sample: readonly RescanChange[];
}

/** A message just stored (or re-scanned with a new verdict), as the `afterMessagesStored` hook receives it. */
export interface StoredMessageNotice {
  readonly id: string;
  readonly conversationId: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly listingId: string | undefined;
  readonly senderRole: SenderRole;
  readonly sentAt: Date;
  readonly lang: string | undefined;
  readonly scan: StoredScan | undefined;
}
