/**
 * The import-boundary check (ARCHITECTURE.md "Layout and dependency direction"). Fails with one line
 * per forbidden import. Test files (`*.test.ts`) may import test helpers but follow the same module rules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

const DOMAIN = ['identity', 'audit', 'policies', 'marketplace', 'cases', 'review', 'enforcement', 'investigations', 'analytics', 'notify', 'rules'];

/** Which modules a module may import (besides itself). `*index` = only through that module's index.ts. */
function allowed(from: string): { deep: string[]; index: string[] } | 'any' {
  if (from === 'app') return 'any';
  if (from === 'kernel') return { deep: [], index: [] };
  if (from === 'config') return { deep: ['kernel'], index: [] };
  if (from === 'db') return { deep: ['kernel', 'config'], index: [] };
  if (from === 'detection') return { deep: ['kernel'], index: [] };
  // The demo generator must stay independent of detection and investigations (no circular measurements).
  if (from === 'demo') return { deep: ['kernel'], index: [] };
  if (DOMAIN.includes(from)) return { deep: ['kernel', 'db'], index: DOMAIN.concat('detection') };
  if (from === 'flows') return { deep: ['kernel'], index: DOMAIN.concat('detection', 'db') };
  if (from === 'http' || from === 'cli') return { deep: ['kernel'], index: DOMAIN.concat('detection', 'flows', 'cli') };
  return { deep: ['kernel'], index: [] };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const problems: string[] = [];
for (const file of walk(SRC)) {
  const rel = relative(SRC, file);
  const from = rel.split(sep)[0]!;
  const rule = allowed(from);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith('.')) continue;
    const target = relative(SRC, resolve(dirname(file), spec));
    if (target.startsWith('..')) {
      problems.push(`${rel}: imports ${spec}, outside src/`);
      continue;
    }
    const parts = target.split(sep);
    const to = parts[0]!;
    if (to === from || rule === 'any') continue;
    const isIndex = parts.length === 1 || (parts.length === 2 && parts[1] === 'index');
    if (rule.deep.includes(to)) continue;
    if (rule.index.includes(to)) {
      if (!isIndex) problems.push(`${rel}: imports ${spec}; use ${to}'s index.ts, not its internals`);
      continue;
    }
    problems.push(`${rel}: ${from} may not import ${to} (${spec})`);
  }
}

if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stderr.write(`check:imports: ${problems.length} forbidden import(s)\n`);
  process.exit(1);
}
process.stdout.write('check:imports: all imports follow the dependency rules\n');
