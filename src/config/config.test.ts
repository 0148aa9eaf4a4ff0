import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('runs on the embedded database in ./data with no variable set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ dataDir: './data', databaseUrl: undefined, port: 3000, batchMaxItems: 1000 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names the variable and the reason when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(new ConfigError('PORT', "must be a whole number, got 'eighty'"));
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ASSAY_DEMO: 'maybe' })).toThrow(/ASSAY_DEMO/);
  });

  it('leaves email unsent without SMTP_URL, and checks the SMTP URL and the sender address', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: 'Assay <no-reply@assay.invalid>', emailMaxAttempts: 8 });
    expect(loadConfig({ SMTP_URL: 'smtps://mailer:pw@mail.example.com:465', MAIL_FROM: 'trust@example.com', EMAIL_MAX_ATTEMPTS: '3' })).toMatchObject({
      smtpUrl: 'smtps://mailer:pw@mail.example.com:465',
      mailFrom: 'trust@example.com',
      emailMaxAttempts: 3,
    });
    expect(() => loadConfig({ SMTP_URL: 'mail.example.com:25' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'Assay Trust' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ MAIL_FROM: 'a@example.com, b@example.com' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ EMAIL_MAX_ATTEMPTS: '0' })).toThrow(/EMAIL_MAX_ATTEMPTS/);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(CONFIG_VARIABLES));
  });

  it('reads only the variables it lists', () => {
    const seen = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, { get: (_t, k) => (seen.add(String(k)), undefined) });
    loadConfig(env);
    for (const k of seen) expect(CONFIG_VARIABLES as readonly string[]).toContain(k);
  });
});
