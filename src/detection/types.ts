/** The kinds of finding in the scan contract (ARCHITECTURE.md, "The scan contract"). */
export const HIT_KINDS = ['phone', 'email', 'url', 'handle', 'iban', 'card', 'crypto', 'payment', 'intent'] as const;
export type HitKind = (typeof HIT_KINDS)[number];

export type Verdict = 'clear' | 'review' | 'violation';

/** One finding. `start`/`end` are UTF-16 offsets into the original text, end exclusive. */
export interface Hit {
  readonly kind: HitKind;
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)` of the original message. */
  readonly value: string;
  /** Canonical form: E.164 phone, lower-case email/host, compact IBAN, … */
  readonly normalized: string;
  /** Rule id, e.g. `phone.words` or `intent.avoid_fees.fr`. */
  readonly rule: string;
  /** Policy clause the rule enforces, e.g. `TP-2.1`. */
  readonly clause: string;
  /** 0..1 after context (order, sender role) is applied. */
  readonly score: number;
}

export interface ScanInput {
  readonly id: string;
  readonly text: string;
  readonly lang?: string;
  /** ISO 3166 alpha-2 country of the message (hint for national phone numbers). */
  readonly country?: string;
  /** Sender id; `seller…` / `buyer…` prefixes also give the role. */
  readonly sender?: string;
  readonly conversation?: string;
  readonly seller_country?: string;
  readonly buyer_country?: string;
  /** An order already exists between the parties: delivery contact details may be allowed. */
  readonly order_exists?: boolean;
}

export interface ScanResult {
  readonly id: string;
  readonly verdict: Verdict;
  readonly score: number;
  readonly hits: Hit[];
  /**
   * Hits of rules running in shadow (evaluated to measure them, never scored): present only when
   * there are some, so the scan contract is unchanged for rule sets without shadow rules.
   */
  readonly shadow_hits?: Hit[];
}

/** Earlier messages of the same conversation, oldest first. */
export interface ConversationContext {
  readonly earlier: readonly ScanInput[];
  /**
   * Whether `earlier[k]` holds digits or number words, when the context knows it (a conversation
   * scanner that scanned that message); undefined: the scan reads the message to find out.
   */
  heldNumber?(k: number): boolean | undefined;
  /**
   * Whether a number may continue from the earlier messages into this one, when the context can
   * tell without reading them (a conversation scanner, from what it kept of each): whether one of
   * the last three messages of `sender` in this conversation, with no message of another sender
   * after them, holds digits or number words. Undefined: the scan reads `earlier` to find out.
   */
  numberFrom?(sender: string): boolean | undefined;
}

/** A finding before context scoring; offsets are already in the original text. */
export interface RawHit {
  kind: HitKind;
  start: number;
  end: number;
  normalized: string;
  rule: string;
  clause: string;
  weight: number;
}
