import type { RestrictionKind, StepNotice } from './ladder';
import { NOTICE_LANGUAGES, NOTICE_TEXTS, type NoticeKind, type NoticeLanguage, type NoticeTexts } from './notice.texts';

/** The clause a decision rests on, as it read when the decision was taken. */
export interface ClauseRef {
  readonly clauseId: string;
  readonly version: number;
  readonly title: string;
  readonly text: string;
}

export interface NoticeRestriction {
  readonly kind: RestrictionKind;
  readonly effectiveAt: Date;
  readonly endsAt: Date | undefined;
}

/** Everything a notice says; the renderer only words and formats it. */
export interface NoticeContext {
  readonly kind: NoticeKind;
  /** The seller's languages, preferred first (BCP 47); the first one we write in is used, else English. */
  readonly languages: readonly string[];
  /** IANA zone for dates; UTC when the marketplace did not tell us. */
  readonly timeZone: string | undefined;
  readonly marketplaceName: string;
  readonly helpUrl: string;
  readonly sellerName: string | undefined;
  /** The violation id: the reference the seller quotes. */
  readonly reference: string;
  readonly clause: ClauseRef;
  readonly excerpts: readonly string[];
  /** When the violation was decided. */
  readonly decidedAt: Date;
  readonly restrictions: readonly NoticeRestriction[];
  readonly strikeExpiresAt: Date;
  readonly appealDeadline: Date;
  /** Termination only: when it takes effect, and whether that is at once (repeated infringement). */
  readonly terminationEffectiveAt?: Date | undefined;
  readonly terminationImmediate?: boolean | undefined;
  readonly automatedDetection: boolean;
  readonly automatedDecision: boolean;
  /** Appeal outcomes: the decider's reasons, as written. */
  readonly reasons?: string | undefined;
}

/** The DSA Art. 17(3) statement of reasons, as stored and exported (language-neutral keys). */
export interface StatementOfReasons {
  readonly schema_version: 1;
  readonly decision: StepNotice;
  readonly restrictions: readonly { kind: RestrictionKind; effective_at: string; ends_at: string | null }[];
  readonly territorial_scope: string;
  readonly end_date: string | null;
  readonly facts: string;
  readonly source: 'own_initiative';
  readonly notifier: null;
  readonly automated_detection: boolean;
  readonly automated_decision: boolean;
  readonly legal_ground: null;
  readonly contractual_ground: { clause_id: string; version: number; title: string; text: string };
  readonly explanation: string;
  readonly redress: {
    readonly internal_complaint: { free_of_charge: true; deadline: string; url: string };
    readonly out_of_court_settlement: true;
    readonly courts: true;
  };
  readonly language: NoticeLanguage;
}

export interface RenderedNotice {
  readonly lang: NoticeLanguage;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** For ladder steps; appeal notices carry the reasoned decision instead. */
  readonly sor: StatementOfReasons | undefined;
}

type Block =
  | { readonly t: 'p'; readonly text: string }
  | { readonly t: 'h'; readonly text: string }
  | { readonly t: 'quote'; readonly text: string }
  | { readonly t: 'list'; readonly items: readonly string[] }
  | { readonly t: 'fields'; readonly rows: readonly (readonly [string, string])[] };

export class TemplateError extends Error {}

/** Fills `{name}` placeholders; a placeholder without a value is a bug (thrown, never sent). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new TemplateError(`the template uses {${key}}, which has no value`);
    return v;
  });
}

/** The first of the seller's languages we write notices in (by primary subtag), else English. */
export function chooseLanguage(languages: readonly string[]): { lang: NoticeLanguage; locale: string } {
  for (const tag of languages) {
    const primary = tag.split('-')[0]!.toLowerCase();
    if ((NOTICE_LANGUAGES as readonly string[]).includes(primary)) {
      // a bare `en` would format dates the US way; our dealers are mostly European
      let locale: string = primary === 'en' ? 'en-GB' : primary;
      try {
        if (tag.includes('-') && Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) locale = tag;
      } catch {
        // not a well-formed tag: keep the language's default
      }
      return { lang: primary as NoticeLanguage, locale };
    }
  }
  return { lang: 'en', locale: 'en-GB' };
}

