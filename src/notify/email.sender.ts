import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../kernel';
import { inTransaction, recordChange, type Db } from '../db';
import type { Email } from './email.model';
import { emailStore, type AttemptOutcome } from './email.store';
import type { RelayLogger } from './relay';
import { backoffMs } from './webhook.backoff';

export interface EmailSenderDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** `smtp://host:port`, `smtps://user:pass@host:465` (config `SMTP_URL`). */
  readonly smtpUrl: string;
  /** The From header and envelope sender, e.g. `Assay <no-reply@assay.invalid>` (config `MAIL_FROM`). */
  readonly from: string;
  /** After this many attempts an email is dead (config `EMAIL_MAX_ATTEMPTS`). */
  readonly maxAttempts: number;
  /** Pause between rounds when there was nothing to send (config `OUTBOX_POLL_MS`). */
  readonly pollMs: number;
  readonly logger?: RelayLogger | undefined;
  /** Emails claimed per round. */
  readonly batch?: number;
  /** SMTP conversations at once per sender. */
  readonly concurrency?: number;
  /** Connection, greeting and socket timeout per attempt. */
  readonly timeoutMs?: number;
  /** In [0, 1), for the backoff jitter; tests pass a constant. */
  readonly random?: () => number;
}

/** What one round did. */
export interface EmailRound {
  readonly attempted: number;
  readonly sent: number;
  /** Failed attempts that will be retried. */
  readonly failed: number;
  /** Emails that used their last attempt. */
  readonly dead: number;
}

/** Counts since the sender was created (for metrics). */
export interface EmailSenderStats {
  readonly sent: number;
  readonly failed: number;
  readonly dead: number;
}

export interface EmailSender {
  /** Runs rounds until {@link EmailSender.stop}: immediately again after a full batch, else after `pollMs`. */
  start(opts?: { logger?: RelayLogger }): void;
  /** Stops the loop and waits for the sends in flight to be recorded; then closes the SMTP transport. */
  stop(): Promise<void>;
  /** One round: claims a batch of due emails and sends them. */
  runOnce(): Promise<EmailRound>;
  /** Runs rounds until one finds nothing due (tests, scripts). */
  drain(maxRounds?: number): Promise<EmailRound>;
  stats(): EmailSenderStats;
  readonly running: boolean;
}

const SILENT: RelayLogger = { info: () => {}, warn: () => {}, error: () => {} };
const SENDER = { type: 'system', id: 'email-sender' } as const;

function oneLine(s: string, max: number): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, max);
}

/**
 * A short reason for a failed attempt: the SMTP reply when the server answered, else what went wrong
 * on the connection. Never the SMTP URL (it may hold a password).
 */
export function describeSmtpFailure(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  if (typeof err?.responseCode === 'number') {
    return typeof err.response === 'string' && err.response !== '' ? oneLine(err.response, 500) : `SMTP ${err.responseCode}`;
  }
  // A socket error carries the system's reason only in its message ("connect ECONNREFUSED …").
  const system = typeof err?.message === 'string' ? /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)\b/.exec(err.message)?.[1] : undefined;
  switch (err?.code === 'ESOCKET' && system !== undefined ? system : err?.code) {
    case 'ECONNRESET':
      return 'the SMTP server closed the connection';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'SMTP host not found';
    case 'EHOSTUNREACH':
    case 'ECONNECTION':
    case 'ECONNREFUSED':
      return 'could not connect to the SMTP server';
    case 'ETIMEDOUT':
      return 'the SMTP server timed out';
    case 'EDNS':
      return 'SMTP host not found';
    case 'ETLS':
      return 'TLS with the SMTP server failed';
    case 'EAUTH':
      return 'the SMTP server refused the login';
    case 'EENVELOPE':
      return 'the SMTP server refused the envelope';
    default:
      return typeof err?.code === 'string' && /^[A-Z0-9_]{2,40}$/.test(err.code) ? `SMTP send failed (${err.code})` : 'SMTP send failed';
  }
}

/** The domain of the From address, for our Message-IDs. */
function messageIdDomain(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return m?.[1] ?? 'assay.invalid';
}

/**
 * Sends queued emails over SMTP. Several senders may share one PostgreSQL database: emails are claimed
 * with `FOR UPDATE SKIP LOCKED` under a lease, so each is sent by one of them. The Message-ID is
 * derived from the email id, so a resend after a crash (sent, but not yet recorded) can be recognised
 * by the receiving side.
 */
