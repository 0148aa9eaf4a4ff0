import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  readonly json: { id: string; type: string; created_at: string; subject: { type: string; id: string }; data: unknown };
}

/** What the receiver answers: a status code, a status code after a pause, or `hang` to never answer (timeouts). */
export type ReceiverAnswer = number | { readonly status: number; readonly afterMs: number } | 'hang';

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Decides the answer to each request (default 204). */
  answer: (w: ReceivedWebhook) => ReceiverAnswer;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (random port) that records the webhooks it receives; for tests. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let json: ReceivedWebhook['json'];
      try {
        json = JSON.parse(rawBody) as ReceivedWebhook['json'];
      } catch {
        json = { id: '', type: '', created_at: '', subject: { type: '', id: '' }, data: null };
      }
      const w: ReceivedWebhook = { headers: req.headers, rawBody, json };
      received.push(w);
      const a = receiver.answer(w);
      if (a === 'hang') {
        hanging.add(res);
        return;
      }
      const status = typeof a === 'number' ? a : a.status;
      const send = () => {
        res.statusCode = status;
        res.end(status >= 200 && status < 300 ? '' : 'nope');
      };
      if (typeof a === 'number') send();
      else setTimeout(send, a.afterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/assay`,
    received,
    answer: () => 204,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

// ---- a real SMTP server for tests ----

/** One message as the SMTP server received it, with headers and bodies decoded enough to assert on. */
export interface ReceivedEmail {
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
  /** The message exactly as transmitted (after dot-unstuffing). */
  readonly raw: string;
  /** Header names in lower case, folded lines joined, RFC 2047 words decoded; the last one wins. */
  readonly headers: Readonly<Record<string, string>>;
  readonly subject: string;
  /** The decoded text/plain and text/html parts, when present. */
  readonly text: string | undefined;
  readonly html: string | undefined;
}

/** What the server answers at RCPT TO or after DATA: accept, refuse with a reply code, or accept after a pause. */
export type SmtpAnswer = 'accept' | { readonly code: number; readonly message: string } | { readonly afterMs: number };

export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>` */
  readonly url: string;
  readonly received: ReceivedEmail[];
  /** Decides each RCPT TO (default accept). */
  answerRecipient: (address: string) => SmtpAnswer;
  /** Decides each message once its data is in (default accept). */
  answerData: (email: ReceivedEmail) => SmtpAnswer;
  close(): Promise<void>;
}

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body).toString('utf8');
    default:
      return body;
  }
}

/** `=?UTF-8?Q?…?=` and `=?UTF-8?B?…?=` words (RFC 2047); whitespace between two encoded words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, '\n');
  const cut = normalised.indexOf('\n\n');
  const head = cut < 0 ? normalised : normalised.slice(0, cut);
  const body = cut < 0 ? '' : normalised.slice(cut + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The text/plain and text/html leaves of a (possibly nested) multipart message. */
function bodies(headers: Record<string, string>, body: string, out: { text?: string; html?: string }): void {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary !== undefined) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const p = splitMessage(part.replace(/^\n/, ''));
      bodies(p.headers, p.body.replace(/\n$/, ''), out);
    }
    return;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']);
  if (/^text\/html/i.test(type)) out.html ??= decoded;
  else if (/^text\/plain/i.test(type)) out.text ??= decoded;
}

/** Reads a received message: headers, subject and the decoded text and HTML bodies. */
export function parseReceivedEmail(raw: string, envelope: ReceivedEmail['envelope']): ReceivedEmail {
  const { headers, body } = splitMessage(raw);
  const out: { text?: string; html?: string } = {};
  bodies(headers, body, out);
  return { envelope, raw, headers, subject: headers['subject'] ?? '', text: out.text, html: out.html };
}

function smtpError(a: { code: number; message: string }): Error & { responseCode: number } {
  return Object.assign(new Error(a.message), { responseCode: a.code });
}

/** A real SMTP server on 127.0.0.1 (random port, no TLS, no login) that records what it receives; for tests. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const { SMTPServer } = await import('smtp-server');
  const received: ReceivedEmail[] = [];
  const answer = (a: SmtpAnswer, done: (err?: Error | null) => void) => {
    if (a === 'accept') done();
    else if ('code' in a) done(smtpError(a));
    else setTimeout(() => done(), a.afterMs);
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, done) {
      answer(receiver.answerRecipient(address.address), done);
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        const email = parseReceivedEmail(Buffer.concat(chunks).toString('utf8'), { from, to: session.envelope.rcptTo.map((r) => r.address) });
        const a = receiver.answerData(email);
        if (a === 'accept' || !('code' in a)) received.push(email);
        answer(a, done);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address() as AddressInfo;
  const receiver: SmtpReceiver = {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    answerRecipient: () => 'accept',
    answerData: () => 'accept',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return receiver;
}
