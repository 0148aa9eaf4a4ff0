/*
 * The application's services, wired from the configuration and the database: what the HTTP server,
 * the workers and the CLI's commands run. No HTTP here (build-app.ts adds the routes), so a command
 * that only needs the services starts without loading the server.
 */
import type { FastifyServerOptions } from 'fastify';
import { systemClock, type Clock } from '../kernel';
import { ConfigError, type Config } from '../config';
import type { Database } from '../db';
import { createIdentityService, type IdentityService } from '../identity';
import { createAuditService, type AuditService } from '../audit';
import { createEmailSender, createEmailService, createOutboxRelay, createWebhookService, queueEmail, type EmailSender, type EmailService, type OutboxRelay, type WebhookService } from '../notify';
import { createMarketplaceService, type MarketplaceService, type MessageScanner } from '../marketplace';
import { scanConversation } from '../detection';
import { createCalendarResolver, createCaseService, createCaseTypeRegistry, type CaseService, type CaseTypeRegistry } from '../cases';
import { conversationReviewCaseType, createReviewService, type ReviewService } from '../review';
import { createInvestigationService, investigationCaseType, type InvestigationService } from '../investigations';
import { appealCaseType, commissionDisputeCaseType, createEnforcementService, DEFAULT_LADDER, parseLadder, type EnforcementService, type Ladder } from '../enforcement';
import { standingToDto } from '../http/enforcement.dto';
import { createAutomation, createReplay, createRuleLearning, createRuleSetService, type Automation, type Replay, type RuleLearning, type RuleSetService } from '../rules';
import { createPolicyService, type PolicyService } from '../policies';
import { createAnalyticsService, type AnalyticsService } from '../analytics';
import { VERSION } from './version';

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly clock?: Clock;
  readonly logger?: FastifyServerOptions['loggerInstance'];
  /** Replace a service (tests inject failing stores through this). */
  readonly overrides?: Partial<Services>;
}

/** Every service the process runs. */
export interface Services {
  readonly clock: Clock;
  readonly identity: IdentityService;
  readonly audit: AuditService;
  readonly webhooks: WebhookService;
  /** Not started here: the server and `assay worker` call `relay.start({ logger })` and `await relay.stop()`. */
  readonly relay: OutboxRelay;
  /** The email log (list, read, redeliver). */
  readonly emails: EmailService;
  /**
   * Sends queued emails; undefined when no SMTP server is configured (emails stay queued). Started and
   * stopped beside the relay, like it.
   */
  readonly emailSender: EmailSender | undefined;
  readonly marketplace: MarketplaceService;
  /** The case types this process runs (checked at registration). */
  readonly caseTypes: CaseTypeRegistry;
  readonly cases: CaseService;
  /** Detection rule sets: the one scans use (swapped at runtime), stored versions, scans. */
  readonly ruleSets: RuleSetService;
  /** The policy knowledge base: versioned documents whose clauses decisions and notices cite. */
  readonly policies: PolicyService;
  /** Conversation review: intake from ingest, queues, leases, decisions, vendor recommendations. */
  readonly review: ReviewService;
  /** Violations, the ladder, notices, restrictions and appeals. */
  readonly enforcement: EnforcementService;
  /** What reviewers' decisions teach the rules: outcomes, firings, precision per rule. */
  readonly ruleLearning: RuleLearning;
  /** The hook the review module calls: automation policy, the circuit breaker, decisions to learn from. */
  readonly automation: Automation;
  /** Replays a rule-set version over stored messages (nothing stored). */
  readonly replay: Replay;
  /** Off-platform analytics: its own aggregates over the marketplace, refreshed on demand. */
  readonly analytics: AnalyticsService;
  /** Off-platform sale investigations, commission orders and their disputes. */
  readonly investigations: InvestigationService;
}

/** Registers this wave's case types; each module declares its own, `src/cases` names none. */
export function createAppCaseTypes(): CaseTypeRegistry {
  const registry = createCaseTypeRegistry();
  registry.registerCaseType(conversationReviewCaseType);
  registry.registerCaseType(investigationCaseType);
  registry.registerCaseType(appealCaseType);
  registry.registerCaseType(commissionDisputeCaseType);
  return registry;
}

/**
 * Ingest's and re-scans' view of detection: the active rule set (swapped at runtime) and the
 * engine; each batch's firings per rule (shadow rules too) are counted when `firings` is given.
 */
export function messageScanner(ruleSets: Pick<RuleSetService, 'current'>, firings?: Pick<RuleLearning, 'recordFirings'>): MessageScanner {
  return {
    current: async () => {
      const active = await ruleSets.current();
      return {
        version: active.info.version,
        scan: (items, earlier) => {
          const results = scanConversation(active.compiled, items, { earlier });
          firings?.recordFirings(results);
          return results;
        },
      };
    },
  };
}

