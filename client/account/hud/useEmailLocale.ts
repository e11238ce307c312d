import { useEffect, useRef } from 'react';
import { useLayoverStore } from '../../core/store.ts';
import { setEmailLocale } from '../net/accountApi.ts';

/**
 * The member's emails come in the language the lounge is shown in: when a member enters, and whenever the language
 * switcher changes while they are signed in, the server is told (once per member and language).
 */
export function useEmailLocale(): void {
  const locale = useLayoverStore((state) => state.locale);
  const memberId = useLayoverStore((state) => state.member?.id ?? null);
  const told = useRef<string | null>(null);

  useEffect(() => {
    const token = useLayoverStore.getState().token;
    if (!memberId || !token) return;
    const key = `${memberId}:${locale}`;
    if (told.current === key) return;
    told.current = key;
    setEmailLocale(token, locale).catch((error: unknown) => {
      // Not worth interrupting the member for: the next change (or entry) tries again.
      told.current = null;
      console.warn('Layover: saving the email language failed', error);
    });
  }, [memberId, locale]);
}
