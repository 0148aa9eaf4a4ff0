import { newId, type Clock } from '../kernel';
import { inTransaction, type Db } from '../db';
import { backoffMs } from './webhook.backoff';
import { eventMatches, webhookBody } from './webhook.model';
import { signWebhook, SIGNATURE_HEADER } from './webhook.signature';
import { webhookStore, type ClaimedDelivery, type NewDelivery } from './webhook.store';

/** The pino-shaped logger the relay reports to (Fastify's `app.log` fits). */
export interface RelayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RelayDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** After this many attempts a delivery is dead (config `webhookMaxAttempts`). */
  readonly maxAttempts: number;
  /** Per request (config `webhookTimeoutMs`). */
  readonly timeoutMs: number;
  /** Pause between rounds when there was nothing to do (config `outboxPollMs`). */
  readonly pollMs: number;
  /** Outbox events fanned out per round. */
  readonly fanOutBatch?: number;
  /** Deliveries claimed per round. */
  readonly deliveryBatch?: number;
  /** Requests in flight at once per relay. */
  readonly concurrency?: number;
  /** In [0, 1), for the backoff jitter; tests pass a constant. */
  readonly random?: () => number;
  readonly userAgent?: string;
}

/** What one round did. */
export interface RelayRound {
  /** Outbox events marked relayed. */
  readonly relayed: number;
  /** Deliveries created by the fan-out. */
  readonly queued: number;
  readonly attempted: number;
  readonly delivered: number;
  /** Failed attempts that will be retried. */
  readonly failed: number;
  /** Deliveries that used their last attempt. */
  readonly dead: number;
}

export interface OutboxRelay {
  /** Runs rounds until {@link OutboxRelay.stop}: immediately again after a full batch, else after `pollMs`. */
  start(opts?: { logger?: RelayLogger }): void;
  /** Stops the loop and waits for the round in flight (its deliveries included) to finish. */
  stop(): Promise<void>;
  /** One round: fan out a batch of new events, then attempt a batch of due deliveries. */
  runOnce(): Promise<RelayRound>;
  /** Runs rounds until one finds nothing due (tests, `assay worker --once`). */
  drain(maxRounds?: number): Promise<RelayRound>;
  readonly running: boolean;
}

const SILENT: RelayLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** A short, secret-free reason for a failed request (never the URL: it may hold a token). */
export function describeFailure(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.cause?.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const code = err?.cause?.code ?? err?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `timed out after ${timeoutMs} ms`;
    default:
      return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? `request failed (${code})` : 'request failed';
  }
}

/**
 * The outbox relay: turns committed outbox events into webhook deliveries and sends them.
 * Several relays may share one PostgreSQL database: events and deliveries are claimed with
 * `FOR UPDATE SKIP LOCKED` and a delivery exists once per (endpoint, event), so nothing is sent twice
 * by design (a receiver should still de-duplicate on the event id: a relay that dies after the
 * receiver answered but before recording it will resend once its lease runs out).
 */
