import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, createCliWorld, onPostgres, summaryOf, waitForOutput, wireMessage, writeJsonl, type CliWorld } from './helpers';

let w: CliWorld;
beforeAll(async () => {
  w = await createCliWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('import while a server runs', () => {
  it('goes through the server that holds the data folder (directly on PostgreSQL)', async () => {
    // a small body limit, so that a batch of 300 long messages (~100 KB) has to be split
    const server = w.spawn(['serve'], { env: { PORT: '0', BODY_LIMIT_BYTES: '40000' } });
    const exited = collect(server);
    try {
      await waitForOutput(server.stderr!, (t) => t.includes('Assay is running at'), 45_000);
      const file = join(w.dir, 'during-serve.jsonl');
      writeJsonl(file, [wireMessage(900_001), wireMessage(900_002), wireMessage(900_001), { id: 'bad' }]);
      const r = await w.run(['import', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(onPostgres() ? /through PostgreSQL/ : /through the server at http:\/\/127\.0\.0\.1:\d+/);
      expect(summaryOf(r.stdout, 'messages')).toMatchObject({ stored: 2, duplicate: 1, rejected: 1 });

      // Batches bigger than the server's body limit are split until they fit.
      const big = join(w.dir, 'long-messages.jsonl');
      writeJsonl(big, Array.from({ length: 300 }, (_, i) => wireMessage(910_000 + i, { body: `${'A long and detailed question about the provenance of the piece. '.repeat(4)}#${i}` })));
      const r2 = await w.run(['import', big]);
      expect(r2.code, r2.stderr).toBe(0);
      expect(summaryOf(r2.stdout, 'messages')).toMatchObject({ stored: 300, rejected: 0 });
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  });
});
