import { AppError, invalidInput, notFound, type Clock, type FieldError } from '../kernel';
import { inTransaction, recordChange, type Actor, type Db } from '../db';
import { policiesStore, toClause, type StoredVersion } from './policies.store';
import { queryTerms, score, snippet } from './policies.search';
import {
  CLAUSE_ID,
  LIMITS,
  SLUG,
  type Clause,
  type ClauseDetail,
  type ClauseHit,
  type PolicyDocument,
  type PolicySummary,
  type PolicyVersionInfo,
  type PublishInput,
  type VersionRef,
  type VersionStatus,
} from './policies.model';

export interface PolicyDeps {
  readonly db: Db;
  readonly clock: Clock;
}

/**
 * A publish whose effective_from is at most this far in the past (clock skew, a form filled in a
 * minute ago) takes effect now instead of being refused; anything older would rewrite history.
 */
const EFFECTIVE_FROM_GRACE_MS = 5 * 60_000;

/** The most rows the search ranks; far more than any policy set has clauses in force. */
const SEARCH_CAP = 1000;

export function createPolicyService(deps: PolicyDeps) {
  const { db, clock } = deps;

  /** Where each version of one document stands at `now` (the versions sorted by number). */
  function statuses(versions: readonly StoredVersion[], now: Date): Map<number, VersionStatus> {
    const inForce = versions.filter((v) => v.effectiveFrom <= now).reduce<number | undefined>((m, v) => (m === undefined || v.version > m ? v.version : m), undefined);
    return new Map(versions.map((v) => [v.version, v.version === inForce ? 'in_force' : v.effectiveFrom > now ? 'scheduled' : 'superseded']));
  }

  function versionInfo(v: StoredVersion, status: VersionStatus): PolicyVersionInfo {
    return { version: v.version, title: v.title, summary: v.summary, effectiveFrom: v.effectiveFrom, publishedAt: v.publishedAt, publishedBy: v.publishedBy, status, clauseCount: v.clauseCount };
  }

  function checkRef(ref: VersionRef): void {
    const errors: FieldError[] = [];
    if (ref.version !== undefined && ref.at !== undefined) errors.push({ field: '/version', reason: 'give either a version or a date (at), not both' });
    if (ref.version !== undefined && (!Number.isInteger(ref.version) || ref.version < 1)) errors.push({ field: '/version', reason: 'must be a whole number from 1' });
    if (ref.at !== undefined && Number.isNaN(ref.at.getTime())) errors.push({ field: '/at', reason: 'must be a date and time' });
    if (errors.length > 0) throw invalidInput('the version asked for is not valid', errors);
  }

  /** The version a reference names, or an explanation of why there is none. */
  async function versionFor(tx: Db, slug: string, ref: VersionRef): Promise<StoredVersion> {
    if (ref.version !== undefined) {
      const v = await policiesStore.findVersion(tx, slug, ref.version);
      if (v === undefined) throw notFound(`version ${ref.version} of policy`, slug);
      return v;
    }
    const at = ref.at ?? clock.now();
    const v = await policiesStore.versionInForce(tx, slug, at);
    if (v !== undefined) return v;
    if ((await policiesStore.latestVersion(tx, slug)) === undefined) throw notFound('policy', slug);
    throw new AppError('not_found', `policy ${slug} had no version in force at ${at.toISOString()}`, { reason: 'policy.not_in_force' });
  }

  async function documentOf(tx: Db, slug: string, v: StoredVersion): Promise<PolicyDocument> {
    const all = await policiesStore.listVersions(tx, slug);
    const rows = await policiesStore.clausesOf(tx, slug, v.version);
    return { slug, ...versionInfo(v, statuses(all, clock.now()).get(v.version) ?? 'superseded'), clauses: rows.map((r) => toClause(r, v)) };
  }

  /** Every policy document with its versions and the one in force now. */
  async function list(): Promise<PolicySummary[]> {
    const [docs, versions] = await Promise.all([policiesStore.listDocuments(db), policiesStore.listVersions(db)]);
    const now = clock.now();
    return docs.flatMap((d) => {
      const own = versions.filter((v) => v.slug === d.slug);
      if (own.length === 0) return [];
      const status = statuses(own, now);
      const infos = own.map((v) => versionInfo(v, status.get(v.version)!));
      const inForce = infos.find((i) => i.status === 'in_force');
      // The title a reader sees today: a scheduled version's new title is not the document's yet.
      return [{ slug: d.slug, title: inForce?.title ?? d.title, currentVersion: inForce?.version, latestVersion: own[own.length - 1]!.version, versions: infos }];
    });
  }

  /**
   * A version of a document with its clauses: the one in force now, a numbered one, or the one in
   * force at a moment (`{ at }`).
   */
  async function get(slug: string, ref: number | VersionRef = {}): Promise<PolicyDocument> {
    const r: VersionRef = typeof ref === 'number' ? { version: ref } : ref;
    checkRef(r);
    return documentOf(db, slug, await versionFor(db, slug, r));
  }

  function validatePublish(slug: string, input: PublishInput, now: Date): void {
    const errors: FieldError[] = [];
    if (!SLUG.test(slug) || slug.length > LIMITS.slug) errors.push({ field: '/slug', reason: `must be lowercase words joined by hyphens, at most ${LIMITS.slug} characters` });
    const title = input.title.trim();
    if (title.length === 0 || title.length > LIMITS.title) errors.push({ field: '/title', reason: `must be 1 to ${LIMITS.title} characters` });
    if (input.summary.length > LIMITS.summary) errors.push({ field: '/summary', reason: `must be at most ${LIMITS.summary} characters` });
    if (input.effectiveFrom !== undefined) {
      if (Number.isNaN(input.effectiveFrom.getTime())) errors.push({ field: '/effective_from', reason: 'must be a date and time' });
      else if (input.effectiveFrom.getTime() < now.getTime() - EFFECTIVE_FROM_GRACE_MS) errors.push({ field: '/effective_from', reason: 'must not be in the past: the text in force earlier cannot change' });
    }
    if (input.clauses.length === 0) errors.push({ field: '/clauses', reason: 'a version needs at least one clause' });
    if (input.clauses.length > LIMITS.clauses) errors.push({ field: '/clauses', reason: `at most ${LIMITS.clauses} clauses` });
    const seen = new Map<string, number>();
    input.clauses.forEach((c, i) => {
      const at = `/clauses/${i}`;
      if (!CLAUSE_ID.test(c.clauseId)) errors.push({ field: `${at}/clause_id`, reason: 'clause ids look like TP-2.1: 2 to 4 capital letters, a hyphen and a number' });
      const first = seen.get(c.clauseId);
      if (first !== undefined) errors.push({ field: `${at}/clause_id`, reason: `${c.clauseId} is already clause ${first}` });
      else seen.set(c.clauseId, i);
      const t = c.title.trim();
      if (t.length === 0 || t.length > LIMITS.clauseTitle) errors.push({ field: `${at}/title`, reason: `must be 1 to ${LIMITS.clauseTitle} characters` });
      const x = c.text.trim();
      if (x.length === 0) errors.push({ field: `${at}/text`, reason: 'must not be empty' });
      if (x.length > LIMITS.clauseText) errors.push({ field: `${at}/text`, reason: `must be at most ${LIMITS.clauseText} characters` });
    });
    if (errors.length > 0) throw invalidInput('the policy version is not valid', errors);
  }

  /**
   * Publishes the next version of a document (creating the document on its first version). Earlier
   * versions stay as they were, so citations of them keep resolving; clauses may be dropped, added
   * or reworded. A clause id belongs to one document. An effective date a few minutes in the past
   * means now.
   */
  async function publish(actor: Actor, slug: string, input: PublishInput): Promise<PolicyDocument> {
    const now = clock.now();
    validatePublish(slug, input, now);
    const effectiveFrom = input.effectiveFrom === undefined || input.effectiveFrom < now ? now : input.effectiveFrom;
    const title = input.title.trim();
    return inTransaction(db, async (tx) => {
      await policiesStore.lockDocument(tx, slug, title, now);
      const previous = await policiesStore.latestVersion(tx, slug);
      if (previous !== undefined && effectiveFrom < previous.effectiveFrom) {
        throw invalidInput('the new version would never be in force', [
          { field: '/effective_from', reason: `must not be before version ${previous.version}'s effective date ${previous.effectiveFrom.toISOString()}` },
        ]);
      }
      const owned = await policiesStore.clauseIdsOwnedElsewhere(tx, slug, input.clauses.map((c) => c.clauseId));
      if (owned.length > 0) {
        throw invalidInput(
          'clause ids belong to one policy',
          owned.map((o) => ({ field: `/clauses/${input.clauses.findIndex((c) => c.clauseId === o.clauseId)}/clause_id`, reason: `${o.clauseId} is a clause of policy ${o.slug}` })),
        );
      }
      const version = (previous?.version ?? 0) + 1;
      const clauses = input.clauses.map((c, i) => ({ slug, version, clauseId: c.clauseId, position: i + 1, title: c.title.trim(), text: c.text.trim() }));
      await policiesStore.insertVersion(tx, { slug, version, title, summary: input.summary.trim(), effectiveFrom, publishedAt: now, publishedBy: `${actor.type}:${actor.id}` }, clauses);
      const before = previous === undefined ? [] : await policiesStore.clausesOf(tx, slug, previous.version);
      const beforeById = new Map(before.map((c) => [c.clauseId, c]));
      const changes = {
        added: clauses.filter((c) => !beforeById.has(c.clauseId)).map((c) => c.clauseId),
        removed: before.filter((c) => !clauses.some((n) => n.clauseId === c.clauseId)).map((c) => c.clauseId),
        reworded: clauses.filter((c) => { const b = beforeById.get(c.clauseId); return b !== undefined && (b.title !== c.title || b.text !== c.text); }).map((c) => c.clauseId),
      };
      await recordChange(tx, clock, {
        actor,
        action: 'policy.version_published',
        subject: { type: 'policy', id: slug },
        fields: ['version', 'title', 'summary', 'effective_from', 'clauses'],
        data: { version, title, effectiveFrom: effectiveFrom.toISOString(), clauses },
        event: { type: 'policy.version_published', payload: { slug, version, effective_from: effectiveFrom.toISOString(), clauses_added: changes.added, clauses_removed: changes.removed, clauses_reworded: changes.reworded } },
      });
      const stored = await policiesStore.findVersion(tx, slug, version);
      return documentOf(tx, slug, stored!);
    });
  }

  /**
   * Clauses of the versions in force now whose id, title or text contain every word of `q`,
   * ignoring case and accents; matches in the id or title first.
   */
  async function search(q: string, opts: { limit?: number } = {}): Promise<ClauseHit[]> {
    const trimmed = q.trim();
    if (trimmed.length === 0 || trimmed.length > LIMITS.query) throw invalidInput('the search is not valid', [{ field: '/q', reason: `must be 1 to ${LIMITS.query} characters` }]);
    const terms = queryTerms(trimmed, LIMITS.queryTerms);
    if (terms.length === 0) throw invalidInput('the search is not valid', [{ field: '/q', reason: 'must contain a word' }]);
    const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
    const rows = await policiesStore.searchInForce(db, terms, clock.now(), SEARCH_CAP);
    return rows
      .map((r) => ({ r, s: score(r, trimmed, terms) }))
      .filter((x) => x.s.score > 0)
      .sort((a, b) => b.s.score - a.s.score || a.r.slug.localeCompare(b.r.slug) || a.r.position - b.r.position)
      .slice(0, limit)
      .map(({ r, s }) => ({ clause: toClause(r, { title: r.policyTitle, effectiveFrom: r.effectiveFrom }), snippet: snippet(r.text, trimmed, terms), matchedIn: s.matchedIn }));
  }

  /** The document a clause id belongs to (clause ids are unique across documents). */
  async function ownerOf(d: Db, clauseId: string): Promise<{ slug: string; versions: { version: number; effectiveFrom: Date }[] } | undefined> {
    if (!CLAUSE_ID.test(clauseId)) return undefined;
    const rows = await policiesStore.versionsWithClause(d, clauseId);
    if (rows.length === 0) return undefined;
    const slug = rows[0]!.slug;
    return { slug, versions: rows.filter((r) => r.slug === slug) };
  }

  /**
   * A clause as it reads in a version of its document: the one in force now, a numbered one, or
   * the one in force at `at`; with the versions that contain it. 404 when the id is unknown or the
   * version asked for does not contain it (it was added later or dropped).
   */
  async function getClause(clauseId: string, ref: VersionRef = {}): Promise<ClauseDetail> {
    checkRef(ref);
    const owner = await ownerOf(db, clauseId);
    if (owner === undefined) throw notFound('policy clause', clauseId);
    const v = await versionFor(db, owner.slug, ref);
    const row = await policiesStore.findClause(db, owner.slug, v.version, clauseId);
    if (row === undefined) {
      const inVersions = owner.versions.map((x) => x.version).join(', ');
      throw new AppError('not_found', `clause ${clauseId} is not in version ${v.version} of ${owner.slug}; it is in version ${inVersions}`, { reason: 'policy.clause_not_in_version' });
    }
    const status = statuses(await policiesStore.listVersions(db, owner.slug), clock.now());
    return { ...toClause(row, v), versions: owner.versions.map((x) => ({ version: x.version, effectiveFrom: x.effectiveFrom, status: status.get(x.version) ?? 'superseded' })) };
  }

  /**
   * For other modules: the clause as it read in the version in force at `at` (default now), or
   * undefined when the id is unknown or was not in force then. Never throws for a missing clause.
   * Pass the caller's transaction as `tx` when calling from inside one (PGlite has one connection).
   */
  async function resolveClause(clauseId: string, at?: Date, opts: { tx?: Db } = {}): Promise<Clause | undefined> {
    const d = opts.tx ?? db;
    const owner = await ownerOf(d, clauseId);
    if (owner === undefined) return undefined;
    const v = await policiesStore.versionInForce(d, owner.slug, at ?? clock.now());
    if (v === undefined) return undefined;
    const row = await policiesStore.findClause(d, owner.slug, v.version, clauseId);
    return row === undefined ? undefined : toClause(row, v);
  }

  return { list, get, publish, search, getClause, resolveClause };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
