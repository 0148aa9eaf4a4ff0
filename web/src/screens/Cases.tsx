import { useEffect, useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, ListFoot, PageHeader, PriorityBadge, QueryBody, SelectField, SlaBadge, StatusBadge } from '../components';
import { api } from '../lib/api';
import { formatDateTime, formatShort, humanize } from '../lib/format';
import { useKeyboardList } from '../lib/hotkeys';
import { caseTypeTitle, useCaseTypes, usePeople, useQueues } from '../lib/queries';
import { Link, navigate, useSearchParams } from '../lib/router';
import { useMe } from '../lib/session';
import { useTitle } from '../lib/title';
import type { CaseDto, PageDto } from '../types';

const SORTS = [
  { value: 'sla_due_at.asc', label: 'SLA due, soonest first' },
  { value: 'priority.asc', label: 'Priority, urgent first' },
  { value: 'opened_at.desc', label: 'Newest first' },
  { value: 'opened_at.asc', label: 'Oldest first' },
] as const;
const DEFAULT_SORT = 'sla_due_at.asc';
const PAGE_SIZE = 50;

/** Keeps the list position when coming back from a case. */
const positionKey = (qs: string) => `assay.cases.pos:${qs}`;
export const LAST_LIST_KEY = 'assay.cases.last';

