import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../src/detection';
import { startE2E, type E2E, type Person } from './support';

/*
 * Rule governance in a real browser: a manager checks a new rule-set version (the hole it has is
 * named with an example), replays it over the stored messages (the conversation it would newly send
 * to review, its rule's hits against today's, a bad date refused beside its field), asks for it to
 * be activated with the replay's figures and cannot approve her own request; the
 * administrator approves it and scans use it at once; a rule is switched off (an unknown rule id is
 * refused beside its field) and on again; the manager rolls back. A senior reviewer reads the
 * screen without any of the buttons that change what scans do.
 */

const people = {
  admin: { email: 'priya.natarajan@assay.test', name: 'Priya Natarajan', password: 'admin-password-2026', role: 'admin' },
  manager: { email: 'elena.rossi@assay.test', name: 'Elena Rossi', password: 'manager-password-2026', role: 'manager' },
  senior: { email: 'sofia.bianchi@assay.test', name: 'Sofia Bianchi', password: 'senior-password-2026', role: 'senior' },
} satisfies Record<string, Person>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NEW_VERSION = '2026.12.1';
/** Woken by the new rule's trigger ("middleman"), matched by its pattern only ("cut the broker out"). */
const BROKER = 'Middleman fees again? Let us cut the broker out.';
let e: E2E;
let builtinVersion: string;

beforeAll(async () => {
  e = await startE2E(Object.values(people));
  // the next version: the checked-in rules and one more, whose pattern its trigger cannot wake
  const body = JSON.parse(JSON.stringify(defaultRuleSet)) as Json;
  body.version = NEW_VERSION;
  const keepOut = (body.rules as Json[]).find((r) => r.id === 'intent.keep_out.en')!;
  (body.rules as Json[]).push({ ...keepOut, id: 'intent.broker_out.en', triggers: ['middleman'], patterns: ['cut (?:the )?(?:middleman|broker) out'] });
  const stored = await e.call('POST', '/v1/rule-sets', body);
  expect(stored.warnings.some((w: Json) => String(w.reason).includes('intent.broker_out.en'))).toBe(true);
  // two conversations of yesterday: the broker one, clear with the rules in use, and a phone number, flagged by both
  const sentAt = new Date(Date.now() - 86_400_000).toISOString();
  const m = (id: string, conv: string, text: string) => ({ id, conversation_id: conv, buyer_id: 'rb-b', seller_id: 'rb-s', sender_role: 'seller', body: text, sent_at: sentAt, lang: 'en' });
  await e.call('POST', '/v1/messages:batch', { items: [m('rb-1', 'conv-broker', BROKER), m('rb-2', 'conv-phone', 'Call me: +33 6 12 34 56 78'), m('rb-3', 'conv-clean', 'The frame is gilded oak, 19th century')] });
});

afterAll(async () => {
  await e?.close();
});

async function openRules(): Promise<void> {
  await e.page.getByRole('navigation').getByRole('link', { name: 'Rules' }).click();
  await e.page.getByRole('heading', { name: 'Rules', level: 1 }).waitFor();
  await e.page.getByRole('region', { name: 'Versions' }).getByRole('row', { name: new RegExp(NEW_VERSION) }).waitFor();
}

const inUse = () => e.page.getByRole('region', { name: 'In use' });

