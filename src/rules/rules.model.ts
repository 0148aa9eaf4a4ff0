import type { CompiledRuleSet } from '../detection';

/** Where a rule set comes from: checked in with the code, or stored through the API. */
export type RuleSetSource = 'builtin' | 'stored';

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
  readonly compiled: CompiledRuleSet;
}

/** The name that activates the checked-in rule set again (no stored version can take it: versions look like 2026.11.0). */
export const BUILTIN_VERSION_NAME = 'builtin';
