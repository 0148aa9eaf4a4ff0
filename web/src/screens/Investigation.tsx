import { Fragment, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Banner, Button, Dialog, ErrorBanner, LoadFailedPage, Loading, PageHeader, SelectField, TextArea, TextField } from '../components';
import { ApiError, api } from '../lib/api';
import { dayKey, formatDate, formatDateTime, formatDay, formatMoney, formatTime, humanize } from '../lib/format';
import { highlight } from '../lib/highlight';
import {
  ARTEFACT_TYPES,
  DISMISS_REASONS,
  ORDER_STATUS_TONE,
  PRICE_SOURCE_LABEL,
  artefactLabel,
  commissionMinor,
  dismissLabel,
  leadAt,
  rateAt,
  signalLabel,
  useSellerDetail,
  type ArtefactDto,
  type CommissionOrderDto,
  type InvestigationViewDto,
  type SignalDto,
  type TimelineItemDto,
} from '../lib/investigations';
import { hitLabel } from '../lib/review';
import { usePeople } from '../lib/queries';
import { Link } from '../lib/router';
import { useMe } from '../lib/session';
import { useTitle } from '../lib/title';
import { rate } from './Sellers';
import { ScoreBar } from './Investigations';

const SENIORS = ['senior', 'manager', 'admin', 'legal'];
const viewKey = (id: string) => ['investigation', id] as const;

/** Digits after the decimal point in a currency (2 for EUR, 0 for JPY). */
function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "4,500.50" or "4500,50" in the currency's major unit → minor units; undefined when it is not an amount. */
function parseAmount(text: string, currency: string): number | undefined {
  const t = text.trim().replace(/[\s']/g, '');
  if (!/^\d+([.,]\d{3})*([.,]\d{1,3})?$/.test(t)) return undefined;
  const m = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(t)!;
  const whole = Number(m[1]!.replace(/[.,]/g, ''));
  const digits = currencyDigits(currency);
  const frac = m[2] === undefined ? 0 : Number(m[2].padEnd(digits, '0').slice(0, digits));
  const minor = whole * 10 ** digits + frac;
  return Number.isSafeInteger(minor) && minor > 0 ? minor : undefined;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error ?? new Error('The file could not be read.'));
    r.onload = () => {
      const url = String(r.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.readAsDataURL(file);
  });
}

/**
 * One investigation: the merged evidence timeline, the signals that scored it, the artefacts, and
 * the decision — confirm with an amount preview (seniors, once a hard artefact is attached) or dismiss.
 */
export function InvestigationScreen({ params }: { params: Record<string, string> }) {
  const id = params['case_id']!;
  const me = useMe();
  const senior = SENIORS.includes(me.role);
  const view = useQuery({ queryKey: viewKey(id), queryFn: ({ signal }) => api.get<InvestigationViewDto>(`/v1/investigations/${encodeURIComponent(id)}`, { signal }) });
  const v = view.data;
  const seller = useSellerDetail(v?.seller_id);
  const [dialog, setDialog] = useState<'confirm' | 'dismiss' | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const sellerName = seller.data?.name ?? v?.seller_id ?? '';
  useTitle(v === undefined ? 'Investigation' : `Investigation · ${sellerName}`);

  if (view.isPending) {
    return (
      <div className="page">
        <Loading label="Loading the investigation…" />
      </div>
    );
  }
  if (view.isError || v === undefined) return <LoadFailedPage noun="Investigation" error={view.error} breadcrumb={<Link to="/investigations">Investigations</Link>} />;

  const order = v.commission_order;
  const outcome = order !== null ? 'confirmed' : v.outcome;

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/investigations">Investigations</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{v.case_id}</span>
          </>
        }
        title={
          <span className="case-title-row">
            {sellerName}
            {v.listing?.title != null && <span className="title-sub">· {v.listing.title}</span>}
            {v.open ? <Badge tone="warning">Open</Badge> : outcome === 'confirmed' ? <Badge tone="danger">Confirmed</Badge> : <Badge tone="neutral">Dismissed</Badge>}
          </span>
        }
        subtitle={
          <span className="case-meta">
            <ScoreBar score={v.score} />
            <span>Opened {formatDateTime(v.opened_at)}</span>
            <span>Scored {formatDateTime(v.scored_at)}</span>
            <Link to={`/conversations/${encodeURIComponent(v.conversation_id)}`}>Conversation</Link>
            <Link to={`/cases/${encodeURIComponent(v.case_id)}`}>Case record</Link>
          </span>
        }
        actions={
          v.open && order === null ? (
            <div className="row">
              <Button onClick={() => setDialog('dismiss')}>Dismiss…</Button>
            </div>
          ) : undefined
        }
      />
      {flash !== null && <Banner tone="success">{flash}</Banner>}
      {!v.open && outcome === 'dismissed' && (
        <Banner tone="info">
          Dismissed: {dismissLabel(v.dismiss_reason)}. A new signal on this conversation reopens it.
        </Banner>
      )}
      <div className="inv-grid">
        <Timeline v={v} sellerName={sellerName} />
        <div className="stack">
          {order !== null && <OrderCard order={order} />}
          <SignalsCard signals={v.signals} score={v.score} />
          <ArtefactsCard v={v} onAdded={(a) => setFlash(`${artefactLabel(a.type)} attached.`)} />
          {order === null && v.open && <ConfirmCard v={v} senior={senior} onOpen={() => setDialog('confirm')} />}
        </div>
      </div>
      <ConfirmDialog
        v={v}
        open={dialog === 'confirm'}
        onClose={() => setDialog(null)}
        onDone={(o) => {
          setDialog(null);
          document.getElementById('main')?.scrollTo({ top: 0 });
          setFlash(`Off-platform sale confirmed. Commission order ${o.id} issued for ${formatMoney(o.commission.amount_minor, o.commission.currency)}.`);
        }}
      />
      <DismissDialog
        caseId={v.case_id}
        open={dialog === 'dismiss'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          setFlash('Investigation dismissed.');
        }}
      />
    </div>
  );
}

