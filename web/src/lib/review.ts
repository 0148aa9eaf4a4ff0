import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { ClauseDto, LeaseDto, ReviewQueueLineDto } from '../types';

/** What detection found, as a reviewer names it; the colour class is `hit-<kind>` (see styles.css). */
export const HIT_KINDS: readonly { kind: string; label: string }[] = [
  { kind: 'phone', label: 'Phone number' },
  { kind: 'email', label: 'Email address' },
  { kind: 'url', label: 'Link' },
  { kind: 'handle', label: 'Social handle' },
  { kind: 'iban', label: 'Bank account' },
  { kind: 'card', label: 'Card number' },
  { kind: 'crypto', label: 'Crypto wallet' },
  { kind: 'payment', label: 'Payment off-platform' },
  { kind: 'intent', label: 'Off-platform intent' },
];

export function hitLabel(kind: string): string {
  return HIT_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** The no-violation reason codes the API accepts, in the order a reviewer meets them. */
export const NO_VIOLATION_REASONS: readonly { code: string; label: string; hint: string }[] = [
  { code: 'false_positive', label: 'False positive', hint: 'Detection matched something that is not a contact detail or an off-platform attempt.' },
  { code: 'allowed_after_order', label: 'Allowed after an order', hint: 'Contact details shared for delivery once an order exists (TP-3).' },
  { code: 'marketplace_business_info', label: 'Marketplace business information', hint: 'Opening hours, showroom address or other business facts the policy allows.' },
  { code: 'not_contact_detail', label: 'Not a contact detail', hint: 'A number or word that only looks like one: a dimension, a price, a reference.' },
  { code: 'other', label: 'Other', hint: 'Explain in the note.' },
];

export function reasonLabel(code: string | null): string {
  if (code === null) return '—';
  return NO_VIOLATION_REASONS.find((r) => r.code === code)?.label ?? code;
}

export const DECISION_LABEL: Record<string, string> = { violation: 'Violation', no_violation: 'No violation', escalate: 'Escalated' };

/** The enforcement ladder of DOMAIN §5.4, for showing where a seller stands. */
export const LADDER: readonly string[] = ['Education', 'Formal warning', 'Restriction', 'Temporary suspension', 'Termination'];

/**
 * Leases the reviewer holds, by case id. Kept in sessionStorage so a reload of the review screen
 * keeps working the case; the server remains the judge (a stale token is refused with 409).
 */
const LEASES_KEY = 'assay.review.leases';
const FILTER_KEY = 'assay.review.filter';

type LeaseMap = Record<string, LeaseDto>;

function readLeases(): LeaseMap {
  try {
    return JSON.parse(sessionStorage.getItem(LEASES_KEY) ?? '{}') as LeaseMap;
  } catch {
    return {};
  }
}

export const leases = {
  get(caseId: string): LeaseDto | undefined {
    return readLeases()[caseId];
  },
  put(lease: LeaseDto): void {
    const all = readLeases();
    all[lease.case_id] = lease;
    sessionStorage.setItem(LEASES_KEY, JSON.stringify(all));
  },
  drop(caseId: string): void {
    const all = readLeases();
    delete all[caseId];
    sessionStorage.setItem(LEASES_KEY, JSON.stringify(all));
  },
};

/** The queue and language the reviewer chose with "Start reviewing"; the next claim keeps to them. */
export interface ReviewFilter {
  readonly queue?: string | undefined;
  readonly lang?: string | undefined;
}

export const reviewFilter = {
  get(): ReviewFilter {
    try {
      return JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as ReviewFilter;
    } catch {
      return {};
    }
  },
  set(f: ReviewFilter): void {
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(f));
  },
};

/** Claims the next case (highest priority, then oldest) within the filter and remembers its lease. */
export async function claimNext(filter: ReviewFilter): Promise<LeaseDto> {
  const body: Record<string, string> = {};
  if (filter.queue !== undefined) body['queue'] = filter.queue;
  if (filter.lang !== undefined) body['lang'] = filter.lang;
  const lease = await api.post<LeaseDto>('/v1/review/claims', body);
  leases.put(lease);
  return lease;
}

export function useReviewQueues() {
  return useQuery({
    queryKey: ['review-queues'],
    queryFn: ({ signal }) => api.get<{ items: ReviewQueueLineDto[] }>('/v1/review/queues', { signal }),
    select: (d) => d.items,
    refetchInterval: 30_000,
  });
}

/** A clause by id, cached for the session (clauses are versioned; the one in force is what a picker cites). */
export function useClause(clauseId: string | undefined) {
  return useQuery({
    queryKey: ['policy-clause', clauseId],
    enabled: clauseId !== undefined && clauseId !== '',
    queryFn: ({ signal }) => api.get<ClauseDto>(`/v1/policy-clauses/${encodeURIComponent(clauseId!)}`, { signal }),
    staleTime: 10 * 60_000,
  });
}

const LANG_NAMES = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return undefined;
  }
})();

/** `fr` → "French"; `und` (no language known) → "Unknown language". */
export function languageName(code: string): string {
  if (code === 'und' || code === '') return 'Unknown language';
  try {
    return LANG_NAMES?.of(code) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** A message after a decision, shown once on the next screen. */
let flash: string | null = null;
export function setFlash(message: string): void {
  flash = message;
}
export function takeFlash(): string | null {
  const f = flash;
  flash = null;
  return f;
}
