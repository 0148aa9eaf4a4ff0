import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCompiledRuleSet, defaultRuleSet } from '../../src/detection';
import { generateDemo } from '../../src/demo';
import { evaluateDemo, formatDemoEval } from '../../src/cli/demo-eval';
import { ROOT } from './helpers';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-eval-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `node bin/assay.mjs eval …` with no database around. */
function assay(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/assay.mjs'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, NODE_ENV: 'test', DATA_DIR: join(dir, 'data'), ASSAY_DEMO: 'false', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The numbers of a printed row: `name tp fp fn prec% rec%`, in the section of `file`. */
function rowOf(stdout: string, file: string, name: string): { tp: number; fp: number; fn: number; precision: number; recall: number } {
  const section = stdout.split('\n## ').find((s) => s.startsWith(file) || s.startsWith(`## ${file}`));
  if (section === undefined) throw new Error(`no section for ${file} in:\n${stdout}`);
  const line = section.split('\n').find((l) => l.trim().startsWith(`${name} `));
  if (line === undefined) throw new Error(`no row ${name} in:\n${section}`);
  const [tp, fp, fn, p, r] = line.trim().split(/\s+/).slice(1).map(Number);
  return { tp: tp!, fp: fp!, fn: fn!, precision: p! / 100, recall: r! / 100 };
}

describe('assay eval FILE...', () => {
  it('prints recall and precision per kind, overall and per language on the repo corpus (frozen test split), at the targets', async () => {
    const r = await assay(['eval', 'corpus/test.jsonl']);
    expect(r.code, r.stderr).toBe(0);
    console.log(`[assay eval corpus/test.jsonl]\n${r.stdout}`);
    const overall = rowOf(r.stdout, 'corpus/test.jsonl', 'OVERALL');
    expect(overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['phone', 'email', 'url', 'handle', 'iban', 'card', 'crypto', 'payment', 'intent']) expect(rowOf(r.stdout, 'corpus/test.jsonl', kind).tp).toBeGreaterThan(0);
    for (const lang of ['en', 'fr', 'it', 'de', 'es', 'nl']) expect(rowOf(r.stdout, 'corpus/test.jsonl', lang).recall).toBeGreaterThanOrEqual(0.9);
  });

  it('honours scope: a finding of a kind outside the case\'s scope is not a false positive', async () => {
    const text = 'See https://example.org/shop or call +33 6 12 34 56 78';
    const file = join(dir, 'scope.jsonl');
    const phone = { kind: 'phone', value: '+33 6 12 34 56 78' };
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text, lang: 'en', expect: [phone], scope: ['phone'] }),
        JSON.stringify({ id: 'b', text, lang: 'en', expect: [phone], scope: ['phone', 'url'] }),
        'not a case',
      ].join('\n') + '\n',
    );
    const r = await assay(['eval', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(1 lines skipped: not a case)');
    expect(rowOf(r.stdout, file, 'phone')).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(rowOf(r.stdout, file, 'url')).toMatchObject({ tp: 0, fp: 1, fn: 0 });
  });

  it('maps a source\'s labels to Assay\'s definition and says why', async () => {
    const file = join(dir, 'sourced.jsonl');
    // Autolinker links a custom scheme; Assay reports web links only, so the case is out of url scope
    writeFileSync(file, `${JSON.stringify({ id: 'x', source: 'gregjacobs/Autolinker.js', text: 'open bugtracker://issue/12', expect: [{ kind: 'url', value: 'bugtracker://issue/12' }], scope: ['url'] })}\n`);
    const r = await assay(['eval', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(rowOf(r.stdout, file, 'OVERALL')).toMatchObject({ tp: 0, fp: 0, fn: 0 });
    expect(r.stdout).toMatch(/label mappings applied[^\n]*\n- url\.other_scheme \(gregjacobs\/Autolinker\.js: 1 case\): Assay reports what a browser opens as a web site/);
  });

  it('with --rules, warns of a hole in the rule set beside the figures it explains: the case its triggers cannot wake is missed', async () => {
    const rules = JSON.parse(JSON.stringify(defaultRuleSet)) as { rules: { id: string; triggers: string[] }[] };
    rules.rules.find((r) => r.id === 'payment.wire.fr')!.triggers = ['virement'];
    const ruleFile = join(dir, 'holes.json');
    writeFileSync(ruleFile, JSON.stringify(rules));
    const file = join(dir, 'wire.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'w', lang: 'fr', text: 'Je vous vire la somme demain matin.', expect: [{ kind: 'payment', value: 'je vous vire la somme' }] })}\n`);
    const r = await assay(['eval', file, '--rules', ruleFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: \S+holes\.json \/rules\/\d+\/patterns\/1 can match with none of the rule's trigger words, e\.g\. "virer l'argent"/m);
    expect(rowOf(r.stdout, file, 'OVERALL')).toMatchObject({ tp: 0, fn: 1 });
    // the checked-in rule set wakes it
    const fixed = await assay(['eval', file]);
    expect(fixed.stderr).toBe('');
    expect(rowOf(fixed.stdout, file, 'OVERALL')).toMatchObject({ tp: 1, fn: 0 });
  });

  it('refuses to run without files or --demo, and names a file it cannot read', async () => {
    expect((await assay(['eval'])).code).toBe(2);
    const missing = await assay(['eval', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.jsonl');
  });
});

describe('assay eval --demo', () => {
  it('finds the planted off-platform attempts of the demo data and leaves the other messages alone', () => {
    const report = evaluateDemo(generateDemo({ seed: 42, scale: 0.05 }), defaultCompiledRuleSet());
    console.log(`[demo eval, seed 42, scale 0.05]\n${formatDemoEval(report).join('\n')}`);
    expect(report.planted).toBeGreaterThan(40);
    // floors measured with rule set 2026.11.2 (57/58 messages, 48/48 attempts, 0 false positives); they only go up
    expect(report.found / report.planted).toBeGreaterThanOrEqual(0.98);
    expect(report.attemptsFound / report.attempts).toBeGreaterThanOrEqual(0.98);
    expect(report.falsePositives).toBeLessThanOrEqual(2);
  });

  it('is printed by the command', async () => {
    const r = await assay(['eval', '--demo', '--scale', '0.02', '--seed', '42']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/planted attempt messages found: \d+ of \d+/);
    expect(r.stdout).toMatch(/other messages flagged \(false positives\): \d+ of \d+/);
  });
});
