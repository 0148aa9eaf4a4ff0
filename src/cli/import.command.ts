import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { CliError, INGEST_KINDS, type CliBackend, type IngestKindName } from './backend';
import { addOutcome, emptyTally, formatTally, recordField, sendBatch, tallyTotal, type ItemOutcome, type Tally } from './batch.sender';
import { kindFromFileName, kindFromRecord, parseKind } from './import.kinds';
import { openImportSource, type ImportFormat, type SourceRecord } from './import.reader';
import { startProgress } from './progress';
import type { CliHost, CommandInstaller } from './program';

export interface ImportOptions {
  readonly file: string;
  readonly kind?: string | undefined;
  readonly format?: ImportFormat | undefined;
  readonly rejects?: string | undefined;
  readonly batchSize: number;
  /** Batches in flight; defaults to what the backend suggests. */
  readonly concurrency?: number | undefined;
}

export interface ImportSummary {
  readonly kind: IngestKindName;
  readonly records: number;
  readonly tally: Tally;
  readonly rejectsFile: string | undefined;
  readonly seconds: number;
  readonly interrupted: boolean;
  readonly lastLine: number;
}

/** One line of the rejects file. */
interface RejectLine {
  readonly line: number;
  readonly id: string | null;
  readonly status: 'rejected' | 'conflict';
  readonly field: string | null;
  readonly reason: string;
  readonly errors?: readonly { field: string | null; reason: string }[];
}

/** Records in file order; unreadable ones ride along so the rejects file stays in line order. */
interface Batch {
  readonly records: SourceRecord[];
  readonly items: unknown[];
}

/** How many leading records may be read to tell the kind of a file that does not say. */
const SNIFF_LIMIT = 1000;

class RejectsWriter {
  private stream: WriteStream | undefined;
  count = 0;
  readonly shown: RejectLine[] = [];
  constructor(readonly path: string) {}
  write(r: RejectLine): void {
    this.stream ??= createWriteStream(this.path, { flags: 'w' });
    this.count++;
    if (this.shown.length < 10) this.shown.push(r);
    this.stream.write(`${JSON.stringify(r)}\n`);
  }
  async close(): Promise<void> {
    if (this.stream === undefined) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function outcomeToReject(line: number, o: ItemOutcome): RejectLine {
  const errors = (o.errors ?? []).map((e) => ({ field: recordField(e.field), reason: e.reason }));
  const first = errors[0] ?? { field: null, reason: o.status === 'conflict' ? 'conflicts with what is stored' : 'rejected' };
  return { line, id: o.id ?? null, status: o.status === 'conflict' ? 'conflict' : 'rejected', field: first.field, reason: first.reason, ...(errors.length > 1 ? { errors } : {}) };
}

/**
 * Imports a JSONL or CSV file through the backend, batch by batch. Ingest is idempotent, so an
 * interrupted import is finished by running it again: what was committed comes back as duplicates.
 */
export async function runImport(host: CliHost, opts: ImportOptions, signals: NodeJS.EventEmitter = process): Promise<ImportSummary> {
  let kind: IngestKindName | undefined;
  if (opts.kind !== undefined) {
    kind = parseKind(opts.kind);
    if (kind === undefined) throw new CliError(`unknown kind '${opts.kind}': use one of ${INGEST_KINDS.join(', ')}`);
  }
  const source = openImportSource(opts.file, opts.format);
  const iterator = source.records()[Symbol.asyncIterator]();
  const peeked: SourceRecord[] = [];
  try {
    // Read the first record before connecting anywhere: a file that cannot be read (a CSV without an
    // id column) is refused with one line, and it may tell the kind.
    const first = await iterator.next();
    if (first.done !== true) peeked.push(first.value);
    kind ??= kindFromFileName(opts.file);
    if (kind === undefined && first.done !== true && 'item' in first.value) kind = kindFromRecord(first.value.item);
    while (kind === undefined && first.done !== true && peeked.length < SNIFF_LIMIT) {
      const next = await iterator.next();
      if (next.done === true) break;
      peeked.push(next.value);
      if ('item' in next.value) kind = kindFromRecord(next.value.item);
    }
    if (kind === undefined) {
      throw new CliError(`cannot tell what ${opts.file} holds (${peeked.length === 0 ? 'it has no records' : 'its first records fit no kind'}); pass --kind ${INGEST_KINDS.join('|')}`);
    }
  } catch (e) {
    await iterator.return?.();
    source.close();
    throw e;
  }
  const importKind = kind;

  const backend = await host.openBackend();
  const rejects = new RejectsWriter(opts.rejects ?? `${opts.file}.rejects.jsonl`);
  const tally = emptyTally();
  const started = Date.now();
  const concurrency = Math.max(1, opts.concurrency ?? backend.ingestConcurrency);
  const progress = startProgress(host.err, { label: `import ${importKind}`, total: source.totalBytes });
  let records = 0;
  let lastLine = 0;
  let stopSignal: string | undefined;
  let failure: unknown;

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopSignal !== undefined) {
      host.err.write(`\nassay: ${signal} again, stopping now; the batch in flight may or may not be committed — re-running the import is safe\n`);
      process.exit(130);
    }
    stopSignal = signal;
    host.err.write(`\nassay: ${signal} received, finishing the batch in flight (press Ctrl-C again to stop at once)…\n`);
  };
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);

  const settle = (batch: Batch, outcomes: ItemOutcome[]) => {
    let i = 0;
    for (const rec of batch.records) {
      if ('error' in rec) {
        tally.rejected++;
        rejects.write({ line: rec.line, id: null, status: 'rejected', field: null, reason: rec.error });
        continue;
      }
      const o = outcomes[i++]!;
      addOutcome(tally, o.status);
      if (o.status === 'rejected' || o.status === 'conflict') rejects.write(outcomeToReject(rec.line, o));
    }
  };

  // Batches in flight, oldest first: results are settled in file order.
  const inFlight: { batch: Batch; result: Promise<ItemOutcome[]> }[] = [];
  const settleOldest = async () => {
    const head = inFlight.shift()!;
    settle(head.batch, await head.result);
  };
  const send = async (batch: Batch) => {
    const result = batch.items.length === 0 ? Promise.resolve([]) : sendBatch(backend, importKind, batch.items);
    result.catch(() => {}); // observed when settled; avoids an unhandled rejection meanwhile
    inFlight.push({ batch, result });
    while (inFlight.length >= concurrency) await settleOldest();
  };

  try {
    let batch: Batch = { records: [], items: [] };
    const all = (async function* () {
      yield* peeked;
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        yield next.value;
      }
    })();
    for await (const rec of all) {
      records++;
      lastLine = rec.line;
      batch.records.push(rec);
      if ('item' in rec) batch.items.push(rec.item);
      if (batch.items.length >= opts.batchSize || batch.records.length >= 4 * opts.batchSize) {
        await send(batch);
        batch = { records: [], items: [] };
        const secs = (Date.now() - started) / 1000;
        progress.update(source.bytesRead(), `${records} records, ${Math.round(tallyTotal(tally) / Math.max(secs, 0.001))}/s`);
      }
      if (stopSignal !== undefined) break;
    }
    if (batch.records.length > 0) await send(batch);
    while (inFlight.length > 0) await settleOldest();
  } catch (e) {
    failure = e;
    // let the other batches in flight finish so the summary says what was committed
    while (inFlight.length > 0) {
      try {
        await settleOldest();
      } catch {
        /* reported through `failure` */
      }
    }
  } finally {
    signals.off('SIGINT', onSignal);
    signals.off('SIGTERM', onSignal);
    if (failure === undefined && stopSignal === undefined) progress.complete(`${records} records`);
    else progress.stop();
    await iterator.return?.();
    source.close();
    await rejects.close();
    await backend.close();
  }

  const seconds = (Date.now() - started) / 1000;
  const summary: ImportSummary = { kind: importKind, records, tally, rejectsFile: rejects.count > 0 ? rejects.path : undefined, seconds, interrupted: stopSignal !== undefined, lastLine };
  printSummary(host, opts.file, backend, summary, rejects);
  if (failure !== undefined) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    throw new CliError(`import stopped after line ${lastLine}: ${reason}. Fix the cause and run the same command again: what was committed comes back as duplicates`);
  }
  if (stopSignal !== undefined) {
    throw new CliError(`interrupted (${stopSignal}) after line ${lastLine}; every batch sent was committed. Run the same command again to finish: what was imported comes back as duplicates`, 130);
  }
  return summary;
}

