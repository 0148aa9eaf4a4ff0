import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { runServer } from '../../src/app/server';
import { openRuntime } from '../../src/app/runtime';
import { DataDirLockedError, query, sql } from '../../src/db';

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
}

// The embedded-database server as `npm start` runs it (PostgreSQL runs are covered by the HTTP tests).
describe.skipIf(process.env['DATABASE_URL'] !== undefined && process.env['DATABASE_URL'] !== '')('the embedded-database server', () => {
  it('holds the data folder, prints the first admin, and finishes an in-flight batch when stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'assay-server-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', ASSAY_DEMO: 'false', LOG_LEVEL: 'silent' });
    const out: string[] = [];
    const server = await runServer(config, sink(out));
    try {
      const printed = out.join('');
      expect(printed).toMatch(/Assay is running at http:\/\/127\.0\.0\.1:\d+/);
      expect(printed).toMatch(/sign in {2}admin@assay\.local \/ \S{12,}/);
      expect(readFileSync(join(dataDir, 'initial-admin.txt'), 'utf8')).toContain('admin@assay.local');

      await expect(openRuntime(config)).rejects.toBeInstanceOf(DataDirLockedError);

      const token = readFileSync(join(dataDir, 'cli-token'), 'utf8').trim();
      const items = Array.from({ length: 1000 }, (_, i) => ({
        id: `m-${i}`,
        conversation_id: `c-${i % 50}`,
        buyer_id: `b-${i % 50}`,
        seller_id: 's-1',
        sender_role: 'buyer',
        body: `Is lot ${i} still available?`,
        sent_at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
      }));
      const inFlight = fetch(`${server.url}/v1/messages:batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
      });
      // Stop only once the server is handling the batch (in flight: the batch and this metrics request).
      for (let i = 0; i < 400; i++) {
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        const n = Number(/^assay_http_requests_in_flight (\d+)/m.exec(metrics)?.[1] ?? '0');
        if (n >= 2) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      const stopping = server.stop();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { stored: number }).stored).toBe(1000);
      await stopping;
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dataDir, 'assay.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'cli-token'))).toBe(false);

    const rt = await openRuntime(config); // the lock was released; the batch is there
    try {
      const rows = await query<{ n: number }>(rt.database.db, sql`SELECT count(*)::int AS n FROM messages`);
      expect(rows[0]!.n).toBe(1000);
    } finally {
      await rt.close();
    }
  });
});
