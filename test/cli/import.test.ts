import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorld, readJsonl, summaryOf, wireMessage, writeJsonl, type CliWorld } from './helpers';

let w: CliWorld;
beforeAll(async () => {
  w = await createCliWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('assay import of a JSONL file', () => {
  it('stores the good lines, and writes each bad one to the rejects file with its line, id, field and reason', async () => {
    const file = join(w.dir, 'messages-march.jsonl');
    writeJsonl(file, [
      wireMessage(1),
      wireMessage(2),
      'this line is not JSON {',
      wireMessage(3, { sent_at: 'last tuesday' }),
      '',
      wireMessage(1), // the same message again, later in the file
      wireMessage(4, { sender_role: 'dealer' }),
      wireMessage(5),
    ]);
    const r = await w.run(['import', file]);
    expect(r.stderr).toContain('line 3');
    expect(r.code).toBe(0);
    expect(summaryOf(r.stdout, 'messages')).toMatchObject({ stored: 3, duplicate: 1, rejected: 3 });

    const rejects = readJsonl(`${file}.rejects.jsonl`);
    expect(rejects).toEqual([
      expect.objectContaining({ line: 3, id: null, status: 'rejected', field: null, reason: expect.stringMatching(/not valid JSON/) }),
      expect.objectContaining({ line: 4, id: 'msg-3', status: 'rejected', field: 'sent_at', reason: expect.stringMatching(/ISO 8601/) }),
      expect.objectContaining({ line: 7, id: 'msg-4', status: 'rejected', field: 'sender_role', reason: expect.stringMatching(/buyer, seller/) }),
    ]);
  });

  it('stores nothing new when the same file is imported again, and reports every item as a duplicate', async () => {
    const file = join(w.dir, 'again.jsonl');
    writeJsonl(file, Array.from({ length: 1500 }, (_, i) => wireMessage(10_000 + i)));
    const first = await w.run(['import', file, '--kind', 'messages', '--batch-size', '400']);
    expect(first.code).toBe(0);
    expect(summaryOf(first.stdout, 'messages')).toMatchObject({ stored: 1500, duplicate: 0, rejected: 0 });
    const second = await w.run(['import', file, '--kind', 'messages']);
    expect(second.code).toBe(0);
    expect(summaryOf(second.stdout, 'messages')).toMatchObject({ stored: 0, duplicate: 1500, rejected: 0 });
    expect(existsSync(`${file}.rejects.jsonl`)).toBe(false);
  });
});

describe('assay import of a CSV file', () => {
  it('maps the header to wire fields, splits languages on ";", and rejects a bad row by its line', async () => {
    const file = join(w.dir, 'dealers.csv');
    writeFileSync(
      file,
      [
        'id,name,email,country,time_zone,languages,tier,commission_rate_bps,status,updated_at',
        's-paris,Galerie Moreau,contact@moreau.example,FR,Europe/Paris,fr;en,gold,1200,active,2026-01-05T10:00:00Z',
        '"s-milan","Antichità Ferri, Milano",,IT,Europe/Rome,it; en ;fr,silver,1500,active,2026-01-06T10:00:00Z',
        's-nowhere,Nowhere Antiques,,XX,Europe/Paris,en,gold,1200,active,2026-01-06T10:00:00Z',
        's-short,Too Few Columns',
        's-gent,Antiek De Smet,,BE,Europe/Brussels,nl;fr;en,gold,not-a-number,active,2026-01-07T10:00:00Z',
      ].join('\n') + '\n',
    );
    const r = await w.run(['import', file, '--rejects', join(w.dir, 'dealer-rejects.jsonl')]);
    expect(r.code).toBe(0);
    expect(summaryOf(r.stdout, 'sellers')).toMatchObject({ stored: 2, rejected: 3 });
    const rejects = readJsonl(join(w.dir, 'dealer-rejects.jsonl'));
    expect(rejects).toEqual([
      expect.objectContaining({ line: 4, id: 's-nowhere', field: 'country' }),
      expect.objectContaining({ line: 5, id: null, field: null, reason: expect.stringMatching(/2 fields where the header has 10/) }),
      expect.objectContaining({ line: 6, id: 's-gent', field: 'commission_rate_bps' }),
    ]);
  });
});

describe('unusable input', () => {
  it('a missing file is one line on stderr and exit code 1', async () => {
    const r = await w.run(['import', join(w.dir, 'nope.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assay: .*nope\.jsonl: no such file$/)]);
  });

  it('an unknown kind is one line on stderr and exit code 1', async () => {
    const file = join(w.dir, 'x.jsonl');
    writeJsonl(file, [wireMessage(1)]);
    const r = await w.run(['import', file, '--kind', 'invoices']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assay: unknown kind 'invoices': use one of messages, events, sellers, buyers, listings$/)]);
  });

  it('a file whose records fit no kind asks for --kind', async () => {
    const file = join(w.dir, 'export.jsonl');
    writeJsonl(file, [{ foo: 1 }, { bar: 2 }]);
    const r = await w.run(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^assay: cannot tell what .* holds .*; pass --kind/);
  });
});
