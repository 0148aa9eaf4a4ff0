import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, countRows, createCliWorld, summaryOf, waitForOutput, wireMessage, writeJsonl, type CliWorld } from './helpers';

let w: CliWorld;
beforeAll(async () => {
  w = await createCliWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('an interrupted import', () => {
  it('finishes the batch in flight on SIGINT, exits non-zero, and a re-run ends with exactly the distinct rows', async () => {
    const file = join(w.dir, 'big-messages.jsonl');
    const distinct = 24_000;
    // every tenth line repeats an earlier message
    const lines = Array.from({ length: distinct }, (_, i) => wireMessage(100_000 + i));
    for (let i = 0; i < distinct; i += 10) lines.splice(i + 5, 0, wireMessage(100_000 + i));
    writeJsonl(file, lines);
    const before = await countRows(w, 'messages');

    const child = w.spawn(['import', file, '--batch-size', '250']);
    const done = collect(child);
    await waitForOutput(child.stderr!, (t) => /import messages: \d+%/.test(t));
    child.kill('SIGINT');
    const first = await done;
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/interrupted \(SIGINT\) after line \d+; every batch sent was committed/);
    const s1 = summaryOf(first.stdout, 'messages');
    expect(s1['stored']).toBeGreaterThan(0);
    expect(s1['stored']).toBeLessThan(distinct);
    expect(await countRows(w, 'messages')).toBe(before + s1['stored']!);

    const second = await w.run(['import', file]);
    expect(second.code).toBe(0);
    const s2 = summaryOf(second.stdout, 'messages');
    expect(s2['stored']! + s1['stored']!).toBe(distinct);
    expect(s2['duplicate']).toBe(lines.length - s2['stored']!);
    expect(await countRows(w, 'messages')).toBe(before + distinct);
  });
});
