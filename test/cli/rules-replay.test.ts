import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorld, ingestDirect, wireMessage, type CliWorld } from './helpers';

let w: CliWorld;
const recent = new Date(Date.now() - 2 * 86_400_000);
const day = recent.toISOString().slice(0, 10);
beforeAll(async () => {
  w = await createCliWorld();
  // ten recent messages in two conversations; one carries a phone number
  await ingestDirect(w, 'messages', [
    ...Array.from({ length: 9 }, (_, i) => wireMessage(i, { sent_at: new Date(recent.getTime() + i * 60_000).toISOString() })),
    wireMessage(9, { sent_at: new Date(recent.getTime() + 9 * 60_000).toISOString(), body: 'Phone: +44 7911 123456' }),
  ]);
});
afterAll(async () => {
  await w?.close();
});

describe('assay rules replay', () => {
  it('replays a version over stored messages and reports the conversations it would send to review, storing nothing', async () => {
    const r = await w.run(['rules', 'replay', 'builtin', '--since', day]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^replayed rule set \d{4}\.\d+\.\d+ over 10 messages in 2 conversations .*nothing stored$/m);
    expect(r.stdout).toMatch(/^would open review: 1 conversations \(today: 1; new: 0; no longer: 0\)$/m);
    expect(r.stdout).toMatch(/^ {2}phone\.international {2}1 \/ 1 {2}unknown$/m);
    expect(r.stdout).toMatch(/^ {2}conv-1 violation 1 message\(s\) \[phone\.international\]$/m);

    const json = await w.run(['rules', 'replay', 'builtin', '--since', day, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ scanned: 10, would_open: 1, unknown_rules: ['phone.international'], expected_precision: null });
  });

  it('refuses an unknown version and a bad date', async () => {
    const unknown = await w.run(['rules', 'replay', '2099.9.9', '--since', day]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/rule_set 2099\.9\.9 not found/);
    const bad = await w.run(['rules', 'replay', 'builtin', '--since', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/since is not a date/);
  });
});
