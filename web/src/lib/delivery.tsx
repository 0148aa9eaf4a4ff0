import { useQuery } from '@tanstack/react-query';
import { Badge } from '../components';
import { api } from './api';
import { formatDateTime } from './format';
import type { PageDto } from '../types';

/** An email's delivery as the email log has it (`GET /v1/emails`, without bodies). */
export interface EmailDeliveryDto {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly status: 'queued' | 'sending' | 'sent' | 'failed' | 'dead' | string;
  readonly attempts: number;
  readonly next_attempt_at: string | null;
  readonly last_error: string | null;
  readonly last_attempt_at: string | null;
  readonly created_at: string;
  readonly sent_at: string | null;
}

const SETTLED = new Set(['sent', 'dead']);

/**
 * The email that carried a notice, refreshed while it is still on its way (queued, being sent, or
 * failed and waiting to be retried) so the console shows it leave without a reload.
 */
export function useNoticeEmail(noticeId: string | null | undefined, hasEmail = true) {
  return useQuery({
    queryKey: ['notice-email', noticeId],
    enabled: noticeId !== null && noticeId !== undefined && hasEmail,
    queryFn: ({ signal }) => api.get<PageDto<EmailDeliveryDto>>('/v1/emails', { query: { ref_type: 'notice', ref_id: noticeId!, limit: 5 }, signal }),
    select: (d) => d.items[0],
    refetchInterval: (q) => {
      const e = q.state.data?.items[0];
      return e === undefined || !SETTLED.has(e.status) ? 3000 : false;
    },
  });
}

/** Queued, sent at…, failed with the SMTP server's reason (and when it is tried again), or given up. */
export function DeliveryStatus({ email, compact }: { email: EmailDeliveryDto | undefined; compact?: boolean }) {
  if (email === undefined) return <span className="faint">Not e-mailed</span>;
  const when = (iso: string | null) => (iso === null ? '' : formatDateTime(iso));
  switch (email.status) {
    case 'sent':
      return (
        <span className="delivery" data-delivery="sent" title={compact === true ? `Sent ${when(email.sent_at)} to ${email.to}` : undefined}>
          <Badge tone="success">Sent</Badge>
          {compact !== true && <span className="muted small"> {when(email.sent_at)}</span>}
        </span>
      );
    case 'queued':
    case 'sending':
      return (
        <span className="delivery" data-delivery={email.status}>
          <Badge tone="warning">{email.status === 'queued' ? 'Queued' : 'Sending'}</Badge>
          {!compact && <span className="muted small"> {email.attempts === 0 ? 'waiting for the mail server' : `attempt ${email.attempts + 1}`}</span>}
        </span>
      );
    case 'failed':
    case 'dead':
      return (
        <span className="delivery" data-delivery={email.status}>
          <Badge tone="danger">{email.status === 'dead' ? 'Not delivered' : 'Failed'}</Badge>{' '}
          <span className="muted small">
            {email.status === 'failed' && email.next_attempt_at !== null ? `retry ${when(email.next_attempt_at)}` : `after ${email.attempts} attempt${email.attempts === 1 ? '' : 's'}`}
          </span>
          {email.last_error !== null && (
            <span className="delivery-error" title={email.last_error}>
              {email.last_error}
            </span>
          )}
        </span>
      );
    default:
      return <Badge>{email.status}</Badge>;
  }
}

/** A notice's delivery in a table cell: looks the email up by the notice. */
export function NoticeDelivery({ noticeId, emailId }: { noticeId: string; emailId: string | null }) {
  const email = useNoticeEmail(noticeId, emailId !== null);
  if (emailId === null) return <span className="faint">Not e-mailed</span>;
  if (email.isPending) return <span className="faint">Checking…</span>;
  if (email.isError) return <span className="faint">Unknown</span>;
  return <DeliveryStatus email={email.data} compact />;
}
