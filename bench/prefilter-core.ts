/**
 * npm run bench:prefilter-core [-- --scale 1.7 --rounds 7]
 *
 * Would a compiled engine read messages much faster than this one? The core loop of the detection
 * prefilter (lower-case, split into words, count digits, '@' and '.', look words up in a hash table:
 * bench/prefilter-core.c says what it leaves out) written three times — in TypeScript (`coreScan`
 * below), in C compiled to WebAssembly (clang --target=wasm32 -O3) and in C compiled to a native
 * program (cc -O3 -march=native) — and run over the messages of `npm run bench:detect`; beside them,
 * in the same process as the TypeScript and WebAssembly loops, the engine's prefilter (`analyzeText`,
 * which does more than the loop) and the engine's whole scan, whose share the prefilter is. Rounds alternate between the in-process loops; medians in ns per UTF-16 unit,
 * each message's copy into the loop's buffer included. The three loops must give the same totals
 * (digits, '@', '.', words, words found, flags), or the bench fails.
 *
 * Needs clang and lld for WebAssembly and cc for the native program (Debian: apt-get install clang
 * lld); a form whose compiler is missing is skipped with a line that says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConversationScanner, defaultCompiledRuleSet } from '../src/detection';
import { analyzeText, SignalStore } from '../src/detection/analyze';
import { NUMBER_WORDS } from '../src/detection/normalize';
import { buildDetectCorpus } from './detect-corpus';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = arg('scale', 1.7);
const ROUNDS = arg('rounds', 7);

const { inputs } = buildDetectCorpus(SCALE);
const texts = inputs.map((m) => m.text);
const units = texts.reduce((n, t) => n + t.length, 0);
const longest = texts.reduce((n, t) => Math.max(n, t.length), 0);
// the C's buffer (BUF_UNITS in prefilter-core.c)
if (longest + 2 > 1 << 21) throw new Error(`a message of ${longest} units is longer than the C loop's buffer`);
console.log(`corpus: ${texts.length.toLocaleString('en')} messages, ${units.toLocaleString('en')} UTF-16 units (the messages of bench:detect at scale ${SCALE})`);

// ---- the word table: the rule set's words, its phrase rules' trigger words and the number words ----
const rs = defaultCompiledRuleSet();
const words = [...new Set([...rs.words.keys(), ...rs.triggers.keys(), ...NUMBER_WORDS.keys()])].filter((w) => /^[a-z]+$/.test(w));
let slotCount = 16;
while (slotCount < words.length * 4) slotCount *= 2;
const slotMask = slotCount - 1;
const slots = new Int32Array(slotCount);
const offsets = new Int32Array(words.length + 1);
const wordFlags = new Int32Array(words.length);
const chars = new Uint8Array(words.reduce((n, w) => n + w.length, 0));
const shapes = new Int32Array(26 * 27);
{
  let o = 0;
  words.forEach((w, k) => {
    offsets[k] = o;
    let h = 0x811c9dc5 | 0;
    for (let j = 0; j < w.length; j++) {
      const c = w.charCodeAt(j);
      chars[o++] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    let slot = (h ^ (h >>> 15)) & slotMask;
    while (slots[slot] !== 0) slot = (slot + 1) & slotMask;
    slots[slot] = k + 1;
    wordFlags[k] = 1 << k % 31;
    if (w.length < 32) shapes[(w.charCodeAt(0) - 97) * 27 + (w.length > 1 ? w.charCodeAt(1) - 97 : 26)]! |= 1 << w.length;
  });
  offsets[words.length] = o;
}
console.log(`word table: ${words.length.toLocaleString('en')} words in ${slotCount.toLocaleString('en')} slots`);

// ---- the loop in TypeScript ----
const buf = new Uint16Array(longest + 2);
const bufBytes = Buffer.from(buf.buffer);
const pairs = new Int32Array(buf.buffer, 0, buf.length >>> 1);
const LOWER = new Uint16Array(128);
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
  CLASS[c] = c >= 97 && c <= 122 ? 1 : c >= 48 && c <= 57 ? 2 : 0;
}
const tsTotals = new Int32Array(6);

/** bench/prefilter-core.c's `scan`, line for line. */
function coreScan(n: number): number {
  const half = n >>> 1;
  for (let p = 0; p < half; p++) {
    const w = pairs[p]!;
    if ((w & ~0x007f007f) === 0) {
      const capitals = (w + 0x003f003f) & ~(w + 0x00250025) & 0x00800080;
      pairs[p] = w | (capitals >>> 2);
    } else {
      const a = buf[2 * p]!;
      const b = buf[2 * p + 1]!;
      if (a < 128) buf[2 * p] = LOWER[a]!;
      if (b < 128) buf[2 * p + 1] = LOWER[b]!;
    }
  }
  if ((n & 1) === 1) {
    const a = buf[n - 1]!;
    if (a < 128) buf[n - 1] = LOWER[a]!;
  }
  let digits = 0;
  let at = 0;
  let dots = 0;
  let wordCount = 0;
  let found = 0;
  let flags = 0;
  let i = 0;
  while (i < n) {
    const c = buf[i]!;
    if (c >= 128 || CLASS[c] === 0) {
      if (c === 64) at++;
      else if (c === 46) dots++;
      i++;
      continue;
    }
    const start = i;
    let tokenDigits = 0;
    let h = 0x811c9dc5 | 0;
    for (; i < n; i++) {
      const d = buf[i]!;
      if (d >= 97 && d <= 122) {
        h = Math.imul(h ^ d, 0x01000193);
        continue;
      }
      if (d >= 48 && d <= 57) {
        tokenDigits++;
        h = Math.imul(h ^ d, 0x01000193);
      } else break;
    }
    const len = i - start;
    digits += tokenDigits;
    wordCount++;
    if (tokenDigits !== 0 || len >= 32) continue;
    const c0 = buf[start]!;
    const c1 = len > 1 ? buf[start + 1]! : 0;
    if ((shapes[(c0 - 97) * 27 + (c1 >= 97 && c1 <= 122 ? c1 - 97 : 26)]! & (1 << len)) === 0) continue;
    for (let slot = (h ^ (h >>> 15)) & slotMask; ; slot = (slot + 1) & slotMask) {
      const k = slots[slot]! - 1;
      if (k < 0) break;
      const o = offsets[k]!;
      if (offsets[k + 1]! - o !== len) continue;
      let j = 0;
      while (j < len && chars[o + j] === buf[start + j]) j++;
      if (j === len) {
        found++;
        flags |= wordFlags[k]!;
        break;
      }
    }
  }
  tsTotals[0]! += digits;
  tsTotals[1]! += at;
  tsTotals[2]! += dots;
  tsTotals[3]! += wordCount;
  tsTotals[4]! += found;
  tsTotals[5]! ^= flags;
  return flags;
}

