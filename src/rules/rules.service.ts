import { AppError, canonicalJson, conflict, invalidInput, newId, notFound, sha256Hex, type Clock } from '../kernel';
import { inTransaction, recordChange, SYSTEM_ACTOR, type Actor, type Db } from '../db';
import {
  checkRuleSet,
  compileRuleSet,
  createContractScanner,
  defaultCompiledRuleSet,
  defaultRuleSet,
  parseScanInput,
  ruleSetWarnings,
  withDisabledRules,
  type CompiledRuleSet,
  type RuleSetCheck,
  type RuleSetError,
  type ScanOutcome,
  type ScanResult,
} from '../detection';
import { activationStore, rulesStore, switchStore } from './rules.store';
import {
  ACTIVATION_REQUEST_TTL_HOURS,
  BUILTIN_VERSION_NAME,
  type Activation,
  type ActivationRequest,
  type ActivationRequestStatus,
  type ActiveRuleSet,
  type RuleSetInfo,
  type RuleSetWarning,
  type RuleSwitch,
} from './rules.model';

/** Who acts on a rule set: the audit actor and the person behind it (four eyes compares persons, not tokens). */
export interface RuleSetCaller {
  readonly actor: Actor;
  /** The user id, or `token:<id>` for a token that belongs to no user. */
  readonly person: string;
  readonly name: string;
}

const HOUR_MS = 3_600_000;
/** Compiled stored rule-set versions kept (the active one, the one before it, those being checked or replayed). */
const COMPILED_KEPT = 8;
const RULE_ID = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
const by = (a: Actor): string => `${a.type}:${a.id}`;

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

