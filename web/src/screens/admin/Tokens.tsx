import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dialog, Empty, ErrorBanner, PageHeader, QueryBody, SecretCreatedDialog, SelectField, TextField } from '../../components';
import { IconPlus } from '../../icons';
import { ApiError, api } from '../../lib/api';
import { formatDateTime, humanize } from '../../lib/format';
import { useTitle } from '../../lib/title';
import type { TokenDto, UserDto } from '../../types';

const ROLES = ['integration', 'agent', 'senior', 'manager', 'legal', 'vendor', 'admin'] as const;

export function TokensScreen() {
  useTitle('API tokens');
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenDto | null>(null);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.get<{ items: TokenDto[] }>('/v1/api-tokens') });
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: UserDto[] }>('/v1/users') });
  const userName = (id: string | null) => (id === null ? null : (users.data?.items.find((u) => u.id === id)?.name ?? id));
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/v1/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setRevoking(null);
      void qc.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const items = tokens.data?.items ?? [];
  const active = items.filter((t) => t.revoked_at === null);
  const revoked = items.filter((t) => t.revoked_at !== null);

  return (
    <div className="page">
      <PageHeader
        title="API tokens"
        subtitle="Machine access for the marketplace integration, scripts and the CLI. Secrets are stored hashed and shown once."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <IconPlus className="nav-icon" /> New token
          </Button>
        }
      />
      <div className="card card-flush">
        <QueryBody query={tokens} isEmpty={() => items.length === 0} empty={<Empty title="No API tokens">Create one for the marketplace integration to send messages and events.</Empty>}>
          {() => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Acts as</th>
                    <th scope="col">Created</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...active, ...revoked].map((t) => (
                    <tr key={t.id}>
                      <td>
                        <strong>{t.name}</strong> <span className="mono faint">{t.id}</span>
                      </td>
                      <td>{humanize(t.role)}</td>
                      <td className="muted">{userName(t.user_id) ?? 'No user'}</td>
                      <td className="muted nowrap">{formatDateTime(t.created_at)}</td>
                      <td>{t.revoked_at === null ? <Badge tone="success">Active</Badge> : <Badge>Revoked {formatDateTime(t.revoked_at)}</Badge>}</td>
                      <td className="num">
                        {t.revoked_at === null && (
                          <Button size="sm" variant="danger" onClick={() => setRevoking(t)}>
                            Revoke
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
      </div>
      <CreateTokenDialog open={creating} users={users.data?.items ?? []} onClose={() => setCreating(false)} />
      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke this token?"
        footer={
          <>
            <Button onClick={() => setRevoking(null)}>Cancel</Button>
            <Button variant="danger" busy={revoke.isPending} onClick={() => revoking !== null && revoke.mutate(revoking.id)}>
              Revoke token
            </Button>
          </>
        }
      >
        <p>
          Requests using <strong>{revoking?.name}</strong> will be refused at once. This cannot be undone.
        </p>
        {revoke.isError && <ErrorBanner error={revoke.error} />}
      </Dialog>
    </div>
  );
}

function CreateTokenDialog({ open, users, onClose }: { open: boolean; users: readonly UserDto[]; onClose: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState('integration');
  const [userId, setUserId] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<{ token: string; info: TokenDto }>('/v1/api-tokens', { name: name.trim(), role, ...(userId !== '' ? { user_id: userId } : {}) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const e = create.error instanceof ApiError ? create.error : undefined;
  const close = () => {
    create.reset();
    setName('');
    setUserId('');
    setRole('integration');
    onClose();
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    create.mutate();
  };
  if (create.isSuccess) {
    return (
      <SecretCreatedDialog open={open} onClose={close} title={`Token “${create.data.info.name}” created`} label="Secret" secret={create.data.token} />
    );
  }
  return (
    <Dialog open={open} onClose={close} title="New API token">
      <form onSubmit={submit} noValidate>
        {create.isError && e?.errors.length === 0 && <ErrorBanner error={create.error} />}
        <TextField label="Name" value={name} onChange={(ev) => setName(ev.target.value)} error={e?.fieldError('name')} hint="Who or what uses it, e.g. “Marketplace sync (production)”." required />
        <div className="form-grid">
          <SelectField label="Role" value={role} onChange={(ev) => setRole(ev.target.value)} error={e?.fieldError('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {humanize(r)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Acts as user (optional)" value={userId} onChange={(ev) => setUserId(ev.target.value)} error={e?.fieldError('user_id')}>
            <option value="">No user</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="dialog-footer">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
