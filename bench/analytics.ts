/**
 * npx tsx bench/analytics.ts [--messages 1000000,10000000]   (npm run bench:analytics)
 *
 * The off-platform report at volume, on PostgreSQL (DATABASE_URL or BENCH_DATABASE_URL, default the
 * local server). For each size it creates a fresh database `assay_bench_analytics`, applies the
 * migrations, generates sellers, buyers, listings, conversations (6 messages each), stored scans
 * (a phone hit in the contact conversations), orders and listing status events directly in SQL
 * (generate_series), then times:
 *   1. the first refresh (builds every conversation's facts: one pass over all messages),
 *   2. the report (the ranked page + the top seller with its conversations),
 *   3. a refresh with nothing new (steady state),
 *   4. 1,000 new conversations (6,000 messages) with their orders and events, then refresh + report:
 *      the figure that matters in operation (the goal: under 5 s at 10M messages).
 * The database is dropped afterwards.
 *
 * The data: 1 seller per 600 messages, 24 listings each, in 8 countries and 5 categories; 1 in 20
 * sellers (spread over the categories) is "bad": a quarter of its conversations exchange a phone number and 60% of those see the
 * listing marked sold two days later with no order. Other sellers exchange contact details in 3% of
 * conversations, always with an order. The bench also prints where the bad sellers landed.
 */
import pg from 'pg';
import { systemClock } from '../src/kernel';
import { migrate, openDatabase } from '../src/db';
import { createAnalyticsService } from '../src/analytics';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('messages', '1000000,10000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const BASE_URL = process.env['BENCH_DATABASE_URL'] || process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'assay_bench_analytics';
const BENCH_READER = { kind: 'token' as const, id: 'bench', role: 'admin' as const, vendorOrgId: undefined, name: 'bench' };
const ACTOR = { type: 'system' as const, id: 'bench' };

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await work();
  return [r, performance.now() - t0];
}

/** Sellers, buyers and listings for a data set of `messages` messages. */
function shape(messages: number) {
  const conversations = Math.floor(messages / 6);
  return { conversations, sellers: Math.max(50, Math.floor(messages / 600)), buyers: Math.max(200, Math.floor(messages / 30)), perSeller: 24 };
}

async function generateParties(c: pg.Client, s: ReturnType<typeof shape>): Promise<void> {
  await c.query(`INSERT INTO sellers (id, name, country, status, created_at, updated_at, source_updated_at)
    SELECT 's' || i, 'Dealer ' || i, (ARRAY['FR','IT','DE','GB','US','NL','ES','BE'])[1 + (abs(hashint4(i * 7)) % 8)], 'active', now(), now(), now()
    FROM generate_series(0, ${s.sellers - 1}) i`);
  await c.query(`INSERT INTO buyers (id, name, country, created_at, updated_at, source_updated_at)
    SELECT 'b' || i, 'Buyer ' || i, 'GB', now(), now(), now() FROM generate_series(0, ${s.buyers - 1}) i`);
  // listing seller + S*k; most of a seller's listings in its main category
  await c.query(`INSERT INTO listings (id, seller_id, title, category, price_minor, currency, status, created_at, updated_at, source_updated_at)
    SELECT 'l' || (sl + ${s.sellers} * k), 's' || sl, 'Item', (ARRAY['furniture','lighting','art','jewelry','watches'])[1 + ((sl + (CASE WHEN k % 6 = 5 THEN 1 ELSE 0 END)) % 5)],
           250000, 'EUR', 'active', now(), now(), now()
    FROM generate_series(0, ${s.sellers - 1}) sl CROSS JOIN generate_series(0, ${s.perSeller - 1}) k`);
}

