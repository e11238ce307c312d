import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLayoverStore } from '../store.ts';

/** The HUD panels that fold into the compact bar on a phone or a short window. */
export type DockPanelId = 'settings' | 'voice' | 'event' | 'map';

/** Narrow or short screens: keep in step with the @media rules in client/lounge/hud/dock.css and client/hall/event-hall.css. */
export const COMPACT_HUD_QUERY = '(max-width: 720px), (max-height: 520px)';

const compact = () => globalThis.matchMedia?.(COMPACT_HUD_QUERY).matches ?? false;

/** Whether the compact HUD is in force, kept current as the window resizes (for panels that move between columns). */
export function useCompactHud(): boolean {
  const [isCompact, setCompact] = useState(compact);
  useEffect(() => {
    const query = globalThis.matchMedia?.(COMPACT_HUD_QUERY);
    if (!query) return;
    const onChange = () => setCompact(query.matches);
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return isCompact;
}

/** What a docked panel spreads on its root: its id for the toggle's aria-controls, its fold, Escape to close. */
export interface DockSlot {
  id: string;
  'data-dock': DockPanelId;
  'data-open': boolean;
  onKeyDown: (event: KeyboardEvent) => void;
}

export interface HudDock {
  open: DockPanelId | null;
  toggle: (panel: DockPanelId) => void;
  /** Opens `panel` in the compact HUD if it is folded (the guided arrival shows the map); wide screens ignore it. */
  reveal: (panel: DockPanelId) => void;
  slot: (panel: DockPanelId) => DockSlot;
  toggleRef: (panel: DockPanelId) => (button: HTMLButtonElement | null) => void;
}

/**
 * One open panel at a time in the compact HUD (wide screens show them all and ignore this): opening one folds the
 * chat and the journal; opening either of those folds the panel; Escape inside a panel closes it and focuses its toggle.
 */
export function useHudDock(initial: DockPanelId | null): HudDock {
  const base = useId();
  const [open, setOpen] = useState<DockPanelId | null>(initial);
  const toggles = useRef(new Map<DockPanelId, HTMLButtonElement>());
  useEffect(() => setOpen(initial), [initial]);
  useEffect(
    () =>
      useLayoverStore.subscribe((state, before) => {
        if ((state.chatOpen && !before.chatOpen) || (state.questPanel && !before.questPanel)) setOpen(null);
      }),
    [],
  );
  const toggle = useCallback((panel: DockPanelId) => {
    setOpen((current) => (current === panel ? null : panel));
    if (!compact()) return;
    const store = useLayoverStore.getState();
    store.setChatOpen(false);
    store.setQuestPanel(null);
  }, []);
  const reveal = useCallback((panel: DockPanelId) => {
    if (!compact()) return;
    setOpen(panel);
    const store = useLayoverStore.getState();
    store.setChatOpen(false);
    store.setQuestPanel(null);
  }, []);
  const close = useCallback((panel: DockPanelId, event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !compact()) return;
    event.stopPropagation();
    setOpen((current) => (current === panel ? null : current));
    toggles.current.get(panel)?.focus();
  }, []);
  const slot = (panel: DockPanelId): DockSlot => ({
    id: `${base}-${panel}`,
    'data-dock': panel,
    'data-open': open === panel,
    onKeyDown: (event) => close(panel, event),
  });
  const toggleRef = (panel: DockPanelId) => (button: HTMLButtonElement | null) => {
    if (button) toggles.current.set(panel, button);
    else toggles.current.delete(panel);
  };
  return { open, toggle, reveal, slot, toggleRef };
}
