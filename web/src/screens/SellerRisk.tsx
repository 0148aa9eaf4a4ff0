import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, ErrorBanner, QueryBody } from '../components';
import { api } from '../lib/api';
import { MIN_CONVERSATIONS, PEER_LEVEL_LABEL, riskLevel, useSellerRisk, type MetricDto, type RiskRefreshDto, type SellerRiskDto } from '../lib/analytics';
import { formatDateTime, formatNumber, formatPercent, humanize, secondsUntil } from '../lib/format';

/*
 * A seller's off-platform risk against its peers (same main category and country), from the last
 * refresh of the off-platform report: the full panel on the seller's profile, one line in review.
 */

/** A report older than this is shown with a warning: recent conversations are missing from it. */
const STALE_DAYS = 7;

interface Measure {
  readonly key: 'vanished_rate' | 'contact_share' | 'conversion';
  readonly label: string;
  readonly hint: string;
  /** Which side of the peers is the worrying one. */
  readonly worse: 'high' | 'low';
  readonly counts: (s: SellerRiskDto) => string;
  /** What the rate is a share of; with none there is no rate to place. */
  readonly trials: (s: SellerRiskDto) => number;
  readonly noTrials: string;
}

const MEASURES: readonly Measure[] = [
  {
    key: 'vanished_rate',
    label: 'Listings vanished after contact',
    hint: 'Of the conversations with contact details exchanged, those whose listing was sold, removed or put on hold soon after with no order between the two.',
    worse: 'high',
    counts: (s) => `${s.vanished_listings} of ${s.contact_conversations}`,
    trials: (s) => s.contact_conversations,
    noTrials: 'no contact exchange to judge',
  },
  {
    key: 'contact_share',
    label: 'Conversations with contact details',
    hint: 'Conversations in which a phone number, e-mail, website, handle or payment details changed hands.',
    worse: 'high',
    counts: (s) => `${s.contact_conversations} of ${s.conversations}`,
    trials: (s) => s.conversations,
    noTrials: 'no conversations',
  },
  {
    key: 'conversion',
    label: 'Conversations ending in an order',
    hint: 'Conversations after which the buyer ordered on the platform within 30 days. Sellers who take sales elsewhere convert less.',
    worse: 'low',
    counts: (s) => `${s.converted} of ${s.conversations}`,
    trials: (s) => s.conversations,
    noTrials: 'no conversations',
  },
];

const signed = (z: number) => `${z > 0 ? '+' : z < 0 ? '−' : ''}${Math.abs(z).toFixed(1)}`;

/** How far toward the worrying side a position is: 'high' from the 90th percentile, 'some' from the 75th. */
function concern(m: MetricDto, worse: 'high' | 'low'): 'high' | 'some' | 'none' {
  const p = worse === 'high' ? m.percentile : 100 - m.percentile;
  return p >= 90 ? 'high' : p >= 75 ? 'some' : 'none';
}

/** "above 92% of peers", "highest among peers": where the seller's rate stands (mid-rank percentile). */
function position(m: MetricDto): string {
  if (m.percentile >= 99.5) return 'highest among peers';
  if (m.percentile <= 0.5) return 'lowest among peers';
  const p = Math.round(m.percentile);
  return p >= 50 ? `above ${p}% of peers` : `below ${100 - p}% of peers`;
}

function peerGroup(s: SellerRiskDto): string {
  const what = s.category === null ? 'sellers' : `${humanize(s.category).toLowerCase()} sellers`;
  const where = s.peer_group.level === 'category_country' && s.country !== null ? ` in ${s.country}` : s.peer_group.level === 'all' ? '' : ' in every country';
  return s.peer_group.level === 'all' ? `all ${formatNumber(s.peer_group.size)} sellers` : `${formatNumber(s.peer_group.size)} ${what}${where}`;
}

function ageDays(r: RiskRefreshDto): number {
  return Math.max(0, -secondsUntil(r.refreshed_at) / 86_400);
}

