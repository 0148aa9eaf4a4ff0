import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { createContractScanner, defaultCompiledRuleSet, type CompiledRuleSet, type ScanOutcome } from '../detection';
import { CliError } from './backend';
import { readRuleSetFile } from './rule-file';
import type { CliHost, CommandInstaller } from './program';

export interface ScanOptions {
  /** Country for lines that name none. */
  readonly country?: string | undefined;
  readonly redact?: boolean | undefined;
  /** Rule set to scan with; the checked-in default when absent. */
  readonly rules?: CompiledRuleSet | undefined;
}

export interface ScanSummary {
  readonly lines: number;
  readonly clear: number;
  readonly review: number;
  readonly violation: number;
  readonly errors: number;
  /** Lines that were JSON at all (an input without any is not JSONL). */
  readonly json: number;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * The scan contract on a stream (ARCHITECTURE.md, "The scan contract"): one JSONL line out per
 * input line, in order; lines of one conversation are scanned with the context of the earlier
 * ones; a bad line gets `{"id", "error"}` and the scan goes on. Blank lines are skipped.
 */
export async function runScan(input: Readable, out: Writable, opts: ScanOptions = {}): Promise<ScanSummary> {
  const scanner = createContractScanner(opts.rules ?? defaultCompiledRuleSet(), { redact: opts.redact === true, country: opts.country });
  const counts = { lines: 0, clear: 0, review: 0, violation: 0, errors: 0, json: 0 };
  let lineNo = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    counts.lines++;
    let outcome: ScanOutcome;
    let value: unknown;
    try {
      value = JSON.parse(line);
      counts.json++;
      outcome = scanner.scan(value);
    } catch (e) {
      outcome = { id: null, error: `not valid JSON (${(e as Error).message})` };
    }
    if ('error' in outcome) {
      counts.errors++;
      outcome = { id: outcome.id, error: `line ${lineNo}: ${outcome.error}` };
    } else counts[outcome.verdict]++;
    await write(out, `${JSON.stringify(outcome)}\n`);
  }
  return counts;
}

export interface ScanCommandDeps {
  /** Where `-` (and no FILE) reads from; the process's stdin by default. */
  readonly stdin?: () => Readable;
}

/** `assay scan [FILE|-] [--country CC] [--redact] [--rules FILE]`: the detection engine, in-process, on JSONL. */
export function scanCommand(deps: ScanCommandDeps = {}): CommandInstaller {
  return (program: Command, host: CliHost) => {
    program
      .command('scan')
      .description('scan JSONL messages ({"id","text",…} per line) and write one JSONL result per line, in order (no database needed)')
      .argument('[file]', 'JSONL file; - or nothing reads standard input')
      .option('--country <cc>', 'country (ISO 3166 alpha-2) for lines that name none; the hint for national phone numbers')
      .option('--redact', 'add "redacted": the text with every finding masked by a typed placeholder')
      .option('--rules <file>', 'scan with this rule set (JSON) instead of the checked-in one')
      .action(async (file: string | undefined, o: { country?: string; redact?: boolean; rules?: string }) => {
        if (o.country !== undefined && !/^[A-Za-z]{2}$/.test(o.country)) throw new CliError(`--country must be an ISO 3166 alpha-2 code such as FR, not ${JSON.stringify(o.country)}`, 2);
        const rules = o.rules === undefined ? undefined : readRuleSetFile(o.rules);
        const fromStdin = file === undefined || file === '-';
        const source = fromStdin ? 'standard input' : file;
        if (!fromStdin) {
          const st = await stat(file).catch((e: Error) => {
            throw new CliError(`cannot read ${file}: ${e.message}`);
          });
          if (!st.isFile()) throw new CliError(`cannot read ${file}: not a file`);
        }
        const input: Readable = fromStdin ? (deps.stdin ?? (() => process.stdin))() : createReadStream(file);
        let failure: Error | undefined;
        input.once('error', (e: Error) => {
          failure = e;
          input.destroy();
        });
        let summary: ScanSummary;
        try {
          summary = await runScan(input, host.out as unknown as Writable, { country: o.country, redact: o.redact, rules });
        } catch (e) {
          throw new CliError(`cannot read ${source}: ${(failure ?? (e as Error)).message}`);
        }
        if (failure !== undefined) throw new CliError(`cannot read ${source}: ${failure.message}`);
        host.err.write(`scanned ${summary.lines} lines: ${summary.clear} clear, ${summary.review} review, ${summary.violation} violation, ${summary.errors} errors\n`);
        if (summary.lines > 0 && summary.json === 0) throw new CliError(`no line of ${source} is JSON; assay scan reads JSONL ({"id","text"} per line)`);
      });
  };
}
