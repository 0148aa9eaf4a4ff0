import { useEffect, useId, useRef, type ButtonHTMLAttributes, type ComponentPropsWithRef, type ReactNode } from 'react';
import { ApiError, errorMessage } from './lib/api';
import { formatDateTime, formatDuration, humanize, secondsUntil, slaState } from './lib/format';

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
export function Dialog({ open, onClose, title, children, footer, labelledBy }: { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode; footer?: ReactNode; labelledBy?: string }) {
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
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={(e) => { e.preventDefault(); onClose(); }}>
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
