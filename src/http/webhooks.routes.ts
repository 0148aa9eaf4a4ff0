import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalActor } from '../identity';
import { DELIVERY_STATUSES, type OutboxEvent, type WebhookDelivery, type WebhookEndpoint, type WebhookService } from '../notify';
import { principalOf } from './auth.plugin';
import { CursorQuery, Id, page, withErrors } from './schemas';

const EventPattern = Type.String({ minLength: 1, maxLength: 200 });
const EndpointDto = Type.Object({
  id: Type.String(),
  url: Type.String(),
  event_types: Type.Array(Type.String()),
  active: Type.Boolean(),
  description: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
const DeliveryDto = Type.Object({
  id: Type.String(),
  endpoint_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  next_attempt_at: Type.Union([Type.String(), Type.Null()]),
  last_status_code: Type.Union([Type.Integer(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  last_attempt_at: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  delivered_at: Type.Union([Type.String(), Type.Null()]),
});
const OutboxEventDto = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  type: Type.String(),
  created_at: Type.String(),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  data: Type.Unknown(),
  relayed_at: Type.Union([Type.String(), Type.Null()]),
});

function endpointToDto(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    event_types: [...e.eventTypes],
    active: e.active,
    description: e.description,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

function deliveryToDto(d: WebhookDelivery) {
  const waiting = d.status === 'pending' || d.status === 'failed';
  return {
    id: d.id,
    endpoint_id: d.endpointId,
    event_id: d.eventId,
    event_type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: waiting ? d.nextAttemptAt.toISOString() : null,
    last_status_code: d.lastStatusCode ?? null,
    last_error: d.lastError ?? null,
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
    delivered_at: d.deliveredAt?.toISOString() ?? null,
  };
}

function outboxEventToDto(e: OutboxEvent) {
  return {
    seq: e.seq,
    id: e.id,
    type: e.type,
    created_at: e.createdAt.toISOString(),
    subject: { type: e.subject.type, id: e.subject.id },
    data: e.payload,
    relayed_at: e.relayedAt?.toISOString() ?? null,
  };
}

const WRITE = ['admin'] as const;
const READ = ['admin', 'manager'] as const;

/** Webhook endpoints, their delivery log, and the readable outbox. */
export function webhooksRoutes(webhooks: WebhookService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/v1/webhooks',
      {
        config: { access: WRITE },
        schema: {
          tags: ['webhooks'],
          summary: 'Add a webhook endpoint; its signing secret is shown only in this response',
          description:
            'Each event is POSTed as JSON `{id, type, created_at, subject: {type, id}, data}` with headers `x-assay-event`, `x-assay-delivery` and ' +
            '`x-assay-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>`. A receiver recomputes the HMAC over the raw body, ' +
            'compares in constant time, refuses a `t` more than 5 minutes away from its clock, and de-duplicates on the event `id`. Any 2xx is success; ' +
            'anything else is retried with backoff (10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h …) until the attempts run out.',
          body: Type.Object({
            url: Type.String({ minLength: 1, maxLength: 2048 }),
            event_types: Type.Optional(Type.Array(EventPattern, { minItems: 1, maxItems: 50 })),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            active: Type.Optional(Type.Boolean()),
          }),
          response: withErrors({ 201: Type.Object({ endpoint: EndpointDto, secret: Type.String() }) }),
        },
      },
      async (request, reply) => {
        const b = request.body;
        const res = await webhooks.createEndpoint(principalActor(principalOf(request)), { url: b.url, eventTypes: b.event_types, description: b.description, active: b.active });
        return reply.code(201).send({ endpoint: endpointToDto(res.endpoint), secret: res.secret });
      },
    );

    r.get(
      '/v1/webhooks',
      { config: { access: READ }, schema: { tags: ['webhooks'], summary: 'List webhook endpoints (never their secrets)', response: withErrors({ 200: Type.Object({ items: Type.Array(EndpointDto) }) }) } },
      async () => ({ items: (await webhooks.listEndpoints()).map(endpointToDto) }),
    );

    r.get(
      '/v1/webhooks/deliveries',
      {
        config: { access: READ },
        schema: {
          tags: ['webhooks'],
          summary: 'The delivery log, newest first',
          querystring: Type.Object({
            ...CursorQuery.properties,
            endpoint_id: Type.Optional(Id),
            status: Type.Optional(Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)))),
          }),
          response: withErrors({ 200: page(DeliveryDto) }),
        },
      },
      async (request) => {
        const q = request.query;
        const res = await webhooks.listDeliveries({ endpointId: q.endpoint_id, status: q.status, cursor: q.cursor, limit: q.limit });
        return { items: res.items.map(deliveryToDto), next_cursor: res.nextCursor ?? null };
      },
    );

    r.get(
      '/v1/webhooks/deliveries/:id',
      { config: { access: READ }, schema: { tags: ['webhooks'], summary: 'One delivery', params: Type.Object({ id: Id }), response: withErrors({ 200: DeliveryDto }) } },
      async (request) => deliveryToDto(await webhooks.getDelivery(request.params.id)),
    );

    r.post(
      '/v1/webhooks/deliveries/:id/redeliver',
      {
        config: { access: WRITE },
        schema: {
          tags: ['webhooks'],
          summary: 'Send a dead, failed or delivered delivery again, with a fresh budget of attempts',
          params: Type.Object({ id: Id }),
          response: withErrors({ 202: DeliveryDto }),
        },
      },
      async (request, reply) => reply.code(202).send(deliveryToDto(await webhooks.redeliver(principalActor(principalOf(request)), request.params.id))),
    );

    r.get(
      '/v1/webhooks/:id',
      { config: { access: READ }, schema: { tags: ['webhooks'], summary: 'One webhook endpoint', params: Type.Object({ id: Id }), response: withErrors({ 200: EndpointDto }) } },
      async (request) => endpointToDto(await webhooks.getEndpoint(request.params.id)),
    );

    r.patch(
      '/v1/webhooks/:id',
      {
        config: { access: WRITE },
        schema: {
          tags: ['webhooks'],
          summary: 'Change, pause (active: false) or resume an endpoint; deliveries wait while it is paused',
          params: Type.Object({ id: Id }),
          body: Type.Object({
            url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
            event_types: Type.Optional(Type.Array(EventPattern, { minItems: 1, maxItems: 50 })),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            active: Type.Optional(Type.Boolean()),
          }),
          response: withErrors({ 200: EndpointDto }),
        },
      },
      async (request) => {
        const b = request.body;
        return endpointToDto(
          await webhooks.updateEndpoint(principalActor(principalOf(request)), request.params.id, { url: b.url, eventTypes: b.event_types, description: b.description, active: b.active }),
        );
      },
    );

    r.delete(
      '/v1/webhooks/:id',
      { config: { access: WRITE }, schema: { tags: ['webhooks'], summary: 'Delete an endpoint with its secret and delivery log', params: Type.Object({ id: Id }), response: withErrors({ 204: Type.Null() }) } },
      async (request, reply) => {
        await webhooks.deleteEndpoint(principalActor(principalOf(request)), request.params.id);
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/v1/outbox',
      {
        config: { access: ['admin', 'manager', 'integration'] },
        schema: {
          tags: ['webhooks'],
          summary: 'Read the event stream in seq order',
          description:
            'Page with `after_seq` = the last `seq` read (`next_after_seq` while more are waiting). A transaction that commits late can add an event ' +
            'below a seq already read: pollers should re-read a short window behind their position and de-duplicate on `id`. ' +
            'An event that must follow an email (a restriction follows the notice giving its reasons) is left out until that email is sent, ' +
            'then appears at its original seq: re-read from the oldest seq you may have missed, or use webhooks, which have no such gap.',
          querystring: Type.Object({
            after_seq: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          }),
          response: withErrors({ 200: Type.Object({ items: Type.Array(OutboxEventDto), next_after_seq: Type.Union([Type.Integer(), Type.Null()]) }) }),
        },
      },
      async (request) => {
        const res = await webhooks.readOutbox({ afterSeq: request.query.after_seq, limit: request.query.limit });
        return { items: res.items.map(outboxEventToDto), next_after_seq: res.nextAfterSeq ?? null };
      },
    );
  };
}
