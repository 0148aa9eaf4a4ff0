import tldList from 'tlds/index.json' with { type: 'json' };

/** IANA root-zone TLDs (the `tlds` package tracks the IANA list), ASCII ones only. */
export const TLDS: ReadonlySet<string> = new Set((tldList as string[]).filter((t) => /^[a-z]+$/.test(t)));

const isLabelEdge = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** A host name of at least two labels (a–z, 0–9, inner '-', 1–63 long) whose last label is a real TLD. */
export function isValidHost(host: string): boolean {
  const n = host.length;
  if (n > 253) return false;
  const lastDot = host.lastIndexOf('.');
  if (lastDot < 0 || !TLDS.has(host.slice(lastDot + 1))) return false;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && host.charCodeAt(i) !== 46) continue;
    const len = i - start;
    if (len < 1 || len > 63 || !isLabelEdge(host.charCodeAt(start)) || !isLabelEdge(host.charCodeAt(i - 1))) return false;
    for (let k = start + 1; k < i - 1; k++) {
      const c = host.charCodeAt(k);
      if (!isLabelEdge(c) && c !== 45) return false;
    }
    start = i + 1;
  }
  return true;
}

const domainSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The host is one of the domains or a subdomain of one ("fr.wikipedia.org" of "wikipedia.org"). */
export function hostMatches(host: string, domains: readonly string[] | ReadonlySet<string>): boolean {
  let set: ReadonlySet<string> | undefined;
  if (Array.isArray(domains)) {
    set = domainSets.get(domains);
    if (set === undefined) domainSets.set(domains, (set = new Set(domains)));
  } else set = domains as ReadonlySet<string>;
  if (set.has(host)) return true;
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) if (set.has(host.slice(i + 1))) return true;
  return false;
}