/** The IANA time zone when the runtime knows it, else UTC. */
export function validZone(zone: string | undefined): string {
  if (zone === undefined) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

function dateFormatter(locale: string, timeZone: string): (d: Date) => string {
  const f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
  return (d) => f.format(d);
}

function dayFormatter(locale: string, timeZone: string): (d: Date) => string {
  const f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone });
  return (d) => f.format(d);
}

const APPEAL_KINDS: readonly NoticeKind[] = ['appeal_received', 'appeal_upheld', 'appeal_overturned'];

/** Renders a notice in the seller's language: subject, plain text, simple inline-styled HTML, and the SoR. */
export function renderNotice(ctx: NoticeContext): RenderedNotice {
  const { lang, locale } = chooseLanguage(ctx.languages);
  const tx: NoticeTexts = NOTICE_TEXTS[lang];
  const zone = validZone(ctx.timeZone);
  const at = dateFormatter(locale, zone);
  const day = dayFormatter(locale, zone);
  const latestEnd = ctx.restrictions.reduce<Date | undefined>((m, r) => (r.endsAt !== undefined && (m === undefined || r.endsAt > m) ? r.endsAt : m), undefined);
  const values: Record<string, string> = {
    name: ctx.sellerName ?? '',
    marketplace: ctx.marketplaceName,
    clause_id: ctx.clause.clauseId,
    clause_title: ctx.clause.title,
    clause_version: String(ctx.clause.version),
    reference: ctx.reference,
    deadline: at(ctx.appealDeadline),
    help_url: ctx.helpUrl,
    decided_on: day(ctx.decidedAt),
    expiry_date: day(ctx.strikeExpiresAt),
    effective_date: at(ctx.terminationEffectiveAt ?? ctx.decidedAt),
    end_date: latestEnd === undefined ? '' : at(latestEnd),
  };
  const f = (template: string) => fill(template, values);
  const subject = f(tx.subject[ctx.kind]);
  const blocks: Block[] = [{ t: 'p', text: ctx.sellerName === undefined || ctx.sellerName.trim() === '' ? f(tx.greetingNoName) : f(tx.greeting) }, { t: 'p', text: f(tx.intro[ctx.kind]) }];
  let sor: StatementOfReasons | undefined;

  if (APPEAL_KINDS.includes(ctx.kind)) {
    blocks.push({ t: 'fields', rows: [[tx.label.reference, ctx.reference], [tx.label.rule, f(tx.label.clauseLine)]] });
    if (ctx.kind !== 'appeal_received' && ctx.reasons !== undefined) {
      blocks.push({ t: 'h', text: tx.label.reasons }, { t: 'quote', text: ctx.reasons });
    }
    if (ctx.kind === 'appeal_upheld') blocks.push({ t: 'p', text: f(tx.upheldRedress) });
  } else {
    const step = ctx.kind as StepNotice;
    const restrictionLines = ctx.restrictions.map((r) => {
      const period = r.endsAt === undefined ? fill(tx.periodOpen, { start: at(r.effectiveAt) }) : fill(tx.period, { start: at(r.effectiveAt), end: at(r.endsAt) });
      return `${tx.restriction[r.kind]} – ${period}`;
    });
    blocks.push({ t: 'h', text: tx.label.rule }, { t: 'p', text: f(tx.label.clauseLine) }, { t: 'quote', text: ctx.clause.text });
    if (ctx.excerpts.length > 0) blocks.push({ t: 'h', text: tx.label.evidence }, ...ctx.excerpts.map((e): Block => ({ t: 'quote', text: e })));
    if (restrictionLines.length > 0) blocks.push({ t: 'h', text: tx.label.restrictions }, { t: 'list', items: restrictionLines });
    const next = step === 'termination' && ctx.terminationImmediate === true ? tx.next.termination_immediate : tx.next[step];
    blocks.push({ t: 'h', text: tx.label.next }, { t: 'p', text: f(next) });
    blocks.push({ t: 'h', text: tx.label.appeal }, { t: 'p', text: f(tx.appealHow) });

    const permanent = ctx.restrictions.some((r) => r.endsAt === undefined);
    const duration =
      ctx.restrictions.length === 0 ? tx.durationNone : permanent ? fill(tx.durationPermanent, { effective_date: values['effective_date']! }) : f(tx.durationUntil);
    const facts = f(tx.facts);
    const explanation = f(tx.explanation);
    const redress = [f(tx.redressInternal), f(tx.redressOutOfCourt), f(tx.redressCourts)];
    blocks.push(
      { t: 'h', text: tx.label.sor },
      {
        t: 'fields',
        rows: [
          [tx.label.decision, [tx.decision[step], ...restrictionLines].join('; ')],
          [tx.label.scope, f(tx.scopeValue)],
          [tx.label.duration, duration],
          [tx.label.facts, facts],
          [tx.label.source, tx.sourceValue],
          [tx.label.autoDetection, ctx.automatedDetection ? tx.yes : tx.no],
          [tx.label.autoDecision, ctx.automatedDecision ? tx.yes : tx.no],
          [tx.label.ground, f(tx.label.clauseLine)],
          [tx.label.explanation, explanation],
          [tx.label.redress, redress.join(' ')],
          [tx.label.reference, ctx.reference],
        ],
      },
    );
    sor = {
      schema_version: 1,
      decision: step,
      restrictions: ctx.restrictions.map((r) => ({ kind: r.kind, effective_at: r.effectiveAt.toISOString(), ends_at: r.endsAt?.toISOString() ?? null })),
      territorial_scope: f(tx.scopeValue),
      end_date: permanent || latestEnd === undefined ? null : latestEnd.toISOString(),
      facts,
      source: 'own_initiative',
      notifier: null,
      automated_detection: ctx.automatedDetection,
      automated_decision: ctx.automatedDecision,
      legal_ground: null,
      contractual_ground: { clause_id: ctx.clause.clauseId, version: ctx.clause.version, title: ctx.clause.title, text: ctx.clause.text },
      explanation,
      redress: { internal_complaint: { free_of_charge: true, deadline: ctx.appealDeadline.toISOString(), url: ctx.helpUrl }, out_of_court_settlement: true, courts: true },
      language: lang,
    };
  }
  blocks.push({ t: 'p', text: f(tx.closing) });
  return { lang, subject, text: toText(blocks), html: toHtml(subject, lang, blocks), sor };
}

