import { create } from 'zustand';
import type { ConsoleMe } from '../../shared/protocol/live-events.ts';
import type { ConsoleErrorCode } from './errors.ts';
import { type ConsoleLocale, initialConsoleLocale, saveConsoleLocale } from './i18n/translate.ts';
import { landingView } from './team/pages.ts';

const TOKEN_KEY = 'layover.console.token';

/** Where the console is: the event list, one event, the content editor, or the members support page. */
export type ConsoleView =
  | { page: 'events' }
  | { page: 'event'; eventId: string }
  | { page: 'content' }
  | { page: 'members' }
  | { page: 'points' }
  | { page: 'checkin' }
  | { page: 'brand' }
  | { page: 'campaigns' }
  | { page: 'analytics' }
  | { page: 'team' };

export interface ConsoleState {
  locale: ConsoleLocale;
  /**
   * The access token of a staff session; kept in sessionStorage so a reload keeps the tab signed in without a
   * refresh (it lives 15 minutes; session.ts renews it through the refresh cookie).
   */
  token: string | null;
  me: ConsoleMe | null;
  /** Why the console went back to sign-in (session ended, wallet without the host role). */
  signInError: ConsoleErrorCode | null;
  view: ConsoleView;
  setLocale: (locale: ConsoleLocale) => void;
  signedIn: (token: string, me: ConsoleMe) => void;
  /** A renewed access token for the same session. */
  renewed: (token: string) => void;
  signOut: (reason?: ConsoleErrorCode) => void;
  show: (view: ConsoleView) => void;
}

function readToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) globalThis.sessionStorage?.setItem(TOKEN_KEY, token);
    else globalThis.sessionStorage?.removeItem(TOKEN_KEY);
  } catch {
    // Blocked storage: the session lasts until this page reloads.
  }
}

/** The console's one store: who is signed in, the language, and which page shows. */
export const useConsoleStore = create<ConsoleState>((set) => ({
  locale: initialConsoleLocale(),
  token: readToken(),
  me: null,
  signInError: null,
  view: { page: 'events' },
  setLocale: (locale) => {
    saveConsoleLocale(locale);
    set({ locale });
  },
  signedIn: (token, me) => {
    writeToken(token);
    set((state) => ({ token, me, signInError: null, view: landingView(me.roles, state.view) }));
  },
  renewed: (token) => {
    writeToken(token);
    set({ token });
  },
  signOut: (reason) => {
    writeToken(null);
    set({ token: null, me: null, signInError: reason ?? null, view: { page: 'events' } });
  },
  show: (view) => set({ view }),
}));
