import type { CompiledRuleSet } from './rules';
import { lastMessageHeldNumber, scanMessage } from './scan';
import type { ConversationContext, ScanInput, ScanResult } from './types';

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
  const tails = new Tails(maxConversations);
  return {
    scan(input) {
      const conv = input.conversation;
      if (conv === undefined) return scanMessage(rs, input);
      const ctx = tails.enter(conv, earlier);
      const result = scanMessage(rs, input, ctx);
      tails.append(ctx.slot, input, lastMessageHeldNumber() ? HELD : NOT_HELD);
      return result;
    },
  };
}

/**
 * The last {@link CONTEXT_MESSAGES} messages of each conversation, kept where the garbage collector
 * does not look often: per conversation a slot of {@link CONTEXT_MESSAGES} places in flat arrays,
 * used as a circle (a new message takes the oldest one's place), and the slots in a map. Keeping an
 * array of messages per conversation instead made each young-generation collection several times
 * slower once tens of thousands of conversations were open (as in a batch of a day's messages), and
 * the scan about a third slower; a list of every message seen grew with the batch.
 */
class Tails {
  /** conversation → its slot (a number: the map holds no object that changes). */
  private readonly slots = new Map<string, number>();
  /** slot * CONTEXT_MESSAGES + place → the message kept there. */
  private messages: (ScanInput | undefined)[] = [];
  /**
   * By place: HELD, NOT_HELD (as its scan found) or UNKNOWN (given as earlier context, never
   * scanned here), with OTHER_CONVERSATION set for one given as context whose own `conversation`
   * is another.
   */
  private held: Uint8Array<ArrayBuffer> = new Uint8Array(CONTEXT_MESSAGES * 64);
  /** By slot: how many places hold a message, and the place of the oldest. */
  private counts: Uint8Array<ArrayBuffer> = new Uint8Array(64);
  private oldest: Uint8Array<ArrayBuffer> = new Uint8Array(64);
  /** Slots given back by conversations that left a bounded scanner. */
  private readonly free: number[] = [];
  private nextSlot = 0;
  private readonly bounded: boolean;
  /** The context handed to scanMessage, reused: its message list is built only when asked for. */
  private readonly ctx = new LazyContext(this);
  private lastConv: string | undefined;
  private lastSlot = -1;

  constructor(private readonly max: number) {
    this.bounded = Number.isFinite(max);
  }

  /** The context of `conv`, its slot made when the conversation is new (seeded from `earlier`). */
  enter(conv: string, earlier: ReadonlyMap<string, readonly ScanInput[]> | undefined): LazyContext {
    let slot = !this.bounded && conv === this.lastConv ? this.lastSlot : this.slots.get(conv);
    if (slot === undefined) {
      slot = this.newSlot();
      this.slots.set(conv, slot);
      if (this.bounded && this.slots.size > this.max) this.leave(this.slots.keys().next().value!);
      for (const m of earlier?.get(conv)?.slice(-CONTEXT_MESSAGES) ?? []) this.append(slot, m, m.conversation === conv ? UNKNOWN : UNKNOWN | OTHER_CONVERSATION);
    } else if (this.bounded) {
      // least recently used first
      this.slots.delete(conv);
      this.slots.set(conv, slot);
    }
    this.lastConv = conv;
    this.lastSlot = slot;
    this.ctx.slot = slot;
    this.ctx.list = undefined;
    return this.ctx;
  }

  append(slot: number, input: ScanInput, held: number): void {
    const base = slot * CONTEXT_MESSAGES;
    const n = this.counts[slot]!;
    let at: number;
    if (n < CONTEXT_MESSAGES) {
      at = base + ((this.oldest[slot]! + n) % CONTEXT_MESSAGES);
      this.counts[slot] = n + 1;
    } else {
      const o = this.oldest[slot]!;
      at = base + o;
      this.oldest[slot] = (o + 1) % CONTEXT_MESSAGES;
    }
    this.messages[at] = input;
    this.held[at] = held;
  }

