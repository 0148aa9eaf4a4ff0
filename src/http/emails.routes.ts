import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Counter, Gauge } from 'prom-client';
import { principalActor } from '../identity';
import { EMAIL_STATUSES, type Email, type EmailSender, type EmailService } from '../notify';
import { principalOf } from './auth.plugin';
import { CursorQuery, Id, page, withErrors } from './schemas';

const NullableString = Type.Union([Type.String(), Type.Null()]);

const EmailSummaryDto = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  lang: NullableString,
  ref: Type.Object({ type: Type.String(), id: Type.String() }),
  status: Type.String({ description: 'queued, sending, sent, failed (will retry), dead (gave up)' }),
  attempts: Type.Integer(),
  next_attempt_at: NullableString,
  last_error: NullableString,
  last_attempt_at: NullableString,
  smtp_message_id: NullableString,
  created_at: Type.String(),
  sent_at: NullableString,
});
const EmailDto = Type.Object({
  ...EmailSummaryDto.properties,
  text: Type.String({ description: 'The plain-text body exactly as sent' }),
  html: Type.String({ description: 'The HTML body exactly as sent' }),
  waiting_events: Type.Array(Type.Object({ id: Type.String(), type: Type.String() }), {
    description: 'Events held back from webhooks and the outbox until this email is sent (a restriction waits for the notice giving its reasons)',
  }),
});

function emailSummaryToDto(e: Email) {
  const waiting = e.status === 'queued' || e.status === 'failed';
  return {
    id: e.id,
    to: e.to,
    subject: e.subject,
    lang: e.lang ?? null,
    ref: { type: e.ref.type, id: e.ref.id },
    status: e.status,
    attempts: e.attempts,
    next_attempt_at: waiting ? e.nextAttemptAt.toISOString() : null,
    last_error: e.lastError ?? null,
    last_attempt_at: e.lastAttemptAt?.toISOString() ?? null,
    smtp_message_id: e.smtpMessageId ?? null,
    created_at: e.createdAt.toISOString(),
    sent_at: e.sentAt?.toISOString() ?? null,
  };
}

function emailToDto(e: Email, waiting: readonly { id: string; type: string }[]) {
  return { ...emailSummaryToDto(e), text: e.text, html: e.html, waiting_events: waiting.map((w) => ({ id: w.id, type: w.type })) };
}

const READ = ['admin', 'manager', 'senior', 'agent', 'legal'] as const;
const WRITE = ['admin'] as const;

export interface EmailsRoutesOptions {
  /** The sender running in this process, for its counters (undefined: none here). */
  readonly sender?: EmailSender | undefined;
}

/** Email metrics on the server's registry: what this process sent, and what waits in the database. */
function registerEmailMetrics(app: FastifyInstance, emails: EmailService, sender: EmailSender | undefined): void {
  const registers = [app.metrics];
  const fromSender = (pick: (s: ReturnType<EmailSender['stats']>) => number) =>
    function (this: Counter) {
      this.reset();
      this.inc(sender === undefined ? 0 : pick(sender.stats()));
    };
  new Counter({ name: 'assay_emails_sent_total', help: 'Emails this process handed to the SMTP server', registers, collect: fromSender((s) => s.sent) });
  new Counter({ name: 'assay_emails_failed_total', help: 'Email attempts the SMTP server refused or that could not reach it (retried later)', registers, collect: fromSender((s) => s.failed) });
  new Counter({ name: 'assay_emails_dead_total', help: 'Emails this process gave up on after their last attempt', registers, collect: fromSender((s) => s.dead) });
  new Gauge({
    name: 'assay_emails',
    help: 'Emails by status (all processes); a growing queued or dead count means mail is not going out',
    labelNames: ['status'],
    registers,
    async collect() {
      const counts = await emails.countByStatus();
      for (const s of EMAIL_STATUSES) this.set({ status: s }, counts[s]);
    },
  });
}

/** The email log: what was sent to whom about what, exactly as sent, and sending a failed one again. */
export function emailsRoutes(emails: EmailService, opts: EmailsRoutesOptions = {}) {
  return async (app: FastifyInstance): Promise<void> => {
    registerEmailMetrics(app, emails, opts.sender);
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/v1/emails',
      {
        config: { access: READ },
        schema: {
          tags: ['emails'],
          summary: 'The email log, newest first (without bodies)',
          description: 'Filter by what the email is about (`ref_type` + `ref_id`, e.g. `notice` and a notice id) and by status.',
          querystring: Type.Object({
            ...CursorQuery.properties,
            ref_type: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' })),
            ref_id: Type.Optional(Id),
            status: Type.Optional(Type.Union(EMAIL_STATUSES.map((s) => Type.Literal(s)))),
          }),
          response: withErrors({ 200: page(EmailSummaryDto) }),
        },
      },
      async (request) => {
        const q = request.query;
        const res = await emails.list({ refType: q.ref_type, refId: q.ref_id, status: q.status, cursor: q.cursor, limit: q.limit });
        return { items: res.items.map(emailSummaryToDto), next_cursor: res.nextCursor ?? null };
      },
    );

    r.get(
      '/v1/emails/:id',
      {
        config: { access: READ },
        schema: { tags: ['emails'], summary: 'One email with its subject and bodies exactly as sent (the read is logged)', params: Type.Object({ id: Id }), response: withErrors({ 200: EmailDto }) },
      },
      async (request) => {
        const email = await emails.read(principalActor(principalOf(request)), request.params.id);
        return emailToDto(email, await emails.eventsWaitingFor(email.id));
      },
    );

    r.post(
      '/v1/emails/:id/redeliver',
      {
        config: { access: WRITE },
        schema: {
          tags: ['emails'],
          summary: 'Queue a failed or dead email again, due now, with a fresh budget of attempts',
          description: 'A sent email is never sent twice (409 `email.already_sent`); a queued or sending one is already on its way (409 `email.in_progress`).',
          params: Type.Object({ id: Id }),
          response: withErrors({ 202: EmailSummaryDto }),
        },
      },
      async (request, reply) => reply.code(202).send(emailSummaryToDto(await emails.redeliver(principalActor(principalOf(request)), request.params.id))),
    );
  };
}
