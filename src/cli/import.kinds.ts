import { basename } from 'node:path';
import { INGEST_KINDS, type IngestKindName } from './backend';

const SINGULAR: Record<string, IngestKindName> = { message: 'messages', event: 'events', seller: 'sellers', buyer: 'buyers', listing: 'listings' };

/** Reads `--kind`: the plural or the singular name (`messages`, `message`). */
export function parseKind(value: string): IngestKindName | undefined {
  const v = value.trim().toLowerCase();
  if ((INGEST_KINDS as readonly string[]).includes(v)) return v as IngestKindName;
  return SINGULAR[v];
}

/** The kind a file name announces (`messages-2026-03.jsonl`, `seller_export.csv`), when exactly one is named. */
export function kindFromFileName(path: string): IngestKindName | undefined {
  const words = basename(path).toLowerCase().split(/[^a-z]+/);
  const found = new Set<IngestKindName>();
  for (const w of words) {
    const k = parseKind(w);
    if (k !== undefined) found.add(k);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The kind a record's fields look like, or undefined when they fit none. */
export function kindFromRecord(item: unknown): IngestKindName | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const has = (k: string) => k in item;
  if (has('sender_role') || (has('body') && has('conversation_id'))) return 'messages';
  if (has('type') && has('occurred_at')) return 'events';
  if (has('title') || (has('seller_id') && (has('category') || has('price_minor')))) return 'listings';
  if (has('time_zone') || has('commission_rate_bps') || has('tier') || has('languages')) return 'sellers';
  if (has('name') && has('updated_at')) return 'buyers';
  return undefined;
}
