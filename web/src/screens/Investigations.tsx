import { Badge, LoadMore, PageHeader, QueryBody, SelectField } from '../components';
import { formatDateTime, formatDuration } from '../lib/format';
import { dismissLabel, signalLabel, type InvestigationListItemDto } from '../lib/investigations';
import { shortId, useCursorPages } from '../lib/queries';
import { Link, useSearchParams } from '../lib/router';
import { useTitle } from '../lib/title';

/** A 0..1 score as a bar with its value; red from 0.8, amber from 0.6. */
export function ScoreBar({ score }: { score: number }) {
  const pct = Math.round(Math.min(Math.max(score, 0), 1) * 100);
  const tone = score >= 0.8 ? 'high' : score >= 0.6 ? 'mid' : 'low';
  return (
    <span className="score" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={`Score ${score.toFixed(2)}`}>
      <span className="score-track" aria-hidden="true">
        <span className={`score-fill score-${tone}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="score-value">{score.toFixed(2)}</span>
    </span>
  );
}

function age(iso: string): string {
  return formatDuration(Math.max(0, (Date.now() - Date.parse(iso)) / 1000));
}

/** Suspected off-platform sales, highest score first: what a senior works through. */
export function InvestigationsScreen() {
  useTitle('Investigations');
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'open';
  const open = state === 'open' ? true : state === 'closed' ? false : undefined;
  const list = useCursorPages<InvestigationListItemDto>(['investigations', state], '/v1/investigations', (cursor) => ({ open, cursor, limit: 50 }));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page">
      <PageHeader title="Investigations" subtitle="Conversations whose signals suggest a sale taken off the platform, highest score first." />
      <div className="card card-flush">
        <div className="filters" role="search" aria-label="Filter investigations">
          <SelectField label="Show" value={state} onChange={(e) => setParams({ state: e.target.value === 'open' ? undefined : e.target.value }, { replace: true })}>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </SelectField>
        </div>
        <QueryBody query={list} isEmpty={() => rows.length === 0} empty={<p className="card-body muted">No {state === 'all' ? '' : state} investigations.</p>} loadingLabel="Loading investigations…">
          {() => (
            <div className="table-wrap">
              <table className="table inv-table">
                <thead>
                  <tr>
                    <th scope="col">Score</th>
                    <th scope="col">Top signals</th>
                    <th scope="col">Seller</th>
                    <th scope="col">Listing</th>
                    <th scope="col">Opened</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((i) => {
                    const top = [...i.signals].filter((s) => s.contribution > 0).sort((a, b) => b.contribution - a.contribution).slice(0, 3);
                    const seller = i.seller_name ?? undefined;
                    const listing = i.listing_title ?? undefined;
                    return (
                      <tr key={i.case_id}>
                        <td>
                          <Link to={`/investigations/${encodeURIComponent(i.case_id)}`} className="inv-open" aria-label={`Open the investigation of ${seller ?? i.seller_id}${listing !== undefined ? `, ${listing}` : ''}`}>
                            <ScoreBar score={i.score} />
                          </Link>
                        </td>
                        <td>
                          <ul className="signal-chips">
                            {top.map((s) => (
                              <li key={s.name} title={s.explanation}>
                                {signalLabel(s.name)} <span className="faint">+{s.contribution.toFixed(2)}</span>
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td>
                          <Link to={`/sellers/${encodeURIComponent(i.seller_id)}`}>{seller ?? <span className="mono">{i.seller_id}</span>}</Link>
                        </td>
                        <td>
                          {i.listing_id === null ? (
                            <span className="faint">—</span>
                          ) : (
                            <Link to={`/listings/${encodeURIComponent(i.listing_id)}`} className="clamp-1">
                              {listing ?? <span className="mono">{shortId(i.listing_id)}</span>}
                            </Link>
                          )}
                        </td>
                        <td className="nowrap" title={formatDateTime(i.opened_at)}>
                          {age(i.opened_at)} ago
                        </td>
                        <td>
                          {i.open ? (
                            <Badge tone="warning">Open</Badge>
                          ) : i.outcome === 'confirmed' ? (
                            <Badge tone="danger">Confirmed</Badge>
                          ) : (
                            <Badge tone="neutral">{i.outcome === 'dismissed' ? `Dismissed · ${dismissLabel(i.dismiss_reason)}` : 'Closed'}</Badge>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
        <LoadMore pages={list}>{rows.length} shown</LoadMore>
      </div>
    </div>
  );
}
