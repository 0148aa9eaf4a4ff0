import type { CliBackend, IngestKindName } from './backend';
import { addOutcome, emptyTally, sendBatch, type Tally } from './batch.sender';

/** The demo data set as the marketplace would send it (src/demo's `generateDemo` result). */
export interface DemoSets {
  /** Earlier versions of sellers (posted first, so commission-rate history builds up by `updated_at`). */
  readonly sellerRevisions?: readonly unknown[];
  readonly sellers: readonly unknown[];
  readonly buyers: readonly unknown[];
  readonly listings: readonly unknown[];
  readonly messages: readonly unknown[];
  readonly events: readonly unknown[];
}

export interface DemoLoadResult {
  readonly tallies: Record<IngestKindName, Tally>;
  /** A few refusals, to show when the generator and the validation disagree. */
  readonly problems: readonly string[];
  readonly seconds: number;
}

export interface DemoLoadOptions {
  readonly batchSize: number;
  /** Batches in flight. */
  readonly concurrency?: number;
  /** Called after each batch with the items sent so far and the total. */
  readonly onProgress?: (done: number, total: number, kind: IngestKindName) => void;
}

/**
 * Loads the demo data in dependency order (sellers, buyers, listings, then messages and events) in
 * batches. Ingest is idempotent, so loading the same seed twice stores nothing new.
 */
export async function loadDemo(target: Pick<CliBackend, 'ingestBatch'>, data: DemoSets, opts: DemoLoadOptions): Promise<DemoLoadResult> {
  const started = Date.now();
  const steps: [IngestKindName, readonly unknown[]][] = [
    ['sellers', data.sellerRevisions ?? []],
    ['sellers', data.sellers],
    ['buyers', data.buyers],
    ['listings', data.listings],
    ['messages', data.messages],
    ['events', data.events],
  ];
  const total = steps.reduce((n, [, items]) => n + items.length, 0);
  const tallies = { messages: emptyTally(), events: emptyTally(), sellers: emptyTally(), buyers: emptyTally(), listings: emptyTally() };
  const problems: string[] = [];
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  let done = 0;
  for (const [kind, items] of steps) {
    // Records of one kind wait for the previous kind: listings name sellers, messages name listings.
    for (let start = 0; start < items.length; start += opts.batchSize * concurrency) {
      const slices: Promise<void>[] = [];
      for (let k = 0; k < concurrency; k++) {
        const from = start + k * opts.batchSize;
        if (from >= items.length) break;
        const slice = items.slice(from, from + opts.batchSize);
        slices.push(
          sendBatch(target, kind, slice).then((outcomes) => {
            outcomes.forEach((o, i) => {
              addOutcome(tallies[kind], o.status);
              if ((o.status === 'rejected' || o.status === 'conflict') && problems.length < 10) {
                const e = o.errors?.[0];
                problems.push(`${kind} #${from + i}${o.id === undefined ? '' : ` (${o.id})`}: ${o.status}${e === undefined ? '' : ` — ${e.field} ${e.reason}`}`);
              }
            });
            done += slice.length;
          }),
        );
      }
      await Promise.all(slices);
      opts.onProgress?.(done, total, kind);
    }
  }
  return { tallies, problems, seconds: (Date.now() - started) / 1000 };
}