/** The seller's percentile on a 0–100 track, the peers' median marked. */
function PercentileTrack({ m, worse }: { m: MetricDto; worse: 'high' | 'low' }) {
  const c = concern(m, worse);
  const x = 4 + (Math.min(Math.max(m.percentile, 0), 100) / 100) * 152;
  return (
    <svg className="peer-track" viewBox="0 0 160 18" aria-hidden="true">
      <rect x={4} y={7} width={152} height={4} rx={2} className="peer-track-bg" />
      <rect x={worse === 'high' ? 4 + 0.9 * 152 : 4} y={7} width={0.1 * 152} height={4} rx={2} className="peer-track-zone" />
      <line x1={80} x2={80} y1={3} y2={15} className="peer-track-median" />
      <circle cx={x} cy={9} r={5.5} className={`peer-dot peer-dot-${c}`} />
    </svg>
  );
}

/** Why there is nothing to compare, or a warning about what there is. */
function Notices({ s, refresh }: { s: SellerRiskDto; refresh: RiskRefreshDto | null }) {
  const old = refresh === null ? 0 : ageDays(refresh);
  return (
    <>
      {s.conversations < MIN_CONVERSATIONS && (
        <div className="banner banner-warning" role="note">
          <strong>Too little data to judge.</strong> Only {s.conversations} conversation{s.conversations === 1 ? '' : 's'} in the report's window (fewer than {MIN_CONVERSATIONS}): the rates below say little, and the ranking pulls them towards the peers'
          average.
        </div>
      )}
      {refresh !== null && old >= STALE_DAYS && (
        <div className="banner banner-warning" role="note">
          <strong>This report is {Math.floor(old)} days old.</strong> Conversations since {formatDateTime(refresh.refreshed_at)} are not in it.
        </div>
      )}
    </>
  );
}

function RefreshButton({ label = 'Refresh the report' }: { label?: string }) {
  const qc = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => api.post<RiskRefreshDto>('/v1/analytics/refresh', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['seller-risk'] }),
  });
  return (
    <>
      <Button size="sm" busy={refresh.isPending} onClick={() => refresh.mutate()}>
        {label}
      </Button>
      {refresh.isError && <ErrorBanner error={refresh.error} title="The report could not be refreshed" />}
    </>
  );
}

