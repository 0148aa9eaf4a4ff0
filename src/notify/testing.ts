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
