import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { ruleSets } from './rules.tables';
import type { RuleSetInfo } from './rules.model';

type Row = typeof ruleSets.$inferSelect;

export function toRuleSetInfo(r: Pick<Row, 'version' | 'sha256' | 'active' | 'createdAt' | 'activatedAt'>): RuleSetInfo {
  return { version: r.version, source: 'stored', sha256: r.sha256, active: r.active, createdAt: r.createdAt, activatedAt: r.activatedAt ?? undefined };
}

const infoColumns = { version: ruleSets.version, sha256: ruleSets.sha256, active: ruleSets.active, createdAt: ruleSets.createdAt, activatedAt: ruleSets.activatedAt };

export const rulesStore = {
  async insert(db: Db, row: typeof ruleSets.$inferInsert): Promise<RuleSetInfo> {
    const [r] = await db.insert(ruleSets).values(row).returning(infoColumns);
    return toRuleSetInfo(r!);
  },
  async find(db: Db, version: string): Promise<(RuleSetInfo & { body: unknown }) | undefined> {
    const [r] = await db.select().from(ruleSets).where(eq(ruleSets.version, version));
    return r === undefined ? undefined : { ...toRuleSetInfo(r), body: r.body };
  },
  async findActive(db: Db): Promise<RuleSetInfo | undefined> {
    const [r] = await db.select(infoColumns).from(ruleSets).where(eq(ruleSets.active, true));
    return r === undefined ? undefined : toRuleSetInfo(r);
  },
  async list(db: Db): Promise<RuleSetInfo[]> {
    return (await db.select(infoColumns).from(ruleSets).orderBy(ruleSets.createdAt, ruleSets.version)).map(toRuleSetInfo);
  },
  /** Makes `version` the only active row (undefined: none, the checked-in rule set applies). */
  async setActive(db: Db, version: string | undefined, at: Date): Promise<void> {
    await db.update(ruleSets).set({ active: false }).where(eq(ruleSets.active, true));
    if (version !== undefined) await db.update(ruleSets).set({ active: true, activatedAt: at }).where(eq(ruleSets.version, version));
  },
};
