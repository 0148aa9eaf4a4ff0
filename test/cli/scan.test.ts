import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ROOT } from './helpers';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-scan-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/assay.mjs scan …` with no database around: the scan needs none. */
function assay(args: readonly string[], stdin?: string): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/assay.mjs'), ...args], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, NODE_ENV: 'test', DATA_DIR: join(dir, 'data'), ASSAY_DEMO: 'false', LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const lines = (s: string): Record<string, unknown>[] =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const messages = [
  { id: 'm1', text: 'Bonjour, la commode Louis XV est-elle disponible ? 82 x 45 x 30 cm, prix 3.200,00 €', lang: 'fr' },
  { id: 'm2', text: 'Appelez-moi au zéro six douze trente-quatre cinquante-six soixante-dix-huit', lang: 'fr', country: 'FR' },
  { id: 'm3', text: 'my number is 06 12 34', conversation: 'c9', sender: 'seller_1' },
  { id: 'm4', text: '56 78 thanks', conversation: 'c9', sender: 'seller_1' },
  { id: 'm5', text: 'mail me: anna [at] gmail (dot) com, we can skip the fees' },
];

describe('assay scan', () => {
  it('writes one result line per input line, in order, an error line for a bad one, and exits 0', async () => {
    const file = join(dir, 'chat.jsonl');
    writeFileSync(file, [JSON.stringify(messages[0]), 'this is not JSON {', JSON.stringify({ id: 'no-text' }), '', ...messages.slice(1).map((m) => JSON.stringify(m))].join('\n') + '\n');
    const r = await assay(['scan', file, '--country', 'FR']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o['id'])).toEqual(['m1', null, 'no-text', 'm2', 'm3', 'm4', 'm5']);
    expect(out[0]).toMatchObject({ verdict: 'clear', score: 0, hits: [] });
    expect(out[1]).toEqual({ id: null, error: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(out[2]).toEqual({ id: 'no-text', error: expect.stringMatching(/^line 3: text/) });
    expect(out[3]).toMatchObject({ verdict: 'violation', hits: expect.arrayContaining([expect.objectContaining({ kind: 'phone', normalized: '+33612345678' })]) });
    // the second half of a number split over two messages of one sender, found with the earlier line's context
    expect((out[5]!['hits'] as { rule: string }[]).map((h) => h.rule)).toContain('phone.split_messages');
    expect((out[6]!['hits'] as { kind: string }[]).map((h) => h.kind)).toEqual(expect.arrayContaining(['email', 'intent']));
    expect(r.stderr).toContain('scanned 7 lines');
  });

  it('reads standard input for -, and adds the masked text with --redact', async () => {
    const r = await assay(['scan', '-', '--redact'], `${JSON.stringify(messages[4])}\n`);
    expect(r.code).toBe(0);
    const [o] = lines(r.stdout);
    expect(o!['redacted']).toMatch(/\[email\]/);
    expect(o!['redacted']).not.toContain('gmail');
  });

  it('exits non-zero only for unusable input: a missing file, a file that is not JSONL, a bad option', async () => {
    const missing = await assay(['scan', join(dir, 'nope.jsonl')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read/);
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, 'id,text\n1,hello\n');
    expect((await assay(['scan', csv])).code).not.toBe(0);
    expect((await assay(['scan', '--country', 'France'], '')).code).toBe(2);
    // every line bad but the input is JSONL: the errors are the answer, the exit code is 0
    expect((await assay(['scan', '-'], '{"id":"x"}\n[1,2]\n')).code).toBe(0);
  });

  it('scans with a rule set file given with --rules, and refuses an invalid one naming the JSON path', async () => {
    const rules = JSON.parse(readFileSync(join(ROOT, 'src/detection/rules/default.rules.json'), 'utf8')) as Record<string, unknown>;
    (rules.thresholds as Record<string, number>).violation = 0.99;
    (rules.thresholds as Record<string, number>).review = 0.98;
    writeFileSync(join(dir, 'strict.json'), JSON.stringify(rules));
    const r = await assay(['scan', '-', '--rules', 'strict.json'], `${JSON.stringify({ id: 'p', text: 'call me on +44 7911 123456' })}\n`);
    expect(lines(r.stdout)[0]).toMatchObject({ verdict: 'clear' });
    (rules.rules as Array<Record<string, unknown>>)[0]!.patterns = ['(a+)+'];
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(rules));
    const bad = await assay(['scan', '-', '--rules', 'broken.json'], '');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('/rules/0/patterns/0');
  });
});

describe('the scan contract holds across the CLI and the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('assay scan and POST /v1/scan give the same result for the same input', async () => {
    const file = join(dir, 'same.jsonl');
    writeFileSync(file, messages.map((m) => JSON.stringify(m)).join('\n'));
    const cli = lines((await assay(['scan', file, '--redact'])).stdout);
    const api = (await t.as('integration', { method: 'POST', url: '/v1/scan', payload: { items: messages, redact: true } })).json() as { results: unknown[] };
    expect(api.results).toEqual(cli);
  });
});
