import { startAuditSealer } from './workers';
import {
  AckPolicy,
  DeliverPolicy,
  RetentionPolicy,
  StorageType,
  connect,
  headers as natsHeaders,
  nanos,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import pino, { type Logger } from 'pino';
import type { Config } from '../config';
import { AppError } from '../kernel';
import { CliError, type BatchItemView, type BatchReportView } from '../cli';
import { buildServices, type Services } from './services';
import { openRuntime, runningServer, type Runtime } from './runtime';

/*
 * `assay worker --source nats`: a durable JetStream pull consumer per kind (messages, events). Each
 * NATS message carries one JSON item or a JSON array of items. A message is acknowledged only after
 * the ingest transaction holding its items committed; a poison message (not JSON, or refused by
 * validation) is copied to `<prefix>.dlq.<original subject>` with the reason in its headers and then
 * terminated so it is not redelivered forever; a transient failure (database down) is nak'ed with a
 * growing delay and comes back. Redelivery only ever yields duplicates: ingest is idempotent.
 */

/** Kinds a worker consumes, and the subject token that carries each. */
export const NATS_KINDS = ['messages', 'events'] as const;
export type NatsKind = (typeof NATS_KINDS)[number];

export interface NatsWorkerOptions {
  /** First subject token: `assay` → `assay.messages.>`, `assay.events.>`, `assay.dlq.>`. */
  readonly subjectPrefix: string;
  /** NATS messages fetched per pull (each may carry several items). */
  readonly fetchBatch: number;
  /** Also run the outbox relay (webhooks) in this process. */
  readonly relay: boolean;
  /** Lines for the operator (startup, shutdown, totals). */
  readonly say: (line: string) => void;
}

/** Headers a dead-lettered message carries. */
export const DLQ_HEADERS = {
  reason: 'Assay-Dlq-Reason',
  errors: 'Assay-Dlq-Errors',
  subject: 'Assay-Original-Subject',
  stream: 'Assay-Original-Stream',
  seq: 'Assay-Original-Seq',
  deliveries: 'Assay-Delivery-Count',
} as const;

const ACTOR = { type: 'system' as const, id: 'nats-worker' };
/** Unacknowledged messages the server lets one consumer have out at once. */
const MAX_ACK_PENDING = 2000;
const ACK_WAIT_MS = 60_000;
const MAX_NAK_DELAY_MS = 60_000;

export interface WorkerTotals {
  received: number;
  acked: number;
  deadLettered: number;
  retried: number;
  stored: number;
  duplicates: number;
}

type Ingest = (kind: NatsKind, items: readonly unknown[]) => Promise<BatchReportView>;

interface Decoded {
  readonly msg: JsMsg;
  readonly items: readonly unknown[] | undefined;
  /** Why it cannot be ingested at all (not JSON, not objects). */
  readonly poison?: string;
}

function decode(msg: JsMsg): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(msg.data));
  } catch (e) {
    return { msg, items: undefined, poison: `not JSON: ${(e as Error).message}` };
  }
  if (Array.isArray(value)) return { msg, items: value };
  if (value !== null && typeof value === 'object') return { msg, items: [value] };
  return { msg, items: undefined, poison: `must be a JSON object or an array of objects, not ${value === null ? 'null' : typeof value}` };
}

/** Header values are one line of printable text. */
function headerValue(s: string, max: number): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7E]/g, '?');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A failure worth retrying later (database unreachable, a bug) rather than a verdict on the message. */
function isTransient(e: unknown): boolean {
  if (!(e instanceof AppError)) return true;
  return e.code === 'unavailable' || e.code === 'internal' || e.code === 'rate_limited';
}

function nakDelayMs(msg: JsMsg): number {
  const n = Math.max(1, msg.info.redeliveryCount + 1);
  return Math.min(MAX_NAK_DELAY_MS, 1000 * 2 ** (n - 1));
}

