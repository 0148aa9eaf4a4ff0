import type { ReactNode } from 'react';
import { hitLabel } from './review';

/** A detection hit inside a message body; review hits carry the clause and score, investigation hits the matched value. */
export interface BodyHit {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly clause?: string;
  readonly score?: number;
}

/**
 * The message body with hits marked by kind; offsets are UTF-16 indices into the body the API sent.
 * Overlapping hits: the longer, earlier one is shown.
 */
export function highlight(body: string, hits: readonly BodyHit[]): ReactNode {
  if (hits.length === 0) return body;
  const sorted = [...hits].filter((h) => h.start >= 0 && h.end <= body.length && h.end > h.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReactNode[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue;
    if (h.start > at) out.push(body.slice(at, h.start));
    const tip = [hitLabel(h.kind), h.clause, `rule ${h.rule}`, h.score === undefined ? undefined : `score ${h.score.toFixed(2)}`].filter((x) => x !== undefined && x !== '').join(' · ');
    out.push(
      <mark key={`${h.start}-${h.end}`} className={`hit hit-${h.kind}`} data-tip={tip} data-kind={h.kind}>
        {body.slice(h.start, h.end)}
        <span className="visually-hidden"> ({tip})</span>
      </mark>,
    );
    at = h.end;
  }
  if (at < body.length) out.push(body.slice(at));
  return out;
}
