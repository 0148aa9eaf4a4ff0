import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  createConversationScanner,
  defaultCompiledRuleSet,
  evaluate,
  labelMappings,
  mapSourceCase,
  ruleSetWarnings,
  type CompiledRuleSet,
  type EvalCell,
  type EvalReport,
  type MappedCase,
  type ScanResult,
} from '../detection';
import { CliError } from './backend';
import { readRuleSetFile } from './rule-file';
import { evaluateDemo, formatDemoEval, type DemoEvalData } from './demo-eval';
import type { CliHost, CommandInstaller } from './program';

/** One file of labelled cases, evaluated. */
export interface FileEval {
  readonly file: string;
  readonly cases: readonly MappedCase[];
  readonly results: readonly ScanResult[];
  readonly report: EvalReport;
  /** Lines that are not a case (not JSON, no id or text): skipped, counted. */
  readonly skipped: number;
  /** Per language, all kinds together. */
  readonly byLang: ReadonlyMap<string, EvalCell>;
  readonly bytes: number;
}

function cell(tp: number, fp: number, fn: number): EvalCell {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

function byLanguage(report: EvalReport): Map<string, EvalCell> {
  const sums = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const [key, c] of report.cells) {
    const lang = key.slice(key.indexOf('|') + 1);
    const s = sums.get(lang) ?? { tp: 0, fp: 0, fn: 0 };
    s.tp += c.tp;
    s.fp += c.fp;
    s.fn += c.fn;
    sums.set(lang, s);
  }
  return new Map([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([l, s]) => [l, cell(s.tp, s.fp, s.fn)]));
}

/**
 * Reads labelled JSONL cases (the format of shared/corpora/README.md: `{id, text, lang?, expect:
 * [{kind, value?, start?, end?}], scope: [kinds], source?, …}`), maps each source's labels to
 * Assay's definition (src/detection eval-sources.ts), scans them in order (a conversation's cases
 * with the context of the earlier ones) and scores the findings against the labels, honouring
 * `scope`.
 */
export function evaluateCases(file: string, text: string, rs: CompiledRuleSet): FileEval {
  const cases: MappedCase[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const o = raw as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || Array.isArray(o) || (typeof o['id'] !== 'string' && typeof o['id'] !== 'number') || typeof o['text'] !== 'string') {
      skipped++;
      continue;
    }
    cases.push(mapSourceCase(o, rs));
  }
  const scanner = createConversationScanner(rs);
  let bytes = 0;
  const results = cases.map((c) => {
    bytes += Buffer.byteLength(c.text);
    return scanner.scan(c);
  });
  const report = evaluate(cases, results);
  return { file, cases, results, report, skipped, byLang: byLanguage(report), bytes };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
const row = (name: string, c: EvalCell): string =>
  `${name.padEnd(18)} ${String(c.tp).padStart(6)} ${String(c.fp).padStart(6)} ${String(c.fn).padStart(6)} ${pct(c.precision)} ${pct(c.recall)}`;
const HEADER = `${''.padEnd(18)} ${'tp'.padStart(6)} ${'fp'.padStart(6)} ${'fn'.padStart(6)} ${'prec%'.padStart(6)} ${'rec%'.padStart(6)}`;

export interface EvalPrintOptions {
  /** Also print every kind × language cell. */
  readonly cells?: boolean;
  /** Print this many cases with an error (missed or extra finding). */
  readonly errors?: number;
}

/** One file's figures as lines: per kind, overall, message level, per language. */
export function formatFileEval(e: FileEval, rs: CompiledRuleSet, opts: EvalPrintOptions = {}): string[] {
  const r = e.report;
  const lines = [`## ${e.file} — ${e.cases.length} cases${e.skipped > 0 ? ` (${e.skipped} lines skipped: not a case)` : ''}, rule set ${rs.version}`, HEADER];
  for (const [kind, c] of [...r.byKind].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(kind, c));
  lines.push(row('OVERALL', r.overall));
  lines.push(row('messages', r.messages));
  const langs = [...e.byLang].filter(([l]) => l !== 'und');
  if (langs.length > 0) {
    lines.push('by language:');
    for (const [lang, c] of e.byLang) lines.push(row(`  ${lang}`, c));
  }
  if (opts.cells === true) {
    lines.push('by kind × language:');
    for (const [k, c] of r.cells) lines.push(row(`  ${k}`, c));
  }
  const byId = new Map(e.cases.map((c) => [c.id, c]));
  for (const x of r.errors.slice(0, opts.errors ?? 0)) {
    const c = byId.get(x.id);
    lines.push(`  ✗ ${x.id} ${JSON.stringify(c?.text ?? '').slice(0, 160)}`);
    lines.push(`      missed ${JSON.stringify(x.missed.map((m) => `${m.kind}:${m.value ?? `${m.start}-${m.end}`}`))} extra ${JSON.stringify(x.extra.map((m) => `${m.kind}:${m.value}:${m.rule}`))}`);
  }
  return lines;
}

