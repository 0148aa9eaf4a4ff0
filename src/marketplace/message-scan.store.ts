import { query, sql, type Db } from '../db';
import { anyOf, chunks, iso, rowsOf, toDate, toOptDate } from './ingest.store';
import type { SenderRole } from './marketplace.model';
import type { StoredScan } from './message-scan.model';

/* SQL for scanning stored and incoming messages: their context, re-scan pages, result updates. */

/** How much of an earlier message the context carries: a split number is in the last few dozen characters. */
const CONTEXT_TAIL_CHARS = 400;

export interface ContextRequest {
  readonly conversation_id: string;
  readonly buyer_id: string;
  readonly seller_id: string;
  /** The listing the conversation is about, if any: only an order of it allows delivery details. */
  readonly listing_id: string | undefined;
  /** Context is the stored messages strictly before (sent_at, id) = (before_at, before_id). */
  readonly before_at: string;
  readonly before_id: string;
}

export interface EarlierMessage {
  readonly id: string;
  readonly senderRole: SenderRole;
  /** The end of the body (the last {@link CONTEXT_TAIL_CHARS} characters). */
  readonly tail: string;
  readonly lang: string | undefined;
}

export interface ScanContext {
  readonly sellerCountry: string | undefined;
  readonly buyerCountry: string | undefined;
  /**
   * The first order, not cancelled, between the two parties of the conversation's listing (of any
   * listing when the conversation is about none): delivery details may then be allowed. An earlier
   * purchase of another item does not allow contact details in a conversation about a new one.
   */
  readonly firstOrderAt: Date | undefined;
  /** The last stored messages before the requested point, oldest first. */
  readonly earlier: readonly EarlierMessage[];
}

/**
 * The scan context of each conversation, in one set-based query per chunk of conversations: the
 * parties' countries (phone-number hints), the first order between them, and the last `depth`
 * stored messages before the given point (one backward probe of the (conversation_id, sent_at)
 * index each). A conversation with nothing stored yet just gets no earlier messages.
 */
export async function scanContexts(db: Db, requests: readonly ContextRequest[], depth = 3): Promise<Map<string, ScanContext>> {
  const out = new Map<string, { sellerCountry: string | undefined; buyerCountry: string | undefined; firstOrderAt: Date | undefined; earlier: EarlierMessage[] }>();
  for (const part of chunks(requests)) {
    const rows = await query(
      db,
      sql`SELECT x.conversation_id, s.country AS seller_country, b.country AS buyer_country,
          (SELECT min(o.created_at) FROM orders o
            WHERE o.buyer_id = x.buyer_id AND o.seller_id = x.seller_id AND o.status <> 'cancelled' AND (x.listing_id IS NULL OR o.listing_id = x.listing_id)) AS first_order_at,
          t.id, t.sender_role, t.tail, t.lang
        FROM ${rowsOf(part, [['conversation_id', 'text'], ['buyer_id', 'text'], ['seller_id', 'text'], ['listing_id', 'text'], ['before_at', 'timestamptz'], ['before_id', 'text']])}
        LEFT JOIN sellers s ON s.id = x.seller_id
        LEFT JOIN buyers b ON b.id = x.buyer_id
        LEFT JOIN LATERAL (
          SELECT m.id, m.sender_role, right(m.body, ${CONTEXT_TAIL_CHARS}) AS tail, m.lang, m.sent_at
          FROM messages m
          WHERE m.conversation_id = x.conversation_id AND m.sent_at <= x.before_at AND (m.sent_at, m.id) < (x.before_at, x.before_id)
          ORDER BY m.sent_at DESC, m.id DESC
          LIMIT ${depth}
        ) t ON TRUE
        ORDER BY x.conversation_id, t.sent_at, t.id`,
    );
    for (const r of rows) {
      const conv = String(r['conversation_id']);
      let c = out.get(conv);
      if (c === undefined) {
        c = {
          sellerCountry: r['seller_country'] == null ? undefined : String(r['seller_country']),
          buyerCountry: r['buyer_country'] == null ? undefined : String(r['buyer_country']),
          firstOrderAt: toOptDate(r['first_order_at']),
          earlier: [],
        };
        out.set(conv, c);
      }
      if (r['id'] != null) c.earlier.push({ id: String(r['id']), senderRole: String(r['sender_role']) as SenderRole, tail: String(r['tail']), lang: r['lang'] == null ? undefined : String(r['lang']) });
    }
  }
  return out;
}

