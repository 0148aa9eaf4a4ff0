import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The test files whose outcome cannot depend on the database: nothing they import (followed through
 * relative imports) reaches src/db, starts a process (which would inherit DATABASE_URL) or reads
 * DATABASE_URL. The PostgreSQL pass of CI skips them — they ran already, identically, on PGlite.
 */
export function dbFreeTestFiles(root: string, dirs: readonly string[] = ['src', 'test']): string[] {
  const imports = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const read = (file: string): string => {
    let t = texts.get(file);
    if (t === undefined) texts.set(file, (t = readFileSync(file, 'utf8')));
    return t;
  };
  const importsOf = (file: string): string[] => {
    let specs = imports.get(file);
    if (specs === undefined) {
      specs = [...read(file).matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
      imports.set(file, specs);
    }
    return specs;
  };
  const resolveSpec = (from: string, spec: string): string | undefined => {
    const base = resolve(dirname(from), spec);
    return [base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((c) => existsSync(c) && statSync(c).isFile());
  };
  const touchesDatabase = (test: string): boolean => {
    const seen = new Set<string>();
    const stack = [test];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (relative(root, file).startsWith(join('src', 'db'))) return true;
      if (read(file).includes('DATABASE_URL')) return true;
      for (const spec of importsOf(file)) {
        if (/^(node:)?child_process$|^pg$|^@electric-sql\/pglite/.test(spec)) return true;
        if (!spec.startsWith('.')) continue;
        const target = resolveSpec(file, spec);
        if (target !== undefined) stack.push(target);
      }
    }
    return false;
  };
  const tests: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'node_modules' && name !== 'e2e') walk(p);
      } else if (name.endsWith('.test.ts')) tests.push(p);
    }
  };
  for (const d of dirs) walk(join(root, d));
  return tests.filter((t) => !touchesDatabase(t)).map((t) => relative(root, t));
}
