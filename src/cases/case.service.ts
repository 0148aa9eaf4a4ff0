import {
  AppError,
  addBusinessHours,
  conflict,
  err,
  forbidden,
  invalidInput,
  newId,
  notFound,
  ok,
  sha256Hex,
  type Clock,
  type FieldError,
  type Result,
} from '../kernel';
import { inTransaction, recordChange, type Db } from '../db';
import type { Role } from '../identity';
import {
  callerActor,
  isPriority,
  priorityRank,
  PRIORITIES,
  STAFF_ROLES,
  SUBJECT_KEYS,
  type Case,
  type CaseCaller,
  type CaseDetail,
  type CaseFilters,
  type CaseNote,
  type CaseSort,
  type CaseSubjects,
  type Evidence,
  type EvidenceInfo,
  type OpenCaseInput,
  type Page,
  type Priority,
  type QueueSummary,
  type TimelineEntry,
  type TimelineKind,
} from './case.model';
import { QUEUE_NAME, type CaseTypeDefinition, type CaseTypeRegistry } from './case-type.registry';
import { decideTransition, isClosedStatus, nextStatuses } from './case.machine';
import { caseStore, sortValueOf, type CaseCursor, type CaseInsert, type CaseScope } from './case.store';
import type { CalendarResolver } from './case.calendars';

/** The people and organisations a case may refer to, as the case engine needs to see them. */
export interface CaseDirectory {
  findUser(id: string): Promise<{ id: string; role: Role; vendorOrgId: string | undefined; active: boolean } | undefined>;
  vendorOrgExists(id: string): Promise<boolean>;
}

export interface CaseDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly types: CaseTypeRegistry;
  readonly calendars: CalendarResolver;
  readonly directory: CaseDirectory;
  /** Largest evidence file accepted, in bytes. */
  readonly evidenceMaxBytes: number;
}

/** Run inside the caller's transaction (nested: a savepoint) so a flow's changes commit together. */
export interface TxOption {
  readonly tx?: Db | undefined;
}

/** Set by the module a case type names in `managedBy`: the generic status route is refused. */
export interface ManagedOption {
  readonly managed?: boolean | undefined;
}

const TITLE_MAX = 300;
const NOTE_MAX = 20_000;
const SUBJECT_MAX = 128;
const QUEUE_MANAGERS: readonly Role[] = ['admin', 'manager'];
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** Who may see which cases: staff and the system everything, vendors their granted queues, others nothing. */
export function scopeOf(caller: CaseCaller): CaseScope {
  if (caller.kind === 'system') return { kind: 'all' };
  if (STAFF_ROLES.includes(caller.role)) return { kind: 'all' };
  if (caller.role === 'vendor' && caller.vendorOrgId !== undefined) return { kind: 'vendor', vendorOrgId: caller.vendorOrgId };
  return { kind: 'none' };
}

function isStaff(caller: CaseCaller): boolean {
  return caller.kind === 'system' || STAFF_ROLES.includes(caller.role);
}

function encodeCursor(c: CaseCursor): string {
  return Buffer.from(JSON.stringify({ b: c.sort.by, d: c.sort.dir, v: c.value, i: c.id }), 'utf8').toString('base64url');
}

