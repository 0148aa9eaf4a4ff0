/**
 * `assay eval` with the repo's default files: corpus/dev.jsonl, corpus/test.jsonl and, when present,
 * ../shared/corpora/*.jsonl. Usage: npx tsx scripts/eval-detection.ts [FILE...] [--errors N] [--cells]
 * (the command itself: `npm run assay -- eval FILE... [--demo]`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCompiledRuleSet } from '../src/detection';
import { evaluateCases, formatFileEval, mappingsUsed } from '../src/cli/eval.command';

const args = process.argv.slice(2);
const errIdx = args.indexOf('--errors');
const errors = errIdx >= 0 ? Number(args[errIdx + 1] ?? 20) : 0;
const files = args.filter((a, i) => !a.startsWith('--') && (errIdx < 0 || i !== errIdx + 1));
if (files.length === 0) {
  files.push('corpus/dev.jsonl', 'corpus/test.jsonl');
  const shared = join('..', 'shared', 'corpora');
  if (existsSync(shared)) for (const f of readdirSync(shared).sort()) if (f.endsWith('.jsonl')) files.push(join(shared, f));
}

const rs = defaultCompiledRuleSet();
const t0 = performance.now();
const evals = files.map((file) => evaluateCases(file, readFileSync(file, 'utf8'), rs));
const ms = performance.now() - t0;
for (const e of evals) console.log(`${formatFileEval(e, rs, { errors, cells: args.includes('--cells') }).join('\n')}\n`);
console.log(`scanned ${(evals.reduce((n, e) => n + e.bytes, 0) / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms`);
console.log('\nlabel mappings applied:');
for (const m of mappingsUsed(evals)) console.log(m);
