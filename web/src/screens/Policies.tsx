import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Empty, ErrorBanner, Kbd, Loading, PageHeader } from '../components';
import { api } from '../lib/api';
import { formatDate } from '../lib/format';
import { useHotkeys } from '../lib/hotkeys';
import { Link, navigate, useLocation } from '../lib/router';
import { useTitle } from '../lib/title';
import type { ClauseHitDto, PolicyDocumentDto, PolicySummaryDto, PolicyVersionStatus } from '../types';

const STATUS: Record<PolicyVersionStatus, { label: string; tone: 'success' | 'neutral' | 'warning' }> = {
  in_force: { label: 'In force', tone: 'success' },
  superseded: { label: 'Superseded', tone: 'neutral' },
  scheduled: { label: 'Scheduled', tone: 'warning' },
};

function policyHref(slug: string, version?: number, clause?: string): string {
  const p = new URLSearchParams();
  if (version !== undefined) p.set('version', String(version));
  if (clause !== undefined) p.set('clause', clause);
  const qs = p.toString();
  return `/policies/${encodeURIComponent(slug)}${qs === '' ? '' : `?${qs}`}`;
}

/** The policy knowledge base: documents, their versions and clauses, and clause search. */
export function PoliciesScreen({ params }: { params: Record<string, string> }) {
  const { search } = useLocation();
  const list = useQuery({ queryKey: ['policies'], queryFn: ({ signal }) => api.get<{ items: PolicySummaryDto[] }>('/v1/policies', { signal }), select: (d) => d.items, staleTime: 5 * 60_000 });
  const slug = params['slug'] ?? list.data?.[0]?.slug;
  const versionParam = search.get('version');
  const clauseParam = search.get('clause') ?? undefined;
  const [q, setQ] = useState(search.get('q') ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys({ '/': () => searchRef.current?.focus() });
  useTitle('Policies');

  const summary = list.data?.find((p) => p.slug === slug);
  const doc = useQuery({
    queryKey: ['policy', slug, versionParam],
    enabled: slug !== undefined,
    queryFn: ({ signal }) => api.get<PolicyDocumentDto>(`/v1/policies/${encodeURIComponent(slug!)}`, { query: { version: versionParam ?? undefined }, signal }),
    staleTime: 5 * 60_000,
  });

  return (
    <div className="page">
      <PageHeader title="Policies" subtitle="The marketplace policies reviewers cite and sellers read: every version, every clause, searchable." />
      <div className="policy-grid">
        <div className="stack">
          <ClauseSearch q={q} setQ={setQ} inputRef={searchRef} activeClause={clauseParam} />
          {q.trim() === '' && (
            <section className="card card-flush" aria-labelledby="docs-h">
              <div className="card-header">
                <h2 id="docs-h">Documents</h2>
              </div>
              {list.isPending ? (
                <Loading />
              ) : list.isError ? (
                <div className="card-body">
                  <ErrorBanner error={list.error} />
                </div>
              ) : list.data.length === 0 ? (
                <Empty title="No policy published yet" />
              ) : (
                <nav aria-label="Policy documents">
                  <ul className="doc-list">
                    {list.data.map((p) => (
                      <li key={p.slug}>
                        <Link to={policyHref(p.slug)} aria-current={p.slug === slug ? 'page' : undefined} className="doc-link">
                          <span className="doc-title">{p.title}</span>
                          <span className="doc-meta">
                            {p.current_version === null ? 'Not yet in force' : `Version ${p.current_version} in force`}
                            {p.latest_version !== p.current_version && ` · v${p.latest_version} scheduled`}
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
            </section>
          )}
        </div>
        <div>
          {slug === undefined ? null : doc.isPending ? (
            <Loading label="Loading the policy…" />
          ) : doc.isError ? (
            <ErrorBanner error={doc.error} />
          ) : (
            <PolicyDocument doc={doc.data} summary={summary} activeClause={clauseParam} />
          )}
        </div>
      </div>
    </div>
  );
}

function ClauseSearch({ q, setQ, inputRef, activeClause }: { q: string; setQ: (q: string) => void; inputRef: React.RefObject<HTMLInputElement | null>; activeClause: string | undefined }) {
  const id = useId();
  const [debounced, setDebounced] = useState(q.trim());
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(q.trim()), 150);
    return () => window.clearTimeout(t);
  }, [q]);
  const hits = useQuery({
    queryKey: ['policy-clauses', debounced],
    enabled: debounced !== '',
    queryFn: ({ signal }) => api.get<{ items: ClauseHitDto[] }>('/v1/policy-clauses', { query: { q: debounced, limit: 20 }, signal }),
    placeholderData: (prev) => prev,
  });
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <div className="card-body">
        <h2 id={`${id}-h`} className="visually-hidden">
          Search clauses
        </h2>
        <div className="field" style={{ marginBottom: 0 }}>
          <label htmlFor={id}>
            Search clauses <Kbd>/</Kbd>
          </label>
          <input
            id={id}
            ref={inputRef}
            data-page-search=""
            type="search"
            className="input"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="TP-2.1, “phone number”, “commission”…"
            maxLength={200}
            autoComplete="off"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQ('');
            }}
          />
        </div>
      </div>
      {debounced !== '' && (
        <div className="search-results" aria-live="polite">
          {hits.isPending ? (
            <Loading label="Searching…" />
          ) : hits.isError ? (
            <div className="card-body">
              <ErrorBanner error={hits.error} />
            </div>
          ) : hits.data.items.length === 0 ? (
            <p className="card-body muted">No clause in force matches “{debounced}”.</p>
          ) : (
            <ul className="clause-results" aria-label={`${hits.data.items.length} clauses found`}>
              {hits.data.items.map((h) => (
                <li key={`${h.clause.policy_slug}-${h.clause.clause_id}`}>
                  <Link to={policyHref(h.clause.policy_slug, undefined, h.clause.clause_id)} className={`clause-result${activeClause === h.clause.clause_id ? ' active' : ''}`}>
                    <span className="clause-option-head">
                      <span className="clause-id">{h.clause.clause_id}</span>
                      <span className="clause-title">{h.clause.title}</span>
                    </span>
                    <span className="clause-snippet">{h.snippet}</span>
                    <span className="faint small">
                      {h.clause.policy_title} · v{h.clause.version}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function PolicyDocument({ doc, summary, activeClause }: { doc: PolicyDocumentDto; summary: PolicySummaryDto | undefined; activeClause: string | undefined }) {
  const status = STATUS[doc.status];
  const versionId = useId();
  useEffect(() => {
    if (activeClause === undefined) return;
    const el = document.getElementById(`clause-${activeClause}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [activeClause, doc]);
  // Clauses grouped by their section (TP-2.1 → section 2).
  const sections = new Map<string, typeof doc.clauses>();
  for (const c of doc.clauses) {
    const key = c.number.split('.')[0] ?? c.number;
    sections.set(key, [...(sections.get(key) ?? []), c]);
  }
  return (
    <article className="card policy-doc" aria-labelledby="doc-h">
      <header className="policy-head">
        <div className="row row-wrap">
          <h2 id="doc-h" className="policy-title">
            {doc.title}
          </h2>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        <p className="muted small">
          Version {doc.version} · effective {formatDate(doc.effective_from)} · published {formatDate(doc.published_at)} · {doc.clause_count} clauses
        </p>
        {doc.summary !== '' && <p className="policy-summary">{doc.summary}</p>}
        {summary !== undefined && summary.versions.length > 1 && (
          <div className="row" style={{ marginTop: 10 }}>
            <label htmlFor={versionId} className="small muted">
              Version
            </label>
            <select id={versionId} className="input select version-select" value={doc.version} onChange={(e) => navigate(policyHref(doc.slug, Number(e.target.value)))}>
              {summary.versions.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version} · {STATUS[v.status].label} · from {formatDate(v.effective_from)}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      <div className="policy-body">
        {[...sections].map(([key, clauses]) => (
          <section key={key} className="policy-section" aria-label={`Section ${key}`}>
            {clauses.map((c) => (
              <div key={c.clause_id} id={`clause-${c.clause_id}`} tabIndex={-1} className={`clause${activeClause === c.clause_id ? ' clause-active' : ''}`}>
                <div className="clause-head">
                  <span className="clause-id">{c.clause_id}</span>
                  <h3>{c.title}</h3>
                </div>
                <p className="clause-text">{c.text}</p>
              </div>
            ))}
          </section>
        ))}
      </div>
    </article>
  );
}
