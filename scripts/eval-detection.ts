/**
 * Prints precision and recall per kind × language for labelled JSONL cases.
 * Usage: npx tsx scripts/eval-detection.ts [FILE...] [--errors N]
 * Without files: corpus/dev.jsonl, corpus/test.jsonl and, when present, ../shared/corpora/*.jsonl.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConversationScanner, defaultCompiledRuleSet, evaluate, type EvalCell, type EvalReport } from '../src/detection';
import { mapSourceCase, sourceReasons, type MappedCase } from '../src/detection/eval-sources';

const args = process.argv.slice(2);
const errIdx = args.indexOf('--errors');
const showErrors = errIdx >= 0 ? Number(args[errIdx + 1] ?? 20) : 0;
const files = args.filter((a, i) => !a.startsWith('--') && (errIdx < 0 || i !== errIdx + 1));
if (files.length === 0) {
  files.push('corpus/dev.jsonl', 'corpus/test.jsonl');
  const shared = join('..', 'shared', 'corpora');
  if (existsSync(shared)) for (const f of readdirSync(shared).sort()) if (f.endsWith('.jsonl')) files.push(join(shared, f));
}

const rs = defaultCompiledRuleSet();
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const row = (name: string, c: EvalCell): string => `${name.padEnd(16)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}  ${pct(c.precision)}  ${pct(c.recall)}`;

function report(title: string, cases: MappedCase[], r: EvalReport): void {
  console.log(`\n## ${title} — ${cases.length} cases, rule set ${rs.version}`);
  console.log(`${'kind|lang'.padEnd(16)}    tp    fp    fn  prec%  rec%`);
  for (const [k, c] of r.cells) console.log(row(k, c));
  console.log('-'.repeat(50));
  for (const [k, c] of r.byKind) console.log(row(k, c));
  console.log(row('OVERALL', r.overall));
  console.log(row('messages', r.messages));
  for (const e of r.errors.slice(0, showErrors)) {
    const c = cases.find((x) => x.id === e.id)!;
    console.log(`  ✗ ${e.id} ${JSON.stringify(c.text).slice(0, 160)}\n     missed ${JSON.stringify(e.missed.map((m) => `${m.kind}:${m.value}`))} extra ${JSON.stringify(e.extra.map((x) => `${x.kind}:${x.value}:${x.rule}`))}`);
  }
}

let bytes = 0;
const t0 = performance.now();
for (const file of files) {
  const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => mapSourceCase(JSON.parse(l) as Record<string, unknown>));
  const scanner = createConversationScanner(rs);
  const results = cases.map((c) => {
    bytes += c.text.length;
    return scanner.scan(c);
  });
  report(file, cases, evaluate(cases, results));
}
console.log(`\nscanned ${(bytes / 1e6).toFixed(2)} MB in ${(performance.now() - t0).toFixed(0)} ms`);
console.log('\nsource label mappings:');
for (const [s, why] of Object.entries(sourceReasons())) console.log(`- ${s}: ${why}`);
