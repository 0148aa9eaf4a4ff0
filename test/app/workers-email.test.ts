import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { buildServices } from '../../src/app/build-app';
import { startBackgroundWork } from '../../src/app/workers';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing';
import { inTransaction } from '../../src/db';
import { queueEmail } from '../../src/notify';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/notify/testing';

let database: TestDatabase;
let smtp: SmtpReceiver;
const logged: { level: number; msg: string }[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _enc, done) {
      logged.push(JSON.parse(String(chunk)) as { level: number; msg: string });
      done();
    },
  }),
);

const config = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ASSAY_DEMO: 'false', DATA_DIR: mkdtempSync(join(tmpdir(), 'assay-mail-')), OUTBOX_POLL_MS: '20', ...env });
const notice = { to: 'dealer@example.com', subject: 'Formal warning', text: 'Reasons…', html: '<p>Reasons…</p>', ref: { type: 'notice', id: 'ntc_1' } };

beforeEach(async () => {
  logged.length = 0;
  database = await createTestDatabase();
  smtp = await startSmtpReceiver();
});
afterEach(async () => {
  await smtp.close();
  await database.close();
});

describe('the background work of a server process', () => {
  it('sends queued email beside the outbox relay, and finishes a send in flight when stopped', async () => {
    const cfg = config({ SMTP_URL: smtp.url });
    const services = buildServices({ config: cfg, database });
    const work = startBackgroundWork(services, cfg, logger);
    smtp.answerData = () => ({ afterMs: 200 });
    const id = await inTransaction(database.db, (tx) => queueEmail(tx, services.clock, notice));
    const until = Date.now() + 5000;
    while (smtp.received.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    await work.stop();
    expect(smtp.received).toHaveLength(1);
    expect(await services.emails.get(id)).toMatchObject({ status: 'sent' });
  });

  it('warns at start when no SMTP server is configured, and leaves the email queued', async () => {
    const cfg = config({});
    const services = buildServices({ config: cfg, database });
    expect(services.emailSender).toBeUndefined();
    const work = startBackgroundWork(services, cfg, logger);
    const id = await inTransaction(database.db, (tx) => queueEmail(tx, services.clock, notice));
    await new Promise((r) => setTimeout(r, 100));
    await work.stop();
    expect(logged.some((l) => l.level === 40 && /SMTP_URL is not set/.test(l.msg))).toBe(true);
    expect(await services.emails.get(id)).toMatchObject({ status: 'queued' });
  });
});
