/**
 * The chat corpus of `npm run bench:detect` (and of `bench:prefilter-core`, which reads the same
 * messages): the demo data's conversations (src/demo, six languages, with their planted attempts),
 * about 5% of its messages with an off-platform attempt from the repo corpus appended (so true hits
 * are ≥ 5%), and every case of corpus/dev.jsonl and corpus/test.jsonl as a message of its own.
 */
import { readFileSync } from 'node:fs';
import type { ScanInput } from '../src/detection';
import { generateDemo } from '../src/demo';
import { demoScanInputs } from '../src/cli/demo-eval';

interface CorpusRow {
  id: string;
  text: string;
  lang?: string;
  country?: string;
  expect: unknown[];
}

export interface DetectCorpus {
  /** In the order ingest would meet them: conversation by conversation. */
  inputs: ScanInput[];
  /** Ids of the messages that carry an attempt. */
  truth: Set<string>;
  /** Seconds it took to build. */
  buildSeconds: number;
}

export function buildDetectCorpus(scale: number): DetectCorpus {
  const t0 = performance.now();
  const corpus: CorpusRow[] = ['dev', 'test'].flatMap((f) =>
    readFileSync(new URL(`../corpus/${f}.jsonl`, import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CorpusRow),
  );
  const positives = corpus.filter((r) => r.expect.length > 0);
  // only the messages and the planted ids are kept: the rest of the demo data (listings, orders,
  // events: hundreds of MB) would only make every garbage collection of the measured runs longer
  const { planted, conversational } = ((): { planted: Set<string>; conversational: ScanInput[] } => {
    const demo = generateDemo({ seed: 42, scale });
    return { planted: new Set(demo.truth.offPlatformAttempts.flatMap((a) => a.message_ids)), conversational: demoScanInputs(demo) };
  })();
  const truth = new Set<string>(planted);
  // a deterministic ~5.5% of the other messages get an attempt from the corpus appended, in their own language when there is one
  let k = 0;
  const byLang = new Map<string, CorpusRow[]>();
  for (const p of positives) byLang.set(p.lang ?? 'en', [...(byLang.get(p.lang ?? 'en') ?? []), p]);
  const inputs: ScanInput[] = conversational.map((m, i) => {
    if (planted.has(m.id) || i % 18 !== 7) return m;
    const pool = byLang.get(m.lang ?? 'en') ?? positives;
    const p = pool[k++ % pool.length]!;
    truth.add(m.id);
    return { ...m, text: `${m.text} ${p.text}` };
  });
  for (const r of corpus) {
    inputs.push({ id: `corpus:${r.id}`, text: r.text, ...(r.lang === undefined ? {} : { lang: r.lang }), ...(r.country === undefined ? {} : { country: r.country }) });
    if (r.expect.length > 0) truth.add(`corpus:${r.id}`);
  }
  return { inputs, truth, buildSeconds: (performance.now() - t0) / 1000 };
}
