import type { CompiledRuleSet } from './rules';
import { scanMessage } from './scan';
import type { ScanInput, ScanResult } from './types';

const KEEP = 4;

/**
 * Scans messages in order; each message of a conversation is scanned with the few messages before
 * it, so a number split over consecutive messages of one sender is caught. Messages without a
 * `conversation` are scanned alone.
 */
export function scanConversation(rs: CompiledRuleSet, inputs: Iterable<ScanInput>): ScanResult[] {
  const scanner = createConversationScanner(rs);
  const out: ScanResult[] = [];
  for (const input of inputs) out.push(scanner.scan(input));
  return out;
}

/** Streaming form for line-by-line input (`assay scan`): keeps a short tail per conversation. */
export function createConversationScanner(rs: CompiledRuleSet, maxConversations = 10_000): { scan(input: ScanInput): ScanResult } {
  const tails = new Map<string, ScanInput[]>();
  return {
    scan(input) {
      const conv = input.conversation;
      if (conv === undefined) return scanMessage(rs, input);
      const earlier = tails.get(conv) ?? [];
      const result = scanMessage(rs, input, { earlier });
      const next = [...earlier, input].slice(-KEEP);
      tails.delete(conv);
      tails.set(conv, next);
      if (tails.size > maxConversations) tails.delete(tails.keys().next().value!);
      return result;
    },
  };
}
