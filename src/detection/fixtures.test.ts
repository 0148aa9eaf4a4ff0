import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCompiledRuleSet, scanMessage, type ScanInput } from './index';

/**
 * The fixture files are the spec (STYLE.md 13): `fixtures/<kind>.hits.txt` lines must yield a hit
 * of that kind, `<kind>.misses.txt` lines must not, `clean.misses.txt` lines must yield nothing.
 * A line may start with hints like `[country=FR order_exists=true]`; `\n` stands for a line break.
 */
const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const rs = defaultCompiledRuleSet();

function parseLine(line: string, n: number): ScanInput {
  let text = line;
  const hints: Record<string, string | boolean> = {};
  const m = /^\[([^\]]*)\]\s*/.exec(line);
  if (m !== null) {
    text = line.slice(m[0].length);
    for (const kv of m[1]!.split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k !== undefined && v !== undefined) hints[k] = v === 'true' ? true : v === 'false' ? false : v;
    }
  }
  return { id: `line-${n}`, text: text.replace(/\\n/g, '\n'), ...hints } as ScanInput;
}

function lines(file: string): Array<{ n: number; input: ScanInput; raw: string }> {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw, n: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !raw.startsWith('%'))
    .map(({ raw, n }) => ({ n, raw, input: parseLine(raw, n) }));
}

for (const file of readdirSync(DIR).sort()) {
  const m = /^(\w+)\.(hits|misses)\.txt$/.exec(file);
  if (m === null) continue;
  const [, kind, which] = m as unknown as [string, string, 'hits' | 'misses'];
  describe(`fixtures/${file}`, () => {
    for (const { n, raw, input } of lines(file)) {
      const title = `${which === 'hits' ? 'finds' : kind === 'clean' ? 'leaves alone' : `finds no ${kind} in`} line ${n}: ${raw.slice(0, 70)}`;
      it(title, () => {
        const hits = scanMessage(rs, input).hits;
        if (which === 'hits') expect(hits.map((h) => h.kind), JSON.stringify(hits)).toContain(kind);
        else if (kind === 'clean') expect(hits, JSON.stringify(hits)).toEqual([]);
        else expect(hits.filter((h) => h.kind === kind), JSON.stringify(hits)).toEqual([]);
      });
    }
  });
}