export function createOutboxRelay(deps: RelayDeps): OutboxRelay {
  const { db, clock } = deps;
  const fanOutBatch = deps.fanOutBatch ?? 500;
  const deliveryBatch = deps.deliveryBatch ?? 50;
  const concurrency = Math.max(1, deps.concurrency ?? 8);
  const random = deps.random ?? Math.random;
  // Long enough that a live relay always finishes (or times out) before another may take over.
  const leaseMs = deps.timeoutMs * 2 + 30_000;
  const userAgent = deps.userAgent ?? 'Assay-Webhooks/1';

  let logger: RelayLogger = SILENT;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | undefined;
  let running = false;

  async function fanOut(): Promise<{ relayed: number; queued: number }> {
    return inTransaction(db, async (tx) => {
      const events = await webhookStore.lockUnrelayedEvents(tx, fanOutBatch);
      if (events.length === 0) return { relayed: 0, queued: 0 };
      const endpoints = await webhookStore.activeEndpoints(tx);
      const now = clock.now();
      const rows: NewDelivery[] = [];
      for (const ev of events) {
        for (const ep of endpoints) {
          // An endpoint hears of what happens after it was created, not of an old backlog.
          if (ev.createdAt.getTime() >= ep.createdAt.getTime() && eventMatches(ep.eventTypes, ev.type)) {
            rows.push({ id: newId('whd'), endpointId: ep.id, eventId: ev.id, eventType: ev.type });
          }
        }
      }
      const queued = await webhookStore.insertDeliveries(tx, rows, now);
      await webhookStore.markRelayed(tx, events.map((e) => e.seq), now);
      return { relayed: events.length, queued };
    });
  }

  async function attempt(d: ClaimedDelivery): Promise<'delivered' | 'failed' | 'dead'> {
    const body = JSON.stringify(webhookBody(d.event));
    const sentAt = clock.now();
    let statusCode: number | undefined;
    let error: string | undefined;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': userAgent,
          'x-assay-event': d.event.type,
          'x-assay-delivery': d.deliveryId,
          [SIGNATURE_HEADER]: signWebhook(d.secret, Math.floor(sentAt.getTime() / 1000), body),
        },
        body,
        // A redirect could carry the signed body to another host: it counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = describeFailure(e, deps.timeoutMs);
    }
    const at = clock.now();
    const status = error === undefined ? 'delivered' : d.attempts >= deps.maxAttempts ? 'dead' : 'failed';
    const nextAttemptAt = status === 'failed' ? new Date(at.getTime() + backoffMs(d.attempts, random())) : at;
    const recorded = await webhookStore.finishAttempt(db, { id: d.deliveryId, attempts: d.attempts }, { status, statusCode, error, nextAttemptAt, at });
    if (!recorded) {
      logger.warn({ delivery_id: d.deliveryId }, 'webhook delivery changed while it was being sent (endpoint deleted, or taken over after the lease ran out); this outcome was not recorded');
    } else if (status === 'dead') {
      logger.warn(
        { delivery_id: d.deliveryId, endpoint_id: d.endpointId, event_id: d.event.id, event_type: d.event.type, attempts: d.attempts, last_error: error },
        'webhook delivery dead-lettered after its last attempt',
      );
    }
    return status;
  }

  async function deliverDue(): Promise<{ attempted: number; delivered: number; failed: number; dead: number }> {
    const now = clock.now();
    const claimed = await webhookStore.claimDue(db, now, new Date(now.getTime() + leaseMs), deliveryBatch);
    const counts = { attempted: claimed.length, delivered: 0, failed: 0, dead: 0 };
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const d = claimed[next++]!;
        counts[await attempt(d)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    return counts;
  }

  async function runOnce(): Promise<RelayRound> {
    const f = await fanOut();
    const d = await deliverDue();
    return { ...f, ...d };
  }

  function schedule(ms: number): void {
    if (!running) return;
    timer = setTimeout(tick, ms);
  }

  function tick(): void {
    timer = undefined;
    const round = runOnce().then(
      (r) => {
        const busy = r.relayed === fanOutBatch || r.attempted === deliveryBatch;
        schedule(busy ? 0 : deps.pollMs);
      },
      (e: unknown) => {
        logger.error({ err: e }, 'outbox relay round failed; retrying after the poll interval');
        schedule(deps.pollMs);
      },
    );
    inFlight = round;
  }

  return {
    start(opts = {}) {
      if (running) return;
      logger = opts.logger ?? SILENT;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
    runOnce,
    async drain(maxRounds = 1000) {
      const total = { relayed: 0, queued: 0, attempted: 0, delivered: 0, failed: 0, dead: 0 };
      for (let i = 0; i < maxRounds; i++) {
        const r = await runOnce();
        for (const k of Object.keys(total) as (keyof RelayRound)[]) total[k] += r[k];
        if (r.relayed === 0 && r.attempted === 0) break;
      }
      return total;
    },
    get running() {
      return running;
    },
  };
}
