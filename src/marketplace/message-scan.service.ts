import { canonicalJson, invalidInput, newId, type Clock } from '../kernel';
import { inTransaction, recordChange, type Actor, type Db } from '../db';
import type { Hit, HitKind, ScanInput, ScanResult, Verdict } from '../detection';
import * as store from './message-scan.store';
import type { MessageInput, SenderRole } from './marketplace.model';
import { parseIsoTime } from './marketplace.validation';
import type { MessageScanner, PreviousVerdict, RescanChange, RescanOptions, RescanReport, ScannedMessage, StoredMessageNotice, StoredScan } from './message-scan.model';

export interface MessageScanDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly scanner: MessageScanner;
  /** Messages older than this many days when (re)scanned are stored `historical` (`RESCAN_ENFORCEMENT_CUTOFF_DAYS`). */
  readonly enforcementCutoffDays: number;
  /** Told, inside the transaction that stores them, of re-scanned messages whose verdict changed. */
  readonly afterMessagesStored?: (tx: Db, messages: readonly StoredMessageNotice[]) => Promise<void>;
}

const DAY_MS = 86_400_000;
/** Conversations per outer re-scan page and messages per inner page: what one page holds in memory. */
const RESCAN_CONVERSATIONS = 250;
const RESCAN_MESSAGES = 1000;

/** The sender field of the scan contract: role and party, so two messages of one party chain. */
function senderOf(role: SenderRole, parties: { buyerId: string; sellerId: string }): string {
  return role === 'seller' ? `seller:${parties.sellerId}` : `buyer:${parties.buyerId}`;
}

function inputOf(
  m: { id: string; conversationId: string; senderRole: SenderRole; body: string; lang: string | undefined; sentAt: Date },
  parties: { buyerId: string; sellerId: string },
  ctx: store.ScanContext | undefined,
): ScanInput {
  return {
    id: m.id,
    text: m.body,
    conversation: m.conversationId,
    sender: senderOf(m.senderRole, parties),
    ...(m.lang === undefined ? {} : { lang: m.lang }),
    ...(ctx?.sellerCountry === undefined ? {} : { seller_country: ctx.sellerCountry }),
    ...(ctx?.buyerCountry === undefined ? {} : { buyer_country: ctx.buyerCountry }),
    order_exists: ctx?.firstOrderAt !== undefined && ctx.firstOrderAt.getTime() <= m.sentAt.getTime(),
  };
}

function earlierInputs(conversationId: string, ctx: store.ScanContext | undefined, parties: { buyerId: string; sellerId: string }): ScanInput[] {
  return (ctx?.earlier ?? []).map((e) => ({ id: e.id, text: e.tail, conversation: conversationId, sender: senderOf(e.senderRole, parties), ...(e.lang === undefined ? {} : { lang: e.lang }) }));
}

