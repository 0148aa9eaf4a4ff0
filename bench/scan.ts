/**
 * Detection engine throughput on 2 KB chat messages, with a trivial regex pass measured in the same
 * run as the baseline. Run: npx tsx bench/scan.ts
 * Messages are built from the corpus (corpus/dev.jsonl): clean ones from its negatives (prices,
 * dimensions, references, tracking numbers…), dirty ones with one labelled attempt inside.
 */
import { readFileSync } from 'node:fs';
import { defaultCompiledRuleSet, scanMessage, type ScanInput } from '../src/detection';

interface Row {
  text: string;
  lang: string;
  expect: unknown[];
}
const rows = readFileSync(new URL('../corpus/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Row);
const negatives = rows.filter((r) => r.expect.length === 0);
const positives = rows.filter((r) => r.expect.length > 0);

let k = 0;
function pad(lang: string, start: string, size = 2048): string {
  let s = start;
  const pool = negatives.filter((r) => r.lang === lang);
  while (s.length < size) s += ' ' + pool[k++ % pool.length]!.text;
  return s.slice(0, size);
}
const LANGS = ['en', 'fr', 'it', 'de', 'es', 'nl'];
const clean: ScanInput[] = Array.from({ length: 3000 }, (_, i) => ({ id: `c${i}`, lang: LANGS[i % 6]!, text: pad(LANGS[i % 6]!, '') }));
const dirty: ScanInput[] = Array.from({ length: 600 }, (_, i) => {
  const p = positives[(i * 7) % positives.length]!;
  return { id: `d${i}`, lang: p.lang, text: pad(p.lang, p.text) };
});

const rs = defaultCompiledRuleSet();
const BASELINE = /\d[\d\s().-]{6,}\d|@|https?:\/\/|www\./;

function measure(name: string, inputs: ScanInput[], fn: (m: ScanInput) => unknown, rounds = 3): { perSec: number; p50: number; p99: number } {
  for (const m of inputs.slice(0, 200)) fn(m); // warm-up
  const lat: number[] = [];
  let bytes = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const m of inputs) {
      const s = performance.now();
      fn(m);
      lat.push(performance.now() - s);
      bytes += m.text.length;
    }
  }
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
  const res = { perSec: (rounds * inputs.length) / secs, p50: q(0.5) * 1000, p99: q(0.99) * 1000 };
  console.log(
    `${name.padEnd(34)} ${Math.round(res.perSec).toString().padStart(8)} msg/s  ${(bytes / 1e6 / secs).toFixed(1).padStart(6)} MB/s  p50 ${res.p50.toFixed(1).padStart(6)} µs  p99 ${res.p99.toFixed(1).padStart(7)} µs`,
  );
  return res;
}

console.log(`rule set ${rs.version}; ${clean.length} clean + ${dirty.length} dirty messages of 2 KB (mixed en/fr/it/de/es/nl), single thread`);
const base = measure('baseline: one regex test', clean, (m) => BASELINE.test(m.text));
const c = measure('engine: clean messages', clean, (m) => scanMessage(rs, m));
const d = measure('engine: messages with an attempt', dirty, (m) => scanMessage(rs, m));
const mixed = [...clean.slice(0, 1900), ...dirty.slice(0, 100)];
const mx = measure('engine: mix (5% attempts)', mixed, (m) => scanMessage(rs, m));
console.log(`engine/baseline time per clean message: ${(base.perSec / c.perSec).toFixed(1)}× slower than one regex test`);
void d;
void mx;

const megabyte = (chunk: string): string => chunk.repeat(Math.ceil(1_000_000 / chunk.length));
const chunk = '0-1-2-3 (((( @@@@ .... a@b.c.d.e 1.2.3.4 ' + '9'.repeat(40) + ' [at] (dot) zero un deux ';
const t0 = performance.now();
scanMessage(rs, { id: 'adv', text: megabyte(chunk) });
console.log(`adversarial 1 MB message (digit runs, separators, brackets, '@' and dots): ${(performance.now() - t0).toFixed(0)} ms`);
// one megabyte of each thing a detector works on, to show that none of them turns quadratic
const shapes: Record<string, string> = {
  'separated digits': '1 ',
  'scheme after scheme': 'http://',
  'spelled addresses': 'name at gmail dot com ',
  'IBAN starts': 'FR76 ',
  'host names': 'ab.cd.',
  'number words': 'zero un deux trois ',
  "o/l for digits": 'O6l2 ',
  'emoji and digits': '\u{1F600}1',
  "'@' and dots": '@.',
  'nested brackets': '(['.repeat(8) + ')]'.repeat(8),
};
let worst = 0;
let worstName = '';
for (const [name, c] of Object.entries(shapes)) {
  const text = megabyte(c);
  const s = performance.now();
  scanMessage(rs, { id: 'adv', text });
  const ms = performance.now() - s;
  if (ms > worst) [worst, worstName] = [ms, name];
}
console.log(`worst of ${Object.keys(shapes).length} other 1 MB shapes: ${worst.toFixed(0)} ms (${worstName})`);