function printSummary(host: CliHost, file: string, backend: CliBackend, s: ImportSummary, rejects: RejectsWriter): void {
  const rate = Math.round(tallyTotal(s.tally) / Math.max(s.seconds, 0.001));
  host.out.write(`${file}: ${s.records} records as ${s.kind} through ${backend.description} in ${s.seconds.toFixed(1)} s (${rate}/s)${s.interrupted ? ', interrupted' : ''}\n`);
  host.out.write(`${s.kind}: ${formatTally(s.tally)}\n`);
  if (rejects.count === 0) return;
  host.out.write(`rejects: ${rejects.count} written to ${rejects.path}\n`);
  for (const r of rejects.shown) host.err.write(`  line ${r.line}${r.id === null ? '' : ` (${r.id})`}: ${r.field === null ? '' : `${r.field} `}${r.reason}\n`);
  if (rejects.count > rejects.shown.length) host.err.write(`  … and ${rejects.count - rejects.shown.length} more in ${rejects.path}\n`);
}

function positiveInt(name: string, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new CliError(`${name} must be a whole number from 1 to ${max}, got '${value}'`, 2);
    return Number(value);
  };
}

/** `assay import FILE`. */
export function importCommand(limits: { readonly batchMaxItems: number }): CommandInstaller {
  return (program: Command, host: CliHost) => {
    program
      .command('import')
      .description('import a JSONL or CSV file of messages, events, sellers, buyers or listings (safe to re-run: duplicates are recognised)')
      .argument('<file>', 'JSONL (one JSON object per line) or CSV with a header row of wire field names')
      .option('--kind <kind>', `${INGEST_KINDS.join(', ')} (default: from the file name, else from the first record)`)
      .addOption(new Option('--format <format>', 'file format (default: from the extension, else from the content)').choices(['jsonl', 'csv']))
      .option('--rejects <file>', 'where to write rejected records as JSONL (default: FILE.rejects.jsonl)')
      .option('--batch-size <n>', `records per batch (1–${limits.batchMaxItems})`, positiveInt('--batch-size', limits.batchMaxItems), limits.batchMaxItems)
      .option('--concurrency <n>', 'batches in flight (default: 1 on PGlite, more on PostgreSQL)', positiveInt('--concurrency', 32))
      .action(async (file: string, o: { kind?: string; format?: ImportFormat; rejects?: string; batchSize: number; concurrency?: number }) => {
        await runImport(host, { file, kind: o.kind, format: o.format, rejects: o.rejects, batchSize: o.batchSize, concurrency: o.concurrency });
      });
  };
}
