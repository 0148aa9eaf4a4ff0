import { closeSync, createReadStream, openSync, readSync, statSync, type ReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { CliError } from './backend';

/*
 * Reads an import file one record at a time (a 1 GB file never sits in memory). JSONL: one JSON
 * object per line. CSV: a header row, then one record per row; column names are the wire field
 * names. A line that cannot be read becomes a record with an `error`, never an exception.
 */

export type ImportFormat = 'jsonl' | 'csv';

/** One record of the file, or why its line could not be read. `line` is 1-based (where it starts). */
export type SourceRecord = { readonly line: number; readonly item: unknown } | { readonly line: number; readonly error: string; readonly field?: string };

export interface ImportSource {
  readonly format: ImportFormat;
  readonly totalBytes: number;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  records(): AsyncIterable<SourceRecord>;
  close(): void;
}

/** Fields sent as whole numbers; CSV cells holding digits are converted, anything else is left for validation to name. */
const INTEGER_FIELDS = new Set(['price_minor', 'amount_minor', 'commission_rate_bps']);
/** Fields sent as lists; in CSV they are `;`-separated (`en;fr;it`). */
const LIST_FIELDS = new Set(['languages']);

/** `Sent At`, `sent-at` and `SENT_AT` all name the wire field `sent_at`. */
export function normaliseColumn(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Builds the wire item from a CSV row: empty cells are left out, numbers and lists converted. */
export function csvRowToItem(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    if (column === '' || column in item) return;
    const cell = cells[i];
    if (cell === undefined || cell === '') return;
    if (INTEGER_FIELDS.has(column) && /^-?\d{1,16}$/.test(cell.trim())) item[column] = Number(cell.trim());
    else if (LIST_FIELDS.has(column))
      item[column] = cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    else item[column] = cell;
  });
  return item;
}

function sniffFormat(path: string): ImportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('{') || head.startsWith('[') ? 'jsonl' : 'csv';
  } finally {
    closeSync(fd);
  }
}

function jsonlRecords(stream: ReadStream): AsyncIterable<SourceRecord> {
  return {
    async *[Symbol.asyncIterator]() {
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      let n = 0;
      try {
        for await (const raw of lines) {
          n++;
          const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
          if (text.trim() === '') continue;
          try {
            yield { line: n, item: JSON.parse(text) as unknown };
          } catch (e) {
            yield { line: n, error: `not valid JSON (${(e as Error).message})` };
          }
        }
      } finally {
        lines.close();
      }
    },
  };
}

function csvRecords(stream: ReadStream, path: string): AsyncIterable<SourceRecord> {
  return {
    async *[Symbol.asyncIterator]() {
      const skipped: SourceRecord[] = [];
      const startLine = (endLine: number, raw: string | undefined) =>
        endLine - ((raw ?? '').replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      const parser = stream.pipe(
        parseCsv({
          bom: true,
          relax_quotes: true,
          relax_column_count: true,
          skip_empty_lines: true,
          info: true,
          raw: true,
          skip_records_with_error: true,
          on_skip: (err, raw) => {
            skipped.push({ line: startLine(Number((err as { lines?: unknown } | undefined)?.lines ?? 0), raw), error: `not readable CSV (${err?.message ?? 'malformed'})` });
            return undefined;
          },
        }),
      );
      let columns: string[] | undefined;
      const drainSkipped = function* (before: number) {
        while (skipped.length > 0 && skipped[0]!.line < before) yield skipped.shift()!;
      };
      try {
        for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
          const line = startLine(row.info.lines, row.raw);
          yield* drainSkipped(line);
          if (columns === undefined) {
            columns = row.record.map(normaliseColumn);
            if (!columns.includes('id')) throw new CliError(`${path}: the CSV header has no id column (found: ${columns.join(', ')})`);
            continue;
          }
          if (row.record.length !== columns.length) {
            yield { line, error: `${row.record.length} fields where the header has ${columns.length}` };
            continue;
          }
          yield { line, item: csvRowToItem(columns, row.record) };
        }
        yield* drainSkipped(Number.POSITIVE_INFINITY);
      } finally {
        parser.destroy();
      }
    },
  };
}

/** Opens FILE for import; throws a {@link CliError} when it is missing or not a readable file. */
export function openImportSource(path: string, format?: ImportFormat): ImportSource {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError(`${path} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (e as Error).message})`);
  }
  const fmt = format ?? sniffFormat(path);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  return {
    format: fmt,
    totalBytes: size,
    bytesRead: () => stream.bytesRead,
    records: () => (fmt === 'jsonl' ? jsonlRecords(stream) : csvRecords(stream, path)),
    close: () => stream.destroy(),
  };
}
