import { createConversationScanner } from './conversation';
import { describeScanInputProblems, parseScanInput } from './input';
import { redact } from './redact';
import type { CompiledRuleSet } from './rules';
import type { ScanResult } from './types';

/** The answer for one input of the scan contract: a result (with the masked text when asked), or an error. */
export type ScanOutcome = (ScanResult & { readonly redacted?: string }) | { readonly id: string | null; readonly error: string };

export interface ContractScanOptions {
  /** Also return the text with every hit masked by a typed placeholder (`[phone]`, `[email]`…). */
  readonly redact?: boolean;
  /** Country for inputs that name none (`assay scan --country CC`). */
  readonly country?: string | undefined;
}

/**
 * Scans inputs of the scan contract one after another, as `assay scan` reads lines and
 * `POST /v1/scan` reads items: each is validated, inputs of one conversation are scanned with
 * the context of the earlier ones, and a bad input gets `{ id, error }` without stopping the rest.
 *
 * @example
 *   const s = createContractScanner(defaultCompiledRuleSet(), { redact: true });
 *   s.scan({ id: 'm1', text: 'call me on 06 12 34 56 78', country: 'FR' }); // → { id, verdict, score, hits, redacted: 'call me on [phone]' }
 *   s.scan({ id: 'm2' });                                                     // → { id: 'm2', error: 'text must be a string' }
 */
export function createContractScanner(rs: CompiledRuleSet, opts: ContractScanOptions = {}): { scan(value: unknown): ScanOutcome } {
  const scanner = createConversationScanner(rs);
  return {
    scan(value) {
      const input = parseScanInput(value, { country: opts.country });
      if (!input.ok) return { id: input.error.id, error: describeScanInputProblems(input.error.problems) };
      const result = scanner.scan(input.value);
      return opts.redact === true ? { ...result, redacted: redact(input.value.text, result.hits) } : result;
    },
  };
}
