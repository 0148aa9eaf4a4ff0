import { randomBytes } from 'node:crypto';
import { conflict, invalidInput, newId, notFound, type Clock, type FieldError } from '../kernel';
import { inTransaction, recordChange, type Actor, type Db } from '../db';
import { webhookStore } from './webhook.store';
import { EVENT_PATTERN, isDeliveryStatus, type OutboxEvent, type WebhookDelivery, type WebhookEndpoint } from './webhook.model';

export interface WebhookDeps {
  readonly db: Db;
  readonly clock: Clock;
}

export interface EndpointInput {
  readonly url: string;
  readonly eventTypes?: readonly string[] | undefined;
  readonly description?: string | undefined;
  readonly active?: boolean | undefined;
}

export interface EndpointPatch {
  readonly url?: string | undefined;
  readonly eventTypes?: readonly string[] | undefined;
  readonly description?: string | undefined;
  readonly active?: boolean | undefined;
}

const MAX_EVENT_TYPES = 50;
const DELIVERY_CURSOR = /^whd_[0-9A-HJKMNP-TV-Z]{26}$/;

function checkUrl(url: string, errors: FieldError[]): string {
  const trimmed = url.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(trimmed);
  } catch {
    errors.push({ field: '/url', reason: 'must be an absolute http:// or https:// URL' });
    return trimmed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') errors.push({ field: '/url', reason: 'must use http or https' });
  else if (parsed.username !== '' || parsed.password !== '') errors.push({ field: '/url', reason: 'must not contain a user name or password' });
  else if (trimmed.length > 2048) errors.push({ field: '/url', reason: 'must be at most 2048 characters' });
  return trimmed;
}

function checkEventTypes(types: readonly string[], errors: FieldError[]): string[] {
  if (types.length === 0) errors.push({ field: '/event_types', reason: 'must name at least one event type or pattern (use "*" for all)' });
  if (types.length > MAX_EVENT_TYPES) errors.push({ field: '/event_types', reason: `must have at most ${MAX_EVENT_TYPES} entries` });
  types.forEach((t, i) => {
    if (t.length > 200 || !EVENT_PATTERN.test(t)) errors.push({ field: `/event_types/${i}`, reason: 'must be "*", an event type such as "case.opened", or a prefix such as "case.*"' });
  });
  return [...new Set(types)];
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!DELIVERY_CURSOR.test(id)) throw invalidInput('the cursor is not one this API gave out', [{ field: '/cursor', reason: 'unknown cursor' }]);
  return id;
}