function sentence(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

function listingEventText(type: string, status: string | null): string {
  if (type.endsWith('price_changed')) return 'Listing price changed';
  if (status !== null) return `Listing marked ${humanize(status).toLowerCase()}`;
  return `Listing ${humanize(type).toLowerCase()}`;
}

/** A case entry in words: who did what to the investigation case. */
function describeEntry(kind: string, data: unknown): string {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : undefined);
  switch (kind) {
    case 'created':
      return 'opened the investigation';
    case 'transition':
      return `moved it from ${humanize(str('from')).toLowerCase()} to ${humanize(str('to')).toLowerCase()}`;
    case 'evidence':
      return `attached ${str('filename') ?? 'a file'}`;
    case 'detection': {
      const score = num('score');
      const from = num('score_from');
      if (score !== undefined && from !== undefined) return from.toFixed(2) === score.toFixed(2) ? `rescored it: still ${score.toFixed(2)}` : `rescored it from ${from.toFixed(2)} to ${score.toFixed(2)}`;
      return score !== undefined ? `scored it ${score.toFixed(2)}` : 'recorded what detection found';
    }
    case 'enforcement': {
      const order = str('commission_order_id');
      if (order !== undefined) {
        const amount = num('commission_minor');
        return `${humanize(str('status') ?? 'updated').toLowerCase()} commission order ${order}${amount !== undefined ? ` for ${formatMoney(amount, str('currency'))}` : ''}`;
      }
      const step = str('step_name');
      return `recorded a violation${str('clause_id') !== undefined ? ` of ${str('clause_id')}` : ''}${step !== undefined ? ` (${humanize(step).toLowerCase()})` : ''}`;
    }
    case 'note':
      return 'added a note';
    case 'reply':
      return 'recorded a reply from the seller';
    case 'link':
      return `linked case ${str('case_id') ?? ''}`.trim();
    default:
      return humanize(kind).toLowerCase();
  }
}