/** Processes one pulled batch of one kind. Exported for the worker loop; not a public API. */
export function createBatchProcessor(deps: {
  readonly kind: NatsKind;
  readonly ingest: Ingest;
  readonly js: JetStreamClient;
  readonly stream: string;
  readonly prefix: string;
  readonly maxItems: number;
  readonly log: Logger;
  readonly totals: WorkerTotals;
}) {
  const { kind, log, totals } = deps;

  async function deadLetter(msg: JsMsg, reason: string, errors: readonly { index: number; id?: string | undefined; field: string; reason: string }[] = []): Promise<void> {
    const h = natsHeaders();
    h.set(DLQ_HEADERS.reason, headerValue(reason, 1000));
    if (errors.length > 0) h.set(DLQ_HEADERS.errors, headerValue(JSON.stringify(errors.slice(0, 20)), 4000));
    h.set(DLQ_HEADERS.subject, msg.subject);
    h.set(DLQ_HEADERS.stream, deps.stream);
    h.set(DLQ_HEADERS.seq, String(msg.info.streamSequence));
    h.set(DLQ_HEADERS.deliveries, String(msg.info.redeliveryCount));
    try {
      // The message id makes a repeated dead-lettering (crash between publish and term) a no-op.
      await deps.js.publish(`${deps.prefix}.dlq.${msg.subject}`, msg.data, { headers: h, msgID: `dlq:${deps.stream}:${msg.info.streamSequence}` });
    } catch (e) {
      log.warn({ err: e, subject: msg.subject, seq: msg.info.streamSequence }, 'could not publish to the dead-letter subject; will retry');
      totals.retried++;
      msg.nak(nakDelayMs(msg));
      return;
    }
    msg.term();
    totals.deadLettered++;
    log.warn({ subject: msg.subject, seq: msg.info.streamSequence, reason }, 'message dead-lettered');
  }

  /** Ingests the items of these messages (chunks of at most maxItems) and settles each message. */
  async function ingestGroup(group: readonly Decoded[]): Promise<void> {
    const items: unknown[] = [];
    const owner: number[] = [];
    const firstOf: number[] = [];
    group.forEach((d, g) => {
      firstOf.push(items.length);
      for (const it of d.items!) {
        items.push(it);
        owner.push(g);
      }
    });
    const outcomes: BatchItemView[] = [];
    try {
      for (let start = 0; start < items.length; start += deps.maxItems) {
        const report = await deps.ingest(kind, items.slice(start, start + deps.maxItems));
        for (const r of report.items) outcomes[start + r.index] = { ...r, index: start + r.index };
      }
    } catch (e) {
      if (isTransient(e)) {
        // Nothing of a failed transaction is committed: the messages come back later.
        log.warn({ err: e, kind, messages: group.length }, 'ingest failed; messages will be redelivered');
        for (const d of group) {
          totals.retried++;
          d.msg.nak(nakDelayMs(d.msg));
        }
        return;
      }
      if (group.length > 1) {
        // A refusal of the whole batch: find the message that causes it by trying each alone.
        for (const d of group) await ingestGroup([d]);
        return;
      }
      await deadLetter(group[0]!.msg, `refused: ${(e as Error).message}`);
      return;
    }
    const problems: { index: number; id?: string | undefined; field: string; reason: string }[][] = group.map(() => []);
    outcomes.forEach((o, i) => {
      if (o === undefined) return;
      if (o.status === 'stored' || o.status === 'updated') totals.stored++;
      else if (o.status === 'duplicate' || o.status === 'stale') totals.duplicates++;
      else {
        const g = owner[i]!;
        const local = i - firstOf[g]!;
        for (const err of o.errors ?? [{ field: '', reason: o.status }]) {
          problems[g]!.push({ index: local, id: o.id, field: err.field.replace(/^\/items\/\d+\/?/, ''), reason: `${o.status === 'conflict' ? 'conflict: ' : ''}${err.reason}` });
        }
      }
    });
    for (let g = 0; g < group.length; g++) {
      const p = problems[g]!;
      if (p.length === 0) {
        group[g]!.msg.ack();
        totals.acked++;
      } else {
        const first = p[0]!;
        const where = group[g]!.items!.length > 1 ? `item ${first.index}${first.id === undefined ? '' : ` (${first.id})`}: ` : '';
        await deadLetter(group[g]!.msg, `rejected by validation: ${where}${first.field === '' ? '' : `${first.field} `}${first.reason}`, p);
      }
    }
  }

  return async function processBatch(msgs: readonly JsMsg[]): Promise<void> {
    totals.received += msgs.length;
    const good: Decoded[] = [];
    for (const m of msgs) {
      const d = decode(m);
      if (d.poison !== undefined) await deadLetter(m, d.poison);
      else if (d.items!.length === 0) {
        m.ack();
        totals.acked++;
      } else good.push(d);
    }
    // Groups of whole messages holding at most maxItems items (a larger message is a group alone).
    let group: Decoded[] = [];
    let count = 0;
    for (const d of good) {
      if (group.length > 0 && count + d.items!.length > deps.maxItems) {
        await ingestGroup(group);
        group = [];
        count = 0;
      }
      group.push(d);
      count += d.items!.length;
    }
    if (group.length > 0) await ingestGroup(group);
  };
}

