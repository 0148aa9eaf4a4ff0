/**
 * Off-platform analytics: which sellers' conversations look like sales taken off the marketplace.
 *
 * Three rates per seller over a window (default 180 days, by the conversation's first message):
 * - **conversion**: conversations whose buyer ordered one of the seller's listings within
 *   `conversionDays` (30) of the first message. Off-platform sellers convert less on the platform.
 * - **contact share**: conversations with a contact exchange — a stored scan with a hit of kind phone,
 *   email, url, handle, iban or payment (hits a reviewer cleared count too).
 * - **vanished rate**: of the conversations with a contact exchange, those whose listing went sold,
 *   removed or on hold within `statusChangeDays` (14) after the exchange with no on-platform order
 *   between the two parties from the first message until then.
 *
 * Each is compared with the seller's peers (same main category and country) as a percentile and a
 * z-score, and combined into a risk score (see `RISK_WEIGHTS`).
 */

export interface RefreshOptions {
  /** Days of conversations the report covers, ending now (default 180). */
  readonly windowDays?: number | undefined;
  /** Days after a contact exchange in which a listing status change counts (default 14). */
  readonly statusChangeDays?: number | undefined;
  /** Days after the first message in which an order counts as a conversion (default 30). */
  readonly conversionDays?: number | undefined;
  /**
   * Recompute every conversation's facts, not only those with new messages. Needed after a re-scan
   * changed stored scans (a re-scan changes no message count, so an incremental refresh misses it).
   */
  readonly full?: boolean | undefined;
}

export const DEFAULT_WINDOW_DAYS = 180;
export const DEFAULT_STATUS_CHANGE_DAYS = 14;
export const DEFAULT_CONVERSION_DAYS = 30;
export const LIMITS = { windowDays: 3660, statusChangeDays: 365, conversionDays: 365 } as const;

/** Hit kinds that mean contact details (or a way to pay outside) changed hands. */
export const CONTACT_KINDS = ['phone', 'email', 'url', 'handle', 'iban', 'payment'] as const;

/**
 * The risk score is a weighted sum of the seller's z-scores among its peers (each clipped to ±6):
 * listings vanishing after a contact exchange is the closest thing to the act itself, so it weighs
 * most; a high contact share is the means; a low conversion the missing commission. A seller at the
 * peers' mean scores 0; the score is in standard deviations.
 */
export const RISK_WEIGHTS = { vanished: 0.5, contact: 0.3, lowConversion: 0.2 } as const;

/**
 * Pseudo-observations pulling a seller's rates towards the pooled rate of all sellers: with few
 * conversations a rate says little. Trials are conversations (conversion, contact share) or contact
 * conversations (vanished rate).
 */
export const SMOOTHING = { conversion: 10, contact: 10, vanished: 3 } as const;

/** A peer group needs this many sellers; below it the seller is compared by category, then with all. */
export const MIN_PEERS = 5;

/** A seller is a candidate when its risk score reaches this and at least one listing vanished after a contact exchange. */
export const CANDIDATE_MIN_RISK = 0.5;

export type PeerLevel = 'category_country' | 'category' | 'all';

export interface MetricPosition {
  /** The seller's own (unsmoothed) rate, 0..1. */
  readonly rate: number;
  /** 0..100 among the peers (computed on the smoothed rates). */
  readonly percentile: number;
  readonly z: number;
}

export interface SellerScore {
  readonly sellerId: string;
  readonly rank: number;
  readonly name: string | undefined;
  readonly country: string | undefined;
  readonly category: string | undefined;
  readonly peerLevel: PeerLevel;
  readonly peerSize: number;
  readonly conversations: number;
  readonly converted: number;
  readonly contactConversations: number;
  readonly vanishedListings: number;
  readonly conversion: MetricPosition;
  readonly contactShare: MetricPosition;
  readonly vanished: MetricPosition;
  readonly riskScore: number;
  readonly candidate: boolean;
}

export interface RefreshInfo {
  readonly refreshedAt: Date;
  readonly windowFrom: Date;
  readonly windowTo: Date;
  readonly windowDays: number;
  readonly statusChangeDays: number;
  readonly conversionDays: number;
  /** Conversation facts written by this refresh (all of them on a first or full refresh). */
  readonly factsUpdated: number;
  readonly sellers: number;
  readonly durationMs: number;
}

/** A conversation with a contact exchange, and what happened to its listing afterwards. */
export interface CandidateConversation {
  readonly conversationId: string;
  readonly buyerId: string;
  readonly listingId: string | undefined;
  readonly firstMessageAt: Date | undefined;
  readonly lastMessageAt: Date | undefined;
  readonly contactAt: Date;
  readonly contactMessageId: string | undefined;
  readonly contactKinds: readonly string[];
  readonly listingStatus: 'sold' | 'removed' | 'on_hold' | undefined;
  readonly statusChangedAt: Date | undefined;
  readonly ordersBetween: number;
  /** 0..1, see `conversationScore`. */
  readonly score: number;
  /** Why it is listed, in words. */
  readonly signals: readonly string[];
}

export interface SellerReport {
  readonly seller: SellerScore;
  readonly conversations: readonly CandidateConversation[];
}

export interface ReportPage {
  readonly refresh: RefreshInfo | undefined;
  readonly items: readonly SellerScore[];
  readonly nextCursor: string | undefined;
}

/**
 * How strongly one contact conversation looks like a sale taken off the platform, 0..1: an order
 * between the parties makes it an ordinary sale (0.05); a contact exchange alone is weak (0.2); a
 * listing that vanished without an order starts at 0.5, plus up to 0.3 the sooner it happened after
 * the exchange, plus 0.2 when it was marked sold (0.1 for removed or on hold).
 */
export function conversationScore(c: { ordersBetween: number; statusAfterDays: number | undefined; status: string | undefined }, statusChangeDays: number): number {
  if (c.ordersBetween > 0) return 0.05;
  if (c.status === undefined || c.statusAfterDays === undefined) return 0.2;
  const soon = 1 - Math.min(1, Math.max(0, c.statusAfterDays) / statusChangeDays);
  return Math.min(1, 0.5 + 0.3 * soon + (c.status === 'sold' ? 0.2 : 0.1));
}

const STATUS_WORDS = { sold: 'marked sold', removed: 'removed', on_hold: 'put on hold' } as const;

/** The signals behind a contact conversation, as sentences for a trust analyst. */
export function conversationSignals(c: Pick<CandidateConversation, 'contactAt' | 'contactKinds' | 'listingStatus' | 'statusChangedAt' | 'ordersBetween'>, statusChangeDays: number): string[] {
  const out = [`contact details exchanged (${c.contactKinds.join(', ')}) at ${c.contactAt.toISOString()}`];
  if (c.listingStatus !== undefined && c.statusChangedAt !== undefined) {
    const days = (c.statusChangedAt.getTime() - c.contactAt.getTime()) / 86_400_000;
    out.push(`listing ${STATUS_WORDS[c.listingStatus]} at ${c.statusChangedAt.toISOString()}, ${days.toFixed(1)} days after the exchange`);
  } else {
    out.push(`listing not sold, removed or put on hold within ${statusChangeDays} days of the exchange`);
  }
  out.push(c.ordersBetween === 0 ? 'no order between the buyer and the seller on the platform' : `${c.ordersBetween} order(s) between the buyer and the seller on the platform`);
  return out;
}
