/**
 * npm run bench:scan-api [-- --seconds 10 --concurrency 8]
 *
 * Latency of POST /v1/scan for one 2 KB chat message per request (the "redact before delivery"
 * call), over a real socket: the app on PGlite in memory listens on 127.0.0.1 in this thread, and
 * a worker thread (its own event loop, the second core) keeps `concurrency` keep-alive requests in
 * flight. Baselines measured in the same run the same way: GET /healthz (no authentication, no
 * work) and GET /v1/rule-sets/current (authentication with the API token, no scan).
 * Prints requests/s, p50 and p99 per endpoint, and the server thread's CPU time per request.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { openDatabase, migrate } from '../src/db';
import { buildApp, VERSION } from '../src/app/build-app';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 8);

/** 2 KB messages from the corpus, as bench/scan.ts builds them: mostly compliant, 5% with an attempt. */
function messages(n: number): { id: string; text: string; lang: string }[] {
  interface Row {
    text: string;
    lang: string;
    expect: unknown[];
  }
  const rows = readFileSync(new URL('../corpus/dev.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  const negatives = rows.filter((r) => r.expect.length === 0);
  const positives = rows.filter((r) => r.expect.length > 0);
  let k = 0;
  return Array.from({ length: n }, (_, i) => {
    const start = i % 20 === 0 ? positives[i % positives.length]! : undefined;
    const lang = start?.lang ?? ['en', 'fr', 'it', 'de', 'es', 'nl'][i % 6]!;
    const pool = negatives.filter((r) => r.lang === lang);
    let text = start?.text ?? '';
    while (text.length < 2048) text += ' ' + pool[k++ % pool.length]!.text;
    return { id: `bench-${i}`, text: text.slice(0, 2048), lang };
  });
}

/** The load generator, run in a worker thread: plain JavaScript, keep-alive, N requests in flight. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, token, bodies, method, path, seconds, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const lat = [];
let errors = 0;
let i = 0;
const deadline = performance.now() + seconds * 1000;
function one() {
  return new Promise((resolve) => {
    const body = bodies.length === 0 ? undefined : bodies[i++ % bodies.length];
    const headers = { authorization: 'Bearer ' + token };
    if (body !== undefined) { headers['content-type'] = 'application/json'; headers['content-length'] = Buffer.byteLength(body); }
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => { lat.push(performance.now() - t0); if (res.statusCode !== 200) errors++; resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(body);
  });
}
async function user() { while (performance.now() < deadline) await one(); }
const t0 = performance.now();
Promise.all(Array.from({ length: concurrency }, user)).then(() => {
  agent.destroy();
  parentPort.postMessage({ lat, errors, seconds: (performance.now() - t0) / 1000 });
});
`;

interface Load {
  lat: number[];
  errors: number;
  seconds: number;
}

function load(port: number, token: string, method: string, path: string, bodies: string[], seconds: number, concurrency = CONCURRENCY): Promise<Load> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { port, token, bodies, method, path, seconds, concurrency } });
    w.once('message', (m: Load) => {
      void w.terminate();
      resolve(m);
    });
    w.once('error', reject);
  });
}

function report(name: string, r: Load, cpuMs: number): { p50: number; p99: number; rps: number } {
  const lat = [...r.lat].sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  const out = { p50: q(0.5), p99: q(0.99), rps: lat.length / r.seconds };
  console.log(
    `${name.padEnd(52)} ${String(lat.length).padStart(7)} req  ${out.rps.toFixed(0).padStart(6)} req/s  p50 ${out.p50.toFixed(2).padStart(6)} ms  p99 ${out.p99.toFixed(2).padStart(6)} ms  server CPU ${((cpuMs / lat.length) * 1000).toFixed(0).padStart(5)} µs/req${r.errors > 0 ? `  ${r.errors} errors` : ''}`,
  );
  return out;
}

const dataDir = mkdtempSync(join(tmpdir(), 'assay-bench-scan-api-'));
const database = await openDatabase({ dataDir: 'memory://' });
await migrate(database);
const config = loadConfig({ NODE_ENV: 'production', ASSAY_DEMO: 'false', DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '10000000' });
const app = await buildApp({ config, database });
const system = { type: 'system' as const, id: 'bench' };
const { token } = await app.services.identity.createApiToken(system, { name: 'bench', role: 'integration' });
await app.http.listen({ host: '127.0.0.1', port: 0 });
const port = (app.http.server.address() as AddressInfo).port;

const bodies = messages(2000).map((m) => JSON.stringify(m));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function phase(name: string, method: string, path: string, b: string[], seconds: number, concurrency = CONCURRENCY) {
  const c0 = cpu();
  const r = await load(port, token, method, path, b, seconds, concurrency);
  return report(`${name}, ${concurrency} in flight`, r, cpu() - c0);
}

console.log(`Assay ${VERSION}: one process, PGlite in memory, listening on 127.0.0.1; load from a worker thread (keep-alive); ${SECONDS} s for the scan`);
await load(port, token, 'POST', '/v1/scan', bodies, 2); // warm-up: JIT, regexes, the rule set, the token lookup
const health = await phase('baseline: GET /healthz', 'GET', '/healthz', [], Math.max(3, SECONDS / 3));
await phase('baseline: GET /v1/rule-sets/current', 'GET', '/v1/rule-sets/current', [], Math.max(3, SECONDS / 3));
const single = await phase('POST /v1/scan (2 KB)', 'POST', '/v1/scan', bodies, Math.max(3, SECONDS / 2), 1);
const scan = await phase('POST /v1/scan (2 KB)', 'POST', '/v1/scan', bodies, SECONDS);
console.log(
  `POST /v1/scan p99: ${single.p99.toFixed(2)} ms one at a time, ${scan.p99.toFixed(2)} ms with ${CONCURRENCY} in flight (goal < 10 ms); ` +
    `${(scan.p99 / health.p99).toFixed(1)}× the p99 of GET /healthz at the same concurrency`,
);

await app.http.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
