import { initialLocale, saveLocale } from './i18n/detect.ts';
import type { MessageKey } from './i18n/en.ts';
import type { Locale, TranslationVars } from './i18n/translate.ts';
import type { Slice } from './slice.ts';

export interface Toast {
  id: number;
  kind: 'status' | 'alert';
  key: MessageKey;
  vars?: TranslationVars;
}

/** The journal, the passport or the member's data, open over the lounge; one at a time. */
export type QuestPanel = 'journal' | 'passport' | 'account';

/** Preferences and what floats over every screen: language, motion, chat fold, the open panel, toasts. */
export interface UiSlice {
  locale: Locale;
  reducedMotion: boolean;
  chatOpen: boolean;
  questPanel: QuestPanel | null;
  toasts: Toast[];
  setLocale: (locale: Locale) => void;
  setReducedMotion: (reducedMotion: boolean) => void;
  setChatOpen: (chatOpen: boolean) => void;
  setQuestPanel: (questPanel: QuestPanel | null) => void;
  pushToast: (toast: Omit<Toast, 'id'>) => number;
  dismissToast: (id: number) => void;
}

/** On phones the chat starts folded so the lounge is visible; one tap opens it. */
function wideScreen(): boolean {
  return !(globalThis.matchMedia?.('(max-width: 720px)').matches ?? false);
}

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** What a fresh page starts from (read from the browser: saved language, motion and screen width). */
export function uiInitialState() {
  return {
    locale: initialLocale(),
    reducedMotion: prefersReducedMotion(),
    chatOpen: wideScreen(),
    questPanel: null as QuestPanel | null,
    toasts: [] as Toast[],
  };
}

/** Signing out closes the open panel; language, motion, chat fold and toasts are the visitor's, not the member's. */
export const uiReset: Partial<UiSlice> = { questPanel: null };

let nextToastId = 1;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  ...uiInitialState(),
  setLocale: (locale) => {
    saveLocale(locale);
    set({ locale });
  },
  setReducedMotion: (reducedMotion) => set({ reducedMotion }),
  setChatOpen: (chatOpen) => set({ chatOpen }),
  setQuestPanel: (questPanel) => set({ questPanel }),
  pushToast: (toast) => {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts, { ...toast, id }].slice(-4) }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
});
