import { and, asc, desc, eq, lte, sql as dsql } from 'drizzle-orm';
import { query, sql, type Db } from '../db';
import { policyClauses, policyDocuments, policyVersions } from './policies.tables';
import { COMBINING_MARKS, likeEscape } from './policies.search';
import { clauseNumber, type Clause } from './policies.model';

type VersionRow = typeof policyVersions.$inferSelect;
type ClauseRow = typeof policyClauses.$inferSelect;

export interface StoredVersion extends VersionRow {
  readonly clauseCount: number;
}

export function toClause(r: Pick<ClauseRow, 'clauseId' | 'slug' | 'version' | 'title' | 'text'>, v: { title: string; effectiveFrom: Date }): Clause {
  return { clauseId: r.clauseId, policySlug: r.slug, version: r.version, number: clauseNumber(r.clauseId), title: r.title, text: r.text, policyTitle: v.title, effectiveFrom: v.effectiveFrom };
}

const versionColumns = {
  slug: policyVersions.slug,
  version: policyVersions.version,
  title: policyVersions.title,
  summary: policyVersions.summary,
  effectiveFrom: policyVersions.effectiveFrom,
  publishedAt: policyVersions.publishedAt,
  publishedBy: policyVersions.publishedBy,
  clauseCount: dsql<number>`(SELECT count(*)::int FROM policy_clauses pc WHERE pc.slug = "policy_versions"."slug" AND pc.version = "policy_versions"."version")`.mapWith(Number),
};

/** Folds case and accents in SQL exactly as `fold()` does in TypeScript. */
function folded(expr: ReturnType<typeof sql>) {
  return sql`lower(regexp_replace(normalize(${expr}, NFD), ${COMBINING_MARKS}, '', 'g'))`;
}

export const policiesStore = {
  async listDocuments(db: Db): Promise<{ slug: string; title: string }[]> {
    return db.select({ slug: policyDocuments.slug, title: policyDocuments.title }).from(policyDocuments).orderBy(policyDocuments.slug);
  },
  async listVersions(db: Db, slug?: string): Promise<StoredVersion[]> {
    const q = db.select(versionColumns).from(policyVersions);
    return (slug === undefined ? q : q.where(eq(policyVersions.slug, slug))).orderBy(policyVersions.slug, policyVersions.version);
  },
  async findVersion(db: Db, slug: string, version: number): Promise<StoredVersion | undefined> {
    const [r] = await db.select(versionColumns).from(policyVersions).where(and(eq(policyVersions.slug, slug), eq(policyVersions.version, version)));
    return r;
  },
  /** The highest version whose effective_from is at or before `at`. */
  async versionInForce(db: Db, slug: string, at: Date): Promise<StoredVersion | undefined> {
    const [r] = await db
      .select(versionColumns)
      .from(policyVersions)
      .where(and(eq(policyVersions.slug, slug), lte(policyVersions.effectiveFrom, at)))
      .orderBy(desc(policyVersions.version))
      .limit(1);
    return r;
  },
  async latestVersion(db: Db, slug: string): Promise<StoredVersion | undefined> {
    const [r] = await db.select(versionColumns).from(policyVersions).where(eq(policyVersions.slug, slug)).orderBy(desc(policyVersions.version)).limit(1);
    return r;
  },
  async clausesOf(db: Db, slug: string, version: number): Promise<ClauseRow[]> {
    return db.select().from(policyClauses).where(and(eq(policyClauses.slug, slug), eq(policyClauses.version, version))).orderBy(asc(policyClauses.position));
  },
  /** Every version that contains the clause id, oldest first, with its document. */
  async versionsWithClause(db: Db, clauseId: string): Promise<{ slug: string; version: number; effectiveFrom: Date }[]> {
    return db
      .select({ slug: policyVersions.slug, version: policyVersions.version, effectiveFrom: policyVersions.effectiveFrom })
      .from(policyClauses)
      .innerJoin(policyVersions, and(eq(policyVersions.slug, policyClauses.slug), eq(policyVersions.version, policyClauses.version)))
      .where(eq(policyClauses.clauseId, clauseId))
      .orderBy(policyVersions.slug, policyVersions.version);
  },
  async findClause(db: Db, slug: string, version: number, clauseId: string): Promise<ClauseRow | undefined> {
    const [r] = await db
      .select()
      .from(policyClauses)
      .where(and(eq(policyClauses.slug, slug), eq(policyClauses.version, version), eq(policyClauses.clauseId, clauseId)));
    return r;
  },
  /** The documents other than `slug` that already use any of these clause ids. */
  async clauseIdsOwnedElsewhere(db: Db, slug: string, clauseIds: readonly string[]): Promise<{ clauseId: string; slug: string }[]> {
    if (clauseIds.length === 0) return [];
    return query<{ clauseId: string; slug: string }>(
      db,
      sql`SELECT DISTINCT clause_id AS "clauseId", slug FROM policy_clauses
          WHERE slug <> ${slug} AND clause_id IN (${sql.join(clauseIds.map((c) => sql`${c}`), sql`, `)})`,
    );
  },
  /** Creates the document when it does not exist and locks it, so versions of one document are numbered one at a time. */
  async lockDocument(db: Db, slug: string, title: string, now: Date): Promise<void> {
    await db.insert(policyDocuments).values({ slug, title, createdAt: now }).onConflictDoNothing();
    await query(db, sql`SELECT slug FROM policy_documents WHERE slug = ${slug} FOR UPDATE`);
  },
  async insertVersion(db: Db, row: typeof policyVersions.$inferInsert, clauses: readonly (typeof policyClauses.$inferInsert)[]): Promise<void> {
    await db.insert(policyVersions).values(row);
    if (clauses.length > 0) await db.insert(policyClauses).values([...clauses]);
    await db.update(policyDocuments).set({ title: row.title }).where(eq(policyDocuments.slug, row.slug));
  },
  /**
   * Clauses of the versions in force at `at` in which every term occurs (case and accents ignored)
   * in the clause id, title or text. Ranking is left to the caller.
   */
  async searchInForce(db: Db, terms: readonly string[], at: Date, cap: number): Promise<(ClauseRow & { policyTitle: string; effectiveFrom: Date })[]> {
    const haystack = folded(sql`c.clause_id || ' ' || c.title || ' ' || c.text`);
    const conditions = terms.map((t) => sql`${haystack} LIKE ${`%${likeEscape(t)}%`} ESCAPE '\\'`);
    const rows = await query<{ slug: string; version: number; clause_id: string; position: number; title: string; text: string; policy_title: string; effective_from: Date | string }>(
      db,
      sql`WITH in_force AS (
            SELECT DISTINCT ON (slug) slug, version, title, effective_from FROM policy_versions
            WHERE effective_from <= ${at.toISOString()} ORDER BY slug, version DESC
          )
          SELECT c.slug, c.version, c.clause_id, c.position, c.title, c.text, f.title AS policy_title, f.effective_from
          FROM policy_clauses c JOIN in_force f ON f.slug = c.slug AND f.version = c.version
          WHERE ${sql.join(conditions, sql` AND `)}
          ORDER BY c.slug, c.position
          LIMIT ${cap}`,
    );
    return rows.map((r) => ({
      slug: r.slug,
      version: Number(r.version),
      clauseId: r.clause_id,
      position: Number(r.position),
      title: r.title,
      text: r.text,
      policyTitle: r.policy_title,
      effectiveFrom: new Date(r.effective_from),
    }));
  },
};