/** A rule set's warnings as the API words them: the JSON path as `field` ('/' for the whole). */
const asWarnings = (errors: readonly RuleSetError[]): RuleSetWarning[] => errors.map((w) => ({ field: w.path || '/', reason: w.message }));

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
  const builtinInfo = (isActive: boolean): RuleSetInfo => ({ version: builtinCompiled.version, source: 'builtin', sha256: builtinSha, active: isActive, createdAt: undefined, activatedAt: undefined });

  let active: ActiveRuleSet | undefined;
  let loading: Promise<ActiveRuleSet> | undefined;
  /** Bumped on every swap, so a slower background read never replaces a newer switch. */
  let generation = 0;
  /** Compiled stored versions by sha256, least recently used first (see compileStored). */
  const compiledByContent = new Map<string, CompiledRuleSet>();
  let checkedAt = 0;
  let refreshing = false;

  /** Reads which version is active and compiles it (reusing the compiled one when it did not change). */
  async function readActive(conn: Db = db): Promise<ActiveRuleSet> {
    const disabled = await switchStore.disabledIds(conn);
    const make = (info: RuleSetInfo, base: CompiledRuleSet): ActiveRuleSet => ({ info, base, compiled: withDisabledRules(base, disabled) });
    const row = await rulesStore.findActive(conn);
    if (row === undefined) return make(builtinInfo(true), builtinCompiled);
    if (active !== undefined && active.info.source === 'stored' && active.info.version === row.version && active.info.sha256 === row.sha256) return make(row, active.base);
    const stored = await rulesStore.find(conn, row.version);
    const compiled = stored === undefined ? undefined : compileStored(stored);
    // a stored version this code no longer accepts: scan with the checked-in rule set rather than not at all
    if (compiled === undefined || !compiled.ok) return make(builtinInfo(true), builtinCompiled);
    return make(row, compiled.value);
  }

  /**
   * A stored version compiled (30–135 ms for the checked-in rules), kept by content: a version's
   * body never changes (other content takes a new version), so checking, replaying, activating or
   * rolling back to one compiles it once while it stays among the last few used.
   */
  function compileStored(stored: { sha256: string; body: unknown }): ReturnType<typeof compileRuleSet> {
    const kept = compiledByContent.get(stored.sha256);
    if (kept !== undefined) {
      compiledByContent.delete(stored.sha256);
      compiledByContent.set(stored.sha256, kept);
      return { ok: true, value: kept };
    }
    const compiled = compileRuleSet(stored.body);
    if (compiled.ok) {
      compiledByContent.set(stored.sha256, compiled.value);
      if (compiledByContent.size > COMPILED_KEPT) compiledByContent.delete(compiledByContent.keys().next().value!);
    }
    return compiled;
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

  /**
   * The rule set scans use now. The first call reads it from the database; later ones answer at once.
   * Inside a transaction pass `{ tx }`: a first read then goes through it (on PGlite, one
   * connection, a read on the plain database would wait for the transaction forever).
   */
  async function current(opts: { tx?: Db } = {}): Promise<ActiveRuleSet> {
    if (active === undefined && opts.tx !== undefined) {
      const read = await readActive(opts.tx);
      return active ?? read;
    }
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
   * taken version is a conflict — a changed rule set takes a new version. The answer carries the
   * rule set's warnings (see `ruleSetWarnings`), which do not stop it from being stored.
   */
  async function create(actor: Actor, json: unknown): Promise<{ info: RuleSetInfo; created: boolean; warnings: RuleSetWarning[] }> {
    const compiled = compileRuleSet(json);
    if (!compiled.ok) {
      const first = compiled.error[0]!;
      throw invalidInput(
        `the rule set is not valid: ${first.path || '/'} ${first.message}${compiled.error.length > 1 ? ` (and ${compiled.error.length - 1} more)` : ''}`,
        compiled.error.map((e) => ({ field: e.path || '/', reason: e.message })),
      );
    }
    const version = compiled.value.version;
    // holes the rule set may have (triggers never read, patterns their triggers cannot wake): stored all the same, told to the author
    const warnings = asWarnings(ruleSetWarnings(compiled.value));
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
          return { info, created: false, warnings };
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
        return { info, created: true, warnings };
      });
    } catch (e) {
      // the same version stored concurrently: answer as if it had been there first
      if (!isUniqueViolation(e)) throw e;
      const again = await rulesStore.find(db, version);
      if (again === undefined || again.sha256 !== sha) taken();
      const { body: _body, ...info } = again!;
      return { info, created: false, warnings };
    }
  }

  /** The version a name designates, compiled, ready to swap in; refused when unknown or no longer valid. */
  async function resolveVersion(version: string, at: Date): Promise<{ info: RuleSetInfo; base: CompiledRuleSet }> {
    if (version === BUILTIN_VERSION_NAME || (version === builtinCompiled.version && (await rulesStore.find(db, version)) === undefined)) return { info: builtinInfo(true), base: builtinCompiled };
    const stored = await rulesStore.find(db, version);
    if (stored === undefined) throw notFound('rule_set', version);
    const compiled = compileStored(stored);
    if (!compiled.ok) throw conflict(`rule set ${version} is not valid for this version of Assay: ${compiled.error[0]!.path} ${compiled.error[0]!.message}`, 'rule_set.invalid');
    const { body: _body, ...info } = stored;
    return { info: { ...info, active: true, activatedAt: at }, base: compiled.value };
  }

  const nameOf = (info: RuleSetInfo): string => (info.source === 'builtin' ? BUILTIN_VERSION_NAME : info.version);

  /**
   * Makes a version the one scans use inside `tx` (history row + audit); the caller swaps it in
   * after the commit — no restart; other processes follow within `refreshMs`.
   */
  async function applyActivation(
    tx: Db,
    actor: Actor,
    next: { info: RuleSetInfo; base: CompiledRuleSet },
    before: RuleSetInfo,
    how: Activation['how'],
    requestId: string | undefined,
    reason?: string,
  ): Promise<void> {
    const now = clock.now();
    await rulesStore.setActive(tx, next.info.source === 'stored' ? next.info.version : undefined, now);
    await activationStore.recordActivation(tx, { version: nameOf(next.info), previousVersion: nameOf(before), how, requestId: requestId ?? null, by: by(actor), at: now });
    const action = how === 'rollback' ? 'rule_set.rolled_back' : 'rule_set.activated';
    await recordChange(tx, clock, {
      actor,
      action,
      subject: { type: 'rule_set', id: next.info.version },
      fields: ['active'],
      data: { version: next.info.version, source: next.info.source, sha256: next.info.sha256, previous: before.version, previousSource: before.source, how, requestId, reason },
      event: { type: action, payload: { version: next.info.version, source: next.info.source, previous: before.version, ...(requestId === undefined ? {} : { request_id: requestId }), ...(reason === undefined ? {} : { reason }) } },
    });
  }

  async function swapIn(next: { info: RuleSetInfo; base: CompiledRuleSet }): Promise<RuleSetInfo> {
    const disabled = await switchStore.disabledIds(db);
    return swap({ info: next.info, base: next.base, compiled: withDisabledRules(next.base, disabled) }).info;
  }

  /**
   * Four eyes, first step: a manager or admin asks for a version (`builtin`: the checked-in rule
   * set) to become active. The version must exist and compile; it waits for a different person.
   */
  async function requestActivation(caller: RuleSetCaller, version: string, reason: string): Promise<ActivationRequest> {
    const now = clock.now();
    const target = await resolveVersion(version, now);
    const name = nameOf(target.info);
    return inTransaction(db, async (tx) => {
      const req = await activationStore.insertRequest(tx, {
        id: newId('rsa'),
        version: name,
        status: 'pending',
        reason,
        requestedBy: caller.person,
        requestedByName: caller.name,
        requestedAt: now,
        expiresAt: new Date(now.getTime() + ACTIVATION_REQUEST_TTL_HOURS * HOUR_MS),
      });
      await recordChange(tx, clock, {
        actor: caller.actor,
        action: 'rule_set.activation_requested',
        subject: { type: 'rule_set_activation_request', id: req.id },
        fields: ['version', 'reason'],
        data: { version: name, reason },
        event: { type: 'rule_set.activation_requested', payload: { request_id: req.id, version: name, expires_at: req.expiresAt.toISOString() } },
      });
      return req;
    });
  }

  /** Marks pending requests past their 72 hours as expired (audited), so lists and decisions see the truth. */
  async function expireRequests(tx: Db): Promise<void> {
    const ids = await activationStore.expire(tx, clock.now());
    for (const id of ids) {
      await recordChange(tx, clock, {
        actor: SYSTEM_ACTOR,
        action: 'rule_set.activation_expired',
        subject: { type: 'rule_set_activation_request', id },
        fields: ['status'],
        event: { type: 'rule_set.activation_expired', payload: { request_id: id } },
      });
    }
  }

  async function pendingRequest(tx: Db, caller: RuleSetCaller, id: string): Promise<ActivationRequest> {
    await expireRequests(tx);
    const req = await activationStore.findRequest(tx, id, { forUpdate: true });
    if (req === undefined) throw notFound('activation_request', id);
    if (req.status !== 'pending') throw conflict(`activation request ${id} is ${req.status}; only a pending request can be decided${req.status === 'expired' ? ' — ask again' : ''}`, `rule_set.request_${req.status}`);
    if (req.requestedBy === caller.person) {
      throw new AppError('forbidden', `four eyes: ${req.requestedByName} asked for this activation and cannot decide it; another manager or admin must`, { reason: 'rule_set.four_eyes' });
    }
    return req;
  }

  /** Four eyes, second step: a different manager or admin approves, and the version becomes active at once. */
  async function approveActivation(caller: RuleSetCaller, id: string, note?: string): Promise<{ request: ActivationRequest; ruleSet: RuleSetInfo }> {
    const before = (await current()).info;
    // expiry first, in its own transaction: a refusal below must not roll the expiry back
    await inTransaction(db, expireRequests);
    const peek = await activationStore.findRequest(db, id);
    const next = peek === undefined || peek.status !== 'pending' ? undefined : await resolveVersion(peek.version, clock.now());
    const request = await inTransaction(db, async (tx) => {
      const req = await pendingRequest(tx, caller, id);
      await activationStore.decide(tx, id, 'approved', caller.person, clock.now(), note);
      await recordChange(tx, clock, {
        actor: caller.actor,
        action: 'rule_set.activation_approved',
        subject: { type: 'rule_set_activation_request', id },
        fields: ['status'],
        data: { version: req.version, note },
        event: { type: 'rule_set.activation_approved', payload: { request_id: id, version: req.version } },
      });
      await applyActivation(tx, caller.actor, next!, before, 'approved', id);
      return (await activationStore.findRequest(tx, id))!;
    });
    return { request, ruleSet: await swapIn(next!) };
  }

  /** Four eyes: a different manager or admin turns the request down; nothing changes. */
  async function rejectActivation(caller: RuleSetCaller, id: string, note: string): Promise<ActivationRequest> {
    await inTransaction(db, expireRequests);
    return inTransaction(db, async (tx) => {
      const req = await pendingRequest(tx, caller, id);
      await activationStore.decide(tx, id, 'rejected', caller.person, clock.now(), note);
      await recordChange(tx, clock, {
        actor: caller.actor,
        action: 'rule_set.activation_rejected',
        subject: { type: 'rule_set_activation_request', id },
        fields: ['status'],
        data: { version: req.version, note },
        event: { type: 'rule_set.activation_rejected', payload: { request_id: id, version: req.version } },
      });
      return (await activationStore.findRequest(tx, id))!;
    });
  }

  async function listActivationRequests(opts: { status?: ActivationRequestStatus; limit?: number } = {}): Promise<ActivationRequest[]> {
    await inTransaction(db, expireRequests);
    return activationStore.listRequests(db, opts.status, Math.min(Math.max(opts.limit ?? 50, 1), 200));
  }

  async function getActivationRequest(id: string): Promise<ActivationRequest> {
    await inTransaction(db, expireRequests);
    const req = await activationStore.findRequest(db, id);
    if (req === undefined) throw notFound('activation_request', id);
    return req;
  }

  async function activationHistory(limit = 50): Promise<Activation[]> {
    return (await activationStore.history(db, Math.min(Math.max(limit, 1), 200))).map((r) => ({
      version: r.version,
      previousVersion: r.previousVersion,
      how: r.how as Activation['how'],
      requestId: r.requestId ?? undefined,
      by: r.by,
      at: r.at,
    }));
  }

  /**
   * The emergency brake: back one step to the version active before the last activation, without
   * a second approval (that version was approved when it went live). Only one step: a second
   * rollback in a row is refused — going further is a new, approved activation.
   */
  async function rollback(caller: RuleSetCaller, reason: string): Promise<RuleSetInfo> {
    // what is active in the database, not this process's copy (another process may have switched)
    const before = await readActive();
    const [last] = await activationStore.history(db, 1);
    if (last === undefined) throw conflict('nothing to roll back: no activation is on record', 'rule_set.nothing_to_roll_back');
    if (last.how === 'rollback') throw conflict(`the last step was already a rollback (to ${last.version}); to go further back, request an activation of the version you want`, 'rule_set.rollback_one_step');
    if (last.version !== nameOf(before.info)) throw conflict(`the active rule set (${before.info.version}) is not the one last activated (${last.version}); request an activation instead`, 'rule_set.history_mismatch');
    const target = await resolveVersion(last.previousVersion, clock.now());
    await inTransaction(db, (tx) => applyActivation(tx, caller.actor, target, before.info, 'rollback', undefined, reason));
    return swapIn(target);
  }

  /** A version compiled with today's kill switches applied (`builtin`: the checked-in one), e.g. to replay it over history. */
  async function prepare(version: string): Promise<{ info: RuleSetInfo; compiled: CompiledRuleSet }> {
    const target = await resolveVersion(version, clock.now());
    return { info: target.info, compiled: withDisabledRules(target.base, await switchStore.disabledIds(db)) };
  }

  /** A version's size and warnings (see `ruleSetWarnings`), as `create` told them when it was stored (`builtin`: the checked-in one). */
  async function check(version: string): Promise<Omit<RuleSetCheck, 'warnings'> & { warnings: RuleSetWarning[] }> {
    const { info, base } = await resolveVersion(version, clock.now());
    // a version's content never changes (other content takes a new version): its check is kept by content
    let c = checks.get(info.sha256);
    if (c === undefined) {
      c = checkRuleSet(base);
      if (checks.size >= 64) checks.clear();
      checks.set(info.sha256, c);
    }
    return { ...c, warnings: asWarnings(c.warnings) };
  }
  const checks = new Map<string, RuleSetCheck>();

  /** Every rule switched by the kill switch (off or back on), with who and why. */
  async function switches(): Promise<RuleSwitch[]> {
    return switchStore.list(db);
  }

  /**
   * The kill switch: a rule switched off is dropped from every scan at once in this process (and
   * within `refreshMs` in others), whatever the active version; switching it on again restores it.
   */
  async function setSwitch(caller: RuleSetCaller, ruleId: string, input: { disabled: boolean; reason: string }): Promise<RuleSwitch> {
    if (!RULE_ID.test(ruleId)) throw invalidInput('not a rule id', [{ field: 'rule_id', reason: 'rule ids look like phone.obfuscated or intent.avoid_fees.en' }]);
    const rs = await current();
    const existing = await switchStore.find(db, ruleId);
    if (input.disabled && !rs.base.ruleIds.has(ruleId) && existing === undefined) {
      throw invalidInput(`rule ${ruleId} is not in the active rule set ${rs.info.version}`, [{ field: 'rule_id', reason: `unknown rule id in rule set ${rs.info.version}` }]);
    }
    if (!input.disabled && existing === undefined) throw notFound('rule_switch', ruleId);
    const sw: RuleSwitch = { ruleId, disabled: input.disabled, reason: input.reason, changedBy: by(caller.actor), changedAt: clock.now() };
    await inTransaction(db, async (tx) => {
      await switchStore.upsert(tx, sw);
      const action = input.disabled ? 'rule.disabled' : 'rule.enabled';
      await recordChange(tx, clock, {
        actor: caller.actor,
        action,
        subject: { type: 'rule', id: ruleId },
        fields: ['disabled', 'reason'],
        data: { disabled: input.disabled, reason: input.reason, ruleSet: rs.info.version },
        event: { type: action, payload: { rule_id: ruleId, disabled: input.disabled, reason: input.reason } },
      });
    });
    const now = active ?? rs;
    const disabled = await switchStore.disabledIds(db);
    swap({ info: now.info, base: now.base, compiled: withDisabledRules(now.base, disabled) });
    return sw;
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

  return {
    current,
    list,
    get,
    create,
    scan,
    scanOne,
    requestActivation,
    approveActivation,
    rejectActivation,
    listActivationRequests,
    getActivationRequest,
    activationHistory,
    rollback,
    switches,
    setSwitch,
    prepare,
    check,
  };
}

export type RuleSetService = ReturnType<typeof createRuleSetService>;