/** Builds the services once from the database and the configuration. */
export function buildServices(deps: AppDeps): Services {
  const clock = deps.clock ?? systemClock;
  const { db } = deps.database;
  const identity = createIdentityService({ db, clock, sessionTtlHours: deps.config.sessionTtlHours });
  const audit = createAuditService({ db, clock, checkpointFile: deps.config.auditCheckpointFile });
  const webhooks = createWebhookService({ db, clock });
  const relay = createOutboxRelay({
    db,
    clock,
    maxAttempts: deps.config.webhookMaxAttempts,
    timeoutMs: deps.config.webhookTimeoutMs,
    pollMs: deps.config.outboxPollMs,
    userAgent: `Assay-Webhooks/${VERSION}`,
  });
  const emails = createEmailService({ db, clock });
  const emailSender =
    deps.config.smtpUrl === undefined
      ? undefined
      : createEmailSender({ db, clock, smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom, maxAttempts: deps.config.emailMaxAttempts, pollMs: deps.config.outboxPollMs });
  const ruleSets = createRuleSetService({ db, clock });
  const ruleLearning = createRuleLearning({ db, clock, ruleSets, minDecisions: deps.config.rulePrecisionMinDecisions });
  const automation = createAutomation({ db, clock, ruleSets, learning: ruleLearning, circuit: { maxPerHour: deps.config.automationMaxViolationsPerHour } });
  // review is built after the marketplace and the case engine; ingest reaches it through this hook
  const late: { review?: ReviewService; investigations?: InvestigationService } = {};
  const marketplace = createMarketplaceService({
    db,
    clock,
    scanner: messageScanner(ruleSets, ruleLearning),
    enforcementCutoffDays: deps.config.rescanEnforcementCutoffDays,
    afterMessagesStored: (tx, messages) => late.review!.afterMessagesStored(tx, messages),
    afterEventsStored: (tx, events) => late.investigations!.afterEventsStored(tx, events),
  });
  const replay = createReplay({ ruleSets, learning: ruleLearning, rescan: (actor, opts) => marketplace.rescan(actor, opts) });
  const caseTypes = createAppCaseTypes();
  const cases = createCaseService({
    db,
    clock,
    types: caseTypes,
    evidenceMaxBytes: deps.config.evidenceMaxBytes,
    calendars: createCalendarResolver({ jurisdiction: deps.config.caseJurisdiction, timeZone: deps.config.caseTimeZone, hours: deps.config.caseBusinessHours }),
    directory: {
      findUser: async (id) => {
        const u = await identity.getUser(id).catch(() => undefined);
        return u === undefined ? undefined : { id: u.id, role: u.role, vendorOrgId: u.vendorOrgId, active: u.status === 'active' };
      },
      vendorOrgExists: async (id) => (await identity.listVendorOrgs()).some((o) => o.id === id),
    },
  });
  const policies = createPolicyService({ db, clock });
  const enforcement = createEnforcementService({
    db,
    clock,
    cases,
    clauses: policies,
    sellers: { contact: (id, opts) => marketplace.sellerContact(id, opts) },
    ladder: enforcementLadder(deps.config),
    strikeExpiryDays: deps.config.strikeExpiryDays,
    appealWindowDays: deps.config.appealWindowDays,
    terminationNoticeDays: deps.config.terminationNoticeDays,
    immediateTerminationAfterRestrictions: deps.config.terminationImmediateAfterRestrictions,
    marketplaceName: deps.config.marketplaceName,
    helpUrl: deps.config.sellerHelpUrl,
    mail: { queueEmail },
    people: {
      // a decision taken with an API token names the token's person (or the token itself)
      describe: async (id) => {
        const user = async (uid: string) => identity.getUser(uid).catch(() => undefined);
        const u = await user(id);
        if (u !== undefined) return { name: u.name, role: u.role };
        const token = (await identity.listApiTokens()).find((x) => x.id === id);
        if (token === undefined) return undefined;
        const owner = token.userId === undefined ? undefined : await user(token.userId);
        return { name: owner?.name ?? token.name, role: token.role };
      },
    },
  });
  const review = createReviewService({
    db,
    clock,
    cases,
    conversations: marketplace,
    clauses: policies,
    // the review page shows the seller's standing as the API does
    enforcement: { recordViolation: enforcement.recordViolation, standing: async (sellerId) => standingToDto(await enforcement.standing(sellerId)) },
    automation,
    ruleSetVersion: async () => (await ruleSets.current()).info.version,
    leaseMinutes: deps.config.reviewLeaseMinutes,
    autoClearBelow: deps.config.reviewAutoClearBelow,
  });
  late.review = review;
  const analytics = createAnalyticsService({ db, clock });
  const investigations = createInvestigationService({
    db,
    clock,
    cases,
    marketplace,
    enforcement,
    threshold: deps.config.investigationThreshold,
    windowDays: deps.config.investigationWindowDays,
    commissionDueDays: deps.config.commissionDueDays,
    marketplaceName: deps.config.marketplaceName,
    helpUrl: deps.config.sellerHelpUrl,
    mail: { queueEmail },
  });
  late.investigations = investigations;
  return { clock, identity, audit, webhooks, relay, emails, emailSender, marketplace, caseTypes, cases, ruleSets, ruleLearning, automation, replay, policies, review, enforcement, analytics, investigations, ...deps.overrides };
}

/** The configured ladder, or the default; a bad override stops the start naming the variable. */
function enforcementLadder(config: Config): Ladder {
  if (config.enforcementLadder === undefined) return DEFAULT_LADDER;
  try {
    return parseLadder(config.enforcementLadder);
  } catch (e) {
    throw new ConfigError('ENFORCEMENT_LADDER', (e as Error).message);
  }
}