/** Webhook endpoints (admin configuration), the delivery log, and the readable outbox. */
export function createWebhookService(deps: WebhookDeps) {
  const { db, clock } = deps;

  async function createEndpoint(actor: Actor, input: EndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const errors: FieldError[] = [];
    const url = checkUrl(input.url, errors);
    const eventTypes = checkEventTypes(input.eventTypes ?? ['*'], errors);
    if (errors.length > 0) throw invalidInput('the webhook endpoint is not valid', errors);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    return inTransaction(db, async (tx) => {
      const now = clock.now();
      const endpoint = await webhookStore.insertEndpoint(tx, {
        id: newId('whk'),
        url,
        secret,
        eventTypes,
        active: input.active ?? true,
        description: (input.description ?? '').trim(),
        createdAt: now,
        updatedAt: now,
      });
      await recordChange(tx, clock, {
        actor,
        action: 'webhook_endpoint.created',
        subject: { type: 'webhook_endpoint', id: endpoint.id },
        fields: ['url', 'secret', 'event_types', 'active', 'description'],
        data: { url, eventTypes, active: endpoint.active },
      });
      return { endpoint, secret };
    });
  }

  async function getEndpoint(id: string): Promise<WebhookEndpoint> {
    return (await webhookStore.findEndpoint(db, id)) ?? Promise.reject(notFound('webhook endpoint', id));
  }

  async function updateEndpoint(actor: Actor, id: string, patch: EndpointPatch): Promise<WebhookEndpoint> {
    const errors: FieldError[] = [];
    const url = patch.url === undefined ? undefined : checkUrl(patch.url, errors);
    const eventTypes = patch.eventTypes === undefined ? undefined : checkEventTypes(patch.eventTypes, errors);
    if (errors.length > 0) throw invalidInput('the change is not valid', errors);
    return inTransaction(db, async (tx) => {
      const current = await webhookStore.findEndpoint(tx, id, true);
      if (current === undefined) throw notFound('webhook endpoint', id);
      const next: WebhookEndpoint = {
        ...current,
        url: url ?? current.url,
        eventTypes: eventTypes ?? current.eventTypes,
        active: patch.active ?? current.active,
        description: patch.description === undefined ? current.description : patch.description.trim(),
        updatedAt: clock.now(),
      };
      const fields = [
        ...(next.url !== current.url ? ['url'] : []),
        ...(JSON.stringify(next.eventTypes) !== JSON.stringify(current.eventTypes) ? ['event_types'] : []),
        ...(next.active !== current.active ? ['active'] : []),
        ...(next.description !== current.description ? ['description'] : []),
      ];
      if (fields.length === 0) return current;
      const updated = await webhookStore.updateEndpoint(tx, next);
      await recordChange(tx, clock, {
        actor,
        action: 'webhook_endpoint.updated',
        subject: { type: 'webhook_endpoint', id },
        fields,
        data: { url: updated.url, eventTypes: updated.eventTypes, active: updated.active },
      });
      return updated;
    });
  }

  /** Deletes the endpoint, its secret and its delivery log; nothing more is sent to it. */
  async function deleteEndpoint(actor: Actor, id: string): Promise<void> {
    await inTransaction(db, async (tx) => {
      if (!(await webhookStore.deleteEndpoint(tx, id))) throw notFound('webhook endpoint', id);
      await recordChange(tx, clock, { actor, action: 'webhook_endpoint.deleted', subject: { type: 'webhook_endpoint', id }, fields: ['url', 'secret', 'event_types', 'active'] });
    });
  }

  async function listDeliveries(f: { endpointId?: string | undefined; status?: string | undefined; cursor?: string | undefined; limit?: number | undefined }): Promise<{ items: WebhookDelivery[]; nextCursor: string | undefined }> {
    if (f.status !== undefined && !isDeliveryStatus(f.status)) {
      throw invalidInput('unknown delivery status', [{ field: '/status', reason: 'must be one of pending, delivering, delivered, failed, dead' }]);
    }
    const limit = f.limit ?? 50;
    const beforeId = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
    const rows = await webhookStore.listDeliveries(db, { endpointId: f.endpointId, status: f.status, beforeId, limit: limit + 1 });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : undefined };
  }

  async function getDelivery(id: string): Promise<WebhookDelivery> {
    return (await webhookStore.findDelivery(db, id)) ?? Promise.reject(notFound('webhook delivery', id));
  }

  /** Sends a delivery again soon, with a fresh budget of attempts (dead, failed or delivered ones). */
  async function redeliver(actor: Actor, id: string): Promise<WebhookDelivery> {
    return inTransaction(db, async (tx) => {
      const d = await webhookStore.findDelivery(tx, id, true);
      if (d === undefined) throw notFound('webhook delivery', id);
      if (d.status === 'pending' || d.status === 'delivering') throw conflict(`webhook delivery ${id} is already ${d.status}`, 'webhook.delivery_in_progress');
      const endpoint = await webhookStore.findEndpoint(tx, d.endpointId);
      if (endpoint === undefined) throw notFound('webhook delivery', id);
      if (!endpoint.active) throw conflict(`webhook endpoint ${endpoint.id} is inactive; activate it first`, 'webhook.endpoint_inactive');
      const reset = await webhookStore.resetDelivery(tx, id, clock.now());
      await recordChange(tx, clock, {
        actor,
        action: 'webhook_delivery.redelivered',
        subject: { type: 'webhook_delivery', id },
        fields: ['status', 'attempts', 'next_attempt_at'],
        data: { endpointId: d.endpointId, eventId: d.eventId, previousStatus: d.status, previousAttempts: d.attempts },
      });
      return reset;
    });
  }

  /**
   * The event stream in `seq` order, for integrators and tests. `seq` is taken at insert, so a
   * transaction that commits late can add an event below a seq already read; pollers should re-read
   * a short window behind their position (webhooks have no such gap: the relay picks up every event).
   * An event waiting for an email (a restriction waiting for its notice) is left out until the email
   * is sent, and then appears at its own seq — so a poller learns of it no earlier than a webhook would.
   */
  async function readOutbox(f: { afterSeq?: number | undefined; limit?: number | undefined }): Promise<{ items: OutboxEvent[]; nextAfterSeq: number | undefined }> {
    const limit = f.limit ?? 100;
    const items = await webhookStore.readOutbox(db, f.afterSeq ?? 0, limit);
    return { items, nextAfterSeq: items.length === limit ? items[items.length - 1]!.seq : undefined };
  }

  return {
    createEndpoint,
    listEndpoints: () => webhookStore.listEndpoints(db),
    getEndpoint,
    updateEndpoint,
    deleteEndpoint,
    listDeliveries,
    getDelivery,
    redeliver,
    readOutbox,
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
