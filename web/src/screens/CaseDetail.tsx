import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Banner, Button, Dialog, Empty, ErrorBanner, Kbd, Loading, PageHeader, PriorityBadge, SlaBadge, StatusBadge, TextArea } from '../components';
import { IconArrow, IconClip, IconNote, IconSpark, IconUser } from '../icons';
import { ApiError, api } from '../lib/api';
import { formatBytes, formatDateTime, formatDuration, formatMoney, humanize, secondsUntil, slaState, viewerTimeZone } from '../lib/format';
import { useHotkeys } from '../lib/hotkeys';
import { caseTypeTitle, useCaseTypes, usePeople } from '../lib/queries';
import { Link, navigate } from '../lib/router';
import { LAST_LIST_KEY } from './Cases';
import { STAFF, useMe } from '../lib/session';
import { useTitle } from '../lib/title';
import type { CaseDetailDto, EvidenceDto, ListingDto, NoteDto, SellerDto, TimelineEntryDto } from '../types';

const caseKey = (id: string) => ['case', id] as const;

/** The cases list as the person last filtered it. */
function lastCasesList(): string {
  return sessionStorage.getItem(LAST_LIST_KEY) ?? '/cases';
}

export function CaseDetailScreen({ params }: { params: Record<string, string> }) {
  const id = params['id']!;
  const me = useMe();
  const staff = STAFF.includes(me.role);
  const qc = useQueryClient();
  const types = useCaseTypes();
  const people = usePeople();
  const detail = useQuery({ queryKey: caseKey(id), queryFn: ({ signal }) => api.get<CaseDetailDto>(`/v1/cases/${encodeURIComponent(id)}`, { signal }) });
  useTitle(detail.data?.title ?? 'Case');
  const [moving, setMoving] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const applyDetail = (d: CaseDetailDto) => {
    qc.setQueryData(caseKey(id), d);
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['queues'] });
  };

  const assign = useMutation({
    mutationFn: (assignee: string | null) => api.post<CaseDetailDto>(`/v1/cases/${encodeURIComponent(id)}/assignment`, { assignee_id: assignee, expected_version: detail.data?.version }),
    onSuccess: (d) => {
      applyDetail(d);
      setNotice(d.assignee_id === me.id ? 'Assigned to you.' : 'Unassigned.');
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void detail.refetch();
    },
  });
  const setPriority = useMutation({
    mutationFn: (priority: string) => api.post<CaseDetailDto>(`/v1/cases/${encodeURIComponent(id)}/priority`, { priority, expected_version: detail.data?.version }),
    onSuccess: (d) => {
      applyDetail(d);
      setNotice(`Priority set to ${d.priority.toUpperCase()}; the SLA was recomputed.`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void detail.refetch();
    },
  });

  const d = detail.data;
  // a type moved by its own module (conversation reviews: claims and decisions in review) offers no generic moves
  const managedBy = d === undefined ? null : (types.data?.find((t) => t.type === d.type)?.managed_by ?? null);
  const nextStates = managedBy === null ? (d?.next_states ?? []) : [];
  useHotkeys({
    ...Object.fromEntries(nextStates.slice(0, 9).map((s, i) => [String(i + 1), () => setMoving(s)])),
    a: () => {
      if (staff && d !== undefined && d.assignee_id !== me.id) assign.mutate(me.id);
    },
    c: () => noteRef.current?.focus(),
    u: () => navigate(lastCasesList()),
  });

  useEffect(() => {
    if (notice === null) return;
    const t = window.setTimeout(() => setNotice(null), 5000);
    return () => window.clearTimeout(t);
  }, [notice]);

  if (detail.isPending) return <div className="page"><Loading label="Loading case…" /></div>;
  if (detail.isError || d === undefined) {
    const nf = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div className="page">
        <PageHeader title={nf ? 'Case not found' : 'Case'} breadcrumb={<Link to={lastCasesList()}>Cases</Link>} />
        {nf ? <Empty title="This case does not exist, or it is outside the queues you can see." /> : <ErrorBanner error={detail.error} />}
      </div>
    );
  }

  const typeTitle = caseTypeTitle(types.data, d.type);
  const sla = slaState(d.sla_due_at, d.closed_at);
  const overdue = !d.closed && sla === 'overdue';

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to={lastCasesList()}>Cases</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{d.id}</span>
          </>
        }
        title={
          <span className="case-title-row">
            {d.title}
            <StatusBadge status={d.status} closed={d.closed} />
          </span>
        }
        subtitle={
          <span className="case-meta">
            <PriorityBadge priority={d.priority} />
            <span>{typeTitle}</span>
            <span>Queue: {humanize(d.queue)}</span>
            <span>Opened {formatDateTime(d.opened_at)}</span>
            <span>
              {d.assignee_id === null ? 'Unassigned' : d.assignee_id === me.id ? 'Assigned to you' : <>Assigned to {people(d.assignee_id)}</>}
            </span>
          </span>
        }
        actions={
          staff && (
            <>
              {d.assignee_id === me.id ? (
                <Button onClick={() => assign.mutate(null)} busy={assign.isPending}>
                  Unassign me
                </Button>
              ) : (
                <Button onClick={() => assign.mutate(me.id)} busy={assign.isPending} aria-keyshortcuts="a">
                  <IconUser className="nav-icon" /> Assign to me <Kbd>a</Kbd>
                </Button>
              )}
            </>
          )
        }
      />

      {overdue && (
        <div className="overdue-strip" role="status">
          <span className="sla sla-overdue">
            <span className="sla-icon" aria-hidden="true" />
          </span>
          <span>
            <strong>SLA breached {formatDuration(-secondsUntil(d.sla_due_at))} ago.</strong> Resolution was due {formatDateTime(d.sla_due_at, true)}.
          </span>
        </div>
      )}
      {notice !== null && <Banner tone="success">{notice}</Banner>}
      {assign.isError && <ErrorBanner error={assign.error} title="Could not change the assignee" />}
      {setPriority.isError && <ErrorBanner error={setPriority.error} title="Could not change the priority" />}

      <section className="card" aria-labelledby="move-h" style={{ marginBottom: 16 }}>
        <div className="card-body actions-bar">
          <h2 id="move-h" className="actions-label">
            {managedBy !== null ? 'Decided in review' : d.closed && nextStates.length === 0 ? 'This case is closed.' : 'Move to'}
          </h2>
          {managedBy !== null && <span className="muted" data-managed-by={managedBy}>Reviewers claim this case and decide it with a policy clause through the review workflow; its status follows their decision.</span>}
          {nextStates.map((s, i) => (
            <Button key={s} onClick={() => setMoving(s)} aria-keyshortcuts={i < 9 ? String(i + 1) : undefined} data-transition={s}>
              {humanize(s)} {i < 9 && <Kbd>{i + 1}</Kbd>}
            </Button>
          ))}
          {nextStates.length === 0 && !d.closed && managedBy === null && <span className="muted">No moves are available from {humanize(d.status).toLowerCase()}.</span>}
          <span className="spacer" />
          <span className="hint-bar" aria-hidden="true">
            <span>
              <Kbd>c</Kbd> note
            </span>
            <span>
              <Kbd>u</Kbd> back
            </span>
          </span>
        </div>
      </section>

      <div className="grid-2">
        <div className="stack">
          <NoteForm caseId={d.id} textareaRef={noteRef} onAdded={() => setNotice('Note added.')} />
          <section className="card card-flush" aria-labelledby="timeline-h">
            <div className="card-header">
              <h2 id="timeline-h">Timeline</h2>
              <span className="muted small">Times in {viewerTimeZone}</span>
            </div>
            <Timeline entries={d.timeline} notes={d.notes} people={people} />
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="sla-h">
            <div className="card-header">
              <h2 id="sla-h">Service level</h2>
              <SlaBadge due={d.sla_due_at} closedAt={d.closed_at} />
            </div>
            <div className="card-body">
              <dl className="facts">
                <dt>Resolution due</dt>
                <dd className={overdue ? 'text-danger' : undefined}>{formatDateTime(d.sla_due_at, true)}</dd>
                <dt>First response</dt>
                <dd>
                  {d.first_response_at !== null ? (
                    <>Responded {formatDateTime(d.first_response_at)}</>
                  ) : (
                    <>
                      Due {formatDateTime(d.first_response_due_at)}
                      {slaState(d.first_response_due_at, null) === 'overdue' && !d.closed && <span className="text-danger"> (late)</span>}
                    </>
                  )}
                </dd>
                <dt>Calendar</dt>
                <dd>{d.jurisdiction} business days</dd>
                {d.closed_at !== null && (
                  <>
                    <dt>Closed</dt>
                    <dd>{formatDateTime(d.closed_at)}</dd>
                  </>
                )}
                {staff && (
                  <>
                    <dt>
                      <label htmlFor="priority-select">Priority</label>
                    </dt>
                    <dd>
                      <select id="priority-select" className="input select" value={d.priority} disabled={setPriority.isPending || d.closed} onChange={(e) => setPriority.mutate(e.target.value)} style={{ height: 28 }}>
                        <option value="p1">P1 Urgent</option>
                        <option value="p2">P2 High</option>
                        <option value="p3">P3 Normal</option>
                        <option value="p4">P4 Low</option>
                      </select>
                    </dd>
                  </>
                )}
              </dl>
            </div>
          </section>
          <Subjects d={d} staff={staff} />
          <EvidenceCard caseId={d.id} evidence={d.evidence} canUpload={staff} people={people} onAdded={(f) => setNotice(`${f} attached.`)} />
          <section className="card" aria-labelledby="details-h">
            <div className="card-header">
              <h2 id="details-h">Details</h2>
            </div>
            <div className="card-body">
              <dl className="facts">
                <dt>Case id</dt>
                <dd className="mono">{d.id}</dd>
                <dt>Type</dt>
                <dd>{typeTitle}</dd>
                <dt>Updated</dt>
                <dd>{formatDateTime(d.updated_at)}</dd>
                <dt>Version</dt>
                <dd>{d.version}</dd>
              </dl>
            </div>
          </section>
        </div>
      </div>

      <TransitionDialog detail={d} to={moving} onClose={() => setMoving(null)} onDone={(nd, to) => {
        applyDetail(nd);
        setMoving(null);
        setNotice(`Moved to ${humanize(to).toLowerCase()}.`);
      }} />
    </div>
  );
}