function isNotFound(e: unknown): boolean {
  const err = e as { code?: string; api_error?: { code?: number } };
  return err?.code === '404' || err?.api_error?.code === 404;
}

/** Creates the stream when missing; adds our subjects to an existing one that lacks them. */
export async function ensureStream(jsm: JetStreamManager, name: string, prefix: string): Promise<'created' | 'updated' | 'existing'> {
  const subjects = [...NATS_KINDS.map((k) => `${prefix}.${k}.>`), `${prefix}.dlq.>`];
  try {
    const info = await jsm.streams.info(name);
    const missing = subjects.filter((s) => !info.config.subjects.includes(s));
    if (missing.length === 0) return 'existing';
    await jsm.streams.update(name, { ...info.config, subjects: [...info.config.subjects, ...missing] });
    return 'updated';
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  await jsm.streams.add({ name, subjects, retention: RetentionPolicy.Limits, storage: StorageType.File, duplicate_window: nanos(2 * 60_000) });
  return 'created';
}

/** The durable pull consumer of one kind: `<durable>-<kind>` filtered on `<prefix>.<kind>.>`. */
export async function ensureConsumer(jsm: JetStreamManager, stream: string, durable: string, prefix: string, kind: NatsKind): Promise<string> {
  const name = `${durable}-${kind}`;
  const filter = `${prefix}.${kind}.>`;
  try {
    const info = await jsm.consumers.info(stream, name);
    if (info.config.filter_subject !== filter) {
      throw new CliError(`the NATS consumer ${name} on stream ${stream} filters ${info.config.filter_subject ?? 'nothing'}, not ${filter}; delete it or set NATS_DURABLE to another name`);
    }
    return name;
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  await jsm.consumers.add(stream, {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: filter,
    max_ack_pending: MAX_ACK_PENDING,
    ack_wait: nanos(ACK_WAIT_MS),
  });
  return name;
}

/** A subject token: letters, digits, `_` and `-` (no dots or wildcards). */
export function isSubjectToken(s: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(s);
}

/**
 * Runs the NATS worker until SIGINT/SIGTERM, then drains: the pull in flight is finished and
 * settled (acked, dead-lettered or nak'ed), the relay stops, the connection drains.
 */
export async function runNatsWorker(config: Config, opts: NatsWorkerOptions): Promise<WorkerTotals> {
  if (!isSubjectToken(opts.subjectPrefix)) throw new CliError(`--subject-prefix must be letters, digits, _ or -, got '${opts.subjectPrefix}'`, 2);
  const server = runningServer(config);
  if (server !== undefined) {
    throw new CliError(
      `the embedded database in ${config.dataDir} is held by the server at ${server.url} (pid ${server.pid}); a worker needs the database itself: stop the server, or run both on PostgreSQL (DATABASE_URL)`,
    );
  }
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: config.natsUrl, name: `assay-worker-${process.pid}`, maxReconnectAttempts: -1 });
  } catch (e) {
    throw new CliError(`cannot connect to NATS at ${config.natsUrl}: ${(e as Error).message}`);
  }
  let runtime: Runtime | undefined;
  try {
    runtime = await openRuntime(config);
    const services = buildServices({ config, database: runtime.database });
    return await work(config, opts, nc, runtime, services);
  } finally {
    if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
    await runtime?.close();
  }
}

