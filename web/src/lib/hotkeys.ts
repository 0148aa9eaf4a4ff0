import { useEffect, useRef } from 'react';

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
