import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRowToItem, normaliseColumn, openImportSource, type SourceRecord } from './import.reader';
import { kindFromFileName, kindFromRecord, parseKind } from './import.kinds';

const dir = mkdtempSync(join(tmpdir(), 'assay-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function readAll(content: string, name: string): Promise<SourceRecord[]> {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, content);
  const src = openImportSource(path);
  const out: SourceRecord[] = [];
  try {
    for await (const r of src.records()) out.push(r);
  } finally {
    src.close();
  }
  return out;
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

const cellText = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', 'x', '1', ';', '€'), maxLength: 12 });

describe('reading CSV', () => {
  it('gives back every row as the wire item, whatever commas, quotes and line breaks the cells hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cellText, cellText), { minLength: 1, maxLength: 8 }), async (rows) => {
        const header = 'id,body,title';
        const lines = rows.map(([body, title], i) => [`id-${i}`, csvCell(body), csvCell(title)].join(','));
        const records = await readAll(`${header}\n${lines.join('\n')}\n`, 'rows.csv');
        expect(records).toEqual(
          rows.map(([body, title], i) => ({
            line: expect.any(Number),
            item: { id: `id-${i}`, ...(body === '' ? {} : { body }), ...(title === '' ? {} : { title }) },
          })),
        );
        // a row starts on the line after the previous row's last line
        let expected = 2;
        records.forEach((r, i) => {
          expect(r.line).toBe(expected);
          expected += 1 + (lines[i]!.match(/\n/g)?.length ?? 0);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('converts whole-number fields and ;-separated languages, and leaves anything else for validation to name', () => {
    const columns = ['id', 'price_minor', 'commission_rate_bps', 'languages', 'email'];
    expect(csvRowToItem(columns, ['s1', '125000', '12.5', 'fr; en;;it', ''])).toEqual({ id: 's1', price_minor: 125000, commission_rate_bps: '12.5', languages: ['fr', 'en', 'it'] });
  });

  it('reads headers written for people: `Sent At` and `sent-at` are sent_at', () => {
    expect(['Sent At', ' sent-at ', 'SENT_AT'].map(normaliseColumn)).toEqual(['sent_at', 'sent_at', 'sent_at']);
  });
});

describe('reading JSONL', () => {
  it('never throws: each line is a record or a reject with its line number; blank lines are skipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n') && !s.includes('\r'))), { maxLength: 30 }), async (lines) => {
        const records = await readAll(lines.join('\n') + '\n', 'lines.jsonl');
        const expected = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
        expect(records.map((r) => r.line)).toEqual(expected);
        for (const r of records) {
          const text = lines[r.line - 1]!;
          let parsed: unknown;
          let ok = true;
          try {
            parsed = JSON.parse(text);
          } catch {
            ok = false;
          }
          if (ok) expect(r).toEqual({ line: r.line, item: parsed });
          else expect(r).toMatchObject({ error: expect.stringMatching(/^not valid JSON/) });
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('telling the kind of a file', () => {
  it('from --kind, singular or plural', () => {
    expect(parseKind('message')).toBe('messages');
    expect(parseKind('Listings')).toBe('listings');
    expect(parseKind('invoices')).toBeUndefined();
  });

  it('from a file name that names exactly one kind', () => {
    expect(kindFromFileName('/exports/messages-2026-03.jsonl')).toBe('messages');
    expect(kindFromFileName('seller_export.csv')).toBe('sellers');
    expect(kindFromFileName('seller-messages.jsonl')).toBeUndefined();
    expect(kindFromFileName('export.jsonl')).toBeUndefined();
  });

  it('from the fields of the first record', () => {
    expect(kindFromRecord({ id: 'm', conversation_id: 'c', body: 'hi', sender_role: 'buyer' })).toBe('messages');
    expect(kindFromRecord({ id: 'e', type: 'order.created', occurred_at: '2026-01-01T00:00:00Z' })).toBe('events');
    expect(kindFromRecord({ id: 'l', seller_id: 's', title: 'Lamp' })).toBe('listings');
    expect(kindFromRecord({ id: 's', name: 'Galerie', time_zone: 'Europe/Paris' })).toBe('sellers');
    expect(kindFromRecord({ id: 'b', name: 'Ann', updated_at: '2026-01-01T00:00:00Z' })).toBe('buyers');
    expect(kindFromRecord({ foo: 1 })).toBeUndefined();
  });
});
