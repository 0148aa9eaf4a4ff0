import type { Signal } from './signals';
import type { CommissionStatus } from './commission.machine';

export const ARTEFACT_TYPES = ['seller_admission', 'buyer_confirmation', 'invoice', 'payment_proof', 'shipment_record'] as const;
/** The hard artefacts that may confirm an off-platform sale (DOMAIN §5.3). */
export type ArtefactType = (typeof ARTEFACT_TYPES)[number];

export const DISMISS_REASONS = ['no_sale_evidence', 'sold_through_checkout', 'sold_to_someone_else', 'contact_after_order', 'legitimate_disclosure', 'buyer_not_a_lead', 'duplicate', 'other'] as const;
/** Why an investigation found no off-platform sale; counted per signal to tune the weights. */
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const PRICE_SOURCES = ['admission', 'invoice', 'listing_price'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

export interface Investigation {
  readonly caseId: string;
  readonly conversationId: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly listingId: string | undefined;
  readonly open: boolean;
  readonly score: number;
  readonly signals: readonly Signal[];
  readonly firstContactAt: Date | undefined;
  readonly outcome: 'confirmed' | 'dismissed' | undefined;
  readonly dismissReason: DismissReason | undefined;
  readonly openedAt: Date;
  readonly scoredAt: Date;
}

/** An investigation as lists show it: with its seller's name and its listing's title, when known. */
export interface InvestigationListItem extends Investigation {
  readonly sellerName: string | undefined;
  readonly listingTitle: string | undefined;
}

export interface Artefact {
  readonly evidenceId: string;
  readonly caseId: string;
  readonly type: ArtefactType;
  readonly declaredBy: { readonly type: string; readonly id: string };
  readonly at: Date;
}

export interface CommissionOrder {
  readonly id: string;
  readonly caseId: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly listingId: string | undefined;
  readonly conversationId: string;
  readonly leadFirstSeenAt: Date;
  readonly saleDate: Date | undefined;
  readonly priceMinor: number;
  readonly currency: string;
  readonly priceSource: PriceSource;
  readonly tier: string;
  readonly rateBps: number;
  readonly commissionMinor: number;
  readonly status: CommissionStatus;
  readonly dueAt: Date;
  readonly violationId: string | undefined;
  readonly noticeEmailId: string | undefined;
  readonly cancelReason: string | undefined;
  readonly issuedBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const DISPUTE_OUTCOMES = ['upheld', 'adjusted', 'cancelled'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export interface CommissionDispute {
  readonly caseId: string;
  readonly commissionOrderId: string;
  readonly reason: string;
  readonly filedBy: { readonly type: string; readonly id: string };
  readonly filedAt: Date;
  readonly outcome: DisputeOutcome | undefined;
  readonly decidedBy: string | undefined;
  readonly decidedAt: Date | undefined;
  readonly previousCommissionMinor: number | undefined;
}

/** One entry of the merged evidence timeline of an investigation. */
export type EvidenceItem =
  | { readonly kind: 'message'; readonly at: Date; readonly id: string; readonly senderRole: string; readonly body: string; readonly hits: readonly { kind: string; value: string; rule: string; start: number; end: number }[]; readonly verdict: string | undefined }
  | { readonly kind: 'detection'; readonly at: Date; readonly messageId: string; readonly hitKind: string; readonly value: string; readonly rule: string }
  | { readonly kind: 'listing_event'; readonly at: Date; readonly id: string; readonly type: string; readonly status: string | undefined; readonly priceMinor: number | undefined; readonly currency: string | undefined }
  | { readonly kind: 'order'; readonly at: Date; readonly id: string; readonly buyerId: string; readonly listingId: string; readonly status: string; readonly amountMinor: number; readonly currency: string; readonly betweenParties: boolean }
  | { readonly kind: 'signal'; readonly at: Date; readonly name: string; readonly weight: number; readonly strength: number; readonly contribution: number; readonly explanation: string }
  | { readonly kind: 'case'; readonly at: Date; readonly entryKind: string; readonly actor: { type: string; id: string }; readonly data: Record<string, unknown> };

export interface InvestigationView {
  readonly investigation: Investigation;
  readonly caseStatus: string;
  readonly listing: { id: string; title: string | undefined; priceMinor: number | undefined; currency: string | undefined; status: string } | undefined;
  readonly artefacts: readonly Artefact[];
  readonly commissionOrder: CommissionOrder | undefined;
  readonly timeline: readonly EvidenceItem[];
}