/** The profile's panel: risk score, peer group, and each rate against the peers. */
export function PeerRiskCard({ sellerId, canRefresh }: { sellerId: string; canRefresh: boolean }) {
  const risk = useSellerRisk(sellerId);
  const scored = risk.data?.kind === 'scored' ? risk.data.report : undefined;
  const level = scored === undefined ? undefined : riskLevel(scored.seller);
  return (
    <section className="card" aria-labelledby="peer-risk-h">
      <div className="card-header">
        <h2 id="peer-risk-h">Risk compared with peers</h2>
        {level !== undefined && <Badge tone={level.tone}>{level.label}</Badge>}
      </div>
      <QueryBody query={risk} isEmpty={() => false} empty={null} loadingLabel="Loading the off-platform report…">
        {(d) => {
          if (d.kind === 'never')
            return (
              <div className="card-body peer-empty">
                <p>
                  <strong>The off-platform report has not been refreshed yet</strong>, so there is nothing to compare this seller with.{' '}
                  {canRefresh ? 'Refreshing reads every conversation of the last 180 days; it takes a few seconds.' : 'A manager or an administrator refreshes it.'}
                </p>
                {canRefresh && <RefreshButton />}
              </div>
            );
          if (d.kind === 'absent')
            return (
              <div className="card-body peer-empty">
                <p>
                  <strong>Not in the last report.</strong> The report of {formatDateTime(d.refresh.refreshed_at)} covers conversations from {formatDateTime(d.refresh.window_from)}; this seller had none then, or
                  its first came later.
                </p>
                {canRefresh && <RefreshButton />}
              </div>
            );
          const { seller: s, refresh } = d.report;
          return (
            <div className="card-body peer-body">
              <Notices s={s} refresh={refresh} />
              <dl className="peer-summary">
                <div>
                  <dt>Risk score</dt>
                  <dd>
                    <strong className={s.candidate ? 'text-danger' : undefined}>{signed(s.risk_score)}</strong> <span className="muted">SD from peers</span>
                  </dd>
                </div>
                <div>
                  <dt>Rank</dt>
                  <dd>
                    <strong>{formatNumber(s.rank)}</strong> <span className="muted">of {formatNumber(refresh?.sellers ?? s.rank)} sellers</span>
                  </dd>
                </div>
                <div>
                  <dt>Peers</dt>
                  <dd>
                    <strong>{peerGroup(s)}</strong> <span className="muted">({PEER_LEVEL_LABEL[s.peer_group.level] ?? s.peer_group.level})</span>
                  </dd>
                </div>
                <div>
                  <dt>Conversations</dt>
                  <dd>
                    <strong>{formatNumber(s.conversations)}</strong> <span className="muted">in {refresh?.window_days ?? 180} days</span>
                  </dd>
                </div>
              </dl>
              <table className="table table-compact peer-table">
                <caption className="sr-only">
                  The seller's rates against its peers: where the rate stands among the peers (percentile) and its z-score (standard deviations from the peers' mean).
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col" className="num">
                      Seller
                    </th>
                    <th scope="col">Among peers</th>
                    <th scope="col" className="num">
                      z
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {MEASURES.map((m) => {
                    const v = s[m.key];
                    if (m.trials(s) === 0)
                      return (
                        <tr key={m.key}>
                          <th scope="row" title={m.hint}>
                            {m.label}
                            <span className="peer-counts">{m.counts(s)}</span>
                          </th>
                          <td className="num muted">—</td>
                          <td className="muted">{m.noTrials}</td>
                          <td className="num muted">—</td>
                        </tr>
                      );
                    const c = concern(v, m.worse);
                    return (
                      <tr key={m.key} className={c === 'high' ? 'peer-row-high' : undefined}>
                        <th scope="row" title={m.hint}>
                          {m.label}
                          <span className="peer-counts">{m.counts(s)}</span>
                        </th>
                        <td className="num">
                          <strong>{formatPercent(v.rate)}</strong>
                        </td>
                        <td>
                          <div className="peer-position">
                            <PercentileTrack m={v} worse={m.worse} />
                            <span className={c === 'high' ? 'text-danger' : c === 'some' ? 'peer-some' : 'muted'}>{position(v)}</span>
                          </div>
                        </td>
                        <td className="num">{signed(v.z)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="chart-note">
                {s.candidate
                  ? `Listed for investigation: ${s.vanished_listings} listing${s.vanished_listings === 1 ? '' : 's'} vanished after a contact exchange and the risk score is at least 0.5. `
                  : ''}
                The score weighs vanished listings most, then contact exchanges, then a low conversion. From the report of {refresh === null ? '—' : formatDateTime(refresh.refreshed_at)}, covering{' '}
                {refresh?.window_days ?? 180} days. The red zone is the worrying tenth of the peers.
              </p>
              {canRefresh && refresh !== null && ageDays(refresh) >= STALE_DAYS && <RefreshButton />}
            </div>
          );
        }}
      </QueryBody>
    </section>
  );
}

/** One line for the review screen: the risk level, the score and what drives it. */
export function RiskSummary({ sellerId }: { sellerId: string }) {
  const risk = useSellerRisk(sellerId);
  const d = risk.data;
  if (risk.isPending || risk.isError || d === undefined) return null;
  if (d.kind !== 'scored')
    return (
      <p className="small muted risk-line" aria-label="Off-platform risk">
        Off-platform risk: {d.kind === 'never' ? 'the report has not been refreshed yet.' : 'not in the last report (no conversations in its window).'}
      </p>
    );
  const s = d.report.seller;
  const level = riskLevel(s);
  // with too little data the positions say little: no reasons are drawn from them
  const top = s.conversations < MIN_CONVERSATIONS ? [] : MEASURES.filter((m) => m.trials(s) > 0).map((m) => ({ m, c: concern(s[m.key], m.worse) })).filter((x) => x.c === 'high');
  return (
    <div className="risk-line" role="group" aria-label="Off-platform risk">
      <span className="small muted">Off-platform risk</span>
      <Badge tone={level.tone}>{level.label}</Badge>
      <span className="small">
        <strong>{signed(s.risk_score)}</strong> SD · rank {formatNumber(s.rank)}
        {d.report.refresh === null ? '' : ` of ${formatNumber(d.report.refresh.sellers)}`}
        {s.conversations < MIN_CONVERSATIONS ? ` · only ${s.conversations} conversation${s.conversations === 1 ? '' : 's'}` : ''}
      </span>
      {top.length > 0 && <span className="small muted risk-why">{top.map((x) => `${x.m.label}: ${position(s[x.m.key])}`).join(' · ')}</span>}
    </div>
  );
}
