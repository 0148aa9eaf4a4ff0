import type { Config } from '../config';
import { SYSTEM_ACTOR } from '../db';
import { formatTally, loadDemo } from '../cli';
import type { Services } from './services';

/** Reads the marketplace as the system (the seed check is no user's request). */
const SYSTEM_READER = { kind: 'token' as const, id: 'system', role: 'admin' as const, vendorOrgId: undefined, name: 'assay' };

/**
 * Loads the demo data set on first start (`npm start` with ASSAY_DEMO=true): only when the
 * marketplace has no sellers yet, so a restart or a database with real data is left alone.
 */
export async function seedDemoIfEmpty(services: Services, config: Config, say: (line: string) => void): Promise<void> {
  const existing = await services.marketplace.listSellers(SYSTEM_READER, { limit: 1 });
  if (existing.items.length > 0) return;
  const t0 = Date.now();
  const { generateDemo, demoShiftMs, shiftDemo } = await import('../demo'); // loaded only on a first start
  // The demo's frame ends at a fixed date; moved by whole weeks to end just before today, its recent
  // conversations are recent (not `historical`) and fill the review queues as live traffic would.
  const data = shiftDemo(generateDemo({ seed: config.demoSeed }), demoShiftMs(services.clock.now()));
  say(`assay: loading demo data (seed ${config.demoSeed}): ${data.sellers.length} sellers, ${data.listings.length} listings, ${data.messages.length} messages, ${data.events.length} events…`);
  let lastSaid = Date.now();
  const result = await loadDemo({ ingestBatch: (kind, items) => services.marketplace.ingestBatch(SYSTEM_ACTOR, kind, items) }, data, {
    batchSize: config.batchMaxItems,
    onProgress: (done, total) => {
      if (Date.now() - lastSaid < 5000) return;
      lastSaid = Date.now();
      say(`assay: demo data ${Math.floor((done / total) * 100)}%`);
    },
  });
  say(`assay: demo data loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s (messages: ${formatTally(result.tallies.messages)})`);
  for (const p of result.problems) say(`assay: demo item refused: ${p}`);
}
