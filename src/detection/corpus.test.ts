import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../kernel';
import { createConversationScanner, defaultCompiledRuleSet, evaluate } from './index';
import { mapSourceCase } from './eval-sources';

/**
 * Quality floors on the frozen test split (corpus/SPLIT.md). The floors are what the engine
 * measured when they were set, rounded down — not targets. Raise them when the figures improve.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEST = join(ROOT, 'corpus', 'test.jsonl');

describe.runIf(existsSync(TEST))('frozen test split', () => {
  const body = readFileSync(TEST, 'utf8');
  const cases = body.split('\n').filter((l) => l.trim() !== '').map((l) => mapSourceCase(JSON.parse(l) as Record<string, unknown>));
  const scanner = createConversationScanner(defaultCompiledRuleSet());
  const report = evaluate(cases, cases.map((c) => scanner.scan(c)));

  it('is the split recorded in corpus/SPLIT.md', () => {
    const split = readFileSync(join(ROOT, 'corpus', 'SPLIT.md'), 'utf8');
    expect(split).toContain(sha256Hex(body));
    expect(cases.length).toBeGreaterThanOrEqual(1000);
  });
  it('keeps overall precision ≥ 0.98 and recall ≥ 0.98', () => {
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.98);
  });
  it('flags violating messages and leaves compliant ones alone (message level ≥ 0.99)', () => {
    expect(report.messages.precision).toBeGreaterThanOrEqual(0.99);
    expect(report.messages.recall).toBeGreaterThanOrEqual(0.99);
  });
  it.each(['phone', 'email', 'url', 'handle', 'iban', 'card', 'crypto', 'payment', 'intent'] as const)('%s keeps precision and recall ≥ 0.9', (kind) => {
    const c = report.byKind.get(kind)!;
    expect(c.precision).toBeGreaterThanOrEqual(0.9);
    expect(c.recall).toBeGreaterThanOrEqual(0.9);
  });
});