function Timeline({ v, sellerName }: { v: InvestigationViewDto; sellerName: string }) {
  const people = usePeople();
  // Detections repeat the hits already marked in their message; signals have their own card.
  const items = v.timeline.filter((e) => e.kind !== 'detection' && e.kind !== 'signal');
  let lastDay = '';
  return (
    <section className="card card-flush" aria-labelledby="inv-timeline-h">
      <div className="card-header">
        <h2 id="inv-timeline-h">Evidence timeline</h2>
        <span className="muted small">Messages, listing and order events, and case entries in time order</span>
      </div>
      <ol className="inv-timeline" aria-label="Evidence in time order">
        {items.map((e, i) => {
          const day = dayKey(e.at);
          const showDay = day !== lastDay;
          lastDay = day;
          return (
            <Fragment key={`${e.kind}-${i}`}>
              {showDay && (
                <li className="thread-day" aria-hidden="true">
                  {formatDay(e.at)}
                </li>
              )}
              <TimelineItem e={e} sellerName={sellerName} people={people} />
            </Fragment>
          );
        })}
      </ol>
    </section>
  );
}

function TimelineItem({ e, sellerName, people }: { e: TimelineItemDto; sellerName: string; people: ReturnType<typeof usePeople> }) {
  const time = (
    <time dateTime={e.at} title={formatDateTime(e.at, true)}>
      {formatTime(e.at)}
    </time>
  );
  switch (e.kind) {
    case 'message': {
      const side = e.sender_role === 'buyer' ? 'buyer' : e.sender_role === 'seller' ? 'seller' : 'other';
      const who = side === 'seller' ? sellerName : side === 'buyer' ? 'Buyer' : humanize(e.sender_role);
      const kinds = [...new Set(e.hits.map((h) => h.kind))];
      return (
        <li className={`inv-item inv-msg msg msg-${side}${e.hits.length > 0 ? ' flagged' : ''}`} data-message-id={e.id}>
          <div className="msg-meta">
            <span className="msg-who">{who}</span>
            {time}
            {kinds.map((k) => (
              <span key={k} className={`hit-chip chip-${k}`}>
                <span className="chip-dot" aria-hidden="true" />
                {hitLabel(k)}
              </span>
            ))}
          </div>
          <div className="bubble">{highlight(e.body, e.hits)}</div>
        </li>
      );
    }
    case 'listing_event':
      return (
        <li className="inv-item inv-event">
          <span className={`inv-dot${e.status === 'sold' || e.status === 'removed' ? ' inv-dot-alert' : ''}`} aria-hidden="true" />
          <div>
            <div>
              <strong>{listingEventText(e.type, e.status)}</strong>
              {e.price_minor !== null && <span> · {formatMoney(e.price_minor, e.currency)}</span>}
            </div>
            <div className="faint small">{time}</div>
          </div>
        </li>
      );
    case 'order':
      return (
        <li className="inv-item inv-event">
          <span className="inv-dot inv-dot-ok" aria-hidden="true" />
          <div>
            <div>
              <strong>Order {humanize(e.status).toLowerCase()}</strong> · {formatMoney(e.amount_minor, e.currency)}
              {e.between_parties ? <Badge tone="success">between these parties</Badge> : <span className="faint"> · another buyer</span>}
            </div>
            <div className="faint small">
              {time} · <span className="mono">{e.id}</span>
            </div>
          </div>
        </li>
      );
    case 'case':
      return (
        <li className="inv-item inv-event inv-case-entry">
          <span className="inv-dot inv-dot-case" aria-hidden="true" />
          <div>
            <div>
              <strong>{people(e.actor)}</strong> {describeEntry(e.entry_kind, e.data)}
            </div>
            <div className="faint small">{time}</div>
          </div>
        </li>
      );
    default:
      return null;
  }
}

/** Each signal's weight as a track and its contribution as the filled part; the score is their sum. */
function SignalsCard({ signals, score }: { signals: readonly SignalDto[]; score: number }) {
  const sorted = [...signals].sort((a, b) => b.contribution - a.contribution || b.weight - a.weight);
  const maxWeight = Math.max(0.0001, ...signals.map((s) => s.weight));
  return (
    <section className="card" aria-labelledby="inv-signals-h">
      <div className="card-header">
        <h2 id="inv-signals-h">Signals</h2>
        <span className="stat-inline">score {score.toFixed(2)}</span>
      </div>
      <div className="card-body">
        <ul className="signal-bars" aria-label="Signals and their contributions to the score">
          {sorted.map((s) => (
            <li key={s.name} className={s.contribution > 0 ? '' : 'signal-off'}>
              <div className="signal-head">
                <span className="signal-name">{signalLabel(s.name)}</span>
                <span className="signal-num">
                  +{s.contribution.toFixed(2)} <span className="faint">of {s.weight.toFixed(2)}</span>
                </span>
              </div>
              <div className="signal-track" style={{ width: `${(s.weight / maxWeight) * 100}%` }} aria-hidden="true">
                <span className="signal-fill" style={{ width: `${Math.min(1, Math.max(0, s.strength)) * 100}%` }} />
              </div>
              <p className="signal-why">{sentence(s.explanation)}</p>
            </li>
          ))}
        </ul>
        <p className="faint small">The track is the signal's weight; the filled part is how strongly the facts show it.</p>
      </div>
    </section>
  );
}

