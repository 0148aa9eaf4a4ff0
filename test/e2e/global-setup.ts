import { spawnSync } from 'node:child_process';
import { prepareTestTemplate } from '../../src/db/testing';

/** Builds the console when its sources changed, and the migrated template database, before the tests start. */
export default async function setup(): Promise<void> {
  const res = spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('the console build failed');
  await prepareTestTemplate();
}