function byConversationOrder(a: { conversationId: string; sentAt: Date; id: string }, b: { conversationId: string; sentAt: Date; id: string }): number {
  if (a.conversationId !== b.conversationId) return a.conversationId < b.conversationId ? -1 : 1;
  const t = a.sentAt.getTime() - b.sentAt.getTime();
  if (t !== 0) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const hitKey = (h: Pick<Hit, 'kind' | 'start' | 'end' | 'rule'>): string => `${h.kind}|${h.start}|${h.end}|${h.rule}`;
const resultKey = (r: Pick<ScanResult, 'verdict' | 'score' | 'hits'> | undefined): string =>
  r === undefined ? '' : canonicalJson({ verdict: r.verdict, score: r.score, hits: r.hits.map((h) => [h.kind, h.start, h.end, h.rule, h.clause, h.normalized, h.score]) });

/**
 * Detection on stored messages: every message ingest stores carries its scan result and the
 * rule-set version, and a re-scan brings history up to the active version.
 */
export function createMessageScans(deps: MessageScanDeps) {
  const { db, clock, scanner } = deps;
  const cutoffAt = (now: Date): Date => new Date(now.getTime() - deps.enforcementCutoffDays * DAY_MS);
  const stored = (r: ScanResult, sentAt: Date, cutoff: Date): StoredScan => (sentAt.getTime() < cutoff.getTime() ? { ...r, historical: true } : r);

  /**
   * Scans the messages of one ingest batch, in conversation order, with the context of the earlier
   * messages of each conversation: those before it in the batch and the last few stored ones (one
   * set-based query for the whole batch). Runs before the batch's transaction, so the CPU time of
   * scanning holds no locks. Returns the result per message id.
   */
  async function scanIncoming(messages: readonly MessageInput[]): Promise<{ version: string; scans: Map<string, StoredScan> }> {
    const rs = await scanner.current();
    const scans = new Map<string, StoredScan>();
    if (messages.length === 0) return { version: rs.version, scans };
    const ordered = [...messages].sort(byConversationOrder);
    const firstOf = new Map<string, MessageInput>();
    for (const m of ordered) if (!firstOf.has(m.conversationId)) firstOf.set(m.conversationId, m);
    const contexts = await store.scanContexts(
      db,
      [...firstOf.values()].map((m) => ({ conversation_id: m.conversationId, buyer_id: m.buyerId, seller_id: m.sellerId, listing_id: m.listingId, before_at: m.sentAt.toISOString(), before_id: m.id })),
    );
    const earlier = new Map<string, ScanInput[]>();
    for (const [conv, ctx] of contexts) if (ctx.earlier.length > 0) earlier.set(conv, earlierInputs(conv, ctx, firstOf.get(conv)!));
    const inputs = ordered.map((m) => inputOf(m, firstOf.get(m.conversationId)!, contexts.get(m.conversationId)));
    const results = rs.scan(inputs, earlier);
    const cutoff = cutoffAt(clock.now());
    ordered.forEach((m, i) => scans.set(m.id, stored(results[i]!, m.sentAt, cutoff)));
    return { version: rs.version, scans };
  }

  /**
   * Re-scans stored messages sent in [since, until) with the active rule set, conversation by
   * conversation in order (each message with the context of the ones before it, also those before
   * `since`), a page at a time so memory stays bounded. Reports what changed; unless `dryRun`, stores
   * the new results and version (one transaction and one audit entry per page that changes rows).
   * Messages older than the enforcement cutoff are stored `historical: true`: enforcement never
   * acts on them.
   */
  async function rescan(actor: Actor, opts: RescanOptions): Promise<RescanReport> {
    const { since, until } = opts;
    if (!Number.isFinite(since.getTime())) throw invalidInput('since is not a valid time', [{ field: 'since', reason: 'must be an ISO 8601 date or time' }]);
    if (until !== undefined && !Number.isFinite(until.getTime())) throw invalidInput('until is not a valid time', [{ field: 'until', reason: 'must be an ISO 8601 date or time' }]);
    if (until !== undefined && until.getTime() <= since.getTime()) throw invalidInput('until must be after since', [{ field: 'until', reason: 'must be after since' }]);
    const dryRun = opts.dryRun === true;
    // a rule set other than the active one may look at history, never rewrite it
    if (opts.scanner !== undefined && !dryRun) throw new Error('a re-scan with a given rule set must be a dry run');
    const sampleSize = Math.min(Math.max(opts.sampleSize ?? 20, 0), 1000);
    const rs = opts.scanner ?? (await scanner.current());
    const id = newId('rsc');
    const cutoff = cutoffAt(clock.now());
    const range = { since, until };

    let conversations = 0;
    let scanned = 0;
    let changed = 0;
    let changedHistorical = 0;
    let toWrite = 0;
    let written = 0;
    const previousVersions = new Map<string, number>();
    const transitions = new Map<string, number>();
    const kinds = new Map<HitKind, { added: number; removed: number }>();
    // the sample lists verdict changes first (a first scan that finds nothing is the least news)
    const sample: RescanChange[] = [];
    const quietSample: RescanChange[] = [];
    const kindCount = (k: HitKind) => {
      let c = kinds.get(k);
      if (c === undefined) kinds.set(k, (c = { added: 0, removed: 0 }));
      return c;
    };

    let convAfter: string | undefined;
    for (;;) {
      const convs = await store.conversationsInRange(db, range, convAfter, RESCAN_CONVERSATIONS);
      if (convs.length === 0) break;
      convAfter = convs.at(-1)!.id;
      const parties = new Map(convs.map((c) => [c.id, c]));
      // context from before `since`: the last stored messages of each conversation, countries, first order
      const contexts = await store.scanContexts(
        db,
        convs.map((c) => ({ conversation_id: c.id, buyer_id: c.buyerId, seller_id: c.sellerId, listing_id: c.listingId, before_at: since.toISOString(), before_id: '' })),
      );
      const tails = new Map<string, ScanInput[]>();
      for (const [conv, ctx] of contexts) if (ctx.earlier.length > 0) tails.set(conv, earlierInputs(conv, ctx, parties.get(conv)!));

      let msgAfter: store.MessageKey | undefined;
      let lastConversation: string | undefined;
      for (;;) {
        const page = await store.messagesInRange(
          db,
          convs.map((c) => c.id),
          range,
          msgAfter,
          RESCAN_MESSAGES,
        );
        if (page.length === 0) break;
        const last = page.at(-1)!;
        msgAfter = { conversationId: last.conversationId, sentAtRaw: last.sentAtRaw, id: last.id };
        const inputs = page.map((m) => inputOf(m, parties.get(m.conversationId)!, contexts.get(m.conversationId)));
        const results = rs.scan(inputs, tails);
        // carry each conversation's last messages to the next page
        inputs.forEach((input) => {
          const t = tails.get(input.conversation!) ?? [];
          t.push(input);
          if (t.length > 4) t.shift();
          tails.set(input.conversation!, t);
        });

        const updates: { id: string; scan: StoredScan; rule_set_version: string }[] = [];
        const verdictChanged: StoredMessageNotice[] = [];
        const seen: ScannedMessage[] = [];
        page.forEach((m, i) => {
          const next = stored(results[i]!, m.sentAt, cutoff);
          if (opts.onScanned !== undefined) seen.push({ id: m.id, conversationId: m.conversationId, sentAt: m.sentAt, before: m.scan, next });
          scanned++;
          if (m.conversationId !== lastConversation) {
            conversations++;
            lastConversation = m.conversationId;
          }
          previousVersions.set(m.ruleSetVersion ?? 'none', (previousVersions.get(m.ruleSetVersion ?? 'none') ?? 0) + 1);
          const before = m.scan;
          const historical = next.historical === true;
          if (resultKey(before) !== resultKey(next)) {
            changed++;
            if (historical) changedHistorical++;
            const from: PreviousVerdict = before?.verdict ?? 'unscanned';
            if (from !== next.verdict) transitions.set(`${from}|${next.verdict}`, (transitions.get(`${from}|${next.verdict}`) ?? 0) + 1);
            const oldKeys = new Set((before?.hits ?? []).map(hitKey));
            const newKeys = new Set(next.hits.map(hitKey));
            const added = next.hits.filter((h) => !oldKeys.has(hitKey(h)));
            const removed = (before?.hits ?? []).filter((h) => !newKeys.has(hitKey(h)));
            for (const h of added) kindCount(h.kind).added++;
            for (const h of removed) kindCount(h.kind).removed++;
            if (from !== next.verdict) {
              const p = parties.get(m.conversationId)!;
              verdictChanged.push({ id: m.id, conversationId: m.conversationId, sellerId: p.sellerId, buyerId: p.buyerId, listingId: p.listingId, senderRole: m.senderRole, sentAt: m.sentAt, lang: m.lang, scan: next });
            }
            const notable = from !== next.verdict && !(from === 'unscanned' && next.verdict === 'clear');
            const bucket = notable ? sample : quietSample;
            if (bucket.length < sampleSize) {
              bucket.push({
                id: m.id,
                conversationId: m.conversationId,
                sentAt: m.sentAt,
                from,
                to: next.verdict,
                historical,
                kindsAdded: [...new Set(added.map((h) => h.kind))],
                kindsRemoved: [...new Set(removed.map((h) => h.kind))],
              });
            }
          }
          if (m.ruleSetVersion !== rs.version || canonicalJson(before ?? null) !== canonicalJson(next)) updates.push({ id: m.id, scan: next, rule_set_version: rs.version });
        });
        opts.onScanned?.(seen);
        toWrite += updates.length;
        if (!dryRun && updates.length > 0) {
          written += await inTransaction(db, async (tx) => {
            const n = await store.updateScans(tx, updates);
            if (deps.afterMessagesStored !== undefined && verdictChanged.length > 0) await deps.afterMessagesStored(tx, verdictChanged);
            await recordChange(tx, clock, {
              actor,
              action: 'messages.rescanned',
              subject: { type: 'rescan', id },
              fields: ['scan', 'rule_set_version'],
              data: { ruleSetVersion: rs.version, messages: n },
              event: { type: 'messages.rescanned', payload: { rescan_id: id, rule_set_version: rs.version, messages: n } },
            });
            return n;
          });
        }
        opts.onProgress?.(scanned);
        if (page.length < RESCAN_MESSAGES) break;
      }
    }

    const verdictOrder: Record<PreviousVerdict, number> = { unscanned: 0, clear: 1, review: 2, violation: 3 };
    return {
      id,
      ruleSetVersion: rs.version,
      since,
      until,
      dryRun,
      enforcementCutoff: cutoff,
      conversations,
      scanned,
      changed,
      changedHistorical,
      toWrite,
      written,
      previousVersions: [...previousVersions].map(([version, messages]) => ({ version, messages })).sort((a, b) => b.messages - a.messages || a.version.localeCompare(b.version)),
      transitions: [...transitions]
        .map(([k, messages]) => {
          const [from, to] = k.split('|') as [PreviousVerdict, Verdict];
          return { from, to, messages };
        })
        .sort((a, b) => verdictOrder[a.from] - verdictOrder[b.from] || verdictOrder[a.to] - verdictOrder[b.to]),
      kinds: [...kinds].map(([kind, c]) => ({ kind, ...c })).sort((a, b) => a.kind.localeCompare(b.kind)),
      sample: [...sample, ...quietSample].slice(0, sampleSize),
    };
  }

  return { scanIncoming, rescan };
}

export type MessageScans = ReturnType<typeof createMessageScans>;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseBound(value: string, field: 'since' | 'until'): Date {
  const d = DATE_ONLY.exec(value);
  if (d !== null) {
    const at = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
    if (at.toISOString().slice(0, 10) === value) return field === 'until' ? new Date(at.getTime() + DAY_MS) : at;
  } else {
    const at = parseIsoTime(value);
    if (at !== undefined) return at;
  }
  throw invalidInput(`${field} is not a date`, [{ field, reason: 'must be a date (2026-10-01) or a time with its zone (2026-10-01T12:00:00Z)' }]);
}

/**
 * Reads the range of a re-scan: `since` is inclusive, `until` exclusive — except that a bare date
 * as `until` includes that whole day (`--since 2026-10-01 --until 2026-10-31` is all of October, UTC).
 */
export function parseRescanRange(since: string, until?: string): { since: Date; until: Date | undefined } {
  const from = parseBound(since, 'since');
  const to = until === undefined ? undefined : parseBound(until, 'until');
  if (to !== undefined && to.getTime() <= from.getTime()) throw invalidInput('until must be after since', [{ field: 'until', reason: 'must be after since' }]);
  return { since: from, until: to };
}
