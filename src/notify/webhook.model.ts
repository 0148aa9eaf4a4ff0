/** A delivery's life: pending → delivering → delivered, or failed (retried later) → … → dead. */
export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export function isDeliveryStatus(value: string): value is DeliveryStatus {
  return (DELIVERY_STATUSES as readonly string[]).includes(value);
}

export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly active: boolean;
  readonly description: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastStatusCode: number | undefined;
  /** Short and free of secrets: `HTTP 500`, `timed out after 5000 ms`, `connection refused`. */
  readonly lastError: string | undefined;
  readonly lastAttemptAt: Date | undefined;
  readonly createdAt: Date;
  readonly deliveredAt: Date | undefined;
}

/** An event as written by `recordChange`, read back from the outbox. */
export interface OutboxEvent {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly payload: unknown;
  readonly createdAt: Date;
  readonly relayedAt: Date | undefined;
}

/** The JSON body every webhook request carries. */
export interface WebhookBody {
  readonly id: string;
  readonly type: string;
  readonly created_at: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly data: unknown;
}

export function webhookBody(e: Pick<OutboxEvent, 'id' | 'type' | 'createdAt' | 'subject' | 'payload'>): WebhookBody {
  return { id: e.id, type: e.type, created_at: e.createdAt.toISOString(), subject: { type: e.subject.type, id: e.subject.id }, data: e.payload };
}

/** `*`, an exact dotted type, or a dotted prefix ending in `.*`. */
export const EVENT_PATTERN = /^(\*|[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*(\.\*)?)$/;

/**
 * True when an endpoint subscribed to `patterns` wants an event of `type`.
 * @example eventMatches(['case.*'], 'case.opened') // true
 */
export function eventMatches(patterns: readonly string[], type: string): boolean {
  for (const p of patterns) {
    if (p === '*' || p === type) return true;
    if (p.endsWith('.*') && type.startsWith(p.slice(0, -1))) return true;
  }
  return false;
}
