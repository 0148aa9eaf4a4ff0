import { useEffect, useRef, useState, type RefObject } from 'react';

/** True when a key press belongs to a text field (or a dialog is open), not to the page's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

/** A handler returns false when it leaves the key alone (its default action then happens). */
export type HotkeyMap = Record<string, (e: KeyboardEvent) => void | boolean>;

/**
 * Page shortcuts by `KeyboardEvent.key` (`j`, `Enter`, `?`, `1`). Ignored while typing, with a
 * modifier held, or while a modal dialog is open (the dialog handles its own keys).
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const handler = ref.current[e.key];
      if (handler === undefined) return;
      if (handler(e) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/** The current screen's own shortcuts, shown first in the shell's "?" help. */
export interface ShortcutSection {
  readonly title: string;
  readonly items: readonly { readonly keys: readonly string[]; readonly text: string }[];
}

let pageShortcuts: ShortcutSection | null = null;
const shortcutListeners = new Set<() => void>();

export const shortcutRegistry = {
  subscribe(l: () => void): () => void {
    shortcutListeners.add(l);
    return () => shortcutListeners.delete(l);
  },
  get: (): ShortcutSection | null => pageShortcuts,
};

/** Registers the screen's shortcuts for the help dialog while the screen is mounted. */
export function usePageShortcuts(section: ShortcutSection): void {
  const ref = useRef(section);
  ref.current = section;
  useEffect(() => {
    pageShortcuts = ref.current;
    for (const l of shortcutListeners) l();
    return () => {
      pageShortcuts = null;
      for (const l of shortcutListeners) l();
    };
  }, []);
}

/**
 * A keyboard-driven list: j/k and the arrows move the selection (j past the last row loads the next
 * page), Enter and o open the selected row; the selected row scrolls into view. Bind `tableRef` to
 * the table's tbody and mark the row at `selected`.
 */
export function useKeyboardList<T>(opts: {
  rows: readonly T[];
  open: (row: T | undefined) => void;
  hasNextPage: boolean;
  fetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** The selection's state when the screen keeps it (e.g. across visits); else the hook's own. */
  state?: readonly [number, (i: number) => void];
}): { selected: number; select: (i: number) => void; tableRef: RefObject<HTMLTableSectionElement | null> } {
  const { rows, open } = opts;
  const own = useState(0);
  const [selected, setSelected] = opts.state ?? own;
  const clamped = rows.length === 0 ? -1 : Math.min(selected, rows.length - 1);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (clamped >= 0) tableRef.current?.querySelectorAll('tr')[clamped]?.scrollIntoView({ block: 'nearest' });
  }, [clamped]);
  useHotkeys({
    j: () => {
      if (rows.length === 0) return;
      if (clamped >= rows.length - 1) {
        if (opts.hasNextPage && !opts.fetchingNextPage) opts.fetchNextPage();
        return;
      }
      setSelected(clamped + 1);
    },
    k: () => setSelected(Math.max(0, clamped - 1)),
    ArrowDown: () => {
      if (rows.length > 0) setSelected(Math.min(rows.length - 1, clamped + 1));
    },
    ArrowUp: () => setSelected(Math.max(0, clamped - 1)),
    Enter: (e) => {
      // Enter on a focused link, button or select does its own thing.
      if (e.target instanceof HTMLElement && e.target.closest('a,button,select') !== null) return false;
      open(rows[clamped]);
      return true;
    },
    o: () => open(rows[clamped]),
  });
  return { selected: clamped, select: setSelected, tableRef };
}
