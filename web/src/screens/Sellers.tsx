import { useState } from 'react';
import { Badge, Button, Empty, LoadMore, PageHeader, QueryBody, SelectField, TextField } from '../components';
import { formatDateTime, humanize } from '../lib/format';
import { useCursorPages } from '../lib/queries';
import { Link, navigate, useSearchParams } from '../lib/router';
import { useTitle } from '../lib/title';
import type { SellerDto } from '../types';

export const STATUS_TONE: Record<string, 'success' | 'warning' | 'neutral'> = { active: 'success', suspended: 'warning', closed: 'neutral' };

export function rate(bps: number | null): string {
  return bps === null ? '—' : `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`;
}

/** Local time at the seller, so a reviewer knows whether the dealer is awake. */
export function localTime(tz: string | null): string | null {
  if (tz === null) return null;
  try {
    return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: tz, timeZoneName: 'short' }).format(new Date());
  } catch {
    return null;
  }
}

export function SellersScreen() {
  useTitle('Sellers');
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const status = params.get('status') ?? '';
  const tier = params.get('tier') ?? '';
  const [goto, setGoto] = useState('');
  const list = useCursorPages<SellerDto>(['sellers', country, status, tier], '/v1/sellers', (cursor) => ({ country, status, tier, cursor, limit: 50 }));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Sellers"
        subtitle="Dealers on the marketplace, as last synced."
        actions={
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (goto.trim() !== '') navigate(`/sellers/${encodeURIComponent(goto.trim())}`);
            }}
          >
            <label htmlFor="seller-goto" className="visually-hidden">
              Open a seller by id
            </label>
            <input id="seller-goto" className="input" placeholder="Seller id" value={goto} onChange={(e) => setGoto(e.target.value)} style={{ width: 200 }} />
            <Button type="submit">Open</Button>
          </form>
        }
      />
      <div className="card card-flush">
        <div className="filters" role="search" aria-label="Filter sellers">
          <TextField label="Country" placeholder="e.g. FR" maxLength={2} value={country} onChange={(e) => setParams({ country: e.target.value.toUpperCase() }, { replace: true })} style={{ width: 90 }} />
          <SelectField label="Status" value={status} onChange={(e) => setParams({ status: e.target.value }, { replace: true })}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
            <option value="closed">Closed</option>
          </SelectField>
          <TextField label="Tier" placeholder="Any tier" value={tier} onChange={(e) => setParams({ tier: e.target.value }, { replace: true })} style={{ width: 140 }} />
        </div>
        <QueryBody query={list} isEmpty={() => rows.length === 0} empty={<Empty title="No sellers match" />}>
          {() => (
            <div className="table-wrap">
              <table className="table table-clickable">
                <thead>
                  <tr>
                    <th scope="col">Seller</th>
                    <th scope="col">Country</th>
                    <th scope="col">Tier</th>
                    <th scope="col" className="num">
                      Commission
                    </th>
                    <th scope="col">Languages</th>
                    <th scope="col">Status</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.id} onClick={() => navigate(`/sellers/${encodeURIComponent(s.id)}`)}>
                      <td className="title-cell">
                        <Link to={`/sellers/${encodeURIComponent(s.id)}`} onClick={(e) => e.stopPropagation()}>
                          {s.name ?? s.id}
                        </Link>{' '}
                        <span className="mono faint">{s.id}</span>
                      </td>
                      <td>{s.country ?? '—'}</td>
                      <td>{humanize(s.tier)}</td>
                      <td className="num">{rate(s.commission_rate_bps)}</td>
                      <td className="muted">{s.languages.join(', ') || '—'}</td>
                      <td>
                        <Badge tone={STATUS_TONE[s.status] ?? 'neutral'}>{humanize(s.status)}</Badge>
                      </td>
                      <td className="muted nowrap">{formatDateTime(s.source_updated_at ?? s.updated_at)}</td>
                    </tr>
                  ))}
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
