import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, CardError, Dialog, Empty, ErrorBanner, LoadMore, PageHeader, QueryBody, SecretCreatedDialog, SelectField, TextField } from '../../components';
import { IconPlus } from '../../icons';
import { ApiError, api } from '../../lib/api';
import { formatDateTime, humanize } from '../../lib/format';
import { useCursorPages } from '../../lib/queries';
import { can, useMe } from '../../lib/session';
import { useTitle } from '../../lib/title';
import type { DeliveryDto, WebhookDto } from '../../types';

const STATUSES = ['pending', 'delivering', 'delivered', 'failed', 'dead'] as const;
const STATUS_TONE: Record<string, 'neutral' | 'success' | 'warning' | 'danger' | 'accent'> = {
  pending: 'neutral',
  delivering: 'accent',
  delivered: 'success',
  failed: 'warning',
  dead: 'danger',
};

export function WebhooksScreen() {
  useTitle('Webhooks');
  const me = useMe();
  const write = can.writeWebhooks(me.role);
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [endpointFilter, setEndpointFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const endpoints = useQuery({ queryKey: ['webhooks'], queryFn: () => api.get<{ items: WebhookDto[] }>('/v1/webhooks') });
  const deliveries = useCursorPages<DeliveryDto>(['deliveries', endpointFilter, statusFilter], '/v1/webhooks/deliveries', (cursor) => ({
    endpoint_id: endpointFilter,
    status: statusFilter,
    cursor,
    limit: 25,
  }));
  const toggle = useMutation({
    mutationFn: (w: WebhookDto) => api.patch<WebhookDto>(`/v1/webhooks/${encodeURIComponent(w.id)}`, { active: !w.active }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  const redeliver = useMutation({
    mutationFn: (id: string) => api.post<DeliveryDto>(`/v1/webhooks/deliveries/${encodeURIComponent(id)}/redeliver`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['deliveries'] }),
  });
  const urlOf = (id: string) => endpoints.data?.items.find((e) => e.id === id)?.url ?? id;
  const rows = deliveries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Webhooks"
        subtitle="Signed event deliveries to the marketplace and other systems."
        actions={
          write && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <IconPlus className="nav-icon" /> New endpoint
            </Button>
          )
        }
      />
      <section className="card card-flush" aria-labelledby="endpoints-h">
        <div className="card-header">
          <h2 id="endpoints-h">Endpoints</h2>
        </div>
        <CardError error={toggle.error} />
        <QueryBody query={endpoints} isEmpty={(d) => d.items.length === 0} empty={<Empty title="No endpoints">Add one to receive case and enforcement events as signed HTTP POSTs.</Empty>}>
          {(d) => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">URL</th>
                    <th scope="col">Events</th>
                    <th scope="col">Description</th>
                    <th scope="col">State</th>
                    <th scope="col">Created</th>
                    {write && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((w) => (
                    <tr key={w.id}>
                      <td className="mono">{w.url}</td>
                      <td>
                        <div className="row row-wrap">
                          {w.event_types.map((t) => (
                            <code key={t}>{t}</code>
                          ))}
                        </div>
                      </td>
                      <td className="muted">{w.description || '—'}</td>
                      <td>{w.active ? <Badge tone="success">Active</Badge> : <Badge tone="warning">Paused</Badge>}</td>
                      <td className="muted nowrap">{formatDateTime(w.created_at)}</td>
                      {write && (
                        <td className="num">
                          <Button size="sm" onClick={() => toggle.mutate(w)} busy={toggle.isPending && toggle.variables?.id === w.id}>
                            {w.active ? 'Pause' : 'Resume'}
                          </Button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
      </section>

      <section className="card card-flush" aria-labelledby="deliveries-h">
        <div className="card-header">
          <h2 id="deliveries-h">Delivery log</h2>
          <span className="muted small">Newest first</span>
        </div>
        <div className="filters">
          <SelectField label="Endpoint" value={endpointFilter} onChange={(e) => setEndpointFilter(e.target.value)}>
            <option value="">All endpoints</option>
            {(endpoints.data?.items ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.url}
              </option>
            ))}
          </SelectField>
          <SelectField label="Status" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </SelectField>
        </div>
        <CardError error={redeliver.error} />
        <QueryBody query={deliveries} isEmpty={() => rows.length === 0} empty={<Empty title="No deliveries match">Deliveries appear here as events are relayed to the endpoints.</Empty>}>
          {() => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Endpoint</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Attempts
                    </th>
                    <th scope="col">Last response</th>
                    <th scope="col">Created</th>
                    <th scope="col">Next attempt</th>
                    {write && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <code>{d.event_type}</code>
                      </td>
                      <td className="mono muted title-cell">{urlOf(d.endpoint_id)}</td>
                      <td>
                        <Badge tone={STATUS_TONE[d.status] ?? 'neutral'}>{humanize(d.status)}</Badge>
                      </td>
                      <td className="num">{d.attempts}</td>
                      <td className="muted title-cell" title={d.last_error ?? undefined}>
                        {d.last_status_code !== null ? `HTTP ${d.last_status_code}` : ''}
                        {d.last_error !== null ? `${d.last_status_code !== null ? ' · ' : ''}${d.last_error}` : ''}
                        {d.last_status_code === null && d.last_error === null ? '—' : ''}
                      </td>
                      <td className="muted nowrap">{formatDateTime(d.created_at)}</td>
                      <td className="muted nowrap">{formatDateTime(d.next_attempt_at)}</td>
                      {write && (
                        <td className="num">
                          {(d.status === 'dead' || d.status === 'failed' || d.status === 'delivered') && (
                            <Button size="sm" onClick={() => redeliver.mutate(d.id)} busy={redeliver.isPending && redeliver.variables === d.id}>
                              Redeliver
                            </Button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
        <LoadMore pages={deliveries}>Showing {rows.length} deliveries</LoadMore>
      </section>
      {write && <CreateWebhookDialog open={creating} onClose={() => setCreating(false)} />}
    </div>
  );
}

function CreateWebhookDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('*');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<{ endpoint: WebhookDto; secret: string }>('/v1/webhooks', {
        url: url.trim(),
        event_types: events
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        description: description.trim(),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  const e = create.error instanceof ApiError ? create.error : undefined;
  const eventsError = e?.errors.find((x) => x.field.includes('event_types'))?.reason;
  const close = () => {
    create.reset();
    setUrl('');
    setEvents('*');
    setDescription('');
    onClose();
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    create.mutate();
  };
  if (create.isSuccess) {
    return (
      <SecretCreatedDialog open={open} onClose={close} title="Endpoint added" label="Signing secret" secret={create.data.secret}>
        <p style={{ marginBottom: 12 }}>
          Deliveries to <span className="mono">{create.data.endpoint.url}</span> are signed with this secret (header <code>x-assay-signature</code>).
        </p>
      </SecretCreatedDialog>
    );
  }
  return (
    <Dialog open={open} onClose={close} title="New webhook endpoint">
      <form onSubmit={submit} noValidate>
        {create.isError && e?.errors.length === 0 && <ErrorBanner error={create.error} />}
        <TextField label="URL" type="url" placeholder="https://marketplace.example/hooks/assay" value={url} onChange={(ev) => setUrl(ev.target.value)} error={e?.fieldError('url')} required />
        <TextField label="Events" value={events} onChange={(ev) => setEvents(ev.target.value)} error={eventsError} hint="Comma-separated: * for all, an exact type such as case.opened, or a prefix such as case.*" />
        <TextField label="Description (optional)" value={description} onChange={(ev) => setDescription(ev.target.value)} error={e?.fieldError('description')} />
        <div className="dialog-footer">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Add endpoint
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