async function work(config: Config, opts: NatsWorkerOptions, nc: NatsConnection, runtime: Runtime, services: Services): Promise<WorkerTotals> {
  const log = pino({ level: config.logLevel }).child({ component: 'nats-worker' });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const prefix = opts.subjectPrefix;
  const streamState = await ensureStream(jsm, config.natsStream, prefix);
  const totals: WorkerTotals = { received: 0, acked: 0, deadLettered: 0, retried: 0, stored: 0, duplicates: 0 };
  const ingest: Ingest = (kind, items) => services.marketplace.ingestBatch(ACTOR, kind, items) as Promise<BatchReportView>;

  const relay = opts.relay ? startRelay(services, log) : undefined;
  let stopping = false;
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    onSignal = (signal) => {
      if (stopping) {
        opts.say(`assay worker: ${signal} again, exiting now (unacknowledged messages will be redelivered)`);
        process.exit(130);
      }
      stopping = true;
      opts.say(`assay worker: ${signal} received, finishing the batch in flight…`);
      resolve();
    };
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const loops = await Promise.all(
    NATS_KINDS.map(async (kind) => {
      const durable = await ensureConsumer(jsm, config.natsStream, config.natsDurable, prefix, kind);
      const consumer = await js.consumers.get(config.natsStream, durable);
      const processBatch = createBatchProcessor({ kind, ingest, js, stream: config.natsStream, prefix, maxItems: config.batchMaxItems, log, totals });
      // Wrapped: an async function returning the loop's promise would wait for the loop to end.
      const loop = (async () => {
        while (!stopping) {
          try {
            const pulled = await consumer.fetch({ max_messages: opts.fetchBatch, expires: 1000 });
            const msgs: JsMsg[] = [];
            for await (const m of pulled) msgs.push(m);
            if (msgs.length > 0) await processBatch(msgs);
          } catch (e) {
            if (stopping) break;
            log.error({ err: e, kind }, 'pulling from NATS failed; retrying in 1 s');
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
      })();
      return { loop };
    }),
  );

  opts.say(
    `assay worker: consuming ${prefix}.messages.> and ${prefix}.events.> from stream ${config.natsStream} (${streamState}) at ${config.natsUrl} as ${config.natsDurable}-{messages,events}; ` +
      `dead letters to ${prefix}.dlq.>; database ${runtime.database.description}${relay === undefined ? '' : '; outbox relay running'}`,
  );
  const reporter = setInterval(() => log.info({ ...totals }, 'worker totals'), 30_000);
  reporter.unref();

  await stopped;
  await Promise.all(loops.map((l) => l.loop));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  clearInterval(reporter);
  await relay?.stop();
  opts.say(
    `assay worker: stopped; ${totals.received} messages received, ${totals.acked} acknowledged, ${totals.deadLettered} dead-lettered, ${totals.retried} left for redelivery; items stored ${totals.stored}, duplicate ${totals.duplicates}`,
  );
  return totals;
}

function startRelay(services: Services, log: Logger): { stop(): Promise<void> } {
  const relay = services.relay;
  relay.start({ logger: log.child({ component: 'outbox-relay' }) });
  const sealer = startAuditSealer(services, 500, log.child({ component: 'audit-sealer' }));
  return {
    stop: async () => {
      await relay.stop();
      await sealer.stop();
    },
  };
}