export interface ConversationParties {
  readonly id: string;
  readonly buyerId: string;
  readonly sellerId: string;
  readonly listingId: string | undefined;
}

/** Conversations with messages in [since, until), by id after `after`; the re-scan's outer pages. */
export async function conversationsInRange(db: Db, range: { since: Date; until: Date | undefined }, after: string | undefined, limit: number): Promise<ConversationParties[]> {
  const rows = await query<{ id: string; buyer_id: string; seller_id: string; listing_id: string | null }>(
    db,
    sql`SELECT id, buyer_id, seller_id, listing_id FROM conversations
      WHERE last_message_at >= ${iso(range.since)}::timestamptz
        ${range.until === undefined ? sql`` : sql`AND first_message_at < ${iso(range.until)}::timestamptz`}
        ${after === undefined ? sql`` : sql`AND id > ${after}`}
      ORDER BY id LIMIT ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, buyerId: r.buyer_id, sellerId: r.seller_id, listingId: r.listing_id ?? undefined }));
}

export interface StoredMessageForScan {
  readonly id: string;
  readonly conversationId: string;
  readonly senderRole: SenderRole;
  readonly body: string;
  readonly lang: string | undefined;
  readonly sentAt: Date;
  /** As stored, to keep the key exact for the next page. */
  readonly sentAtRaw: string;
  readonly scan: StoredScan | undefined;
  readonly ruleSetVersion: string | undefined;
}

export interface MessageKey {
  readonly conversationId: string;
  readonly sentAtRaw: string;
  readonly id: string;
}

/** Messages of the given conversations in [since, until), in conversation order, after `after`. */
export async function messagesInRange(
  db: Db,
  conversationIds: readonly string[],
  range: { since: Date; until: Date | undefined },
  after: MessageKey | undefined,
  limit: number,
): Promise<StoredMessageForScan[]> {
  const rows = await query(
    db,
    sql`SELECT id, conversation_id, sender_role, body, lang, sent_at, to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sent_at_raw, scan, rule_set_version
      FROM messages
      WHERE conversation_id = ${anyOf(conversationIds)}
        AND sent_at >= ${iso(range.since)}::timestamptz
        ${range.until === undefined ? sql`` : sql`AND sent_at < ${iso(range.until)}::timestamptz`}
        ${after === undefined ? sql`` : sql`AND (conversation_id, sent_at, id) > (${after.conversationId}, ${after.sentAtRaw}::timestamptz, ${after.id})`}
      ORDER BY conversation_id, sent_at, id
      LIMIT ${limit}`,
  );
  return rows.map((r) => {
    const scan = typeof r['scan'] === 'string' ? (JSON.parse(r['scan']) as StoredScan) : ((r['scan'] ?? undefined) as StoredScan | undefined);
    return {
      id: String(r['id']),
      conversationId: String(r['conversation_id']),
      senderRole: String(r['sender_role']) as SenderRole,
      body: String(r['body']),
      lang: r['lang'] == null ? undefined : String(r['lang']),
      sentAt: toDate(r['sent_at']),
      sentAtRaw: String(r['sent_at_raw']),
      scan,
      ruleSetVersion: r['rule_set_version'] == null ? undefined : String(r['rule_set_version']),
    };
  });
}

/** Stores new results; rows sorted by id (the lock order of ingest.store.ts). */
export async function updateScans(tx: Db, rows: readonly { id: string; scan: StoredScan; rule_set_version: string }[]): Promise<number> {
  let n = 0;
  for (const part of chunks([...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))) {
    const res = await query<{ id: string }>(
      tx,
      sql`UPDATE messages AS m SET scan = x.scan::jsonb, rule_set_version = x.rule_set_version
        FROM ${rowsOf(part, [['id', 'text'], ['scan', 'text'], ['rule_set_version', 'text']])}
        WHERE m.id = x.id
        RETURNING m.id`,
    );
    n += res.length;
  }
  return n;
}