/** Conversations [from, to) with their messages, scans, orders and listing events. */
async function generateConversations(c: pg.Client, s: ReturnType<typeof shape>, from: number, to: number, spanDays: number): Promise<void> {
  await c.query(`DROP TABLE IF EXISTS bench_conv`);
  await c.query(`CREATE UNLOGGED TABLE bench_conv AS
    SELECT i, sl, ((sl / 5) % 20 = 0) AS bad, 'l' || (sl + ${s.sellers} * (abs(hashint4(i + 13)) % ${s.perSeller})) AS listing,
           'b' || (abs(hashint4(i + 29)) % ${s.buyers}) AS buyer,
           now() - interval '${spanDays + 2} days' + (i - ${from}) * (interval '${spanDays} days' / ${Math.max(1, to - from)}) AS start,
           abs(hashint4(i + 41)) % 100 AS r1, abs(hashint4(i + 53)) % 100 AS r2
    FROM (SELECT i, abs(hashint4(i)) % ${s.sellers} AS sl FROM generate_series(${from}, ${to - 1}) i) x`);
  await c.query(`ALTER TABLE bench_conv ADD COLUMN contact boolean, ADD COLUMN outcome text`);
  await c.query(`UPDATE bench_conv SET contact = r1 < (CASE WHEN bad THEN 25 ELSE 3 END),
    outcome = CASE WHEN r1 < (CASE WHEN bad THEN 25 ELSE 3 END) THEN (CASE WHEN bad AND r2 < 60 THEN 'vanish' ELSE 'order' END)
                   WHEN r2 < 20 THEN 'order' ELSE 'none' END`);
  await c.query(`INSERT INTO conversations (id, buyer_id, seller_id, listing_id, first_message_at, last_message_at, message_count, created_at)
    SELECT 'c' || i, buyer, 's' || sl, listing, start, start + interval '15 hours', 6, start FROM bench_conv`);
  await c.query(`INSERT INTO messages (id, conversation_id, sender_role, body, body_hash, sent_at, lang, received_at, scan, rule_set_version)
    SELECT 'm' || (i * 6 + k), 'c' || i, CASE WHEN k % 2 = 0 THEN 'buyer' ELSE 'seller' END,
           CASE WHEN contact AND k = 3 THEN 'Call me on +33 6 12 34 56 78, easier between us.' ELSE 'Is it still available? Could you send the dimensions, please?' END,
           md5(i::text || k::text), start + k * interval '3 hours', 'en', start + k * interval '3 hours',
           CASE WHEN contact AND k = 3
             THEN jsonb_build_object('id', 'm' || (i * 6 + k), 'verdict', 'violation', 'score', 0.92, 'hits', jsonb_build_array(jsonb_build_object(
                    'kind', 'phone', 'start', 11, 'end', 28, 'value', '+33 6 12 34 56 78', 'normalized', '+33612345678', 'rule', 'phone.intl', 'clause', 'TP-2.1', 'score', 0.92)))
             ELSE jsonb_build_object('id', 'm' || (i * 6 + k), 'verdict', 'clear', 'score', 0, 'hits', '[]'::jsonb) END,
           'builtin'
    FROM bench_conv CROSS JOIN generate_series(0, 5) k`);
  await c.query(`INSERT INTO orders (id, listing_id, buyer_id, seller_id, amount_minor, currency, status, created_at, status_at, received_at)
    SELECT 'o' || i, listing, buyer, 's' || sl, 250000, 'EUR', 'created', start + interval '8 hours', start + interval '8 hours', start + interval '8 hours'
    FROM bench_conv WHERE outcome = 'order'`);
  await c.query(`INSERT INTO listing_events (id, listing_id, type, status, occurred_at, source, payload_hash, received_at)
    SELECT 'e' || i, listing, 'status_changed', 'sold', start + interval '2 days', 'event', md5(i::text), start + interval '2 days' FROM bench_conv WHERE outcome = 'vanish'
    UNION ALL
    SELECT 'eo' || i, listing, 'status_changed', 'sold', start + interval '8 hours 5 minutes', 'event', md5(i::text), start + interval '8 hours' FROM bench_conv WHERE outcome = 'order'`);
  await c.query(`DROP TABLE bench_conv`);
}

