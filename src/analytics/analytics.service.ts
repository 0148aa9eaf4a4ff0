import { forbidden, invalidInput, notFound, type Clock } from '../kernel';
import { inTransaction, recordChange, type Actor, type Db } from '../db';
import type { Principal, Role } from '../identity';
import {
  CANDIDATE_MIN_RISK,
  DEFAULT_CONVERSION_DAYS,
  DEFAULT_STATUS_CHANGE_DAYS,
  DEFAULT_WINDOW_DAYS,
  LIMITS,
  MIN_PEERS,
  RISK_WEIGHTS,
  SMOOTHING,
  type PeerLevel,
  type RefreshInfo,
  type RefreshOptions,
  type ReportPage,
  type SellerReport,
  type SellerScore,
} from './analytics.model';
import { peerPositions, smoothedRate } from './peers';
import { createOperationsService } from './operations.service';
import * as store from './analytics.store';
import type { SellerCounts } from './analytics.store';

export interface AnalyticsDeps {
  readonly db: Db;
  readonly clock: Clock;
}

/** Staff read the report; vendor reviewers and integrations do not (it names sellers and buyers). */
export const ANALYTICS_READERS: readonly Role[] = ['admin', 'manager', 'senior', 'agent', 'legal'];
/** Who may start a refresh (it is the heaviest query Assay runs). */
export const ANALYTICS_REFRESHERS: readonly Role[] = ['admin', 'manager'];

const MAX_PAGE = 500;
const SELLER_CONVERSATIONS = 20;

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

export function createAnalyticsService(deps: AnalyticsDeps) {
  const { db, clock } = deps;

  function mayRead(p: Principal): void {
    if (!ANALYTICS_READERS.includes(p.role)) throw forbidden(`the ${p.role} role may not read off-platform analytics`);
  }

  function days(value: number | undefined, fallback: number, max: number, field: string): number {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) throw invalidInput('the refresh options are not valid', [{ field, reason: `must be a whole number of days from 1 to ${max}` }]);
    return value;
  }

  /**
   * Brings the conversation facts up to date (incrementally unless `full`) and rebuilds the ranked
   * report for the window ending now. One transaction: readers see the previous report until it commits.
   */
  async function refresh(actor: Actor, opts: RefreshOptions = {}): Promise<RefreshInfo> {
    const windowDays = days(opts.windowDays, DEFAULT_WINDOW_DAYS, LIMITS.windowDays, '/window_days');
    const statusChangeDays = days(opts.statusChangeDays, DEFAULT_STATUS_CHANGE_DAYS, LIMITS.statusChangeDays, '/status_change_days');
    const conversionDays = days(opts.conversionDays, DEFAULT_CONVERSION_DAYS, LIMITS.conversionDays, '/conversion_days');
    const started = Date.now(); // elapsed time of the work, not domain time
    return inTransaction(db, async (tx) => {
      await store.lockRefresh(tx);
      const now = clock.now();
      const window = { from: new Date(now.getTime() - windowDays * 86_400_000), to: now, statusChangeDays, conversionDays };
      // a full build when asked, before the first one, or when the outcome rules changed
      const last = await store.lastRefresh(tx);
      const full =
        opts.full === true || !(await store.hasBaseline(tx)) || last === undefined || last.statusChangeDays !== statusChangeDays || last.conversionDays !== conversionDays;
      await store.createWorkTables(tx);
      if (full) await store.forgetEverything(tx);
      const factsUpdated = await store.feedConversations(tx);
      await store.feedOrders(tx);
      await store.feedListingStatus(tx);
      await store.analyzeWork(tx);
      if (!full) await store.addToWeeks(tx, -1, false);
      await store.upsertFacts(tx, factsUpdated);
      await store.updateOutcomes(tx, window, full);
      await store.addToWeeks(tx, 1, full);
      const scores = scoreSellers(await store.sellerCounts(tx, window));
      await store.replaceScores(tx, scores);
      const info: RefreshInfo = {
        refreshedAt: now,
        windowFrom: window.from,
        windowTo: window.to,
        windowDays,
        statusChangeDays,
        conversionDays,
        factsUpdated,
        sellers: scores.length,
        durationMs: Date.now() - started,
      };
      await store.saveRefresh(tx, info);
      await recordChange(tx, clock, {
        actor,
        action: 'analytics.refreshed',
        subject: { type: 'analytics_report', id: 'off-platform' },
        fields: ['facts', 'seller_scores'],
        data: { windowDays, statusChangeDays, conversionDays, full, factsUpdated, sellers: scores.length, candidates: scores.filter((s) => s.candidate).length },
      });
      return info;
    });
  }

  /** The ranked sellers, highest risk first. The cursor is the rank of the last seller returned. */
  async function listSellers(p: Principal, opts: { limit?: number | undefined; cursor?: string | undefined } = {}): Promise<ReportPage> {
    mayRead(p);
    const limit = opts.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw invalidInput('the page is not valid', [{ field: '/limit', reason: `must be from 1 to ${MAX_PAGE}` }]);
    const afterRank = opts.cursor === undefined ? 0 : decodeCursor(opts.cursor);
    const rows = await store.scoresPage(db, afterRank, limit + 1);
    const items = rows.slice(0, limit);
    return { refresh: await store.lastRefresh(db), items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.rank) : undefined };
  }

  /** One seller's scores and its contact conversations with the signals behind each. */
  async function seller(p: Principal, sellerId: string): Promise<SellerReport & { refresh: RefreshInfo | undefined }> {
    mayRead(p);
    const score = await store.scoreOf(db, sellerId);
    if (score === undefined) throw notFound(`seller ${sellerId} has no conversations in the last off-platform report`);
    const refresh = await store.lastRefresh(db);
    const conversations = refresh === undefined ? [] : await store.contactConversationsOf(db, sellerId, SELLER_CONVERSATIONS, refresh);
    return { seller: score, conversations, refresh };
  }

  return { refresh, listSellers, seller, lastRefresh: () => store.lastRefresh(db), ...createOperationsService(deps) };
}

