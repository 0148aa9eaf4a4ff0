import type { CompiledRuleSet } from '../detection';

/** Where a rule set comes from: checked in with the code, or stored through the API. */
export type RuleSetSource = 'builtin' | 'stored';

/**
 * A hole in a rule set that does not stop it from loading (a trigger the prefilter never reads, a
 * pattern that can match where none of its rule's triggers is): the JSON path, and what is wrong.
 */
export interface RuleSetWarning {
  readonly field: string;
  readonly reason: string;
}

/** A rule set as the service lists it (the JSON body is fetched separately). */
export interface RuleSetInfo {
  readonly version: string;
  readonly source: RuleSetSource;
  /** sha256 of the canonical JSON of the body. */
  readonly sha256: string;
  readonly active: boolean;
  readonly createdAt: Date | undefined;
  readonly activatedAt: Date | undefined;
}

/** The rule set scans use right now, compiled. */
export interface ActiveRuleSet {
  readonly info: RuleSetInfo;
  /** What scans use: the rule set with the rules switched off by the kill switch dropped. */
  readonly compiled: CompiledRuleSet;
  /** The rule set as stored, without the kill switch applied. */
  readonly base: CompiledRuleSet;
}

/** A rule switched off (or back on) by the kill switch. */
export interface RuleSwitch {
  readonly ruleId: string;
  readonly disabled: boolean;
  readonly reason: string;
  /** `user:…` / `token:…` of who switched it. */
  readonly changedBy: string;
  readonly changedAt: Date;
}

export type ActivationRequestStatus = 'pending' | 'approved' | 'rejected' | 'expired';

/** Four eyes: a request to make a version active, approved by another manager or admin. */
export interface ActivationRequest {
  readonly id: string;
  readonly version: string;
  readonly status: ActivationRequestStatus;
  readonly reason: string;
  /** The person who asked (user id, or the token when it belongs to no user). */
  readonly requestedBy: string;
  readonly requestedByName: string;
  readonly requestedAt: Date;
  readonly expiresAt: Date;
  readonly decidedBy: string | undefined;
  readonly decidedAt: Date | undefined;
  readonly decisionNote: string | undefined;
}

/** How long a request waits for its second pair of eyes. */
export const ACTIVATION_REQUEST_TTL_HOURS = 72;

/** One step of the activation history. */
export interface Activation {
  readonly version: string;
  readonly previousVersion: string;
  readonly how: 'approved' | 'rollback';
  readonly requestId: string | undefined;
  readonly by: string;
  readonly at: Date;
}

/** The name that activates the checked-in rule set again (no stored version can take it: versions look like 2026.11.0). */
export const BUILTIN_VERSION_NAME = 'builtin';
