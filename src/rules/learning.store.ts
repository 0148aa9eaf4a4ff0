import { eq, gte, sql } from 'drizzle-orm';
import { query, type Db } from '../db';
import { automaticViolations, automationCircuit, ruleFirings, ruleOutcomes } from './rules.tables';

export interface FiringCount {
  readonly ruleId: string;
  readonly shadow: boolean;
  readonly hits: number;
  readonly messages: number;
}

export const CIRCUIT_ID = 'automatic_violations';

export const learningStore = {
  /** The rows of one decision replace those of any earlier decision on the same case. */
  async replaceOutcomes(db: Db, caseId: string, rows: readonly (typeof ruleOutcomes.$inferInsert)[]): Promise<void> {
    await db.delete(ruleOutcomes).where(eq(ruleOutcomes.caseId, caseId));
    if (rows.length > 0) await db.insert(ruleOutcomes).values([...rows]);
  },
  async outcomesSince(db: Db, since: Date): Promise<{ ruleId: string; violations: number; decided: number; vendorDecided: number }[]> {
    const rows = await query<{ rule_id: string; violations: string | number; decided: string | number; vendor_decided: string | number }>(
      db,
      sql`SELECT rule_id, count(*) FILTER (WHERE outcome = 'violation') AS violations, count(*) AS decided, count(*) FILTER (WHERE vendor) AS vendor_decided
          FROM rule_outcomes WHERE decided_at >= ${since.toISOString()} GROUP BY rule_id`,
    );
    return rows.map((r) => ({ ruleId: r.rule_id, violations: Number(r.violations), decided: Number(r.decided), vendorDecided: Number(r.vendor_decided) }));
  },
  async outcomesForCase(db: Db, caseId: string): Promise<(typeof ruleOutcomes.$inferSelect)[]> {
    return db.select().from(ruleOutcomes).where(eq(ruleOutcomes.caseId, caseId));
  },
  /** Adds a batch's counts to the day's counters (one statement per batch). */
  async addFirings(db: Db, day: string, counts: readonly FiringCount[]): Promise<void> {
    if (counts.length === 0) return;
    await db
      .insert(ruleFirings)
      .values(counts.map((c) => ({ day, ruleId: c.ruleId, shadow: c.shadow, hits: c.hits, messages: c.messages })))
      .onConflictDoUpdate({
        target: [ruleFirings.day, ruleFirings.ruleId, ruleFirings.shadow],
        set: { hits: sql`${ruleFirings.hits} + excluded.hits`, messages: sql`${ruleFirings.messages} + excluded.messages` },
      });
  },
  async firingsSince(db: Db, sinceDay: string): Promise<FiringCount[]> {
    const rows = await query<{ rule_id: string; shadow: boolean; hits: string | number; messages: string | number }>(
      db,
      sql`SELECT rule_id, shadow, sum(hits) AS hits, sum(messages) AS messages FROM rule_firings WHERE day >= ${sinceDay} GROUP BY rule_id, shadow`,
    );
    return rows.map((r) => ({ ruleId: r.rule_id, shadow: r.shadow, hits: Number(r.hits), messages: Number(r.messages) }));
  },
  /** The circuit's row, locked for the rest of the transaction (created closed on first use). */
  async lockCircuit(db: Db): Promise<typeof automationCircuit.$inferSelect> {
    await db.insert(automationCircuit).values({ id: CIRCUIT_ID, open: false }).onConflictDoNothing();
    const [row] = await db.select().from(automationCircuit).where(eq(automationCircuit.id, CIRCUIT_ID)).for('update');
    return row!;
  },
  async readCircuit(db: Db): Promise<typeof automationCircuit.$inferSelect | undefined> {
    const [row] = await db.select().from(automationCircuit).where(eq(automationCircuit.id, CIRCUIT_ID));
    return row;
  },
  async setCircuit(db: Db, set: Partial<typeof automationCircuit.$inferInsert>): Promise<void> {
    await db.update(automationCircuit).set(set).where(eq(automationCircuit.id, CIRCUIT_ID));
  },
  async countAutomaticSince(db: Db, since: Date): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)` }).from(automaticViolations).where(gte(automaticViolations.at, since));
    return Number(r?.n ?? 0);
  },
  async addAutomatic(db: Db, caseId: string, at: Date, rules: readonly string[]): Promise<void> {
    await db.insert(automaticViolations).values({ caseId, at, rules: [...rules] });
  },
};