/** The label mappings that changed cases of these files: id, how many cases per source, and the reason. */
export function mappingsUsed(evals: readonly FileEval[]): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const e of evals) {
    for (const c of e.cases) {
      for (const id of c.mapped ?? []) {
        const per = counts.get(id) ?? new Map<string, number>();
        per.set(c.source ?? '?', (per.get(c.source ?? '?') ?? 0) + 1);
        counts.set(id, per);
      }
    }
  }
  return labelMappings()
    .filter((m) => counts.has(m.id))
    .map((m) => {
      const per = [...counts.get(m.id)!].sort(([a], [b]) => a.localeCompare(b));
      return `- ${m.id} (${per.map(([s, n]) => `${s}: ${n} case${n === 1 ? '' : 's'}`).join(', ')}): ${m.reason}`;
    });
}

export interface EvalCommandDeps {
  /** The demo generator (src/demo), for `--demo`; deterministic for a seed. */
  readonly generateDemo: (opts: { seed: number; scale: number }) => DemoEvalData | Promise<DemoEvalData>;
  readonly defaultSeed: number;
}

/** `assay eval FILE... [--demo [--seed N] [--scale X]] [--rules FILE] [--cells] [--errors N]`: detection quality, in-process. */
export function evalCommand(deps: EvalCommandDeps): CommandInstaller {
  return (program: Command, host: CliHost) => {
    program
      .command('eval')
      .description('measure detection: recall and precision per kind, overall and per language on labelled JSONL cases (shared/corpora format), and/or on the demo data\'s planted attempts (no database needed)')
      .argument('[files...]', 'JSONL files of labelled cases')
      .option('--demo', 'also generate the demo data, scan every conversation and compare with its planted attempts')
      .option('--seed <n>', `demo generator seed (default ${deps.defaultSeed})`)
      .option('--scale <x>', 'demo size, a fraction of the full data set', '1')
      .option('--rules <file>', 'evaluate this rule set (JSON) instead of the checked-in one')
      .option('--cells', 'also print every kind × language cell')
      .option('--errors <n>', 'print this many cases with a miss or an extra finding, per file', '0')
      .action(async (files: string[], o: { demo?: boolean; seed?: string; scale: string; rules?: string; cells?: boolean; errors: string }) => {
        if (files.length === 0 && o.demo !== true) throw new CliError('name labelled JSONL files to evaluate (e.g. corpus/test.jsonl), or --demo', 2);
        const errors = Number(o.errors);
        if (!Number.isInteger(errors) || errors < 0) throw new CliError(`--errors must be a whole number, got '${o.errors}'`, 2);
        const rs = o.rules === undefined ? defaultCompiledRuleSet() : readRuleSetFile(o.rules);
        const print = (line: string) => host.out.write(`${line}\n`);
        // a rule set under test: its holes beside the figures they may explain (a rule missing a case)
        if (o.rules !== undefined) for (const w of ruleSetWarnings(rs)) host.err.write(`warning: ${o.rules} ${w.path} ${w.message}\n`);
        const evals: FileEval[] = [];
        for (const file of files) {
          let text: string;
          try {
            text = readFileSync(file, 'utf8');
          } catch (e) {
            throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
          }
          const e = evaluateCases(file, text, rs);
          if (e.cases.length === 0) throw new CliError(`${file} holds no labelled case ({"id","text","expect","scope"} per line)`);
          evals.push(e);
          for (const line of formatFileEval(e, rs, { cells: o.cells, errors })) print(line);
          print('');
        }
        if (evals.length > 1) {
          // ids are unique within a file only
          const all = evaluate(
            evals.flatMap((e, i) => e.cases.map((c) => ({ ...c, id: `${i}:${c.id}` }))),
            evals.flatMap((e, i) => e.results.map((r) => ({ ...r, id: `${i}:${r.id}` }))),
          );
          print(`## all ${evals.length} files — ${evals.reduce((n, e) => n + e.cases.length, 0)} cases`);
          print(HEADER);
          print(row('OVERALL', all.overall));
          print(row('messages', all.messages));
          print('');
        }
        const mappings = mappingsUsed(evals);
        if (mappings.length > 0) {
          print('label mappings applied (where a source\'s contract differs from Assay\'s definition; cases changed per source):');
          for (const m of mappings) print(m);
          print('');
        }
        if (o.demo === true) {
          const seed = o.seed === undefined ? deps.defaultSeed : Number(o.seed);
          if (!Number.isInteger(seed) || seed < 0) throw new CliError(`--seed must be a whole number, got '${o.seed}'`, 2);
          const scale = Number(o.scale);
          if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new CliError(`--scale must be a number above 0 and at most 10, got '${o.scale}'`, 2);
          const data = await deps.generateDemo({ seed, scale });
          print(`## demo data (seed ${seed}, scale ${scale})`);
          for (const line of formatDemoEval(evaluateDemo(data, rs, errors > 0 ? errors : 5))) print(line);
        }
      });
  };
}

