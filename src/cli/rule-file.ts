import { readFileSync } from 'node:fs';
import { compileRuleSet, type CompiledRuleSet } from '../detection';
import { CliError } from './backend';

/** A rule-set file (JSON) compiled, or a one-line error naming each invalid field (exit 2). */
export function readRuleSetFile(file: string): CompiledRuleSet {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read the rule set ${file}: ${(e as Error).message}`, 2);
  }
  const compiled = compileRuleSet(json);
  if (!compiled.ok) throw new CliError(`the rule set ${file} is not valid: ${compiled.error.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`, 2);
  return compiled.value;
}