const runTs = (): void => {
  tsTotals.fill(0);
  for (const t of texts) {
    bufBytes.write(t, 0, 'utf16le');
    coreScan(t.length);
  }
};

const store = new SignalStore();
const runPrefilter = (): void => {
  for (const t of texts) analyzeText(rs, t, store);
};
/** The whole scan, as bench:detect runs it. */
const runScan = (): void => {
  const scanner = createConversationScanner(rs, Number.POSITIVE_INFINITY);
  for (const m of inputs) scanner.scan(m);
};

// ---- the C: WebAssembly and native ----
const source = fileURLToPath(new URL('./prefilter-core.c', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-prefilter-core-'));
const compile = (cmd: string, args: string[]): string | undefined => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    return err.code === 'ENOENT' ? `${cmd} not found` : (err.stderr?.toString().trim().split('\n')[0] ?? err.message);
  }
};

/** The WebAssembly API of Node, which the project's TypeScript libraries (ES2023, no DOM) do not declare. */
const Wasm = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: Record<string, unknown> } } }).WebAssembly;
let wasm: { run: () => void; totals: () => Int32Array } | undefined;
const wasmFile = join(dir, 'core.wasm');
const wasmError = compile('clang', ['--target=wasm32', '-O3', '-nostdlib', '-Wl,--no-entry', '-o', wasmFile, source]);
if (wasmError === undefined) {
  const exported = new Wasm.Instance(new Wasm.Module(readFileSync(wasmFile)), {}).exports;
  const fn = (name: string): ((...a: number[]) => number) => exported[name] as (...a: number[]) => number;
  const mem = (exported.memory as { buffer: ArrayBuffer }).buffer;
  new Int32Array(mem, fn('slotTable')(), slotCount).set(slots);
  new Int32Array(mem, fn('offsetTable')(), offsets.length).set(offsets);
  new Int32Array(mem, fn('flagTable')(), wordFlags.length).set(wordFlags);
  new Uint8Array(mem, fn('charTable')(), chars.length).set(chars);
  new Int32Array(mem, fn('shapeTable')(), shapes.length).set(shapes);
  const wasmBytes = Buffer.from(mem, fn('buffer')(), 2 * (longest + 2));
  const scan = fn('scan');
  const init = fn('init');
  wasm = {
    run: () => {
      init(slotMask);
      for (const t of texts) {
        wasmBytes.write(t, 0, 'utf16le');
        scan(t.length);
      }
    },
    totals: () => new Int32Array(mem, fn('totalTable')(), 6).slice(),
  };
}

