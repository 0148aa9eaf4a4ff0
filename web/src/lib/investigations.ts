import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { SellerDetailDto } from '../types';

/* Off-platform sale investigations: the API's shapes, the words the console uses for its codes, and the amount preview. */

export interface SignalDto {
  readonly name: string;
  readonly weight: number;
  readonly strength: number;
  readonly contribution: number;
  readonly explanation: string;
  readonly message_ids: readonly string[];
  readonly event_ids: readonly string[];
}

export interface InvestigationDto {
  readonly case_id: string;
  readonly conversation_id: string;
  readonly seller_id: string;
  readonly buyer_id: string;
  readonly listing_id: string | null;
  readonly open: boolean;
  readonly score: number;
  readonly signals: readonly SignalDto[];
  readonly first_contact_at: string | null;
  readonly outcome: string | null;
  readonly dismiss_reason: string | null;
  readonly opened_at: string;
  readonly scored_at: string;
}

/** A row of the investigations list: the investigation with its seller's name and listing's title (null while unknown). */
export interface InvestigationListItemDto extends InvestigationDto {
  readonly seller_name: string | null;
  readonly listing_title: string | null;
}

export interface ArtefactDto {
  readonly evidence_id: string;
  readonly case_id: string;
  readonly type: string;
  readonly declared_by: { readonly type: string; readonly id: string };
  readonly at: string;
}

export interface CommissionOrderDto {
  readonly id: string;
  readonly case_id: string;
  readonly seller_id: string;
  readonly buyer_ref: string;
  readonly listing_id: string | null;
  readonly conversation_id: string;
  readonly lead_first_seen_at: string;
  readonly sale_date: string | null;
  readonly sale_price: { readonly amount_minor: number; readonly currency: string; readonly source: string };
  readonly tier: string;
  readonly commission_rate_bps: number;
  readonly commission: { readonly amount_minor: number; readonly currency: string };
  readonly status: string;
  readonly due_at: string;
  readonly violation_id: string | null;
  readonly notice_email_id: string | null;
  readonly cancel_reason: string | null;
  readonly issued_by: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface TimelineHitDto {
  readonly kind: string;
  readonly value: string;
  readonly rule: string;
  readonly start: number;
  readonly end: number;
}

export type TimelineItemDto =
  | { readonly kind: 'message'; readonly at: string; readonly id: string; readonly sender_role: string; readonly body: string; readonly verdict: string | null; readonly hits: readonly TimelineHitDto[] }
  | { readonly kind: 'detection'; readonly at: string; readonly message_id: string; readonly hit_kind: string; readonly value: string; readonly rule: string }
  | { readonly kind: 'listing_event'; readonly at: string; readonly id: string; readonly type: string; readonly status: string | null; readonly price_minor: number | null; readonly currency: string | null }
  | {
      readonly kind: 'order';
      readonly at: string;
      readonly id: string;
      readonly buyer_id: string;
      readonly listing_id: string;
      readonly status: string;
      readonly amount_minor: number;
      readonly currency: string;
      readonly between_parties: boolean;
    }
  | { readonly kind: 'signal'; readonly at: string; readonly name: string; readonly weight: number; readonly strength: number; readonly contribution: number; readonly explanation: string }
  | { readonly kind: 'case'; readonly at: string; readonly entry_kind: string; readonly actor: { readonly type: string; readonly id: string }; readonly data: unknown };

export interface InvestigationViewDto extends InvestigationDto {
  readonly case_status: string;
  readonly listing: { readonly id: string; readonly title: string | null; readonly price_minor: number | null; readonly currency: string | null; readonly status: string } | null;
  readonly artefacts: readonly ArtefactDto[];
  readonly commission_order: CommissionOrderDto | null;
  readonly timeline: readonly TimelineItemDto[];
}

export const ARTEFACT_TYPES: readonly { type: string; label: string; hint: string }[] = [
  { type: 'seller_admission', label: 'Seller admission', hint: 'The seller says the sale happened (message, email, call note)' },
  { type: 'buyer_confirmation', label: 'Buyer confirmation', hint: 'The buyer confirms they bought off the platform' },
  { type: 'invoice', label: 'Invoice', hint: "The seller's invoice or receipt for the item" },
  { type: 'payment_proof', label: 'Payment proof', hint: 'A bank transfer, card or wallet record of the payment' },
  { type: 'shipment_record', label: 'Shipment record', hint: 'A carrier label or tracking record for the item' },
];

export const DISMISS_REASONS: readonly { code: string; label: string }[] = [
  { code: 'no_sale_evidence', label: 'No evidence of a sale' },
  { code: 'sold_through_checkout', label: 'Sold through the checkout' },
  { code: 'sold_to_someone_else', label: 'Sold to someone else' },
  { code: 'contact_after_order', label: 'Contact came after an order' },
  { code: 'legitimate_disclosure', label: 'Legitimate disclosure (e.g. collection address)' },
  { code: 'buyer_not_a_lead', label: 'The buyer was not a lead' },
  { code: 'duplicate', label: 'Duplicate of another investigation' },
  { code: 'other', label: 'Other (explain in the note)' },
];

export const SIGNAL_LABEL: Record<string, string> = {
  contact_exchanged: 'Contact exchanged',
  listing_changed_after_contact: 'Listing changed after contact',
  buyer_silent: 'Buyer went silent',
  price_negotiated: 'Price negotiated',
  seller_history: "Seller's history",
  buyer_pattern: "Buyer's pattern",
  prior_purchases: 'Prior purchases',
};

export const PRICE_SOURCE_LABEL: Record<string, string> = { admission: "Seller's admission", invoice: 'Invoice', listing_price: 'Listing price' };

export const ORDER_STATUS_TONE: Record<string, 'neutral' | 'accent' | 'success' | 'warning' | 'danger'> = {
  issued: 'accent',
  disputed: 'warning',
  confirmed: 'accent',
  collected: 'success',
  cancelled: 'neutral',
  written_off: 'neutral',
};

export function artefactLabel(type: string): string {
  return ARTEFACT_TYPES.find((a) => a.type === type)?.label ?? type;
}

export function signalLabel(name: string): string {
  return SIGNAL_LABEL[name] ?? name.replace(/_/g, ' ');
}

export function dismissLabel(code: string | null): string {
  return DISMISS_REASONS.find((r) => r.code === code)?.label ?? (code ?? '');
}

/** The rate in force on a date: the latest history entry effective on or before it. */
export function rateAt(rates: SellerDetailDto['commission_rates'], at: string): { tier: string; rate_bps: number; effective_from: string } | undefined {
  const t = Date.parse(at);
  let best: { tier: string; rate_bps: number; effective_from: string } | undefined;
  for (const r of rates) if (Date.parse(r.effective_from) <= t && (best === undefined || Date.parse(r.effective_from) >= Date.parse(best.effective_from))) best = r;
  return best;
}

/** Commission in minor units, rounded half away from zero as the server does. */
export function commissionMinor(priceMinor: number, rateBps: number): number {
  const raw = (priceMinor * rateBps) / 10_000;
  return Math.sign(raw) * Math.round(Math.abs(raw));
}

/** When the lead was created: the conversation's first message, else the first contact the scorer saw, else the opening. */
export function leadAt(v: InvestigationViewDto): string {
  const first = v.timeline.find((e) => e.kind === 'message');
  return first?.at ?? v.first_contact_at ?? v.opened_at;
}

export function useSellerDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['seller-detail', id],
    enabled: id !== undefined,
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<SellerDetailDto>(`/v1/sellers/${encodeURIComponent(id!)}`, { signal }),
  });
}
