import type { Command } from 'commander';
import { CliError } from './backend';
import type { CliHost, CommandInstaller } from './program';

type VerdictName = 'clear' | 'review' | 'violation';

/** The report of a re-scan, as `POST /v1/rescans` answers it (snake_case). */
export interface RescanReportView {
  readonly id: string;
  readonly rule_set_version: string;
  readonly since: string;
  readonly until: string | null;
  readonly dry_run: boolean;
  readonly enforcement_cutoff: string;
  readonly conversations: number;
  readonly scanned: number;
  readonly changed: number;
  readonly changed_historical: number;
  readonly to_write: number;
  readonly written: number;
  readonly previous_versions: readonly { version: string; messages: number }[];
  readonly transitions: readonly { from: VerdictName | 'unscanned'; to: VerdictName; messages: number }[];
  readonly kinds: readonly { kind: string; added: number; removed: number }[];
  readonly sample: readonly { id: string; conversation_id: string; sent_at: string; from: string; to: string; historical: boolean; kinds_added: readonly string[]; kinds_removed: readonly string[] }[];
}

export interface RescanRunOptions {
  readonly since: string;
  readonly until: string | undefined;
  readonly dryRun: boolean;
  readonly sample: number;
  /** Progress lines (messages scanned so far), when the re-scan runs in this process. */
  readonly onProgress: (scanned: number) => void;
  /** Where it ran, for the summary line ("PGlite ./data/pglite", "the server at http://…"). */
  readonly say: (line: string) => void;
}

export interface RescanCommandDeps {
  /**
   * Runs the re-scan: in this process on DATABASE_URL or an embedded database no server holds,
   * else through the running server (`POST /v1/rescans`). src/app wires it.
   */
  readonly rescan: (opts: RescanRunOptions) => Promise<RescanReportView>;
}

/** The report as lines for a terminal. */
export function formatRescanReport(r: RescanReportView): string[] {
  const lines: string[] = [];
  const range = `${r.since} … ${r.until ?? 'now'}`;
  lines.push(`${r.dry_run ? 'dry run: ' : ''}re-scanned ${r.scanned} messages in ${r.conversations} conversations (${range}) with rule set ${r.rule_set_version}`);
  lines.push(`previous versions: ${r.previous_versions.length === 0 ? '–' : r.previous_versions.map((v) => `${v.version} ${v.messages}`).join(', ')}`);
  lines.push(`changed: ${r.changed} (${r.changed_historical} historical, older than ${r.enforcement_cutoff}: stored historical, never enforced)`);
  lines.push(r.dry_run ? `would write: ${r.to_write} rows (nothing stored: dry run)` : `written: ${r.written} rows`);
  lines.push(`verdict transitions: ${r.transitions.length === 0 ? 'none' : r.transitions.map((t) => `${t.from}→${t.to} ${t.messages}`).join(', ')}`);
  lines.push(`hits per kind: ${r.kinds.length === 0 ? 'no change' : r.kinds.map((k) => `${k.kind} +${k.added}/-${k.removed}`).join(', ')}`);
  if (r.sample.length > 0) {
    lines.push(`sample of changed messages (${r.sample.length}):`);
    for (const s of r.sample) {
      const kinds = [...s.kinds_added.map((k) => `+${k}`), ...s.kinds_removed.map((k) => `-${k}`)].join(' ');
      lines.push(`  ${s.id} (conversation ${s.conversation_id}, ${s.sent_at}) ${s.from}→${s.to}${kinds === '' ? '' : ` ${kinds}`}${s.historical ? ' historical' : ''}`);
    }
  }
  return lines;
}

/** `assay rescan --since DATE [--until DATE] [--dry-run] [--sample N] [--json]`. */
export function rescanCommand(deps: RescanCommandDeps): CommandInstaller {
  return (program: Command, host: CliHost) => {
    program
      .command('rescan')
      .description('re-scan stored messages with the active rule-set version, report what changed and (unless --dry-run) store the new results')
      .requiredOption('--since <date>', 'first day (UTC) or time with zone of the messages to re-scan, e.g. 2026-10-01')
      .option('--until <date>', 'last day (included) or time (excluded); default: now')
      .option('--dry-run', 'report what would change; store nothing')
      .option('--sample <n>', 'how many changed messages to list', '20')
      .option('--json', 'print the report as JSON (the shape of POST /v1/rescans)')
      .action(async (o: { since: string; until?: string; dryRun?: boolean; sample: string; json?: boolean }) => {
        const sample = Number(o.sample);
        if (!Number.isInteger(sample) || sample < 0 || sample > 1000) throw new CliError(`--sample must be a whole number from 0 to 1000, got '${o.sample}'`, 2);
        let lastLine = 0;
        const report = await deps.rescan({
          since: o.since,
          until: o.until,
          dryRun: o.dryRun === true,
          sample,
          onProgress: (scanned) => {
            const now = Date.now();
            if (now - lastLine < 2000) return;
            lastLine = now;
            host.err.write(`rescan: ${scanned} messages scanned\n`);
          },
          say: (line) => host.err.write(`${line}\n`),
        });
        if (o.json === true) host.out.write(`${JSON.stringify(report)}\n`);
        else for (const line of formatRescanReport(report)) host.out.write(`${line}\n`);
      });
  };
}
