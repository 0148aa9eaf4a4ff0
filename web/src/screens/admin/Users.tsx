import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Banner, Button, Dialog, Empty, ErrorBanner, Loading, PageHeader, SelectField, TextField } from '../../components';
import { IconPlus } from '../../icons';
import { ApiError, api } from '../../lib/api';
import { formatDateTime, humanize } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { useTitle } from '../../lib/title';
import type { UserDto, VendorOrgDto } from '../../types';

const ROLES = ['agent', 'senior', 'manager', 'legal', 'vendor', 'admin', 'integration'] as const;

export function UsersScreen() {
  useTitle('Users');
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<UserDto | null>(null);
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: UserDto[] }>('/v1/users') });
  const orgs = useQuery({ queryKey: ['vendor-orgs'], queryFn: () => api.get<{ items: VendorOrgDto[] }>('/v1/vendor-orgs') });
  const orgName = (id: string | null) => (id === null ? null : (orgs.data?.items.find((o) => o.id === id)?.name ?? id));

  return (
    <div className="page">
      <PageHeader
        title="Users"
        subtitle="People who sign in to the console, and their roles."
        actions={
          can.writeUsers(me.role) && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <IconPlus className="nav-icon" /> New user
            </Button>
          )
        }
      />
      {created !== null && (
        <Banner tone="success">
          {created.name} ({created.email}) can now sign in as {humanize(created.role).toLowerCase()}.
        </Banner>
      )}
      <div className="card card-flush">
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <div className="card-body">
            <ErrorBanner error={users.error} />
          </div>
        ) : users.data.items.length === 0 ? (
          <Empty title="No users yet" />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Vendor organisation</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <strong>{u.name}</strong>
                      {u.id === me.id && <span className="muted"> (you)</span>}
                    </td>
                    <td>{u.email}</td>
                    <td>
                      <Badge tone={u.role === 'admin' ? 'accent' : 'neutral'}>{humanize(u.role)}</Badge>
                    </td>
                    <td className="muted">{orgName(u.vendor_org_id) ?? '—'}</td>
                    <td>
                      <Badge tone={u.status === 'active' ? 'success' : 'neutral'}>{humanize(u.status)}</Badge>
                    </td>
                    <td className="muted nowrap">{formatDateTime(u.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <CreateUserDialog
        open={creating}
        orgs={orgs.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          setCreated(u);
        }}
      />
    </div>
  );
}

function CreateUserDialog({ open, orgs, onClose, onCreated }: { open: boolean; orgs: readonly VendorOrgDto[]; onClose: () => void; onCreated: (u: UserDto) => void }) {
  const qc = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', role: 'agent', password: '', vendor_org_id: '' });
  const create = useMutation({
    mutationFn: () =>
      api.post<UserDto>('/v1/users', {
        name: form.name.trim(),
        email: form.email.trim(),
        role: form.role,
        password: form.password,
        ...(form.role === 'vendor' && form.vendor_org_id !== '' ? { vendor_org_id: form.vendor_org_id } : {}),
      }),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      setForm({ name: '', email: '', role: 'agent', password: '', vendor_org_id: '' });
      create.reset();
      onCreated(u);
    },
  });
  const e = create.error instanceof ApiError ? create.error : undefined;
  const set = (k: keyof typeof form) => (ev: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: ev.target.value }));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    create.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={() => {
        create.reset();
        onClose();
      }}
      title="New user"
    >
      <form onSubmit={submit} noValidate>
        {create.isError && e?.errors.length === 0 && <ErrorBanner error={create.error} />}
        <div className="form-grid">
          <TextField label="Full name" value={form.name} onChange={set('name')} error={e?.fieldError('name')} autoComplete="off" required />
          <TextField label="Email" type="email" value={form.email} onChange={set('email')} error={e?.fieldError('email')} autoComplete="off" required />
          <SelectField label="Role" value={form.role} onChange={set('role')} error={e?.fieldError('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {humanize(r)}
              </option>
            ))}
          </SelectField>
          {form.role === 'vendor' ? (
            <SelectField label="Vendor organisation" value={form.vendor_org_id} onChange={set('vendor_org_id')} error={e?.fieldError('vendor_org_id')}>
              <option value="">Choose…</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <div />
          )}
        </div>
        <TextField
          label="Initial password"
          type="password"
          value={form.password}
          onChange={set('password')}
          error={e?.fieldError('password')}
          hint="At least 10 characters. Share it privately; the person should change it."
          autoComplete="new-password"
          required
        />
        <div className="dialog-footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
