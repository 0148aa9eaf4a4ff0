import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createCliWorld, summaryOf, type CliWorld } from './helpers';

let w: CliWorld;
beforeAll(async () => {
  w = await createCliWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('assay seed --demo', () => {
  it('loads a deterministic demo data set through ingest, and loading the same seed again stores nothing new', async () => {
    const first = await w.run(['seed', '--demo', '--seed', '7', '--scale', '0.02']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^demo data \(seed 7, scale 0\.02\) loaded through .* in \d+\.\d s/);
    const messages = summaryOf(first.stdout, 'messages');
    expect(messages['stored']).toBeGreaterThan(500);
    expect(messages['rejected']).toBe(0);
    for (const kind of ['sellers', 'buyers', 'listings', 'events']) expect(summaryOf(first.stdout, kind)).toMatchObject({ rejected: 0 });
    expect(await countRows(w, 'messages')).toBe(messages['stored']);

    const again = await w.run(['seed', '--demo', '--seed', '7', '--scale', '0.02']);
    expect(again.code, again.stderr).toBe(0);
    for (const kind of ['sellers', 'buyers', 'listings', 'messages', 'events']) expect(summaryOf(again.stdout, kind)).toMatchObject({ stored: 0, rejected: 0 });
    expect(summaryOf(again.stdout, 'messages')['duplicate']).toBe(messages['stored']);
  });

  it('asks which data set to load when --demo is missing', async () => {
    const r = await w.run(['seed']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('assay: say which data set to load: assay seed --demo');
  });
});
