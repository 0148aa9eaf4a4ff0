import { canonicalJson, conflict, invalidInput, notFound, sha256Hex, type Clock } from '../kernel';
import { inTransaction, recordChange, type Actor, type Db } from '../db';
import {
  compileRuleSet,
  createContractScanner,
  defaultCompiledRuleSet,
  defaultRuleSet,
  parseScanInput,
  type CompiledRuleSet,
  type ScanOutcome,
  type ScanResult,
} from '../detection';
import { rulesStore } from './rules.store';
import { BUILTIN_VERSION_NAME, type ActiveRuleSet, type RuleSetInfo } from './rules.model';

export interface RuleSetDeps {
  readonly db: Db;
  readonly clock: Clock;
  /**
   * How long a process trusts its idea of the active version before it reads it again, so a switch
   * made by another process (several API processes on one PostgreSQL) is seen within this time.
   * A switch made through this process applies at once.
   */
  readonly refreshMs?: number;
  /** The rule set checked in with the code (tests may give another). */
  readonly builtin?: { readonly json: unknown; readonly compiled: CompiledRuleSet };
}

/** Most items one scan request may carry. */
export const SCAN_MAX_ITEMS = 1000;

const isUniqueViolation = (e: unknown): boolean => String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505';

/**
 * Detection rule sets: stored and validated versions, the one scans use now (held compiled in
 * memory and swapped as a whole, so a scan never sees half of a switch), and the scans themselves.
 * `src/detection` stays pure; this module keeps its state.
 */
