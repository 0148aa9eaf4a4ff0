/**
 * npm run bench:detect [-- --scale 1.7 --rounds 5] [--stages]
 *
 * Throughput of the detection engine on a ≥ 20 MB mixed, multilingual chat corpus, and in the same
 * run of a baseline that does much less — libphonenumber-js `findPhoneNumbersInText` (max metadata)
 * plus linkify-it `match` on every message — with the ratio; then the 1 MB adversarial messages.
 *
 * The corpus (bench/detect-corpus.ts): the demo data's conversations with their planted attempts,
 * ~5% of the other messages with an attempt from the repo corpus appended, and the repo corpus. The
 * engine scans it as ingest does: conversation by conversation, with sender, the parties' countries
 * and whether an order exists. MB are UTF-8 megabytes (10^6 bytes) of message text. One thread.
 *
 * `--stages` then prints where a pass's time goes: the messages sorted by how far the scan gets with
 * them, each kind scanned as a stream of its own (best of five), the cost of a message with no text,
 * and the time per call of each detector on the messages with a finding.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { LinkifyIt } from 'linkify-it';
import { createConversationScanner, defaultCompiledRuleSet, scanMessage, type ScanInput } from '../src/detection';
import { analyze, analyzeText, foldedUnits, SignalStore } from '../src/detection/analyze';
import { DETECTORS } from '../src/detection/detectors/registry';
import { phrasesMayMatch } from '../src/detection/detectors/phrases';
import { fold } from '../src/detection/normalize';
import { buildDetectCorpus } from './detect-corpus';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = arg('scale', 1.7);
const ROUNDS = arg('rounds', 5);

// ---- the corpus ----
const { inputs, truth, buildSeconds: genSeconds } = buildDetectCorpus(SCALE);

let bytes = 0;
let nonAscii = 0;
let digitHeavy = 0;
for (const m of inputs) {
  bytes += Buffer.byteLength(m.text);
  if (/[^\x00-\x7f]/.test(m.text)) nonAscii++;
  if (!truth.has(m.id)) {
    let digits = 0;
    for (let i = 0; i < m.text.length && digits < 4; i++) {
      const c = m.text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    if (digits >= 4) digitHeavy++;
  }
}
const share = (n: number): string => `${((100 * n) / inputs.length).toFixed(1)}%`;
const langs = new Map<string, number>();
for (const m of inputs) langs.set(m.lang ?? 'und', (langs.get(m.lang ?? 'und') ?? 0) + 1);
console.log(`corpus: ${inputs.length.toLocaleString('en')} messages, ${(bytes / 1e6).toFixed(1)} MB (UTF-8), built in ${genSeconds.toFixed(1)} s from the demo data (seed 42, scale ${SCALE}) and corpus/*.jsonl`);
console.log(`mix: ${share(nonAscii)} with non-ASCII text, ${share(truth.size)} with a true hit, ${share(digitHeavy)} digit-heavy negatives (≥ 4 digits: prices, dimensions, references, dates, tracking numbers)`);
console.log(`languages: ${[...langs].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${share(n)}`).join(', ')}`);

// ---- measure ----
// The machine may be shared: the process's CPU time is reported beside the wall clock (it moves
// less with the load of other processes).
interface Round {
  wall: number;
  cpu: number;
}
function timed(run: () => void): Round {
  const c = process.cpuUsage();
  const s = performance.now();
  run();
  const used = process.cpuUsage(c);
  return { wall: (performance.now() - s) / 1000, cpu: (used.user + used.system) / 1e6 };
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function report(name: string, rounds: Round[]): { mbs: number; cpuMbs: number } {
  const seconds = median(rounds.map((r) => r.wall));
  const cpu = median(rounds.map((r) => r.cpu));
  const res = { mbs: bytes / 1e6 / seconds, mps: inputs.length / seconds, cpuMbs: bytes / 1e6 / cpu };
  console.log(
    `${name.padEnd(58)} ${res.mbs.toFixed(1).padStart(6)} MB/s ${Math.round(res.mps).toLocaleString('en').padStart(9)} messages/s   (median of ${ROUNDS}: ${seconds.toFixed(2)} s; CPU time ${cpu.toFixed(2)} s = ${res.cpuMbs.toFixed(1)} MB/s)`,
  );
  return res;
}

const rs = defaultCompiledRuleSet();
const linkify = new LinkifyIt();
const LANG_COUNTRY: Record<string, CountryCode> = { en: 'GB', fr: 'FR', it: 'IT', de: 'DE', es: 'ES', nl: 'NL' };
const country = (m: ScanInput): CountryCode => (m.country ?? m.seller_country ?? LANG_COUNTRY[m.lang ?? 'en'] ?? 'GB') as CountryCode;

let found = 0;
let baselineFound = 0;

console.log(`\nrule set ${rs.version}, every detector on (phone, email, url, handle, iban, card, crypto, payment, intent), one thread:`);
const engineRun = (): void => {
  found = 0;
  // the scan of scanConversation, streamed: each result is counted and let go, as the baseline's
  // are, instead of a quarter of a million results kept alive for the garbage collector to walk
  const scanner = createConversationScanner(rs, Number.POSITIVE_INFINITY);
  for (const m of inputs) if (scanner.scan(m).hits.length > 0) found++;
};
const baselineRun = (): void => {
  baselineFound = 0;
  for (const m of inputs) {
    const phones = findPhoneNumbersInText(m.text, { defaultCountry: country(m) });
    const links = linkify.match(m.text);
    if (phones.length > 0 || (links !== null && links.length > 0)) baselineFound++;
  }
};
// one whole pass of each first, unmeasured: the rounds then measure steady throughput, not the JIT
// compiling the rarer paths (the engine's first pass took ~1.8× a later one)
const warm = { engine: timed(engineRun), baseline: timed(baselineRun) };
console.log(`warm-up pass (not counted): engine ${warm.engine.wall.toFixed(2)} s, baseline ${warm.baseline.wall.toFixed(2)} s`);
// the rounds alternate, the engine's then the baseline's: on a shared machine whose speed drifts
// during the run, the drift weighs on both alike instead of on whichever ran last
const engineRounds: Round[] = [];
const baselineRounds: Round[] = [];
for (let r = 0; r < ROUNDS; r++) {
  engineRounds.push(timed(engineRun));
  baselineRounds.push(timed(baselineRun));
}
const engine = report('Assay engine (conversation context, scoring)', engineRounds);
const baseline = report('baseline: libphonenumber-js findPhoneNumbersInText + linkify-it', baselineRounds);
const roundRatios = engineRounds.map((e, r) => baselineRounds[r]!.wall / e.wall).sort((a, b) => a - b);
console.log(
  `engine / baseline: ${(engine.mbs / baseline.mbs).toFixed(1)}× the baseline's throughput (by CPU time: ${(engine.cpuMbs / baseline.cpuMbs).toFixed(1)}×; round by round ${roundRatios[0]!.toFixed(1)}–${roundRatios[roundRatios.length - 1]!.toFixed(1)}×)`,
);
console.log(`messages with a finding: engine ${share(found)}, baseline ${share(baselineFound)} (true hits ${share(truth.size)})`);

// ---- worst case ----
const megabyte = (chunk: string): string => chunk.repeat(Math.ceil(1_000_000 / chunk.length)).slice(0, 1_000_000);
const adversarial = megabyte('0-1-2-3 (((( @@@@ .... a@b.c.d.e 1.2.3.4 ' + '9'.repeat(40) + ' [at] (dot) zero un deux ');
scanMessage(rs, { id: 'warm', text: adversarial.slice(0, 50_000) });
const advRounds: Round[] = [];
for (let r = 0; r < 3; r++) advRounds.push(timed(() => scanMessage(rs, { id: 'adv', text: adversarial })));
const worstAdv = advRounds.reduce((w, r) => (r.wall > w.wall ? r : w));
console.log(
  `\nadversarial 1 MB message (long digit runs, repeated separators, nested brackets, thousands of '@' and dots): ${(worstAdv.wall * 1000).toFixed(0)} ms (worst of 3, CPU time ${(worstAdv.cpu * 1000).toFixed(0)} ms; goal < 100 ms)`,
);
const shapes: Record<string, string> = {
  'separated digits': '1 ',
  'digit run': '9',
  'nested brackets': '(['.repeat(8) + ')]'.repeat(8),
  "'@' and dots": '@.',
  'repeated separators': '-. /',
  'spelled addresses': 'name at gmail dot com ',
  'number words': 'zero un deux trois ',
};
let worst = 0;
let worstName = '';
for (const [name, c] of Object.entries(shapes)) {
  const s = performance.now();
  scanMessage(rs, { id: 'adv', text: megabyte(c) });
  const ms = performance.now() - s;
  if (ms > worst) [worst, worstName] = [ms, name];
}
console.log(`worst of ${Object.keys(shapes).length} other 1 MB shapes: ${worst.toFixed(0)} ms (${worstName})`);
const sb = performance.now();
findPhoneNumbersInText(adversarial, { defaultCountry: 'GB' });
linkify.match(adversarial);
console.log(`baseline on the adversarial 1 MB message: ${(performance.now() - sb).toFixed(0)} ms`);

// ---- where the time goes ----
if (process.argv.includes('--stages')) {
  // how far the scan gets with each message, asked of the engine's own pieces
  const kinds = new Map<string, ScanInput[]>();
  const store = new SignalStore();
  const sorter = createConversationScanner(rs, Number.POSITIVE_INFINITY);
  for (const m of inputs) {
    const found = sorter.scan(m).hits.length > 0;
    let signals = analyzeText(rs, m.text, store);
    const slow = signals === undefined;
    let units: Uint16Array | string = foldedUnits(m.text) ?? '';
    if (signals === undefined) {
      units = fold(m.text).text;
      signals = analyze(rs, units, m.text, store);
    }
    const others = DETECTORS.some((d) => d.name !== 'phrases' && d.applies(signals));
    const woken = signals.phraseRules.size > 0;
    const kind = found
      ? 'with a finding'
      : slow
        ? 'nothing found, folded the slow way (a unit that folds to none or several)'
        : others
          ? 'nothing found, another detector ran'
          : !woken
            ? 'nothing to run'
            : phrasesMayMatch(rs, signals, units, m.text.length)
              ? 'nothing found, the phrase rules ran'
              : 'woken by a phrase rule, stopped by the pre-check';
    const list = kinds.get(kind);
    if (list === undefined) kinds.set(kind, [m]);
    else list.push(m);
  }
  const stream = (ms: readonly ScanInput[]): void => {
    const scanner = createConversationScanner(rs, Number.POSITIVE_INFINITY);
    for (const m of ms) scanner.scan(m);
  };
  const best = (ms: readonly ScanInput[]): number => {
    stream(ms);
    let b = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) b = Math.min(b, timed(() => stream(ms)).wall);
    return b;
  };
  const rows = [...kinds].map(([kind, ms]) => ({ kind, ms, seconds: best(ms), units: ms.reduce((n, m) => n + m.text.length, 0) }));
  const sum = rows.reduce((n, r) => n + r.seconds, 0);
  console.log('\nwhere a pass goes, each kind of message scanned as a stream of its own (best of 5; the conversations split across kinds):');
  for (const r of rows.sort((a, b) => b.seconds - a.seconds)) {
    console.log(
      `  ${r.kind.padEnd(74)} ${r.ms.length.toLocaleString('en').padStart(8)} messages ${(r.units / r.ms.length).toFixed(0).padStart(4)} units ${((r.seconds * 1e6) / r.ms.length).toFixed(2).padStart(6)} µs each ${((100 * r.seconds) / sum).toFixed(0).padStart(3)}%`,
    );
  }
  const bare = best(inputs.map((m) => ({ ...m, text: '' })));
  console.log(`  what a message costs whatever it holds (the same messages without text): ${((bare * 1e6) / inputs.length).toFixed(2)} µs each, ${((100 * bare) / sum).toFixed(0)}% of the sum`);
  // the detectors one by one on the messages with a finding (a timer around each call, ~0.1 µs included)
  const withFinding = kinds.get('with a finding') ?? [];
  const spent = new Map<string, { ns: bigint; calls: number }>();
  const saved = DETECTORS.map((d) => d.detect);
  DETECTORS.forEach((d, i) => {
    const own = saved[i]!;
    (d as { detect: typeof own }).detect = (state) => {
      const t = process.hrtime.bigint();
      own.call(d, state);
      const e = spent.get(d.name) ?? { ns: 0n, calls: 0 };
      e.ns += process.hrtime.bigint() - t;
      e.calls++;
      spent.set(d.name, e);
    };
  });
  try {
    stream(withFinding);
    spent.clear();
    for (let r = 0; r < 5; r++) stream(withFinding);
  } finally {
    DETECTORS.forEach((d, i) => ((d as { detect: (typeof saved)[number] }).detect = saved[i]!));
  }
  console.log(`the detectors on the ${withFinding.length.toLocaleString('en')} messages with a finding, per call (a timer around each, ~0.1 µs included):`);
  console.log(
    '  ' +
      [...spent]
        .sort((a, b) => Number(b[1].ns - a[1].ns))
        .map(([name, e]) => `${name} ${(Number(e.ns) / 1000 / e.calls).toFixed(1)} µs × ${Math.round(e.calls / 5).toLocaleString('en')}`)
        .join(', '),
  );
}