describe('the Rules screen', () => {
  it('a manager checks a version and asks for it; she cannot approve her own request', async () => {
    const { page } = e;
    await e.signIn(people.manager);
    await openRules();
    builtinVersion = ((await e.call('GET', '/v1/rule-sets/current')) as Json).version as string;
    await inUse().getByText(builtinVersion).waitFor();
    // the rule set in use: its size and its warnings, as the API counts them
    const check = (await e.call('GET', '/v1/rule-sets/builtin/check')) as Json;
    await inUse().getByText(`${check.phrase_rules} rules, ${check.patterns} patterns, ${check.trigger_words} trigger words`).waitFor();

    await page.getByRole('button', { name: `Check ${NEW_VERSION}` }).click();
    const dialog = page.getByRole('dialog', { name: `Check of ${NEW_VERSION}` });
    const warnings = dialog.getByRole('list', { name: 'Warnings' }).getByRole('listitem');
    await warnings.first().waitFor();
    expect(await warnings.count()).toBe((check.warnings as Json[]).length + 1);
    await expect(dialog.getByText(/e\.g\. "cut (the )?broker out".*intent\.broker_out\.en/).count()).resolves.toBe(1);
    await e.shot('rules-check');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // the replay: a date the API refuses is named beside its field, then the last 30 days
    await page.getByRole('button', { name: `Replay ${NEW_VERSION}` }).click();
    const replay = page.getByRole('dialog', { name: `Replay of ${NEW_VERSION}` });
    await replay.getByLabel('To (included)').fill('2020-01-01');
    await replay.getByRole('button', { name: 'Replay', exact: true }).click();
    await replay.getByText('must be after since').waitFor();
    await replay.getByLabel('To (included)').fill('');
    await replay.getByRole('button', { name: 'Replay', exact: true }).click();
    const report = replay.getByRole('region', { name: 'Replay report' });
    await report.getByText('3 messages in 3 conversations').waitFor();
    const api = (await e.call('POST', `/v1/rule-sets/${NEW_VERSION}/replay`, { since: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) })) as Json;
    expect(api).toMatchObject({ scanned: 3, would_open: 2, currently_open: 1, newly_opened: 1, no_longer_opened: 0 });
    await report.getByText('(with the results stored now: 1)').waitFor();
    const rules = report.getByRole('table', { name: 'Hits per rule' });
    await rules.getByRole('row', { name: /intent\.broker_out\.en\s+1\s+0\s+\+1/ }).waitFor();
    expect(await rules.getByRole('row').count()).toBe(2); // the header and the one rule whose hits changed
    await report.getByLabel('Show unchanged rules too').check();
    await rules.getByRole('row', { name: /phone\./ }).waitFor();
    const convs = report.getByRole('table', { name: 'Conversations it would send to review' });
    await convs.getByRole('row', { name: /conv-broker.*New/ }).waitFor();
    await convs.getByRole('row', { name: /conv-phone.*Flagged already/ }).waitFor();
    expect(await convs.getByRole('link', { name: 'conv-broker' }).getAttribute('href')).toBe('/conversations/conv-broker');
    await e.shot('rules-replay');

    // asking from the replay: the request starts with its figures
    await replay.getByRole('button', { name: `Ask to activate ${NEW_VERSION}` }).click();
    const ask = page.getByRole('dialog', { name: `Ask to activate ${NEW_VERSION}` });
    const why = ask.getByLabel('Why this version');
    expect(await why.inputValue()).toMatch(/^Replayed over 3 messages \(.*\): 2 conversations to review against 1 today \(\+1 new, 0 no longer\); expected precision unknown\. $/);
    await why.fill(`${await why.inputValue()}Catches "cut the broker out".`);
    await ask.getByRole('button', { name: 'Ask for approval' }).click();
    await ask.waitFor({ state: 'detached' });
    const waiting = page.getByRole('region', { name: 'Waiting for approval' });
    const row = waiting.getByRole('row', { name: new RegExp(NEW_VERSION) });
    await row.getByText('Another person decides').waitFor();
    expect(await row.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    await e.shot('rules-waiting');
    await e.signOut();
  });

  it('the administrator approves it and scans use it at once; the kill switch refuses an unknown rule and switches one off and on', async () => {
    const { page } = e;
    await e.signIn(people.admin);
    await openRules();
    await page.getByRole('button', { name: `Approve ${NEW_VERSION}` }).click();
    const approve = page.getByRole('dialog', { name: `Approve ${NEW_VERSION}` });
    await approve.getByText(`${people.manager.name} asked: Replayed over 3 messages`).waitFor();
    await approve.getByRole('button', { name: /Approve: scans use it at once/ }).click();
    await approve.waitFor({ state: 'detached' });
    await inUse().getByText(NEW_VERSION).waitFor();
    await page.getByRole('region', { name: 'Activation history' }).getByRole('row', { name: new RegExp(`${NEW_VERSION}.*Approved`) }).waitFor();
    expect(((await e.call('GET', '/v1/rule-sets/current')) as Json).version).toBe(NEW_VERSION);
    const scan = (await e.call('POST', '/v1/scan', { id: 'm1', text: BROKER })) as Json;
    expect((scan.hits as Json[]).map((h) => h.rule)).toContain('intent.broker_out.en');

    // the kill switch: an unknown rule id is refused beside its field, nothing is stored
    await page.getByRole('button', { name: 'Switch a rule off' }).click();
    const sw = page.getByRole('dialog', { name: 'Switch a rule off' });
    await sw.getByLabel('Rule id').fill('intent.no_such_rule.en');
    await sw.getByLabel('Reason').fill('Floods the English queue');
    await sw.getByRole('button', { name: 'Switch off' }).click();
    await sw.getByText(`unknown rule id in rule set ${NEW_VERSION}`).waitFor();
    expect(((await e.call('GET', '/v1/rules/switches')) as Json).items).toEqual([]);
    await sw.getByLabel('Rule id').fill('intent.broker_out.en');
    await sw.getByRole('button', { name: 'Switch off' }).click();
    await sw.waitFor({ state: 'detached' });
    const switches = page.getByRole('region', { name: 'Kill switch' });
    await switches.getByRole('row', { name: /intent\.broker_out\.en.*Off.*Floods the English queue/ }).waitFor();
    const muted = (await e.call('POST', '/v1/scan', { id: 'm2', text: BROKER })) as Json;
    expect((muted.hits as Json[]).map((h) => h.rule)).not.toContain('intent.broker_out.en');
    await e.shot('rules-switched-off');

    await page.getByRole('button', { name: 'Switch intent.broker_out.en on' }).click();
    const on = page.getByRole('dialog', { name: 'Switch intent.broker_out.en on' });
    await on.getByLabel('Reason').fill('Precision back above target after the fix');
    await on.getByRole('button', { name: 'Switch on' }).click();
    await on.waitFor({ state: 'detached' });
    await switches.getByRole('row', { name: /intent\.broker_out\.en.*On/ }).waitFor();
    await e.signOut();
  });

  it('a manager rolls back one step; a senior reads the screen without the buttons that change scans', async () => {
    const { page } = e;
    const before = ((await e.call('GET', '/v1/rule-sets/activations')) as Json).items[0] as Json;
    await e.signIn(people.manager);
    await openRules();
    await page.getByRole('button', { name: 'Roll back' }).click();
    const back = page.getByRole('dialog', { name: 'Roll back one step' });
    await back.getByLabel('Why').fill('The new rule floods the queue overnight');
    await back.getByRole('button', { name: `Roll back to ${before.previous_version as string}` }).click();
    await back.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Activation history' }).getByRole('row', { name: /Rollback/ }).waitFor();
    expect(((await e.call('GET', '/v1/rule-sets/current')) as Json).version).toBe(builtinVersion);
    await e.signOut();

    await e.signIn(people.senior);
    await openRules();
    await page.getByRole('region', { name: 'Activation history' }).getByRole('row', { name: /Rollback/ }).waitFor();
    for (const name of ['Switch a rule off', 'Roll back', `Ask to activate ${NEW_VERSION}`]) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await e.shot('rules-senior');
    expect(e.pageErrors).toEqual([]);
  });
});
