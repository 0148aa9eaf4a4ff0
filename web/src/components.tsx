import { useEffect, useId, useRef, type ButtonHTMLAttributes, type ComponentPropsWithRef, type ReactNode } from 'react';
import { ApiError, errorMessage } from './lib/api';
import { formatDateTime, formatDuration, humanize, secondsUntil, slaState } from './lib/format';
import { Link } from './lib/router';
import type { ConversationDto } from './types';

export function PageHeader({ title, subtitle, actions, breadcrumb }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; breadcrumb?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        {breadcrumb !== undefined && <div className="breadcrumb">{breadcrumb}</div>}
        <h1>{title}</h1>
        {subtitle !== undefined && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions !== undefined && <div className="page-actions">{actions}</div>}
    </header>
  );
}

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export function Button({ variant = 'secondary', size, busy, children, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm'; busy?: boolean }) {
  const cls = ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={cls} aria-busy={busy === true ? true : undefined} disabled={rest.disabled === true || busy === true} {...rest}>
      {children}
    </button>
  );
}

interface FieldShell {
  readonly label: ReactNode;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
}

function FieldFrame({ id, label, error, hint, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error !== undefined ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint !== undefined && error === undefined && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  if (error !== undefined) return `${id}-error`;
  if (hint !== undefined) return `${id}-hint`;
  return undefined;
}

export function TextField({ label, error, hint, id, ...rest }: FieldShell & ComponentPropsWithRef<'input'>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldFrame id={fid} label={label} error={error} hint={hint}>
      <input id={fid} className="input" aria-invalid={error !== undefined ? true : undefined} aria-describedby={describedBy(fid, error, hint)} {...rest} />
    </FieldFrame>
  );
}

export function TextArea({ label, error, hint, id, ...rest }: FieldShell & ComponentPropsWithRef<'textarea'>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldFrame id={fid} label={label} error={error} hint={hint}>
      <textarea id={fid} className="input textarea" aria-invalid={error !== undefined ? true : undefined} aria-describedby={describedBy(fid, error, hint)} {...rest} />
    </FieldFrame>
  );
}

export function SelectField({ label, error, hint, id, children, ...rest }: FieldShell & ComponentPropsWithRef<'select'>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <FieldFrame id={fid} label={label} error={error} hint={hint}>
      <select id={fid} className="input select" aria-invalid={error !== undefined ? true : undefined} aria-describedby={describedBy(fid, error, hint)} {...rest}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** The server's explanation of a failed request; field errors are shown beside their fields instead. */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const e = error instanceof ApiError ? error : undefined;
  const fields = e?.errors ?? [];
  return (
    <div className="banner banner-error" role="alert">
      <strong>{title ?? (e !== undefined ? e.title : 'Something went wrong')}</strong>
      <span>{errorMessage(error)}</span>
      {fields.length > 0 && (
        <ul className="banner-list">
          {fields.map((f) => (
            <li key={f.field + f.reason}>
              <code>{f.field}</code> {f.reason}
            </li>
          ))}
        </ul>
      )}
      {e?.correlationId !== undefined && e.status >= 500 && <span className="muted small">Reference {e.correlationId}</span>}
    </div>
  );
}

export function Banner({ tone, children }: { tone: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role="status">
      {children}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children !== undefined && <div className="empty-body">{children}</div>}
    </div>
  );
}

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

const PRIORITY_LABEL: Record<string, string> = { p1: 'P1 Urgent', p2: 'P2 High', p3: 'P3 Normal', p4: 'P4 Low' };

export function PriorityBadge({ priority, short }: { priority: string; short?: boolean }) {
  return (
    <span className={`badge badge-priority badge-${priority}`} title={PRIORITY_LABEL[priority] ?? priority}>
      <span className="priority-dot" aria-hidden="true" />
      {short === true ? priority.toUpperCase() : (PRIORITY_LABEL[priority] ?? priority)}
    </span>
  );
}