export function CasesScreen() {
  useTitle('Cases');
  const me = useMe();
  const people = usePeople();
  const [params, setParams] = useSearchParams();
  const types = useCaseTypes();
  const queues = useQueues();

  const type = params.get('type') ?? '';
  const status = params.get('status') ?? '';
  const queue = params.get('queue') ?? '';
  const priority = params.get('priority') ?? '';
  const assignee = params.get('assignee') ?? '';
  const openOnly = params.get('open') !== '0';
  const overdueOnly = params.get('overdue') === '1';
  const sort = SORTS.some((s) => s.value === params.get('sort')) ? params.get('sort')! : DEFAULT_SORT;
  const [sortBy, dir] = sort.split('.') as [string, string];

  const statuses = useMemo(() => {
    const all = types.data ?? [];
    const chosen = type === '' ? all : all.filter((t) => t.type === type);
    const names = new Map<string, boolean>();
    for (const t of chosen) for (const s of t.statuses) names.set(s.name, s.closed);
    return [...names.entries()].filter(([, closed]) => !openOnly || !closed).map(([name]) => name);
  }, [types.data, type, openOnly]);

  const query = {
    type,
    status: status === '' ? undefined : [status],
    queue,
    priority,
    assignee: assignee === 'me' ? me.id : assignee,
    open_only: openOnly ? true : undefined,
    overdue_only: overdueOnly ? true : undefined,
    sort: sortBy,
    dir,
    limit: PAGE_SIZE,
  };
  const list = useInfiniteQuery({
    queryKey: ['cases', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<PageDto<CaseDto>>('/v1/cases', { query: { ...query, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const qs = params.toString();
  const [selected, setSelected] = useState<number>(() => Number(sessionStorage.getItem(positionKey(qs)) ?? 0));
  useEffect(() => {
    sessionStorage.setItem(positionKey(qs), String(selected));
    sessionStorage.setItem(LAST_LIST_KEY, qs === '' ? '/cases' : `/cases?${qs}`);
  }, [qs, selected]);
  const open = (c: CaseDto | undefined) => {
    if (c !== undefined) navigate(`/cases/${encodeURIComponent(c.id)}`);
  };
  const { selected: clamped, tableRef } = useKeyboardList({
    rows,
    open,
    hasNextPage: list.hasNextPage,
    fetchingNextPage: list.isFetchingNextPage,
    fetchNextPage: () => void list.fetchNextPage(),
    state: [selected, setSelected],
  });

  const change = (k: string, v: string) => {
    setSelected(0);
    setParams({ [k]: v }, { replace: true });
  };
  const filtersActive = type !== '' || status !== '' || queue !== '' || priority !== '' || assignee !== '' || overdueOnly || !openOnly;

  return (
    <div className="page">
      <PageHeader
        title="Cases"
        subtitle={list.isPending ? 'Loading…' : `${rows.length}${list.hasNextPage ? '+' : ''} ${openOnly ? 'open ' : ''}case${rows.length === 1 ? '' : 's'}${overdueOnly ? ', overdue' : ''}`}
        actions={
          <div className="sort-control">
            <label htmlFor="cases-sort">Sort</label>
            <select id="cases-sort" className="input select" value={sort} onChange={(e) => change('sort', e.target.value)}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        }
      />
      <div className="card card-flush">
        <div className="filters" role="search" aria-label="Filter cases">
          <SelectField label="Type" className="input select wide" value={type} onChange={(e) => change('type', e.target.value)}>
            <option value="">All types</option>
            {(types.data ?? []).map((t) => (
              <option key={t.type} value={t.type}>
                {t.title}
              </option>
            ))}
          </SelectField>
          <SelectField label="Status" value={status} onChange={(e) => change('status', e.target.value)}>
            <option value="">{openOnly ? 'Any open status' : 'Any status'}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Queue" value={queue} onChange={(e) => change('queue', e.target.value)}>
            <option value="">All queues</option>
            {(queues.data ?? []).map((q) => (
              <option key={q.queue} value={q.queue}>
                {humanize(q.queue)}
              </option>
            ))}
            {queue !== '' && !(queues.data ?? []).some((q) => q.queue === queue) && <option value={queue}>{humanize(queue)}</option>}
          </SelectField>
          <SelectField label="Priority" value={priority} onChange={(e) => change('priority', e.target.value)}>
            <option value="">Any priority</option>
            <option value="p1">P1 Urgent</option>
            <option value="p2">P2 High</option>
            <option value="p3">P3 Normal</option>
            <option value="p4">P4 Low</option>
          </SelectField>
          <SelectField label="Assignee" value={assignee} onChange={(e) => change('assignee', e.target.value)}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
          </SelectField>
          <SelectField label="State" value={overdueOnly ? 'overdue' : openOnly ? 'open' : 'all'} onChange={(e) => setParams({ open: e.target.value === 'all' ? '0' : undefined, overdue: e.target.value === 'overdue' ? '1' : undefined, status: undefined }, { replace: true })}>
            <option value="open">Open</option>
            <option value="overdue">Open and overdue</option>
            <option value="all">Open and closed</option>
          </SelectField>
          {filtersActive && (
            <Button variant="ghost" onClick={() => navigate('/cases', { replace: true })}>
              Clear filters
            </Button>
          )}
        </div>
        <QueryBody
          query={list}
          loadingLabel="Loading cases…"
          isEmpty={() => rows.length === 0}
          empty={<Empty title="No cases match these filters">{filtersActive ? 'Try clearing a filter.' : 'New cases appear here as they are opened.'}</Empty>}
        >
          {() => (
            <div className="table-wrap">
              <table className="table table-clickable" aria-label="Cases" aria-rowcount={rows.length}>
                <thead>
                  <tr>
                    <th scope="col">Priority</th>
                    <th scope="col">Case</th>
                    <th scope="col">Status</th>
                    <th scope="col">Assignee</th>
                    <th scope="col">SLA</th>
                    <th scope="col">Opened</th>
                  </tr>
                </thead>
                <tbody ref={tableRef}>
                  {rows.map((c, i) => (
                    <tr
                      key={c.id}
                      className={i === clamped ? 'selected' : undefined}
                      aria-selected={i === clamped}
                      data-case-id={c.id}
                      onClick={() => {
                        setSelected(i);
                        open(c);
                      }}
                    >
                      <td>
                        <PriorityBadge priority={c.priority} short />
                      </td>
                      <td className="title-cell case-cell">
                        <Link className="case-cell-title" to={`/cases/${encodeURIComponent(c.id)}`} onClick={(e) => e.stopPropagation()} tabIndex={i === clamped ? 0 : -1}>
                          {c.title}
                        </Link>
                        <span className="case-cell-meta">
                          {caseTypeTitle(types.data, c.type)} · {humanize(c.queue)} queue · <span className="mono">{c.id}</span>
                        </span>
                      </td>
                      <td>
                        <StatusBadge status={c.status} closed={c.closed} />
                      </td>
                      <td className="nowrap">{c.assignee_id === null ? <span className="faint">Unassigned</span> : people(c.assignee_id)}</td>
                      <td className="nowrap">
                        <SlaBadge due={c.sla_due_at} closedAt={c.closed_at} />
                      </td>
                      <td className="muted nowrap" title={formatDateTime(c.opened_at, true)}>
                        {formatShort(c.opened_at)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
        {rows.length > 0 && (
          <ListFoot shown={rows.length} more={list.hasNextPage} moreLabel="more match" pageSize={PAGE_SIZE} onMore={() => void list.fetchNextPage()} loadingMore={list.isFetchingNextPage} />
        )}
      </div>
    </div>
  );
}