export function createRuleSetService(deps: RuleSetDeps) {
  const { db, clock } = deps;
  const refreshMs = deps.refreshMs ?? 5000;
  const builtinJson = deps.builtin?.json ?? defaultRuleSet;
  const builtinCompiled = deps.builtin?.compiled ?? defaultCompiledRuleSet();
  const builtinSha = sha256Hex(canonicalJson(builtinJson));
  const builtinInfo = (active: boolean): RuleSetInfo => ({ version: builtinCompiled.version, source: 'builtin', sha256: builtinSha, active, createdAt: undefined, activatedAt: undefined });

  let active: ActiveRuleSet | undefined;
  let loading: Promise<ActiveRuleSet> | undefined;
  /** Bumped on every swap, so a slower background read never replaces a newer switch. */
  let generation = 0;
  let checkedAt = 0;
  let refreshing = false;

  /** Reads which version is active and compiles it (reusing the compiled one when it did not change). */
  async function readActive(): Promise<ActiveRuleSet> {
    const row = await rulesStore.findActive(db);
    if (row === undefined) return { info: builtinInfo(true), compiled: builtinCompiled };
    if (active !== undefined && active.info.source === 'stored' && active.info.version === row.version && active.info.sha256 === row.sha256) return { info: row, compiled: active.compiled };
    const stored = await rulesStore.find(db, row.version);
    const compiled = stored === undefined ? undefined : compileRuleSet(stored.body);
    // a stored version this code no longer accepts: scan with the checked-in rule set rather than not at all
    if (compiled === undefined || !compiled.ok) return { info: builtinInfo(true), compiled: builtinCompiled };
    return { info: row, compiled: compiled.value };
  }

  function swap(next: ActiveRuleSet): ActiveRuleSet {
    active = next;
    generation++;
    checkedAt = clock.now().getTime();
    return next;
  }

  function refreshInBackground(): void {
    if (refreshing || clock.now().getTime() - checkedAt < refreshMs) return;
    refreshing = true;
    const gen = generation;
    readActive()
      .then((next) => {
        if (gen === generation) swap(next);
      })
      .catch(() => {
        // the database is briefly unreachable: keep scanning with the rule set we have
      })
      .finally(() => {
        refreshing = false;
        checkedAt = clock.now().getTime();
      });
  }

  /** The rule set scans use now. The first call reads it from the database; later ones answer at once. */
  async function current(): Promise<ActiveRuleSet> {
    if (active === undefined) {
      loading ??= readActive().then((a) => (active === undefined ? swap(a) : active));
      return loading;
    }
    refreshInBackground();
    return active;
  }

  async function list(): Promise<RuleSetInfo[]> {
    const stored = await rulesStore.list(db);
    return [builtinInfo(!stored.some((r) => r.active)), ...stored];
  }

  /** A rule set with its JSON body; `builtin` (or the built-in's version, when not stored) names the checked-in one. */
  async function get(version: string): Promise<{ info: RuleSetInfo; body: unknown }> {
    const stored = version === BUILTIN_VERSION_NAME ? undefined : await rulesStore.find(db, version);
    if (stored !== undefined) {
      const { body, ...info } = stored;
      return { info, body };
    }
    if (version === BUILTIN_VERSION_NAME || version === builtinCompiled.version) return { info: builtinInfo((await rulesStore.findActive(db)) === undefined), body: builtinJson };
    throw notFound('rule_set', version);
  }

  /**
   * Validates a rule set (JSON already parsed) and stores it as a new version, inactive. Storing the
   * same version with the same content again is a no-op (`created: false`); other content under a
   * taken version is a conflict — a changed rule set takes a new version.
   */
  async function create(actor: Actor, json: unknown): Promise<{ info: RuleSetInfo; created: boolean }> {
    const compiled = compileRuleSet(json);
    if (!compiled.ok) {
      const first = compiled.error[0]!;
      throw invalidInput(
        `the rule set is not valid: ${first.path || '/'} ${first.message}${compiled.error.length > 1 ? ` (and ${compiled.error.length - 1} more)` : ''}`,
        compiled.error.map((e) => ({ field: e.path || '/', reason: e.message })),
      );
    }
    const version = compiled.value.version;
    const sha = sha256Hex(canonicalJson(json));
    const taken = (): never => {
      throw conflict(`rule set version ${version} exists with other content; give the changed rule set a new version`, 'rule_set.version_taken');
    };
    if (version === builtinCompiled.version && sha !== builtinSha) taken();
    try {
      return await inTransaction(db, async (tx) => {
        const existing = await rulesStore.find(tx, version);
        if (existing !== undefined) {
          if (existing.sha256 !== sha) taken();
          const { body: _body, ...info } = existing;
          return { info, created: false };
        }
        const info = await rulesStore.insert(tx, { version, body: json, sha256: sha, createdAt: clock.now(), createdBy: `${actor.type}:${actor.id}`, active: false });
        await recordChange(tx, clock, {
          actor,
          action: 'rule_set.created',
          subject: { type: 'rule_set', id: version },
          fields: ['version', 'body'],
          data: { version, sha256: sha },
          event: { type: 'rule_set.created', payload: { version, sha256: sha } },
        });
        return { info, created: true };
      });
    } catch (e) {
      // the same version stored concurrently: answer as if it had been there first
      if (!isUniqueViolation(e)) throw e;
      const again = await rulesStore.find(db, version);
      if (again === undefined || again.sha256 !== sha) taken();
      const { body: _body, ...info } = again!;
      return { info, created: false };
    }
  }

  /**
   * Makes a stored version the one scans use (`builtin`: the checked-in rule set again), audited,
   * and swaps it in at once — no restart; other processes follow within `refreshMs`.
   */
  async function activate(actor: Actor, version: string): Promise<RuleSetInfo> {
    const before = (await current()).info;
    let next: ActiveRuleSet;
    if (version === BUILTIN_VERSION_NAME) next = { info: builtinInfo(true), compiled: builtinCompiled };
    else {
      const stored = await rulesStore.find(db, version);
      if (stored === undefined) throw notFound('rule_set', version);
      const compiled = compileRuleSet(stored.body);
      if (!compiled.ok) throw conflict(`rule set ${version} is not valid for this version of Assay: ${compiled.error[0]!.path} ${compiled.error[0]!.message}`, 'rule_set.invalid');
      const { body: _body, ...info } = stored;
      next = { info: { ...info, active: true, activatedAt: clock.now() }, compiled: compiled.value };
    }
    await inTransaction(db, async (tx) => {
      await rulesStore.setActive(tx, next.info.source === 'stored' ? version : undefined, clock.now());
      await recordChange(tx, clock, {
        actor,
        action: 'rule_set.activated',
        subject: { type: 'rule_set', id: next.info.version },
        fields: ['active'],
        data: { version: next.info.version, source: next.info.source, sha256: next.info.sha256, previous: before.version, previousSource: before.source },
        event: { type: 'rule_set.activated', payload: { version: next.info.version, source: next.info.source, previous: before.version } },
      });
    });
    return swap(next).info;
  }

  /** Scans items of the scan contract in order (one conversation's items with the context of the earlier ones). */
  async function scan(items: readonly unknown[], opts: { redact?: boolean } = {}): Promise<{ ruleSet: string; results: ScanOutcome[] }> {
    const rs = await current();
    const scanner = createContractScanner(rs.compiled, { redact: opts.redact === true });
    return { ruleSet: rs.info.version, results: items.map((item) => scanner.scan(item)) };
  }

  /** Scans one item; an item that cannot be scanned is refused with the fields at fault. */
  async function scanOne(item: unknown, opts: { redact?: boolean } = {}): Promise<{ ruleSet: string; result: ScanResult & { redacted?: string } }> {
    const parsed = parseScanInput(item);
    if (!parsed.ok) throw invalidInput('the item cannot be scanned', [...parsed.error.problems]);
    const { ruleSet, results } = await scan([item], opts);
    return { ruleSet, result: results[0] as ScanResult & { redacted?: string } };
  }

  return { current, list, get, create, activate, scan, scanOne };
}

export type RuleSetService = ReturnType<typeof createRuleSetService>;