function toText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.t === 'p') out.push(b.text);
    else if (b.t === 'h') out.push(`${b.text}\n${'-'.repeat(Math.min(b.text.length, 72))}`);
    else if (b.t === 'quote') out.push(b.text.split('\n').map((l) => `> ${l}`).join('\n'));
    else if (b.t === 'list') out.push(b.items.map((i) => `- ${i}`).join('\n'));
    else out.push(b.rows.map(([k, v]) => `${k}: ${v}`).join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped, line breaks kept, and web addresses made into links (themselves escaped). */
function inline(s: string): string {
  return s
    .split(/(https?:\/\/[^\s<>"']+)/)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}" style="color:#1a56db">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join('')
    .replace(/\n/g, '<br>');
}

function toHtml(subject: string, lang: string, blocks: readonly Block[]): string {
  const body = blocks
    .map((b) => {
      if (b.t === 'p') return `<p style="margin:0 0 14px">${inline(b.text)}</p>`;
      if (b.t === 'h') return `<h2 style="font-size:16px;margin:22px 0 8px;color:#111">${escapeHtml(b.text)}</h2>`;
      if (b.t === 'quote') return `<blockquote style="margin:0 0 10px;padding:8px 12px;border-left:3px solid #c7c7c7;background:#f6f6f6;color:#333">${inline(b.text)}</blockquote>`;
      if (b.t === 'list') return `<ul style="margin:0 0 14px;padding-left:20px">${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
      const rows = b.rows
        .map(([k, v]) => `<tr><th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;font-weight:600;width:35%">${escapeHtml(k)}</th><td style="padding:4px 0;vertical-align:top">${inline(v)}</td></tr>`)
        .join('');
      return `<table style="border-collapse:collapse;font-size:14px;margin:0 0 14px;width:100%">${rows}</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222">
<div style="max-width:640px;margin:0 auto">
${body}
</div>
</body></html>
`;
}