/** Bad sellers come in runs of five consecutive ids, so every category has some (category = id mod 5). */
const isBad = (sellerId: string) => Math.floor(Number(sellerId.slice(1)) / 5) % 20 === 0;

async function runSize(messages: number): Promise<string[]> {
  const s = shape(messages);
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${NAME}"`);
  const u = new URL(BASE_URL);
  u.pathname = `/${NAME}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  const gen = new pg.Client({ connectionString: u.toString() });
  const lines: string[] = [];
  try {
    await migrate(database);
    await gen.connect();
    // bench-only shortcuts on a throwaway database: no FK triggers, indexes built once after the load
    await gen.query(`SET session_replication_role = replica; SET synchronous_commit = off; SET maintenance_work_mem = '512MB'`);
    const [, genMs] = await timed(async () => {
      await gen.query(`DROP INDEX messages_conversation_idx; ALTER TABLE messages DROP CONSTRAINT messages_pkey`);
      await generateParties(gen, s);
      await generateConversations(gen, s, 0, s.conversations, 175);
      await gen.query(`ALTER TABLE messages ADD PRIMARY KEY (id); CREATE INDEX messages_conversation_idx ON messages (conversation_id, sent_at)`);
      await gen.query(`VACUUM ANALYZE`);
    });
    console.error(`  ${messages.toLocaleString('en')} messages: generated in ${secs(genMs)} (${s.conversations.toLocaleString('en')} conversations, ${s.sellers} sellers)`);

    const analytics = createAnalyticsService({ db: database.db, clock: systemClock });
    const report = async () => {
      const page = await analytics.listSellers(BENCH_READER, { limit: 50 });
      const top = page.items[0] === undefined ? undefined : await analytics.seller(BENCH_READER, page.items[0].sellerId);
      return { page, top };
    };
    const [first, firstMs] = await timed(() => analytics.refresh(ACTOR));
    const [r1, reportMs] = await timed(report);
    const [, idleMs] = await timed(() => analytics.refresh(ACTOR));
    await generateConversations(gen, s, s.conversations, s.conversations + 1000, 1);
    await gen.query(`ANALYZE conversations; ANALYZE messages; ANALYZE orders; ANALYZE listing_events`);
    const [[inc], incMs] = await timed(async () => Promise.all([analytics.refresh(ACTOR)]).then(async (r) => { await report(); return r; }));
    const bad = r1.page.items.filter((x) => isBad(x.sellerId)).length;
    const badTotal = Array.from({ length: s.sellers }, (_, i) => `s${i}`).filter(isBad).length;
    const k = Math.min(50, badTotal);
    const badInTopK = r1.page.items.slice(0, k).filter((x) => isBad(x.sellerId)).length;
    lines.push(
      `| ${messages.toLocaleString('en')} | ${secs(genMs)} | ${secs(firstMs)} (${first.factsUpdated.toLocaleString('en')} facts) | ${reportMs.toFixed(0)} ms | ${secs(idleMs)} | ${secs(incMs)} (${inc!.factsUpdated} facts) | ${badInTopK}/${k} |`,
    );
    console.error(`    first refresh ${secs(firstMs)}, report ${reportMs.toFixed(0)} ms, idle refresh ${secs(idleMs)}, +6,000 messages refresh + report ${secs(incMs)}; bad sellers in the first page: ${bad}, precision@${k} ${badInTopK}/${k}`);
  } finally {
    await gen.end().catch(() => undefined);
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
    await admin.end();
  }
  return lines;
}

async function main(): Promise<void> {
  console.error(`bench:analytics on ${new URL(BASE_URL).host}, sizes ${SIZES.join(', ')}`);
  const rows: string[] = [];
  for (const m of SIZES) rows.push(...(await runSize(m)));
  console.log('| messages | generate | first refresh (full build) | report | refresh, nothing new | +6,000 messages: refresh + report | bad sellers in top k |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
