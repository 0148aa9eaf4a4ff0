import { useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import { api, type RequestOptions } from './api';
import { can, useMe } from './session';
import type { CaseTypeDto, PageDto, QueueDto, UserDto } from '../types';

/** Case types change only with a deploy: fetch once per session. */
export function useCaseTypes() {
  return useQuery({ queryKey: ['case-types'], queryFn: () => api.get<{ items: CaseTypeDto[] }>('/v1/case-types'), staleTime: Infinity, select: (d) => d.items });
}

export function useQueues() {
  return useQuery({ queryKey: ['queues'], queryFn: () => api.get<{ items: QueueDto[] }>('/v1/queues'), select: (d) => d.items, refetchInterval: 60_000 });
}

/**
 * Names for the user ids on cases and timelines. Only admins and managers may list users; for
 * everyone else a person is "You" or a short id.
 */
export function usePeople(): (actor: { type: string; id: string } | string | null | undefined) => string {
  const me = useMe();
  const allowed = can.readUsers(me.role);
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: UserDto[] }>('/v1/users'), enabled: allowed, staleTime: 5 * 60_000 });
  return (actor) => {
    if (actor === null || actor === undefined) return 'Unassigned';
    const id = typeof actor === 'string' ? actor : actor.id;
    const type = typeof actor === 'string' ? 'user' : actor.type;
    if (type === 'system') return 'Assay';
    if (id === me.id) return 'You';
    const u = users.data?.items.find((x) => x.id === id);
    if (u !== undefined) return u.name;
    if (type === 'token') return `API token ${shortId(id)}`;
    return shortId(id);
  };
}

export function shortId(id: string): string {
  const i = id.indexOf('_');
  return i >= 0 && id.length > i + 9 ? `${id.slice(0, i + 1)}…${id.slice(-6)}` : id;
}

export function caseTypeTitle(types: readonly CaseTypeDto[] | undefined, type: string): string {
  return types?.find((t) => t.type === type)?.title ?? type.replace(/_/g, ' ');
}

/** A cursor-paged list endpoint as pages loaded one after another; `query` builds the query string for a page's cursor. */
export function useCursorPages<T>(queryKey: QueryKey, path: string, query: (cursor: string | undefined) => RequestOptions['query']) {
  return useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<PageDto<T>>(path, { query: query(pageParam), signal }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