/** What a person can do about a refused move, by the guard's stable reason code. */
function refusalHelp(reason: string): string | undefined {
  if (/requires_note$/.test(reason)) return 'This move needs a note explaining the decision: write it below and confirm again.';
  if (/requires_evidence$/.test(reason)) return 'Attach the evidence to the case first, then make this move.';
  if (/needs_senior$/.test(reason)) return 'Only a senior reviewer, a manager or legal can make this move. Escalate instead, or ask one of them.';
  if (reason === 'case.vendor_may_not_transition') return 'Vendor reviewers can recommend but not make this move. Leave a note with your recommendation.';
  if (/transition_not_allowed$/.test(reason)) return 'The workflow does not allow this move from the current status. Reload to see the moves that are allowed now.';
  return undefined;
}

function TransitionDialog({ detail, to, onClose, onDone }: { detail: CaseDetailDto; to: string | null; onClose: () => void; onDone: (d: CaseDetailDto, to: string) => void }) {
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: (v: { to: string; note: string }) =>
      api.post<CaseDetailDto>(`/v1/cases/${encodeURIComponent(detail.id)}/transitions`, { to: v.to, ...(v.note.trim() !== '' ? { note: v.note.trim() } : {}), expected_version: detail.version }),
    onSuccess: (d, v) => {
      setNote('');
      move.reset();
      onDone(d, v.to);
    },
  });
  const close = () => {
    move.reset();
    setNote('');
    onClose();
  };
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (to !== null) move.mutate({ to, note });
  };
  const onKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
  };
  const err = move.error instanceof ApiError ? move.error : undefined;
  const conflict = err?.status === 409;
  const help = err?.reason !== undefined ? refusalHelp(err.reason) : undefined;
  return (
    <Dialog open={to !== null} onClose={close} title={to === null ? '' : <>Move to {humanize(to).toLowerCase()}</>}>
      <form onSubmit={submit} onKeyDown={onKey}>
        <p className="muted" style={{ marginBottom: 12 }}>
          From <StatusBadge status={detail.status} closed={detail.closed} /> to {to !== null && <StatusBadge status={to} />}
        </p>
        {move.isError &&
          (help !== undefined ? (
            <div className="banner banner-error" role="alert">
              <strong>This move is not allowed</strong>
              <span>{help}</span>
            </div>
          ) : (
            <ErrorBanner error={move.error} title={conflict ? 'The case changed while you were looking' : err?.status === 422 || err?.status === 403 ? 'This move is not allowed' : undefined} />
          ))}
        <TextArea
          label="Note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoFocus
          hint="Explain the decision. Some moves require a note."
          error={err?.fieldError('note')}
          rows={4}
        />
        <div className="dialog-footer">
          <span className="hint">
            <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> to confirm
          </span>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={move.isPending}>
            Move case
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function NoteForm({ caseId, textareaRef, onAdded }: { caseId: string; textareaRef: RefObject<HTMLTextAreaElement | null>; onAdded: () => void }) {
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<NoteDto>(`/v1/cases/${encodeURIComponent(caseId)}/notes`, { body: body.trim() }),
    onSuccess: () => {
      setBody('');
      void qc.invalidateQueries({ queryKey: caseKey(caseId) });
      onAdded();
    },
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (body.trim() === '') return;
    add.mutate();
  };
  const err = add.error instanceof ApiError ? add.error : undefined;
  return (
    <section className="card" aria-labelledby="note-h">
      <form className="card-body" onSubmit={submit} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && submit()}>
        <h2 id="note-h" className="visually-hidden">
          Add a note
        </h2>
        {add.isError && err?.errors.length === 0 && <ErrorBanner error={add.error} title="The note was not saved" />}
        <TextArea
          ref={textareaRef}
          label="Add a note"
          placeholder="What did you check, what did you find?"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={err?.fieldError('body')}
          rows={3}
          aria-keyshortcuts="c"
        />
        <div className="form-actions">
          <span className="hint-bar">
            <span>
              <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> to add
            </span>
          </span>
          <Button type="submit" variant="secondary" busy={add.isPending} disabled={body.trim() === ''}>
            <IconNote className="nav-icon" /> Add note
          </Button>
        </div>
      </form>
    </section>
  );
}

