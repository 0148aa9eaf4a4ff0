import { useState } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Button, Empty, ErrorBanner, Loading, PageHeader, TextField } from '../../components';
import { IconAlert, IconCheckCircle, IconShield } from '../../icons';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber, formatShort, humanize } from '../../lib/format';
import { shortId } from '../../lib/queries';
import { can, useMe } from '../../lib/session';
import { useTitle } from '../../lib/title';
import type { AuditEntryDto, AuditReportDto } from '../../types';

export function AuditScreen() {
  useTitle('Audit');
  const me = useMe();
  const [subjectId, setSubjectId] = useState('');
  const [applied, setApplied] = useState('');
  const verify = useMutation({ mutationFn: () => api.post<AuditReportDto>('/v1/audit/verify') });
  const entries = useInfiniteQuery({
    queryKey: ['audit', applied],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: AuditEntryDto[]; next_after_seq: number | null }>('/v1/audit', { query: { subject_id: applied, after_seq: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.next_after_seq ?? undefined,
  });
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Audit trail"
        subtitle="Every state change, hash-chained. Entries hold ids and field names, never personal data."
        actions={
          can.verifyAudit(me.role) && (
            <Button variant="primary" onClick={() => verify.mutate()} busy={verify.isPending}>
              <IconShield className="nav-icon" /> {verify.isPending ? 'Verifying…' : 'Verify the chain'}
            </Button>
          )
        }
      />
      {verify.isError && <ErrorBanner error={verify.error} title="The chain could not be verified" />}
      {verify.data !== undefined && <VerifyResult report={verify.data} />}
      <div className="card card-flush" style={{ marginTop: verify.data !== undefined ? 16 : 0 }}>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(subjectId.trim());
          }}
        >
          <TextField label="Subject id" placeholder="case_…, usr_…, whk_…" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} />
          <Button type="submit">Filter</Button>
          {applied !== '' && (
            <Button
              variant="ghost"
              onClick={() => {
                setSubjectId('');
                setApplied('');
              }}
            >
              Clear
            </Button>
          )}
        </form>
        {entries.isPending ? (
          <Loading />
        ) : entries.isError ? (
          <div className="card-body">
            <ErrorBanner error={entries.error} />
          </div>
        ) : rows.length === 0 ? (
          <Empty title="No entries" />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Seq
                  </th>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Fields</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.seq}>
                    <td className="num mono">{a.seq}</td>
                    <td className="nowrap muted" title={formatDateTime(a.at, true)}>
                      {formatShort(a.at)}
                    </td>
                    <td>
                      <code>{a.action}</code>
                    </td>
                    <td className="nowrap" title={a.actor_id}>
                      <span className="muted">{a.actor_type}</span> <span className="mono">{shortId(a.actor_id)}</span>
                    </td>
                    <td className="nowrap" title={a.subject_id}>
                      <span className="muted">{humanize(a.subject_type)}</span> <span className="mono">{shortId(a.subject_id)}</span>
                    </td>
                    <td className="muted wrap-cell">{a.fields.length > 0 ? a.fields.join(', ') : '—'}</td>
                    <td className="mono faint" title={a.hash}>
                      {a.hash.slice(0, 12)}…
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {entries.hasNextPage && (
          <div className="table-foot">
            <span>Showing {formatNumber(rows.length)} entries, oldest first</span>
            <Button onClick={() => void entries.fetchNextPage()} busy={entries.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}

function VerifyResult({ report }: { report: AuditReportDto }) {
  if (report.ok) {
    return (
      <div className="verify-result verify-ok" role="status">
        <IconCheckCircle className="verify-icon" />
        <div>
          <strong>The chain is intact</strong>
          {formatNumber(report.entries)} entries recomputed{report.head !== null && <> up to #{report.head.seq}</>}.{' '}
          {report.checkpoint !== null ? (
            <>
              Matches the checkpoint at #{report.checkpoint.seq} ({formatDateTime(report.checkpoint.at, true)}).
            </>
          ) : (
            <>No checkpoint has been written yet, so a cut-off tail cannot be detected.</>
          )}
          {report.head !== null && (
            <div className="mono small" style={{ marginTop: 4 }}>
              head {report.head.hash}
            </div>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="verify-result verify-bad" role="alert">
      <IconAlert className="verify-icon" />
      <div>
        <strong>The chain is broken</strong>
        {report.problem !== null ? (
          <>
            First bad entry: #{report.problem.seq}
            {report.problem.id !== undefined && <> ({report.problem.id})</>} — {report.problem.kind.replace(/_/g, ' ')}. {report.problem.detail}
          </>
        ) : (
          <>{formatNumber(report.entries)} entries checked.</>
        )}
      </div>
    </div>
  );
}
