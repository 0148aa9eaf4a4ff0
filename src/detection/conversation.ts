import type { CompiledRuleSet } from './rules';
import { scanMessage } from './scan';
import type { ScanInput, ScanResult } from './types';

/** How many earlier messages of a conversation a message is scanned with (a split number spans at most three). */
export const CONTEXT_MESSAGES = 4;

export interface ConversationScanOptions {
  /**
   * Messages of a conversation that came before the first input of that conversation (oldest
   * first), e.g. the last stored ones when a batch continues a conversation. Only the last
   * {@link CONTEXT_MESSAGES} are used.
   */
  readonly earlier?: ReadonlyMap<string, readonly ScanInput[]> | undefined;
}

/**
 * Scans messages in order; each message of a conversation is scanned with the few messages before
 * it (in `opts.earlier`, then among the inputs), so a number split over consecutive messages of one
 * sender is caught. Messages without a `conversation` are scanned alone.
 *
 * @example
 *   scanConversation(rs, [{ id: 'm2', conversation: 'c1', sender: 'seller:s1', text: '56 78', country: 'FR' }],
 *     { earlier: new Map([['c1', [{ id: 'm1', conversation: 'c1', sender: 'seller:s1', text: 'my cell is 06 12 34' }]]]) });
 *   // → [{ id: 'm2', verdict: 'violation', hits: [{ kind: 'phone', rule: 'phone.split_messages', … }] }]
 */
export function scanConversation(rs: CompiledRuleSet, inputs: Iterable<ScanInput>, opts: ConversationScanOptions = {}): ScanResult[] {
  const scanner = createConversationScanner(rs, Number.POSITIVE_INFINITY, opts.earlier);
  const out: ScanResult[] = [];
  for (const input of inputs) out.push(scanner.scan(input));
  return out;
}

/** Streaming form for line-by-line input (`assay scan`): keeps a short tail per conversation. */
export function createConversationScanner(
  rs: CompiledRuleSet,
  maxConversations = 10_000,
  earlier?: ReadonlyMap<string, readonly ScanInput[]>,
): { scan(input: ScanInput): ScanResult } {
  // Each tail is a small array changed in place: scanning reads it before the message joins it.
  // The context object around it is made once per conversation, not once per message.
  const tails = new Map<string, { readonly earlier: ScanInput[] }>();
  const bounded = Number.isFinite(maxConversations);
  // messages mostly come conversation by conversation: the last one's context, without a lookup
  let lastConv: string | undefined;
  let lastCtx: { readonly earlier: ScanInput[] } | undefined;
  return {
    scan(input) {
      const conv = input.conversation;
      if (conv === undefined) return scanMessage(rs, input);
      let ctx = !bounded && conv === lastConv ? lastCtx : tails.get(conv);
      if (ctx === undefined) {
        ctx = { earlier: earlier?.get(conv)?.slice(-CONTEXT_MESSAGES) ?? [] };
        tails.set(conv, ctx);
        if (bounded && tails.size > maxConversations) tails.delete(tails.keys().next().value!);
      } else if (bounded) {
        // least recently used first
        tails.delete(conv);
        tails.set(conv, ctx);
      }
      lastConv = conv;
      lastCtx = ctx;
      const result = scanMessage(rs, input, ctx);
      // the oldest message leaves by a copy, not `shift`: shifting an array trims its store from
      // the left, which the garbage collector pays for (scavenges took twice as long)
      const tail = ctx.earlier;
      if (tail.length < CONTEXT_MESSAGES) tail.push(input);
      else {
        for (let k = 1; k < tail.length; k++) tail[k - 1] = tail[k]!;
        tail[tail.length - 1] = input;
      }
      return result;
    },
  };
}