  /** The place of the k-th message (oldest first) of `slot`'s tail. */
  private place(slot: number, k: number): number {
    return slot * CONTEXT_MESSAGES + ((this.oldest[slot]! + k) % CONTEXT_MESSAGES);
  }

  /** Whether the k-th message of `slot`'s tail holds digits or number words, when its scan told. */
  heldNumber(slot: number, k: number): boolean | undefined {
    if (k < 0 || k >= this.counts[slot]!) return undefined;
    const v = this.held[this.place(slot, k)]! & ~OTHER_CONVERSATION;
    return v === UNKNOWN ? undefined : v === HELD;
  }

  /**
   * `ConversationContext.numberFrom` for `slot`: the loop of splitPossible (scan.ts) over the tail,
   * newest first, on the held numbers kept here; undefined when it reaches a message never scanned here.
   */
  numberFrom(slot: number, sender: string): boolean | undefined {
    for (let k = this.counts[slot]! - 1, n = 0; k >= 0 && n < 3; k--) {
      const at = this.place(slot, k);
      const v = this.held[at]!;
      if ((v & OTHER_CONVERSATION) !== 0) continue;
      if (this.messages[at]!.sender !== sender) break;
      n++;
      if (v === HELD) return true;
      if (v === UNKNOWN) return undefined;
    }
    return false;
  }

  /**
   * The messages before the current one in `slot`, oldest first, written over `out`, which is
   * returned; when there are none, a shared empty list is.
   */
  list(slot: number, out: ScanInput[]): readonly ScanInput[] {
    const n = this.counts[slot]!;
    // an array shortened to nothing drops its storage: the next message would allocate again
    if (n === 0) return NO_MESSAGES;
    for (let k = 0; k < n; k++) out[k] = this.messages[this.place(slot, k)]!;
    out.length = n;
    return out;
  }

  private newSlot(): number {
    const reused = this.free.pop();
    if (reused !== undefined) {
      this.counts[reused] = 0;
      this.oldest[reused] = 0;
      return reused;
    }
    const slot = this.nextSlot++;
    // the places exist before they are written: the array stays without holes
    for (let k = 0; k < CONTEXT_MESSAGES; k++) this.messages.push(undefined);
    if (slot >= this.counts.length) {
      this.counts = grownBytes(this.counts, 2 * this.counts.length);
      this.oldest = grownBytes(this.oldest, 2 * this.oldest.length);
      this.held = grownBytes(this.held, 2 * this.held.length);
    }
    return slot;
  }

  /** Gives the slot of `conv` back, letting go of its messages. */
  private leave(conv: string): void {
    const slot = this.slots.get(conv)!;
    this.slots.delete(conv);
    this.messages.fill(undefined, slot * CONTEXT_MESSAGES, (slot + 1) * CONTEXT_MESSAGES);
    this.free.push(slot);
  }
}

function grownBytes(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

const NO_MESSAGES: readonly ScanInput[] = Object.freeze([]);

/**
 * A conversation context whose `earlier` list is made on first use (most messages never ask), in
 * one array reused from message to message: the scan of a message reads it, and nothing keeps it.
 */
class LazyContext implements ConversationContext {
  slot = 0;
  list: readonly ScanInput[] | undefined;
  private readonly messages: ScanInput[] = [];
  constructor(private readonly tails: Tails) {}
  get earlier(): readonly ScanInput[] {
    return (this.list ??= this.tails.list(this.slot, this.messages));
  }
  heldNumber(k: number): boolean | undefined {
    return this.tails.heldNumber(this.slot, k);
  }
  numberFrom(sender: string): boolean | undefined {
    return this.tails.numberFrom(this.slot, sender);
  }
}

/** What the scan of a message in a tail found: digits or number words, none, or not scanned here. */
const NOT_HELD = 0;
const HELD = 1;
const UNKNOWN = 2;
/** Set beside one of the three for a message given as context whose `conversation` is another (the scan skips it). */
const OTHER_CONVERSATION = 4;
