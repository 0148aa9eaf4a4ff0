import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from './api';

/* Analytics: the operations report (/v1/analytics/operations) and the off-platform risk of a seller against its peers. */

export type Tally = Readonly<Record<string, number>>;

export interface VerdictCountDto {
  readonly total: number;
  readonly clear: number;
  readonly review: number;
  readonly violation: number;
  readonly unscanned: number;
}

export interface AutomationCountDto {
  readonly auto_cleared: number;
  readonly automatic_violations: number;
  readonly human_decisions: number;
  readonly escalations: number;
  readonly rate: number | null;
}

export interface AppealCountDto {
  readonly filed: number;
  readonly upheld: number;
  readonly overturned: number;
  readonly withdrawn: number;
  readonly pending: number;
}

export interface CommissionLineDto {
  readonly status: string;
  readonly currency: string;
  readonly count: number;
  readonly commission_minor: number;
  readonly sale_minor: number;
}

export interface OperationsBucketDto {
  readonly start: string;
  readonly messages: VerdictCountDto;
  readonly automation: AutomationCountDto;
  readonly cases_opened: Tally;
  readonly cases_closed: Tally;
  readonly notices: Tally;
  readonly appeals: AppealCountDto;
  readonly commission_orders: Tally;
}

export interface OperationsDto {
  readonly from: string;
  readonly to: string;
  readonly bucket: 'day' | 'week';
  readonly generated_at: string;
  readonly buckets: readonly OperationsBucketDto[];
  readonly totals: {
    readonly messages: VerdictCountDto;
    readonly automation: AutomationCountDto;
    readonly cases_opened: Tally;
    readonly cases_closed: Tally;
    readonly notices: readonly { readonly kind: string; readonly step: number | null; readonly count: number }[];
    readonly appeals: AppealCountDto;
    readonly commission_orders: readonly CommissionLineDto[];
  };
  readonly now: {
    readonly open_cases: Tally;
    readonly open_investigations: number;
    readonly high_score_investigations: number;
    readonly outstanding_orders: readonly CommissionLineDto[];
    readonly emails: Tally;
  };
}

/** The period the dashboard shows: the last 30 days by day, or the last 90 by week (UTC days, today included). */
export function periodOf(days: 30 | 90, today = new Date()): { from: string; to: string; bucket: 'day' | 'week' } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to, bucket: days === 30 ? 'day' : 'week' };
}

export function useOperations(days: 30 | 90) {
  const period = periodOf(days);
  return useQuery({
    queryKey: ['operations', period],
    refetchInterval: 60_000,
    queryFn: ({ signal }) => api.get<OperationsDto>('/v1/analytics/operations', { query: period, signal }),
  });
}

/** "28 Oct" for a bucket's first day (UTC). */
export function bucketLabel(start: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${start}T00:00:00Z`));
}

/* ---------- Off-platform risk against peers (/v1/analytics/off-platform/sellers/:id) ---------- */

export interface MetricDto {
  readonly rate: number;
  readonly percentile: number;
  readonly z: number;
}

export interface SellerRiskDto {
  readonly seller_id: string;
  readonly rank: number;
  readonly name: string | null;
  readonly country: string | null;
  readonly category: string | null;
  readonly peer_group: { readonly level: string; readonly size: number };
  readonly conversations: number;
  readonly converted: number;
  readonly contact_conversations: number;
  readonly vanished_listings: number;
  readonly conversion: MetricDto;
  readonly contact_share: MetricDto;
  readonly vanished_rate: MetricDto;
  readonly risk_score: number;
  readonly candidate: boolean;
}

export interface RiskRefreshDto {
  readonly refreshed_at: string;
  readonly window_from: string;
  readonly window_to: string;
  readonly window_days: number;
  readonly sellers: number;
}

export interface SellerRiskReportDto {
  readonly refresh: RiskRefreshDto | null;
  readonly seller: SellerRiskDto;
}

/** A seller's place in the last off-platform report, or why it has none. */
export type SellerRiskState =
  | { readonly kind: 'scored'; readonly report: SellerRiskReportDto }
  /** The report exists but does not hold the seller: no conversation in its window. */
  | { readonly kind: 'absent'; readonly refresh: RiskRefreshDto }
  /** Nobody has refreshed the report yet. */
  | { readonly kind: 'never' };

/**
 * A seller's off-platform risk from the last report. A 404 is an answer here, not a failure: the
 * first page of the ranking then tells whether a report exists at all.
 */
export function useSellerRisk(sellerId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['seller-risk', sellerId],
    enabled: enabled && sellerId !== undefined,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<SellerRiskState> => {
      try {
        return { kind: 'scored', report: await api.get<SellerRiskReportDto>(`/v1/analytics/off-platform/sellers/${encodeURIComponent(sellerId!)}`, { signal }) };
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 404) throw e;
        const first = await api.get<{ refresh: RiskRefreshDto | null }>('/v1/analytics/off-platform/sellers', { query: { limit: 1 }, signal });
        return first.refresh === null ? { kind: 'never' } : { kind: 'absent', refresh: first.refresh };
      }
    },
  });
}

/** The fewest conversations from which a seller's rates say something (below it, the panel says so). */
export const MIN_CONVERSATIONS = 10;

export const PEER_LEVEL_LABEL: Record<string, string> = {
  category_country: 'same category and country',
  category: 'same category, all countries',
  all: 'all sellers',
};

/** Risk in words, from the score (standard deviations above the peers). */
export function riskLevel(s: Pick<SellerRiskDto, 'risk_score' | 'candidate' | 'conversations'>): { label: string; tone: 'danger' | 'warning' | 'success' | 'neutral' } {
  if (s.candidate) return { label: 'High: listings vanished after contact', tone: 'danger' };
  if (s.conversations < MIN_CONVERSATIONS) return { label: 'Too little data', tone: 'neutral' };
  if (s.risk_score >= 0.5) return { label: 'Elevated', tone: 'warning' };
  if (s.risk_score <= -0.5) return { label: 'Below peers', tone: 'success' };
  return { label: 'In line with peers', tone: 'neutral' };
}