function Timeline({ entries, notes, people }: { entries: readonly TimelineEntryDto[]; notes: readonly NoteDto[]; people: ReturnType<typeof usePeople> }) {
  if (entries.length === 0) return <Empty title="Nothing has happened yet" />;
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id.localeCompare(a.id)));
  return (
    <ol className="timeline">
      {sorted.map((e) => {
        const who = people(e.actor);
        const str = (k: string) => (typeof e.data[k] === 'string' ? (e.data[k] as string) : undefined);
        const noteId = str('note_id');
        const note = noteId !== undefined ? noteById.get(noteId) : undefined;
        let icon: ReactNode = <IconSpark />;
        let text: ReactNode;
        switch (e.kind) {
          case 'created':
            text = (
              <>
                opened the case in <strong>{humanize(str('queue'))}</strong> as <StatusBadge status={str('status') ?? 'open'} />
              </>
            );
            break;
          case 'transition':
            icon = <IconArrow />;
            text = (
              <>
                moved it from <StatusBadge status={str('from') ?? '?'} /> to <StatusBadge status={str('to') ?? '?'} />
              </>
            );
            break;
          case 'note':
            icon = <IconNote />;
            text = <>added a note</>;
            break;
          case 'evidence':
            icon = <IconClip />;
            text = (
              <>
                attached <strong>{str('filename') ?? 'a file'}</strong>
                {typeof e.data['size_bytes'] === 'number' && <span className="muted"> ({formatBytes(e.data['size_bytes'])})</span>}
              </>
            );
            break;
          case 'assignment': {
            icon = <IconUser />;
            const to = str('to');
            text = to === undefined ? <>unassigned the case</> : to === e.actor.id ? <>took the case</> : <>assigned it to <strong>{people(to)}</strong></>;
            break;
          }
          case 'priority':
            text = (
              <>
                changed the priority from {(str('from') ?? '').toUpperCase()} to <strong>{(str('to') ?? '').toUpperCase()}</strong>
              </>
            );
            break;
          default:
            text = <>{humanize(e.kind).toLowerCase()}</>;
        }
        return (
          <li key={e.id} className={`tl-${e.kind}`}>
            <span className="tl-dot">{icon}</span>
            <div>
              <div className="tl-head">
                <span className="tl-actor">{who}</span>
                <span>{text}</span>
                <time className="tl-time" dateTime={e.at} title={formatDateTime(e.at, true)}>
                  {formatDateTime(e.at)}
                </time>
              </div>
              {note !== undefined && <div className="tl-note-body">{note.body}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function Subjects({ d, staff }: { d: CaseDetailDto; staff: boolean }) {
  const s = d.subjects;
  // Names make the panel readable; vendor reviewers cannot read marketplace records, so they see ids.
  const seller = useQuery({
    queryKey: ['seller', s.seller_id],
    enabled: staff && s.seller_id !== null,
    queryFn: ({ signal }) => api.get<SellerDto>(`/v1/sellers/${encodeURIComponent(s.seller_id!)}`, { signal }),
    staleTime: 5 * 60_000,
  });
  const listing = useQuery({
    queryKey: ['listing', s.listing_id],
    enabled: staff && s.listing_id !== null,
    queryFn: ({ signal }) => api.get<ListingDto>(`/v1/listings/${encodeURIComponent(s.listing_id!)}`, { signal }),
    staleTime: 5 * 60_000,
  });
  const link = (to: string, label: string, id: string) =>
    staff ? (
      <>
        <Link to={to}>{label}</Link>
        {label !== id && <div className="mono faint small">{id}</div>}
      </>
    ) : (
      <span className="mono">{id}</span>
    );
  const rows: [string, ReactNode][] = [];
  if (s.seller_id !== null) rows.push(['Seller', link(`/sellers/${encodeURIComponent(s.seller_id)}`, seller.data?.name ?? s.seller_id, s.seller_id)]);
  if (s.listing_id !== null) {
    const l = listing.data;
    rows.push([
      'Listing',
      <>
        {link(`/listings/${encodeURIComponent(s.listing_id)}`, l?.title ?? s.listing_id, s.listing_id)}
        {l !== undefined && l.price_minor !== null && <div className="muted small">{formatMoney(l.price_minor, l.currency)} · {humanize(l.status)}</div>}
      </>,
    ]);
  }
  if (s.conversation_id !== null) {
    const href = `/conversations/${encodeURIComponent(s.conversation_id)}${s.message_id !== null ? `?message=${encodeURIComponent(s.message_id)}` : ''}`;
    rows.push(['Conversation', staff ? <Link to={href} className="mono">{s.conversation_id}</Link> : <span className="mono">{s.conversation_id}</span>]);
  }
  if (s.message_id !== null) rows.push(['Message', <span className="mono">{s.message_id}</span>]);
  if (s.buyer_id !== null) rows.push(['Buyer', <span className="mono">{s.buyer_id}</span>]);
  if (s.order_id !== null) rows.push(['Order', <span className="mono">{s.order_id}</span>]);
  return (
    <section className="card" aria-labelledby="subjects-h">
      <div className="card-header">
        <h2 id="subjects-h">About</h2>
        {staff && s.conversation_id !== null && (
          <Link to={`/conversations/${encodeURIComponent(s.conversation_id)}${s.message_id !== null ? `?message=${encodeURIComponent(s.message_id)}` : ''}`} className="small">
            Read the conversation
          </Link>
        )}
      </div>
      <div className="card-body">
        {rows.length === 0 ? (
          <p className="muted">This case names no seller, buyer, listing or conversation.</p>
        ) : (
          <dl className="facts">
            {rows.map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}

function EvidenceCard({ caseId, evidence, canUpload, people, onAdded }: { caseId: string; evidence: readonly EvidenceDto[]; canUpload: boolean; people: ReturnType<typeof usePeople>; onAdded: (filename: string) => void }) {
  const qc = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (file: File) =>
      api.post<EvidenceDto>(`/v1/cases/${encodeURIComponent(caseId)}/evidence`, {
        filename: file.name,
        content_type: file.type !== '' ? file.type : 'application/octet-stream',
        content_base64: toBase64(await file.arrayBuffer()),
      }),
    onSuccess: (ev) => {
      void qc.invalidateQueries({ queryKey: caseKey(caseId) });
      if (inputRef.current !== null) inputRef.current.value = '';
      onAdded(ev.filename);
    },
  });
  const ext = (name: string) => {
    const i = name.lastIndexOf('.');
    return i > 0 ? name.slice(i + 1, i + 5) : 'file';
  };
  return (
    <section className="card card-flush" aria-labelledby="evidence-h">
      <div className="card-header">
        <h2 id="evidence-h">Evidence {evidence.length > 0 && <span className="muted">({evidence.length})</span>}</h2>
        {canUpload && (
          <>
            <input
              ref={inputRef}
              id="evidence-file"
              type="file"
              className="visually-hidden"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f !== undefined) upload.mutate(f);
              }}
            />
            <Button size="sm" onClick={() => inputRef.current?.click()} busy={upload.isPending}>
              <IconClip className="nav-icon" /> {upload.isPending ? 'Uploading…' : 'Attach file'}
            </Button>
          </>
        )}
      </div>
      {upload.isError && (
        <div className="card-body">
          <ErrorBanner error={upload.error} title="The file was not attached" />
        </div>
      )}
      {evidence.length === 0 ? (
        <p className="card-body muted">No files attached.</p>
      ) : (
        <ul className="evidence-list">
          {evidence.map((ev) => (
            <li key={ev.id}>
              <span className="file-icon" aria-hidden="true">
                {ext(ev.filename)}
              </span>
              <div style={{ minWidth: 0, flex: 1 }}>
                <div className="evidence-name">
                  {canUpload ? (
                    <a href={`/v1/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(ev.id)}`} download={ev.filename}>
                      {ev.filename}
                    </a>
                  ) : (
                    ev.filename
                  )}
                </div>
                <div className="muted small" title={`SHA-256 ${ev.sha256}`}>
                  {formatBytes(ev.size_bytes)} · {people(ev.added_by)} · {formatDateTime(ev.at)} · <span className="mono">{ev.sha256.slice(0, 12)}</span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
