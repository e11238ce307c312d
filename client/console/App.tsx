import { useEffect } from 'react';
import { useT } from './i18n/useT.ts';
import { Shell } from './Shell.tsx';
import { SignInScreen } from './SignInScreen.tsx';
import { useConsoleStore } from './store.ts';

/** Sign-in until a host session is confirmed, then the console; keeps <html lang> and the title in step. */
export function App() {
  const t = useT();
  const locale = useConsoleStore((state) => state.locale);
  const signedIn = useConsoleStore((state) => state.me !== null);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);
  return signedIn ? <Shell /> : <SignInScreen />;
}