function ArtefactsCard({ v, onAdded }: { v: InvestigationViewDto; onAdded: (a: ArtefactDto) => void }) {
  const qc = useQueryClient();
  const people = usePeople();
  const [type, setType] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [problem, setProblem] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: async () => {
      const content = await readBase64(file!);
      return api.post<ArtefactDto>(`/v1/investigations/${encodeURIComponent(v.case_id)}/artefacts`, {
        type,
        filename: file!.name,
        content_type: file!.type || 'application/octet-stream',
        content_base64: content,
      });
    },
    onSuccess: (a) => {
      setFile(null);
      setType('');
      setInputKey((k) => k + 1);
      onAdded(a);
      void qc.invalidateQueries({ queryKey: viewKey(v.case_id) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (type === '') return setProblem('Choose what the file shows.');
    if (file === null) return setProblem('Choose the file to attach.');
    setProblem(undefined);
    add.mutate();
  };
  const closed = !v.open;
  return (
    <section className="card" aria-labelledby="inv-artefacts-h">
      <div className="card-header">
        <h2 id="inv-artefacts-h">Artefacts</h2>
        <span className="muted small">Hard evidence a confirmation rests on</span>
      </div>
      <div className="card-body stack">
        {v.artefacts.length === 0 ? (
          <p className="muted">No artefacts attached. Signals open an investigation; only a hard artefact confirms a sale.</p>
        ) : (
          <ul className="artefact-list" aria-label="Attached artefacts">
            {v.artefacts.map((a) => (
              <li key={a.evidence_id}>
                <Badge tone="accent">{artefactLabel(a.type)}</Badge>
                <span className="faint small">
                  {formatDateTime(a.at)} · {people(a.declared_by)}
                </span>
                <Link to={`/cases/${encodeURIComponent(v.case_id)}`} className="small">
                  File on the case
                </Link>
              </li>
            ))}
          </ul>
        )}
        {!closed && (
          <form className="artefact-form" onSubmit={submit} aria-label="Attach artefact">
            <SelectField
              label="Artefact type"
              value={type}
              onChange={(e) => {
                setType(e.target.value);
                setProblem(undefined);
              }}
              hint={ARTEFACT_TYPES.find((a) => a.type === type)?.hint}
            >
              <option value="">Choose…</option>
              {ARTEFACT_TYPES.map((a) => (
                <option key={a.type} value={a.type}>
                  {a.label}
                </option>
              ))}
            </SelectField>
            <div className="field">
              <label htmlFor="artefact-file">File</label>
              <input
                key={inputKey}
                id="artefact-file"
                type="file"
                className="input"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setProblem(undefined);
                }}
              />
            </div>
            {problem !== undefined && (
              <p className="field-error" role="alert">
                {problem}
              </p>
            )}
            {add.isError && <ErrorBanner error={add.error} title="The artefact was not attached" />}
            <div>
              <Button type="submit" busy={add.isPending}>
                Attach artefact
              </Button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}

/** The figures a confirmation would issue, from the evidenced or listing price and the rate at first contact. */
function usePreview(v: InvestigationViewDto, input: { source: string; amount: string }) {
  const seller = useSellerDetail(v.seller_id);
  const lead = leadAt(v);
  const r = seller.data === undefined ? undefined : rateAt(seller.data.commission_rates, lead);
  const currency = v.listing?.currency ?? null;
  const priceMinor = input.source === 'listing_price' ? (v.listing?.price_minor ?? undefined) : currency === null ? undefined : parseAmount(input.amount, currency);
  return {
    lead,
    loading: seller.isPending,
    rate: r,
    currency,
    priceMinor,
    commission: priceMinor !== undefined && r !== undefined ? commissionMinor(priceMinor, r.rate_bps) : undefined,
  };
}

function PreviewTable({ v, source, amount }: { v: InvestigationViewDto; source: string; amount: string }) {
  const p = usePreview(v, { source, amount });
  return (
    <dl className="facts amount-preview" aria-label="Amount preview">
      <dt>Price source</dt>
      <dd>{PRICE_SOURCE_LABEL[source] ?? source}</dd>
      <dt>Sale price</dt>
      <dd>{p.priceMinor === undefined ? <span className="faint">{source === 'listing_price' ? 'The listing has no price' : 'Enter the evidenced price'}</span> : formatMoney(p.priceMinor, p.currency)}</dd>
      <dt>Rate at first contact</dt>
      <dd>
        {p.loading ? '…' : p.rate === undefined ? <span className="faint">No rate known on {formatDate(p.lead)}</span> : `${rate(p.rate.rate_bps)} · ${humanize(p.rate.tier)} tier on ${formatDate(p.lead)}`}
      </dd>
      <dt>Commission</dt>
      <dd className="amount-strong">{p.commission === undefined ? '—' : `${formatMoney(p.commission, p.currency)}`}</dd>
      <dt>Currency</dt>
      <dd>{p.currency ?? '—'}</dd>
    </dl>
  );
}

function ConfirmCard({ v, senior, onOpen }: { v: InvestigationViewDto; senior: boolean; onOpen: () => void }) {
  const blocked = !senior ? 'Only a senior reviewer, manager, legal or an administrator can confirm.' : v.artefacts.length === 0 ? 'Attach a hard artefact first: signals alone do not confirm a sale.' : undefined;
  return (
    <section className="card" aria-labelledby="inv-confirm-h">
      <div className="card-header">
        <h2 id="inv-confirm-h">Decision</h2>
      </div>
      <div className="card-body stack">
        <PreviewTable v={v} source="listing_price" amount="" />
        <div>
          <Button variant="primary" onClick={onOpen} disabled={blocked !== undefined} aria-describedby={blocked !== undefined ? 'confirm-blocked' : undefined}>
            Confirm off-platform sale…
          </Button>
        </div>
        {blocked !== undefined && (
          <p className="muted small" id="confirm-blocked">
            {blocked}
          </p>
        )}
      </div>
    </section>
  );
}

function ConfirmDialog({ v, open, onClose, onDone }: { v: InvestigationViewDto; open: boolean; onClose: () => void; onDone: (o: CommissionOrderDto) => void }) {
  const qc = useQueryClient();
  const [source, setSource] = useState('listing_price');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  // One key per opening of the dialog: a retried submit returns the same order instead of a second one.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const p = usePreview(v, { source, amount });
  const has = (t: string) => v.artefacts.some((a) => a.type === t);
  const confirm = useMutation({
    mutationFn: () =>
      api.post<CommissionOrderDto>(
        `/v1/investigations/${encodeURIComponent(v.case_id)}/confirm`,
        {
          note: note.trim(),
          ...(source === 'listing_price' ? {} : { price: { amount_minor: p.priceMinor, currency: p.currency, source } }),
        },
        { headers: { 'idempotency-key': key } },
      ),
    onSuccess: (o) => {
      void qc.invalidateQueries({ queryKey: viewKey(v.case_id) });
      void qc.invalidateQueries({ queryKey: ['investigations'] });
      void qc.invalidateQueries({ queryKey: ['commission-orders'] });
      setKey(crypto.randomUUID());
      onDone(o);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim() === '') return setNoteError('Write the statement of reasons the seller will read.');
    setNoteError(undefined);
    if (p.priceMinor === undefined || p.commission === undefined) return;
    confirm.mutate();
  };
  const amountError = source !== 'listing_price' && amount.trim() !== '' && p.priceMinor === undefined ? 'Not an amount: write it like 4500 or 4,500.00' : undefined;
  const priceErr = confirm.error instanceof ApiError ? (confirm.error.fieldError('price/source') ?? confirm.error.fieldError('price')) : undefined;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Confirm off-platform sale"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" type="submit" form="confirm-form" busy={confirm.isPending} disabled={p.commission === undefined}>
            Confirm and issue the commission order
          </Button>
        </>
      }
    >
      <form id="confirm-form" className="stack" onSubmit={submit}>
        <SelectField label="Price source" value={source} onChange={(e) => setSource(e.target.value)} hint="An evidenced price needs the matching artefact attached.">
          <option value="listing_price">Listing price{v.listing?.price_minor != null ? ` (${formatMoney(v.listing.price_minor, v.listing.currency)})` : ''}</option>
          <option value="invoice" disabled={!has('invoice')}>
            Invoice{has('invoice') ? '' : ' (attach an invoice first)'}
          </option>
          <option value="admission" disabled={!has('seller_admission')}>
            Seller's admission{has('seller_admission') ? '' : ' (attach a seller admission first)'}
          </option>
        </SelectField>
        {source !== 'listing_price' && <TextField label={`Evidenced price (${p.currency ?? '—'})`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={amountError ?? priceErr} />}
        <PreviewTable v={v} source={source} amount={amount} />
        <TextArea
          label="Statement of reasons"
          rows={4}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setNoteError(undefined);
          }}
          error={noteError}
          hint="Sent to the seller with the commission order."
        />
        {confirm.isError && priceErr === undefined && <ErrorBanner error={confirm.error} title="The sale was not confirmed" />}
      </form>
    </Dialog>
  );
}

function DismissDialog({ caseId, open, onClose, onDone }: { caseId: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string | undefined; note?: string | undefined }>({});
  const dismiss = useMutation({
    mutationFn: () => api.post(`/v1/investigations/${encodeURIComponent(caseId)}/dismiss`, { reason, note: note.trim() }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: viewKey(caseId) });
      void qc.invalidateQueries({ queryKey: ['investigations'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = { ...(reason === '' ? { reason: 'Choose why the investigation is dismissed.' } : {}), ...(note.trim() === '' ? { note: 'Say what you checked.' } : {}) };
    setErrors(errs);
    if (Object.keys(errs).length === 0) dismiss.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Dismiss the investigation"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="dismiss-form" busy={dismiss.isPending}>
            Dismiss
          </Button>
        </>
      }
    >
      <form id="dismiss-form" className="stack" onSubmit={submit}>
        <SelectField
          label="Reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setErrors((x) => ({ ...x, reason: undefined }));
          }}
          error={errors.reason}
          hint="Counted per reason to tune the signal weights."
        >
          <option value="">Choose…</option>
          {DISMISS_REASONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextArea
          label="Note"
          rows={3}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setErrors((x) => ({ ...x, note: undefined }));
          }}
          error={errors.note}
        />
        {dismiss.isError && <ErrorBanner error={dismiss.error} title="The investigation was not dismissed" />}
      </form>
    </Dialog>
  );
}

