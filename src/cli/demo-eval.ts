import { scanConversation, type CompiledRuleSet, type ScanInput, type ScanResult } from '../detection';

/** The parts of the demo data set (src/demo `generateDemo`) a detection evaluation reads. */
export interface DemoEvalData {
  readonly sellers: readonly { id: string; country: string }[];
  readonly buyers: readonly { id: string; country: string }[];
  readonly messages: readonly { id: string; conversation_id: string; buyer_id: string; seller_id: string; listing_id: string; sender_role: 'buyer' | 'seller'; body: string; sent_at: string; lang: string }[];
  readonly events: readonly { type: string; order_id?: string; listing_id?: string; buyer_id?: string; seller_id?: string; occurred_at: string }[];
  readonly truth: { readonly offPlatformAttempts: readonly { conversation_id: string; message_ids: readonly string[]; kinds: readonly string[] }[] };
}

/**
 * The scan inputs of the demo messages, in conversation order, with what ingest gives the engine:
 * sender (role and party), the parties' countries, and whether an order of the conversation's
 * listing between them (not cancelled) existed when the message was sent.
 */
export function demoScanInputs(data: DemoEvalData): ScanInput[] {
  const sellerCountry = new Map(data.sellers.map((s) => [s.id, s.country]));
  const buyerCountry = new Map(data.buyers.map((b) => [b.id, b.country]));
  const cancelled = new Set(data.events.filter((e) => e.type === 'order.cancelled').map((e) => e.order_id));
  const firstOrder = new Map<string, number>();
  for (const e of data.events) {
    if (e.type !== 'order.created' || cancelled.has(e.order_id)) continue;
    const key = `${e.buyer_id}|${e.seller_id}|${e.listing_id}`;
    const at = Date.parse(e.occurred_at);
    if (!(at >= (firstOrder.get(key) ?? Infinity))) firstOrder.set(key, at);
  }
  const ordered = [...data.messages].sort((a, b) =>
    a.conversation_id !== b.conversation_id ? (a.conversation_id < b.conversation_id ? -1 : 1) : Date.parse(a.sent_at) - Date.parse(b.sent_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ordered.map((m) => {
    const order = firstOrder.get(`${m.buyer_id}|${m.seller_id}|${m.listing_id}`);
    const sc = sellerCountry.get(m.seller_id);
    const bc = buyerCountry.get(m.buyer_id);
    return {
      id: m.id,
      text: m.body,
      lang: m.lang,
      conversation: m.conversation_id,
      sender: m.sender_role === 'seller' ? `seller:${m.seller_id}` : `buyer:${m.buyer_id}`,
      ...(sc === undefined ? {} : { seller_country: sc }),
      ...(bc === undefined ? {} : { buyer_country: bc }),
      order_exists: order !== undefined && order <= Date.parse(m.sent_at),
    };
  });
}

export interface DemoEvalReport {
  readonly ruleSetVersion: string;
  readonly messages: number;
  /** Messages carrying a planted attempt (`truth.offPlatformAttempts[].message_ids`). */
  readonly planted: number;
  /** Planted messages flagged (verdict review or violation). */
  readonly found: number;
  /** Planted attempts (conversations) with at least one of their messages flagged. */
  readonly attempts: number;
  readonly attemptsFound: number;
  /** Other messages flagged. */
  readonly falsePositives: number;
  /** Recall per attempt kind (an attempt of several kinds counts for each). */
  readonly byKind: readonly { kind: string; planted: number; found: number }[];
  readonly byLang: readonly { lang: string; messages: number; planted: number; found: number; falsePositives: number }[];
  /** Which rules the false positives came from (their strongest hit), most frequent first. */
  readonly falsePositiveRules: readonly { rule: string; messages: number }[];
  readonly missedSample: readonly { id: string; kinds: readonly string[]; text: string }[];
  readonly falsePositiveSample: readonly { id: string; verdict: string; rules: readonly string[]; text: string }[];
}

/** Scans every demo conversation as ingest would and compares with the planted truth. */
export function evaluateDemo(data: DemoEvalData, rs: CompiledRuleSet, sample = 10): DemoEvalReport {
  const inputs = demoScanInputs(data);
  const results = scanConversation(rs, inputs);
  const kindsOf = new Map<string, Set<string>>();
  for (const a of data.truth.offPlatformAttempts) {
    for (const id of a.message_ids) {
      const k = kindsOf.get(id) ?? new Set<string>();
      for (const kind of a.kinds) k.add(kind);
      kindsOf.set(id, k);
    }
  }
  const flagged = (r: ScanResult): boolean => r.verdict !== 'clear';
  const resultOf = new Map(results.map((r) => [r.id, r]));
  let found = 0;
  let falsePositives = 0;
  const byKind = new Map<string, { planted: number; found: number }>();
  const byLang = new Map<string, { messages: number; planted: number; found: number; falsePositives: number }>();
  const fpRules = new Map<string, number>();
  const missedSample: { id: string; kinds: string[]; text: string }[] = [];
  const falsePositiveSample: { id: string; verdict: string; rules: string[]; text: string }[] = [];
  inputs.forEach((input, i) => {
    const r = results[i]!;
    const lang = input.lang ?? 'und';
    const l = byLang.get(lang) ?? { messages: 0, planted: 0, found: 0, falsePositives: 0 };
    byLang.set(lang, l);
    l.messages++;
    const kinds = kindsOf.get(input.id);
    if (kinds !== undefined) {
      l.planted++;
      const hit = flagged(r);
      if (hit) {
        found++;
        l.found++;
      } else if (missedSample.length < sample) missedSample.push({ id: input.id, kinds: [...kinds], text: input.text });
      for (const k of kinds) {
        const c = byKind.get(k) ?? { planted: 0, found: 0 };
        c.planted++;
        if (hit) c.found++;
        byKind.set(k, c);
      }
    } else if (flagged(r)) {
      falsePositives++;
      l.falsePositives++;
      const top = [...r.hits].sort((a, b) => b.score - a.score)[0];
      if (top !== undefined) fpRules.set(top.rule, (fpRules.get(top.rule) ?? 0) + 1);
      if (falsePositiveSample.length < sample) falsePositiveSample.push({ id: input.id, verdict: r.verdict, rules: r.hits.map((h) => h.rule), text: input.text });
    }
  });
  const attempts = data.truth.offPlatformAttempts;
  return {
    ruleSetVersion: rs.version,
    messages: inputs.length,
    planted: kindsOf.size,
    found,
    attempts: attempts.length,
    attemptsFound: attempts.filter((a) => a.message_ids.some((id) => resultOf.get(id) !== undefined && flagged(resultOf.get(id)!))).length,
    falsePositives,
    byKind: [...byKind].map(([kind, c]) => ({ kind, ...c })).sort((a, b) => a.kind.localeCompare(b.kind)),
    byLang: [...byLang].map(([lang, c]) => ({ lang, ...c })).sort((a, b) => b.messages - a.messages),
    falsePositiveRules: [...fpRules].map(([rule, messages]) => ({ rule, messages })).sort((a, b) => b.messages - a.messages || a.rule.localeCompare(b.rule)),
    missedSample,
    falsePositiveSample,
  };
}

const pct = (n: number, d: number): string => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** The demo evaluation as lines for a terminal. */
export function formatDemoEval(r: DemoEvalReport): string[] {
  const lines = [
    `demo data: ${r.messages} messages scanned with rule set ${r.ruleSetVersion}`,
    `planted attempt messages found: ${r.found} of ${r.planted} (recall ${pct(r.found, r.planted).trim()}); attempts (conversations) with a flagged message: ${r.attemptsFound} of ${r.attempts}`,
    `other messages flagged (false positives): ${r.falsePositives} of ${r.messages - r.planted} (${pct(r.falsePositives, r.messages - r.planted).trim()}); precision ${pct(r.found, r.found + r.falsePositives).trim()}`,
    'by attempt kind:            planted  found  recall',
  ];
  for (const k of r.byKind) lines.push(`  ${k.kind.padEnd(24)} ${String(k.planted).padStart(7)} ${String(k.found).padStart(6)}  ${pct(k.found, k.planted)}`);
  lines.push('by language:   messages  planted  found  recall  false positives');
  for (const l of r.byLang) lines.push(`  ${l.lang.padEnd(10)} ${String(l.messages).padStart(9)} ${String(l.planted).padStart(8)} ${String(l.found).padStart(6)}  ${pct(l.found, l.planted)}  ${String(l.falsePositives).padStart(6)}`);
  if (r.falsePositiveRules.length > 0) lines.push(`false positives by strongest rule: ${r.falsePositiveRules.map((x) => `${x.rule} ${x.messages}`).join(', ')}`);
  for (const m of r.missedSample) lines.push(`  missed ${m.id} [${m.kinds.join(', ')}] ${JSON.stringify(m.text).slice(0, 160)}`);
  for (const m of r.falsePositiveSample) lines.push(`  flagged ${m.id} (${m.verdict}: ${m.rules.join(', ')}) ${JSON.stringify(m.text).slice(0, 160)}`);
  return lines;
}
