import type { FieldError } from '../kernel';

/**
 * An email's life: queued → sending → sent, or → failed (retried after a backoff) → … → dead after
 * the last attempt. `sending` is the sender's lease while it talks to the SMTP server. An admin may
 * queue a failed or dead email again.
 */
export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export function isEmailStatus(value: string): value is EmailStatus {
  return (EMAIL_STATUSES as readonly string[]).includes(value);
}

export interface EmailRef {
  /** What kind of thing the email is about, e.g. `notice`, `appeal`. */
  readonly type: string;
  readonly id: string;
}

/** What a module asks to send. */
export interface EmailInput {
  /** One address, `local@domain` (no display name, no list). */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** BCP 47 language of the bodies, e.g. `fr` or `de-CH`. */
  readonly lang?: string | undefined;
  readonly ref: EmailRef;
}

export interface Email {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly lang: string | undefined;
  readonly ref: EmailRef;
  readonly status: EmailStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  /** Short: the SMTP reply code and text, or what went wrong on the connection. */
  readonly lastError: string | undefined;
  readonly lastAttemptAt: Date | undefined;
  readonly smtpMessageId: string | undefined;
  readonly createdAt: Date;
  readonly sentAt: Date | undefined;
}

export const EMAIL_LIMITS = {
  address: 254,
  subject: 500,
  textBytes: 1024 * 1024,
  htmlBytes: 2 * 1024 * 1024,
  refType: 64,
  refId: 128,
} as const;

// Deliberately narrow: what we send to is an address a marketplace gave us for a dealer, not a header.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const REF_TYPE = /^[a-z][a-z0-9_]*$/;
const REF_ID = /^[A-Za-z0-9_.:-]+$/;

/**
 * True for one plain address `local@domain`: a dotted local part of the usual atom characters and a
 * domain of at least two labels. Lists, display names, quotes, comments, spaces and line breaks are
 * refused — nothing in it can turn into another header or another recipient.
 * @example isSingleAddress('dealer@example.com') // true
 * @example isSingleAddress('a@example.com, b@example.com') // false
 */
export function isSingleAddress(value: string): boolean {
  if (value.length > EMAIL_LIMITS.address) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
}

/** The field errors of an email to queue (empty when it is fine). */
export function checkEmailInput(e: EmailInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isSingleAddress(e.to)) errors.push({ field: '/to', reason: 'must be one email address such as dealer@example.com (no name, no list)' });
  if (e.subject.trim() === '') errors.push({ field: '/subject', reason: 'must not be empty' });
  if (/[\r\n]/.test(e.subject)) errors.push({ field: '/subject', reason: 'must not contain line breaks' });
  if (e.subject.length > EMAIL_LIMITS.subject) errors.push({ field: '/subject', reason: `must be at most ${EMAIL_LIMITS.subject} characters` });
  if (e.text.trim() === '') errors.push({ field: '/text', reason: 'must not be empty' });
  if (Buffer.byteLength(e.text, 'utf8') > EMAIL_LIMITS.textBytes) errors.push({ field: '/text', reason: `must be at most ${EMAIL_LIMITS.textBytes} bytes` });
  if (e.html.trim() === '') errors.push({ field: '/html', reason: 'must not be empty' });
  if (Buffer.byteLength(e.html, 'utf8') > EMAIL_LIMITS.htmlBytes) errors.push({ field: '/html', reason: `must be at most ${EMAIL_LIMITS.htmlBytes} bytes` });
  if (e.lang !== undefined && !LANG.test(e.lang)) errors.push({ field: '/lang', reason: 'must be a language tag such as en, fr or de-CH' });
  if (e.ref.type.length > EMAIL_LIMITS.refType || !REF_TYPE.test(e.ref.type)) {
    errors.push({ field: '/ref/type', reason: `must be lower-case letters, digits and _ (at most ${EMAIL_LIMITS.refType})` });
  }
  if (e.ref.id.length > EMAIL_LIMITS.refId || !REF_ID.test(e.ref.id)) {
    errors.push({ field: '/ref/id', reason: `must be an id of letters, digits and _ . : - (at most ${EMAIL_LIMITS.refId})` });
  }
  return errors;
}