function encodeCursor(rank: number): string {
  return Buffer.from(`rank:${rank}`, 'utf8').toString('base64url');
}
function decodeCursor(cursor: string): number {
  const m = /^rank:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (m === null) throw invalidInput('the cursor is not valid', [{ field: '/cursor', reason: 'must be a next_cursor from an earlier page' }]);
  return Number(m[1]);
}

/**
 * Scores every seller against its peers (same main category and country; by category, then all
 * sellers, when that group has fewer than `MIN_PEERS`) and ranks them: candidates first (a listing vanished
 * after a contact exchange, and a risk score of at least `CANDIDATE_MIN_RISK`), each part by risk.
 */
export function scoreSellers(counts: readonly SellerCounts[]): SellerScore[] {
  if (counts.length === 0) return [];
  const pooled = (events: (c: SellerCounts) => number, trials: (c: SellerCounts) => number) => {
    const t = counts.reduce((s, c) => s + trials(c), 0);
    return t === 0 ? 0 : counts.reduce((s, c) => s + events(c), 0) / t;
  };
  const prior = {
    conversion: pooled((c) => c.converted, (c) => c.conversations),
    contact: pooled((c) => c.contactConversations, (c) => c.conversations),
    vanished: pooled((c) => c.vanishedListings, (c) => c.contactConversations),
  };
  const smoothed = counts.map((c) => ({
    conversion: smoothedRate(c.converted, c.conversations, prior.conversion, SMOOTHING.conversion),
    contact: smoothedRate(c.contactConversations, c.conversations, prior.contact, SMOOTHING.contact),
    vanished: smoothedRate(c.vanishedListings, c.contactConversations, prior.vanished, SMOOTHING.vanished),
  }));

  const groupKey = {
    category_country: (c: SellerCounts) => `${c.category ?? '-'}|${c.country ?? '-'}`,
    category: (c: SellerCounts) => c.category ?? '-',
    all: () => '*',
  } as const;
  const groups = new Map<string, number[]>();
  for (const level of ['category_country', 'category', 'all'] as const) {
    counts.forEach((c, i) => {
      const key = `${level}:${groupKey[level](c)}`;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, [i]);
      else g.push(i);
    });
  }
  const peerGroupOf = (c: SellerCounts): { level: PeerLevel; members: number[] } => {
    for (const level of ['category_country', 'category'] as const) {
      const members = groups.get(`${level}:${groupKey[level](c)}`)!;
      if (members.length >= MIN_PEERS) return { level, members };
    }
    return { level: 'all', members: groups.get('all:*')! };
  };

  // positions are computed once per distinct peer group
  const positionsByGroup = new Map<string, Map<number, { conversion: { percentile: number; z: number }; contact: { percentile: number; z: number }; vanished: { percentile: number; z: number } }>>();
  const scored = counts.map((c, i) => {
    const { level, members } = peerGroupOf(c);
    const key = `${level}:${groupKey[level](c)}`;
    let positions = positionsByGroup.get(key);
    if (positions === undefined) {
      const conv = peerPositions(members.map((m) => smoothed[m]!.conversion));
      const cont = peerPositions(members.map((m) => smoothed[m]!.contact));
      const van = peerPositions(members.map((m) => smoothed[m]!.vanished));
      positions = new Map(members.map((m, j) => [m, { conversion: conv[j]!, contact: cont[j]!, vanished: van[j]! }]));
      positionsByGroup.set(key, positions);
    }
    const pos = positions.get(i)!;
    const riskScore = RISK_WEIGHTS.vanished * pos.vanished.z + RISK_WEIGHTS.contact * pos.contact.z - RISK_WEIGHTS.lowConversion * pos.conversion.z;
    return {
      sellerId: c.sellerId,
      rank: 0,
      name: c.name,
      country: c.country,
      category: c.category,
      peerLevel: level,
      peerSize: members.length,
      conversations: c.conversations,
      converted: c.converted,
      contactConversations: c.contactConversations,
      vanishedListings: c.vanishedListings,
      conversion: { rate: c.conversations === 0 ? 0 : c.converted / c.conversations, ...pos.conversion },
      contactShare: { rate: c.conversations === 0 ? 0 : c.contactConversations / c.conversations, ...pos.contact },
      vanished: { rate: c.contactConversations === 0 ? 0 : c.vanishedListings / c.contactConversations, ...pos.vanished },
      riskScore,
      candidate: riskScore >= CANDIDATE_MIN_RISK && c.vanishedListings > 0,
    } satisfies SellerScore;
  });
  scored.sort((a, b) => Number(b.candidate) - Number(a.candidate) || b.riskScore - a.riskScore || b.vanishedListings - a.vanishedListings || (a.sellerId < b.sellerId ? -1 : a.sellerId > b.sellerId ? 1 : 0));
  return scored.map((s, i) => ({ ...s, rank: i + 1 }));
}