export function StatusBadge({ status, closed }: { status: string; closed?: boolean }) {
  return <span className={`badge badge-status${closed === true ? ' badge-closed' : ''}`}>{humanize(status)}</span>;
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'accent' | 'success' | 'warning' | 'danger'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** The SLA as a person reads it: "Overdue by 3h", "Due in 2h 10m", with the exact time on hover. */
export function SlaBadge({ due, closedAt, long }: { due: string; closedAt?: string | null; long?: boolean }) {
  const state = slaState(due, closedAt);
  const left = secondsUntil(due);
  let text: string;
  if (state === 'met') text = 'SLA met';
  else if (closedAt !== null && closedAt !== undefined) text = 'SLA missed';
  else if (state === 'overdue') text = `Overdue ${formatDuration(-left)}`;
  else text = `Due in ${formatDuration(left)}`;
  return (
    <span className={`sla sla-${state}`} title={`SLA due ${formatDateTime(due, true)}`}>
      <span className="sla-icon" aria-hidden="true" />
      {text}
      {long === true && <span className="sla-when"> · {formatDateTime(due, true)}</span>}
    </span>
  );
}

/** A modal on the native <dialog>: focus is trapped, Esc closes. */
export function Dialog({ open, onClose, title, children, footer, labelledBy, wide }: { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode; footer?: ReactNode; labelledBy?: string; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const auto = useId();
  const titleId = labelledBy ?? auto;
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className={wide === true ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      {open && (
        <div className="dialog-inner">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div className="dialog-body">{children}</div>
          {footer !== undefined && <div className="dialog-footer">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}

/** Copyable secret shown once (API tokens, webhook signing secrets). */
export function SecretOnce({ label, secret }: { label: string; secret: string }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="secret-once">
      <label htmlFor="secret-value">{label}</label>
      <div className="secret-row">
        <input id="secret-value" ref={ref} className="input mono" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
        <Button
          onClick={() => {
            ref.current?.select();
            void navigator.clipboard?.writeText(secret).catch(() => undefined);
          }}
        >
          Copy
        </Button>
      </div>
      <p className="field-hint">This is the only time the secret is shown. Store it now; it cannot be read again.</p>
    </div>
  );
}

export function Mono({ children }: { children: ReactNode }) {
  return <span className="mono">{children}</span>;
}

/** An error inside a card, padded like the card's body; nothing when there is no error. */
export function CardError({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <div className="card-body">
      <ErrorBanner error={error} />
    </div>
  );
}

/**
 * A card's content from a query: a spinner while it loads, the error if it failed, `empty` when
 * `isEmpty` says there is nothing to show, else what `children` renders from the data.
 */
export function QueryBody<T>({
  query,
  isEmpty,
  empty,
  loadingLabel,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading {...(loadingLabel !== undefined ? { label: loadingLabel } : {})} />;
  if (query.isError || query.data === undefined) return <CardError error={query.error} />;
  return <>{isEmpty(query.data) ? empty : children(query.data)}</>;
}

/** The foot of a paged table while more pages remain: what is shown, and a button for the next page. */
export function LoadMore({ pages, children }: { pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> }; children: ReactNode }) {
  if (!pages.hasNextPage) return null;
  return (
    <div className="table-foot">
      <span>{children}</span>
      <Button onClick={() => void pages.fetchNextPage()} busy={pages.isFetchingNextPage}>
        Load more
      </Button>
    </div>
  );
}

/** The page shown when a record could not be loaded: "not found" for a 404, else the error. */
export function LoadFailedPage({ noun, error, breadcrumb }: { noun: string; error: unknown; breadcrumb?: ReactNode }) {
  const nf = error instanceof ApiError && error.status === 404;
  return (
    <div className="page">
      <PageHeader title={nf ? `${noun} not found` : noun} {...(breadcrumb !== undefined ? { breadcrumb } : {})} />
      {nf ? <Empty title={`There is no ${noun.toLowerCase()} with this id.`} /> : <ErrorBanner error={error} />}
    </div>
  );
}

/** The dialog shown once after creating something with a secret, which the user must store now. */
export function SecretCreatedDialog({ open, onClose, title, label, secret, children }: { open: boolean; onClose: () => void; title: ReactNode; label: string; secret: string; children?: ReactNode }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <Button variant="primary" onClick={onClose}>
          I have stored the secret
        </Button>
      }
    >
      {children}
      <SecretOnce label={label} secret={secret} />
    </Dialog>
  );
}

/** Conversations as a table, newest activity as the server sorted them; `withListing` adds the listing column. */
export function ConversationsTable({ conversations, withListing }: { conversations: readonly ConversationDto[]; withListing?: boolean }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Conversation</th>
          <th scope="col">Buyer</th>
          {withListing === true && <th scope="col">Listing</th>}
          <th scope="col" className="num">
            Messages
          </th>
          <th scope="col">Last message</th>
        </tr>
      </thead>
      <tbody>
        {conversations.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/conversations/${encodeURIComponent(c.id)}`} className="mono">
                {c.id}
              </Link>
            </td>
            <td className="mono muted">{c.buyer_id}</td>
            {withListing === true && <td className="mono">{c.listing_id !== null ? <Link to={`/listings/${encodeURIComponent(c.listing_id)}`}>{c.listing_id}</Link> : '—'}</td>}
            <td className="num">{c.message_count}</td>
            <td className="muted nowrap">{formatDateTime(c.last_message_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The foot of a keyboard-driven list: how many rows show, the keys that move and open, and "load more". */
export function ListFoot({ shown, more, moreLabel, pageSize, onMore, loadingMore }: { shown: number; more: boolean; moreLabel: string; pageSize: number; onMore: () => void; loadingMore: boolean }) {
  return (
    <div className="table-foot">
      <span>
        {shown} shown{more ? `; ${moreLabel}` : ''}
      </span>
      <span className="hint-bar" aria-hidden="true">
        <span>
          <Kbd>j</Kbd>
          <Kbd>k</Kbd> move
        </span>
        <span>
          <Kbd>Enter</Kbd> open
        </span>
        <span>
          <Kbd>?</Kbd> all shortcuts
        </span>
      </span>
      {more && (
        <Button onClick={onMore} busy={loadingMore}>
          Load {pageSize} more
        </Button>
      )}
    </div>
  );
}