export function createEmailSender(deps: EmailSenderDeps): EmailSender {
  const { db, clock } = deps;
  const batch = deps.batch ?? 20;
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const random = deps.random ?? Math.random;
  let logger = deps.logger ?? SILENT;
  // Long enough that a live sender always finishes (or times out) before another may take over.
  const leaseMs = timeoutMs * 3 + 30_000;
  const domain = messageIdDomain(deps.from);
  const counts = { sent: 0, failed: 0, dead: 0 };

  let transport: Transporter | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | undefined;
  let running = false;

  function smtp(): Transporter {
    transport ??= nodemailer.createTransport({ url: deps.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
    return transport;
  }

  async function record(e: Email, outcome: AttemptOutcome): Promise<boolean> {
    return inTransaction(db, async (tx) => {
      if (!(await emailStore.finishAttempt(tx, e, outcome))) return false;
      const base = { actor: SENDER, subject: { type: 'email', id: e.id } };
      const payload = { id: e.id, ref: { type: e.ref.type, id: e.ref.id }, status: outcome.status, attempts: e.attempts };
      if (outcome.status === 'sent') {
        await recordChange(tx, clock, { ...base, action: 'email.sent', fields: ['status', 'smtp_message_id', 'sent_at'], data: payload, event: { type: 'email.sent', payload } });
      } else if (outcome.status === 'dead') {
        await recordChange(tx, clock, { ...base, action: 'email.dead', fields: ['status', 'last_error'], data: payload, event: { type: 'email.dead', payload } });
      } else {
        await recordChange(tx, clock, { ...base, action: 'email.failed', fields: ['status', 'last_error', 'next_attempt_at'], data: payload });
      }
      return true;
    });
  }

  async function attempt(e: Email): Promise<'sent' | 'failed' | 'dead'> {
    let outcome: AttemptOutcome;
    try {
      const info = (await smtp().sendMail({
        from: deps.from,
        to: e.to,
        subject: e.subject,
        text: e.text,
        html: e.html,
        messageId: `<${e.id}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated', ...(e.lang === undefined ? {} : { 'Content-Language': e.lang }) },
      })) as { messageId?: string };
      outcome = { status: 'sent', messageId: info.messageId ?? `<${e.id}@${domain}>`, at: clock.now() };
    } catch (err) {
      const at = clock.now();
      const dead = e.attempts >= deps.maxAttempts;
      outcome = {
        status: dead ? 'dead' : 'failed',
        error: describeSmtpFailure(err),
        nextAttemptAt: dead ? at : new Date(at.getTime() + backoffMs(e.attempts, random())),
        at,
      };
    }
    if (!(await record(e, outcome))) {
      logger.warn({ email_id: e.id }, 'email changed while it was being sent (taken over after its lease ran out); this outcome was not recorded');
    } else if (outcome.status === 'dead') {
      logger.warn({ email_id: e.id, ref_type: e.ref.type, ref_id: e.ref.id, attempts: e.attempts }, 'email dead after its last attempt; an admin may redeliver it');
    }
    counts[outcome.status]++;
    return outcome.status;
  }

  async function runOnce(): Promise<EmailRound> {
    const now = clock.now();
    const claimed = await emailStore.claimDue(db, now, new Date(now.getTime() + leaseMs), batch);
    const round = { attempted: claimed.length, sent: 0, failed: 0, dead: 0 };
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) round[await attempt(claimed[next++]!)]++;
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    return round;
  }

  function schedule(ms: number): void {
    if (!running) return;
    timer = setTimeout(tick, ms);
  }

  function tick(): void {
    timer = undefined;
    inFlight = runOnce().then(
      (r) => schedule(r.attempted === batch ? 0 : deps.pollMs),
      (e: unknown) => {
        logger.error({ err: e }, 'email sender round failed; retrying after the poll interval');
        schedule(deps.pollMs);
      },
    );
  }

  return {
    start(opts = {}) {
      if (running) return;
      if (opts.logger !== undefined) logger = opts.logger;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
      transport?.close();
      transport = undefined;
    },
    runOnce,
    async drain(maxRounds = 1000) {
      const total = { attempted: 0, sent: 0, failed: 0, dead: 0 };
      for (let i = 0; i < maxRounds; i++) {
        const r = await runOnce();
        total.attempted += r.attempted;
        total.sent += r.sent;
        total.failed += r.failed;
        total.dead += r.dead;
        if (r.attempted === 0) break;
      }
      return total;
    },
    stats: () => ({ ...counts }),
    get running() {
      return running;
    },
  };
}
