import { forwardRef, useEffect, useId, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconSearch } from './icons';
import { errorMessage } from './lib/api';
import { navigate } from './lib/router';
import { conversationExists, hitPath, search, type HitKind, type SearchHit } from './lib/search';
import { can, useMe } from './lib/session';
import { Kbd } from './components';

const KIND_LABEL: Record<HitKind, string> = { case: 'Case', seller: 'Seller', listing: 'Listing', conversation: 'Conversation' };

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * The search box at the top of the sidebar, a combobox: results appear as you type, arrows move,
 * Enter opens the highlighted result or, on an exact id, goes straight to its page; Esc leaves.
 */
export const GlobalSearch = forwardRef<HTMLInputElement>(function GlobalSearch(_props, ref) {
  const me = useMe();
  const qc = useQueryClient();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [note, setNote] = useState<string | null>(null);
  const q = useDebounced(text.trim(), 200);
  const results = useQuery({
    queryKey: ['search', me.role, q],
    enabled: q.length >= 2,
    staleTime: 30_000,
    queryFn: ({ signal }) => search(qc, me.role, q, signal),
  });
  const hits = results.data ?? [];
  const settled = q === text.trim() && !results.isFetching;
  const what = can.seeMarketplace(me.role) ? 'Seller, listing, conversation or case' : 'Case id';

  useEffect(() => setActive(-1), [q]);

  const go = (hit: SearchHit) => {
    setOpen(false);
    setText('');
    setNote(null);
    (document.activeElement as HTMLElement | null)?.blur();
    navigate(hit.to);
  };

  const submit = async () => {
    const chosen = active >= 0 ? hits[active] : undefined;
    if (chosen !== undefined) return go(chosen);
    const typed = text.trim();
    if (typed.length < 2) return;
    // Search what is typed now, not what the debounce last saw.
    const now = typed === q && results.data !== undefined ? results.data : await qc.fetchQuery({ queryKey: ['search', me.role, typed], staleTime: 30_000, queryFn: ({ signal }) => search(qc, me.role, typed, signal) });
    const exact = now.filter((h) => h.exact);
    if (exact.length === 1 || (exact.length > 1 && exact[0]!.kind === 'case')) return go(exact[0]!);
    if (exact.length === 0 && now.length === 1) return go(now[0]!);
    if (now.length === 0) {
      try {
        if (await conversationExists(me.role, typed)) return go({ kind: 'conversation', id: typed, title: typed, detail: '', to: hitPath('conversation', typed), exact: true });
      } catch (e) {
        setNote(errorMessage(e));
        return;
      }
      setNote(`Nothing matches “${typed}”.`);
    }
    setOpen(true);
  };

  const showList = open && text.trim().length >= 2;
  return (
    <div className="gsearch" role="search" aria-label="Search Assay">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search: {what.toLowerCase()}
      </label>
      <IconSearch className="gsearch-icon" />
      <input
        ref={ref}
        id={`${listId}-input`}
        className="gsearch-input"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${listId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && showList ? `${listId}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search"
        maxLength={128}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setNote(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          // late, so a click on a result lands first; not if the focus came back meanwhile
          const input = e.currentTarget;
          window.setTimeout(() => {
            if (document.activeElement !== input) setOpen(false);
          }, 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, -1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            if (text !== '') setText('');
            else e.currentTarget.blur();
            setOpen(false);
          }
        }}
      />
      {text === '' && (
        <span className="gsearch-key" aria-hidden="true">
          <Kbd>/</Kbd>
        </span>
      )}
      {showList && (
        <div className="gsearch-pop">
          <ul id={`${listId}-list`} role="listbox" aria-label="Search results" className="gsearch-list">
            {hits.map((h, i) => (
              <li
                key={`${h.kind}:${h.id}`}
                id={`${listId}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={`gsearch-opt${i === active ? ' active' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  go(h);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className={`gsearch-kind gsearch-kind-${h.kind}`}>{KIND_LABEL[h.kind]}</span>
                <span className="gsearch-text">
                  <span className="gsearch-title">{h.title}</span>
                  <span className="gsearch-detail">
                    <span className="mono">{h.id}</span> · {h.detail}
                  </span>
                </span>
                {h.exact && <span className="gsearch-exact">Exact id</span>}
              </li>
            ))}
          </ul>
          <div className="gsearch-foot" role="status" aria-live="polite">
            {results.isError ? errorMessage(results.error) : note !== null ? note : !settled ? 'Searching…' : hits.length === 0 ? (can.seeMarketplace(me.role) ? `No match. Press Enter to try “${text.trim()}” as a conversation id.` : 'No case has this id.') : `${hits.length} result${hits.length === 1 ? '' : 's'} · ↑↓ to move, Enter to open`}
          </div>
        </div>
      )}
    </div>
  );
});