function decodeCursor(raw: string, sort: CaseSort): CaseCursor {
  const bad = () => invalidInput('the cursor is not valid for this listing', [{ field: '/cursor', reason: 'is not a cursor of this listing and sort order' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const p = parsed as { b?: unknown; d?: unknown; v?: unknown; i?: unknown };
  if (p === null || typeof p !== 'object' || p.b !== sort.by || p.d !== sort.dir || typeof p.i !== 'string') throw bad();
  if (sort.by === 'priority' ? !Number.isInteger(p.v) : typeof p.v !== 'string' || Number.isNaN(Date.parse(p.v))) throw bad();
  return { sort, value: p.v as string | number, id: p.i };
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** A safe display name for an uploaded file: last path segment, no control characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
}

export function createCaseService(deps: CaseDeps) {
  const { db, clock, types } = deps;

  function typeOf(c: Case): CaseTypeDefinition {
    const def = types.get(c.type);
    if (def === undefined) throw new Error(`case ${c.id} has type ${c.type}, which is not registered`);
    return def;
  }

  function slaFor(def: CaseTypeDefinition, priority: Priority, jurisdiction: string, from: Date) {
    const cal = deps.calendars.calendarFor(jurisdiction);
    const target = def.sla[priority];
    return { slaDueAt: addBusinessHours(from, target.resolutionHours, cal), firstResponseDueAt: addBusinessHours(from, target.firstResponseHours, cal) };
  }

  async function inScope(tx: Db, caller: CaseCaller, c: Case | undefined): Promise<boolean> {
    if (c === undefined) return false;
    const scope = scopeOf(caller);
    if (scope.kind === 'all') return true;
    if (scope.kind === 'none') return false;
    return caseStore.isQueueGranted(tx, c.queue, scope.vendorOrgId);
  }

  /** The case if the caller may see it; otherwise the same 404 as for an id that does not exist. */
  async function loadInScope(tx: Db, caller: CaseCaller, id: string, forUpdate: boolean): Promise<Case> {
    const c = await caseStore.findCase(tx, id, { forUpdate });
    if (!(await inScope(tx, caller, c))) throw notFound('case', id);
    return c!;
  }

  function checkVersion(c: Case, expectedVersion: number | undefined): void {
    if (expectedVersion !== undefined && expectedVersion !== c.version) {
      throw conflict(`case ${c.id} is at version ${c.version}, not ${expectedVersion}; reload and try again`, 'case.version_mismatch');
    }
  }

  async function loadDetail(tx: Db, c: Case): Promise<CaseDetail> {
    const def = typeOf(c);
    // one after another: `tx` may be a single transaction client, which runs one query at a time
    const timeline = await caseStore.listTimeline(tx, c.id);
    const notes = await caseStore.listNotes(tx, c.id);
    const evidence = await caseStore.listEvidence(tx, c.id);
    return { case: c, nextStates: nextStatuses(def, c.status), closed: isClosedStatus(def, c.status), timeline, notes, evidence };
  }

  async function writeTimeline(tx: Db, caller: CaseCaller, caseId: string, kind: TimelineKind, data: Record<string, unknown>): Promise<void> {
    await caseStore.insertTimeline(tx, { id: newId('ctl'), caseId, at: clock.now(), actorType: caller.kind, actorId: caller.id, kind, data });
  }

  /** A human's first action on the case stops the first-response clock. */
  function firstResponsePatch(caller: CaseCaller, c: Case, now: Date): Partial<CaseInsert> {
    return c.firstResponseAt === undefined && caller.kind !== 'system' ? { firstResponseAt: now } : {};
  }

  /**
   * Looks the assignee up before any transaction opens (the directory uses its own connection, and
   * PGlite has only one); the queue grant is checked inside the transaction with {@link checkAssigneeGrant}.
   */
  async function findAssignee(assigneeId: string, field: string): Promise<{ id: string; vendorOrgId: string | undefined; vendor: boolean }> {
    const user = await deps.directory.findUser(assigneeId);
    if (user === undefined || !user.active) throw notFound('user', assigneeId);
    if (user.role === 'integration') throw invalidInput('an integration account cannot work cases', [{ field, reason: 'is not a reviewer' }]);
    return { id: user.id, vendorOrgId: user.vendorOrgId, vendor: user.role === 'vendor' };
  }

  async function checkAssigneeGrant(tx: Db, queue: string, assignee: { vendorOrgId: string | undefined; vendor: boolean }, field: string): Promise<void> {
    if (assignee.vendor && (assignee.vendorOrgId === undefined || !(await caseStore.isQueueGranted(tx, queue, assignee.vendorOrgId)))) {
      throw new AppError('invalid_input', `queue ${queue} is not granted to the reviewer's vendor organisation`, {
        reason: 'case.assignee_not_granted',
        errors: [{ field, reason: 'works for a vendor organisation without access to this queue' }],
      });
    }
  }

  function validateSubjects(subjects: CaseSubjects | undefined, errors: FieldError[]): void {
    for (const k of SUBJECT_KEYS) {
      const v = subjects?.[k];
      if (v !== undefined && (v.trim() === '' || v.length > SUBJECT_MAX)) errors.push({ field: `/subjects/${k}`, reason: `must be 1–${SUBJECT_MAX} characters` });
    }
  }

  /**
   * Opens a case of a registered type in its initial status, with its SLA due times computed on the
   * business calendar of its jurisdiction. With an idempotency key, a repeat returns the first case.
   */
  async function openCase(caller: CaseCaller, input: OpenCaseInput, opts: TxOption = {}): Promise<{ created: boolean; detail: CaseDetail }> {
    const base = opts.tx ?? db;
    if (!isStaff(caller)) throw forbidden('only staff open cases');
    const errors: FieldError[] = [];
    const def = types.get(input.type);
    if (def === undefined) errors.push({ field: '/type', reason: `is not a registered case type (${types.list().map((t) => t.type).join(', ')})` });
    const title = input.title.trim();
    if (title === '' || title.length > TITLE_MAX) errors.push({ field: '/title', reason: `must be 1–${TITLE_MAX} characters` });
    if (input.priority !== undefined && !isPriority(input.priority)) errors.push({ field: '/priority', reason: `must be one of ${PRIORITIES.join(', ')}` });
    if (input.queue !== undefined && !QUEUE_NAME.test(input.queue)) errors.push({ field: '/queue', reason: 'must be lowercase letters, digits, _ . - (up to 63)' });
    const jurisdiction = input.jurisdiction ?? deps.calendars.defaultJurisdiction;
    try {
      deps.calendars.calendarFor(jurisdiction);
    } catch (e) {
      errors.push({ field: '/jurisdiction', reason: (e as Error).message });
    }
    const note = trimmed(input.note);
    if (note !== undefined && note.length > NOTE_MAX) errors.push({ field: '/note', reason: `must be at most ${NOTE_MAX} characters` });
    validateSubjects(input.subjects, errors);
    if (errors.length > 0 || def === undefined) throw invalidInput('the case is not valid', errors);

    const replay = async (): Promise<{ created: boolean; detail: CaseDetail } | undefined> => {
      if (input.idempotencyKey === undefined) return undefined;
      const existing = await caseStore.findByIdempotencyKey(base, input.idempotencyKey);
      if (existing === undefined) return undefined;
      if (existing.type !== input.type) throw conflict('this Idempotency-Key was used to open a case of another type', 'case.idempotency_key_reused');
      return { created: false, detail: await loadDetail(base, existing) };
    };
    const earlier = await replay();
    if (earlier !== undefined) return earlier;

    const priority = input.priority ?? def.defaultPriority;
    const queue = input.queue ?? def.defaultQueue;
    if (opts.tx !== undefined && input.assigneeId !== undefined) throw new Error('openCase inside a caller transaction cannot look up an assignee');
    const assignee = input.assigneeId === undefined ? undefined : await findAssignee(input.assigneeId, '/assignee_id');
    try {
      const detail = await inTransaction(base, async (tx) => {
        if (assignee !== undefined) await checkAssigneeGrant(tx, queue, assignee, '/assignee_id');
        const now = clock.now();
        const s = input.subjects ?? {};
        const c = await caseStore.insertCase(tx, {
          id: newId('case'),
          type: def.type,
          status: def.machine.initial,
          priority: priorityRank(priority),
          queue,
          assigneeId: input.assigneeId ?? null,
          sellerId: s.sellerId ?? null,
          buyerId: s.buyerId ?? null,
          listingId: s.listingId ?? null,
          orderId: s.orderId ?? null,
          conversationId: s.conversationId ?? null,
          messageId: s.messageId ?? null,
          title,
          jurisdiction,
          ...slaFor(def, priority, jurisdiction, now),
          openedAt: now,
          updatedAt: now,
          version: 1,
          idempotencyKey: input.idempotencyKey ?? null,
        });
        await writeTimeline(tx, caller, c.id, 'created', {
          type: c.type,
          status: c.status,
          priority: c.priority,
          queue: c.queue,
          jurisdiction: c.jurisdiction,
          sla_due_at: c.slaDueAt.toISOString(),
          first_response_due_at: c.firstResponseDueAt.toISOString(),
        });
        if (note !== undefined) {
          const n = await caseStore.insertNote(tx, { id: newId('note'), caseId: c.id, authorType: caller.kind, authorId: caller.id, body: note, at: now });
          await writeTimeline(tx, caller, c.id, 'note', { note_id: n.id });
        }
        if (c.assigneeId !== undefined) await writeTimeline(tx, caller, c.id, 'assignment', { from: null, to: c.assigneeId });
        await recordChange(tx, clock, {
          actor: callerActor(caller),
          action: 'case.opened',
          subject: { type: 'case', id: c.id },
          fields: ['type', 'status', 'priority', 'queue', 'assignee_id', 'subjects', 'title', 'jurisdiction', 'sla_due_at'],
          data: { type: c.type, status: c.status, priority: c.priority, queue: c.queue, subjects: c.subjects, slaDueAt: c.slaDueAt.toISOString() },
          event: {
            type: 'case.opened',
            payload: {
              id: c.id,
              type: c.type,
              status: c.status,
              priority: c.priority,
              queue: c.queue,
              assignee_id: c.assigneeId ?? null,
              seller_id: c.subjects.sellerId ?? null,
              listing_id: c.subjects.listingId ?? null,
              order_id: c.subjects.orderId ?? null,
              conversation_id: c.subjects.conversationId ?? null,
              sla_due_at: c.slaDueAt.toISOString(),
            },
          },
        });
        return loadDetail(tx, c);
      });
      return { created: true, detail };
    } catch (e) {
      if (input.idempotencyKey !== undefined && isUniqueViolation(e)) {
        const raced = await replay();
        if (raced !== undefined) return raced;
      }
      throw e;
    }
  }

  /** The case with its timeline, notes and evidence list; 404 when it is outside the caller's scope. */
  async function getCase(caller: CaseCaller, id: string, opts: TxOption & { forUpdate?: boolean } = {}): Promise<CaseDetail> {
    const base = opts.tx ?? db;
    return loadDetail(base, await loadInScope(base, caller, id, opts.forUpdate === true));
  }

  /**
   * Cases in the caller's scope, filtered and sorted, one page at a time. The cursor is opaque
   * (base64url of the sort value and id of the last row) and bound to the sort it was made for.
   */
  async function listCases(
    caller: CaseCaller,
    opts: { filters?: CaseFilters; sort?: Partial<CaseSort>; cursor?: string | undefined; limit?: number } = {},
  ): Promise<Page<Case>> {
    const sort: CaseSort = { by: opts.sort?.by ?? 'opened_at', dir: opts.sort?.dir ?? 'desc' };
    const limit = Math.max(1, Math.min(opts.limit ?? 50, 500));
    const after = opts.cursor === undefined || opts.cursor === '' ? undefined : decodeCursor(opts.cursor, sort);
    const filters = opts.filters ?? {};
    if (filters.priority !== undefined && !isPriority(filters.priority)) throw invalidInput('unknown priority', [{ field: '/priority', reason: `must be one of ${PRIORITIES.join(', ')}` }]);
    const rows = await caseStore.listCases(db, { scope: scopeOf(caller), filters, now: clock.now(), sort, after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last !== undefined ? encodeCursor({ sort, value: sortValueOf(last, sort.by), id: last.id }) : undefined;
    return { items, nextCursor };
  }

  /**
   * Moves a case to another status. A move the type's table or guards refuse comes back as an
   * `invalid_transition` AppError (reason such as `appeal.transition_not_allowed`, and the allowed
   * statuses) inside the Result, never as an exception. Not-found, scope and version conflicts throw.
   */
  async function transition(
    caller: CaseCaller,
    id: string,
    to: string,
    opts: { note?: string | undefined; expectedVersion?: number | undefined; data?: Record<string, unknown> | undefined } & TxOption & ManagedOption = {},
  ): Promise<Result<CaseDetail, AppError>> {
    const note = trimmed(opts.note);
    if (note !== undefined && note.length > NOTE_MAX) throw invalidInput('the note is too long', [{ field: '/note', reason: `must be at most ${NOTE_MAX} characters` }]);
    return inTransaction(opts.tx ?? db, async (tx) => {
      const c = await loadInScope(tx, caller, id, true);
      const def = typeOf(c);
      if (def.managedBy !== undefined && opts.managed !== true) {
        throw new AppError('conflict', `${def.title} cases change status through ${def.managedBy}, which records the decision and what follows from it`, {
          reason: 'case.managed_elsewhere',
        });
      }
      if (!isStaff(caller) && !(def.vendorTransitions ?? []).includes(to)) {
        throw new AppError('forbidden', `a vendor reviewer may not move a ${def.type} case to ${to}`, { reason: 'case.vendor_may_not_transition' });
      }
      checkVersion(c, opts.expectedVersion);
      const noteCount = await caseStore.countNotes(tx, c.id);
      const evidenceCount = await caseStore.countEvidence(tx, c.id);
      const decision = decideTransition(def, to, {
        case: c,
        caller: { kind: caller.kind, id: caller.id, role: caller.role },
        note,
        noteCount,
        evidenceCount,
      });
      if (!decision.ok) {
        const r = decision.error;
        return err(
          new AppError('invalid_transition', `a ${def.type} case cannot move from ${r.from} to ${r.to}`, {
            reason: r.reason,
            allowed: r.allowed,
          }),
        );
      }
      if (def.managedTargets?.statuses.includes(to) === true && opts.managed !== true) {
        throw new AppError('conflict', `a ${def.title.toLowerCase()} reaches ${to} through ${def.managedTargets.via}, which does what the outcome requires`, {
          reason: 'case.managed_elsewhere',
        });
      }
      const now = clock.now();
      const closes = isClosedStatus(def, to);
      const wasClosed = isClosedStatus(def, c.status);
      const updated = await caseStore.updateCase(tx, c.id, {
        status: to,
        closedAt: closes ? (wasClosed ? (c.closedAt ?? now) : now) : null,
        updatedAt: now,
        ...firstResponsePatch(caller, c, now),
      });
      let noteId: string | undefined;
      if (note !== undefined) {
        noteId = (await caseStore.insertNote(tx, { id: newId('note'), caseId: c.id, authorType: caller.kind, authorId: caller.id, body: note, at: now })).id;
      }
      await writeTimeline(tx, caller, c.id, 'transition', { from: c.status, to, ...(noteId === undefined ? {} : { note_id: noteId }), ...opts.data });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'case.transitioned',
        subject: { type: 'case', id: c.id },
        fields: ['status', ...(closes !== wasClosed ? ['closed_at'] : []), ...(noteId === undefined ? [] : ['notes'])],
        data: { from: c.status, to, noteId },
        event: { type: 'case.transitioned', payload: { id: c.id, type: c.type, from: c.status, to, closed: closes, version: updated.version } },
      });
      return ok(await loadDetail(tx, updated));
    });
  }

  /** Assigns the case to a user (checked: exists, active, may work this queue) or clears it with null. */
  async function assign(caller: CaseCaller, id: string, assigneeId: string | null, opts: { expectedVersion?: number | undefined } = {}): Promise<CaseDetail> {
    const assignee = assigneeId === null || !isStaff(caller) ? undefined : await findAssignee(assigneeId, '/assignee_id');
    return inTransaction(db, async (tx) => {
      const c = await loadInScope(tx, caller, id, true);
      if (!isStaff(caller)) throw new AppError('forbidden', 'a vendor reviewer may not assign cases', { reason: 'case.vendor_may_not_assign' });
      checkVersion(c, opts.expectedVersion);
      if ((c.assigneeId ?? null) === assigneeId) return loadDetail(tx, c);
      if (assignee !== undefined) await checkAssigneeGrant(tx, c.queue, assignee, '/assignee_id');
      const updated = await caseStore.updateCase(tx, c.id, { assigneeId, updatedAt: clock.now() });
      await writeTimeline(tx, caller, c.id, 'assignment', { from: c.assigneeId ?? null, to: assigneeId });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'case.assigned',
        subject: { type: 'case', id: c.id },
        fields: ['assignee_id'],
        data: { from: c.assigneeId ?? null, to: assigneeId },
        event: { type: 'case.assigned', payload: { id: c.id, type: c.type, queue: c.queue, from: c.assigneeId ?? null, to: assigneeId } },
      });
      return loadDetail(tx, updated);
    });
  }

  /** Changes the priority and recomputes both SLA due times from the opening time. */
  async function changePriority(caller: CaseCaller, id: string, priority: Priority, opts: { expectedVersion?: number | undefined } = {}): Promise<CaseDetail> {
    if (!isPriority(priority)) throw invalidInput('unknown priority', [{ field: '/priority', reason: `must be one of ${PRIORITIES.join(', ')}` }]);
    return inTransaction(db, async (tx) => {
      const c = await loadInScope(tx, caller, id, true);
      if (!isStaff(caller)) throw new AppError('forbidden', 'a vendor reviewer may not change priorities', { reason: 'case.vendor_may_not_prioritise' });
      checkVersion(c, opts.expectedVersion);
      if (c.priority === priority) return loadDetail(tx, c);
      const sla = slaFor(typeOf(c), priority, c.jurisdiction, c.openedAt);
      const updated = await caseStore.updateCase(tx, c.id, { priority: priorityRank(priority), ...sla, updatedAt: clock.now() });
      await writeTimeline(tx, caller, c.id, 'priority', { from: c.priority, to: priority, sla_due_at: sla.slaDueAt.toISOString() });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'case.priority_changed',
        subject: { type: 'case', id: c.id },
        fields: ['priority', 'sla_due_at', 'first_response_due_at'],
        data: { from: c.priority, to: priority },
        event: { type: 'case.priority_changed', payload: { id: c.id, type: c.type, from: c.priority, to: priority, sla_due_at: sla.slaDueAt.toISOString() } },
      });
      return loadDetail(tx, updated);
    });
  }

  /**
   * Writes a module's own entry on a case's timeline (a detection appended, a decision, a seller's
   * reply, a notice sent), audited, with an outbox event `case.<kind>` unless `event: false`.
   * Flows pass their transaction so the entry commits with the change it describes.
   */
  async function appendTimeline(
    caller: CaseCaller,
    id: string,
    kind: TimelineKind,
    data: Record<string, unknown>,
    opts: TxOption & { event?: boolean; firstResponse?: boolean } = {},
  ): Promise<TimelineEntry> {
    return inTransaction(opts.tx ?? db, async (tx) => {
      const c = await loadInScope(tx, caller, id, true);
      const now = clock.now();
      const entry = await caseStore.insertTimeline(tx, { id: newId('ctl'), caseId: c.id, at: now, actorType: caller.kind, actorId: caller.id, kind, data });
      await caseStore.updateCase(tx, c.id, { updatedAt: now, ...(opts.firstResponse === false ? {} : firstResponsePatch(caller, c, now)) });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: `case.${kind}`,
        subject: { type: 'case', id: c.id },
        fields: ['timeline'],
        data: { entryId: entry.id, sha256: sha256Hex(JSON.stringify(data)) },
        ...(opts.event === false ? {} : { event: { type: `case.${kind}`, payload: { id: c.id, type: c.type, entry_id: entry.id } } }),
      });
      return entry;
    });
  }

  /** Adds a note (staff, or a vendor reviewer on a granted queue). */
  async function addNote(caller: CaseCaller, id: string, body: string, opts: TxOption = {}): Promise<CaseNote> {
    const text = body.trim();
    if (text === '' || text.length > NOTE_MAX) throw invalidInput('the note is not valid', [{ field: '/body', reason: `must be 1–${NOTE_MAX} characters` }]);
    return inTransaction(opts.tx ?? db, async (tx) => {
      const c = await loadInScope(tx, caller, id, true);
      const now = clock.now();
      const note = await caseStore.insertNote(tx, { id: newId('note'), caseId: c.id, authorType: caller.kind, authorId: caller.id, body: text, at: now });
      await caseStore.updateCase(tx, c.id, { updatedAt: now, ...firstResponsePatch(caller, c, now) });
      await writeTimeline(tx, caller, c.id, 'note', { note_id: note.id });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'case.note_added',
        subject: { type: 'case', id: c.id },
        fields: ['notes'],
        data: { noteId: note.id, sha256: sha256Hex(text) },
        event: { type: 'case.note_added', payload: { id: c.id, type: c.type, note_id: note.id } },
      });
      return note;
    });
  }

  /** Attaches a file; its SHA-256 and size are recorded. Over `evidenceMaxBytes` → `payload_too_large`. */
  async function addEvidence(caller: CaseCaller, id: string, file: { filename: string; contentType: string; bytes: Uint8Array }, opts: TxOption = {}): Promise<EvidenceInfo> {
    if (file.bytes.length > deps.evidenceMaxBytes) {
      throw new AppError('payload_too_large', `evidence files may be at most ${deps.evidenceMaxBytes} bytes; this one has ${file.bytes.length}`, {
        reason: 'case.evidence_too_large',
      });
    }
    const errors: FieldError[] = [];
    const filename = cleanFilename(file.filename);
    if (filename === '') errors.push({ field: '/filename', reason: 'must name the file' });
    const contentType = file.contentType.trim().toLowerCase();
    if (!CONTENT_TYPE.test(contentType)) errors.push({ field: '/content_type', reason: 'must be a media type such as application/pdf' });
    if (file.bytes.length === 0) errors.push({ field: '/content_base64', reason: 'must not be empty' });
    if (errors.length > 0) throw invalidInput('the evidence is not valid', errors);
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    const sha256 = sha256Hex(bytes);
    return inTransaction(opts.tx ?? db, async (tx) => {
      const c = await loadInScope(tx, caller, id, true);
      if (!isStaff(caller)) throw new AppError('forbidden', 'a vendor reviewer may not add evidence', { reason: 'case.vendor_may_not_add_evidence' });
      const now = clock.now();
      const info = await caseStore.insertEvidence(tx, {
        id: newId('evd'),
        caseId: c.id,
        filename,
        contentType,
        sizeBytes: bytes.length,
        sha256,
        bytes,
        addedByType: caller.kind,
        addedById: caller.id,
        at: now,
      });
      await caseStore.updateCase(tx, c.id, { updatedAt: now });
      await writeTimeline(tx, caller, c.id, 'evidence', { evidence_id: info.id, filename, content_type: contentType, size_bytes: info.sizeBytes, sha256 });
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'case.evidence_added',
        subject: { type: 'case', id: c.id },
        fields: ['evidence'],
        data: { evidenceId: info.id, sha256, sizeBytes: info.sizeBytes },
        event: { type: 'case.evidence_added', payload: { id: c.id, type: c.type, evidence_id: info.id, sha256, size_bytes: info.sizeBytes } },
      });
      return info;
    });
  }

  /** The evidence file with its bytes; 404 for a case out of scope or evidence of another case. */
  async function getEvidence(caller: CaseCaller, id: string, evidenceId: string): Promise<Evidence> {
    const c = await loadInScope(db, caller, id, false);
    const e = await caseStore.findEvidence(db, c.id, evidenceId);
    if (e === undefined) throw notFound('evidence', evidenceId);
    return e;
  }

  function checkQueueManager(caller: CaseCaller): void {
    if (caller.kind !== 'system' && !QUEUE_MANAGERS.includes(caller.role)) throw forbidden('only admins and managers grant queues');
  }

  function checkQueueName(queue: string): void {
    if (!QUEUE_NAME.test(queue)) throw invalidInput('not a queue name', [{ field: '/queue', reason: 'must be lowercase letters, digits, _ . - (up to 63)' }]);
  }

  /** Lets a vendor organisation's reviewers see and work a queue. Granting twice changes nothing. */
  async function grantQueue(caller: CaseCaller, queue: string, vendorOrgId: string): Promise<{ created: boolean }> {
    checkQueueManager(caller);
    checkQueueName(queue);
    if (!(await deps.directory.vendorOrgExists(vendorOrgId))) throw notFound('vendor organisation', vendorOrgId);
    return inTransaction(db, async (tx) => {
      const created = await caseStore.insertGrant(tx, { queue, vendorOrgId, grantedAt: clock.now(), grantedByType: caller.kind, grantedById: caller.id });
      if (created) {
        await recordChange(tx, clock, {
          actor: callerActor(caller),
          action: 'queue.granted',
          subject: { type: 'queue', id: queue },
          fields: ['vendor_org_id'],
          data: { queue, vendorOrgId },
          event: { type: 'queue.granted', payload: { queue, vendor_org_id: vendorOrgId } },
        });
      }
      return { created };
    });
  }

  /** Withdraws a vendor organisation's access to a queue. */
  async function revokeQueueGrant(caller: CaseCaller, queue: string, vendorOrgId: string): Promise<void> {
    checkQueueManager(caller);
    checkQueueName(queue);
    await inTransaction(db, async (tx) => {
      if (!(await caseStore.deleteGrant(tx, queue, vendorOrgId))) throw notFound('queue grant', `${queue}/${vendorOrgId}`);
      await recordChange(tx, clock, {
        actor: callerActor(caller),
        action: 'queue.grant_revoked',
        subject: { type: 'queue', id: queue },
        fields: ['vendor_org_id'],
        data: { queue, vendorOrgId },
        event: { type: 'queue.grant_revoked', payload: { queue, vendor_org_id: vendorOrgId } },
      });
    });
  }

  /**
   * The queues the caller can see with their open, overdue and unassigned counts and the age of the
   * oldest open case. Staff see every queue (case types' default queues included); vendors only theirs.
   */
  async function listQueues(caller: CaseCaller): Promise<QueueSummary[]> {
    const scope = scopeOf(caller);
    if (scope.kind === 'none') return [];
    const now = clock.now();
    const [counts, grants, known] = await Promise.all([
      caseStore.queueCounts(db, scope, now),
      caseStore.listGrants(db, scope.kind === 'vendor' ? scope.vendorOrgId : undefined),
      caseStore.knownQueues(db, scope),
    ]);
    const names = new Set<string>([...counts.map((c) => c.queue), ...grants.map((g) => g.queue), ...known]);
    if (scope.kind === 'all') for (const t of types.list()) names.add(t.defaultQueue);
    const byQueue = new Map(counts.map((c) => [c.queue, c]));
    return [...names].sort().map((queue) => {
      const c = byQueue.get(queue);
      return {
        queue,
        open: c?.open ?? 0,
        overdue: c?.overdue ?? 0,
        unassigned: c?.unassigned ?? 0,
        oldestOpenAt: c?.oldestOpenAt,
        oldestOpenAgeSeconds: c?.oldestOpenAt === undefined ? undefined : Math.max(0, Math.floor((now.getTime() - c.oldestOpenAt.getTime()) / 1000)),
        vendorOrgIds: scope.kind === 'all' ? grants.filter((g) => g.queue === queue).map((g) => g.vendorOrgId).sort() : [],
      };
    });
  }

  return {
    openCase,
    getCase,
    listCases,
    transition,
    assign,
    changePriority,
    addNote,
    appendTimeline,
    addEvidence,
    getEvidence,
    grantQueue,
    revokeQueueGrant,
    listQueues,
    /** The registered case types, for the console's buttons. */
    caseTypes: (): readonly CaseTypeDefinition[] => types.list(),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;

function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: unknown; cause?: { code?: unknown } };
  return String(x?.cause?.code ?? x?.code) === '23505';
}
