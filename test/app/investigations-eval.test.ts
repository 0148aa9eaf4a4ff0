import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateInvestigationsOnDemo, formatInvestigationEval, type InvestigationEval } from '../../src/app/investigations-eval';
import { createTestApp, type TestApp } from '../helpers/app';

/*
 * The investigation score on the demo's ground truth: planted off-platform sales must be found and
 * the decoys (contact after an order, sold to another buyer, silent then delisted, negotiated orders…)
 * must mostly stay closed. The demo generator shares no code or phrases with detection or here.
 */
let t: TestApp;
let result: InvestigationEval;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  result = await evaluateInvestigationsOnDemo(t.app.services, { seed: 20261101, scale: 0.04 });
  console.log(formatInvestigationEval(result).join('\n'));
}, 240_000);
afterAll(async () => {
  await t.close();
});

describe('the investigation score on the demo data', () => {
  it('has planted sales to find', () => {
    expect(result.planted).toBeGreaterThanOrEqual(5);
  });

  it('finds at least 80% of the planted off-platform sales', () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('opens at least 80% of its investigations on planted sales, and few on decoys', () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.decoysOpened).toBeLessThanOrEqual(Math.ceil(result.opened * 0.2));
  });
});
