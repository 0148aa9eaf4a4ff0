import type { Command } from 'commander';
import { checkRuleSet, type RuleSetCheck } from '../detection';
import { CliError } from './backend';
import { readRuleSetFile } from './rule-file';
import type { CliHost, CommandInstaller } from './program';

/** The report of a replay, as `POST /v1/rule-sets/:version/replay` answers it (snake_case). */
export interface ReplayReportView {
  readonly version: string;
  readonly since: string;
  readonly until: string | null;
  readonly scanned: number;
  readonly conversations: number;
  readonly would_open: number;
  readonly currently_open: number;
  readonly newly_opened: number;
  readonly no_longer_opened: number;
  readonly historical_flagged: number;
  readonly sample: readonly { conversation_id: string; verdict: string; messages: number; rules: readonly string[]; already_flagged: boolean }[];
  readonly rules: readonly { rule_id: string; hits: number; messages: number; stored_hits: number; stored_messages: number; decided: number; expected_precision: number | null }[];
  readonly expected_precision: number | null;
  readonly unknown_share: number;
  readonly unknown_rules: readonly string[];
}

export interface ReplayRunOptions {
  readonly version: string;
  readonly since: string;
  readonly until: string | undefined;
  readonly sample: number;
  readonly say: (line: string) => void;
}

export interface RulesCommandDeps {
  /** Runs the replay in this process, or through the running server that holds the embedded database. src/app wires it. */
  readonly replay: (opts: ReplayRunOptions) => Promise<ReplayReportView>;
}

const pct = (x: number | null): string => (x === null ? 'unknown' : `${(x * 100).toFixed(1)} %`);

/** The replay report as lines for a terminal. */
export function formatReplayReport(r: ReplayReportView): string[] {
  const lines: string[] = [];
  lines.push(`replayed rule set ${r.version} over ${r.scanned} messages in ${r.conversations} conversations (${r.since} … ${r.until ?? 'now'}); nothing stored`);
  lines.push(`would open review: ${r.would_open} conversations (today: ${r.currently_open}; new: ${r.newly_opened}; no longer: ${r.no_longer_opened})`);
  if (r.historical_flagged > 0) lines.push(`historical messages flagged (never enforced): ${r.historical_flagged}`);
  lines.push(`expected precision: ${pct(r.expected_precision)} (from past decisions; ${(r.unknown_share * 100).toFixed(1)} % of hits from rules without history)`);
  if (r.rules.length > 0) {
    lines.push('rules (hits now / stored, expected precision from decisions):');
    for (const x of r.rules) lines.push(`  ${x.rule_id}  ${x.hits} / ${x.stored_hits}  ${pct(x.expected_precision)}${x.decided > 0 ? ` (${x.decided} decisions)` : ''}`);
  }
  if (r.sample.length > 0) {
    lines.push(`conversations it would send to review (${r.sample.length}):`);
    for (const c of r.sample) lines.push(`  ${c.conversation_id} ${c.verdict} ${c.messages} message(s) [${c.rules.join(', ')}]${c.already_flagged ? '' : ' new'}`);
  }
  return lines;
}

/** `assay rules check --json`: the shape of `GET /v1/rule-sets/:version/check`. */
export function ruleSetCheckView(c: RuleSetCheck) {
  return { version: c.version, phrase_rules: c.phraseRules, patterns: c.patterns, trigger_words: c.triggerWords, warnings: c.warnings.map((w) => ({ field: w.path || '/', reason: w.message })) };
}

/** `assay rules check FILE [--strict] [--json]` and `assay rules replay VERSION --since DATE [--until DATE] [--sample N] [--json]`. */
export function rulesCommand(deps: RulesCommandDeps): CommandInstaller {
  return (program: Command, host: CliHost) => {
    const rules = program.command('rules').description('detection rule governance');
    rules
      .command('check')
      .description("validate a rule-set file without storing it: errors (exit 2), then the holes it may have (triggers never read, patterns their triggers cannot wake), as POST /v1/rule-sets reports them")
      .argument('<file>', 'the rule set (JSON)')
      .option('--strict', 'exit 1 when there is a warning')
      .option('--json', 'print the report as JSON')
      .action((file: string, o: { strict?: boolean; json?: boolean }) => {
        const report = ruleSetCheckView(checkRuleSet(readRuleSetFile(file)));
        const n = report.warnings.length;
        if (o.json === true) host.out.write(`${JSON.stringify(report)}\n`);
        else {
          host.out.write(`${file}: rule set ${report.version} is valid: ${report.phrase_rules} phrase rules, ${report.patterns} patterns, ${report.trigger_words} trigger words; ${n} warning${n === 1 ? '' : 's'}\n`);
          for (const w of report.warnings) host.out.write(`warning: ${w.field} ${w.reason}\n`);
        }
        if (o.strict === true && n > 0) throw new CliError(`${file}: ${n} warning${n === 1 ? '' : 's'} (--strict)`, 1);
      });
    rules
      .command('replay')
      .description('replay a rule-set version over stored messages (nothing stored): conversations it would send to review, firings per rule, expected precision')
      .argument('<version>', 'a stored version, or builtin')
      .requiredOption('--since <date>', 'first day (UTC) or time with zone of the messages to replay, e.g. 2026-10-01')
      .option('--until <date>', 'last day (included) or time (excluded); default: now')
      .option('--sample <n>', 'how many conversations to list', '20')
      .option('--json', 'print the report as JSON (the shape of POST /v1/rule-sets/:version/replay)')
      .action(async (version: string, o: { since: string; until?: string; sample: string; json?: boolean }) => {
        const sample = Number(o.sample);
        if (!Number.isInteger(sample) || sample < 0 || sample > 500) throw new CliError(`--sample must be a whole number from 0 to 500, got '${o.sample}'`, 2);
        const report = await deps.replay({ version, since: o.since, until: o.until, sample, say: (line) => host.err.write(`${line}\n`) });
        if (o.json === true) host.out.write(`${JSON.stringify(report)}\n`);
        else for (const line of formatReplayReport(report)) host.out.write(`${line}\n`);
      });
  };
}
