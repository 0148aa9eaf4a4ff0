import { SYSTEM_ACTOR } from '../db';
import { systemCaller } from '../cases';
import { loadDemo } from '../cli';
import { measureOnTruth, type TruthMeasure } from '../investigations';
import type { Services } from './services';

/** Reads investigations as the system (an evaluation is no user's request). */
const SYSTEM_READER = { kind: 'token' as const, id: 'system', role: 'admin' as const, vendorOrgId: undefined, name: 'assay' };

export interface InvestigationEval extends TruthMeasure {
  readonly seed: number;
  readonly scale: number;
  readonly conversations: number;
  readonly scanned: number;
  readonly loadSeconds: number;
  readonly scanSeconds: number;
}

/**
 * Generates the demo data (src/demo, which knows nothing of investigations), loads it through
 * ingest (so the event hook scores as it would in production), runs a full scan, and measures the
 * opened investigations against the planted off-platform sales.
 */
export async function evaluateInvestigationsOnDemo(services: Services, opts: { seed: number; scale: number; batchSize?: number }): Promise<InvestigationEval> {
  const { generateDemo } = await import('../demo');
  const data = generateDemo({ seed: opts.seed, scale: opts.scale });
  const t0 = performance.now();
  await loadDemo({ ingestBatch: (kind, items) => services.marketplace.ingestBatch(SYSTEM_ACTOR, kind, items) }, data, { batchSize: opts.batchSize ?? 500 });
  const t1 = performance.now();
  const report = await services.investigations.scan(systemCaller('investigations-eval'));
  const t2 = performance.now();
  const opened: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.investigations.list(SYSTEM_READER, { limit: 200, cursor });
    opened.push(...page.items.map((i) => i.conversationId));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  const conversations = new Set(data.messages.map((m) => m.conversation_id)).size;
  return {
    seed: opts.seed,
    scale: opts.scale,
    conversations,
    scanned: report.scanned,
    loadSeconds: (t1 - t0) / 1000,
    scanSeconds: (t2 - t1) / 1000,
    ...measureOnTruth(opened, data.truth),
  };
}

export function formatInvestigationEval(e: InvestigationEval): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `demo seed ${e.seed}, scale ${e.scale}: ${e.conversations} conversations, ${e.scanned} with detection hits scored`,
    `planted off-platform sales: ${e.planted}; investigations opened: ${e.opened} (${e.decoysOpened} on decoys)`,
    `recall ${pct(e.recall)} (${e.truePositives}/${e.planted}), precision ${pct(e.precision)} (${e.truePositives}/${e.opened})`,
    `load ${e.loadSeconds.toFixed(1)} s, scan ${e.scanSeconds.toFixed(1)} s`,
  ];
}
