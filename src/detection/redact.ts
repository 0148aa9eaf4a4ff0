import type { Hit } from './types';

/**
 * Masks every hit with a typed placeholder (`[phone]`, `[email]`…), so the marketplace can deliver
 * the message without the contact details. Overlapping hits merge into one placeholder.
 */
export function redact(text: string, hits: readonly Pick<Hit, 'kind' | 'start' | 'end'>[]): string {
  const spans = hits
    .filter((h) => h.end > h.start && h.start >= 0 && h.end <= text.length)
    .map((h) => ({ start: h.start, end: h.end, kind: h.kind }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  let i = 0;
  while (i < spans.length) {
    const first = spans[i]!;
    let end = first.end;
    let j = i + 1;
    while (j < spans.length && spans[j]!.start < end) {
      end = Math.max(end, spans[j]!.end);
      j++;
    }
    out += text.slice(pos, first.start) + `[${first.kind}]`;
    pos = end;
    i = j;
  }
  return out + text.slice(pos);
}
