import tldList from 'tlds/index.json' with { type: 'json' };

/** IANA root-zone TLDs (the `tlds` package tracks the IANA list), ASCII ones only. */
export const TLDS: ReadonlySet<string> = new Set((tldList as string[]).filter((t) => /^[a-z]+$/.test(t)));

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name of at least two labels whose last label is a real TLD. */
export function isValidHost(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) if (!LABEL.test(l)) return false;
  return TLDS.has(labels[labels.length - 1]!);
}

export function hostMatches(host: string, domains: readonly string[]): boolean {
  for (const d of domains) if (host === d || host.endsWith('.' + d)) return true;
  return false;
}
