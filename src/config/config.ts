/**
 * One typed configuration, read from the environment once at startup, validated, and frozen.
 * Every variable is documented in .env.example (a test checks the two agree).
 */
export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  /** Public base URL, used in links and to decide whether cookies are Secure. */
  readonly publicUrl: string;
  /** Folder for the embedded database, its lock and local files. */
  readonly dataDir: string;
  /** When set, use this PostgreSQL instead of the embedded PGlite. */
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the demo data set the first time the embedded database is created. */
  readonly demoOnFirstStart: boolean;
  readonly demoSeed: number;
  readonly adminEmail: string;
  /** First admin's password; generated and printed once when empty. */
  readonly adminPassword: string | undefined;
  readonly sessionTtlHours: number;
  readonly loginMaxAttemptsPerMinute: number;
  readonly rateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly batchMaxItems: number;
  readonly evidenceMaxBytes: number;
  /** The team's business calendar for case SLAs: jurisdiction (holidays), time zone and hours. */
  readonly caseJurisdiction: string;
  readonly caseTimeZone: string;
  /** `HH:MM-HH:MM` */
  readonly caseBusinessHours: string;
  readonly webhookMaxAttempts: number;
  readonly webhookTimeoutMs: number;
  readonly outboxPollMs: number;
  /** SMTP server for outgoing email; undefined = emails stay queued. May hold a password: never log it. */
  readonly smtpUrl: string | undefined;
  /** From header and envelope sender, e.g. `Assay <no-reply@assay.invalid>`. */
  readonly mailFrom: string;
  readonly emailMaxAttempts: number;
  readonly natsUrl: string;
  readonly natsStream: string;
  readonly natsDurable: string;
  readonly auditCheckpointFile: string;
  readonly shutdownGraceMs: number;
  /**
   * Messages older than this many days when a re-scan or a backfill (import of old messages) scans
   * them are stored `historical: true`: enforcement never issues strikes or notices for them.
   */
  readonly rescanEnforcementCutoffDays: number;
  /** A strike stops counting on the ladder this many days after the decision. */
  readonly strikeExpiryDays: number;
  /** Sellers may appeal this many days after a notice (DSA Art. 20: at least six months). */
  readonly appealWindowDays: number;
  /** A termination takes effect this many days after its notice (P2B Art. 4(2): at least 30). */
  readonly terminationNoticeDays: number;
  /** Immediate termination (repeated infringement) once a seller had this many restricting decisions; 0 = never. */
  readonly terminationImmediateAfterRestrictions: number;
  /** The enforcement ladder as JSON, replacing the default (DOMAIN §5.4); undefined = default. Checked when the services are built. */
  readonly enforcementLadder: string | undefined;
  /** The marketplace's name as sellers know it, in notices. */
  readonly marketplaceName: string;
  /** Where sellers read about and file appeals, linked in every notice. */
  readonly sellerHelpUrl: string;
  /** Minutes a reviewer's claim on a case lasts before it returns to the queue (`REVIEW_LEASE_MINUTES`). */
  readonly reviewLeaseMinutes: number;
  /** Flagged messages scoring below this open no case (`REVIEW_AUTO_CLEAR_BELOW`; used without an automation policy). */
  readonly reviewAutoClearBelow: number;
  /** Automatic violations allowed in any sliding hour; past it the circuit breaker pauses them until a manager resets it. */
  readonly automationMaxViolationsPerHour: number;
  /** Decisions a rule needs in a window before its precision is judged against its target. */
  readonly rulePrecisionMinDecisions: number;
  /** An off-platform investigation opens when a conversation's combined signal score reaches this (`INVESTIGATION_THRESHOLD`, 0..1). */
  readonly investigationThreshold: number;
  /** A listing change counts as a signal this many days after the contact exchange (`INVESTIGATION_WINDOW_DAYS`). */
  readonly investigationWindowDays: number;
  /** A commission order is due this many days after it is issued (`COMMISSION_DUE_DAYS`). */
  readonly commissionDueDays: number;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got '${raw}'`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function num(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) throw new ConfigError(name, `must be a number, got '${raw}'`);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got '${raw}'`);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got '${raw}'`);
  return raw as T;
}

function pattern(env: Env, name: string, fallback: string, re: RegExp, what: string): string {
  const raw = str(env, name, fallback);
  if (!re.test(raw)) throw new ConfigError(name, `must be ${what}, got '${raw}'`);
  return raw;
}

/** Reads and validates the configuration. Throws {@link ConfigError} naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', 'development', ['development', 'test', 'production'] as const);
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = str(env, 'HOST', '127.0.0.1');
  const databaseUrl = env['DATABASE_URL'] === '' ? undefined : env['DATABASE_URL'];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const dataDir = str(env, 'DATA_DIR', './data');
  const smtpUrl = env['SMTP_URL'] === undefined || env['SMTP_URL'].trim() === '' ? undefined : env['SMTP_URL'].trim();
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl)) throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL, e.g. smtp://mail.example.com:587');
  const config: Config = {
    env: nodeEnv,
    host,
    port,
    publicUrl: str(env, 'PUBLIC_URL', `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`),
    dataDir,
    databaseUrl,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    demoOnFirstStart: bool(env, 'ASSAY_DEMO', true),
    demoSeed: int(env, 'ASSAY_DEMO_SEED', 42, 0, 2 ** 31 - 1),
    adminEmail: str(env, 'ASSAY_ADMIN_EMAIL', 'admin@assay.local'),
    adminPassword: env['ASSAY_ADMIN_PASSWORD'] === '' ? undefined : env['ASSAY_ADMIN_PASSWORD'],
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    loginMaxAttemptsPerMinute: int(env, 'LOGIN_MAX_ATTEMPTS_PER_MINUTE', 10, 1, 10_000),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 60_000, 1, 10_000_000),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 32 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    batchMaxItems: int(env, 'BATCH_MAX_ITEMS', 1000, 1, 10_000),
    evidenceMaxBytes: int(env, 'EVIDENCE_MAX_BYTES', 5 * 1024 * 1024, 1, 256 * 1024 * 1024),
    caseJurisdiction: pattern(env, 'CASE_JURISDICTION', 'GB', /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'a country code with an optional subdivision, e.g. GB or US-NY'),
    caseTimeZone: str(env, 'CASE_TIME_ZONE', 'Europe/London'),
    caseBusinessHours: pattern(env, 'CASE_BUSINESS_HOURS', '09:00-17:30', /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'opening and closing time, e.g. 09:00-17:30'),
    webhookMaxAttempts: int(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 100),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 5000, 100, 120_000),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 500, 10, 600_000),
    smtpUrl,
    mailFrom: pattern(env, 'MAIL_FROM', 'Assay <no-reply@assay.invalid>', /^([^<>\r\n"]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/, 'an address, optionally with a name, e.g. Assay <no-reply@example.com>'),
    emailMaxAttempts: int(env, 'EMAIL_MAX_ATTEMPTS', 8, 1, 100),
    natsUrl: str(env, 'NATS_URL', 'nats://127.0.0.1:4222'),
    natsStream: str(env, 'NATS_STREAM', 'ASSAY'),
    natsDurable: str(env, 'NATS_DURABLE', 'assay-ingest'),
    auditCheckpointFile: str(env, 'AUDIT_CHECKPOINT_FILE', `${dataDir}/audit-checkpoint.json`),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    rescanEnforcementCutoffDays: int(env, 'RESCAN_ENFORCEMENT_CUTOFF_DAYS', 30, 0, 36_500),
    strikeExpiryDays: int(env, 'STRIKE_EXPIRY_DAYS', 365, 1, 3650),
    appealWindowDays: int(env, 'APPEAL_WINDOW_DAYS', 183, 183, 3650),
    terminationNoticeDays: int(env, 'TERMINATION_NOTICE_DAYS', 30, 30, 365),
    terminationImmediateAfterRestrictions: int(env, 'TERMINATION_IMMEDIATE_AFTER_RESTRICTIONS', 0, 0, 100),
    enforcementLadder: env['ENFORCEMENT_LADDER']?.trim() === '' ? undefined : env['ENFORCEMENT_LADDER'],
    marketplaceName: str(env, 'MARKETPLACE_NAME', 'the marketplace'),
    sellerHelpUrl: pattern(env, 'SELLER_HELP_URL', 'https://example.com/seller-help/appeals', /^https?:\/\/\S+$/, 'an http(s) URL'),
    reviewLeaseMinutes: int(env, 'REVIEW_LEASE_MINUTES', 15, 1, 24 * 60),
    reviewAutoClearBelow: num(env, 'REVIEW_AUTO_CLEAR_BELOW', 0, 0, 1),
    automationMaxViolationsPerHour: int(env, 'AUTOMATION_MAX_VIOLATIONS_PER_HOUR', 50, 0, 1_000_000),
    rulePrecisionMinDecisions: int(env, 'RULE_PRECISION_MIN_DECISIONS', 20, 1, 1_000_000),
    investigationThreshold: num(env, 'INVESTIGATION_THRESHOLD', 0.6, 0, 1),
    investigationWindowDays: int(env, 'INVESTIGATION_WINDOW_DAYS', 14, 1, 365),
    commissionDueDays: int(env, 'COMMISSION_DUE_DAYS', 14, 1, 365),
  };
  return Object.freeze(config);
}

/** Names of every variable {@link loadConfig} reads; .env.example must list each. */
export const CONFIG_VARIABLES = [
  'NODE_ENV', 'HOST', 'PORT', 'PUBLIC_URL', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'LOG_LEVEL',
  'ASSAY_DEMO', 'ASSAY_DEMO_SEED', 'ASSAY_ADMIN_EMAIL', 'ASSAY_ADMIN_PASSWORD', 'SESSION_TTL_HOURS',
  'LOGIN_MAX_ATTEMPTS_PER_MINUTE', 'RATE_LIMIT_PER_MINUTE', 'BODY_LIMIT_BYTES', 'BATCH_MAX_ITEMS',
  'EVIDENCE_MAX_BYTES', 'CASE_JURISDICTION', 'CASE_TIME_ZONE', 'CASE_BUSINESS_HOURS', 'WEBHOOK_MAX_ATTEMPTS', 'WEBHOOK_TIMEOUT_MS', 'OUTBOX_POLL_MS', 'SMTP_URL', 'MAIL_FROM', 'EMAIL_MAX_ATTEMPTS', 'NATS_URL',
  'NATS_STREAM', 'NATS_DURABLE', 'AUDIT_CHECKPOINT_FILE', 'SHUTDOWN_GRACE_MS', 'RESCAN_ENFORCEMENT_CUTOFF_DAYS', 'REVIEW_LEASE_MINUTES', 'REVIEW_AUTO_CLEAR_BELOW',
  'STRIKE_EXPIRY_DAYS', 'APPEAL_WINDOW_DAYS', 'TERMINATION_NOTICE_DAYS', 'TERMINATION_IMMEDIATE_AFTER_RESTRICTIONS', 'ENFORCEMENT_LADDER',
  'MARKETPLACE_NAME', 'SELLER_HELP_URL',
  'AUTOMATION_MAX_VIOLATIONS_PER_HOUR', 'RULE_PRECISION_MIN_DECISIONS',
  'INVESTIGATION_THRESHOLD', 'INVESTIGATION_WINDOW_DAYS', 'COMMISSION_DUE_DAYS',
] as const;
