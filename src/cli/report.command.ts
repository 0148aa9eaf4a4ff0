import type { Command } from 'commander';
import { CliError } from './backend';
import type { CliHost, CommandInstaller } from './program';

/** One ranked seller as `GET /v1/analytics/off-platform/sellers` returns it (the fields the report prints). */
export interface OffPlatformSellerView {
  readonly seller_id: string;
  readonly rank: number;
  readonly name: string | null;
  readonly country: string | null;
  readonly category: string | null;
  readonly peer_group: { level: string; size: number };
  readonly conversations: number;
  readonly converted: number;
  readonly contact_conversations: number;
  readonly vanished_listings: number;
  readonly conversion: { rate: number; percentile: number; z: number };
  readonly contact_share: { rate: number; percentile: number; z: number };
  readonly vanished_rate: { rate: number; percentile: number; z: number };
  readonly risk_score: number;
  readonly candidate: boolean;
}

export interface OffPlatformReportView {
  readonly refresh: { refreshed_at: string; window_from: string; window_to: string; duration_ms: number; facts_updated: number } | null;
  readonly items: readonly OffPlatformSellerView[];
}

export interface ReportCommandDeps {
  /** Refreshes (unless told not to) and reads the first `limit` ranked sellers: in this process, or through the running server. src/app wires it. */
  readonly offPlatform: (opts: { limit: number; refresh: boolean; say: (line: string) => void }) => Promise<OffPlatformReportView>;
}

const FORMATS = ['table', 'csv', 'json'] as const;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fixed = (x: number) => x.toFixed(2);

const COLUMNS: readonly [string, (s: OffPlatformSellerView) => string][] = [
  ['rank', (s) => String(s.rank)],
  ['seller_id', (s) => s.seller_id],
  ['name', (s) => s.name ?? ''],
  ['country', (s) => s.country ?? ''],
  ['category', (s) => s.category ?? ''],
  ['conversations', (s) => String(s.conversations)],
  ['conversion', (s) => pct(s.conversion.rate)],
  ['conversion_pctile', (s) => s.conversion.percentile.toFixed(0)],
  ['conversion_z', (s) => fixed(s.conversion.z)],
  ['contact_share', (s) => pct(s.contact_share.rate)],
  ['contact_pctile', (s) => s.contact_share.percentile.toFixed(0)],
  ['contact_z', (s) => fixed(s.contact_share.z)],
  ['vanished', (s) => `${s.vanished_listings}/${s.contact_conversations}`],
  ['vanished_pctile', (s) => s.vanished_rate.percentile.toFixed(0)],
  ['vanished_z', (s) => fixed(s.vanished_rate.z)],
  ['peers', (s) => `${s.peer_group.level}:${s.peer_group.size}`],
  ['risk', (s) => fixed(s.risk_score)],
  ['candidate', (s) => (s.candidate ? 'yes' : 'no')],
];

function csvField(v: string): string {
  // a leading = + - @ would be a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as CSV (header + one line per seller). */
export function formatReportCsv(r: OffPlatformReportView): string[] {
  return [COLUMNS.map(([h]) => h).join(','), ...r.items.map((s) => COLUMNS.map(([, f]) => csvField(f(s))).join(','))];
}

/** The report as an aligned table for a terminal. */
export function formatReportTable(r: OffPlatformReportView): string[] {
  const rows = [COLUMNS.map(([h]) => h), ...r.items.map((s) => COLUMNS.map(([, f]) => f(s)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const head = r.refresh === null ? 'no refresh yet' : `as of ${r.refresh.refreshed_at} (conversations since ${r.refresh.window_from}; refresh took ${r.refresh.duration_ms} ms)`;
  return [`off-platform report ${head}`, ...rows.map((row) => row.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd())];
}

/** `assay report off-platform [--format csv|json|table] [--limit N] [--no-refresh]`. */
export function reportCommand(deps: ReportCommandDeps): CommandInstaller {
  return (program: Command, host: CliHost) => {
    const report = program.command('report').description('analytics reports');
    report
      .command('off-platform')
      .description('sellers ranked by off-platform risk: conversion, contact-exchange share and listings vanishing after an exchange, against their peers')
      .option('--format <format>', 'table, csv or json', 'table')
      .option('--limit <n>', 'how many sellers (1 to 500)', '50')
      .option('--no-refresh', 'print the last refresh as it is')
      .action(async (o: { format: string; limit: string; refresh: boolean }) => {
        if (!(FORMATS as readonly string[]).includes(o.format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got '${o.format}'`, 2);
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit must be a whole number from 1 to 500, got '${o.limit}'`, 2);
        const r = await deps.offPlatform({ limit, refresh: o.refresh, say: (line) => host.err.write(`${line}\n`) });
        const lines = o.format === 'json' ? [JSON.stringify(r)] : o.format === 'csv' ? formatReportCsv(r) : formatReportTable(r);
        for (const line of lines) host.out.write(`${line}\n`);
      });
  };
}