export function OrderCard({ order }: { order: CommissionOrderDto }) {
  return (
    <section className="card order-card" aria-labelledby="inv-order-h">
      <div className="card-header">
        <h2 id="inv-order-h">Commission order</h2>
        <Badge tone={ORDER_STATUS_TONE[order.status] ?? 'neutral'}>{humanize(order.status)}</Badge>
      </div>
      <div className="card-body">
        <div className="order-amount">{formatMoney(order.commission.amount_minor, order.commission.currency)}</div>
        <dl className="facts">
          <dt>Order</dt>
          <dd className="mono">{order.id}</dd>
          <dt>Due</dt>
          <dd>{formatDate(order.due_at)}</dd>
          <dt>Sale price</dt>
          <dd>
            {formatMoney(order.sale_price.amount_minor, order.sale_price.currency)} <span className="faint">({PRICE_SOURCE_LABEL[order.sale_price.source] ?? order.sale_price.source})</span>
          </dd>
          <dt>Rate</dt>
          <dd>
            {rate(order.commission_rate_bps)} · {humanize(order.tier)} tier at first contact ({formatDate(order.lead_first_seen_at)})
          </dd>
          <dt>Issued</dt>
          <dd>{formatDateTime(order.created_at)}</dd>
        </dl>
      </div>
    </section>
  );
}
