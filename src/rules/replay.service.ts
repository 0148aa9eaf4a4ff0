import { invalidInput } from '../kernel';
import type { Actor } from '../db';
import { scanConversation, type Verdict } from '../detection';
import type { RescanOptions, RescanReport, ScannedMessage, StoredScan } from '../marketplace';
import type { RuleLearning } from './learning.service';
import type { RuleSetService } from './rules.service';

export interface ReplayDeps {
  readonly ruleSets: Pick<RuleSetService, 'prepare'>;
  readonly learning: Pick<RuleLearning, 'history'>;
  /** The marketplace's re-scan (a dry run with the given rule set: nothing is stored). */
  readonly rescan: (actor: Actor, opts: RescanOptions) => Promise<RescanReport>;
}

/** One conversation a replay would send to review. */
export interface ReplayConversation {
  readonly conversationId: string;
  readonly verdict: Exclude<Verdict, 'clear'>;
  /** Messages at review or above with the replayed version. */
  readonly messages: number;
  readonly rules: readonly string[];
  /** The stored results already sent it to review. */
  readonly alreadyFlagged: boolean;
}

/** A rule under replay: how often it fires, against the stored results, and what past decisions say of it. */
export interface ReplayRule {
  readonly ruleId: string;
  readonly hits: number;
  readonly messages: number;
  readonly storedHits: number;
  readonly storedMessages: number;
  /** Precision from all past review decisions on this rule; undefined (unknown) without any. */
  readonly expectedPrecision: number | undefined;
  readonly decided: number;
}

export interface ReplayReport {
  readonly version: string;
  readonly since: Date;
  readonly until: Date | undefined;
  readonly scanned: number;
  readonly conversations: number;
  /** Conversations that would open (or extend) a review case: a message at review or above, not historical. */
  readonly wouldOpen: number;
  /** The same count with the results stored now. */
  readonly currentlyOpen: number;
  /** Would open, and the stored results do not. */
  readonly newlyOpened: number;
  /** Open with the stored results, and would not with this version. */
  readonly noLongerOpened: number;
  /** Messages older than the enforcement cutoff at review or above (shown, never enforced). */
  readonly historicalFlagged: number;
  /** The conversations that would open, newly opened first (at most `sampleSize`). */
  readonly sample: readonly ReplayConversation[];
  readonly rules: readonly ReplayRule[];
  /** Expected precision of the hits, weighted by hits, over the rules with a history. */
  readonly expectedPrecision: number | undefined;
  /** Share of the hits from rules without decisions to learn from (their precision is unknown). */
  readonly unknownShare: number;
  readonly unknownRules: readonly string[];
}

const flagged = (s: StoredScan | undefined): boolean => s !== undefined && s.verdict !== 'clear' && s.historical !== true;
const rank: Record<Verdict, number> = { clear: 0, review: 1, violation: 2 };

/**
 * Replays a rule-set version over stored messages (nothing stored): which conversations it would
 * send to review, against today's stored results; how often each rule fires; what precision past
 * decisions let us expect.
 */
export function createReplay(deps: ReplayDeps) {
  async function replay(actor: Actor, version: string, range: { since: Date; until?: Date | undefined; sampleSize?: number }): Promise<ReplayReport> {
    if (!Number.isFinite(range.since.getTime())) throw invalidInput('since is not a valid time', [{ field: 'since', reason: 'must be an ISO 8601 date or time' }]);
    const target = await deps.ruleSets.prepare(version);
    const sampleSize = Math.min(Math.max(range.sampleSize ?? 50, 0), 500);
    const convs = new Map<string, { verdict: Verdict; messages: number; rules: Set<string>; before: boolean }>();
    const rules = new Map<string, { hits: number; messages: number; storedHits: number; storedMessages: number }>();
    let historicalFlagged = 0;
    const rule = (id: string) => rules.get(id) ?? rules.set(id, { hits: 0, messages: 0, storedHits: 0, storedMessages: 0 }).get(id)!;

    const onScanned = (page: readonly ScannedMessage[]): void => {
      for (const m of page) {
        let c = convs.get(m.conversationId);
        if (c === undefined) convs.set(m.conversationId, (c = { verdict: 'clear', messages: 0, rules: new Set(), before: false }));
        if (flagged(m.before)) c.before = true;
        if (m.next.verdict !== 'clear' && m.next.historical === true) historicalFlagged++;
        if (flagged(m.next)) {
          c.messages++;
          if (rank[m.next.verdict] > rank[c.verdict]) c.verdict = m.next.verdict;
          for (const h of m.next.hits) c.rules.add(h.rule);
        }
        const now = new Set<string>();
        for (const h of m.next.hits) {
          rule(h.rule).hits++;
          now.add(h.rule);
        }
        for (const id of now) rule(id).messages++;
        const then = new Set<string>();
        for (const h of m.before?.hits ?? []) {
          rule(h.rule).storedHits++;
          then.add(h.rule);
        }
        for (const id of then) rule(id).storedMessages++;
      }
    };

    const report = await deps.rescan(actor, {
      since: range.since,
      until: range.until,
      dryRun: true,
      sampleSize: 0,
      scanner: { version: target.info.version, scan: (items, earlier) => scanConversation(target.compiled, items, { earlier }) },
      onScanned,
    });

    const history = await deps.learning.history();
    const ruleRows: ReplayRule[] = [...rules]
      .map(([ruleId, c]) => {
        const h = history.get(ruleId);
        return { ruleId, ...c, decided: h?.decided ?? 0, expectedPrecision: h === undefined || h.decided === 0 ? undefined : Math.round((h.violations / h.decided) * 10000) / 10000 };
      })
      .sort((a, b) => b.hits - a.hits || a.ruleId.localeCompare(b.ruleId));
    let known = 0;
    let weighted = 0;
    let unknown = 0;
    for (const r of ruleRows) {
      if (r.expectedPrecision === undefined) unknown += r.hits;
      else {
        known += r.hits;
        weighted += r.hits * r.expectedPrecision;
      }
    }
    const open = [...convs].filter(([, c]) => c.verdict !== 'clear');
    const sample = open
      .map(([conversationId, c]) => ({ conversationId, verdict: c.verdict as Exclude<Verdict, 'clear'>, messages: c.messages, rules: [...c.rules].sort(), alreadyFlagged: c.before }))
      .sort((a, b) => Number(a.alreadyFlagged) - Number(b.alreadyFlagged) || rank[b.verdict] - rank[a.verdict] || a.conversationId.localeCompare(b.conversationId))
      .slice(0, sampleSize);
    return {
      version: target.info.version,
      since: report.since,
      until: report.until,
      scanned: report.scanned,
      conversations: report.conversations,
      wouldOpen: open.length,
      currentlyOpen: [...convs.values()].filter((c) => c.before).length,
      newlyOpened: open.filter(([, c]) => !c.before).length,
      noLongerOpened: [...convs.values()].filter((c) => c.before && c.verdict === 'clear').length,
      historicalFlagged,
      sample,
      rules: ruleRows,
      expectedPrecision: known === 0 ? undefined : Math.round((weighted / known) * 10000) / 10000,
      unknownShare: known + unknown === 0 ? 0 : Math.round((unknown / (known + unknown)) * 10000) / 10000,
      unknownRules: ruleRows.filter((r) => r.expectedPrecision === undefined).map((r) => r.ruleId),
    };
  }

  return { replay };
}

export type Replay = ReturnType<typeof createReplay>;
