import { AppError } from '../kernel/errors';
import type { BatchItemView, CliBackend, IngestKindName } from './backend';

/** One item's outcome, aligned with the items sent (index = position in the array given). */
export type ItemOutcome = Omit<BatchItemView, 'index'>;

/**
 * Sends items as one batch and returns one outcome per item, in order. A batch the server finds too
 * large (413: long messages can exceed the body limit before the item limit) is split in halves and
 * sent again; a single item that is still too large is reported as rejected, not thrown.
 */
export async function sendBatch(backend: Pick<CliBackend, 'ingestBatch'>, kind: IngestKindName, items: readonly unknown[]): Promise<ItemOutcome[]> {
  if (items.length === 0) return [];
  try {
    const report = await backend.ingestBatch(kind, items);
    const out: ItemOutcome[] = items.map(() => ({ status: 'rejected', errors: [{ field: '', reason: 'no result from the server for this item' }] }));
    for (const r of report.items) {
      if (r.index >= 0 && r.index < out.length) out[r.index] = { id: r.id, status: r.status, ...(r.errors === undefined ? {} : { errors: r.errors }) };
    }
    return out;
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'payload_too_large') throw e;
    if (items.length === 1) return [{ status: 'rejected', errors: [{ field: '', reason: `is larger than the server accepts in one request (${e.message})` }] }];
    const half = Math.ceil(items.length / 2);
    return [...(await sendBatch(backend, kind, items.slice(0, half))), ...(await sendBatch(backend, kind, items.slice(half)))];
  }
}

/** Counts of a run, by outcome. */
export interface Tally {
  stored: number;
  duplicate: number;
  updated: number;
  stale: number;
  conflict: number;
  rejected: number;
}

export function emptyTally(): Tally {
  return { stored: 0, duplicate: 0, updated: 0, stale: 0, conflict: 0, rejected: 0 };
}

export function addOutcome(t: Tally, status: BatchItemView['status']): void {
  t[status === 'duplicate' ? 'duplicate' : status] += 1;
}

export function tallyTotal(t: Tally): number {
  return t.stored + t.duplicate + t.updated + t.stale + t.conflict + t.rejected;
}

/** `stored 10, duplicate 2, rejected 1` (+ updated, stale, conflict when not zero). */
export function formatTally(t: Tally): string {
  const parts = [`stored ${t.stored}`, `duplicate ${t.duplicate}`, `rejected ${t.rejected}`];
  if (t.updated > 0) parts.push(`updated ${t.updated}`);
  if (t.stale > 0) parts.push(`stale ${t.stale}`);
  if (t.conflict > 0) parts.push(`conflict ${t.conflict}`);
  return parts.join(', ');
}

/** A batch endpoint's field path (`/items/12/sent_at`) as a field of the record (`sent_at`); null for the whole record. */
export function recordField(path: string): string | null {
  const f = path.replace(/^\/items\/\d+\/?/, '');
  return f === '' ? null : f;
}
