/**
 * Recall and precision of off-platform investigations on the demo data: generates it, loads it into
 * an in-memory database (or DATABASE_URL's), scans, and compares with the planted truth.
 * Usage: npm run eval:investigations -- [--scale 0.1] [--seed 20261101]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { migrate, openDatabase } from '../src/db';
import { buildServices } from '../src/app/build-app';
import { evaluateInvestigationsOnDemo, formatInvestigationEval } from '../src/app/investigations-eval';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const config = loadConfig({ ...process.env, ASSAY_DEMO: 'false', DATA_DIR: mkdtempSync(join(tmpdir(), 'assay-eval-')) });
const seed = opt('seed', config.demoSeed);
const scale = opt('scale', 0.1);
const database = await openDatabase({ databaseUrl: process.env['DATABASE_URL'] || undefined });
try {
  await migrate(database);
  const services = buildServices({ config, database });
  const result = await evaluateInvestigationsOnDemo(services, { seed, scale });
  for (const line of formatInvestigationEval(result)) console.log(line);
} finally {
  await database.close();
}
