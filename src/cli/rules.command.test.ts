import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram, runProgram, type CliHost } from './program';
import { rulesCommand } from './rules.command';

const dir = mkdtempSync(join(tmpdir(), 'assay-rules-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEFAULT_RULES = new URL('../detection/rules/default.rules.json', import.meta.url).pathname;

/** Runs `assay ARGS` in this process (`rules check` opens no database) and returns what it printed. */
async function assay(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const unused = (): never => {
    throw new Error('rules check must not open the backend');
  };
  const host: CliHost = {
    version: 'test',
    openBackend: unused,
    serve: unused,
    migrate: unused,
    out: { write: (s: string) => ((stdout += s), true) } as NodeJS.WritableStream,
    err: { write: (s: string) => ((stderr += s), true) } as NodeJS.WritableStream,
  };
  const replay = () => Promise.reject(new Error('not in this test'));
  const code = await runProgram(buildProgram(host, [rulesCommand({ replay })]), args, host.err);
  return { code, stdout, stderr };
}

describe('assay rules check FILE', () => {
  it('reports the checked-in rule set valid, with its size and the holes it keeps on purpose', async () => {
    const r = await assay(['rules', 'check', DEFAULT_RULES]);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...warnings] = r.stdout.trim().split('\n');
    expect(head).toMatch(/: rule set \d{4}\.\d+\.\d+ is valid: \d+ phrase rules, \d+ patterns, \d+ trigger words; 4 warnings$/);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^warning: \/rules\/\d+\/patterns\/\d+ can match with none of the rule's trigger words, e\.g\. ".+": .*\(rule intent\.better_price\.en\)$/);
  });

  it('names a hole of a rule set under work; --strict fails on it with one line, --json gives the fields', async () => {
    const json = JSON.parse(readFileSync(DEFAULT_RULES, 'utf8')) as { version: string; rules: { id: string; triggers: string[]; patterns: string[] }[] };
    json.version = '2026.11.99';
    json.rules = [...json.rules, { ...json.rules.find((x) => x.id === 'intent.keep_out.en')!, id: 'intent.test.en', triggers: ['middleman'], patterns: ['cut (?:the )?(?:middleman|broker) out'] }];
    const file = join(dir, 'work.rules.json');
    writeFileSync(file, JSON.stringify(json));

    const r = await assay(['rules', 'check', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('rule set 2026.11.99 is valid');
    expect(r.stdout).toMatch(/^warning: \/rules\/\d+\/patterns\/0 can match with none of the rule's trigger words, e\.g\. "cut (?:the )?broker out".*\(rule intent\.test\.en\)$/m);

    const strict = await assay(['rules', 'check', file, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`assay: ${file}: 5 warnings (--strict)\n`);

    const asJson = await assay(['rules', 'check', file, '--json']);
    expect(asJson.code).toBe(0);
    const report = JSON.parse(asJson.stdout) as { version: string; warnings: { field: string; reason: string }[] };
    expect(report.version).toBe('2026.11.99');
    expect(report.warnings.map((w) => w.reason).filter((w) => w.includes('intent.test.en'))).toHaveLength(1);
  });

  it('refuses an invalid or unreadable file with one line and exit 2', async () => {
    const bad = join(dir, 'bad.rules.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(DEFAULT_RULES, 'utf8')), thresholds: { review: 2, violation: 0.8 } }));
    const invalid = await assay(['rules', 'check', bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toBe(`assay: the rule set ${bad} is not valid: /thresholds/review must be a number between 0 and 1\n`);
    const missing = await assay(['rules', 'check', join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^assay: cannot read the rule set .*none\.json: ENOENT[^\n]*\n$/);
  });
});
