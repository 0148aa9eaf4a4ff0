#!/usr/bin/env node
/**
 * Builds the console (web/ → web/dist) when web/dist is missing or older than any source file, so
 * `npm install && npm start` serves the console on a fresh clone. Runs as `prestart`; a missing
 * build toolchain (an install without dev dependencies) is a warning, not a failure: the API still starts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(web, 'dist', 'index.html');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

if (!existsSync(join(web, 'index.html'))) process.exit(0);
const sources = [join(web, 'src'), join(web, 'public'), join(web, 'index.html'), join(web, 'vite.config.ts'), join(root, 'package-lock.json')].filter(existsSync);
const sourceTime = Math.max(...sources.map(newest));
if (existsSync(dist) && statSync(dist).mtimeMs >= sourceTime) process.exit(0);

const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(viteBin)) {
  console.warn('assay: the console is not built and vite is not installed (run `npm install`); starting the API without the console.');
  process.exit(0);
}
console.error(existsSync(dist) ? 'assay: the console sources changed; rebuilding web/dist…' : 'assay: building the console (web/dist)…');
// Always the production build: Vite takes NODE_ENV from the environment, and under the test runner
// (NODE_ENV=test) it built React's development version, whose strict mode mounts every screen twice.
const res = spawnSync(process.execPath, [viteBin, 'build', '--config', join(web, 'vite.config.ts'), '--mode', 'production', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (res.status !== 0) {
  console.error('assay: the console build failed; see the errors above.');
  process.exit(res.status ?? 1);
}
