import { lazy, Suspense, useEffect } from 'react';
import { EntryScreen } from './account/EntryScreen.tsx';
import { MergeOffer } from './account/signIn/MergeOffer.tsx';
import { ClaimLink } from './claim/ClaimLink.tsx';
import { HTML_LANG } from './core/i18n/htmlLang.ts';
import { translate } from './core/i18n/translate.ts';
import { useLayoverStore } from './core/store.ts';
import { BoardingStatus } from './core/ui/BoardingStatus.tsx';
import { Toasts } from './core/ui/Toasts.tsx';

const loadLoungeView = () => import('./lounge/LoungeView.tsx');
/** The 3D lounge and its HUD load on demand, so the entry screen shows quickly. */
const LoungeView = lazy(loadLoungeView);

/** Entry screen until we are seated, then the lounge; the "continue as <name>?" offer and toasts over both. */
export function App() {
  const status = useLayoverStore((state) => state.status);
  const locale = useLayoverStore((state) => state.locale);
  const reducedMotion = useLayoverStore((state) => state.reducedMotion);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[locale];
    document.title = translate(locale, 'app.title');
  }, [locale]);

  useEffect(() => {
    document.documentElement.dataset.reducedMotion = String(reducedMotion);
  }, [reducedMotion]);

  useEffect(() => {
    // Warm the lounge chunk while the member types a name.
    const timer = setTimeout(() => void loadLoungeView().catch(() => undefined), 300);
    return () => clearTimeout(timer);
  }, []);

  return (
    <>
      {status === 'inLounge' ? (
        <Suspense
          fallback={
            <div className="loading">
              <BoardingStatus />
            </div>
          }
        >
          <LoungeView />
        </Suspense>
      ) : (
        <EntryScreen />
      )}
      <MergeOffer />
      <ClaimLink />
      <Toasts />
    </>
  );
}
