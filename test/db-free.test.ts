import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbFreeTestFiles } from './db-free';

const root = mkdtempSync(join(tmpdir(), 'assay-db-free-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('the test files the PostgreSQL pass may skip', () => {
  it('keeps every file whose imports reach the database, start a process or read DATABASE_URL', () => {
    file('src/db/index.ts', "export const db = 1;\n");
    file('src/pure/parse.ts', "export const parse = (s: string) => s.trim();\n");
    file('src/pure/parse.test.ts', "import { parse } from './parse';\n");
    file('src/svc/service.ts', "import { db } from '../db';\nexport const s = db;\n");
    file('src/svc/wrapper.ts', "export { s } from './service';\n");
    file('src/svc/service.test.ts', "import { s } from './wrapper';\n");
    file('src/svc/lazy.test.ts', "const m = await import('../db/index');\n");
    file('test/cli/run.test.ts', "import { spawn } from 'node:child_process';\n");
    file('test/env.test.ts', "const url = process.env['DATABASE_URL'];\n");
    file('test/helpers/pg.ts', "import pg from 'pg';\nexport default pg;\n");
    file('test/pg.test.ts', "import pg from './helpers/pg';\n");
    file('test/e2e/screen.e2e.test.ts', "import { parse } from '../../src/pure/parse';\n");
    expect(dbFreeTestFiles(root).sort()).toEqual([join('src', 'pure', 'parse.test.ts')]);
  });

  it('finds this repository’s pure detection tests and keeps its HTTP tests', () => {
    const free = dbFreeTestFiles(join(import.meta.dirname, '..'));
    expect(free).toContain(join('src', 'detection', 'scan.test.ts'));
    expect(free).not.toContain(join('test', 'http', 'scan.test.ts'));
    expect(free).not.toContain(join('test', 'cli', 'scan.test.ts'));
  });
});