// ---- measure the in-process loops, alternating ----
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (run: () => void): number => {
  const s = performance.now();
  run();
  return performance.now() - s;
};
const SCAN = 'the whole scan (every detector, conversation context)';
const PREFILTER = "the engine's prefilter (analyzeText)";
const loops: [string, () => void][] = [
  [SCAN, runScan],
  [PREFILTER, runPrefilter],
  ['the core loop in TypeScript', runTs],
  ...(wasm === undefined ? [] : [['the core loop in C, WebAssembly (clang -O3)', wasm.run] as [string, () => void]]),
];
for (const [, run] of loops) run();
const ms = new Map<string, number[]>(loops.map(([name]) => [name, []]));
for (let r = 0; r < ROUNDS; r++) for (const [name, run] of loops) ms.get(name)!.push(time(run));
const perUnit = (m: number): number => (m * 1e6) / units;

// ---- the native program, on the same messages ----
let native: { rounds: number[]; totals: number[] } | undefined;
const nativeFile = join(dir, 'core');
const nativeError = compile('cc', ['-O3', '-march=native', '-DNATIVE_MAIN', '-o', nativeFile, source]);
if (nativeError === undefined) {
  const parts: Buffer[] = [];
  for (const t of texts) {
    const n = Buffer.alloc(4);
    n.writeInt32LE(t.length);
    parts.push(n, Buffer.from(t, 'utf16le'));
  }
  writeFileSync(join(dir, 'corpus.bin'), Buffer.concat(parts));
  const header = Buffer.alloc(12);
  header.writeInt32LE(slotCount, 0);
  header.writeInt32LE(words.length, 4);
  header.writeInt32LE(chars.length, 8);
  const bytesOf = (a: Int32Array | Uint8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  writeFileSync(join(dir, 'lexicon.bin'), Buffer.concat([header, bytesOf(slots), bytesOf(offsets), bytesOf(wordFlags), bytesOf(shapes), bytesOf(chars)]));
  const out = execFileSync(nativeFile, [join(dir, 'corpus.bin'), join(dir, 'lexicon.bin'), String(ROUNDS)], { encoding: 'utf8' });
  const lines = out.trim().split('\n');
  native = {
    rounds: lines.filter((l) => l.startsWith('round ')).map((l) => Number(l.split(' ')[1])),
    totals: lines.find((l) => l.startsWith('totals '))!.split(' ').slice(1).map(Number),
  };
}
rmSync(dir, { recursive: true, force: true });

// ---- report ----
const tsMedian = median(ms.get('the core loop in TypeScript')!);
const row = (name: string, rounds: number[]): void => {
  const m = median(rounds);
  const against = name.startsWith('the core loop') ? `   ${(tsMedian / m).toFixed(2).padStart(5)}× the TypeScript loop's speed` : '';
  console.log(`  ${name.padEnd(56)} ${perUnit(m).toFixed(2).padStart(6)} ns/unit${against}`);
};
console.log(`\nmedian of ${ROUNDS} rounds, each message's copy into the loop's buffer included:`);
for (const [name] of loops) row(name, ms.get(name)!);
if (native !== undefined) row('the core loop in C, native (cc -O3 -march=native)', native.rounds);
if (wasmError !== undefined) console.log(`  WebAssembly: skipped (${wasmError}; Debian: apt-get install clang lld)`);
if (nativeError !== undefined) console.log(`  native: skipped (${nativeError})`);
console.log(`the prefilter is ${((100 * median(ms.get(PREFILTER)!)) / median(ms.get(SCAN)!)).toFixed(0)}% of the whole scan's time`);

// the three loops must have read the same thing
const expected = [...tsTotals];
const same = (name: string, got: ArrayLike<number>): void => {
  if (Array.from(got).join() !== expected.join()) {
    console.error(`${name} totals ${Array.from(got).join(' ')} differ from TypeScript's ${expected.join(' ')}`);
    process.exitCode = 1;
  }
};
if (wasm !== undefined) same('WebAssembly', wasm.totals());
if (native !== undefined) same('native', native.totals);
console.log(`\ntotals (digits, '@', '.', words, words found, flags): ${expected.join(' ')}${process.exitCode === 1 ? '' : ' — the same in every form run'}`);
